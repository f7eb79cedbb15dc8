"""The tools some tests need (Chromium, Node, Java, npm packages): one place decides what happens
when one is missing.

Locally such a test is skipped with the reason; in CI (CI set to true, 1 or yes, as `.ci/run`
does) it fails, and `tests/conftest.py` also fails a CI run that reports any skip at all, so a
new skip cannot creep in.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
# The distribution's Chromium (Debian: /usr/bin/chromium); CHROMIUM_PATH names another system one.
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium")


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) when a tool the test needs is missing."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing; CI must have it (run scripts/setup-test-tools)", pytrace=False)
    pytest.skip(f"{what} is missing (run scripts/setup-test-tools)")


def require_chromium() -> str:
    """The path of the system Chromium, and Playwright's Python package, or skip/fail."""
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require(False, "the Python package playwright")
    return str(CHROMIUM)


# What every browser test starts Chromium with; Playwright adds --headless and a fresh profile.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@contextlib.contextmanager
def playwright_chromium() -> Iterator[Any]:
    """Playwright's launcher for Chromium (skip or fail first when either is missing).

    Launch through it with `chromium_options()`, so every test runs the same browser the same way.
    """
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright.chromium


def chromium_options(**options: Any) -> dict[str, Any]:
    """The keywords of every launch: the system Chromium, headless, with CHROMIUM_FLAGS, plus `options`."""
    return {"executable_path": str(CHROMIUM), "headless": True, "args": list(CHROMIUM_FLAGS), **options}


def require_node() -> str:
    """The path of node, or skip/fail."""
    node = shutil.which("node")
    require(node is not None, "Node.js")
    assert node is not None
    return node


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port, a thread of http.server); yield its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, name=f"serve-{folder.name}", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def reserved_port(host: str = "127.0.0.1") -> Iterator[int]:
    """A free TCP port on host for a server started in another process; kept free until the block ends.

    Closing a probe socket and passing its port on leaves the port to whoever asks next: another
    pytest-xdist worker, or a developer's run beside this one, can be handed it in the seconds
    before `mkdocs serve` (which builds first) binds it. So the probe stays bound for the whole
    block, with SO_REUSEADDR and without listening: Linux then lets the server, which sets
    SO_REUSEADDR as http.server does, bind and listen on the port, while it hands the port to no
    one who asks for any free port, and refuses it to anyone who names it.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, 0))
        yield int(probe.getsockname()[1])
