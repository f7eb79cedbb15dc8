"""The report's table of comments read from a clerk's CSV: the formats spreadsheets write, line and
column numbers, the personal-name rule, and the published copy without names."""

from __future__ import annotations

import pytest

from generator.source.comments import looks_like_person, public_csv, read_comments
from generator.source.errors import Problem, Severity, format_text
from generator.source.model import CommentTable, Decision

PATH = "campaigns/x/files/uwagi.csv"
HEADER = "nr;zgłaszający;rodzaj;część dokumentu;uwaga;rozstrzygnięcie;uzasadnienie"
ROWS = [
    "1;Fundacja Wspólny Dom;;Cel 1;Dodać dane.;uwzględniona;",
    "2;Jan Kowalski;osoba prywatna;Cel 2;Krócej.;nieuwzględniona;Nie na tym etapie.",
]


def read(text: str | bytes) -> tuple[CommentTable | None, list[Problem]]:
    problems: list[Problem] = []
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_comments(data, PATH, "files/uwagi.csv", problems), problems


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Anna Nowak", True),
        ("Anna  Nowak-Wiśniewska", True),
        ("Łukasz Żak", True),
        ("Fundacja Dzieciom", False),
        ("Stowarzyszenie Gniazdo", False),
        ("Caritas Polska", False),
        ("Rada Seniorów", False),
        ("Parafia Mariacka", False),
        ("Klub Seniora", False),
        ("Ośrodek Interwencji", False),
        ("Spółdzielnia Razem", False),
        ("Anna", False),
        ("Anna Maria Nowak", False),  # three words: not the simple rule's shape
        ("MOPS Kraków", False),
        ("anna nowak", False),
    ],
)
def test_the_personal_name_rule(name: str, person: bool) -> None:
    assert looks_like_person(name) is person


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("semicolons, BOM, CRLF (Polish Excel 'CSV UTF-8')", "\ufeff" + "\r\n".join([HEADER, *ROWS]) + "\r\n"),
        ("commas, no BOM", "\n".join([HEADER.replace(";", ","), *(r.replace(";", ",") for r in ROWS)])),
        ("tabs", "\n".join([HEADER.replace(";", "\t"), *(r.replace(";", "\t") for r in ROWS)])),
        ("headers without Polish letters, any case", "\n".join(
            ["Nr;Zglaszajacy;RODZAJ;Czesc dokumentu;Uwaga;Rozstrzygniecie;Uzasadnienie", *ROWS])),
    ],
)
def test_the_formats_spreadsheets_write_are_read_alike(label: str, text: str) -> None:
    table, problems = read(text)
    assert problems == [], label
    assert table is not None
    assert [(c.number, c.submitter, c.decision) for c in table.comments] == [
        ("1", "Fundacja Wspólny Dom", Decision.ACCEPTED),
        ("2", None, Decision.REJECTED),
    ]


def test_a_cell_over_several_lines_keeps_later_line_numbers_right() -> None:
    text = "\n".join([HEADER, '1;Fundacja A;;Cel 1;"Pierwszy akapit.\nDrugi akapit.";uwzględniona;',
                      "2;Fundacja B;;Cel 2;Tekst.;odrzucona;Bo."])
    table, problems = read(text)
    assert table is None
    assert [format_text(p) for p in problems] == [
        f"{PATH}:4:6: rozstrzygnięcie: nieznane rozstrzygnięcie „odrzucona”\n"
        "  Jak poprawić: wpisz jedno z: uwzględniona, częściowo uwzględniona, nieuwzględniona, poza zakresem"
    ]


def test_every_problem_of_a_table_is_reported_at_once() -> None:
    text = "\n".join([HEADER, "1;Fundacja A;;;Tekst.;uwzgledniona;", "2;Fundacja B;;Cel;Tekst.;nieuwzględniona;",
                      "3;Anna Nowak;;Cel;Tekst.;uwzględniona;"])
    _, problems = read(text)
    assert [(p.code, p.line, p.column, p.severity) for p in problems] == [
        ("csv_value_missing", 2, 4, Severity.ERROR),
        ("csv_reason_missing", 3, 7, Severity.ERROR),
        ("csv_personal_name", 4, 2, Severity.WARNING),
    ]


def test_windows_1250_is_named_with_its_fix() -> None:
    _, problems = read("\n".join([HEADER, *ROWS]).encode("cp1250"))
    assert [format_text(p, "en") for p in problems] == [
        f"{PATH}:1: the file is saved as Windows-1250, not UTF-8 (Polish letters would be garbled)\n"
        "  How to fix: save the file as CSV UTF-8 (in Excel: File → Save As → 'CSV UTF-8 (Comma delimited)')"
    ]


def test_an_unmarked_personal_name_is_published_as_a_private_person() -> None:
    table, problems = read("\n".join([HEADER, "1;Anna Nowak;;Cel;Tekst.;uwzględniona;",
                                      "2;Przystań Krakowska;organizacja;Cel;Tekst.;uwzględniona;"]))
    assert [p.code for p in problems] == ["csv_personal_name"]
    assert table is not None
    assert [c.submitter for c in table.comments] == [None, "Przystań Krakowska"]


def test_the_published_copy_names_no_private_person_and_reads_back() -> None:
    table, _ = read("\n".join([HEADER, *ROWS]))
    assert table is not None
    data = public_csv(table)
    assert b"Kowalski" not in data
    again, problems = read(data)
    assert problems == []
    assert again is not None
    assert [(c.submitter, c.decision) for c in again.comments] == [
        ("Fundacja Wspólny Dom", Decision.ACCEPTED), (None, Decision.REJECTED)]
    assert (again.submitters, table.submitters) == (2, 2)
