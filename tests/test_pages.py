"""The page stage on its own: Markdown with front matter for a fixed "today", no MkDocs involved."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from lxml import html as lxml_html

from generator.options import Organisation, Settings
from generator.outputs import Output
from generator.pages import render_pages
from generator.pages.lists import HOME_CLOSED, PAGE_SIZE
from generator.pages.render import md_escape, relative_url, shift_headings
from generator.source.check import check_campaigns

from .conftest import REPO, TODAY, TZ, VALID_YML, write_campaign
from .example import CONCLUDED, OPEN, UNPUBLISHED, UPCOMING


def make_settings(root: Path, today: dt.date = TODAY, language: str = "pl", hour: int = 10) -> Settings:
    """Settings for a site in `root` as of `today`, at `hour` o'clock in Warsaw."""
    return Settings(
        site_url="https://konsultacje.example.pl/",
        site_name="Konsultacje testowe",
        root=root,
        campaigns_dir=root / "campaigns",
        docs_dir=root / "content",
        language=language,
        timezone=TZ,
        today=today,
        build_time=dt.datetime.combine(today, dt.time(hour), tzinfo=TZ).astimezone(dt.timezone.utc),
        repo_url="https://github.com/mops-krakow/konsultacje",
        edit_uri="edit/main/",
        organisation=Organisation(name="MOPS Kraków", email="mops@example.pl"),
    )


def pages_of(root: Path, today: dt.date = TODAY, language: str = "pl", hour: int = 10) -> dict[str, Output]:
    """Render the pages of the campaigns under root, keyed by path."""
    campaigns, problems = check_campaigns(root / "campaigns", root, TZ)
    assert not [p for p in problems if p.severity.value == "error"], problems
    settings = make_settings(root, today, language, hour)
    public = [c for c in campaigns if c.is_published(today)]
    return {o.path: o for o in render_pages(public, settings)}


def split(output: Output) -> tuple[dict[str, Any], str]:
    """Front matter and Markdown body of a page."""
    assert isinstance(output.content, str)
    _, head, body = output.content.split("---\n", 2)
    return yaml.safe_load(head), body


def to_html(output: Output) -> Any:
    """The page body rendered the way MkDocs does (same extensions), as an lxml tree."""
    _, body = split(output)
    rendered = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
    return lxml_html.fromstring(f"<div>{rendered}</div>")


@pytest.fixture(scope="module")
def example() -> dict[str, Output]:
    return pages_of(REPO)


def text_of(tree: Any) -> str:
    return " ".join(tree.text_content().split())


# ---------------------------------------------------------------- consultation pages


def test_a_page_per_published_consultation_and_none_for_the_unpublished(example: dict[str, Output]) -> None:
    campaign_pages = {p for p in example if re.fullmatch(r"konsultacje/[^/]+/index\.md", p)}
    assert campaign_pages == {f"konsultacje/{s}/index.md" for s in (OPEN, UPCOMING, *CONCLUDED)}
    assert not any(UNPUBLISHED in (o.content or "") for o in example.values() if isinstance(o.content, str))


def test_open_page_leads_with_status_days_left_and_an_unambiguous_deadline(
    example: dict[str, Output],
) -> None:
    page = example[f"konsultacje/{OPEN}/index.md"]
    meta, body = split(page)
    assert meta["title"] == "Program Wspierania Rodziny w Krakowie na lata 2025–2027"
    assert meta["edit_path"] == f"campaigns/{OPEN}/campaign.yml"
    tree = to_html(page)
    facts = tree.xpath("//dl[@class='cx-facts']")[0]
    rows = [(" ".join(r.xpath("string(dt)").split()), " ".join(r.xpath("string(dd)").split())) for r in facts]
    assert rows[0] == ("Status", "otwarte Trwa zbieranie uwag.")
    # The days left under the deadline, not a row of their own ("Pozostało: Zostało 26 dni").
    assert rows[1] == ("Termin zgłaszania uwag", "do 26 września 2025 r. (piątek), do końca dnia Zostało 26 dni")
    assert rows[2] == (
        "Jak wziąć udział",
        "E-mailem: dm@mops.krakow.pl "
        "Pocztą: Miejski Ośrodek Pomocy Społecznej, ul. Józefińska 14, 30-529 Kraków "
        "Osobiście: ul. Józefińska 14, parter, dziennik podawczy "
        "Wszystkie sposoby zgłaszania uwag i szczegóły",
    )
    assert rows[3][0] == "Dokumenty"
    assert rows[3][1].startswith("Projekt Programu Wspierania Rodziny w Krakowie na lata 2025–2027 (PDF, ")
    assert rows[4] == ("Przyjmowanie uwag", "Od 28 sierpnia do 26 września 2025 r.")
    assert tree.xpath("//dl[@class='cx-facts']//time/@datetime")[0] == "2025-09-26"
    tag = tree.xpath("//strong[contains(@class, 'cx-status')]")[0]
    assert (tag.text, tag.get("data-cx-closes"), tag.get("data-cx-opens")) == (
        "otwarte",
        "2025-09-26",
        "2025-08-28",
    )


def test_sections_come_in_order_of_importance(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    ids = [h.get("id") for h in tree.xpath("//h2")]
    assert ids == [
        "w-skrocie",
        "kto-moze-zglaszac-uwagi",
        "ogloszenie",
        "jak-zglosic-uwagi",
        "dyzury",
        "spotkania",
        "materialy",
        "harmonogram",
        "kalendarz",
        "dostepnosc",
        "kontakt",
        "metryczka",
    ]
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_the_easy_read_summary_is_a_marked_box_after_the_summary(example: dict[str, Output], tmp_path: Path) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    box = tree.xpath("//div[@class='cx-easy-read']")[0]
    assert box.xpath("string(h2)") == "W skrócie: tekst łatwy do czytania"
    assert box.xpath("h2/@id") == ["w-skrocie"]
    assert [" ".join(p.text_content().split()) for p in box.xpath("p")][:2] == [
        "Piszemy plan pomocy dla rodzin w Krakowie.", "Ten plan nazywa się Program Wspierania Rodziny."]
    lead = tree.xpath("//p[@class='cx-lead']")[0]
    assert lead.getnext() is box  # right under the summary, before who may respond
    # Without the field there is no box; in the English build its heading is English and the text Polish.
    assert not to_html(example[f"konsultacje/{UPCOMING}/index.md"]).xpath("//div[@class='cx-easy-read']")
    english = to_html(pages_of(REPO, language="en")[f"konsultacje/{OPEN}/index.md"])
    box = english.xpath("//div[@class='cx-easy-read']")[0]
    assert box.xpath("string(h2)") == "In brief: easy read"
    assert box.xpath(".//div/@lang") == ["pl"]


def test_ways_to_respond_link_mail_with_subject_and_show_the_annotation(tmp_path: Path) -> None:
    yml = VALID_YML.replace(
        "respond:\n  - channel: email\n    value: dm@mops.krakow.pl\n",
        "respond:\n  - channel: email\n    value: dm@mops.krakow.pl\n    annotation: KONSULTACJE PWR\n"
        "  - channel: phone\n    value: 12 616 53 21\n"
        "  - channel: post\n    value: ul. Józefińska 14, 30-529 Kraków\n    annotation: KONSULTACJE PWR\n"
        "  - channel: online_form\n    value: https://formularz.example.pl/pwr\n",
    )
    write_campaign(tmp_path, yml, slug="pwr")
    tree = to_html(pages_of(tmp_path)["konsultacje/pwr/index.md"])
    hrefs = tree.xpath("//ul[@class='cx-respond__list']//a/@href")
    assert hrefs == [
        "mailto:dm@mops.krakow.pl?subject=KONSULTACJE%20PWR",
        "tel:126165321",
        "https://formularz.example.pl/pwr",
    ]
    items = [" ".join(li.text_content().split()) for li in tree.xpath("//li[@class='cx-respond__item']")]
    assert items[2] == "Pocztą: ul. Józefińska 14, 30-529 Kraków Na kopercie dopisz: „KONSULTACJE PWR”"
    assert "do 26 września 2025 r. (piątek), do końca dnia" in text_of(
        tree.xpath("//div[@class='cx-respond']")[0]
    )


def test_duty_table_has_caption_scoped_headers_tel_links_and_marks_the_next_one(
    example: dict[str, Output],
) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    table = tree.xpath("//table[contains(@class, 'cx-duty')]")[0]
    assert text_of(table.xpath("caption")[0]).startswith("Dyżury ekspertów")
    assert table.xpath("thead//th/@scope") == ["col", "col", "col"]
    rows = table.xpath("tbody/tr")
    assert [r.xpath("th/@scope")[0] for r in rows] == ["row"] * 3
    assert [r.xpath("string(th/time)") for r in rows] == [
        "piątek, 29 sierpnia 2025 r.",
        "wtorek, 2 września 2025 r.",
        "poniedziałek, 8 września 2025 r.",
    ]
    marks = [r.xpath("string(.//strong[@data-cx-marker])") for r in rows]
    assert marks == ["", "najbliższy", ""]
    assert rows[1].xpath(".//a[starts-with(@href, 'tel:')]/@href") == ["tel:126165321"]
    assert rows[0].get("data-cx-start") == "2025-08-29T08:00+02:00"
    # past duty hours offer no "add to calendar"; coming ones offer the .ics and both Outlooks
    assert not rows[0].xpath(".//details")
    links = rows[1].xpath(".//details//a/@href")
    assert (
        f"https://konsultacje.example.pl/kalendarz/wydarzenia/{OPEN}/dyzur-2.ics"
        in links
    )
    assert any(h.startswith("https://outlook.live.com/") for h in links)
    assert any(h.startswith("https://outlook.office.com/") for h in links)
    assert any(h.startswith("https://calendar.google.com/") for h in links)


def test_duty_in_progress_is_marked_current() -> None:
    pages = pages_of(REPO, today=dt.date(2025, 9, 2), hour=13)
    tree = to_html(pages[f"konsultacje/{OPEN}/index.md"])
    marks = [r.xpath("string(.//strong[@data-cx-marker])") for r in tree.xpath("//table//tbody/tr")]
    assert marks == ["", "trwa teraz", ""]


def test_cancelled_meeting_is_struck_through_and_labelled(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{UPCOMING}/index.md"])
    cancelled = tree.xpath("//li[@id='wydarzenie-spotkanie-rodziny-zastepcze']")[0]
    assert "cx-meeting--cancelled" in cancelled.get("class")
    assert cancelled.xpath("string(.//h3/s)") == "Spotkanie z rodzinami zastępczymi"
    assert cancelled.xpath("string(.//strong[contains(@class, 'cx-tag--cancelled')])") == "odwołane"
    assert not cancelled.xpath(".//details")
    hybrid = tree.xpath("//li[@id='wydarzenie-spotkanie-hybrydowe']")[0]
    assert "Spotkanie hybrydowe (stacjonarnie i online)" in text_of(hybrid)
    assert hybrid.xpath(".//a[text()='Dołącz do spotkania online']/@href") == [
        "https://spotkania.mops.example.pl/piecza-spotkanie"
    ]


def test_materials_say_what_they_are_with_format_and_size(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    links = tree.xpath("//ul[@class='cx-attachments'][not(ancestor::li[contains(@class, 'cx-meeting')])]"
                       "//a[@class='cx-attachment__link']")
    assert [(a.get("href"), " ".join(a.text_content().split())) for a in links] == [
        (
            "files/projekt-programu-wspierania-rodziny.pdf",
            "Projekt Programu Wspierania Rodziny w Krakowie na lata 2025–2027, PDF, 4,7 kB",
        ),
        ("files/formularz-konsultacyjny.docx", "Formularz konsultacyjny, DOCX, 1,1 kB"),
        ("files/formularz-konsultacyjny.odt", "Formularz konsultacyjny (format otwarty), ODT, 839 B"),
    ]
    assert links[1].xpath("string(.//abbr/@title)") == "dokument Microsoft Word"


def test_inaccessible_material_offers_an_accessible_version(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{CONCLUDED[1]}/index.md"])
    ask = tree.xpath("//p[@class='cx-attachment__note']/a")[0]
    assert ask.get("href").startswith(
        "mailto:ngo@um.krakow.pl?subject=Pro%C5%9Bba%20o%20dost%C4%99pn%C4%85%20wersj%C4%99"
    )
    assert (
        ask.text
        == "Poproś o dostępną wersję pliku „Prezentacja ze spotkania zespołu branżowego 6 lipca 2011”"
    )


def test_timeline_marks_current_phases(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    phases = tree.xpath("//ol[@class='cx-timeline']/li")
    states = [(p.xpath("string(span[1])"), p.get("aria-current"), p.xpath("string(strong)")) for p in phases]
    assert states == [
        ("Zbieranie formularzy konsultacyjnych", "step", "trwa"),
        ("Dyżury eksperckie i spotkanie otwarte", "step", "trwa"),
        ("Analiza uwag i raport z konsultacji", None, "planowany"),
        ("Uchwalenie programu przez Radę Miasta Krakowa", None, "planowany"),
    ]


def test_milestones_known_to_the_month_show_the_month_in_the_nominative(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    dates = tree.xpath("//ol[@class='cx-timeline']/li[last()]/span[@class='cx-phase__dates']")[0]
    assert text_of(dates) == "listopad 2025 – grudzień 2025"
    assert dates.xpath("time/@datetime") == ["2025-11", "2025-12"]  # valid HTML month strings


def test_a_month_milestone_is_current_until_its_last_day(tmp_path: Path) -> None:
    write_campaign(tmp_path, VALID_YML + "phases:\n  - title: Uchwalenie\n    start: 2025-09\n    end: 2025-09\n")
    for day, state in ((dt.date(2025, 8, 31), "planowany"), (dt.date(2025, 9, 30), "trwa"),
                       (dt.date(2025, 10, 1), "zakończony")):
        tree = to_html(pages_of(tmp_path, day)["konsultacje/program-testowy/index.md"])
        phase = tree.xpath("//ol[@class='cx-timeline']/li")[0]
        assert (text_of(phase.xpath("span[2]")[0]), phase.xpath("string(strong)")) == ("wrzesień 2025", state)


def test_announcements_appear_on_their_date_newest_first(tmp_path: Path) -> None:
    before = to_html(pages_of(REPO)[f"konsultacje/{OPEN}/index.md"])
    assert not before.xpath("//h2[@id='komunikaty']")
    after = to_html(pages_of(REPO, today=dt.date(2025, 9, 3))[f"konsultacje/{OPEN}/index.md"])
    assert after.xpath("string(//h3[@id='komunikat-2025-09-02-formularz-odt'])") == (
        "Formularz konsultacyjny także w formacie ODT"
    )
    write_campaign(
        tmp_path,
        VALID_YML,
        slug="k",
        files={
            "announcements/a.md": "---\ntitle: Starszy\ndate: 2025-08-29\n---\n\n# Nagłówek\n\nTreść.\n",
            "announcements/b.md": "---\ntitle: Nowszy\ndate: 2025-08-30\n---\n\nTreść.\n",
        },
    )
    tree = to_html(pages_of(tmp_path)["konsultacje/k/index.md"])
    assert [h.text for h in tree.xpath("//h2[@id='komunikaty']/following-sibling::h3")] == [
        "Nowszy",
        "Starszy",
    ]
    assert tree.xpath("string(//h4)") == "Nagłówek"  # the editor's h1 sits under the announcement's h3


def test_last_day_and_closed_and_concluded_wording(example: dict[str, Output]) -> None:
    last = to_html(pages_of(REPO, today=dt.date(2025, 9, 26))[f"konsultacje/{OPEN}/index.md"])
    assert "Dziś ostatni dzień na zgłoszenie uwag" in text_of(last.xpath("//dl")[0])
    closed = to_html(pages_of(REPO, today=dt.date(2025, 9, 27))[f"konsultacje/{OPEN}/index.md"])
    assert closed.xpath("string(//strong[contains(@class, 'cx-status')])") == "zamknięte"
    assert "Przyjmowanie uwag zakończyło się 26 września 2025 r." in text_of(closed.xpath("//dl")[0])
    assert closed.xpath("string(//h2[@id='jak-zglosic-uwagi'])") == "Jak można było zgłaszać uwagi"
    assert not closed.xpath("//*[@data-cx-days-left]")
    concluded = to_html(example[f"konsultacje/{CONCLUDED[0]}/index.md"])
    assert concluded.xpath("string(//strong[contains(@class, 'cx-status')])") == "zakończone"
    assert concluded.xpath("//dl[@class='cx-facts']//a/@href")[0] == "#raport"
    report = concluded.xpath("//h2[@id='raport']/following-sibling::ul[1]//a")[0]
    assert " ".join(report.text_content().split()) == "Raport z konsultacji, PDF, 1,3 kB"


def test_record_lists_publisher_dates_changes_and_the_git_history(tmp_path: Path) -> None:
    from dataclasses import replace

    from generator.pages.campaign import render_campaign_page
    from generator.pages.views import Site
    from generator.source.model import HistoryEntry

    campaigns, _ = check_campaigns(REPO / "campaigns", REPO, TZ)
    campaign = next(c for c in campaigns if c.slug == OPEN)
    settings = make_settings(REPO, dt.date(2025, 9, 5))
    plain = to_html(render_campaign_page(Site.of(settings), campaign))
    record = plain.xpath("//dl[contains(@class, 'cx-record')]")[0]
    assert [" ".join(r.xpath("string(dt)").split() + r.xpath("string(dd)").split()) for r in record] == [
        "Informację przygotował(a) Dział ds. Rodziny MOPS",
        "Informację opublikował(a) Dział Komunikacji Społecznej MOPS",
        "Data publikacji 28 sierpnia 2025 r., godz. 10:57",
        "Data aktualizacji 2 września 2025 r.",
    ]
    assert (
        plain.xpath("string(//ul[@class='cx-changes'])").split()
        == "2 września 2025 r.: Dodano formularz konsultacyjny w formacie ODT.".split()
    )
    # Commits marked for the public join the register; their authors and hashes never show.
    history = (
        HistoryEntry(dt.date(2025, 9, 2), "Dodano formularz konsultacyjny w formacie ODT.", "0123456789abcdef"),
        HistoryEntry(dt.date(2025, 9, 3), "Poprawiono numer pokoju dyżuru.", "fedcba9876543210"),
    )
    tree = to_html(render_campaign_page(Site.of(settings), replace(campaign, history=history)))
    assert [" ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='cx-changes']/li")] == [
        "3 września 2025 r.: Poprawiono numer pokoju dyżuru.",
        "2 września 2025 r.: Dodano formularz konsultacyjny w formacie ODT.",  # once, though written twice
    ]
    text = tree.text_content()
    assert "0123456" not in text and "fedcba9" not in text and not tree.xpath("//table[contains(@class, 'cx-history')]")


def test_structured_data_describes_events_with_status_and_attendance_mode(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{UPCOMING}/index.md"])
    graph = json.loads(tree.xpath("string(//script[@type='application/ld+json'])"))["@graph"]
    assert graph[0]["@type"] == "WebPage" and graph[0]["datePublished"] == "2025-08-25"
    events = {e["@id"].split("#")[1]: e for e in graph[1:]}
    assert (
        events["wydarzenie-spotkanie-rodziny-zastepcze"]["eventStatus"] == "https://schema.org/EventCancelled"
    )
    assert events["wydarzenie-spotkanie-hybrydowe"]["eventAttendanceMode"] == (
        "https://schema.org/MixedEventAttendanceMode"
    )
    assert (
        events["wydarzenie-dyzur-2"]["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    )
    assert events["wydarzenie-dyzur-2"]["startDate"] == "2025-10-28T10:00+01:00"
    assert "&id" not in (example[f"konsultacje/{UPCOMING}/index.md"].content or "")  # no YAML aliases


def test_editor_text_cannot_break_the_markup(tmp_path: Path) -> None:
    yml = VALID_YML.replace(
        "title: Program Wspierania Rodziny 2025–2027", 'title: "Program *pilotażowy* <b>nie</b> #1 {.x}"'
    )
    yml = yml.replace("summary: Zbieramy uwagi do projektu programu.", 'summary: Mówimy "tak" & <i>nie</i>.')
    write_campaign(tmp_path, yml, slug="p")
    page = pages_of(tmp_path)["konsultacje/p/index.md"]
    meta, _ = split(page)
    assert meta["description"] == "Mówimy &#34;tak&#34; &amp; &lt;i&gt;nie&lt;/i&gt;."
    tree = to_html(page)
    assert tree.xpath("string(//h1)") == "Program *pilotażowy* <b>nie</b> #1 {.x}"
    assert not tree.xpath("//h1//b | //h1//em | //*[@class='x']")
    assert tree.xpath("string(//p[@class='cx-lead'])") == 'Mówimy "tak" & <i>nie</i>.'


# ---------------------------------------------------------------- lists


def card_titles(tree: Any, section: str) -> list[str]:
    """The consultation titles listed in a section (h2 id) of a page."""
    heading = tree.xpath(f"//h2[@id='{section}']")[0]
    following = heading.xpath("following-sibling::*[1][self::ul]")
    return [" ".join(a.text_content().split()) for a in following[0].xpath(".//h3/a")] if following else []


def test_home_page_keeps_the_intro_and_lists_what_is_open_upcoming_and_closed(
    example: dict[str, Output],
) -> None:
    home = example["index.md"]
    meta, body = split(home)
    assert meta["title"] == "Konsultacje społeczne" and meta["edit_path"] == "content/index.md"
    tree = to_html(home)
    assert len(tree.xpath("//h1")) == 1
    assert "pyta organizacje pozarządowe i mieszkańców" in text_of(tree)
    assert card_titles(tree, "otwarte") == ["Program Wspierania Rodziny w Krakowie na lata 2025–2027"]
    assert card_titles(tree, "zapowiedziane") == [
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028"
    ]
    assert card_titles(tree, "zakonczone") == [
        "Strategia Rozwiązywania Problemów Społecznych Krakowa na lata 2021–2030",
        "Wieloletni Program Współpracy Gminy Miejskiej Kraków z organizacjami pozarządowymi na lata 2012–2014",
    ]
    days = [h.text for h in tree.xpath("//h2[@id='najblizsze-wydarzenia']/following-sibling::h3")]
    assert days[:3] == [
        "wtorek, 2 września 2025 r.",
        "czwartek, 4 września 2025 r.",
        "poniedziałek, 8 września 2025 r.",
    ]
    feeds = tree.xpath("//div[@class='cx-feeds']//a/@href")
    assert feeds[:2] == ["feeds/konsultacje.xml", "feeds/konsultacje.atom"]


def many_campaigns(root: Path, count: int, opens: dt.date, closes: dt.date, prefix: str = "k") -> None:
    for i in range(count):
        yml = (
            VALID_YML.replace("published: 2025-08-28", f"published: {opens - dt.timedelta(days=7)}")
            .replace("opens: 2025-08-28", f"opens: {opens}")
            .replace("closes: 2025-09-26", f"closes: {closes + dt.timedelta(days=i % 20)}")
            .replace("title: Program Wspierania Rodziny 2025–2027", f"title: Konsultacja {prefix} {i:03d}")
            + "categories: [rodzina]\naccept_warnings: [short_consultation]\n"
        )
        write_campaign(root, yml, slug=f"{prefix}-{i:03d}")


def test_open_consultations_nearest_deadline_first(tmp_path: Path) -> None:
    many_campaigns(tmp_path, 3, dt.date(2025, 8, 1), dt.date(2025, 9, 10))
    tree = to_html(pages_of(tmp_path)["index.md"])
    assert card_titles(tree, "otwarte") == ["Konsultacja k 000", "Konsultacja k 001", "Konsultacja k 002"]


def test_list_pages_stay_bounded_as_consultations_accumulate(tmp_path: Path) -> None:
    many_campaigns(tmp_path, PAGE_SIZE * 2 + 5, dt.date(2024, 3, 1), dt.date(2024, 4, 1))
    pages = pages_of(tmp_path)
    home = to_html(pages["index.md"])
    assert len(card_titles(home, "zakonczone")) == HOME_CLOSED
    year = [p for p in pages if p.startswith("archiwum/2024/")]
    assert sorted(year) == [
        "archiwum/2024/index.md",
        "archiwum/2024/strona-2/index.md",
        "archiwum/2024/strona-3/index.md",
    ]
    first = to_html(pages["archiwum/2024/index.md"])
    assert len(first.xpath("//ul[@class='cx-cards']/li")) == PAGE_SIZE
    assert first.xpath("//nav[@class='cx-pagination']//a[@rel='next']/@href") == ["strona-2/"]
    last = to_html(pages["archiwum/2024/strona-3/index.md"])
    assert len(last.xpath("//ul[@class='cx-cards']/li")) == 5
    assert last.xpath("//nav[@class='cx-pagination']//a[@rel='prev']/@href") == ["../strona-2/"]
    category = [p for p in pages if p.startswith("kategorie/rodzina/")]
    assert len(category) == 3
    biggest = max(len(o.content or "") for o in pages.values())
    assert biggest < 120_000


def test_archive_and_categories_of_the_example(example: dict[str, Output]) -> None:
    archive = to_html(example["archiwum/index.md"])
    assert archive.xpath("//ul[contains(@class, 'cx-links')]//a/@href") == ["2025/", "2021/", "2011/"]
    assert text_of(archive.xpath("//ul[contains(@class, 'cx-links')]/li")[0]) == "2025 (2 konsultacje)"
    year = to_html(example["archiwum/2025/index.md"])
    assert [a.text for a in year.xpath("//h2/a")] == [
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028",
        "Program Wspierania Rodziny w Krakowie na lata 2025–2027",
    ]
    family = to_html(example["kategorie/rodzina/index.md"])
    assert family.xpath("string(//h1)") == "Kategoria: rodzina"
    assert [a.text for a in family.xpath("//h2[@id='trwajace']/following-sibling::ul[1]//h3/a")] == [
        "Program Wspierania Rodziny w Krakowie na lata 2025–2027",
        "Program rozwoju pieczy zastępczej w Gminie Miejskiej Kraków na lata 2026–2028",
    ]
    assert family.xpath("//div[@class='cx-feeds']//a/@href") == [
        "../../feeds/kategorie/rodzina.xml",
        "../../feeds/kategorie/rodzina.atom",
    ]


def test_calendar_page_lists_coming_events_by_day(example: dict[str, Output]) -> None:
    tree = to_html(example["kalendarz/index.md"])
    days = [h.get("id") for h in tree.xpath("//h3[starts-with(@id, 'dzien-')]")]
    assert days == [
        "dzien-2025-09-02",
        "dzien-2025-09-04",
        "dzien-2025-09-08",
        "dzien-2025-09-26",
        "dzien-2025-10-14",
        "dzien-2025-10-21",
        "dzien-2025-10-26",
        "dzien-2025-10-28",
        "dzien-2025-11-07",
    ]
    cancelled = tree.xpath("//li[contains(@class, 'cx-event--cancelled')]")
    assert len(cancelled) == 1 and "odwołane" in text_of(cancelled[0])
    deadline = tree.xpath("//h3[@id='dzien-2025-09-26']/following-sibling::ul[1]/li")[0]
    assert text_of(deadline).startswith("do końca dnia Ostatni dzień zgłaszania uwag")
    subscribe = tree.xpath("//ul[@class='cx-calendars']//a/@href")
    assert subscribe[:2] == ["webcal://konsultacje.example.pl/kalendarz/wszystkie.ics",
                             "webcal://konsultacje.example.pl/kalendarz/dyzury.ics"]
    assert f"webcal://konsultacje.example.pl/kalendarz/konsultacje/{OPEN}.ics" in subscribe
    assert f"webcal://konsultacje.example.pl/kalendarz/konsultacje/{UPCOMING}.ics" not in subscribe
    # how to subscribe is said once, above the list, not beside each calendar
    assert len(tree.xpath("//details[@class='cx-subscribe__help']")) == 1
    assert len(tree.xpath("//p[@class='cx-subscribe__note']")) == 1


def test_english_pages(tmp_path: Path) -> None:
    pages = pages_of(REPO, language="en")
    tree = to_html(pages[f"konsultacje/{OPEN}/index.md"])
    assert tree.xpath("string(//h2[@id='dyzury'])") == "Expert duty hours"
    assert "26 days left" in text_of(tree.xpath("//dl")[0])
    assert "by 26 September 2025 (Friday), end of day" in text_of(tree.xpath("//dl")[0])
    assert tree.xpath("//h1/@lang") == ["pl"]  # the consultation itself is written in Polish
    assert tree.xpath("//div[@lang='pl']//h3/text()")[:1] == ["Cel konsultacji"]
    home = to_html(pages["index.md"])
    assert home.xpath("string(//h2[@id='otwarte'])") == "Open consultations"


# ---------------------------------------------------------------- helpers


def test_shift_headings_moves_the_outline_and_leaves_code_alone() -> None:
    text = "# A\n\ntext\n\n## B\n\n```\n# not a heading\n```\n\nC\n---\n\n#### D\n"
    assert (
        shift_headings(text, 3)
        == "### A\n\ntext\n\n#### B\n\n```\n# not a heading\n```\n\n#### C\n\n###### D\n"
    )
    assert shift_headings("### Only\n", 2) == "## Only\n"
    assert shift_headings("- item\n---\n", 2) == "- item\n---\n"


def test_md_escape_keeps_text_literal() -> None:
    rendered = markdown.markdown("# " + md_escape("A *b* <c> [d](e) & f {#g}"), extensions=["attr_list"])
    assert lxml_html.fromstring(rendered).text_content() == "A *b* <c> [d](e) & f {#g}"


@pytest.mark.parametrize(
    ("page", "target", "link"),
    [
        ("konsultacje/a/", "konsultacje/a/files/x.pdf", "files/x.pdf"),
        ("konsultacje/a/", "kategorie/b/", "../../kategorie/b/"),
        ("", "konsultacje/a/", "konsultacje/a/"),
        ("kalendarz/", "kalendarz/", "./"),
        ("konsultacje/a/", "konsultacje/a/#x", "#x"),
        ("archiwum/2024/strona-2/", "archiwum/2024/", "../"),
        ("konsultacje/a/", "", "../../"),
        ("", "https://example.pl/x", "https://example.pl/x"),
    ],
)
def test_relative_url(page: str, target: str, link: str) -> None:
    assert relative_url(page, target) == link


def test_render_pages_does_not_need_mkdocs() -> None:
    import subprocess
    import sys

    code = textwrap.dedent("""
        import sys, generator.pages
        # errors.py may use MkDocs' exception type (STYLE.md); nothing else of MkDocs is needed
        loaded = {m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")}
        assert loaded <= {"mkdocs", "mkdocs.exceptions"}, loaded
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- legal basis, meeting documents, privacy notice


def test_legal_basis_is_a_key_fact_with_a_link_to_the_resolution(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    row = tree.xpath("//dl[@class='cx-facts']/div[dt='Podstawa prawna']")[0]
    link = row.xpath("./dd/a")[0]
    assert link.get("href") == "https://www.bip.krakow.pl/?dok_id=167"
    assert "Uchwała NR CXI/1510/10 Rady Miasta Krakowa z dnia 6 października 2010 r." in text_of(link)
    plain = to_html(example[f"konsultacje/{UPCOMING}/index.md"]).xpath(
        "//dl[@class='cx-facts']/div[dt='Podstawa prawna']/dd")[0]
    assert not plain.xpath(".//a") and text_of(plain).startswith("Uchwała NR CXI/1510/10")


def test_meeting_documents_are_listed_under_their_meeting(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    meeting = tree.xpath("//li[@id='wydarzenie-spotkanie-otwarte']")[0]
    assert meeting.xpath("string(.//h4)") == "Materiały ze spotkania"
    links = meeting.xpath(".//h4/following-sibling::ul[@class='cx-attachments']//a[@class='cx-attachment__link']")
    assert [(a.get("href"), " ".join(a.text_content().split())) for a in links] == [
        ("files/spotkanie-2025-09-04-prezentacja.pdf", "Prezentacja projektu programu, PDF, 977 B"),
        ("files/spotkanie-2025-09-04-protokol.pdf", "Protokół ze spotkania, PDF, 960 B"),
    ]


def _with_notice(root: Path, notice: str | None, own: str | None = None) -> Any:
    import dataclasses

    from generator.pages import render_pages as render

    yml = VALID_YML + (f"privacy_notice: {own}\n" if own else "")
    write_campaign(root, yml)
    campaigns, _ = check_campaigns(root / "campaigns", root, TZ)
    settings = dataclasses.replace(make_settings(root, TODAY, "pl", 10), privacy_notice=notice)
    pages = {o.path: o for o in render(campaigns, settings)}
    return to_html(pages["konsultacje/program-testowy/index.md"])


def test_every_way_to_respond_links_the_data_protection_notice(tmp_path: Path) -> None:
    tree = _with_notice(tmp_path / "site", "ochrona-danych.md")
    section = tree.xpath("//div[@class='cx-respond']")[0]
    link = section.xpath(".//p[@class='cx-respond__privacy']/a")[0]
    assert text_of(link) == "Jak przetwarzamy dane osobowe osób zgłaszających uwagi (klauzula informacyjna RODO)"
    assert link.get("href") == "../../ochrona-danych/"  # from konsultacje/program-testowy/


def test_a_consultation_may_have_its_own_notice_and_a_site_without_one_shows_no_link(tmp_path: Path) -> None:
    own = _with_notice(tmp_path / "a", "ochrona-danych.md", "https://www.bip.krakow.pl/rodo-pwr")
    assert own.xpath("//p[@class='cx-respond__privacy']/a/@href") == ["https://www.bip.krakow.pl/rodo-pwr"]
    assert not _with_notice(tmp_path / "b", None).xpath("//p[@class='cx-respond__privacy']")


def test_a_time_of_publication_is_shown_in_the_record(example: dict[str, Output]) -> None:
    tree = to_html(example[f"konsultacje/{OPEN}/index.md"])
    published = tree.xpath("//*[@id='metryczka']/following::time[@datetime='2025-08-28T10:57+02:00']")
    assert [text_of(t) for t in published][:1] == ["28 sierpnia 2025 r., godz. 10:57"]
