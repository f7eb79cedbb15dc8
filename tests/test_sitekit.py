"""The files every site shares with this repository travel inside the built package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.newsite import sitekit

from .conftest import REPO, TODAY_EPOCH


def test_shared_files_are_the_repository_files() -> None:
    files = sitekit.shared_files()
    assert "theme/main.html" in files and ".github/workflows/site.yml" in files
    for rel, path in files.items():
        assert path.read_bytes() == (REPO / rel).read_bytes()
    assert {rel.split("/")[0] if rel.startswith("theme/") else rel for rel in files} == set(sitekit.SHARED)


# What a checkout holds besides its sources, anywhere in the tree: caches that other tests (other
# pytest-xdist workers too) write while this copy runs, and the environment and tools installed.
_NOT_SOURCES_ANYWHERE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", ".mypy_cache",
    ".ruff_cache", "*.egg-info",
)
# Only at the top of the checkout: builds and what a killed build leaves (see .gitignore), and
# what the tests and benchmarks write.
_NOT_SOURCES_AT_TOP = shutil.ignore_patterns(
    "site", "site-*", ".site.new-*", ".site.old-*", ".site.lock", "build", "dist",
)
_NOT_SOURCES_BELOW = {"tests": {"artifacts"}, "benchmarks": {"out"}, "generator/data": {"site-kit"}}


def not_sources(folder: str, names: list[str]) -> set[str]:
    """For shutil.copytree: the names in folder of the checkout that are not its sources."""
    ignored = set(_NOT_SOURCES_ANYWHERE(folder, names))
    rel = Path(folder).relative_to(REPO).as_posix()
    if rel == ".":
        ignored |= _NOT_SOURCES_AT_TOP(folder, names)
    return ignored | (_NOT_SOURCES_BELOW.get(rel, set()) & set(names))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as pip builds it from this checkout (no network: the installed setuptools)."""
    pytest.importorskip("setuptools")
    source = tmp_path_factory.mktemp("src")
    # Build from a clean copy, so nothing from a previous build or the venv leaks in.
    shutil.copytree(REPO, source / "konsultacje", ignore=not_sources)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
         str(source / "konsultacje")],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    [built] = out.glob("konsultacje-*.whl")
    return built


def test_wheel_carries_the_shared_files(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for rel, path in sitekit.shared_files().items():
            packed = f"generator/{sitekit.KIT_DIR}/{rel}"
            assert packed in names, packed
            assert archive.read(packed) == path.read_bytes(), rel
        assert "generator/data/init/content/index.md" in names


def test_init_from_the_installed_package_alone(wheel: Path, tmp_path: Path) -> None:
    """`consult init` run from an unpacked wheel, far from this checkout, writes the same files."""
    installed = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    env = {**os.environ, "PYTHONPATH": str(installed), "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    probe = subprocess.run([sys.executable, "-c", "import generator.newsite.sitekit as k; print(k.kit_root())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert Path(probe.stdout.strip()).is_relative_to(installed)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from generator.cli import main; sys.exit(main(sys.argv[1:]))",
         "init", "nowa", "--name", "Urząd Gminy Testowo", "--url", "https://testowo.example.pl/"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for rel in (".github/workflows/site.yml", ".gitlab-ci.yml", "docs/dla-redaktorow.md", ".vscode/settings.json"):
        assert (tmp_path / "nowa" / rel).read_bytes() == (REPO / rel).read_bytes()
