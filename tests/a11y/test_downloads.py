"""Downloads: every material link says its format and size in its accessible name, and a file
marked `accessible: false` comes with a way to ask for an accessible version (WCAG 2.4.4, and
the Polish statement template's usual gap, "no information about format and size").
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from generator.source.check import check_campaigns
from tests.a11y.conftest import Served
from tests.a11y.test_html import accessible_name
from tests.conftest import REPO, TODAY, TZ

FORMAT = re.compile(r"\b(PDF|DOCX?|ODT|ODS|XLSX?|RTF|TXT|ZIP|CSV|PPTX?|ODP|JPG|PNG)\b")
SIZE = re.compile(r"\d+(?:[,.]\d+)?\s?(?:B|kB|KB|MB|GB)\b")


def _materials() -> list[tuple[str, str, str, bool, str]]:
    """(slug, file path in the folder, title, accessible, contact e-mail) of every file material."""
    campaigns, _ = check_campaigns(REPO / "campaigns", REPO, TZ)
    found = []
    for campaign in campaigns:
        if not campaign.is_published(TODAY):
            continue
        contact = campaign.data.contact.email if campaign.data.contact and campaign.data.contact.email else ""
        for entry in campaign.data.materials:
            if entry.file:
                found.append((campaign.slug, entry.file, entry.title, entry.accessible, contact))
    return found


MATERIALS = _materials()


def test_the_example_has_files_and_one_not_accessible() -> None:
    assert len(MATERIALS) >= 4
    assert any(not accessible for *_, accessible, _ in MATERIALS)


@pytest.mark.parametrize("site_name", ["pl", "en"])
def test_every_download_link_names_format_and_size(request: pytest.FixtureRequest, site_name: str) -> None:
    site: Served = request.getfixturevalue(f"{site_name}_site")
    problems = []
    for slug, file, title, _, _ in MATERIALS:
        page = site.root / "konsultacje" / slug / "index.html"
        doc = lxml_html.fromstring(page.read_bytes())
        links = [a for a in doc.iter("a") if unquote(urlsplit(a.get("href") or "").path).endswith(file)]
        if not links:
            problems.append(f"{slug}: no link to {file}")
        for link in links:
            name = accessible_name(link)
            if title not in name or not FORMAT.search(name) or not SIZE.search(name):
                problems.append(f"{slug}: {file}: {name!r}")
            target = (page.parent / unquote(urlsplit(link.get("href") or "").path)).resolve()
            if not target.is_file():
                problems.append(f"{slug}: {file} is not published ({target})")
    assert not problems, problems


@pytest.mark.parametrize(("site_name", "ask"), [("pl", "Poproś o dostępną wersję"), ("en", "Ask for an accessible version")])
def test_a_file_that_is_not_accessible_offers_an_accessible_version(
    request: pytest.FixtureRequest, site_name: str, ask: str
) -> None:
    site: Served = request.getfixturevalue(f"{site_name}_site")
    for slug, file, title, accessible, contact in MATERIALS:
        doc = lxml_html.fromstring((site.root / "konsultacje" / slug / "index.html").read_bytes())
        # In the list of materials (the key facts name the first documents too, without the request).
        link = next(a for a in doc.xpath("//ul[contains(@class, 'cx-attachments')]//a")
                    if unquote(urlsplit(a.get("href") or "").path).endswith(file))
        item = link.getparent()
        while item is not None and item.tag != "li":
            item = item.getparent()
        assert item is not None, f"{slug}: {file} is not in a list item"
        requests = [a for a in item.iter("a") if (a.get("href") or "").startswith("mailto:")]
        if accessible:
            assert not requests, f"{slug}: {file} is accessible but offers a request"
            continue
        assert len(requests) == 1, f"{slug}: {file}: {len(requests)} request links"
        href = unquote(requests[0].get("href") or "")
        assert href.startswith(f"mailto:{contact}") and title in href, href
        assert ask in accessible_name(requests[0]) and title in accessible_name(requests[0])

