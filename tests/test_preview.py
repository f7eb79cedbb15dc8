"""The preview the README and the guide promise: `make serve` shows an edit under campaigns/ by itself.

The server is started as the Makefile starts it (on a free port of 127.0.0.1 instead of 8000, so
tests and a person's own preview do not collide), in a copy of the site; the test edits one
consultation's title in campaign.yml and polls the page until the new title is served.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import example

from .conftest import REPO, TODAY_EPOCH
from .docs_commands import VENV_BIN
from .tools import reserved_port

SLUG = example.OPEN
NEW_TITLE = "Program Wspierania Rodziny, tytuł zmieniony w podglądzie"
FIRST_BUILD_LIMIT = 240  # seconds: the whole example site, on a busy two-core machine
REBUILD_LIMIT = 60  # seconds from the edit to the page with the new title; past it the preview is broken


def serve_recipe() -> list[str]:
    """The command `make serve` runs, as the Makefile writes it (checked, not typed here again)."""
    dry = subprocess.run(["make", "-n", "-s", "serve"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    line = dry.stdout.strip().splitlines()[-1]
    assert line == ".venv/bin/mkdocs serve --dirty", f"`make serve` runs {line!r}: the README says `mkdocs serve --dirty`"
    argv = shlex.split(line)
    return [str(VENV_BIN / Path(argv[0]).name), *argv[1:]]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _h1(page: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert found, "the consultation page has no h1"
    return html.unescape(re.sub(r"<[^>]+>", "", found[1])).strip()


def _wait_for(url: str, server: subprocess.Popen[str], wanted: str | None, limit: float) -> str:
    """Poll `url` until its h1 is `wanted` (or any page, when None); fail after `limit` seconds."""
    deadline = time.monotonic() + limit
    last = None
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the preview stopped (exit {server.returncode})"
        last = _page(url)
        if last is not None and (wanted is None or _h1(last) == wanted):
            return last
        time.sleep(0.5)
    seen = _h1(last) if last else "no page"
    pytest.fail(f"after {limit} s the preview still serves {seen!r} at {url}, not {wanted!r}")


@pytest.fixture
def preview(site_copy: Path, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`make serve`'s command in a copy of the site, on a free port; stopped after the test."""
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    with reserved_port() as port:
        server = subprocess.Popen([*serve_recipe(), "-a", f"127.0.0.1:{port}"], cwd=site_copy, env=env,
                                  stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
        try:
            yield f"http://127.0.0.1:{port}/", server
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()


def test_preview_shows_an_edited_campaign_title(site_copy: Path, preview: tuple[str, subprocess.Popen[str]]) -> None:
    root, server = preview
    url = f"{root}konsultacje/{SLUG}/"
    yml = site_copy / "campaigns" / SLUG / "campaign.yml"
    old_title = re.search(r"(?m)^title: (.*)$", yml.read_text(encoding="utf-8"))
    assert old_title
    assert _h1(_wait_for(url, server, None, FIRST_BUILD_LIMIT)) == old_title[1]
    yml.write_text(re.sub(r"(?m)^title: .*$", f"title: {NEW_TITLE}", yml.read_text(encoding="utf-8"), count=1),
                   encoding="utf-8")
    page = _wait_for(url, server, NEW_TITLE, REBUILD_LIMIT)
    assert old_title[1] not in page
