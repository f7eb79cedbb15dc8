"""Reading the editors' files: YAML with its lines, each consultation loaded, validated into
the model, and every problem as a message that says how to fix it (`check` runs it all).
"""
