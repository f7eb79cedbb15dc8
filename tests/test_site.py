"""The example site built by `mkdocs build` as of TODAY, checked page by page with an HTML parser."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html

from generator.i18n import translator

from .conftest import REPO, build_site
from .example import ALL, CONCLUDED, OPEN, UNPUBLISHED, UPCOMING

SITE_URL = "https://konsultacje.mops.example.pl/"
HOST = urlsplit(SITE_URL).hostname
# Elements whose URL the browser fetches by itself when showing the page.
LOADED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
    "input": "src",
}
NOT_LOADED_LINKS = {"alternate", "canonical", "prev", "next", "search", "edit"}


@cache
def parse(path: Path) -> Any:
    return lxml_html.parse(str(path)).getroot()


def page(site: Path, path: str) -> Any:
    return parse(site / path / "index.html")


def article(site: Path, path: str) -> Any:
    return page(site, path).xpath("//article")[0]


def words(element: Any) -> str:
    return " ".join(element.text_content().split())


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, file: Path) -> str:
    """The URL the file is served at (folder URL for index.html)."""
    rel = file.relative_to(site).as_posix()
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, url: str) -> Path | None:
    """The file an own-site URL points at, or None when it is not on this site."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "webcal") or parts.hostname != HOST:
        return None
    path = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


@cache
def ids_of(path: Path) -> frozenset[str]:
    root = parse(path)
    return frozenset(root.xpath("//@id") + root.xpath("//a/@name"))


# ---------------------------------------------------------------- pages and lists


def test_a_page_per_published_consultation(example_site: Path) -> None:
    found = {p.parent.name for p in (example_site / "konsultacje").glob("*/index.html")}
    assert found == {OPEN, UPCOMING, *CONCLUDED}
    for file in html_pages(example_site):
        assert UNPUBLISHED not in file.read_text(encoding="utf-8"), file


def titles_in(site: Path, path: str, section: str) -> list[str]:
    heading = article(site, path).xpath(f".//h2[@id='{section}']")[0]
    following = heading.xpath("following-sibling::*[1][self::ul]")
    return [words(a) for a in following[0].xpath(".//h3/a")] if following else []


@pytest.mark.parametrize("path", ["", "konsultacje/"])
def test_lists_for_today(example_site: Path, path: str) -> None:
    assert titles_in(example_site, path, "otwarte") == [
        "Program Wspierania Rodziny w Krakowie na lata 2025–2027"
    ]
    assert titles_in(example_site, path, "zapowiedziane") == [
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028"
    ]
    assert titles_in(example_site, path, "zakonczone") == [
        "Strategia Rozwiązywania Problemów Społecznych Krakowa na lata 2021–2030",
        "Wieloletni Program Współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na lata 2012–2014",
    ]


def test_home_shows_the_next_duty_hours_and_meetings_and_the_feeds(example_site: Path) -> None:
    home = article(example_site, "")
    assert "pyta organizacje pozarządowe i mieszkańców" in words(home)  # the intro from content/index.md
    first = home.xpath(".//h2[@id='najblizsze-wydarzenia']/following-sibling::h3[1]")[0]
    assert words(first) == "wtorek, 2 września 2025 r."
    event = first.xpath("following-sibling::ul[1]/li[1]")[0]
    assert words(event).startswith("12:00–15:00 Dyżur ekspercki")
    assert event.xpath(".//time/@datetime")[0] == "2025-09-02T12:00+02:00"
    feeds = {a.get("href"): words(a) for a in home.xpath(".//div[@class='cx-feeds']//a")}
    assert feeds["feeds/konsultacje.xml"] == "Nowe konsultacje: kanał RSS"
    assert feeds["feeds/konsultacje.atom"] == "Nowe konsultacje: kanał Atom"


def test_archive_by_year_and_category_pages(example_site: Path) -> None:
    years = article(example_site, "archiwum/").xpath(".//ul[contains(@class, 'cx-links')]//a/@href")
    assert years == ["2025/", "2021/", "2011/"]
    assert [words(a) for a in article(example_site, "archiwum/2021/").xpath(".//h2/a")] == [
        "Strategia Rozwiązywania Problemów Społecznych Krakowa na lata 2021–2030"
    ]
    family = article(example_site, "kategorie/rodzina/")
    assert [words(a) for a in family.xpath(".//h3/a")] == [
        "Program Wspierania Rodziny w Krakowie na lata 2025–2027",
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028",
    ]
    assert family.xpath(".//div[@class='cx-feeds']//a/@href") == [
        "../../feeds/kategorie/rodzina.xml",
        "../../feeds/kategorie/rodzina.atom",
    ]


def test_calendar_page_lists_coming_events_by_day(example_site: Path) -> None:
    calendar = article(example_site, "kalendarz/")
    days = [h.get("id") for h in calendar.xpath(".//h3[starts-with(@id, 'dzien-')]")]
    assert days[0] == "dzien-2025-09-02" and days[-1] == "dzien-2025-11-07"
    assert days == sorted(days)
    cancelled = calendar.xpath(".//li[contains(@class, 'cx-event--cancelled')]")[0]
    assert cancelled.xpath("string(.//strong[contains(@class, 'cx-tag--cancelled')])") == "odwołane"
    assert cancelled.xpath(".//s")


def test_calendar_page_offers_exactly_the_calendars_the_build_wrote(example_site: Path) -> None:
    """Everything, duty hours only, each category and each open consultation: each one's webcal://
    link and address to copy name a feed the calendar stage wrote; how to subscribe is said once."""
    calendar = article(example_site, "kalendarz/")
    written = {p.relative_to(example_site).as_posix() for p in (example_site / "kalendarz").rglob("*.ics")
               if "wydarzenia" not in p.parts}
    expected = {"kalendarz/wszystkie.ics", "kalendarz/dyzury.ics", f"kalendarz/konsultacje/{OPEN}.ics"}
    expected |= {f for f in written if f.startswith("kalendarz/kategorie/")}
    assert len(expected) > 5 and expected <= written
    items = calendar.xpath(".//ul[@class='cx-calendars']/li")
    offered = []
    for item in items:
        [webcal] = item.xpath(".//a[starts-with(@href, 'webcal://')]/@href")
        [field] = item.xpath(".//input")
        [button] = item.xpath(".//button")
        assert webcal == "webcal://" + field.get("value").removeprefix("https://") == "webcal://" + button.get(
            "data-clipboard-text").removeprefix("https://")
        offered.append(field.get("value").removeprefix(SITE_URL))
        name = " ".join(item.xpath("string(.//p[@class='cx-calendar__name'])").split())
        # every control says which calendar it subscribes to, not just "Subskrybuj kalendarz"
        for control in item.xpath(".//a | .//label | .//button"):
            assert " ".join(control.text_content().split()).endswith(name), control.text_content()
    assert sorted(offered) == sorted(expected)
    assert all((example_site / path).is_file() for path in offered)
    assert len(calendar.xpath(".//details[@class='cx-subscribe__help']")) == 1
    assert len(calendar.xpath(".//p[@class='cx-subscribe__note']")) == 1
    text = " ".join(calendar.text_content().split())
    assert text.count("„Z adresu URL”") == text.count("Nie importuj pobranego pliku") == 1


def test_nav_lists_the_lists_but_not_each_consultation(example_site: Path) -> None:
    nav = page(example_site, "o-konsultacjach/").xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    labels = [words(item.xpath("(a | label)[1]")[0]) for item in nav.xpath("./ul/li")]
    assert labels == ["Strona główna", "Konsultacje", "Kalendarz", "Archiwum", "O konsultacjach"]
    assert not nav.xpath(f".//a[contains(@href, '{OPEN}')]")


# ---------------------------------------------------------------- a consultation page


def test_consultation_page_facts_table_and_materials(example_site: Path) -> None:
    body = article(example_site, f"konsultacje/{OPEN}/")
    facts = body.xpath(".//dl[@class='cx-facts']")[0]
    assert words(facts.xpath("div[1]")[0]) == "Status otwarte Trwa zbieranie uwag."
    assert (
        words(facts.xpath("div[2]")[0])
        == "Termin zgłaszania uwag do 26 września 2025 r. (piątek), do końca dnia Zostało 26 dni"
    )
    assert words(facts.xpath("div[3]/dt")[0]) == "Jak wziąć udział"
    assert facts.xpath("div[3]//a/@href")[:1] == ["mailto:dm@mops.krakow.pl"]
    assert words(facts.xpath("div[4]/dt")[0]) == "Dokumenty"
    table = body.xpath(".//table[contains(@class, 'cx-duty')]")[0]
    assert table.xpath("caption") and set(table.xpath(".//th/@scope")) == {"col", "row"}
    marked = table.xpath(".//tr[contains(@class, 'cx-duty__row--marked')]")
    assert len(marked) == 1 and marked[0].get("id") == "wydarzenie-dyzur-2"


def test_materials_are_copied_and_listed_with_format_and_size(example_site: Path) -> None:
    t = translator("pl")
    checked = 0
    for slug in (OPEN, UPCOMING, *CONCLUDED):
        body = article(example_site, f"konsultacje/{slug}/")
        for link in body.xpath(".//a[@class='cx-attachment__link']"):
            href = link.get("href")
            published = example_site / "konsultacje" / slug / href
            if href == "tabela-uwag.csv":  # written by the build: the table of comments without names
                assert words(link).endswith(f", CSV, {t.size(published.stat().st_size)}"), words(link)
                continue
            source = REPO / "campaigns" / slug / href
            assert published.read_bytes() == source.read_bytes(), href
            ext = published.suffix.lstrip(".").upper()
            assert words(link).endswith(f", {ext}, {t.size(source.stat().st_size)}"), words(link)
            checked += 1
    assert checked == 10  # the consultations' materials, and the two documents of one meeting


def test_head_metadata_for_machines(example_site: Path) -> None:
    root = page(example_site, f"konsultacje/{UPCOMING}/")
    head = root.xpath("//head")[0]
    description = head.xpath("string(meta[@name='description']/@content)")
    assert description.startswith("Zapowiadamy konsultacje projektu programu rozwoju pieczy zastępczej")
    og = {m.get("property"): m.get("content") for m in head.xpath("meta[starts-with(@property, 'og:')]")}
    assert og["og:type"] == "article" and og["og:locale"] == "pl_PL"
    assert og["og:url"] == f"{SITE_URL}konsultacje/{UPCOMING}/"
    assert og["og:description"] == description
    data = json.loads(root.xpath("string(//script[@type='application/ld+json'])"))
    events = [node for node in data["@graph"] if node["@type"] == "Event"]
    statuses = {e["@id"].rsplit("#", 1)[1]: e["eventStatus"].rsplit("/", 1)[1] for e in events}
    assert statuses["wydarzenie-spotkanie-rodziny-zastepcze"] == "EventCancelled"
    assert statuses["wydarzenie-spotkanie-hybrydowe"] == "EventScheduled"
    modes = {e["@id"].rsplit("#", 1)[1]: e["eventAttendanceMode"].rsplit("/", 1)[1] for e in events}
    assert modes == {
        "wydarzenie-dyzur-1": "OnlineEventAttendanceMode",
        "wydarzenie-dyzur-2": "OnlineEventAttendanceMode",
        "wydarzenie-spotkanie-hybrydowe": "MixedEventAttendanceMode",
        "wydarzenie-spotkanie-rodziny-zastepcze": "OfflineEventAttendanceMode",
    }
    feeds = head.xpath("link[@rel='alternate']/@type")
    assert {"application/rss+xml", "application/atom+xml", "text/calendar"} <= set(feeds)


def test_sitemap_lists_every_page_with_its_last_change(example_site: Path) -> None:
    tree = etree.parse(str(example_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in tree.findall("s:url", ns)
    }
    assert entries[f"{SITE_URL}konsultacje/{CONCLUDED[0]}/"] == "2021-10-15"
    assert f"{SITE_URL}kalendarz/" in entries and f"{SITE_URL}archiwum/2011/" in entries


def test_dates_are_machine_readable(example_site: Path) -> None:
    # A day, a moment with its offset, or a month (milestones known only to the month).
    for file in html_pages(example_site):
        for value in parse(file).xpath("//time/@datetime"):
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}[+-]\d{2}:\d{2})?)?", value), (file, value)


# ---------------------------------------------------------------- the whole site


def test_one_h1_and_no_skipped_heading_levels_on_any_page(example_site: Path) -> None:
    for file in html_pages(example_site):
        root = parse(file)
        assert len(root.xpath("//h1")) == 1, file
        levels = [int(h.tag[1]) for h in root.xpath("//article")[0].iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (file, levels)


def test_no_broken_internal_link_or_missing_asset(example_site: Path) -> None:
    # Calendar files come from the iCalendar stage; a checkout without it builds none at all.
    calendars = any(example_site.rglob("*.ics"))
    broken = []
    for file in html_pages(example_site):
        base = url_of(example_site, file)
        root = parse(file)
        for element, attribute in [
            *((e, "href") for e in root.xpath("//a[@href] | //link[@href]")),
            *((e, "src") for e in root.xpath("//*[@src]")),
        ]:
            url = urljoin(base, element.get(attribute).strip())
            target = target_file(example_site, url)
            if target is None:
                continue
            if not calendars and target.suffix == ".ics":
                continue
            if not target.is_file():
                broken.append((file.relative_to(example_site).as_posix(), element.get(attribute)))
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
                broken.append((file.relative_to(example_site).as_posix(), element.get(attribute)))
    assert broken == []


def test_no_page_loads_anything_from_another_host(example_site: Path) -> None:
    loaded = []
    for file in html_pages(example_site):
        base = url_of(example_site, file)
        root = parse(file)
        for tag, attribute in LOADED.items():
            loaded += [urljoin(base, v) for v in root.xpath(f"//{tag}/@{attribute}")]
        for link in root.xpath("//link[@href]"):
            if not set((link.get("rel") or "").lower().split()) <= NOT_LOADED_LINKS:
                loaded.append(urljoin(base, link.get("href")))
        loaded += [
            urljoin(base, v) for v in re.findall(r"url\(['\"]?([^'\")]+)", " ".join(root.xpath("//@style")))
        ]
    foreign = sorted(
        {u for u in loaded if urlsplit(u).scheme not in ("", "data") and urlsplit(u).hostname != HOST}
    )
    assert foreign == []
    for sheet in example_site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(\s*['\"]?(https?:)?//([^/'\")]+)", text) + re.findall(
            r"@import\s+['\"]?https?://", text
        )
        assert not urls, (sheet, urls)


# ---------------------------------------------------------------- English, and edit links


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    source = tmp_path_factory.mktemp("english") / "src"
    source.mkdir()
    for name in ("content", "theme", "campaigns"):
        shutil.copytree(REPO / name, source / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  language: pl\n", "  language: en\n")
    config = config.replace("  features:\n", "  features:\n    - content.action.edit\n")
    (source / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = source.parent / "site"
    result = build_site(source, site)
    assert result.returncode == 0, result.stderr
    return site


def test_english_build(english_site: Path) -> None:
    root = page(english_site, f"konsultacje/{OPEN}/")
    assert root.get("lang") == "en"
    body = root.xpath("//article")[0]
    assert words(body.xpath(".//h2[@id='dyzury']")[0]) == "Expert duty hours"
    facts = words(body.xpath(".//dl[@class='cx-facts']")[0])
    assert "26 days left" in facts and "by 26 September 2025 (Friday), end of day" in facts
    assert body.xpath(".//h1/@lang") == ["pl"]
    home = article(english_site, "")
    assert words(home.xpath(".//h2[@id='otwarte']")[0]) == "Open consultations"
    assert "Friday, 29 August 2025" in words(body.xpath(".//table")[0])


def test_edit_links_point_at_the_sources(english_site: Path) -> None:
    repo = "https://github.com/mops-krakow/konsultacje/edit/main/"
    edit = "//a[@rel='edit']/@href"
    assert page(english_site, f"konsultacje/{OPEN}/").xpath(edit) == [f"{repo}campaigns/{OPEN}/campaign.yml"]
    assert page(english_site, "").xpath(edit) == [f"{repo}content/index.md"]
    assert page(english_site, "o-konsultacjach/").xpath(edit) == [f"{repo}content/o-konsultacjach.md"]
    assert page(english_site, "kalendarz/").xpath(edit) == []


def test_feed_items_link_to_pages_and_anchors_that_exist(example_site: Path) -> None:
    links: list[str] = []
    for feed in (example_site / "feeds").rglob("*"):
        if feed.suffix in (".xml", ".atom"):
            tree = etree.parse(str(feed))
            links += tree.xpath("//item/link/text()")
            links += tree.xpath("//*[local-name()='entry']/*[local-name()='link']/@href")
    assert len(links) > 10, "the feeds link to no pages"
    missing = []
    for url in links:
        target = target_file(example_site, url)
        fragment = urlsplit(url).fragment
        if target is None or not target.is_file() or (fragment and fragment not in ids_of(target)):
            missing.append(url)
    assert missing == []


def test_polish_dates_never_end_a_sentence_with_two_dots(example_site: Path) -> None:
    for file in html_pages(example_site):
        assert " r.." not in words(parse(file)), file


def test_closed_consultations_offer_no_calendar_subscription(example_site: Path) -> None:
    assert article(example_site, f"konsultacje/{OPEN}/").xpath(".//div[@class='cx-subscribe']")
    assert not article(example_site, f"konsultacje/{CONCLUDED[1]}/").xpath(".//div[@class='cx-subscribe']")


def test_the_example_names_every_consultation() -> None:
    """tests/example.py names each folder of the example's campaigns/, so no test names a stale one."""
    assert sorted(ALL) == sorted(folder.name for folder in (REPO / "campaigns").iterdir() if folder.is_dir())
