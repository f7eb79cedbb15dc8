"""Small sites for tests that build: the corpus' base site with changes, and tree digests."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .bad_input_cases import BASE_FILES, Content, Folder, Link, base_mkdocs_yml
from .conftest import REPO, TODAY_EPOCH


def make_site(root: Path, changes: dict[str, Content]) -> Path:
    """A small site: the repository's content, theme and mkdocs.yml, one campaign, then the changes."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("content", "theme"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    files: dict[str, Content] = {"mkdocs.yml": base_mkdocs_yml(), **BASE_FILES, **changes}
    for rel, content in files.items():
        target = root / rel
        if content is None:
            if target.is_file() or target.is_symlink():
                target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            target.symlink_to(content)
        elif isinstance(content, Folder):
            target.mkdir()
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    return root


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under folder with the hash of its bytes (links as their targets)."""
    digest = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            digest[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            digest[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest[rel] = "dir"
    return digest


def run_mkdocs(source: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` without -q, which silences warnings and so hides them from --strict."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(source / "mkdocs.yml"), "-d", str(site), *extra],
        cwd=source, env=env, capture_output=True, text=True, timeout=600,
    )
