"""Each build speaks its own language: the English build shows no Polish interface text outside
content marked lang="pl", and the Polish build no English outside lang="en".

A screen reader reads a page in the language of its `<html lang>` unless an element says
otherwise (WCAG 3.1.1 and 3.1.2), so Polish words in an English page are mispronounced, and
a resident who chose English meets words they cannot read. The editors' own texts (their
pages in content/, campaign titles, the site's name) are Polish by design and are left out:
the test looks at what the generator and the theme write.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import icalendar
import pytest
import yaml
from lxml import html as lxml_html

from generator import cli
from tests.a11y.conftest import Served, copy_sources
from tests.conftest import REPO, build_site

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
POLISH = re.compile(r"[ąćęłńśźżĄĆĘŁŃŚŹŻ]|\b(?:szukaj|strona|konsultacje|kalendarz|archiwum|przejdź|wszystkie|"
                    r"nowe|kategorie|dyżury|albo|oraz|jest|lub)\b", re.I)
ENGLISH = re.compile(r"\b(?:the|and|with|for|search|skip|previous|next|back to|made|copy|clipboard|share|"
                     r"consultations?|calendar|page|feed|contents|open|closed|upcoming)\b", re.I)
# Never interface: code, the head, icons, the change register (commit messages, the committers' words),
# and the table of contents (the page's own headings, each also checked where it stands).
_NOT_INTERFACE = {"script", "style", "head", "svg", "cx-history", "md-nav--secondary"}
# On the editors' own pages (content/): their text and its title in the header.
_EDITORS = {"article", "md-header__topic"}


class _Texts(HTMLParser):
    """The texts a page shows (and names it gives controls), each with the language it is marked in."""

    def __init__(self, page_lang: str, skip_article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = [("#page", page_lang)]  # (tag or marker class, lang)
        self._tags: list[str] = ["#page"]
        self.skip_article = skip_article
        self.found: list[tuple[str, str, str]] = []  # (language, where, text)

    def _lang(self) -> str:
        return next(lang for _, lang in reversed(self.stack) if lang is not None)

    def _skipped(self) -> bool:
        return any(tag in _NOT_INTERFACE or (self.skip_article and tag in _EDITORS) for tag, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "alternate" and attributes.get("title"):
            self.found.append((self._lang(), "<link title>", str(attributes["title"])))
        if tag not in VOID:
            classes = set((attributes.get("class") or "").split())
            marker = next((c for c in classes if c in _NOT_INTERFACE or c in _EDITORS), tag)
            self.stack.append((marker, attributes.get("lang")))
            self._tags.append(tag)
        if not self._skipped():
            lang = attributes.get("lang") or self._lang()
            for name in SHOWN_ATTRIBUTES:
                if attributes.get(name):
                    self.found.append((lang, f"<{tag} {name}>", str(attributes[name])))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()
            self._tags.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag or self._tags[depth] == tag:
                del self.stack[depth:]
                del self._tags[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._skipped():
            self.found.append((self._lang(), "/".join(t for t, _ in self.stack[-3:]), data.strip()))


def _strings(data: object) -> list[str]:
    """Every string in a YAML document, keys included (nav titles are keys), and each paragraph."""
    if isinstance(data, dict):
        return [text for key, value in data.items() for text in _strings(key) + _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    if not isinstance(data, str) or not data.strip():
        return []
    return [_spaced(data)] + [_spaced(p) for p in re.split(r"\n\s*\n", data) if p.strip()]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _site_data() -> list[str]:
    """What the site's owners wrote (mkdocs.yml: names, navigation, the statement; every campaign.yml):
    their words, in Polish by design, never the generator's interface. Longest first."""
    found = _strings(yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader))
    for path in sorted((REPO / "campaigns").glob("*/campaign.yml")):
        found += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(set(found), key=len, reverse=True)


def _editor_pages() -> set[str]:
    """Pages written by hand in content/ (Polish text by design), as site paths."""
    pages = set()
    for path in (REPO / "content").rglob("*.md"):
        rel = path.relative_to(REPO / "content").with_suffix("").as_posix()
        pages.add("" if rel == "index" else rel.removesuffix("/index") + "/")
    return pages


def foreign_text(site: Path, page_lang: str, other: str, pattern: re.Pattern[str]) -> list[str]:
    """Texts of the built site outside any element marked `other` that look like `other`."""
    data = _site_data()
    editors = _editor_pages()
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix().removesuffix("index.html")
        parser = _Texts(page_lang, skip_article=rel in editors)
        parser.feed(path.read_text(encoding="utf-8"))
        for lang, where, text in parser.found:
            if lang.startswith(other):
                continue
            shown = re.sub(r"\bhttps?://\S+", "", _spaced(text))
            if not pattern.search(shown):
                continue
            for name in data:
                shown = shown.replace(name, "")
            if pattern.search(shown):
                found.append(f"/{rel} {where}: {text[:90]}")
    return found


def test_english_build_has_no_polish_interface_text(en_site: Served) -> None:
    found = foreign_text(en_site.root, "en", "pl", POLISH)
    assert found == [], f"{len(found)} Polish texts outside lang=\"pl\":\n" + "\n".join(found[:40])


def test_polish_build_has_no_english_text(pl_site: Served) -> None:
    found = foreign_text(pl_site.root, "pl", "en", ENGLISH)
    assert found == [], f"{len(found)} English texts outside lang=\"en\":\n" + "\n".join(found[:40])


def test_english_feeds_are_titled_in_english(en_site: Served) -> None:
    """Feed readers show the channel's title and description beside every item."""
    data = _site_data()
    found = []
    for path in sorted((en_site.root / "feeds").rglob("*.xml")):
        channel = ElementTree.parse(path).getroot().find("channel")
        assert channel is not None, path
        assert channel.findtext("language") == "en", path
        for field in ("title", "description"):
            text = _spaced(channel.findtext(field) or "")
            for name in data:
                text = text.replace(name, "")
            if POLISH.search(text):
                found.append(f"{path.relative_to(en_site.root)} {field}: {channel.findtext(field)}")
    assert found == []


def test_the_language_check_sees_a_polish_word_in_an_english_page(tmp_path: Path) -> None:
    page = tmp_path / "kalendarz" / "index.html"
    page.parent.mkdir()
    page.write_text('<html lang="en"><body><form role="search" aria-label="Szukaj w serwisie">'
                    '<p lang="pl">Program wspierania rodziny</p><button title="Search">Search</button>'
                    "</form></body></html>", encoding="utf-8")
    assert foreign_text(tmp_path, "en", "pl", POLISH) == ["/kalendarz/ <form aria-label>: Szukaj w serwisie"]


def test_the_language_check_sees_an_english_word_in_a_polish_page(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<html lang="pl"><body><a href="#t">Skip to content</a><p>Treść</p>'
                    '<footer>Strona zbudowana za pomocą <a lang="en">Material for MkDocs</a></footer></body></html>',
                    encoding="utf-8")
    assert foreign_text(tmp_path, "pl", "en", ENGLISH) == ["/ html/body/a: Skip to content"]


# Times of day written the American way ("2:00 PM"); British public bodies, like Polish ones, write 14:00.
TWELVE_HOUR = re.compile(r"\b\d{1,2}:\d{2}\s?[AaPp]\.?\s?[Mm]\b")
AFTERNOON = re.compile(r"\b(?:1[3-9]|2[0-3]):[0-5]\d\b")


def _without_data(text: str, data: list[str]) -> str:
    shown = re.sub(r"\bhttps?://\S+", "", _spaced(text))
    for name in data:
        shown = shown.replace(name, "")
    return shown


def _calendar_feeds(site: Path) -> list[Path]:
    """The subscribable .ics feeds (single-event downloads under wydarzenia/ carry no calendar name)."""
    return [p for p in sorted((site / "kalendarz").rglob("*.ics")) if "wydarzenia" not in p.parts]


def _repo_url() -> str:
    return str(yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader)["repo_url"])


def test_polish_footer_has_no_english_words(pl_site: Served) -> None:
    """The footer's credit too: "Made with Material for MkDocs" (even marked lang="en") is not Polish."""
    data = _site_data()
    found = []
    for path in sorted(pl_site.root.rglob("*.html")):
        doc = lxml_html.fromstring(path.read_bytes())
        for footer in doc.xpath("//footer"):
            text = _without_data(footer.text_content(), data)
            if ENGLISH.search(text):
                found.append(f"{path.relative_to(pl_site.root)}: {' '.join(text.split())[:160]}")
    assert found == []


def test_english_calendars_and_feeds_have_no_polish_words(en_site: Served) -> None:
    """What calendar apps and feed readers show, read with their kind of parser: names, descriptions, events."""
    data = _site_data()
    found = []
    feeds = _calendar_feeds(en_site.root)
    assert len(feeds) > 3
    for path in feeds:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        texts = [str(calendar.get(name, "")) for name in ("X-WR-CALNAME", "NAME", "X-WR-CALDESC", "DESCRIPTION")]
        assert texts[0] and texts[1], f"{path} has no calendar name"
        for event in calendar.walk("VEVENT"):
            texts += [str(event.get("SUMMARY", "")), *str(event.get("DESCRIPTION", "")).splitlines()]
            texts += [str(c) for c in event.get("CATEGORIES").cats]
        found += [f"{path.name}: {t}" for t in texts if POLISH.search(_without_data(t, data))]
    news = [p for p in sorted((en_site.root / "feeds").rglob("*")) if p.suffix in {".xml", ".atom"}]
    assert any(p.suffix == ".atom" for p in news)
    for path in news:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.feed.get("title"), path
        texts = [parsed.feed.get("title", ""), parsed.feed.get("subtitle", "")]
        texts += [entry.get("title", "") for entry in parsed.entries]
        found += [f"{path.name}: {t}" for t in texts if POLISH.search(_without_data(t, data))]
    assert found == [], "\n".join(found[:30])


def test_english_times_are_24_hour(en_site: Served) -> None:
    """Pages (the calendar page, consultation pages and their printed notice) and calendars say 14:00."""
    twelve = [str(p.relative_to(en_site.root)) for p in sorted(en_site.root.rglob("*"))
              if p.suffix in {".html", ".ics", ".xml"} and TWELVE_HOUR.search(p.read_text(encoding="utf-8"))]
    assert twelve == []
    calendar_page = (en_site.root / "kalendarz" / "index.html").read_text(encoding="utf-8")
    assert AFTERNOON.search(lxml_html.fromstring(calendar_page).text_content())
    pages = [p.read_text(encoding="utf-8") for p in sorted((en_site.root / "konsultacje").glob("*/index.html"))]
    assert any(AFTERNOON.search(lxml_html.fromstring(page).text_content()) for page in pages)
    descriptions = [str(e.get("DESCRIPTION")) for p in _calendar_feeds(en_site.root)
                    for e in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")]
    assert any(AFTERNOON.search(d) for d in descriptions)


@pytest.fixture(scope="module")
def upper_case_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built with `theme.language: EN`, as an editor may well write it."""
    src = copy_sources(tmp_path_factory.mktemp("upper") / "src")
    config = src / "mkdocs.yml"
    text, count = re.subn(r"(?m)^(\s+language:\s*)pl\s*$", r"\1EN", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")
    site = src.parent / "site"
    result = build_site(src, site)
    assert result.returncode == 0, result.stderr
    return site


def test_upper_case_language_is_english_everywhere(upper_case_site: Path) -> None:
    statement = lxml_html.fromstring((upper_case_site / "deklaracja-dostepnosci" / "index.html").read_bytes())
    assert statement.get("lang") == "en"
    assert statement.xpath("string(//h1)").strip() == "Accessibility statement"
    names = {str(icalendar.Calendar.from_ical(p.read_bytes()).get("X-WR-CALNAME"))
             for p in _calendar_feeds(upper_case_site)}
    assert any(name.endswith(": expert duty hours") for name in names), names
    assert not any(POLISH.search(_without_data(name, _site_data())) for name in names), names
    rss = ElementTree.parse(upper_case_site / "feeds" / "konsultacje.xml").getroot()
    assert rss.findtext("channel/language") == "en"


def test_repository_link_is_in_the_footer_only(pl_site: Served, en_site: Served) -> None:
    """The source repository serves editors: one link in the footer, in the page's language; none in the
    residents' header or navigation drawer."""
    repo = _repo_url()
    labels = {"pl": "Pliki źródłowe serwisu w repozytorium (dla redakcji)",
              "en": "Source files of this site in the repository (for editors)"}
    for site in (pl_site, en_site):
        for path in sorted(site.root.rglob("*.html")):
            doc = lxml_html.fromstring(path.read_bytes())
            outside = doc.xpath("//header//a | //nav[contains(@class, 'md-nav--primary')]//a")
            assert [a.get("href") for a in outside if (a.get("href") or "").startswith(repo)] == [], path
            links = doc.xpath(f"//a[@href = '{repo}']")
            assert [(a.xpath("boolean(ancestor::footer)"), a.text_content().strip()) for a in links] == [
                (True, labels[site.language])
            ], path
