"""The data-protection notice in a browser: every "how to respond" section links it, the link
works by keyboard, and it leads to the notice itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests import example
from tests.a11y.conftest import Served, new_context

PAGES = [example.page(slug) for slug in (example.OPEN, example.UPCOMING, *example.CONCLUDED)]
LINK_TEXT = "Jak przetwarzamy dane osobowe osób zgłaszających uwagi (klauzula informacyjna RODO)"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = new_context(browser, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_respond_section_links_the_notice_and_the_link_leads_to_it(page: Any, pl_site: Served, path: str) -> None:
    page.goto(pl_site.url(path))
    section = page.locator("#jak-zglosic-uwagi ~ .cx-respond").first
    link = section.get_by_role("link", name=LINK_TEXT)
    assert link.count() == 1
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320  # readable on a phone
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(pl_site.url("ochrona-danych/"))
    assert page.locator("h1").inner_text() == "Ochrona danych osób zgłaszających uwagi"
    assert "art. 6 ust. 1 lit. e RODO" in page.locator("article").inner_text()
