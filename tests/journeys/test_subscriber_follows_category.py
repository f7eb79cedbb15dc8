"""Journey: a resident who follows one category finds its calendar and feeds, and they hold it all.

From the home page in Chromium, by clicking as a person would, to the category page; there the
calendar (webcal link and the address to copy) and the RSS and Atom links are read off the page,
fetched, and parsed as clients do (icalendar, feedparser). Each must hold exactly the category's
consultations. The site is the repository's example, committed to a fresh git repository and
built with `mkdocs build`, and it is opened as a preview: no request may fail or leave 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
import yaml

from tests import example
from tests.a11y import conftest as a11y
from tests.a11y.conftest import SITE_HOST, Served, new_context
from tests.conftest import REPO, build_site

# The browser fixtures of the accessibility suite: a missing Chromium fails in CI (`require`), and
# every test fails on a failed request or a console error (`no_browser_trouble`).
browser, serve, no_browser_trouble = a11y.browser, a11y.serve, a11y.no_browser_trouble

CATEGORY = "rodzina"
TODAY = "2025-09-01"  # tests.conftest.TODAY_EPOCH
PUBLIC_CHANGE = "Dodano formularz w formacie ODT."


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Anna Redaktorka", "GIT_AUTHOR_EMAIL": "anna@example.pl",
           "GIT_COMMITTER_NAME": "Anna Redaktorka", "GIT_COMMITTER_EMAIL": "anna@example.pl",
           "GIT_AUTHOR_DATE": "2025-08-30T10:00:00+02:00", "GIT_COMMITTER_DATE": "2025-08-30T10:00:00+02:00"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Served:
    """The example site in a fresh repository: one plain commit, one marked for the public."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    src = tmp_path_factory.mktemp("subscriber") / "src"
    src.mkdir()
    for name in ("content", "theme", "campaigns"):
        shutil.copytree(REPO / name, src / name)
    shutil.copy(REPO / "mkdocs.yml", src / "mkdocs.yml")
    _git(src, "init", "-q", "-b", "main")
    _git(src, "add", "-A")
    _git(src, "commit", "-q", "-m", "Import the example site")
    (src / "campaigns" / example.OPEN / "index.md").open("a").write("\n")
    _git(src, "commit", "-q", "-am", f"Popraw akapit\n\nPubliczna-zmiana: {PUBLIC_CHANGE}")
    result = build_site(src, src.parent / "site")
    assert result.returncode == 0, result.stderr
    return serve("subscriber", src.parent / "site", "pl")


def expected_slugs(category: str) -> set[str]:
    """The consultations of a category published by the build day, read from the sources."""
    found = set()
    for path in sorted((REPO / "campaigns").glob("*/campaign.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if category in data.get("categories", []) and str(data["published"]) <= TODAY:
            found.add(path.parent.name)
    return found


def local(site: Served, url: str) -> str:
    """The served address of an absolute public URL (https:// or webcal://) of the site."""
    parts = urlsplit(url)
    assert parts.hostname == SITE_HOST, url
    return site.url(parts.path)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the local test server
        assert response.status == 200, url
        return bytes(response.read())


def slug_of(url: str) -> str:
    """The consultation a link points to: /konsultacje/<slug>/…"""
    segments = urlsplit(url).path.strip("/").split("/")
    assert segments[0] == "konsultacje" and len(segments) >= 2, url
    return segments[1]


def test_subscriber_finds_a_category_and_its_calendar_and_feeds_hold_exactly_it(
    browser: Any, site: Served
) -> None:
    expected = expected_slugs(CATEGORY)
    assert len(expected) >= 2, "the example should have several consultations in the category"
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(site.url(""), wait_until="load")
        page.get_by_role("link", name="Konsultacje", exact=True).first.click()
        page.get_by_role("link", name=CATEGORY, exact=True).click()
        page.wait_for_load_state("load")
        assert page.url == site.url(f"kategorie/{CATEGORY}/")
        assert page.get_by_role("heading", level=1).inner_text() == f"Kategoria: {CATEGORY}"

        webcal = page.get_by_role("link", name=f"Subskrybuj kalendarz: Dyżury, spotkania i terminy kategorii „{CATEGORY}”")
        webcal_href = webcal.get_attribute("href") or ""
        copy_box = page.get_by_label("Adres kalendarza do wklejenia w Kalendarzu Google lub Outlook.com")
        https_href = copy_box.input_value()
        rss_href = page.get_by_role("link", name=f"Kanał RSS kategorii „{CATEGORY}”").get_attribute("href") or ""
        atom_href = page.get_by_role("link", name=f"Kanał Atom kategorii „{CATEGORY}”").get_attribute("href") or ""
        discovered = page.eval_on_selector_all(
            "head link[rel~=alternate]", "links => links.map(l => [l.type, l.href])"
        )
    finally:
        context.close()

    assert webcal_href.startswith("webcal://") and webcal_href[len("webcal://") :] == https_href.split("://", 1)[1]
    assert urlsplit(https_href).path == f"/kalendarz/kategorie/{CATEGORY}.ics"
    rss_url, atom_url = site.url(f"feeds/kategorie/{CATEGORY}.xml"), site.url(f"feeds/kategorie/{CATEGORY}.atom")
    assert (urljoin_page(site, rss_href), urljoin_page(site, atom_href)) == (rss_url, atom_url)
    # A feed reader given the page's address finds the same three.
    assert ["text/calendar", https_href] in discovered
    assert ["application/rss+xml", f"https://{SITE_HOST}/feeds/kategorie/{CATEGORY}.xml"] in discovered
    assert ["application/atom+xml", f"https://{SITE_HOST}/feeds/kategorie/{CATEGORY}.atom"] in discovered

    calendar = icalendar.Calendar.from_ical(fetch(local(site, https_href)))
    events = list(calendar.walk("VEVENT"))
    assert events
    assert {slug_of(str(e["URL"])) for e in events} == expected
    # Every event of those consultations, and nothing else: the union of their own calendars.
    own = set()
    for slug in expected:
        one = icalendar.Calendar.from_ical(fetch(site.url(f"kalendarz/konsultacje/{slug}.ics")))
        own |= {str(e["UID"]) for e in one.walk("VEVENT")}
    assert {str(e["UID"]) for e in events} == own

    for url, version in ((rss_url, "rss20"), (atom_url, "atom10")):
        feed = feedparser.parse(fetch(url))
        assert feed.version == version and not feed.bozo, url
        assert {slug_of(entry.link) for entry in feed.entries} == expected, url


def urljoin_page(site: Served, href: str) -> str:
    """A link of the category page as an absolute served address."""
    from urllib.parse import urljoin

    return urljoin(site.url(f"kategorie/{CATEGORY}/"), href)


def test_subscriber_reads_only_public_changes_on_a_consultation_page(browser: Any, site: Served) -> None:
    context = new_context(browser, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(site.url(f"kategorie/{CATEGORY}/"), wait_until="load")
        page.get_by_role("link", name="Program Wspierania Rodziny", exact=False).first.click()
        page.wait_for_load_state("load")
        register = page.locator("ul.cx-changes")
        text = register.inner_text()
        width = page.evaluate("document.documentElement.scrollWidth")
        page.emulate_media(media="print")
        printed = register.is_visible() or page.locator("#zmiany").is_visible()
    finally:
        context.close()
    assert PUBLIC_CHANGE in text
    assert "Popraw akapit" not in text and "Anna" not in text and "Import the example" not in text
    assert width <= 320
    assert not printed, "the change register is for the screen, not for paper"
