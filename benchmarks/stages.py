"""Where a build's time goes: one `mkdocs build` in this process, each stage timed.

    .venv/bin/python benchmarks/stages.py SITE_DIR [OUT_DIR]

Prints, as JSON, the seconds (wall clock, and CPU time of this process) spent in each stage
of the consultations plugin (load, validate, pages, calendars, news feeds, exports, search)
and in MkDocs' own work (Markdown, page templates, writing files), measured inside one real
build by wrapping the functions that do each. `bench.py` runs it in a subprocess per size.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

Totals = dict[str, list[float]]


def _wrap(totals: Totals, owner: Any, name: str, stage: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            totals[stage][0] += time.perf_counter() - wall
            totals[stage][1] += time.process_time() - cpu

    setattr(owner, name, timed)


def instrument(totals: Totals) -> None:
    """Wrap the functions of each stage (none of them calls another stage's function)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from generator import export, pages, pipeline, plugin, search
    from generator.feeds import ical, rss

    _wrap(totals, pipeline, "load_campaigns", "load")
    _wrap(totals, pipeline, "validate_campaigns", "validate")
    _wrap(totals, plugin, "load_history", "history (git)")
    _wrap(totals, pages, "render_pages", "pages (Markdown text)")
    _wrap(totals, ical, "build_calendars", "calendars (.ics)")
    _wrap(totals, rss, "build_feeds", "news feeds (RSS, Atom)")
    _wrap(totals, export, "build_exports", "export (JSON)")
    _wrap(totals, search, "build_search", "search index")
    _wrap(totals, Page, "render", "MkDocs: Markdown to HTML")
    _wrap(totals, mkdocs_build, "_build_page", "MkDocs: page templates")
    _wrap(totals, Files, "copy_static_files", "MkDocs: writing other files")


def main() -> None:
    """Build the site given on the command line and print the stage times."""
    site = Path(sys.argv[1]).resolve()
    out = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else site / "site"
    os.chdir(site)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    totals: Totals = defaultdict(lambda: [0.0, 0.0])
    instrument(totals)
    wall, cpu = time.perf_counter(), time.process_time()
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    build(config)
    totals["whole build (in process)"] = [time.perf_counter() - wall, time.process_time() - cpu]
    print(json.dumps({k: [round(v[0], 3), round(v[1], 3)] for k, v in totals.items()}))


if __name__ == "__main__":
    main()
