"""How long the preview takes to show an edit: `mkdocs serve` on a site of N synthetic consultations.

    .venv/bin/python benchmarks/preview.py             # N = 1000, 3 edits, with --dirty
    .venv/bin/python benchmarks/preview.py -n 1000 --clean-builds

Starts the server on 127.0.0.1 (a free port), waits for the first build, then edits one
consultation's announcement several times, each time polling its page until the new text
is served, and prints the seconds from the edit to the new page. The server is stopped at
the end; every wait is bounded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import EPOCH, make_our_site  # noqa: E402

FIRST_BUILD_LIMIT = 600  # seconds
EDIT_LIMIT = 120


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server cannot give it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until the page at `url` contains `text`; raise after `limit` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {limit} s")


def published_slug(site: Path) -> str:
    """A consultation that is public on the benchmark's day (its page exists)."""
    for folder in sorted((site / "campaigns").iterdir()):
        for line in (folder / "campaign.yml").read_text(encoding="utf-8").splitlines():
            if line.startswith("published: ") and line.split()[1] < "2025-08-01":
                return folder.name
    raise SystemExit("no published consultation")


def measure(site: Path, slug: str, edits: int, dirty: bool) -> list[float]:
    """Start the server, edit one consultation `edits` times, return the seconds each took."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        *(["--dirty"] if dirty else []),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    log = open(site / "serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        command, cwd=site, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}/konsultacje/{slug}/"
    times = []
    try:
        first = wait_for(url, "</html>", FIRST_BUILD_LIMIT)
        print(f"  first build served after {first:.1f} s", flush=True)
        index = site / "campaigns" / slug / "index.md"
        original = index.read_text(encoding="utf-8")
        for number in range(edits):
            marker = f"Poprawka numer {number + 1} {time.time_ns()}"
            time.sleep(1.5)  # the watcher must see a new modification time
            index.write_text(original + f"\n{marker}\n", encoding="utf-8")
            seconds = wait_for(url, marker, EDIT_LIMIT)
            times.append(seconds)
            print(f"  edit {number + 1}: new text served after {seconds:.2f} s", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
    return times


def main() -> None:
    """Measure and print the preview's latency."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=1000, help="number of consultations")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--clean-builds", action="store_true", help="plain `mkdocs serve` (no --dirty)")
    parser.add_argument("--keep", action="store_true", help="keep the generated site")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix=f"preview-{args.n}-"))
    try:
        site, _ = make_our_site(base, args.n)
        mode = "mkdocs serve" + ("" if args.clean_builds else " --dirty")
        print(f"{mode}, {args.n} consultations:", flush=True)
        times = measure(site, published_slug(site), args.edits, dirty=not args.clean_builds)
        print(f"median from edit to new page: {statistics.median(times):.2f} s")
    finally:
        if args.keep:
            print(f"kept in {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
