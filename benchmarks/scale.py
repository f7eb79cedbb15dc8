"""The two budgets that do not depend on MkDocs, at 10,000 consultations.

    .venv/bin/python benchmarks/scale.py            # N = 10,000, median of 3 runs
    .venv/bin/python benchmarks/scale.py -n 20000 --runs 5

Generates N synthetic consultations (the same generator as bench.py), then times, in this
process, reading and validating them all (the budget is 5 s at 10,000) and writing every
feed (the budget is 5 s at 10,000): the calendars (site, category and consultation feeds and
one file per event) and the RSS/Atom news feeds. Each is the median of several runs, and the
calendars are timed both with and without the single-event downloads, because those are the
one part that grows with the number of events rather than the number of feeds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import EPOCH, make_our_site  # noqa: E402

BUDGET = 5.0


def median_seconds(runs: int, work: Callable[[], object], setup: Callable[[], None] = lambda: None) -> tuple[float, list[float]]:
    """The median wall time of `runs` calls (each after an untimed `setup`), and every time."""
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
        del result  # freeing it is not part of the work
    return statistics.median(times), times


def main() -> None:
    """Generate, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="number of consultations")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (the median is shown)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from mkdocs.config import load_config

    from generator.calendars import ical
    from generator.engine import gcpause
    from generator.engine.config import make_settings
    from generator.news import rss
    from generator.outputs import write_outputs
    from generator.pipeline import published_campaigns
    from generator.source.check import check_campaigns

    base = Path(tempfile.mkdtemp(prefix=f"scale-{args.n}-"))
    try:
        site, _texts = make_our_site(base, args.n)
        config = load_config(str(site / "mkdocs.yml"))
        settings = make_settings(config.plugins["consultations"].config, config)  # type: ignore[attr-defined]

        def check() -> list:
            with gcpause.paused(settle_after=True):  # as the build reads them
                campaigns, problems = check_campaigns(settings.campaigns_dir, settings.root, settings.timezone)
            assert not problems, problems[:3]
            return campaigns

        campaigns = check()
        public = published_campaigns(campaigns, settings)
        files = len(ical.calendar_paths(public, settings))
        out = base / "out"

        def fresh() -> None:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            os.sync()  # the previous run's deletions reach the disk before the next run is timed

        def every_feed() -> None:
            write_outputs(ical.iter_calendars(public, settings), out)
            write_outputs(rss.build_feeds(public, settings), out)

        def generate_only() -> None:
            for _output in ical.iter_calendars(public, settings):
                pass
            rss.build_feeds(public, settings)

        print(f"{args.n} consultations, {files} calendar files; median of {args.runs} runs, budget {BUDGET:.0f} s each")
        for label, work in (
            ("load and validate", check),
            ("write all feeds", every_feed),
            ("  of which making them (no writing)", generate_only),
        ):
            median, times = median_seconds(args.runs, work, fresh)
            verdict = "" if label.startswith("  ") else ("  met" if median < BUDGET else "  NOT MET")
            print(f"  {label:<36} {median:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)}){verdict}", flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
