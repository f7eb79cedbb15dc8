"""The files every consultation site shares with this repository, found in the installed package.

This repository is itself a consultation site, and its theme overrides, CI workflows, editor
settings, JSON Schema and editors' guide are the ones every other site uses. They stay where
they belong in the repository (one source of truth); building the package copies them into
`generator/data/site-kit/` (see setup.py), so `consult init` and the plugin find them in any
installation. An editable install reads them from the source checkout the package lives in.
"""

from __future__ import annotations

from pathlib import Path

# Paths relative to the repository root; a folder stands for every file under it.
SHARED: tuple[str, ...] = (
    "theme",
    "mkdocs.yml",
    ".github/workflows/site.yml",
    ".gitlab-ci.yml",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    "schema/campaign.schema.json",
    "docs/dla-redaktorow.md",
)

KIT_DIR = "data/site-kit"


class SiteKitMissing(RuntimeError):
    """The shared site files are not installed with the package (a broken installation)."""


def kit_root() -> Path:
    """The folder holding the shared files: packaged copy, else the source checkout."""
    package = Path(__file__).resolve().parents[1]  # the generator package (this file is in newsite/)
    packaged = package / KIT_DIR
    if packaged.is_dir():
        return packaged
    source = package.parent
    pyproject = source / "pyproject.toml"
    if pyproject.is_file() and 'name = "konsultacje"' in pyproject.read_text(encoding="utf-8"):
        return source
    raise SiteKitMissing(
        f"the site files are missing from {packaged}; reinstall the package "
        "(pip install --force-reinstall konsultacje)"
    )


def theme_dir() -> Path:
    """The theme overrides every site gets from the package."""
    return kit_root() / "theme"


def shared_files() -> dict[str, Path]:
    """Every shared file, by its path relative to a site's root, sorted."""
    root = kit_root()
    found: dict[str, Path] = {}
    for name in SHARED:
        path = root / name
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and "__pycache__" not in file.parts:
                    found[file.relative_to(root).as_posix()] = file
        elif path.is_file():
            found[name] = path
    return dict(sorted(found.items()))
