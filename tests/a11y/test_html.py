"""Checks on the built HTML itself: validity (Nu Html Checker), resources only from the site's
own host, and the structure screen-reader users rely on (landmarks, headings, tables, links).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tests.a11y.conftest import SITE_HOST, VNU, Served, require, site_pages

# Links whose text says nothing without the sentence around it (WCAG 2.4.4 / 2.4.9).
VAGUE_LINK_TEXTS = {
    "tutaj", "tu", "kliknij", "kliknij tutaj", "więcej", "czytaj więcej", "zobacz", "link",
    "pobierz", "plik", "here", "click here", "more", "read more", "download", "this", "this link",
}
RESOURCE_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
                 "preconnect", "dns-prefetch", "modulepreload", "manifest", "mask-icon"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


@pytest.fixture(scope="session")
def all_sites(pl_site: Served, en_site: Served, closed_site: Served, properdocs_site: Served) -> list[Served]:
    """The builds whose pages the HTML checks cover: the example in Polish, in English, a month
    later, and built by ProperDocs instead of MkDocs."""
    return [pl_site, en_site, closed_site, properdocs_site]


def _pages(sites: list[Served]) -> Iterator[tuple[Served, str, Path]]:
    for site in sites:
        for path in site_pages(site.root):
            file = site.root / (path + "index.html" if not path.endswith(".html") else path)
            yield site, path, file


def _parse(file: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(file.read_bytes())


@pytest.fixture(scope="session")
def vnu_messages(all_sites: list[Served]) -> dict[str, list[str]]:
    """Nu Html Checker errors per file, from one run over every page (the JVM starts once)."""
    require(shutil.which("java") is not None, "Java (for the Nu Html Checker)")
    require(VNU.is_file(), f"vnu.jar ({VNU})")
    files = [str(file) for _, _, file in _pages(all_sites)]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=600,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr or result.stdout)
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        where = urlsplit(message.get("url", "")).path
        found.setdefault(where, []).append(
            f"line {message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()[:80]}]"
        )
    return found


def test_every_page_is_valid_html(vnu_messages: dict[str, list[str]], all_sites: list[Served]) -> None:
    assert sum(1 for _ in _pages(all_sites)) >= 12
    assert not vnu_messages, "Nu Html Checker errors:\n" + "\n".join(
        f"{path}:\n  " + "\n  ".join(errors) for path, errors in sorted(vnu_messages.items())
    )


def _foreign(url: str) -> bool:
    """True for an address on another host (relative and own-host addresses are fine)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme in ("", "data", "blob"):
        return False
    return parts.hostname != SITE_HOST


def resource_urls(doc: lxml_html.HtmlElement) -> list[str]:
    """Every address the page loads by itself (not links a reader may follow)."""
    urls: list[str] = []
    for element in doc.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "img", "iframe", "audio", "video", "source", "track", "embed", "input"):
            urls += [element.get("src") or ""]
        if tag in ("img", "source"):
            urls += [part.split()[0] for part in (element.get("srcset") or "").split(",") if part.strip()]
        if tag == "object":
            urls.append(element.get("data") or "")
        if tag == "link" and RESOURCE_RELS & set((element.get("rel") or "").lower().split()):
            urls.append(element.get("href") or "")
        if tag in ("svg", "image", "use"):
            urls += [element.get("href") or "", element.get("{http://www.w3.org/1999/xlink}href") or ""]
        if element.get("style"):
            urls += css_urls(element.get("style") or "")
        if tag == "style":
            urls += css_urls(element.text_content())
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            urls.append((element.get("content") or "").partition("url=")[2])
    return [u for u in urls if u]


def css_urls(css: str) -> list[str]:
    """Addresses in url(...) and @import of a stylesheet."""
    return [a or b for a, b in _CSS_URL.findall(css)]


def test_no_page_loads_anything_from_another_host(all_sites: list[Served]) -> None:
    found = {}
    for site, path, file in _pages(all_sites):
        foreign = sorted({u for u in resource_urls(_parse(file)) if _foreign(u)})
        if foreign:
            found[f"{site.name}:/{path}"] = foreign
    assert not found, f"resources from other hosts: {found}"


def test_no_stylesheet_loads_anything_from_another_host(pl_site: Served) -> None:
    sheets = sorted(pl_site.root.rglob("*.css"))
    assert sheets
    found = {}
    for sheet in sheets:
        foreign = [u for u in css_urls(sheet.read_text(encoding="utf-8", errors="replace")) if _foreign(u)]
        if foreign:
            found[sheet.relative_to(pl_site.root).as_posix()] = foreign
    assert not found, found


def test_the_static_check_sees_third_party_resources() -> None:
    doc = lxml_html.fromstring(
        '<html><head><link rel="preconnect" href="https://fonts.gstatic.com">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<style>@import "https://cdn.example.com/x.css"; body{background:url(//cdn.example.com/b.png)}</style>'
        '<script src="https://www.googletagmanager.com/gtag/js"></script></head>'
        '<body><a href="https://calendar.google.com/calendar/render">Dodaj do Kalendarza Google</a>'
        '<img src="/local.png" alt=""></body></html>'
    )
    foreign = sorted(u for u in resource_urls(doc) if _foreign(u))
    assert foreign == [
        "//cdn.example.com/b.png", "https://cdn.example.com/x.css", "https://fonts.googleapis.com/css?family=Roboto",
        "https://fonts.gstatic.com", "https://www.googletagmanager.com/gtag/js",
    ]


def test_no_script_of_the_site_calls_trackers_or_cdns(pl_site: Served) -> None:
    """Scripts of our own (outside Material's bundle) and inline scripts name no other host."""
    found = {}
    for script in pl_site.root.rglob("*.js"):
        rel = script.relative_to(pl_site.root).as_posix()
        if rel.startswith("assets/javascripts/"):
            continue  # Material's bundle: its loaders are checked by what pages do (test_axe)
        hosts = {urlsplit(u).hostname for u in re.findall(r"https?://[^\s'\"`)]+", script.read_text(errors="replace"))}
        if hosts - {SITE_HOST, "www.w3.org"}:
            found[rel] = sorted(h or "" for h in hosts)
    for _site, path, file in _pages([pl_site]):
        for script in _parse(file).iter("script"):
            if script.get("type") in ("application/ld+json", "application/json"):
                continue  # data, not code: schema.org names and own addresses are not requests
            hosts = {urlsplit(u).hostname for u in re.findall(r"https?://[^\s'\"`)]+", script.text or "")}
            if hosts - {SITE_HOST, "www.w3.org"}:
                found[f"/{path} inline script"] = sorted(h or "" for h in hosts)
    assert not found, found


def test_material_features_that_call_other_hosts_are_off(all_sites: list[Served]) -> None:
    """Repository facts (GitHub API), Mermaid (unpkg) and web fonts (Google) stay off."""
    for site, path, file in _pages(all_sites):
        text = file.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text, f"{site.name}:/{path}"
        assert 'class="mermaid"' not in text, f"{site.name}:/{path}"
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, f"{site.name}:/{path}"


def headings(doc: lxml_html.HtmlElement) -> list[tuple[int, str]]:
    """(level, text) of every heading of the page, in document order."""
    return [
        (int(str(h.tag)[1]), " ".join(h.text_content().split()))
        for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]


def outline_problems(levels: list[tuple[int, str]]) -> list[str]:
    """Everything wrong with a heading outline: not one h1 first, or a level skipped."""
    problems = []
    ones = [text for level, text in levels if level == 1]
    if len(ones) != 1:
        problems.append(f"{len(ones)} h1 headings: {ones}")
    if levels and levels[0][0] != 1:
        problems.append(f"the first heading is h{levels[0][0]} ({levels[0][1]!r}), not h1")
    for (before, _), (level, text) in zip(levels, levels[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{before} is followed by h{level} ({text!r})")
    return problems


def test_outline_rules() -> None:
    assert outline_problems([(1, "a"), (2, "b"), (3, "c"), (2, "d")]) == []
    assert outline_problems([(1, "a"), (3, "c")]) == ["h1 is followed by h3 ('c')"]
    assert outline_problems([(2, "b"), (1, "a"), (1, "x")])[0].startswith("2 h1 headings")


def test_every_page_has_one_h1_and_no_skipped_levels(all_sites: list[Served]) -> None:
    found = {}
    for site, path, file in _pages(all_sites):
        problems = outline_problems(headings(_parse(file)))
        if problems:
            found[f"{site.name}:/{path}"] = problems
    assert not found, found


def test_tables_have_captions_and_header_scopes(all_sites: list[Served]) -> None:
    found = {}
    for site, path, file in _pages(all_sites):
        for number, table in enumerate(_parse(file).iter("table"), start=1):
            caption = table.find("caption")
            if caption is None or not caption.text_content().strip():
                found.setdefault(f"{site.name}:/{path}", []).append(f"table {number} has no caption")
            for th in table.iter("th"):
                if th.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                    found.setdefault(f"{site.name}:/{path}", []).append(
                        f"table {number}: <th>{th.text_content().strip()[:30]}</th> has no scope"
                    )
    assert not found, found


def accessible_name(link: lxml_html.HtmlElement) -> str:
    """A simple accessible name of a link: aria-label, else its text and images' alt texts."""
    if link.get("aria-label"):
        return " ".join((link.get("aria-label") or "").split())
    parts = [link.text or ""]
    for child in link.iterdescendants():
        if child.tag == "img":
            parts.append(child.get("alt") or "")
        if child.get("aria-hidden") == "true":
            continue
        parts += [child.text or "", child.tail or ""]
    name = " ".join(" ".join(parts).split())
    return name or " ".join((link.get("title") or "").split())


def test_link_texts_make_sense_on_their_own(all_sites: list[Served]) -> None:
    found = {}
    for site, path, file in _pages(all_sites):
        for link in _parse(file).iter("a"):
            if link.get("href") is None:
                continue
            name = accessible_name(link)
            if not name or name.lower().strip(" .:…»›→") in VAGUE_LINK_TEXTS:
                found.setdefault(f"{site.name}:/{path}", []).append(f"{link.get('href')}: {name!r}")
    assert not found, found


def test_every_page_starts_with_a_skip_link_to_the_content(all_sites: list[Served]) -> None:
    for site, path, file in _pages(all_sites):
        doc = _parse(file)
        # Material's own skip link (only on some pages) is hidden by a11y.css; its toggles are
        # hidden checkboxes. The first link a keyboard reaches must be ours.
        first = next(
            e for e in doc.iter("a")
            if e.get("href") is not None and not e.xpath("ancestor::*[@data-md-component='skip']")
        )
        assert "cx-skip" in (first.get("class") or ""), f"{site.name}:/{path}: first link {first.get('href')}"
        target = (first.get("href") or "").lstrip("#")
        assert doc.get_element_by_id(target) is not None, f"{site.name}:/{path}: no #{target}"
        language = "Skip to content" if site.language == "en" else "Przejdź do treści"
        assert first.text_content().strip() == language


def test_every_page_declares_its_language(all_sites: list[Served]) -> None:
    for site, path, file in _pages(all_sites):
        assert _parse(file).get("lang") == site.language, f"{site.name}:/{path}"


def test_every_page_of_every_build_links_the_statement(all_sites: list[Served]) -> None:
    for site, path, file in _pages(all_sites):
        doc = _parse(file)
        title = "Accessibility statement" if site.language == "en" else "Deklaracja dostępności"
        links = doc.xpath(f"//footer//a[normalize-space() = '{title}']")
        assert len(links) == 1, f"{site.name}:/{path}"
        meta = doc.xpath("//head/meta[@name='deklaracja-dostępności']/@content")
        assert meta == [f"https://{SITE_HOST}/deklaracja-dostepnosci/"], f"{site.name}:/{path}"
