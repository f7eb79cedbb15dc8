"""Generating with a worker process gives the same files, in the same order, as one process.

The worker is a fork() of the build: these tests run it for real (on Linux) and compare its
files and the list handed to MkDocs with `generate_site`, and a whole site built both ways.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import PluginCollection

from generator import urls
from generator.calendars import ical
from generator.engine import parallel
from generator.engine.config import make_settings
from generator.engine.plugin import ConsultationsPlugin
from generator.engine.timing import StageTimes
from generator.options import Settings
from generator.outputs import Output, PackedPage, write_outputs
from generator.pipeline import generate_site
from generator.source.check import check_campaigns
from generator.source.errors import ConsultationsError, Problem

from .conftest import REPO, TODAY, TZ, build_site

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="the worker is a fork() of the build")


def _settings() -> Settings:
    """The repository's own settings (every option it sets, so every stage has files), as of TODAY."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    settings = make_settings(config.plugins["consultations"].config, config)
    return dataclasses.replace(settings, today=TODAY, build_time=dt.datetime(2025, 9, 1, 8, tzinfo=dt.timezone.utc))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")


def test_the_worker_writes_what_one_process_would_and_the_list_keeps_its_order(
    tmp_path: Path, two_jobs: None
) -> None:
    settings = _settings()
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    expected = generate_site(campaigns, settings)
    assert urls.statement_page(settings) + "index.md" in {o.path for o in expected}  # every stage has files
    times = StageTimes()

    generated = parallel.generate(campaigns, settings, tmp_path / "site", times)
    assert generated.worker is not None
    generated.worker.finish()

    assert [o.path for o in generated.outputs] == [o.path for o in expected]
    by_path = {o.path: o for o in expected}
    for item in generated.outputs:
        if item.path in generated.written:
            assert isinstance(item, Output) and item.content is None and item.source is None
        else:  # pages come packed (as UTF-8)
            assert (item.output() if isinstance(item, PackedPage) else item) == by_path[item.path], item.path
            assert isinstance(item, PackedPage) == by_path[item.path].is_page
    assert generated.written and all(not by_path[path].is_page for path in generated.written)
    write_outputs([by_path[path] for path in generated.written], tmp_path / "expected")
    assert _files(tmp_path / "site") == _files(tmp_path / "expected")
    assert {"pages", "worker: calendars"} <= set(times.seconds) | {
        "worker: " + k for k in generated.worker.times
    }


def test_with_one_job_everything_is_generated_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "1")
    settings = _settings()
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    generated = parallel.generate(campaigns, settings, tmp_path, StageTimes())
    assert generated.worker is None and not generated.written
    assert generated.outputs == generate_site(campaigns, settings)


@pytest.mark.parametrize(("value", "expected"), [("1", 1), ("3", 3), ("0", None), ("dwa", None), ("", None)])
def test_the_number_of_jobs_comes_from_the_environment(
    value: str, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(parallel.JOBS_VARIABLE, value)
    assert parallel.jobs() == (expected or (2 if (os.cpu_count() or 1) > 1 else 1))


def test_a_problem_found_by_the_worker_stops_the_build_with_its_message(
    tmp_path: Path, two_jobs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    problem = Problem("mkdocs.yml", "timezone_calendar", {"tz": "Europe/Warsaw", "times": "2025-03-30 02:30"})

    def refuse(*args: object) -> None:
        raise ConsultationsError([problem])

    monkeypatch.setattr(ical, "iter_calendars", refuse)  # the fork inherits the patch
    settings = _settings()
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    generated = parallel.generate(campaigns, settings, tmp_path, StageTimes())
    assert generated.worker is not None
    with pytest.raises(ConsultationsError) as error:
        generated.worker.finish()
    assert error.value.problems == [problem]


def test_a_problem_found_by_the_worker_reaches_mkdocs_as_its_message(
    tmp_path: Path, two_jobs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs prints a PluginError as a message and anything else with a traceback: the plugin
    hands the worker's ConsultationsError on as one, with the same text."""
    problem = Problem("mkdocs.yml", "timezone_calendar", {"tz": "Europe/Warsaw", "times": "2025-03-30 02:30"})

    def refuse(*args: object) -> None:
        raise ConsultationsError([problem])

    monkeypatch.setattr(ical, "iter_calendars", refuse)
    settings = _settings()
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    plugin = ConsultationsPlugin()
    plugin.worker = parallel.generate(campaigns, settings, tmp_path, StageTimes()).worker
    assert plugin.worker is not None
    plugins = PluginCollection()  # the plugin's post_build events, run as MkDocs runs them
    plugins["consultations"] = plugin
    with pytest.raises(PluginError) as error:
        plugins.on_post_build(config=MkDocsConfig())
    assert not isinstance(error.value, ConsultationsError)
    assert str(error.value) == str(ConsultationsError([problem]))


@pytest.mark.parametrize("how", ["raise", "exit"])
def test_a_worker_that_fails_or_dies_fails_the_build(
    tmp_path: Path, two_jobs: None, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    def broken(*args: object) -> None:
        if how == "exit":
            os._exit(3)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ical, "iter_calendars", broken)
    settings = _settings()
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    generated = parallel.generate(campaigns, settings, tmp_path, StageTimes())
    assert generated.worker is not None
    with pytest.raises(parallel.WorkerFailed, match="disk on fire" if how == "raise" else "exit status 3"):
        generated.worker.finish()


def test_a_site_built_with_a_worker_is_the_site_built_without(example_site: Path, tmp_path: Path) -> None:
    # example_site is built with the default number of jobs: two on any machine with two cores.
    result = build_site(REPO, tmp_path / "site", env={parallel.JOBS_VARIABLE: "1"})
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "site") == _files(example_site)


def test_a_build_that_fails_in_the_worker_leaves_the_previous_site(
    site_copy: Path,
    tmp_path: Path,
    two_jobs: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    monkeypatch.chdir(site_copy)
    site = tmp_path / "site"
    config = load_config(str(site_copy / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)  # the plugin instance outlives builds
    build(config)
    before = _files(site)

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ical, "iter_calendars", broken)
    with pytest.raises(Abort):
        build(load_config(str(site_copy / "mkdocs.yml"), site_dir=str(site)))
    assert "disk on fire" in caplog.text
    assert _files(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]  # no staging folder left
