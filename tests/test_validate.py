"""Validation rules: each problem names the file, line, field, what is wrong and the fix."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.source.errors import Problem, Severity, format_text

from .conftest import VALID_YML

Check = Callable[..., list[Problem]]


def codes(problems: list[Problem]) -> list[tuple[str, int | None, str | None]]:
    return [(p.code, p.line, p.field) for p in problems]


def test_valid_campaign_has_no_problems(check: Check) -> None:
    assert check() == []


def test_times_written_without_quotes_or_with_en_dash_are_ranges(check: Check) -> None:
    yml = VALID_YML + (
        "duty_hours:\n"
        "  - date: 2025-08-29\n    time: 16:00-18:00\n    mode: phone\n    phone: 12 616 53 21\n"
        "  - date: 2025-08-30\n    time: 9:00-12:00\n    mode: phone\n    phone: 12 616 53 21\n"
        '  - date: 2025-08-31\n    time: "10:00–12:00"\n    mode: phone\n    phone: 12 616 53 21\n'
    )
    assert check(yml) == []


def test_yes_and_no_in_text_fields_are_text(check: Check) -> None:
    assert check(VALID_YML + "accessibility: no\ncategories: [yes, on]\n") == []


def test_missing_required_field(check: Check) -> None:
    problems = check(VALID_YML.replace("organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie\n", ""))
    assert codes(problems) == [("missing", None, "organizer")]
    text = format_text(problems[0], "pl")
    assert text.startswith("campaigns/program-testowy/campaign.yml: organizer: brak wymaganego pola „organizer”")
    assert "Jak poprawić: dodaj je, np. organizer: Miejski Ośrodek" in text


def test_unknown_field_suggests_the_right_name(check: Check) -> None:
    problems = check(VALID_YML + "closess: 2025-09-30\n")
    assert codes(problems) == [("unknown_field_suggest", 10, "closess")]
    assert format_text(problems[0], "en").endswith("How to fix: rename the field to 'closes'")


def test_impossible_date(check: Check) -> None:
    problems = check(VALID_YML.replace("closes: 2025-09-26", "closes: 2025-02-30"))
    assert codes(problems) == [("cx_date_impossible", 6, "closes")]


def test_closes_before_opens(check: Check) -> None:
    problems = check(VALID_YML.replace("closes: 2025-09-26", "closes: 2025-08-01"))
    assert codes(problems) == [("closes_before_opens", 6, "closes")]
    assert "„closes” (2025-08-01) jest wcześniejszy niż „opens” (2025-08-28)" in format_text(problems[0])


@pytest.mark.parametrize(
    ("time", "code"),
    [("18:00-16:00", "cx_time_reversed"), ("25:00-26:00", "cx_time_impossible"), ("rano", "cx_time_range")],
)
def test_bad_time_ranges(check: Check, time: str, code: str) -> None:
    yml = VALID_YML + f"duty_hours:\n  - date: 2025-08-29\n    time: {time}\n    mode: phone\n    phone: 12 616 53 21\n"
    assert codes(check(yml)) == [(code, 12, "duty_hours[1].time")]


def test_in_person_duty_hour_needs_a_place(check: Check) -> None:
    yml = VALID_YML + "duty_hours:\n  - date: 2025-08-29\n    time: 8:00-11:00\n    mode: in_person\n"
    assert codes(check(yml)) == [("place_required", 11, "duty_hours[1]")]


def test_wrong_mode_lists_allowed_values(check: Check) -> None:
    yml = VALID_YML + "duty_hours:\n  - date: 2025-08-29\n    time: 8:00-11:00\n    mode: telefon\n    phone: 1234567\n"
    problems = check(yml)
    assert codes(problems) == [("choice", 13, "duty_hours[1].mode[1]")]
    assert "phone, in_person, online" in format_text(problems[0])


def test_material_file_must_exist_and_stay_inside(check: Check) -> None:
    yml = VALID_YML + (
        "materials:\n"
        "  - title: A\n    file: files/brak.pdf\n"
        "  - title: B\n    file: ../../etc/passwd\n"
        "  - title: C\n    file: /etc/passwd\n"
        "  - title: D\n    file: files/a.pdf\n    url: https://example.pl/a.pdf\n"
    )
    problems = check(yml, files={"files/a.pdf": b"%PDF-1.4"})
    assert codes(problems) == [
        ("file_missing", 12, "materials[1].file"),
        ("file_outside", 14, "materials[2].file"),
        ("file_outside", 16, "materials[3].file"),
        ("file_xor_url", 17, "materials[4]"),
    ]


def test_url_schemes_other_than_http_and_mailto_are_refused(check: Check) -> None:
    problems = check(VALID_YML + "materials:\n  - title: A\n    url: javascript:alert(1)\n")
    assert codes(problems) == [("cx_url", 12, "materials[1].url")]


def test_warnings_do_not_stop_but_are_reported(check: Check) -> None:
    problems = check(VALID_YML.replace("closes: 2025-09-26", "closes: 2025-09-05"))
    assert codes(problems) == [("short_consultation", 6, "closes")]
    assert problems[0].severity is Severity.WARNING


def test_nonexistent_local_time_is_an_error_and_ambiguous_a_warning(check: Check) -> None:
    yml = VALID_YML.replace("2025-08-28", "2025-03-01").replace("2025-09-26", "2025-11-30") + (
        "meetings:\n"
        "  - title: Wiosna\n    date: 2025-03-30\n    time: 2:30-3:30\n    place: Sala\n"
        "  - title: Jesień\n    date: 2025-10-26\n    time: 2:30-3:30\n    place: Sala\n"
    )
    found = [(p.code, p.severity) for p in check(yml)]
    assert ("time_nonexistent", Severity.ERROR) in found
    assert ("time_ambiguous", Severity.WARNING) in found


def test_invalid_slug_suggests_a_folder_name(check: Check) -> None:
    problems = check(slug="Program Rodzina 2025")
    assert [(p.code, p.params["suggestion"]) for p in problems] == [("slug_invalid", "program-rodzina-2025")]


def test_missing_index_and_empty_file(check: Check) -> None:
    assert codes(check(index=None)) == [("index_missing", None, None)]
    # An empty campaign.yml stops at one problem on its first line, not a cascade of missing fields.
    for empty in ("", "\n\n", "# tylko komentarz\n", "---\n"):
        problems = check(empty)
        assert codes(problems) == [("empty_file", 1, None)], repr(empty)
        assert problems[0].path.endswith("campaign.yml") and problems[0].severity is Severity.ERROR
    for empty in ("", "\n  \n"):
        problems = check(index=empty)
        assert [p.code for p in problems] == ["index_empty"], repr(empty)
        assert problems[0].path.endswith("index.md")


def test_all_problems_of_a_file_are_reported_together(check: Check) -> None:
    yml = "title: \nsummary: [a, b]\norganizer: X\npublished: 2025-13-01\nopens: wczoraj\ncloses: 2025-09-26\n"
    found = {(p.code, p.field) for p in check(yml)}
    assert {("cx_empty", "title"), ("cx_text", "summary"), ("cx_date_impossible", "published"),
            ("cx_date", "opens")} <= found
