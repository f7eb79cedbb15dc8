"""Reproducible builds: the same commit and SOURCE_DATE_EPOCH give the same bytes, every file.

The second build runs from another checkout of the commit at another path (new file times), with
another hash seed (set and dict order) and another local time zone of the machine, as a CI
runner elsewhere would. Pages, feeds, calendars, JSON, the sitemap and its gzip, the search
index and copied materials are all compared.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.engine.config import make_settings
from generator.pipeline import generate_site
from generator.source.check import check_campaigns

from .conftest import REPO, TODAY_EPOCH, build_site


def checkout_copy(target: Path) -> Path:
    """Another checkout of the same commit (the change register reads its history), with the
    working tree's files copied over it, so uncommitted work is compared too."""
    subprocess.run(["git", "clone", "--quiet", "--shared", str(REPO), str(target)], check=True,
                   capture_output=True)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = REPO / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / rel)  # new modification times on purpose
    return target


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def describe_difference(path: str, a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), "first", "second", n=1)
        return f"{path}:\n" + "\n".join(list(lines)[:20])
    except UnicodeDecodeError:
        return f"{path}: binary, sha256 {hashlib.sha256(a).hexdigest()[:12]} != {hashlib.sha256(b).hexdigest()[:12]}"


def test_two_builds_of_the_same_commit_are_byte_identical(example_site: Path, tmp_path: Path) -> None:
    source = checkout_copy(tmp_path / "elsewhere" / "checkout")
    second_site = tmp_path / "second" / "site"
    result = build_site(source, second_site, env={"PYTHONHASHSEED": "12345", "TZ": "America/New_York"})
    assert result.returncode == 0, result.stderr

    first, second = files_of(example_site), files_of(second_site)

    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert not different, "\n\n".join(describe_difference(p, first[p], second[p]) for p in different[:5])


def test_the_comparison_covers_every_kind_of_output(example_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything the generator publishes is in the build that was compared; MkDocs' own files too."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    config = load_config(str(REPO / "mkdocs.yml"))
    settings = make_settings(config.plugins["consultations"].config, config)
    campaigns, _ = check_campaigns(settings.campaigns_dir, settings.root, settings.timezone)
    files = set(files_of(example_site))

    generated = [_published_path(output.path) for output in generate_site(campaigns, settings)]

    assert generated and not [path for path in generated if path not in files]
    assert {"sitemap.xml", "sitemap.xml.gz", "404.html"} <= files
    if "search" in config.plugins:
        assert "search/search_index.json" in files


def _published_path(path: str) -> str:
    """Where MkDocs puts a generated file (pages become folder/index.html)."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    return f"{stem}.html" if stem.endswith("index") or stem == "404" else f"{stem}/index.html"
