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
import resource  # Unix only, like fork()
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.engine.forkmap import JOBS_VARIABLE as JOBS_VARIABLE  # tests and users set it by this name
from generator.engine.forkmap import can_fork, die_with_parent, jobs
from generator.engine.memo import Memo
from generator.engine.timing import StageTimes
from generator.options import Settings
from generator.outputs import Output, PackedPage, cannot_write, write_outputs
from generator.pipeline import Build, generate_site, published_campaigns, site_stages
from generator.source.errors import ConsultationsError, Problem
from generator.source.model import Campaign


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
    for stage in site_stages():
        if stage.by_consultation is not None:
            with times.stage(stage.name):
                mine = _packed(stage.by_consultation, public[0::2], settings)
                rest = [PackedPage.of(page) for page in stage.rest(public, settings)] if stage.rest else []
                theirs = worker.share()
            # Back in the order of `public`: this process took the even places, the worker the odd ones.
            outputs += [(theirs if i % 2 else mine)[i // 2] for i in range(len(public))] + rest
        elif stage.worker is not None and stage.paths is not None:  # its files are written by the worker
            if stage.rest is not None:
                with times.stage(stage.name):
                    outputs += [PackedPage.of(o) if o.is_page else o for o in stage.rest(public, settings)]
            paths = stage.paths(public, settings)
            outputs += map(Output, paths)
            written += paths
        else:  # any other stage runs here, as without a worker
            with times.stage(stage.name):
                outputs += [PackedPage.of(o) if o.is_page else o for o in stage.build(public, settings)]
    return Generated(outputs, frozenset(written), worker)


def _packed(render: Build, campaigns: list[Campaign], settings: Settings, chunk: int = 64) -> list[PackedPage]:
    """Pages rendered a few consultations at a time and packed: thousands of page texts are never
    all in memory."""
    packed: list[PackedPage] = []
    for start in range(0, len(campaigns), chunk):
        packed += map(PackedPage.of, render(campaigns[start : start + chunk], settings))
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

    def share(self) -> list[PackedPage]:
        """The worker's share of the pages split by consultation (waits for them)."""
        kind, payload = self._message()
        if kind != "share":
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
        stages = site_stages()
        for stage in stages:
            if stage.by_consultation is not None:
                with times.stage(stage.name):
                    send.send(("share", _packed(stage.by_consultation, public[1::2], settings)))
        for stage in stages:  # after the pages: materials are copied off the path of the engine's rendering
            if stage.worker is not None and stage.paths is not None:
                with times.stage(stage.name):
                    write_outputs(stage.worker(public, settings), site_dir)
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
