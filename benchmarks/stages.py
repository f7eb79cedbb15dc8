"""Where a build's time goes: one `mkdocs build` in this process, each stage timed.

    .venv/bin/python benchmarks/stages.py SITE_DIR [OUT_DIR]

Prints, as JSON, the wall-clock seconds of each stage of the consultations plugin (as the
plugin measures them, its worker process included, named "worker: …") and of MkDocs' own
work on the pages (Markdown to HTML, page templates, copying other files), measured inside
one real build. `bench.py` runs it in a subprocess for each size.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MKDOCS_STAGES = {
    "MkDocs: Markdown to HTML": ("mkdocs.structure.pages", "Page", "render"),
    "MkDocs: page templates": ("mkdocs.commands.build", None, "_build_page"),
    "MkDocs: copying files": ("mkdocs.structure.files", "Files", "copy_static_files"),
}


def _wrap(totals: dict[str, float], stage: str, owner: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[stage] = totals.get(stage, 0.0) + time.perf_counter() - start

    setattr(owner, name, timed)


def measure(site: Path, out: Path) -> dict[str, float]:
    """Build `site` into `out` in this process; return seconds per stage."""
    import importlib

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    totals: dict[str, float] = {}
    for stage, (module, cls, name) in MKDOCS_STAGES.items():
        owner = importlib.import_module(module)
        _wrap(totals, stage, getattr(owner, cls) if cls else owner, name)
    start = time.perf_counter()
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    build(config)
    whole = time.perf_counter() - start
    plugin = config.plugins["consultations"]
    return {**plugin.stage_times.seconds, **totals, "whole build (in process)": whole}


def main() -> None:
    """Build the site given on the command line and print the stage times as JSON."""
    site = Path(sys.argv[1]).resolve()
    out = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else site / "site"
    os.chdir(site)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(json.dumps({k: round(v, 3) for k, v in measure(site, out).items()}))


if __name__ == "__main__":
    main()
