"""Safe output: text from campaign.yml is escaped for every format it reaches.

One consultation carries markup, quotes, ampersands, the iCalendar separators ; , \\ and new
lines in every text field, and web addresses that try to break out of an attribute. The site
is built with `mkdocs build`; then each output is read back with a parser for its format:
- HTML pages (lxml): no element, script or javascript: link comes from the data, and the text
  is shown as written;
- RSS and Atom feeds (lxml as XML, feedparser): well-formed, titles are the text as written,
  HTML summaries contain no element from the data;
- iCalendar (icalendar and vobject): every property holds the text as written;
- JSON (json): every string holds the text as written.

Markdown texts (index.md, announcements, `audience`) may contain HTML, through an allow-list:
tests/test_hostile.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from lxml import etree, html

from .bad_input_cases import YML, base_mkdocs_yml
from .conftest import build_site
from .sitefiles import make_site

MARK = "cx-injected"
# What an editor might paste: markup, an attribute break-out, iCalendar separators, a new line.
PAYLOAD = f'Tekst <b class="{MARK}">B</b><script>cxAlert("x")</script> "cudzysłów" & ; , \\ \'x\'\ndruga linia'
ONE_LINE = f'Tytuł <b class="{MARK}">B</b><script>cxAlert(1)</script> [k](javascript:cxAlert(2)) *x* "q" & ; , \\ \'x\''
# No spaces (validation refuses them), so the break-out uses <b/class=…>, which browsers accept.
URL = f'https://www.example.pl/a?b=1&c="><b/class="{MARK}">x</b>'
EVIL_YML = f"""\
title: {json.dumps(ONE_LINE)}
summary: {json.dumps(PAYLOAD)}
organizer: {json.dumps(PAYLOAD)}
published: 2025-08-28
opens: 2025-08-28
closes: 2025-09-26
categories: [{json.dumps(ONE_LINE)}]
respond:
  - channel: post
    value: {json.dumps(PAYLOAD)}
    annotation: {json.dumps(PAYLOAD)}
    note: {json.dumps(PAYLOAD)}
  - channel: online_form
    value: {json.dumps(URL)}
duty_hours:
  - date: 2025-09-01
    time: 9:00-12:00
    mode: [in_person, online]
    place: {json.dumps(PAYLOAD)}
    online: {json.dumps(URL)}
    note: {json.dumps(PAYLOAD)}
meetings:
  - title: {json.dumps(ONE_LINE)}
    date: 2025-09-04
    time: 16:00-18:00
    place: {json.dumps(PAYLOAD)}
    online: {json.dumps(URL)}
    note: {json.dumps(PAYLOAD)}
materials:
  - title: {json.dumps(ONE_LINE)}
    file: files/formularz.docx
  - title: {json.dumps(ONE_LINE)}
    url: {json.dumps(URL)}
phases:
  - title: {json.dumps(ONE_LINE)}
    start: 2025-08-28
    end: 2025-09-26
accessibility: {json.dumps(PAYLOAD)}
contact:
  name: {json.dumps(PAYLOAD)}
publisher:
  prepared_by: {json.dumps(PAYLOAD)}
  published_by: {json.dumps(PAYLOAD)}
changes:
  - date: 2025-09-02
    summary: {json.dumps(PAYLOAD)}
"""
ANNOUNCEMENT = f"---\ntitle: {json.dumps(ONE_LINE)}\ndate: 2025-09-02\n---\n\nTreść komunikatu.\n"
TEXTS = (PAYLOAD, ONE_LINE, URL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("escaping")
    source = make_site(base / "src", {
        YML: EVIL_YML,
        "campaigns/program-testowy/announcements/2025-09-02-komunikat.md": ANNOUNCEMENT,
        "mkdocs.yml": base_mkdocs_yml(),
    })
    out = base / "site"
    result = build_site(source, out, "--strict")
    assert result.returncode == 0, result.stderr
    return out


def files(site: Path, *suffixes: str) -> list[Path]:
    found = sorted(p for p in site.rglob("*") if p.is_file() and p.name.endswith(suffixes))
    assert found, f"the build has no {'/'.join(suffixes)} files"
    return found


def test_campaign_yml_of_the_escaping_test_is_valid(site: Path) -> None:
    assert (site / "konsultacje" / "program-testowy" / "index.html").is_file()


def test_html_pages_show_the_text_and_run_nothing_from_it(site: Path) -> None:
    shown = 0
    for page in files(site, ".html"):
        tree = html.fromstring(page.read_bytes())
        where = page.relative_to(site).as_posix()
        assert tree.xpath(f'//*[contains(concat(" ", @class, " "), " {MARK} ")]') == [], where
        for script in tree.xpath("//script"):
            if script.get("type") == "application/ld+json":  # data: whole JSON, the payload inside it
                json.loads(script.text or "")
            else:
                assert "cxAlert" not in (script.text or ""), where
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not value.strip().lower().startswith("javascript:"), (where, name, value)
                assert not (name.startswith("on") and "cxAlert" in value), (where, name)
        text = tree.text_content()
        shown += text.count(f'<b class="{MARK}">')
        assert "&lt;" not in text and "&amp;" not in text and "&quot;" not in text, f"escaped twice in {where}"
    assert shown, "the text from campaign.yml is shown, escaped, on the pages"


def test_the_consultation_page_shows_the_title_as_written(site: Path) -> None:
    tree = html.fromstring((site / "konsultacje" / "program-testowy" / "index.html").read_bytes())
    assert (tree.findtext(".//title") or "").startswith(ONE_LINE)
    assert ONE_LINE in [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]


def test_web_addresses_stay_inside_their_attribute(site: Path) -> None:
    page = site / "konsultacje" / "program-testowy" / "index.html"
    tree = html.fromstring(page.read_bytes())
    hrefs = [a.get("href") for a in tree.xpath("//a[@href]")]
    assert URL in hrefs  # the form's address, as written, in its own attribute
    assert tree.xpath(f'//*[contains(@class, "{MARK}")]') == []


def test_feeds_are_well_formed_and_hold_the_text_as_written(site: Path) -> None:
    titles: list[str] = []
    for feed in files(site, ".xml", ".atom", ".rss"):
        if feed.name.startswith("sitemap"):
            continue
        root = etree.fromstring(feed.read_bytes())  # well-formed XML, or this raises
        assert not root.xpath(f'//*[contains(@class, "{MARK}")]'), feed.name  # no element from the data
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed.name, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            titles.append(entry.title)
            for detail in (entry.get("summary_detail"), *entry.get("content", [])):
                if detail and detail.get("type") == "text/html":
                    fragment = html.fromstring(f"<div>{detail['value']}</div>")
                    assert not fragment.xpath(f'//*[contains(@class, "{MARK}")]'), feed.name
                    assert not fragment.xpath("//script"), feed.name
    assert any(ONE_LINE in t for t in titles), "no feed entry carries the title as written"


def test_calendars_hold_every_text_as_written(site: Path) -> None:
    import icalendar
    import vobject

    seen = 0
    for path in files(site, ".ics"):
        data = path.read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        for component in calendar.walk("VEVENT"):
            for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
                value = component.get(name)
                if value is not None and MARK in str(value):
                    # One-line properties may join lines; the characters themselves must survive.
                    shown = " ".join(str(value).split())
                    assert any(" ".join(text.split()) in shown for text in TEXTS), (path.name, name, shown)
                    seen += 1
        for vevent in vobject.readOne(data.decode("utf-8")).vevent_list:
            summary = vevent.summary.value if hasattr(vevent, "summary") else ""
            assert "\\;" not in summary and "\\," not in summary, "escapes are undone by readers"
    assert seen, "some calendar event carries text from campaign.yml"


def test_json_holds_every_text_as_written(site: Path) -> None:
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)

    for path in files(site, ".json"):
        if path.parent.name == "search" or path.name.endswith(".schema.json"):
            continue
        collect(json.loads(path.read_bytes()))
    carried = [s for s in strings if MARK in s]
    assert carried, "the JSON export carries no text from campaign.yml"
    assert all(any(text in s for text in TEXTS) for s in carried)
    assert PAYLOAD in strings
