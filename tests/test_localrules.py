"""The site's local rules: each shortfall a warning with its fix, as of the build day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.source.check import check_campaigns
from generator.source.errors import Problem, Severity
from generator.source.localrules import LocalRules

from .conftest import TZ, VALID_YML, write_campaign

KRAKOW = LocalRules(min_days=21, min_ways_to_respond=2, meeting_or_duty_hours=True, report_within_days=30)
TWO_WAYS = VALID_YML + "  - channel: post\n    value: ul. Józefińska 14, 30-529 Kraków\n"
DUTY = "duty_hours:\n  - date: 2025-09-02\n    time: 10:00-12:00\n    mode: phone\n    phone: 12 616 54 20\n"


def rule_check(tmp_path: Path, yml: str, today: dt.date = dt.date(2025, 9, 1),
               rules: LocalRules = KRAKOW) -> list[Problem]:
    write_campaign(tmp_path, yml)
    _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ, rules=rules, today=today)
    return problems


def found(problems: list[Problem]) -> list[tuple[str, int | None, str | None]]:
    assert all(p.severity is Severity.WARNING for p in problems)
    return [(p.code, p.line, p.field) for p in problems]


def test_a_consultation_that_keeps_every_rule_has_no_warning(tmp_path: Path) -> None:
    assert rule_check(tmp_path, TWO_WAYS + DUTY) == []


def test_each_shortfall_is_a_warning_with_its_fix(tmp_path: Path) -> None:
    short = VALID_YML.replace("closes: 2025-09-26", "closes: 2025-09-10")
    problems = rule_check(tmp_path, short)
    assert found(problems) == [  # sorted by line; the missing field has none
        ("no_meeting_or_duty_hours", None, "meetings"),
        ("short_consultation", 6, "closes"),
        ("few_ways_to_respond", 7, "respond"),
    ]
    messages = {p.code: p.message("pl") for p in problems}
    assert messages["short_consultation"][0] == "konsultacje trwają 14 dni; zasady wymagają co najmniej 21"
    assert messages["short_consultation"][1].startswith("przesuń `closes` na 2025-09-17")
    assert messages["few_ways_to_respond"][0] == "sposobów zgłaszania uwag: 1; zasady wymagają co najmniej 2"
    assert messages["no_meeting_or_duty_hours"][0] == (
        "zasady wymagają otwartego spotkania albo dyżuru eksperta, a nie zaplanowano żadnego")


def test_two_addresses_of_one_channel_are_one_way(tmp_path: Path) -> None:
    yml = VALID_YML + "  - channel: email\n    value: sr@mops.krakow.pl\n" + DUTY
    assert found(rule_check(tmp_path, yml)) == [("few_ways_to_respond", 7, "respond")]


def test_the_report_falls_due_and_stays_a_warning_until_it_is_published(tmp_path: Path) -> None:
    yml = TWO_WAYS + DUTY
    assert rule_check(tmp_path / "a", yml, dt.date(2025, 10, 26)) == []  # due on 26 October: not late yet
    late = rule_check(tmp_path / "b", yml, dt.date(2025, 11, 5))
    assert found(late) == [("report_overdue", 6, "closes")]
    assert late[0].message("pl")[0] == (
        "raport z konsultacji miał być opublikowany do 2025-10-26 (30 dni po zamknięciu 2025-09-26); spóźnienie: 10 dni"
    )
    announced = yml + "report:\n  published: 2025-11-20\n  summary: Wpłynęło 5 uwag.\n"
    assert found(rule_check(tmp_path / "c", announced, dt.date(2025, 11, 5))) == [("report_overdue", 17, "report")]
    assert rule_check(tmp_path / "d", announced, dt.date(2025, 11, 20)) == []  # published: no more warning


def test_accept_warnings_silences_a_reviewed_shortfall(tmp_path: Path) -> None:
    yml = VALID_YML + "accept_warnings: [few_ways_to_respond, no_meeting_or_duty_hours, report_overdue]\n"
    assert rule_check(tmp_path, yml, dt.date(2026, 1, 1)) == []


def test_without_site_rules_only_the_21_days_apply(tmp_path: Path) -> None:
    short = VALID_YML.replace("closes: 2025-09-26", "closes: 2025-09-10")
    assert found(rule_check(tmp_path, short, rules=LocalRules())) == [("short_consultation", 6, "closes")]
