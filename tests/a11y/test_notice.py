"""What a resident sees first on a phone, and the notice a clerk prints for the notice board.

On a 375 × 812 CSS px screen (a common phone) the first screen of a consultation shows its title,
status, deadline with the days left and the first way to respond with its address, even under a
long summary; the documents start within the second screen. Printed, the page is one A4 sheet
whose QR code (read back from the PDF, rendered to a picture, by zbarimg) gives the page's
address. Screenshots at 320, 375 and 1280 px and the printed sheet go to tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from tests import example
from tests.a11y.conftest import ARTIFACTS, Served, copy_sources, describe, new_context, run_axe
from tests.conftest import REPO, TODAY_EPOCH, build_site, write_campaign
from tests.tools import require

PHONE = {"width": 375, "height": 812}
OPEN = example.page(example.OPEN)
LONG = "konsultacje/konsultacje-z-dluga-zajawka/"
SITE_URL = re.search(r"(?m)^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]

LONG_SUMMARY = (
    "Zapraszamy mieszkańców, organizacje pozarządowe i podmioty działające w sferze pożytku "
    "publicznego do zgłaszania uwag do projektu programu, który określa, jak w najbliższych "
    "latach będziemy wspierać osoby starsze, samotne i z niepełnosprawnościami w ich własnych "
    "domach: usługi opiekuńcze, teleopiekę, dzienne domy pomocy, kluby seniora, wsparcie "
    "opiekunów rodzinnych i wolontariat sąsiedzki, a także jak będziemy mierzyć, czy pomoc "
    "rzeczywiście dociera do tych, którzy jej potrzebują."
)

LONG_YML = f"""\
title: Program pomocy osobom starszym i z niepełnosprawnościami w miejscu zamieszkania na lata 2026–2030
summary: >-
  {LONG_SUMMARY}
organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie
published: 2025-08-25
opens: 2025-08-25
closes: 2025-09-30
respond:
  - channel: email
    value: konsultacje.seniorzy@mops.krakow.pl
  - channel: phone
    value: 12 616 54 00
    note: W dni robocze od 8:00 do 15:00.
  - channel: online_form
    value: https://formularze.mops.example.pl/seniorzy-2026
duty_hours:
  - date: 2025-09-03
    time: 9:00-11:00
    mode: [in_person, phone]
    place: ul. Józefińska 14, pok. 112
    phone: 12 616 54 01
  - date: 2025-09-10
    time: 12:00-14:00
    mode: phone
    phone: 12 616 54 01
  - date: 2025-09-17
    time: 15:00-17:00
    mode: [in_person, phone]
    place: ul. Józefińska 14, pok. 112
    phone: 12 616 54 01
  - date: 2025-09-24
    time: 9:00-11:00
    mode: in_person
    place: ul. Józefińska 14, pok. 112
meetings:
  - title: Otwarte spotkanie konsultacyjne
    date: 2025-09-15
    time: 17:00-19:00
    place: MOPS, ul. Józefińska 14, sala konferencyjna na III piętrze
materials:
  - title: Projekt programu pomocy osobom starszym na lata 2026–2030
    file: files/projekt-programu.pdf
  - title: Formularz konsultacyjny
    file: files/formularz.docx
  - title: Formularz konsultacyjny (format otwarty)
    file: files/formularz.odt
  - title: Diagnoza potrzeb osób starszych w Krakowie
    file: files/diagnoza.pdf
  - title: Sprawozdanie z realizacji poprzedniego programu
    file: files/sprawozdanie.pdf
"""

LONG_BODY = "\n\n".join(
    f"## Część {n}\n\n" + "Projekt programu opisuje cele, działania, realizatorów i wskaźniki. " * 12
    for n in range(1, 6)
)

# Where each thing a resident looks for is, in CSS px from the top of the page, and its text.
_POSITIONS = """() => {
    const at = s => { const e = document.querySelector(s);
        if (!e || !e.checkVisibility()) return null;
        const r = e.getBoundingClientRect();
        return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, text: e.textContent.trim()}; };
    return {title: at(".md-content h1"), status: at(".cx-facts .cx-status"),
            deadline: at(".cx-facts time[datetime]"), days: at(".cx-facts .cx-days-left"),
            way: at(".cx-facts__row--respond li"), wayValue: at(".cx-facts__row--respond li:first-child a"),
            document: at(".cx-facts__row--documents li a"), height: document.documentElement.scrollHeight};
}"""


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[str, Path, str], Served]) -> Served:
    """The example site with one more open consultation: a long summary and announcement, three
    ways to respond, four duty hours, one meeting and five materials."""
    src = copy_sources(tmp_path_factory.mktemp("notice") / "src")
    files: dict[str, bytes | str] = {
        f"files/{name}": b"%PDF-1.4\n" + b"0" * 2000
        for name in ("projekt-programu.pdf", "diagnoza.pdf", "sprawozdanie.pdf")
    }
    files.update({"files/formularz.docx": b"PK\x03\x04" + b"0" * 900, "files/formularz.odt": b"PK\x03\x04" + b"0" * 800})
    write_campaign(src, LONG_YML, slug="konsultacje-z-dluga-zajawka", index=LONG_BODY, files=files)
    site = src.parent / "site"
    result = build_site(src, site)
    assert result.returncode == 0, result.stderr
    return serve("notice", site, "pl")


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    """A 375 × 812 phone screen on the tests' day (the status script sees the build's day)."""
    context = new_context(browser, viewport=PHONE)
    context.clock.set_fixed_time(int(TODAY_EPOCH))
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("which", ["long", "example"])
def test_first_screen_shows_the_deadline_and_how_to_respond(
    phone: Any, long_site: Served, pl_site: Served, which: str
) -> None:
    site, path = (long_site, LONG) if which == "long" else (pl_site, OPEN)
    phone.goto(site.url(path))
    found = phone.evaluate(_POSITIONS)
    screen = PHONE["height"]
    for name in ("title", "status", "deadline", "days", "way", "wayValue"):
        assert found[name] is not None, f"{name} is not shown: {found}"
        assert found[name]["bottom"] <= screen, f"{name} ends at {found[name]['bottom']:.0f} px, below the first screen"
    assert found["status"]["text"] == "otwarte"
    assert re.fullmatch(r"[Zz]ostał[oy]? \d+ dni|[Zz]ostał \d+ dzień", found["days"]["text"]), found["days"]
    first_way = {"long": "konsultacje.seniorzy@mops.krakow.pl", "example": "dm@mops.krakow.pl"}[which]
    assert found["wayValue"]["text"] == first_way
    assert found["document"] is not None and found["document"]["top"] < 2 * screen, found["document"]
    # One label, one value: no "Pozostało: Zostało 12 dni".
    text = phone.evaluate("document.querySelector('.cx-facts').innerText")
    assert not re.search(r"pozostało\W+zostało", text, re.IGNORECASE), text


def test_key_facts_name_the_first_documents_and_link_to_the_rest(phone: Any, long_site: Served) -> None:
    phone.goto(long_site.url(LONG))
    links = phone.evaluate("""() => [...document.querySelectorAll('.cx-facts__row--documents a')]
        .map(a => [a.textContent.trim(), a.getAttribute('href')])""")
    # each link says what the file is: its title, format and size
    assert [re.sub(r" \((PDF|DOCX|ODT), [\d,]+ k?B\)$", "", text) for text, _ in links] == [
        "Projekt programu pomocy osobom starszym na lata 2026–2030",
        "Formularz konsultacyjny",
        "Formularz konsultacyjny (format otwarty)",
        "Wszystkie materiały do pobrania (5)",
    ]
    assert all(re.search(r"\((PDF|DOCX|ODT), [\d,]+ k?B\)$", text) for text, _ in links[:-1]), links
    assert links[-1][1] == "#materialy"
    ways = phone.evaluate("[...document.querySelectorAll('.cx-facts__row--respond li')].map(li => li.innerText)")
    assert ways == [
        "E-mailem: konsultacje.seniorzy@mops.krakow.pl",
        "Telefonicznie: 12 616 54 00",
        "Przez formularz online: Otwórz formularz online",
    ], ways


def _print(browser: Any, site: Served, path: str, name: str) -> tuple[Path, dict[str, bool]]:
    """Print a page to an A4 PDF the way Chromium's print dialog does; also say what showed on paper."""
    context = new_context(browser, viewport={"width": 800, "height": 1000})
    context.clock.set_fixed_time(int(TODAY_EPOCH))
    try:
        page = context.new_page()
        page.goto(site.url(path))
        page.emulate_media(media="print")
        shown = page.evaluate("""() => {
            const seen = s => [...document.querySelectorAll(s)].some(e => e.checkVisibility());
            return {title: seen(".md-content h1"), respond: seen(".cx-respond"), duty: seen("#cx-dyzury"),
                    meetings: seen(".cx-meetings"), materials: seen(".cx-attachment__address"),
                    qr: seen(".cx-print-address__qr"), announcement: seen("#ogloszenie"),
                    record: seen("#metryczka, .cx-record, .cx-changes"), subscribe: seen(".cx-subscribe, #kalendarz"),
                    nav: seen(".md-header, .md-sidebar--primary, .md-footer"), timeline: seen(".cx-timeline")};
        }""")
        violations = run_axe(page)
        assert not violations, describe(violations)
        pdf = ARTIFACTS / f"{name}-notice.pdf"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
    finally:
        context.close()
    return pdf, shown


@pytest.mark.parametrize("which", ["long", "example"])
def test_the_printed_notice_is_one_a4_page_whose_qr_code_gives_its_address(
    browser: Any, long_site: Served, pl_site: Served, which: str
) -> None:
    for tool in ("pdfinfo", "pdftoppm", "pdftotext"):
        require(shutil.which(tool) is not None, f"{tool} (Debian poppler-utils)")
    require(shutil.which("zbarimg") is not None, "zbarimg (Debian zbar-tools)")
    site, path = (long_site, LONG) if which == "long" else (pl_site, OPEN)
    pdf, shown = _print(browser, site, path, which)
    assert shown == {
        "title": True, "respond": True, "duty": True, "meetings": True, "materials": True, "qr": True,
        "announcement": False, "record": False, "subscribe": False, "nav": False, "timeline": False,
    }, shown
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"(?m)^Pages:\s+1$", info), info
    assert re.search(r"(?m)^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)", info), info
    png = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(png)], check=True)
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png) + ".png"], capture_output=True, text=True, check=False
    )
    assert decoded.stdout.split() == [SITE_URL + path], decoded
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    joined = "".join(text.split())
    assert (SITE_URL + path) in joined
    assert "MiejskiOśrodekPomocySpołecznejwKrakowie" in joined
    # every material of the consultation (its list under #materialy; a meeting's records are left out)
    page = lxml_html.fromstring((site.root / path / "index.html").read_bytes())
    listed = page.xpath("//h2[@id='materialy']/following-sibling::ul[contains(@class, 'cx-attachments')][1]"
                        "//a[starts-with(@href, 'files/')]/@href")
    assert listed
    for address in listed:
        assert (SITE_URL + path + address) in joined, address


def test_screenshots_of_the_first_screen_for_review(browser: Any, long_site: Served, pl_site: Served) -> None:
    """Pictures a person looks at: the first screens at 320, 375 and 1280 px."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    for width, height in ((320, 640), (375, 812), (1280, 900)):
        context = new_context(browser, viewport={"width": width, "height": height})
        context.clock.set_fixed_time(int(TODAY_EPOCH))
        try:
            page = context.new_page()
            for name, site, path in (("long", long_site, LONG), ("example", pl_site, OPEN)):
                page.goto(site.url(path))
                target = ARTIFACTS / f"notice-{name}-{width}px.png"
                page.screenshot(path=str(target))
                written.append(target)
        finally:
            context.close()
    assert all(file.stat().st_size > 5000 for file in written), [f.name for f in written]
