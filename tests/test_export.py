"""The JSON export and the JSON Schemas: shape, content, determinism, escaping."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator import cli
from generator.export import export_data, export_schema_bytes, json_bytes
from generator.options import Settings
from generator.pipeline import published_campaigns
from generator.source.check import check_campaigns
from generator.source.yamlsource import parse_yaml
from tests import example
from tests.conftest import REPO, TODAY, TZ, VALID_YML, build_site, write_campaign

SITE = "https://konsultacje.mops.example.pl/"
PWR, STRATEGIA, PIECZA = example.OPEN, example.CONCLUDED_WITH_REPORT, example.UPCOMING
Validator = jsonschema.Draft202012Validator


def _settings(root: Path = REPO, today: dt.date = TODAY) -> Settings:
    return Settings(
        site_url=SITE, site_name="Konsultacje", root=root, campaigns_dir=root / "campaigns", today=today
    )


@pytest.fixture(scope="module")
def export(example_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((example_site / "api" / "konsultacje.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def by_slug(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["slug"]: c for c in export["consultations"]}


def test_export_validates_against_its_published_schema(example_site: Path, export: dict[str, Any]) -> None:
    published = json.loads((example_site / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(export_schema_bytes())
    Validator.check_schema(published)
    Validator(published, format_checker=Validator.FORMAT_CHECKER).validate(export)
    assert export["schema"] == SITE + "schema/export.schema.json"
    assert (export["version"], export["generated"]) == (1, "2025-09-01")


def test_export_schema_rejects_what_readers_must_not_see(export: dict[str, Any]) -> None:
    validator = Validator(json.loads(export_schema_bytes()))
    first = export["consultations"][0]
    for broken in (
        {**first, "status": "archived"},
        {**first, "surprise": 1},
        {**first, "events": [{**first["events"][0], "start": "2025-09-04 16:00"}]},
        {k: v for k, v in first.items() if k != "closes"},
        {**first, "legal_basis": "Uchwała"},  # text and link always come as an object
        {**first, "privacy_notice": "ochrona-danych.md"},  # an absolute address, not a page path
    ):
        assert not validator.is_valid({**export, "consultations": [broken]})


def test_export_lists_exactly_the_published_consultations_in_slug_order(export: dict[str, Any]) -> None:
    campaigns, _ = check_campaigns(REPO / "campaigns", REPO, TZ)
    expected = sorted(c.slug for c in campaigns if c.data.published <= TODAY)
    assert [c["slug"] for c in export["consultations"]] == expected
    assert example.UNPUBLISHED not in expected  # published in 2026
    by_slug = {c.slug: c for c in campaigns}
    for item in export["consultations"]:
        data = by_slug[item["slug"]].data
        assert (item["title"], item["summary"], item["organizer"]) == (
            data.title,
            data.summary,
            data.organizer,
        )
        assert (item["opens"], item["closes"]) == (data.opens.isoformat(), data.closes.isoformat())
        assert len(item["events"]) == len(data.duty_hours) + len(data.meetings) + 1


def test_open_consultation_facts(by_slug: dict[str, dict[str, Any]]) -> None:
    pwr = by_slug[PWR]
    assert pwr["url"] == f"{SITE}konsultacje/{PWR}/"
    assert (pwr["status"], pwr["days_left"], pwr["opens"], pwr["closes"]) == (
        "open",
        26,
        "2025-08-28",
        "2025-09-26",
    )
    assert (pwr["published"], pwr["updated"], pwr["report"]) == ("2025-08-28", "2025-09-02", None)
    assert pwr["categories"] == ["rodzina", "pomoc społeczna"]
    assert pwr["respond"][1] == {
        "channel": "post",
        "value": "Miejski Ośrodek Pomocy Społecznej, ul. Józefińska 14, 30-529 Kraków",
        "annotation": "KONSULTACJE PWR 2025-2027",
        "note": None,
    }
    assert [e["kind"] for e in pwr["events"]] == ["duty", "duty", "meeting", "duty", "deadline"]
    duty = pwr["events"][0]
    assert (duty["start"], duty["end"], duty["all_day"]) == (
        "2025-08-29T08:00:00+02:00",
        "2025-08-29T11:00:00+02:00",
        False,
    )
    assert duty["modes"] == ["in_person", "phone"] and duty["phones"] == ["12 616 53 21"]
    assert duty["place"] == "ul. Józefińska 14, pok. 210"
    assert duty["uid"].endswith("@konsultacje.mops.example.pl")
    assert duty["ics"] == f"{SITE}kalendarz/wydarzenia/{PWR}/dyzur-1.ics"
    assert duty["url"] == f"{SITE}konsultacje/{PWR}/#wydarzenie-dyzur-1"
    deadline = pwr["events"][-1]
    assert (deadline["start"], deadline["end"], deadline["all_day"]) == ("2025-09-26", "2025-09-27", True)
    assert pwr["calendar"] == f"{SITE}kalendarz/konsultacje/{PWR}.ics"


def test_materials_carry_absolute_urls_formats_and_real_sizes(by_slug: dict[str, dict[str, Any]]) -> None:
    folder = REPO / "campaigns" / PWR / "files"
    materials = by_slug[PWR]["materials"]
    assert [m["format"] for m in materials] == ["PDF", "DOCX", "ODT"]
    for material in materials:
        name = material["url"].rsplit("/", 1)[-1]
        assert material["url"] == f"{SITE}konsultacje/{PWR}/files/{name}"
        assert material["size"] == (folder / name).stat().st_size
        assert material["accessible"] is True
    assert by_slug[example.CONCLUDED_OLD]["materials"][0]["accessible"] is False


def test_report_cancelled_meeting_and_upcoming_status(by_slug: dict[str, dict[str, Any]]) -> None:
    report = by_slug[STRATEGIA]["report"]
    assert by_slug[STRATEGIA]["status"] == "concluded" and by_slug[STRATEGIA]["days_left"] == 0
    assert report["published"] == "2021-10-15" and report["format"] == "PDF"
    assert report["url"] == f"{SITE}konsultacje/{STRATEGIA}/files/raport-z-konsultacji.pdf"
    assert (
        report["size"]
        == (REPO / "campaigns" / STRATEGIA / "files" / "raport-z-konsultacji.pdf").stat().st_size
    )
    piecza = by_slug[PIECZA]
    assert (piecza["status"], piecza["days_left"]) == ("upcoming", 68)
    cancelled = [e for e in piecza["events"] if e["cancelled"]]
    assert [e["key"] for e in cancelled] == ["spotkanie-rodziny-zastepcze"]
    hybrid = next(e for e in piecza["events"] if e["key"] == "spotkanie-hybrydowe")
    assert hybrid["online"] == "https://spotkania.mops.example.pl/piecza-spotkanie"
    assert hybrid["modes"] == ["in_person", "online"]


def test_report_carries_the_table_of_comments(example_site: Path, by_slug: dict[str, dict[str, Any]]) -> None:
    table = by_slug[STRATEGIA]["report"]["comments"]
    assert table["csv"] == f"{SITE}konsultacje/{STRATEGIA}/tabela-uwag.csv"
    assert (example_site / "konsultacje" / STRATEGIA / "tabela-uwag.csv").is_file()
    assert (table["total"], table["submitters"]) == (17, 10)
    assert table["decisions"] == {"uwzględniona": 7, "częściowo uwzględniona": 4, "nieuwzględniona": 4,
                                  "poza zakresem": 2}
    assert [i["number"] for i in table["items"]] == [str(n) for n in range(1, 18)]
    first = table["items"][0]
    assert first == {
        "number": "1", "submitter": "Fundacja Wspólny Dom", "private": False, "part": "Diagnoza, bezdomność",
        "comment": first["comment"], "decision": "uwzględniona", "reason": first["reason"],
    }
    private = [i for i in table["items"] if i["private"]]
    assert [(i["number"], i["submitter"]) for i in private] == [("7", None), ("13", None)]
    assert "Zielińska" not in json.dumps(table, ensure_ascii=False)  # named in the editors' file only
    assert by_slug[PWR]["report"] is None


def test_export_schema_refuses_a_named_private_person(export: dict[str, Any]) -> None:
    validator = Validator(json.loads(export_schema_bytes()))
    consultation = next(c for c in export["consultations"] if c["slug"] == STRATEGIA)
    items = consultation["report"]["comments"]["items"]
    named = {**items[6], "submitter": "Maria Zielińska"}
    broken_table = {**consultation["report"]["comments"], "items": [named, *items[1:]]}
    broken = {**consultation, "report": {**consultation["report"], "comments": broken_table}}
    assert not validator.is_valid({**export, "consultations": [broken]})
    assert validator.is_valid({**export, "consultations": [consultation]})
    wrong = {**items[0], "decision": "odrzucona"}
    table = {**consultation["report"]["comments"], "items": [wrong]}
    assert not validator.is_valid(
        {**export, "consultations": [{**consultation, "report": {**consultation["report"], "comments": table}}]})


def test_export_is_byte_identical_across_rebuilds(example_site: Path, tmp_path: Path) -> None:
    result = build_site(REPO, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    for name in (
        "api/konsultacje.json",
        "schema/export.schema.json",
        "schema/campaign.schema.json",
        "szukaj/indeks.json",
    ):
        assert (tmp_path / "again" / name).read_bytes() == (example_site / name).read_bytes(), name


def test_every_text_is_escaped_safely(tmp_path: Path) -> None:
    nasty = 'Uwagi </script><script>alert("x")</script> & „cudzysłów” \\ koniec'
    yml = VALID_YML.replace("title: Program Wspierania Rodziny 2025–2027", f"title: '{nasty}'")
    yml = yml.replace("summary: Zbieramy uwagi do projektu programu.", 'summary: "Zdanie\\Ldrugie"')  # U+2028
    write_campaign(tmp_path, yml)
    campaigns, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert campaigns, problems
    settings = _settings(tmp_path)
    raw = json_bytes(export_data(published_campaigns(campaigns, settings), settings), indent=1)
    text = raw.decode("utf-8")
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    item = json.loads(text)["consultations"][0]
    assert (item["title"], item["summary"]) == (nasty, "Zdanie\u2028drugie")
    assert "„cudzysłów”" in text  # Polish text stays readable


# ---------------------------------------------------------------- the JSON Schema of campaign.yml


@pytest.fixture(scope="module")
def campaign_validator() -> Callable[[Any], list[str]]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["schema"]) == 0
    schema = json.loads(out.getvalue())
    Validator.check_schema(schema)
    validator = Validator(schema, format_checker=Validator.FORMAT_CHECKER)
    return lambda data: [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", sorted(REPO.glob("campaigns/*/campaign.yml")), ids=lambda p: p.parent.name)
def test_consult_schema_accepts_every_example_campaign(
    path: Path, campaign_validator: Callable[[Any], list[str]]
) -> None:
    doc, problems = parse_yaml(path.read_bytes(), path.name)
    assert doc is not None and not problems
    assert campaign_validator(doc.data) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("title"),
        lambda d: d.update(titel="literówka"),
        lambda d: d.update(closes="26.09.2025"),
        lambda d: d["respond"][0].update(channel="telegram"),
        lambda d: d.update(duty_hours=[{"date": "2025-09-02", "time": "12:00-15:00", "mode": "teleport"}]),
        lambda d: d.update(duty_hours=[{"date": "2025-09-02", "time": "12:00-15:00", "mode": []}]),
        lambda d: d.update(materials=[{"title": "Formularz", "file": "files/f.docx", "accessible": "może"}]),
    ],
)
def test_consult_schema_and_consult_check_both_reject(
    change: Callable[[dict[str, Any]], Any], tmp_path: Path, campaign_validator: Callable[[Any], list[str]]
) -> None:
    doc, _ = parse_yaml(VALID_YML.encode(), "campaign.yml")
    assert doc is not None and campaign_validator(doc.data) == []
    data = json.loads(json.dumps(doc.data))
    change(data)
    assert campaign_validator(data) != []
    write_campaign(tmp_path, json.dumps(data, ensure_ascii=False), files={"files/f.docx": b"x"})
    _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert any(p.severity.value == "error" for p in problems)


def test_single_values_and_text_booleans_pass_both(
    tmp_path: Path, campaign_validator: Callable[[Any], list[str]]
) -> None:
    yml = VALID_YML + (
        "duty_hours:\n  - date: 2025-09-02\n    time: 12:00-15:00\n    mode: phone\n    phone: 126165321\n"
        "materials:\n  - title: Formularz\n    file: files/f.docx\n    accessible: nie\n"
    )
    doc, _ = parse_yaml(yml.encode(), "campaign.yml")
    assert doc is not None and campaign_validator(doc.data) == []
    write_campaign(tmp_path, yml, files={"files/f.docx": b"x"})
    campaigns, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert campaigns and not [p for p in problems if p.severity.value == "error"]
    # Editors' YAML tools read `phone: 126165321` as a number and `accessible: false` as a boolean.
    typed = json.loads(json.dumps(doc.data))
    typed["duty_hours"][0]["phone"] = 126165321
    typed["materials"][0]["accessible"] = False
    assert campaign_validator(typed) == []


def test_legal_basis_privacy_notice_and_meeting_documents(example_site: Path, by_slug: dict[str, dict[str, Any]]) -> None:
    pwr = by_slug[PWR]
    assert pwr["legal_basis"]["url"] == "https://www.bip.krakow.pl/?dok_id=167"
    assert pwr["legal_basis"]["text"].startswith("Art. 5 ust. 5 ustawy o działalności pożytku publicznego")
    assert by_slug[PIECZA]["legal_basis"] == {
        "text": "Uchwała NR CXI/1510/10 Rady Miasta Krakowa z dnia 6 października 2010 r. w sprawie trybu konsultacji",
        "url": None,
    }
    assert by_slug[example.CONCLUDED_OLD]["legal_basis"] is None
    # The site's notice, as an address, for every consultation.
    assert {c["privacy_notice"] for c in by_slug.values()} == {SITE + "ochrona-danych/"}
    assert (example_site / "ochrona-danych" / "index.html").is_file()
    meeting = next(e for e in pwr["events"] if e["key"] == "spotkanie-otwarte")
    folder = REPO / "campaigns" / PWR / "files"
    assert [(m["title"], m["url"], m["format"], m["size"]) for m in meeting["materials"]] == [
        (title, f"{SITE}konsultacje/{PWR}/files/{name}", "PDF", (folder / name).stat().st_size)
        for title, name in (("Prezentacja projektu programu", "spotkanie-2025-09-04-prezentacja.pdf"),
                            ("Protokół ze spotkania", "spotkanie-2025-09-04-protokol.pdf"))
    ]
    for name in ("spotkanie-2025-09-04-prezentacja.pdf", "spotkanie-2025-09-04-protokol.pdf"):  # copied with the site
        assert (example_site / "konsultacje" / PWR / "files" / name).read_bytes() == (folder / name).read_bytes()
    assert all(e["materials"] == [] for e in pwr["events"] if e["key"] != "spotkanie-otwarte")
