"""The easy-to-read (ETR) and Polish Sign Language (PJM) pages in a browser: linked from every
page's header, the video's captions loaded by Chromium, the text file served as UTF-8 text, and
both pages clean for axe-core and the Nu Html Checker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.conftest import VNU, Auditor, Served, describe, new_context, require

CONSULTATION = "konsultacje/program-wspierania-rodziny-2025-2027/"
ETR, PJM = "etr/", "pjm/"
TEXT_FILE = "etr/informacje-o-dzialalnosci.txt"


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    instance = new_context(browser)
    yield instance
    instance.close()


def _header_links(page: Any) -> list[dict[str, str]]:
    return page.evaluate("""() => [...document.querySelectorAll("header .cx-header-access a")].map(a => ({
        href: a.href, name: a.querySelector(".cx-visually-hidden")?.textContent || a.textContent,
        visible: a.offsetWidth > 0 && a.offsetHeight > 0}))""")  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", ["", CONSULTATION, ETR, PJM])
def test_every_header_links_both_pages(context: Any, pl_site: Served, path: str) -> None:
    page = context.new_page()
    try:
        page.goto(pl_site.url(path))
        links = _header_links(page)
    finally:
        page.close()
    assert [(link["href"], link["name"]) for link in links] == [
        (pl_site.url(ETR), "Tekst łatwy do czytania (ETR)"),
        (pl_site.url(PJM), "Informacje w polskim języku migowym (PJM)"),
    ]
    assert all(link["visible"] for link in links)


def test_english_header_says_easy_read_and_pjm(context: Any, en_site: Served) -> None:
    """Short enough for 320 px beside the search button; the full names are the links' names."""
    page = context.new_page()
    try:
        page.goto(en_site.url(""))
        texts = page.evaluate("""() => [...document.querySelectorAll("header .cx-header-access a")]
            .map(a => (a.querySelector("[aria-hidden]") || a).textContent.trim())""")
    finally:
        page.close()
    assert texts == ["Easy read", "PJM"]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_header_links_fit_and_take_keyboard_focus(browser: Any, pl_site: Served, width: int) -> None:
    context = new_context(browser, viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        page.goto(pl_site.url(PJM))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for link in page.locator("header .cx-header-access a").all():
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
            assert box["height"] >= 24  # WCAG 2.5.8 target size
        # Tab from the top of the page reaches both links, each with a visible focus ring.
        reached = []
        for _ in range(12):
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => { const a = document.activeElement;
                return a.closest('.cx-header-access') ? [a.getAttribute('href'), getComputedStyle(a).outlineStyle] : null; }""")
            if focused:
                reached.append(focused)
        assert [href for href, _ in reached] == ["../etr/", "./"]
        assert all(style == "solid" for _, style in reached)
    finally:
        context.close()


def test_the_pjm_video_is_self_hosted_with_captions_chromium_loads(context: Any, pl_site: Served) -> None:
    page = context.new_page()
    try:
        page.goto(pl_site.url(PJM))
        assert page.locator("iframe").count() == 0
        video = page.locator("video")
        assert video.count() == 1 and video.get_attribute("controls") is not None
        track = page.locator("video track")
        assert (track.get_attribute("kind"), track.get_attribute("srclang")) == ("captions", "pl")
        assert track.get_attribute("default") is not None
        # The track element's load comes from the page's own script: cues > 0 once Chromium parsed the file.
        page.wait_for_function("""() => { const t = document.querySelector("video").textTracks[0];
            return t && t.cues && t.cues.length > 0; }""", timeout=10_000)
        cues = page.evaluate("""() => { const t = document.querySelector("video").textTracks[0];
            return {mode: t.mode, language: t.language, kind: t.kind, first: t.cues[0].text, count: t.cues.length}; }""")
        assert cues["mode"] == "showing" and cues["language"] == "pl" and cues["kind"] == "captions"
        assert cues["count"] == 2 and cues["first"].startswith("Miejski Ośrodek Pomocy Społecznej")
        # The recording itself is the site's own file and plays (Chromium reads its metadata).
        page.wait_for_function("document.querySelector('video').readyState >= 1", timeout=10_000)
        assert page.evaluate("document.querySelector('video').currentSrc").startswith(pl_site.base)
        assert page.evaluate("document.querySelector('video').duration") > 0
    finally:
        page.close()


def test_the_text_file_is_utf8_plain_text_linked_with_its_format_and_size(context: Any, pl_site: Served) -> None:
    page = context.new_page()
    try:
        page.goto(pl_site.url(ETR))
        link = page.locator(f'a[href="../{TEXT_FILE}"]')
        assert link.get_attribute("type") == "text/plain"
        meta = link.locator("xpath=following-sibling::span[1]").inner_text()
        size = (pl_site.root / TEXT_FILE).stat().st_size
        assert meta == f"(TXT, {size / 1000:.1f} kB)".replace(".", ","), meta
        response = page.request.get(pl_site.url(TEXT_FILE))
        assert response.status == 200
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        text = response.body().decode("utf-8")  # strict: a file in another encoding fails here
        assert "Miejski Ośrodek Pomocy Społecznej w Krakowie" in text
        # Opened in the browser, the Polish letters show as such.
        page.goto(pl_site.url(TEXT_FILE))
        assert page.evaluate("document.characterSet") == "UTF-8"
        assert "Ośrodek Pomocy Społecznej" in page.inner_text("body")
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_both_pages(auditor: Auditor, pl_site: Served, en_site: Served, scheme: str) -> None:
    report = []
    for site in (pl_site, en_site):
        for path in (ETR, PJM):
            audit = auditor.audit(site.url(path), scheme)
            if audit.violations or audit.errors:
                report.append(f"{site.name} /{path}:\n{describe(audit.violations)}\n{audit.errors}")
    assert not report, "\n".join(report)


def test_both_pages_are_valid_html(pl_site: Served, en_site: Served) -> None:
    require(shutil.which("java") is not None, "Java (for the Nu Html Checker)")
    require(VNU.is_file(), f"vnu.jar ({VNU})")
    files = [str(site.root / path / "index.html") for site in (pl_site, en_site) for path in (ETR, PJM)]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == [], messages
