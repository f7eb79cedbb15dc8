"""The rules for tests that need tools: in CI a missing tool or any skip fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

SKIPPING = """
import pytest

def test_passes():
    assert True

def test_needs_a_tool():
    pytest.skip("the tool is not installed")
"""

SKIPPING_A_MODULE = """
import pytest

pytest.skip("the module needs a tool", allow_module_level=True)
"""

NEEDS_CHROMIUM = """
from tests.tools import require_chromium

def test_browser():
    require_chromium()
"""


def run_pytest(tmp_path: Path, source: str | dict[str, str], ci: str | None, *options: str,
               **env: str) -> subprocess.CompletedProcess[str]:
    """pytest on test files (one, or several by name), with this suite's conftest (and its session
    rules) loaded; options such as `-n 2` are passed on."""
    sources = {"test_sample.py": source} if isinstance(source, str) else source
    for name, text in sources.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # Not CI's value, nor the pytest-xdist worker's variables of the run this test is part of.
    environ = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith("PYTEST_XDIST_")} | env
    if ci is not None:
        environ["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), *options, *(str(tmp_path / name) for name in sources)],
        cwd=REPO, env=environ, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_a_skip_fails_a_ci_run(tmp_path: Path, ci: str) -> None:
    result = run_pytest(tmp_path, SKIPPING, ci)
    assert result.returncode == 1, result.stdout
    assert "skipped test(s) fail the run: the tool is not installed" in result.stdout


def test_skips_on_xdist_workers_fail_a_ci_run(tmp_path: Path) -> None:
    """The suite runs on pytest-xdist workers: the controller still sees and counts every skip."""
    files = {"test_sample.py": SKIPPING, "test_module.py": SKIPPING_A_MODULE}
    result = run_pytest(tmp_path, files, "true", "-n", "2")
    assert result.returncode == 1, result.stdout
    assert "CI: 2 skipped test(s) fail the run: the module needs a tool; the tool is not installed" in result.stdout
    assert "1 passed, 2 skipped" in result.stdout
    assert run_pytest(tmp_path, files, None, "-n", "2").returncode == 0


def test_a_skip_outside_ci_is_reported_not_failed(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, SKIPPING, None)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout


def test_a_missing_chromium_fails_in_ci_and_says_which(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-chromium")
    result = run_pytest(tmp_path, NEEDS_CHROMIUM, "true", CHROMIUM_PATH=missing)
    assert result.returncode == 1
    assert f"Chromium ({missing}) is missing; CI must have it" in result.stdout
    assert run_pytest(tmp_path, NEEDS_CHROMIUM, None, CHROMIUM_PATH=missing).returncode == 0  # skipped
