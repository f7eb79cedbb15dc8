"""RSS 2.0 and Atom feeds: every FEED rule of the checklist, checked with feedparser and XPath.

`check_rss` and `check_atom` assert the rules that hold for any feed document; the tests below
run them on small campaigns built here, on the fixture campaigns (with golden files), and on
every feed of the example site built by MkDocs.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import mimetypes
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator import urls
from generator.news.items import MAX_ITEMS
from generator.news.plaintext import SUMMARY_LENGTH, markdown_to_text, plain
from generator.news.rss import build_feeds
from generator.options import Organisation, Settings
from generator.outputs import Output
from generator.source.check import check_campaigns
from generator.source.model import Announcement, Campaign, CampaignFile

from .conftest import REPO, TODAY, TZ, build_site
from .example import OPEN, UNPUBLISHED

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
NS = {"atom": "http://www.w3.org/2005/Atom"}
ATOM = "{http://www.w3.org/2005/Atom}"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$")
TAG = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[\x21-\x7e]+$")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FUTURE_SLUG = UNPUBLISHED


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        site_url="https://konsultacje.example.pl/",
        site_name="Konsultacje testowe",
        root=FIXTURES,
        campaigns_dir=FIXTURES / "campaigns",
        today=TODAY,
        timezone=TZ,
        build_time=dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.timezone.utc),
        organisation=Organisation(
            name="Miejski Ośrodek Pomocy Społecznej w Krakowie", email="mops@mops.krakow.pl"
        ),
    )
    values.update(overrides)
    return Settings(**values)


def campaign(
    slug: str,
    published: str,
    opens: str | None = None,
    closes: str = "2025-12-31",
    announcements: tuple[Announcement, ...] = (),
    **fields: Any,
) -> Campaign:
    data = CampaignFile.model_validate(
        {
            "title": f"Konsultacje {slug}",
            "summary": "Krótki opis.",
            "organizer": "MOPS",
            "published": published,
            "opens": opens or published,
            "closes": closes,
            **fields,
        }
    )
    return Campaign(
        slug=slug, data=data, body="Treść.", source_dir=f"campaigns/{slug}", announcements=announcements
    )


def announcement(
    slug: str, day: str, title: str = "Komunikat", body: str = "Treść komunikatu."
) -> Announcement:
    return Announcement(
        slug=slug,
        title=title,
        date=dt.date.fromisoformat(day),
        body=body,
        source=f"campaigns/x/announcements/{slug}.md",
    )


def by_path(outputs: list[Output]) -> dict[str, bytes]:
    result = {}
    for output in outputs:
        assert isinstance(output.content, bytes), output.path
        result[output.path] = output.content
    return result


def feed_pairs(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(RSS path, Atom path) of every feed among the files."""
    return sorted((p, p[: -len(".xml")] + ".atom") for p in files if p.endswith(".xml"))


# ---------------------------------------------------------------- rule checks


def _rfc822(text: str, tz: ZoneInfo) -> dt.datetime:
    """FEED-08: RFC 822 date, English names, right weekday, numeric offset of the site's zone."""
    assert RFC822.match(text), text
    moment = email.utils.parsedate_to_datetime(text)
    assert text[:3] == WEEKDAYS[moment.weekday()], f"wrong weekday in {text}"
    assert moment.utcoffset() == moment.astimezone(tz).utcoffset(), f"{text} is not in {tz.key}"
    return moment


def _rfc3339(text: str) -> dt.datetime:
    """FEED-13: RFC 3339 with an upper-case T, an offset and no fraction of a second."""
    assert RFC3339.match(text), text
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _parses_cleanly(data: bytes, version: str) -> Any:
    """FEED-01: UTF-8 declaration with double quotes, well-formed, no bozo."""
    assert data.startswith(DECLARATION)
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == version
    assert parsed.encoding.lower() == "utf-8"
    return parsed


def check_rss(data: bytes, self_url: str, settings: Settings) -> list[dict[str, Any]]:
    """Assert every FEED rule that an RSS document must meet; return its items."""
    parsed = _parses_cleanly(data, "rss20")
    root = etree.fromstring(data)
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0" and channel is not None
    # FEED-02: title, link (the HTML page, not a feed file) and description.
    link = channel.findtext("link") or ""
    assert channel.findtext("title") and channel.findtext("description")
    assert link.startswith(settings.site_url) and link.endswith("/"), link
    # FEED-03: one atom:link rel=self naming this very file, typed as RSS.
    selfs = root.xpath("/rss/channel/atom:link[@rel='self']", namespaces=NS)
    assert [(s.get("href"), s.get("type")) for s in selfs] == [(self_url, "application/rss+xml")]
    assert link != self_url
    # FEED-04
    assert root.xpath("string(/rss/channel/language)") == settings.language
    assert parsed.feed.language == settings.language
    items = []
    for item in channel.findall("item"):
        # FEED-06: title, absolute link, plain-text description (no markup left after one
        # decoding), pubDate, guid.
        title, href, description = (item.findtext(n) or "" for n in ("title", "link", "description"))
        assert title.strip() and description.strip()
        assert href.startswith(settings.site_url), href
        assert "<" not in description and ">" not in description, description
        guid = item.find("guid")
        # FEED-07: opaque, permanent tag: URI, marked as not a permalink.
        assert guid is not None and guid.get("isPermaLink") == "false" and TAG.match(guid.text or "")
        # FEED-11: categories, each pointing at its category page.
        categories = item.findall("category")
        for category in categories:
            assert category.text and (category.get("domain") or "").startswith(
                settings.site_url + "kategorie/"
            )
        items.append(
            {
                "guid": guid.text,
                "title": title,
                "link": href,
                "summary": html.unescape(description),
                "published": _rfc822(item.findtext("pubDate") or "", settings.timezone),
                "categories": [c.text for c in categories],
            }
        )
    guids = [i["guid"] for i in items]
    assert len(set(guids)) == len(guids), "duplicate guid"  # FEED-07
    _check_order(items)  # FEED-09
    last = _rfc822(channel.findtext("lastBuildDate") or "", settings.timezone)  # FEED-05
    if items:
        assert last >= max(i["published"] for i in items)
    assert [e.id for e in parsed.entries] == guids
    return items


def check_atom(data: bytes, self_url: str, settings: Settings) -> list[dict[str, Any]]:
    """Assert every FEED rule that an Atom document must meet; return its entries."""
    parsed = _parses_cleanly(data, "atom10")
    root = etree.fromstring(data)
    assert root.tag == ATOM + "feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == settings.language  # FEED-04
    # FEED-12: id, title, updated, author name, self and alternate links.
    assert TAG.match(root.findtext(ATOM + "id") or "")
    assert root.findtext(ATOM + "title")
    assert root.xpath("string(atom:author/atom:name)", namespaces=NS) == settings.organisation.name
    selfs = root.xpath("atom:link[@rel='self']", namespaces=NS)
    assert [(s.get("href"), s.get("type")) for s in selfs] == [(self_url, "application/atom+xml")]
    pages = root.xpath("atom:link[@rel='alternate']", namespaces=NS)
    assert len(pages) == 1 and pages[0].get("type") == "text/html"
    assert pages[0].get("href").startswith(settings.site_url) and pages[0].get("href") != self_url
    entries = []
    for entry in root.findall(ATOM + "entry"):
        links = entry.xpath("atom:link[@rel='alternate' and @type='text/html']/@href", namespaces=NS)
        summary = entry.find(ATOM + "summary")
        assert entry.findtext(ATOM + "title") and len(links) == 1 and links[0].startswith(settings.site_url)
        assert summary is not None and summary.get("type", "text") == "text" and (summary.text or "").strip()
        published = _rfc3339(entry.findtext(ATOM + "published") or "")
        updated = _rfc3339(entry.findtext(ATOM + "updated") or "")
        assert updated >= published
        assert TAG.match(entry.findtext(ATOM + "id") or "")
        entries.append(
            {
                "guid": entry.findtext(ATOM + "id"),
                "title": entry.findtext(ATOM + "title"),
                "link": links[0],
                "summary": summary.text,
                "published": published,
                "updated": updated,
                "categories": [c.get("term") for c in entry.findall(ATOM + "category")],
            }
        )
    ids = [e["guid"] for e in entries]
    assert len(set(ids)) == len(ids), "duplicate id"
    _check_order(entries)
    updated = _rfc3339(root.findtext(ATOM + "updated") or "")  # FEED-05
    if entries:
        assert updated == max(e["updated"] for e in entries)
    assert [e.id for e in parsed.entries] == ids
    return entries


def check_pair(
    rss: bytes, atom: bytes, rss_url: str, atom_url: str, settings: Settings
) -> list[dict[str, Any]]:
    """Both formats of one feed: each valid, and telling the same news."""
    items = check_rss(rss, rss_url, settings)
    entries = check_atom(atom, atom_url, settings)
    keys = ("guid", "title", "link", "summary", "published", "categories")
    assert [{k: i[k] for k in keys} for i in items] == [{k: e[k] for k in keys} for e in entries]
    rss_root, atom_root = etree.fromstring(rss), etree.fromstring(atom)
    assert email.utils.parsedate_to_datetime(rss_root.findtext("channel/lastBuildDate")) == _rfc3339(
        atom_root.findtext(ATOM + "updated")
    )
    assert rss_root.findtext("channel/link") == atom_root.xpath(
        "string(atom:link[@rel='alternate']/@href)", namespaces=NS
    )
    return entries


def _check_order(items: list[dict[str, Any]]) -> None:
    """FEED-09: newest first; items of the same moment by guid."""
    keys = [(-i["published"].timestamp(), i["guid"]) for i in items]
    assert keys == sorted(keys)


def check_all(files: dict[str, bytes], settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """Check every feed pair; return entries by RSS path."""
    assert len(files) == 2 * len(feed_pairs(files))
    return {
        rss: check_pair(files[rss], files[atom], settings.url(rss), settings.url(atom), settings)
        for rss, atom in feed_pairs(files)
    }


# ---------------------------------------------------------------- fixture campaigns


@pytest.fixture(scope="module")
def fixture_campaigns() -> list[Campaign]:
    campaigns, problems = check_campaigns(FIXTURES / "campaigns", FIXTURES, TZ)
    assert problems == []
    return campaigns


@pytest.fixture(scope="module")
def fixture_feeds(fixture_campaigns: list[Campaign]) -> dict[str, bytes]:
    return by_path(build_feeds(fixture_campaigns, make_settings()))


def test_fixture_feeds_meet_every_rule(fixture_feeds: dict[str, bytes]) -> None:
    settings = make_settings()
    entries = check_all(fixture_feeds, settings)
    assert set(fixture_feeds) == {
        urls.rss_new(settings),
        urls.atom_new(settings),
        urls.rss_updates(settings),
        urls.atom_updates(settings),
        "feeds/kategorie/pomoc-spoleczna.xml",
        "feeds/kategorie/pomoc-spoleczna.atom",
        "feeds/kategorie/rodzina.xml",
        "feeds/kategorie/rodzina.atom",
        "feeds/kategorie/strategie.xml",
        "feeds/kategorie/strategie.atom",
        "feeds/konsultacje/program-otwarty.xml",
        "feeds/konsultacje/program-otwarty.atom",
        "feeds/konsultacje/program-zakonczony.xml",
        "feeds/konsultacje/program-zakonczony.atom",
    }
    tag = "tag:konsultacje.example.pl,2025:konsultacja/"
    assert [e["guid"] for e in entries[urls.rss_updates(settings)]] == [
        tag + "program-otwarty/zmiana/2025-08-25",
        tag + "program-otwarty/zmiana/2025-08-25-2",
        tag + "program-otwarty/komunikat/2025-08-22-spotkanie",
        tag + "program-otwarty",
        tag + "program-zakonczony/raport",
        tag + "program-zakonczony",
    ]
    assert [e["guid"] for e in entries[urls.rss_new(settings)]] == [
        tag + "program-otwarty",
        tag + "program-zakonczony",
    ]
    # Categories whose names differ only in case share one feed.
    assert [e["guid"] for e in entries["feeds/kategorie/pomoc-spoleczna.xml"]] == [
        e["guid"] for e in entries[urls.rss_updates(settings)]
    ]
    assert [e["guid"] for e in entries["feeds/kategorie/strategie.xml"]] == [
        tag + "program-zakonczony/raport",
        tag + "program-zakonczony",
    ]


def test_nothing_dated_after_today_is_in_any_feed(fixture_feeds: dict[str, bytes]) -> None:
    for path, data in fixture_feeds.items():
        text = data.decode()
        for needle in (
            "program-przyszly",
            "Program tajny",
            "przyszlosc",
            "Komunikat z przyszłości",
            "2025-09-10",
            "2025-09-15",
            "nie może trafić",
        ):
            assert needle not in text, (path, needle)


def test_future_items_are_dropped_even_when_the_caller_passes_them() -> None:
    settings = make_settings()
    future = campaign("pozniej", "2025-09-02", categories=["inne"])
    report_later = campaign(
        "raport-pozniej",
        "2025-06-02",
        closes="2025-06-30",
        report={"published": "2025-09-02"},
        announcements=(announcement("pozniej", "2025-09-02"),),
        changes=[{"date": "2025-09-02", "summary": "Jutro."}],
    )
    files = by_path(build_feeds([future, report_later], settings))
    entries = check_all(files, settings)
    assert "feeds/kategorie/inne.xml" not in files
    assert [e["guid"] for e in entries[urls.rss_updates(settings)]] == [
        "tag:konsultacje.example.pl,2025:konsultacja/raport-pozniej"
    ]
    # The consultation's own entry is not marked updated by facts of tomorrow either.
    assert entries[urls.rss_updates(settings)][0]["updated"] == dt.datetime(2025, 6, 2, 8, tzinfo=TZ)


def test_special_characters_reach_readers_as_written(
    fixture_feeds: dict[str, bytes], fixture_campaigns: list[Campaign]
) -> None:
    settings = make_settings()
    open_one = next(c for c in fixture_campaigns if c.slug == "program-otwarty")
    title, summary = open_one.data.title, open_one.data.summary
    assert "<2025>" in title and "&" in title and '"' in title and "'" in title and "ż" in title
    for rss, atom in feed_pairs(fixture_feeds):
        for document in (etree.fromstring(fixture_feeds[rss]), etree.fromstring(fixture_feeds[atom])):
            assert document.xpath("//*[local-name()='script' or local-name()='b']") == []
    rss = feedparser.parse(fixture_feeds[urls.rss_new(settings)])
    atom = feedparser.parse(fixture_feeds[urls.atom_new(settings)])
    for parsed in (rss, atom):
        entry = parsed.entries[0]
        assert entry.title == title
        # RSS descriptions are HTML: readers unescape once more and show the text as written.
        shown = html.unescape(entry.summary) if entry.summary_detail.type == "text/html" else entry.summary
        assert shown.startswith(summary + " Uwagi można zgłaszać od 20.08.2025 do 30.09.2025.")
        assert [t.term for t in entry.tags] == ["Pomoc społeczna", "rodzina"]
    report = next(
        e
        for e in feedparser.parse(fixture_feeds[urls.atom_updates(settings)]).entries
        if e.id.endswith("/raport")
    )
    assert report.summary == "Wpłynęło 5 uwag <b>od 3 organizacji</b> & wszystkie rozpatrzono."
    assert report.link == settings.url("konsultacje/program-zakonczony/") + "#raport"


def test_announcement_markdown_becomes_plain_text(fixture_feeds: dict[str, bytes]) -> None:
    settings = make_settings()
    entry = next(
        e
        for e in feedparser.parse(fixture_feeds[urls.atom_updates(settings)]).entries
        if "/komunikat/" in e.id
    )
    assert entry.title == (
        "Komunikat: Zaproszenie na spotkanie & dyżur <online> – Program „Rodzina & Dom” "
        "<2025> – zażółć gęślą jaźń \"cytat\" 'apostrof'"
    )
    assert entry.summary == (
        "Zapraszamy na spotkanie 3 września o 16:00. sala 210, „Józefińska 14” "
        "dyżur telefoniczny: 12 616 53 21 & online"
    )
    assert entry.link == settings.url("konsultacje/program-otwarty/") + "#komunikat-2025-08-22-spotkanie"


def test_markdown_to_text_keeps_words_and_drops_markup() -> None:
    text = "# Nagłówek\n\n*kursywa* i `kod`, ![mapa dojazdu](m.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert markdown_to_text(text) == "Nagłówek kursywa i kod, mapa dojazdu a b 1 2"
    assert markdown_to_text("a\x00b\x0b c") == "ab c"


def test_long_summaries_are_cut_at_a_word() -> None:
    settings = make_settings()
    body = " ".join(["słowo"] * 200)
    files = by_path(
        build_feeds(
            [campaign("dlugi", "2025-08-01", announcements=(announcement("a", "2025-08-02", body=body),))],
            settings,
        )
    )
    summary = check_all(files, settings)[urls.rss_updates(settings)][0]["summary"]
    assert summary.endswith("słowo…") and len(summary) <= SUMMARY_LENGTH


def test_golden_files(fixture_feeds: dict[str, bytes]) -> None:
    expected_dir = FIXTURES / "expected"
    if UPDATE_GOLDEN:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for path, data in fixture_feeds.items():
            (expected_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / path).write_bytes(data)
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_bytes() for p in expected_dir.rglob("*") if p.is_file()
    }
    assert sorted(expected) == sorted(fixture_feeds)
    for path, data in fixture_feeds.items():
        assert data == expected[path], f"{path} differs; run UPDATE_GOLDEN=1 pytest and review the diff"


# ---------------------------------------------------------------- identity, dates, order, bounds


def test_guids_do_not_change_when_titles_and_texts_change(
    tmp_path: Path, fixture_feeds: dict[str, bytes]
) -> None:
    settings = make_settings()
    shutil.copytree(FIXTURES / "campaigns", tmp_path / "campaigns")
    folder = tmp_path / "campaigns" / "program-otwarty"
    yml = (folder / "campaign.yml").read_text(encoding="utf-8")
    yml = yml.replace("title: Program „Rodzina", "title: Nowy tytuł programu „Rodzina")
    yml = yml.replace("summary: Uwagi do programu", "summary: Całkiem inny opis programu")
    yml = yml.replace("Przedłużono termin", "Poprawiono literówkę, przedłużono termin")
    (folder / "campaign.yml").write_text(yml, encoding="utf-8")
    note = folder / "announcements" / "2025-08-22-spotkanie.md"
    note.write_text(
        note.read_text(encoding="utf-8")
        .replace("Zaproszenie na spotkanie", "Zaproszenie")
        .replace("**Zapraszamy**", "Serdecznie zapraszamy"),
        encoding="utf-8",
    )
    campaigns, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert problems == []
    edited = by_path(build_feeds(campaigns, settings))
    before = check_all(fixture_feeds, settings)
    after = check_all(edited, settings)
    for path in before:
        assert [(e["guid"], e["link"]) for e in after[path]] == [(e["guid"], e["link"]) for e in before[path]]
    # The edits did reach the feeds: every item of the edited consultation reads differently.
    changed = [
        (b["title"], b["summary"]) != (a["title"], a["summary"])
        for b, a in zip(before[urls.rss_updates(settings)], after[urls.rss_updates(settings)], strict=True)
    ]
    assert changed == [True, True, True, True, False, False]


def test_guids_are_unique_and_tell_same_day_changes_apart() -> None:
    settings = make_settings()
    changes = [{"date": "2025-08-10", "summary": f"Zmiana {n}"} for n in range(3)]
    files = by_path(build_feeds([campaign("zmiany", "2025-08-01", changes=changes)], settings))
    guids = [e["guid"] for e in check_all(files, settings)[urls.rss_updates(settings)]]
    base = "tag:konsultacje.example.pl,2025:konsultacja/zmiany"
    assert guids == [
        f"{base}/zmiana/2025-08-10",
        f"{base}/zmiana/2025-08-10-2",
        f"{base}/zmiana/2025-08-10-3",
        base,
    ]


def test_newest_first_and_same_day_items_by_guid() -> None:
    settings = make_settings()
    campaigns = [
        campaign("b-srodek", "2025-05-05"),
        campaign("c-najnowszy", "2025-08-30"),
        campaign("a-srodek", "2025-05-05"),
        campaign("d-najstarszy", "2024-12-31"),
    ]
    files = by_path(build_feeds(campaigns, settings))
    slugs = [e["link"].split("/")[-2] for e in check_all(files, settings)[urls.rss_new(settings)]]
    assert slugs == ["c-najnowszy", "a-srodek", "b-srodek", "d-najstarszy"]


def test_dates_are_in_the_sites_time_zone_with_the_right_weekday() -> None:
    winter_summer = [campaign("zima", "2025-01-06"), campaign("lato", "2025-07-06")]
    files = by_path(build_feeds(winter_summer, make_settings()))
    text = files["feeds/konsultacje.xml"].decode()
    assert "<pubDate>Sun, 06 Jul 2025 08:00:00 +0200</pubDate>" in text
    assert "<pubDate>Mon, 06 Jan 2025 08:00:00 +0100</pubDate>" in text
    assert "<lastBuildDate>Sun, 06 Jul 2025 08:00:00 +0200</lastBuildDate>" in text
    atom = files["feeds/konsultacje.atom"].decode()
    assert "<published>2025-01-06T08:00:00+01:00</published>" in atom
    assert "<updated>2025-07-06T08:00:00+02:00</updated>" in atom
    elsewhere = make_settings(timezone=ZoneInfo("America/New_York"))
    files = by_path(build_feeds(winter_summer, elsewhere))
    check_all(files, elsewhere)
    assert "<pubDate>Sun, 06 Jul 2025 08:00:00 -0400</pubDate>" in files["feeds/konsultacje.xml"].decode()


def test_a_time_of_publication_replaces_the_default_eight_o_clock() -> None:
    timed = [campaign("z-godzina", "2025-08-28 10:57", opens="2025-08-28"), campaign("bez-godziny", "2025-08-27")]
    settings = make_settings()
    files = by_path(build_feeds(timed, settings))
    check_all(files, settings)
    text = files["feeds/konsultacje.xml"].decode()
    assert "<pubDate>Thu, 28 Aug 2025 10:57:00 +0200</pubDate>" in text
    assert "<pubDate>Wed, 27 Aug 2025 08:00:00 +0200</pubDate>" in text
    assert "<published>2025-08-28T10:57:00+02:00</published>" in files["feeds/konsultacje.atom"].decode()


def test_last_build_date_follows_the_newest_item_and_updates() -> None:
    settings = make_settings()
    changed = campaign(
        "zmieniony", "2025-03-03", updated="2025-04-04", changes=[{"date": "2025-05-05", "summary": "X"}]
    )
    files = by_path(build_feeds([changed, campaign("stary", "2025-02-02")], settings))
    entries = check_all(files, settings)
    new = entries[urls.rss_new(settings)]
    # The entry of an edited consultation says when it last changed (FEED-15), and so does the feed.
    assert new[0]["updated"] == dt.datetime(2025, 5, 5, 8, tzinfo=TZ)
    assert (
        "<lastBuildDate>Mon, 05 May 2025 08:00:00 +0200</lastBuildDate>"
        in files["feeds/konsultacje.xml"].decode()
    )


def test_output_never_depends_on_the_clock() -> None:
    campaigns = [campaign("a", "2025-08-01", categories=["rodzina"]), campaign("b", "2025-02-01")]
    early = build_feeds(campaigns, make_settings(build_time=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)))
    late = build_feeds(
        list(reversed(campaigns)), make_settings(build_time=dt.datetime(2099, 1, 1, tzinfo=dt.timezone.utc))
    )
    assert early == late
    for output in early:
        assert (
            isinstance(output.content, bytes)
            and b"2099" not in output.content
            and b"2000" not in output.content
        )


def test_empty_site_has_valid_empty_feeds() -> None:
    settings = make_settings()
    files = by_path(build_feeds([], settings))
    assert sorted(files) == sorted(
        [
            urls.rss_new(settings),
            urls.atom_new(settings),
            urls.rss_updates(settings),
            urls.atom_updates(settings),
        ]
    )
    assert all(entries == [] for entries in check_all(files, settings).values())
    assert (
        "<lastBuildDate>Mon, 01 Sep 2025 08:00:00 +0200</lastBuildDate>"
        in files["feeds/konsultacje.xml"].decode()
    )


def test_feeds_are_bounded_but_keep_every_open_consultation() -> None:
    settings = make_settings()
    closed = [
        campaign(
            f"zamkniety-{n:02d}",
            (dt.date(2024, 1, 1) + dt.timedelta(days=n)).isoformat(),
            closes="2024-06-30",
            report={"published": "2024-07-01"},
        )
        for n in range(MAX_ITEMS + 5)
    ]
    long_open = campaign("otwarty-od-dawna", "2023-01-01", closes="2025-12-31")
    upcoming = campaign("zapowiedziany", "2023-01-02", opens="2025-10-01", closes="2025-12-31")
    files = by_path(build_feeds([*closed, long_open, upcoming], settings))
    entries = check_all(files, settings)
    for path in (urls.rss_new(settings), urls.rss_updates(settings)):
        links = [e["link"] for e in entries[path]]
        assert len(links) == MAX_ITEMS + 2
        assert links[-2:] == [
            settings.url("konsultacje/zapowiedziany/"),
            settings.url("konsultacje/otwarty-od-dawna/"),
        ]
    assert "zamkniety-00" not in files[urls.rss_new(settings)].decode()


def test_feed_files_have_the_right_media_types(fixture_feeds: dict[str, bytes]) -> None:
    # FEED-16: static hosts pick the type from the extension.
    for path in fixture_feeds:
        expected = (
            ("application/xml", "text/xml", "application/rss+xml")
            if path.endswith(".xml")
            else ("application/atom+xml",)
        )
        assert mimetypes.guess_type(path)[0] in expected, path


# ---------------------------------------------------------------- the example site


def _site_settings() -> Settings:
    site_url = re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert site_url is not None
    return make_settings(
        site_url=site_url.group(1),
        root=REPO,
        campaigns_dir=REPO / "campaigns",
        organisation=Organisation(name="Miejski Ośrodek Pomocy Społecznej w Krakowie"),
    )


def _feed_files(site: Path) -> dict[str, bytes]:
    folder = site / "feeds"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_example_feed_meets_every_rule(example_site: Path) -> None:
    settings = _site_settings()
    files = _feed_files(example_site)
    campaigns, _ = check_campaigns(REPO / "campaigns", REPO, TZ)
    public = [c for c in campaigns if c.is_published(TODAY)]
    expected = {
        urls.rss_new(settings),
        urls.atom_new(settings),
        urls.rss_updates(settings),
        urls.atom_updates(settings),
    }
    for name in {n for c in public for n in c.data.categories}:
        expected |= {urls.rss_category(settings, name), urls.atom_category(settings, name)}
    for campaign in public:  # and a feed of its own for each published consultation, no other
        expected |= {urls.rss_campaign(settings, campaign.slug), urls.atom_campaign(settings, campaign.slug)}
    assert set(files) == expected
    entries = check_all(files, settings)
    # FEED-10: every open or upcoming consultation is announced in the new-consultations feed.
    live = {
        settings.url(urls.campaign_page(settings, c.slug))
        for c in public
        if c.status(TODAY).value in ("open", "upcoming")
    }
    assert live and live <= {e["link"] for e in entries[urls.rss_new(settings)]}
    assert len(entries[urls.rss_new(settings)]) == len(public)


def test_example_content_a_few_days_later_announces_its_follow_ups() -> None:
    # On 2025-09-03 the announcement and the recorded change of 2025-09-02 are news.
    later = replace(_site_settings(), today=dt.date(2025, 9, 3))
    campaigns, _ = check_campaigns(REPO / "campaigns", REPO, TZ)
    entries = check_all(by_path(build_feeds(campaigns, later)), later)[urls.rss_updates(later)]
    base = f"tag:konsultacje.mops.example.pl,2025:konsultacja/{OPEN}"
    assert [e["guid"] for e in entries[:3]] == [
        f"{base}/komunikat/2025-09-02-formularz-odt",
        f"{base}/zmiana/2025-09-02",
        base,
    ]
    assert entries[0]["link"].endswith(
        f"/{OPEN}/#komunikat-2025-09-02-formularz-odt"
    )
    assert entries[2]["updated"] == dt.datetime(2025, 9, 2, 8, tzinfo=TZ)


def test_not_yet_published_consultation_is_in_no_example_feed(example_site: Path) -> None:
    files = _feed_files(example_site)
    assert files
    for path, data in files.items():
        text = data.decode()
        assert FUTURE_SLUG not in text and "Przeciwdziałania Przemocy" not in text, path
    assert not any("przemoc-domowa" in path for path in files)


def test_example_guids_match_the_committed_snapshot(example_site: Path) -> None:
    # FEED-7: a guid, once published, never changes. New items may appear; none may change.
    snapshot = FIXTURES / "example-guids.txt"
    current = sorted(
        {e.id for data in _feed_files(example_site).values() for e in feedparser.parse(data).entries}
    )
    if UPDATE_GOLDEN:
        snapshot.write_text("\n".join(current) + "\n", encoding="utf-8")
    committed = snapshot.read_text(encoding="utf-8").split()
    assert committed and set(committed) <= set(current)


def test_feed_readers_find_the_feeds_from_every_page(example_site: Path) -> None:
    # FEED-14: autodiscovery links in every page's head resolve to feed files of the site.
    settings = _site_settings()
    pages = sorted(example_site.rglob("*.html"))
    assert example_site / "index.html" in pages
    for page in pages:
        head = lxml.html.fromstring(page.read_bytes())
        found: dict[str, list[str]] = {}
        for link in head.xpath("//head/link[@rel='alternate']"):
            found.setdefault(link.get("type"), []).append(link.get("href"))
        # The site's feeds come first; some pages add their own (a category's, the news).
        assert found["application/rss+xml"][0] == settings.url(urls.rss_new(settings)), page
        assert found["application/atom+xml"][0] == settings.url(urls.atom_new(settings)), page
        for href in [h for hrefs in found.values() for h in hrefs]:
            assert (example_site / href[len(settings.site_url) :]).is_file(), (page, href)
    for kind, version in (("application/rss+xml", "rss20"), ("application/atom+xml", "atom10")):
        href = lxml.html.fromstring((example_site / "index.html").read_bytes()).xpath(
            f"//head/link[@rel='alternate' and @type='{kind}']/@href"
        )[0]
        target = example_site / href[len(settings.site_url) :]
        assert target.is_file(), href
        assert feedparser.parse(target.read_bytes()).version == version


def test_rebuilding_the_example_gives_identical_feeds(example_site: Path, tmp_path: Path) -> None:
    # Same input (same day), another hour of the build: not one byte may differ.
    later_same_day = str(int(dt.datetime(2025, 9, 1, 23, 30, tzinfo=TZ).timestamp()))
    result = build_site(REPO, tmp_path / "site", env={"SOURCE_DATE_EPOCH": later_same_day})
    assert result.returncode == 0, result.stderr
    assert _feed_files(tmp_path / "site") == _feed_files(example_site)


def test_announcement_without_words_still_has_a_summary() -> None:
    settings = make_settings()
    notes = (
        announcement("obraz", "2025-08-02", title="Mapa dojazdu", body="![](mapa.png)\n\n<!-- szkic -->\n"),
    )
    files = by_path(build_feeds([campaign("bez-slow", "2025-08-01", announcements=notes)], settings))
    first = check_all(files, settings)[urls.rss_updates(settings)][0]
    assert first["summary"] == "Komunikat: Mapa dojazdu – Konsultacje bez-slow"


EXAMPLES = int(os.environ.get("FEED_EXAMPLES", "60"))
# C0 control characters (but tab and new line) are refused by validation with a message to the
# editor (model.Text), so they never reach a feed; C1 controls and everything else can.
_REFUSED = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0xFFFE, 0xFFFF])
ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=_REFUSED), min_size=1, max_size=60
).filter(str.strip)
# What editors type: Polish letters, ASCII with markup characters, typographic quotes and dashes.
EDITOR_TEXT = st.text(
    st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + list("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”“«»–—…\u00a0\n\t")),
    min_size=1,
    max_size=60,
).filter(str.strip)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, summary=ANY_TEXT)
def test_any_text_gives_valid_feeds_with_the_text_as_written(title: str, summary: str) -> None:
    config = make_settings()
    files = by_path(build_feeds([campaign("dowolny", "2025-08-01", title=title, summary=summary)], config))
    entries = check_all(files, config)[urls.rss_new(config)]  # parsed by lxml; feedparser: no bozo
    assert entries[0]["title"] == (plain(title) or "dowolny")
    assert entries[0]["summary"].startswith(plain(summary))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=EDITOR_TEXT, summary=EDITOR_TEXT)
def test_readers_show_editors_text_as_written(title: str, summary: str) -> None:
    config = make_settings()
    files = by_path(build_feeds([campaign("dowolny", "2025-08-01", title=title, summary=summary)], config))
    for path, data in files.items():
        entry = feedparser.parse(data).entries[0]
        shown = html.unescape(entry.summary) if entry.summary_detail.type == "text/html" else entry.summary
        assert entry.title == plain(title), path
        assert shown.startswith(plain(summary)), path


def test_each_consultation_has_a_feed_of_its_own_news_linked_from_its_page(example_site: Path) -> None:
    """A consultation's page offers its own news (all of it, however old), found by feed readers too."""
    feeds = _feed_files(example_site)
    settings = _site_settings()
    pages = sorted((example_site / "konsultacje").glob("*/index.html"))
    assert len(pages) >= 4
    for page in pages:
        slug = page.parent.name
        rss, atom = urls.rss_campaign(settings, slug), urls.atom_campaign(settings, slug)
        head = lxml.html.parse(str(page)).getroot()
        alternates = {link.get("href") for link in head.xpath("//head/link[@rel='alternate']")}
        assert {settings.url(rss), settings.url(atom)} <= alternates, slug
        visible = {a.get("href") for a in head.xpath("//article//a[@href]")}
        assert any(h.endswith(f"feeds/konsultacje/{slug}.xml") for h in visible), slug
        for path in (rss, atom):
            parsed = feedparser.parse(feeds[path])
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert parsed.entries, path
            # every item is about this consultation and nothing else
            assert all(f"konsultacje/{slug}/" in entry.link for entry in parsed.entries), path
        everywhere = feedparser.parse(feeds[urls.atom_updates(settings)])
        own = {e.id for e in feedparser.parse(feeds[atom]).entries}
        assert {e.id for e in everywhere.entries if f"konsultacje/{slug}/" in e.link} <= own, slug
