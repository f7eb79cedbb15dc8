"""Static site generator for public consultations: MkDocs plugin `consultations` and `consult` CLI."""

__version__ = "0.1.0"
