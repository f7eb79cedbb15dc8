"""The built example site in headless Chromium: narrow screens, no third-party requests, and the
status script that keeps an old page truthful."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests import example
from tests.a11y.conftest import no_browser_trouble, watch  # noqa: F401 - an autouse fixture

from .conftest import TZ
from .tools import chromium_options, playwright_chromium, serve_folder

OPEN_PAGE = example.page(example.OPEN)

# The visible "in progress" / "next" label of each duty-hours row ("" when there is none).
MARKS = "rows => rows.map(r => { const m = r.querySelector('[data-cx-marker]'); return m && !m.hidden ? m.textContent : ''; })"


@pytest.fixture(scope="module")
def served(example_site: Path) -> Iterator[str]:
    with serve_folder(example_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with playwright_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Iterator[Any]:
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_persistent_context(profile, **chromium_options())
        yield watch(context)
        context.close()


def open_page(
    browser: Any, url: str, width: int = 1280, when: dt.datetime | None = None
) -> tuple[Any, list[str]]:
    """Open a page at a viewport width and a fixed clock; return it and every URL it requested."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.clock.set_fixed_time(when or dt.datetime(2025, 9, 1, 10, 0, tzinfo=TZ))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url, wait_until="networkidle")
    return page, requests


@pytest.mark.parametrize("path", ["", OPEN_PAGE, "kalendarz/", "konsultacje/", "archiwum/2025/"])
def test_pages_fit_a_320_pixel_screen_and_load_nothing_from_elsewhere(
    browser: Any, served: str, path: str
) -> None:
    page, requests = open_page(browser, served + path, width=320)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert overflow <= 320
    # Not even the site's public host: the page served here is a preview of it.
    foreign = [u for u in requests if u.startswith("http") and urlsplit(u).hostname != "127.0.0.1"]
    assert requests and foreign == []


def status_and_days(page: Any) -> tuple[str, str, bool]:
    tag = page.locator("dl.cx-facts [data-cx-status]").inner_text()
    days = page.locator("dl.cx-facts [data-cx-days-left]")
    row_visible = page.locator("dl.cx-facts [data-cx-when='open']").first.is_visible()
    return tag, days.inner_text(), row_visible


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.datetime(2025, 9, 1, 10, 0), ("otwarte", "Zostało 26 dni", True)),
        (dt.datetime(2025, 9, 24, 9, 0), ("otwarte", "Zostały 3 dni", True)),
        (dt.datetime(2025, 9, 26, 23, 0), ("otwarte", "Dziś ostatni dzień na zgłoszenie uwag", True)),
        (dt.datetime(2025, 9, 27, 0, 30), ("zamknięte", "Termin minął", False)),
    ],
)
def test_status_script_refreshes_an_old_page(
    browser: Any, served: str, when: dt.datetime, expected: tuple[str, str, bool]
) -> None:
    page, _ = open_page(browser, served + OPEN_PAGE, when=when.replace(tzinfo=TZ))
    result = status_and_days(page)
    page.close()
    assert result == expected


def test_status_script_moves_the_duty_hour_mark(browser: Any, served: str) -> None:
    page, _ = open_page(browser, served + OPEN_PAGE, when=dt.datetime(2025, 9, 2, 13, 0, tzinfo=TZ))
    marks = page.eval_on_selector_all("tr[data-cx-start]", MARKS)
    later, _ = open_page(browser, served + OPEN_PAGE, when=dt.datetime(2025, 9, 3, 9, 0, tzinfo=TZ))
    later_marks = later.eval_on_selector_all("tr[data-cx-start]", MARKS)
    page.close()
    later.close()
    assert marks == ["", "trwa teraz", ""]
    assert later_marks == ["", "", "najbliższy"]


def test_list_cards_refresh_too(browser: Any, served: str) -> None:
    page, _ = open_page(browser, served, when=dt.datetime(2025, 10, 7, 12, 0, tzinfo=TZ))
    tags = page.eval_on_selector_all(
        "#otwarte + ul [data-cx-status], #zapowiedziane + ul [data-cx-status]",
        "tags => tags.map(t => t.textContent)",
    )
    page.close()
    assert tags == ["zamknięte", "otwarte"]


def test_pages_are_right_without_javascript(chromium: Any, served: str, tmp_path: Path) -> None:
    context = chromium.launch_persistent_context(
        str(tmp_path / "profile"), **chromium_options(java_script_enabled=False)
    )
    page = context.new_page()
    page.goto(served + OPEN_PAGE)
    status = page.locator("dl.cx-facts [data-cx-status]").inner_text()
    page.locator("tr#wydarzenie-dyzur-2 summary").click()  # the disclosure works without scripts
    visible = page.locator("tr#wydarzenie-dyzur-2 a", has_text="Kalendarza Google").is_visible()
    context.close()
    assert status == "otwarte" and visible


@pytest.mark.parametrize("path", ["", "kategorie/rodzina/", OPEN_PAGE])
def test_feed_links_stay_discoverable_and_ask_for_no_sitemap(
    browser: Any, served: str, example_site: Path, path: str
) -> None:
    # consultation.js hides the feed links from Material's sitemap lookup for one moment only:
    # once the page has loaded, an extension or a reader that asks the DOM finds every one.
    built = (example_site / path / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    page, requests = open_page(browser, served + path)
    found = page.evaluate("document.querySelectorAll('head link[rel=alternate]').length")
    page.close()
    assert found == built.count('<link rel="alternate"') >= 3
    assert not [u for u in requests if u.endswith("sitemap.xml")]
