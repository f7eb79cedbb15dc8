"""Take full-page screenshots of a built site at phone and desktop widths, for a human to look at.

    python scripts/screenshots.py SITE_DIR OUT_DIR [PAGE ...] [--widths 375,1280] [--clock 2025-09-01T10:00:00+02:00]

Serves SITE_DIR on a local port and opens each PAGE (site paths such as `konsultacje/x/`) in
headless Chromium (/usr/bin/chromium, never a downloaded browser). `--clock` fixes the time the
page's scripts see, so a build for a fixed day looks as it would on that day.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_PAGES = ["", "konsultacje/program-wspierania-rodziny-2025-2027/", "kalendarz/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--widths", default="375,1280")
    parser.add_argument("--clock", default="")
    parser.add_argument("--scheme", choices=["light", "dark"], default="light")
    parser.add_argument("--split", type=int, default=0, help="also save slices this many pixels high")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
            browser = pw.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=FLAGS, color_scheme=args.scheme
            )
            for width in (int(w) for w in args.widths.split(",")):
                for path in args.pages:
                    page = browser.new_page()
                    if args.clock:
                        page.clock.set_fixed_time(datetime.fromisoformat(args.clock))
                    page.set_viewport_size({"width": width, "height": 900})
                    page.goto(base + path, wait_until="networkidle")
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
                    page.screenshot(path=str(args.out / name), full_page=True)
                    if args.split:
                        height = page.evaluate("document.documentElement.scrollHeight")
                        for index, top in enumerate(range(0, height, args.split)):
                            clip = {"x": 0, "y": top, "width": width, "height": min(args.split, height - top)}
                            part = name.replace(".png", f"-{index + 1}.png")
                            page.screenshot(path=str(args.out / part), full_page=True, clip=clip)
                    page.close()
                    print(args.out / name)
            browser.close()
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


if __name__ == "__main__":
    main()
