"""Shared fixtures: a fixed "today", tiny campaign folders, and one build of the example site."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.source.check import check_campaigns
from generator.source.errors import Problem

from .tools import IN_CI

REPO = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Warsaw")
# The example content is written around this day: one consultation open, one upcoming,
# two concluded, and one whose announcement is not public yet.
TODAY = dt.date(2025, 9, 1)
TODAY_EPOCH = "1756713600"  # 2025-09-01 10:00 in Warsaw

VALID_YML = """\
title: Program Wspierania Rodziny 2025–2027
summary: Zbieramy uwagi do projektu programu.
organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie
published: 2025-08-28
opens: 2025-08-28
closes: 2025-09-26
respond:
  - channel: email
    value: dm@mops.krakow.pl
"""


def write_campaign(
    root: Path,
    yml: str = VALID_YML,
    slug: str = "program-testowy",
    index: str | None = "Treść ogłoszenia.\n",
    files: dict[str, bytes | str] | None = None,
) -> Path:
    """Write one campaign folder under root/campaigns and return the folder."""
    folder = root / "campaigns" / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "campaign.yml").write_text(textwrap.dedent(yml), encoding="utf-8")
    if index is not None:
        (folder / "index.md").write_text(index, encoding="utf-8")
    for name, content in (files or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def check(tmp_path: Path) -> Callable[..., list[Problem]]:
    """Write a campaign into a temporary site and return the problems `consult check` finds."""

    def run(yml: str = VALID_YML, **kwargs: object) -> list[Problem]:
        write_campaign(tmp_path, yml, **kwargs)  # type: ignore[arg-type]
        _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
        return problems

    return run


def consult_build(engine: str, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`consult build --engine ENGINE` in the repository, as of the tests' fixed day."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(Path(sys.executable).parent / "consult"), "build", "--engine", engine, "-d", str(site), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


def build_site(source: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` in a subprocess, the way users do, with a fixed "today"."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(source / "mkdocs.yml"), "-d", str(site_dir), *extra],
        cwd=source, env=full_env, capture_output=True, text=True, timeout=600,
    )


def built_once(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], Path]) -> Path:
    """What `build(folder)` makes (a site), made once for the whole run and then only read.

    Under pytest-xdist the workers share it: the first to ask builds into a folder of the run
    that all of them see, the parent of their own temporary folders, while the others wait on
    a lock (fcntl, so a worker that dies lets go of it); without xdist it is a folder of the
    session. No two processes ever write the same folder.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if hasattr(request.config, "workerinput") else base  # <run>/popen-gwN on a worker
    folder, done = shared / f"once-{name}", shared / f"once-{name}.done"
    with (shared / f"once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed left
                folder.mkdir()
                done.write_text(str(build(folder)), encoding="utf-8")
            return Path(done.read_text(encoding="utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def example_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built once for the whole session (all workers), as of TODAY."""

    def build(folder: Path) -> Path:
        result = build_site(REPO, folder / "site")
        assert result.returncode == 0, result.stderr
        return folder / "site"

    return built_once(request, tmp_path_factory, "example", build)


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A copy of the repository's site sources (content, theme, campaigns, mkdocs.yml) to modify."""
    target = tmp_path / "src"
    target.mkdir()
    for name in ("content", "theme", "campaigns"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a run that skipped anything fails: every test there must test, or be deleted.

    Under pytest-xdist the controller decides: its reporter counts the skips of every worker
    (they send it each report), and a worker's own exit status is not the run's.
    """
    if hasattr(session.config, "workerinput"):  # a pytest-xdist worker
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if IN_CI and skipped and session.exitstatus == 0:
        reasons = sorted({
            (str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr))
            .removeprefix("Skipped: ")
            for report in skipped
        })
        reporter.write_line(f"CI: {len(skipped)} skipped test(s) fail the run: " + "; ".join(reasons), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
