"""The search page in headless Chromium: typing Polish words finds the right consultations."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import example
from tests.a11y.conftest import Watched, no_browser_trouble  # noqa: F401 - an autouse fixture

from .tools import chromium_options, playwright_chromium, serve_folder


@pytest.fixture(scope="module")
def base_url(example_site: Path) -> Iterator[str]:
    """The example site served on 127.0.0.1 by http.server in a thread."""
    with serve_folder(example_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with tempfile.TemporaryDirectory() as downloads, playwright_chromium() as chromium:
        # Playwright gives every launch a fresh temporary profile of its own.
        browser = chromium.launch(**chromium_options(downloads_path=downloads))
        yield Watched(browser)  # a failed request or a console error fails the test
        browser.close()


def _results(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#cx-search-results .cx-search__title a").all_inner_texts()]


def _type(page: Any, query: str) -> None:
    field = page.locator("#cx-search-q")
    field.fill("")
    field.type(query)
    page.wait_for_function(
        "q => document.getElementById('cx-search-status').textContent.includes('„' + q + '”')", arg=query
    )


def test_typing_inflected_words_lists_the_right_consultations(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    local: list[str] = []
    page.on("request", lambda r: local.append(r.url) if r.url.startswith(base_url) else None)
    page.goto(base_url + "szukaj/")
    _type(page, "rodziny")
    assert page.locator("#cx-search-status").inner_text() == "Znaleziono 2 konsultacje dla „rodziny”."
    assert _results(page) == [
        "Program Wspierania Rodziny w Krakowie na lata 2025–2027",
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028",
    ]
    first = page.locator("#cx-search-results li").first
    assert first.locator(".cx-status").inner_text() == "otwarte"
    assert first.locator("time").first.get_attribute("datetime") == "2025-08-28"
    _type(page, "zdrowia")
    assert "Program Wspierania Rodziny w Krakowie na lata 2025–2027" in _results(page)
    _type(page, "wspolpraca")
    assert _results(page)[0].startswith("Wieloletni Program Współpracy")
    _type(page, "przemocy")
    assert page.locator("#cx-search-status").inner_text().startswith("Nie znaleziono konsultacji")
    assert page.locator("#cx-search-results").is_hidden()
    assert page.url.endswith("/szukaj/?q=przemocy")  # the address can be shared or bookmarked
    assert page.locator("[data-cx-nojs]").is_hidden()
    assert not [u for u in local if "lunr" in u or "workers/search" in u]
    page.close()


def test_link_with_a_query_and_following_a_result(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "szukaj/?q=pieczy")
    page.wait_for_selector("#cx-search-results li")
    assert page.locator("#cx-search-q").input_value() == "pieczy"
    assert _results(page) == ["Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028"]
    page.locator("#cx-search-results a").first.click()
    page.wait_for_load_state()
    assert page.url == base_url + example.page(example.UPCOMING)
    page.close()


def test_header_search_on_a_wide_screen_submits_to_the_search_page(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + example.page(example.OPEN))
    assert page.locator(".cx-header-search__link").is_hidden()
    page.get_by_role("searchbox", name="Szukaj konsultacji").fill("Rodzinie")
    page.keyboard.press("Enter")
    page.wait_for_selector("#cx-search-results li")
    assert page.url == base_url + "szukaj/?q=Rodzinie"
    assert len(_results(page)) == 2
    page.close()


def test_header_search_at_320_px_is_a_link_that_fits(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(base_url)
    link = page.get_by_role("link", name="Szukaj konsultacji")
    assert link.is_visible() and page.locator(".cx-header-search").is_hidden()
    box = link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320 and box["width"] >= 24
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    link.click()
    page.wait_for_load_state()
    assert page.url == base_url + "szukaj/"
    _type(page, "rodzina")
    assert len(_results(page)) == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_without_javascript_the_page_explains_and_links_to_the_lists(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "szukaj/?q=rodziny")
    assert page.locator("[data-cx-nojs]").is_visible()
    assert "włączoną obsługą JavaScriptu" in page.locator("[data-cx-nojs]").inner_text()
    assert page.get_by_role(
        "link", name="Wszystkie konsultacje: otwarte, zapowiedziane i zakończone"
    ).is_visible()
    assert (
        page.get_by_role("link", name="piecza zastępcza").get_attribute("href")
        == "../kategorie/piecza-zastepcza/"
    )
    context.close()
