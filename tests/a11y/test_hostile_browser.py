"""The hostile corpus' pages in Chromium: nothing runs, nothing navigates, no form, nothing from elsewhere.

The site is built with `consult check` switched off (tests/hostile_corpus.py), so what is tested
is the sanitizer and the Content-Security-Policy, the walls behind the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.a11y.conftest import SITE_HOST, new_context, policy_violations, take_trouble
from tests.hostile_corpus import PAGE, build_unchecked
from tests.tools import serve_folder


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_unchecked(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def served(unchecked_site: Path) -> Iterator[str]:
    with serve_folder(unchecked_site) as url:
        yield url


def _visit(browser: Any, url: str) -> dict[str, Any]:
    context = new_context(browser)
    seen: dict[str, Any] = {"dialogs": [], "requests": [], "navigations": []}
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: seen["requests"].append(request.url))
        page.on("framenavigated", lambda frame: seen["navigations"].append(frame.url))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1500)  # a meta refresh or a timer would have fired by now
        seen["url"] = page.url
        seen["forms"] = page.evaluate("""[...document.querySelectorAll(
            "article :is(form, input, button, textarea, select, iframe, object, embed)")]
            .filter(e => !e.closest(".cx-subscribe")).length""")  # the subscribe box is the page's own
        seen["pwned"] = page.evaluate("window.__cxPwned || null")
        seen["violations"] = policy_violations(page)
        seen["elsewhere"] = [u for u in seen["requests"]
                             if urlsplit(u).hostname not in {"127.0.0.1", SITE_HOST} and not u.startswith("data:")]
    finally:
        context.close()
    # The hostile corpus names images that do not exist (x.png, files/plakat.png), and the tampered
    # page has code the policy blocks: errors there are the point. Only those are allowed.
    seen["trouble"] = [t for t in take_trouble() if f"{urlsplit(url).netloc}/" not in t]
    return seen


@pytest.mark.parametrize("page", [PAGE, "o-konsultacjach/"])
def test_in_chromium_the_page_runs_nothing_navigates_nowhere_and_shows_no_form(
    browser: Any, served: str, page: str
) -> None:
    seen = _visit(browser, served + page)
    assert seen["dialogs"] == []
    assert seen["url"] == served + page and set(seen["navigations"]) == {served + page}
    assert seen["forms"] == 0
    assert seen["elsewhere"] == [] and seen["trouble"] == []
    assert seen["violations"] == []  # nothing was even tried: the sanitizer removed it


def test_in_chromium_the_policy_blocks_what_slips_into_a_page(browser: Any, served: str,
                                                              unchecked_site: Path) -> None:
    """Scripts put into the article after the build (as if the sanitizer had missed them) do not run."""
    page = unchecked_site / PAGE / "index.html"
    text = page.read_text(encoding="utf-8")
    tampered = unchecked_site / "tampered" / "index.html"
    tampered.parent.mkdir(exist_ok=True)
    injected = ('<script>window.__cxPwned = "inline"</script>'
                '<img src="x.png" alt="" onerror="window.__cxPwned = \'handler\'">'
                '<form action="https://evil.example/"><button id="send">Wyślij</button></form>')
    tampered.write_text(text.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    seen = _visit(browser, served + "tampered/")
    assert seen["pwned"] is None
    assert any("script-src" in v for v in seen["violations"]), seen["violations"]
