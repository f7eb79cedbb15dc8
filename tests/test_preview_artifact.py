"""The pull-request preview as an editor opens it: the ZIP unzipped, viewed with the guide's command.

The command is read from docs/dla-redaktorow.md and run as printed (on a port kept free for it
instead of the printed one, which another run on the machine may hold), in the folder where the
artifact was unpacked. Then every page, every link between pages and every file of the
site answers, the pages are pages (not directory listings), and in Chromium a consultation
opens from the home page by clicking and the search finds it, with no failed request.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest

from tests.a11y import conftest as a11y
from tests.a11y.conftest import new_context
from tests.conftest import REPO
from tests.tools import reserved_port

browser, no_browser_trouble = a11y.browser, a11y.no_browser_trouble

GUIDE = REPO / "docs" / "dla-redaktorow.md"
SECTION = "### Podgląd pobranej strony"
ARTIFACT = "podglad-strony"  # the artifact's name in .github/workflows/site.yml


def guide_command() -> tuple[str, str]:
    """The command and the address the guide's section prints."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :].split("\n## ", 1)[0]
    command = re.search(r"```sh\n(.+?)\n```", section, re.S)
    address = re.search(r"<(http://[^>]+)>", section)
    assert command and address, "the guide's section must print one command and one address"
    return command.group(1).strip(), address.group(1)


def test_the_guide_names_the_artifact_of_the_workflow() -> None:
    workflow = (REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert f"name: {ARTIFACT}" in workflow
    command, _ = guide_command()
    assert ARTIFACT in shlex.split(command)
    assert "(#podgląd-pobranej-strony)" in GUIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def preview(example_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site zipped as the workflow uploads it, unzipped, served by the guide's command."""
    downloads = tmp_path_factory.mktemp("pobrane")
    archive = downloads / f"{ARTIFACT}.zip"
    with zipfile.ZipFile(archive, "w") as zipped:  # upload-artifact puts site/'s contents at the root
        for path in sorted(example_site.rglob("*")):
            zipped.write(path, path.relative_to(example_site).as_posix())
    with zipfile.ZipFile(archive) as zipped:  # "Extract all" makes a folder named after the file
        zipped.extractall(downloads / ARTIFACT)
    command, address = guide_command()
    words = shlex.split(command)
    assert words[0] == "python3", command
    printed = str(urlsplit(address).port)
    assert printed in words, f"the command serves another port than {address}"
    # The printed port may be taken on a machine running other tests (another run of this
    # suite): the same command on a port kept free for it.
    with reserved_port() as port:
        words = [str(port) if word == printed else word for word in words]
        address = address.replace(f":{printed}/", f":{port}/")
        # `python3` as printed; sys.executable is that Python when the tests run in a venv of it.
        server = subprocess.Popen(
            [shutil.which("python3") or sys.executable, *words[1:]],
            cwd=downloads, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        try:
            assert server.stdout is not None
            first = server.stdout.readline().decode()  # "Serving HTTP on 127.0.0.1 port 8642 …"
            assert first.startswith("Serving HTTP"), first + server.stdout.read().decode()
            yield address
        finally:
            server.terminate()
            server.wait()


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the local preview
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_every_page_link_and_file_of_the_preview_answers(preview: str, example_site: Path) -> None:
    pages = [p.relative_to(example_site).as_posix() for p in sorted(example_site.rglob("index.html"))]
    broken: dict[str, list[str]] = {}
    checked: set[str] = set()
    for rel in pages:
        url = preview + rel[: -len("index.html")]
        status, kind, body = _get(url)
        assert status == 200 and kind == "text/html", url
        tree = lxml.html.fromstring(body)
        assert "Directory listing" not in tree.findtext(".//title", ""), url
        for href in tree.xpath("//a/@href | //link[@rel='stylesheet']/@href | //script/@src"):
            target = urljoin(url, href).split("#", 1)[0]
            if not target.startswith(preview) or target in checked:
                continue
            checked.add(target)
            status, kind, body = _get(target)
            listing = kind == "text/html" and b"<title>Directory listing for" in body
            if status != 200 or listing:
                broken.setdefault(url, []).append(f"{unquote(urlsplit(target).path)}: {status}")
    assert not broken, broken
    files = [t for t in checked if re.search(r"/files/[^/]+$", t)]
    assert files, "the example's materials should be linked and checked"


def test_an_editor_clicks_through_the_preview_and_searches(browser: Any, preview: str) -> None:
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(preview, wait_until="load")
        page.locator("article a[href*='konsultacje/program-wspierania-rodziny']").first.click()
        page.wait_for_load_state("load")
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading == "Program Wspierania Rodziny w Krakowie na lata 2025–2027"
        page.goto(preview + "szukaj/?q=rodziny", wait_until="load")
        page.wait_for_selector("#cx-search-results li")
        titles = page.locator("#cx-search-results .cx-search__title a").all_inner_texts()
        assert heading in [t.strip() for t in titles]
    finally:
        context.close()
