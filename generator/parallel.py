"""Generate with two processor cores: a forked worker shares the pages, then writes the other files.

Every stage is a function of the validated campaigns and the settings alone (no clock, no
state between stages), so a worker forked after validation computes the same bytes this
process would. The worker renders every other consultation page and sends them back, then
copies the materials and writes the calendars, exports and search index straight into the site folder
while the engine turns the pages into HTML; `Worker.finish` waits for it before the build is
published. This process renders the other consultation pages, the lists and the news feeds.

The result lists the same files in the same order as `generate_site`, so the built site is
byte for byte the same (tests build both ways). Without fork() (Windows; macOS, where it is
unsafe), on one core, while serving (the preview has threads, and fork copies only one), or
with CONSULTATIONS_JOBS=1, everything is generated here, one stage after another.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator import export, pages, search
from generator.errors import ConsultationsError, Problem
from generator.feeds import ical
from generator.forkmap import JOBS_VARIABLE as JOBS_VARIABLE  # tests and users set it by this name
from generator.forkmap import can_fork, die_with_parent, jobs
from generator.memo import Memo
from generator.model import Campaign
from generator.outputs import (
    Output,
    PackedPage,
    cannot_write,
    generate_site,
    material_outputs,
    published_campaigns,
    site_stages,
    write_outputs,
)
from generator.settings import Settings
from generator.timing import StageTimes


class WorkerFailed(Exception):
    """The worker process stopped without finishing its files."""


@dataclass
class Generated:
    """Every generated file, in `generate_site`'s order.

    Outputs whose path is in `written` have no content: the worker writes them into the
    site folder itself, and the build must call `worker.finish()` before it is published.
    """

    outputs: Sequence[Output | PackedPage]
    written: frozenset[str]
    worker: Worker | None


def generate(
    campaigns: Sequence[Campaign],
    settings: Settings,
    site_dir: Path | None,
    times: StageTimes,
    memo: Memo | None = None,
) -> Generated:
    """Generate the site's files, with a worker writing part of them into `site_dir` when possible.

    With `site_dir` None (the preview), everything is generated here, with the session's `memo`.
    """
    if site_dir is None or jobs() < 2 or not can_fork():
        return Generated(generate_site(campaigns, settings, times, memo), frozenset(), None)
    public = published_campaigns(campaigns, settings)
    worker = Worker(public, settings, site_dir)
    try:
        return _share(public, settings, worker, times)
    except BaseException:
        worker.stop()
        raise


def _share(public: list[Campaign], settings: Settings, worker: Worker, times: StageTimes) -> Generated:
    outputs: list[Output | PackedPage] = []
    written: list[str] = []
    for name, build in site_stages():
        if name == "pages":
            with times.stage("pages"):
                mine = _packed_pages(public[0::2], settings)
                index_pages = [PackedPage.of(page) for page in pages.render_index_pages(public, settings)]
                theirs = worker.pages()
            # Back in the order of `public`: this process took the even places, the worker the odd ones.
            outputs += [(theirs if i % 2 else mine)[i // 2] for i in range(len(public))] + index_pages
        elif name in ("materials", "calendars", "exports", "search"):  # written by the worker (see _work)
            if name == "search":
                with times.stage("search"):
                    outputs.append(PackedPage.of(search.build_search_page(public, settings)))
            paths = {
                "materials": lambda: [o.path for o in material_outputs(public, settings)],
                "calendars": lambda: ical.calendar_paths(public, settings),
                "exports": lambda: export.export_paths(settings),
                "search": lambda: search.search_file_paths(settings),
            }[name]()
            outputs += map(Output, paths)
            written += paths
        else:  # any other stage runs here, as without a worker
            with times.stage(name):
                outputs += [PackedPage.of(o) if o.is_page else o for o in build(public, settings)]
    return Generated(outputs, frozenset(written), worker)


def _packed_pages(campaigns: list[Campaign], settings: Settings, chunk: int = 64) -> list[PackedPage]:
    """The consultations' pages, packed a few at a time: thousands of page texts are never all in memory."""
    packed: list[PackedPage] = []
    for start in range(0, len(campaigns), chunk):
        packed += map(PackedPage.of, pages.render_campaign_pages(campaigns[start : start + chunk], settings))
    return packed


class Worker:
    """A forked copy of this process that renders its share of the pages and writes files."""

    def __init__(self, public: list[Campaign], settings: Settings, site_dir: Path) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_work, args=(public, settings, site_dir, send, os.getpid()), name="consultations-worker", daemon=True
        )
        self._process.start()
        send.close()  # the worker holds the only sending end: a crash ends the pipe
        self.times: dict[str, float] = {}
        self.peak_rss_kib = 0

    def pages(self) -> list[PackedPage]:
        """The worker's share of the consultation pages (waits for them)."""
        kind, payload = self._message()
        if kind != "pages":
            self._failed(kind, payload)
        return list(payload)

    def finish(self) -> None:
        """Wait until every file is written; raise what stopped the worker, if anything did."""
        kind, payload = self._message()
        self._process.join()
        if kind != "done":
            self._failed(kind, payload)
        self.times, self.peak_rss_kib = payload

    def stop(self) -> None:
        """End the worker at once (the build failed elsewhere or was interrupted)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()

    def _message(self) -> tuple[str, Any]:
        try:
            message: tuple[str, Any] = self._receive.recv()
        except (EOFError, OSError):
            self._process.join()
            return "crashed", f"exit status {self._process.exitcode}"
        return message

    def _failed(self, kind: str, payload: Any) -> None:
        self.stop()
        if kind == "problems":
            problems, language = payload
            raise ConsultationsError(problems, language)
        if kind == "os":
            raise WorkerFailed(cannot_write(payload))
        raise WorkerFailed(
            f"The worker process that writes the calendars and exports failed ({kind}):\n{payload}"
        )


def _work(public: list[Campaign], settings: Settings, site_dir: Path, send: Connection, parent: int) -> None:
    """The worker's whole job; it reports its failures instead of raising them."""
    die_with_parent(parent)
    times = StageTimes()
    try:
        with times.stage("pages"):
            send.send(("pages", _packed_pages(public[1::2], settings)))
        with times.stage("materials"):  # copied here, off the path of the engine's page rendering
            write_outputs(material_outputs(public, settings), site_dir)
        with times.stage("calendars"):
            write_outputs(ical.iter_calendars(public, settings), site_dir)
        for name, build in (("exports", export.build_exports), ("search", search.build_search_files)):
            with times.stage(name):
                outputs = build(public, settings)
            with times.stage("writing"):
                write_outputs(outputs, site_dir)
        import resource  # Unix only, like fork()

        send.send(("done", (times.seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
    except ConsultationsError as exc:
        send.send(("problems", (_problems(exc), settings.language)))
    except OSError as exc:  # a file gone since it was checked, a full disk: no traceback, what and where
        send.send(("os", f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)))
    except BaseException:  # noqa: BLE001 - reported to the build, which stops with it
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


def _problems(exc: ConsultationsError) -> list[Problem]:
    return list(exc.problems)
