"""The accessibility statement: its data checked with editor-facing messages, the page with the
ids and structure of the v2.0 template, and the link to it from every page.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from lxml import html as lxml_html

from generator.options import Organisation, Settings
from generator.pages.statement_page import render_statement_page, statement_link, statement_markdown
from generator.source.errors import format_text
from generator.source.statement import read_statement
from tests.conftest import REPO, TODAY, build_site, write_campaign

REQUIRED_IDS = [
    "a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url", "a11y-data-publikacja",
    "a11y-data-aktualizacja", "a11y-status", "a11y-kontakt", "a11y-email", "a11y-telefon",
    "a11y-procedura", "a11y-data-sporzadzenie", "a11y-architektura", "a11y-komunikacja",
]
ORG = Organisation(name="Miejski Ośrodek Pomocy Społecznej w Krakowie", address="ul. Józefińska 14, 30-529 Kraków",
                   email="mops@mops.krakow.pl", phone="12 616 54 20")


def valid(**changes: Any) -> dict[str, Any]:
    """Statement data as mkdocs.yml gives it (dates already parsed by YAML), with changes."""
    data: dict[str, Any] = {
        "published": dt.date(2025, 3, 31),
        "updated": dt.date(2025, 8, 28),
        "prepared": dt.date(2025, 3, 28),
        "reviewed": dt.date(2025, 8, 28),
        "status": "częściowo zgodna",
        "inaccessible": ["Skany z lat 2011–2014 nie mają warstwy tekstowej."],
        "contact": {"name": "Anna Nowak", "email": "dostepnosc@mops.krakow.pl", "phone": "12 616 54 20"},
        "architecture": "Wejście bez schodów.",
        "communication": "Tłumacz PJM na życzenie.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def messages(raw: Any, today: dt.date = TODAY, lang: str = "pl") -> list[str]:
    return [format_text(p, lang) for p in read_statement(raw, ORG, today)[1]]


def settings(language: str = "pl", **statement: Any) -> Settings:
    return Settings(site_url="https://konsultacje.example.pl/", site_name="Konsultacje społeczne", root=REPO,
                    campaigns_dir=REPO / "campaigns", language=language, today=TODAY, organisation=ORG,
                    extra={"accessibility_statement": valid(**statement)})


def test_valid_data_gives_a_statement_without_problems() -> None:
    statement, problems = read_statement(valid(), ORG, TODAY)
    assert problems == []
    assert statement is not None
    assert (statement.status, statement.assessment, statement.entity) == ("partial", "self", ORG.name)
    assert statement.reviewed == dt.date(2025, 8, 28) and statement.phone == "12 616 54 20"


def test_dates_may_be_written_as_text_and_statuses_in_english() -> None:
    statement, problems = read_statement(valid(published="2025-03-31", status="Partially compliant"), ORG, TODAY)
    assert problems == [] and statement is not None
    assert statement.published == dt.date(2025, 3, 31) and statement.status == "partial"


def test_contact_defaults_to_the_organisation() -> None:
    statement, problems = read_statement(valid(contact=None), ORG, TODAY)
    assert problems == [] and statement is not None
    assert (statement.email, statement.phone, statement.contact_name) == (ORG.email, ORG.phone, "")


def test_without_the_option_there_is_no_statement_and_no_problem() -> None:
    assert read_statement({}, ORG, TODAY) == (None, [])
    assert read_statement(None, ORG, TODAY) == (None, [])


def test_a_missing_required_field_names_mkdocs_yml_and_the_option() -> None:
    assert messages(valid(published=None)) == [
        "mkdocs.yml: plugins.consultations.accessibility_statement.published: brak wymaganego pola „published” "
        "deklaracji dostępności\n  Jak poprawić: dodaj je w mkdocs.yml pod accessibility_statement, np. published: 2025-03-31"
    ]
    assert messages(valid(architecture=None), lang="en") == [
        "mkdocs.yml: plugins.consultations.accessibility_statement.architecture: the accessibility statement's "
        "required field 'architecture' is missing\n  How to fix: add it under accessibility_statement in mkdocs.yml, "
        "e.g. architecture: Do budynku przy ul. Józefińskiej 14 prowadzi wejście bez schodów…"
    ]


def test_every_required_field_is_required() -> None:
    for name in ("published", "updated", "prepared", "status", "architecture", "communication"):
        statement, problems = read_statement(valid(**{name: None}), ORG, TODAY)
        assert statement is None and [p.code for p in problems] == ["statement_missing_field"], name


def test_missing_contact_without_organisation_data_is_an_error() -> None:
    statement, problems = read_statement(valid(contact={"name": "Anna Nowak"}), Organisation(), TODAY)
    assert statement is None
    assert [p.field for p in problems] == [
        "plugins.consultations.accessibility_statement.contact.email",
        "plugins.consultations.accessibility_statement.contact.phone",
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"prepared": "28.03.2025"},
         "mkdocs.yml: plugins.consultations.accessibility_statement.prepared: „28.03.2025” nie jest datą\n"
         "  Jak poprawić: wpisz datę jako RRRR-MM-DD, np. prepared: 2025-03-28"),
        ({"status": "dostępna"},
         "mkdocs.yml: plugins.consultations.accessibility_statement.status: „dostępna” nie jest stanem zgodności "
         "z wzoru deklaracji\n  Jak poprawić: wpisz jedno z: zgodna, częściowo zgodna, niezgodna, np. status: częściowo zgodna"),
        ({"reviewd": "2025-08-28"},
         "mkdocs.yml: plugins.consultations.accessibility_statement.reviewd: nieznane pole „reviewd” deklaracji "
         "dostępności — czy chodziło o „reviewed”?\n  Jak poprawić: popraw nazwę pola na „reviewed”"),
        ({"inaccessible": []},
         "mkdocs.yml: plugins.consultations.accessibility_statement.inaccessible: przy stanie „częściowo zgodna” "
         "lub „niezgodna” deklaracja musi wymieniać niedostępne treści\n  Jak poprawić: wypisz je w polu "
         "inaccessible, każdą z powodem i sposobem dostępu alternatywnego, np. inaccessible:\n"
         "    - Skany dokumentów z lat 2011–2014 nie mają warstwy tekstowej."),
        ({"reviewed": dt.date(2025, 1, 2)},
         "mkdocs.yml: plugins.consultations.accessibility_statement.reviewed: data przeglądu 2025-01-02 jest "
         "wcześniejsza niż data sporządzenia deklaracji 2025-03-28\n  Jak poprawić: popraw reviewed; data "
         "sporządzenia (prepared) zostaje datą pierwszej wersji, np. reviewed: 2025-08-28"),
        ({"contact": {"email": "dostepnosc(at)mops.krakow.pl"}},
         "mkdocs.yml: plugins.consultations.accessibility_statement.contact.email: „dostepnosc(at)mops.krakow.pl” "
         "nie jest adresem e-mail\n  Jak poprawić: wpisz adres osoby kontaktowej, np. contact:\n"
         "    email: dostepnosc@mops.krakow.pl"),
        ({"contact": {"phone": "brak"}},
         "mkdocs.yml: plugins.consultations.accessibility_statement.contact.phone: „brak” nie wygląda na numer "
         "telefonu\n  Jak poprawić: wpisz numer z cyframi, np. contact:\n    phone: 12 616 54 20"),
        ({"assessment": "audyt"},
         "mkdocs.yml: plugins.consultations.accessibility_statement.auditor: brak wymaganego pola „auditor” "
         "deklaracji dostępności\n  Jak poprawić: dodaj je w mkdocs.yml pod accessibility_statement, np. auditor: …"),
        ({"architecture": ["wejście", "winda"]},
         "mkdocs.yml: plugins.consultations.accessibility_statement.architecture: oczekiwano tekstu, a jest lista\n"
         "  Jak poprawić: wpisz zwykły tekst, np. architecture: Do budynku przy ul. Józefińskiej 14 prowadzi wejście "
         "bez schodów…"),
    ],
)
def test_each_rule_has_its_message(changes: dict[str, Any], expected: str) -> None:
    assert messages(valid(**changes)) == [expected]


def test_not_a_mapping() -> None:
    assert messages(["zgodna"]) == [
        "mkdocs.yml: plugins.consultations.accessibility_statement: oczekiwano pól „nazwa: wartość”, a jest lista\n"
        "  Jak poprawić: zapisz dane deklaracji jako pola, np. published: 2025-03-31"
    ]


def test_review_is_due_a_year_after_the_last_one() -> None:
    reviewed = dt.date(2024, 9, 1)
    assert messages(valid(prepared=dt.date(2024, 3, 1), reviewed=reviewed), today=dt.date(2025, 9, 1)) == []
    assert messages(valid(prepared=dt.date(2024, 3, 1), reviewed=reviewed), today=dt.date(2025, 9, 2)) == [
        "mkdocs.yml: ostrzeżenie: plugins.consultations.accessibility_statement.reviewed: deklaracja dostępności "
        "była przeglądana 2024-09-01, ponad rok temu\n  Jak poprawić: przejrzyj deklarację i zaktualizuj "
        "accessibility_statement.reviewed w mkdocs.yml"
    ]


def test_a_statement_never_reviewed_is_due_a_year_after_it_was_prepared() -> None:
    assert messages(valid(reviewed=None), today=dt.date(2026, 3, 29), lang="en") == [
        "mkdocs.yml: warning: plugins.consultations.accessibility_statement.reviewed: the accessibility statement "
        "prepared on 2025-03-28 has not been reviewed for over a year\n  How to fix: review it (yearly, by 31 March) "
        "and add accessibility_statement.reviewed: YYYY-MM-DD in mkdocs.yml"
    ]
    assert messages(valid(reviewed=None), today=dt.date(2026, 3, 28)) == []


def _render(text: str) -> lxml_html.HtmlElement:
    body = text.split("---\n", 2)[2]
    return lxml_html.fromstring(markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"]))


def test_the_page_has_every_required_id_once_on_the_right_content() -> None:
    s = settings()
    statement, _ = read_statement(s.extra["accessibility_statement"], ORG, TODAY)
    assert statement is not None
    doc = _render(statement_markdown(statement, s))
    for ident in REQUIRED_IDS + ["a11y-data-przeglad"]:
        assert len(doc.xpath(f"//*[@id='{ident}']")) == 1, ident
    assert doc.get_element_by_id("a11y-podmiot").text == ORG.name
    assert doc.get_element_by_id("a11y-zakres").text == "strony internetowej"
    assert doc.get_element_by_id("a11y-url").get("href") == "https://konsultacje.example.pl/"
    assert doc.get_element_by_id("a11y-email").get("href") == "mailto:dostepnosc@mops.krakow.pl"
    assert doc.get_element_by_id("a11y-telefon").get("href") == "tel:+48126165420"
    assert doc.get_element_by_id("a11y-status").text_content().startswith("Strona internetowa jest częściowo zgodna")
    assert doc.get_element_by_id("a11y-wstep").tag == "p"
    assert [doc.get_element_by_id(i).tag for i in ("a11y-kontakt", "a11y-procedura")] == ["h2", "h2"]
    assert [doc.get_element_by_id(i).tag for i in ("a11y-architektura", "a11y-komunikacja")] == ["h3", "h3"]


def test_dates_are_time_elements_in_words() -> None:
    s = settings()
    statement, _ = read_statement(s.extra["accessibility_statement"], ORG, TODAY)
    assert statement is not None
    doc = _render(statement_markdown(statement, s))
    times = {t.get("id"): (t.get("datetime"), t.text) for t in doc.iter("time")}
    assert times == {
        "a11y-data-publikacja": ("2025-03-31", "31 marca 2025 r."),
        "a11y-data-aktualizacja": ("2025-08-28", "28 sierpnia 2025 r."),
        "a11y-data-sporzadzenie": ("2025-03-28", "28 marca 2025 r."),
        "a11y-data-przeglad": ("2025-08-28", "28 sierpnia 2025 r."),
    }


def test_headings_follow_the_template_in_order() -> None:
    s = settings(exemptions=["Dokumenty sprzed 23 września 2018 r."], facilities=["Link „Przejdź do treści”."])
    statement, _ = read_statement(s.extra["accessibility_statement"], ORG, TODAY)
    assert statement is not None
    doc = _render(statement_markdown(statement, s))
    found = [(h.tag, h.text_content()) for h in doc.iter("h1", "h2", "h3")]
    assert found == [
        ("h1", "Deklaracja dostępności"),
        ("h2", "Stan dostępności cyfrowej"),
        ("h2", "Niedostępne treści"),
        ("h3", "Wyłączenia"),
        ("h2", "Przygotowanie deklaracji dostępności"),
        ("h2", "Udogodnienia, ograniczenia i inne informacje"),
        ("h2", "Informacje zwrotne i dane kontaktowe"),
        ("h2", "Obsługa wniosków i skarg związanych z dostępnością"),
        ("h2", "Pozostałe informacje"),
        ("h3", "Dostępność architektoniczna"),
        ("h3", "Dostępność komunikacyjno-informacyjna"),
    ]


def test_full_conformance_and_an_audit_read_as_in_the_template() -> None:
    s = settings(status="zgodna", inaccessible=None, assessment="audyt", auditor="Fundacja Dostępności")
    statement, problems = read_statement(s.extra["accessibility_statement"], ORG, TODAY)
    assert problems == [] and statement is not None
    doc = _render(statement_markdown(statement, s))
    assert doc.get_element_by_id("a11y-status").text_content() == (
        "Strona internetowa jest zgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji "
        "mobilnych podmiotów publicznych."
    )
    assert doc.get_element_by_id("a11y-audytor").text == "Fundacja Dostępności"
    assert not doc.xpath("//h2[. = 'Niedostępne treści']")


def test_english_statement_keeps_the_ids() -> None:
    s = settings(language="en")
    statement, _ = read_statement(s.extra["accessibility_statement"], ORG, TODAY)
    assert statement is not None
    text = statement_markdown(statement, s)
    doc = _render(text)
    assert text.startswith("---\ntitle: Accessibility statement\n---")
    assert all(len(doc.xpath(f"//*[@id='{i}']")) == 1 for i in REQUIRED_IDS)
    assert doc.get_element_by_id("a11y-data-publikacja").text == "31 March 2025"


def test_page_output_and_link_exist_only_when_configured() -> None:
    s = settings()
    outputs = render_statement_page(s)
    assert [o.path for o in outputs] == ["deklaracja-dostepnosci/index.md"]
    assert statement_link(s) == {"path": "deklaracja-dostepnosci/", "title": "Deklaracja dostępności",
                                 "url": "https://konsultacje.example.pl/deklaracja-dostepnosci/"}
    empty = Settings(site_url="https://x.example/", site_name="x", root=REPO, campaigns_dir=REPO)
    assert render_statement_page(empty) == [] and statement_link(empty) is None


# -- the built example site


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_built_statement_page(example_site: Path) -> None:
    doc = lxml_html.fromstring((example_site / "deklaracja-dostepnosci" / "index.html").read_bytes())
    for ident in REQUIRED_IDS + ["a11y-data-przeglad"]:
        assert len(doc.xpath(f"//*[@id='{ident}']")) == 1, ident
    for ident in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie", "a11y-data-przeglad"):
        element = doc.get_element_by_id(ident)
        assert element.tag == "time" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", element.get("datetime") or "")
    assert doc.get_element_by_id("a11y-podmiot").text == "Miejski Ośrodek Pomocy Społecznej w Krakowie"
    assert "częściowo zgodna" in doc.get_element_by_id("a11y-status").text_content()
    assert doc.find(".//title").text.startswith("Deklaracja dostępności")


def test_every_page_links_the_statement_in_footer_and_head(example_site: Path) -> None:
    pages = _pages(example_site)
    assert len(pages) >= 7
    for page in pages:
        doc = lxml_html.fromstring(page.read_bytes())
        footer_links = doc.xpath("//footer//a[normalize-space() = 'Deklaracja dostępności']")
        assert len(footer_links) == 1, page
        href = footer_links[0].get("href")
        target = (page.parent / href).resolve() if not href.startswith("/") else example_site / href.lstrip("/")
        assert (target / "index.html").is_file() or target.name == "index.html", (page, href)
        meta = doc.xpath("//head/meta[@name='deklaracja-dostępności']")
        assert [m.get("content") for m in meta] == ["https://konsultacje.mops.example.pl/deklaracja-dostepnosci/"], page


def test_an_invalid_statement_stops_the_build(site_copy: Path, tmp_path: Path) -> None:
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("status: częściowo zgodna", "status: prawie zgodna")
    config.write_text(text, encoding="utf-8")
    result = build_site(site_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "mkdocs.yml: plugins.consultations.accessibility_statement.status: „prawie zgodna” nie jest stanem" in result.stderr
    assert "Traceback" not in result.stderr


def test_consult_check_warns_about_an_old_review(tmp_path: Path) -> None:
    write_campaign(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://x.example.pl/\nplugins:\n  - consultations:\n"
        "      organisation:\n        email: mops@mops.krakow.pl\n        phone: 12 616 54 20\n"
        "      accessibility_statement:\n        published: 2023-03-31\n        updated: 2023-03-31\n"
        "        prepared: 2023-03-28\n        reviewed: 2024-03-29\n        status: zgodna\n"
        "        architecture: Wejście bez schodów.\n        communication: Tłumacz PJM.\n",
        encoding="utf-8",
    )
    run = [sys.executable, "-m", "generator.cli", "check", "--root", str(tmp_path)]
    env = {"SOURCE_DATE_EPOCH": "1756713600", "PATH": "/usr/bin:/bin"}
    plain = subprocess.run(run, capture_output=True, text=True, env=env, cwd=REPO)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert ("mkdocs.yml: ostrzeżenie: plugins.consultations.accessibility_statement.reviewed: deklaracja "
            "dostępności była przeglądana 2024-03-29, ponad rok temu") in plain.stdout
    strict = subprocess.run([*run, "--strict"], capture_output=True, text=True, env=env, cwd=REPO)
    assert strict.returncode == 1
