"""Interface words and Babel formatting: plural forms, dates, deadlines and sizes in Polish and English."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest
from babel import Locale

from generator.i18n import WORDS, Translator, translator
from generator.language import is_english, site_language, words_language

PL = translator("pl")
EN = translator("en")


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "został 1 dzień"),
        (2, "zostały 2 dni"),
        (3, "zostały 3 dni"),
        (4, "zostały 4 dni"),
        (5, "zostało 5 dni"),
        (12, "zostało 12 dni"),
        (14, "zostało 14 dni"),
        (21, "zostało 21 dni"),
        (22, "zostały 22 dni"),
        (25, "zostało 25 dni"),
        (104, "zostały 104 dni"),
        (112, "zostało 112 dni"),
    ],
)
def test_polish_plural_forms_of_days_left(n: int, text: str) -> None:
    assert PL.plural("days_left", n) == text


@pytest.mark.parametrize(("n", "text"), [(1, "1 day left"), (2, "2 days left"), (22, "22 days left")])
def test_english_plural_forms_of_days_left(n: int, text: str) -> None:
    assert EN.plural("days_left", n) == text


def test_days_left_says_last_day_and_passed_in_words() -> None:
    assert PL.days_left(3) == "zostały 3 dni"
    assert PL.days_left(1) == "dziś ostatni dzień na zgłoszenie uwag"
    assert PL.days_left(0) == "termin minął"
    assert EN.days_left(1) == "today is the last day to respond"
    assert EN.days_left(5) == "5 days left"


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 8, 25), "w poniedziałek, 25 sierpnia 2025 r."),
        (dt.date(2025, 9, 2), "we wtorek, 2 września 2025 r."),
        (dt.date(2025, 9, 3), "w środę, 3 września 2025 r."),
        (dt.date(2025, 8, 28), "w czwartek, 28 sierpnia 2025 r."),
        (dt.date(2025, 8, 29), "w piątek, 29 sierpnia 2025 r."),
        (dt.date(2025, 8, 30), "w sobotę, 30 sierpnia 2025 r."),
        (dt.date(2025, 8, 31), "w niedzielę, 31 sierpnia 2025 r."),
    ],
)
def test_polish_date_with_weekday_uses_the_accusative(day: dt.date, text: str) -> None:
    assert PL.date_on_weekday(day) == text


def test_dates_in_both_languages() -> None:
    day = dt.date(2025, 8, 29)
    assert PL.date(day) == "29 sierpnia 2025 r."
    assert PL.date_weekday(day) == "piątek, 29 sierpnia 2025 r."
    assert PL.date_short(day) == "29 sierpnia"
    assert EN.date(day) == "29 August 2025"
    assert EN.date_weekday(day) == "Friday, 29 August 2025"
    assert EN.date_on_weekday(day) == "on Friday, 29 August 2025"


def test_deadline_is_unambiguous() -> None:
    day = dt.date(2025, 9, 26)
    assert PL.deadline(day) == "do 26 września 2025 r. (piątek), do końca dnia"
    assert EN.deadline(day) == "by 26 September 2025 (Friday), end of day"


def test_times_and_lists() -> None:
    assert PL.time_range(dt.time(16, 0), dt.time(18, 0)) == "16:00–18:00"
    assert PL.join(["stacjonarnie", "telefonicznie"]) == "stacjonarnie i telefonicznie"
    assert EN.join(["in person", "by phone", "online"]) == "in person, by phone, and online"


@pytest.mark.parametrize(
    ("size", "pl", "en"),
    [
        (839, "839 B", "839 B"),
        (1060, "1,1 kB", "1.1 kB"),
        (45_000, "45 kB", "45 kB"),
        (45_499, "45 kB", "45 kB"),
        (2_400_000, "2,4 MB", "2.4 MB"),
    ],
)
def test_file_sizes(size: int, pl: str, en: str) -> None:
    assert PL.size(size) == pl
    assert EN.size(size) == en


def test_every_word_exists_in_both_languages_with_the_plural_forms_each_needs() -> None:
    assert set(WORDS["pl"]) == set(WORDS["en"])
    for language in WORDS:
        locale = Locale.parse(language)
        for key, value in WORDS[language].items():
            if isinstance(value, dict):
                needed = {locale.plural_form(n) for n in range(0, 200)}
                assert needed <= set(value), (language, key)


def _placeholders(value: object) -> set[str]:
    texts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(str(text)) if name}


def test_every_word_has_the_same_placeholders_in_both_languages() -> None:
    for key, value in WORDS["pl"].items():
        assert _placeholders(value) == _placeholders(WORDS["en"][key]), key


# Modules whose string literals may carry Polish words because no resident reads them as the
# site's interface. Everything else a resident sees is in i18n.py, so an English site says it
# in English; editors' messages are in source/messages.py.
POLISH_ALLOWED = {
    "i18n.py": "the words themselves",
    "source/messages.py": "editors' messages, in Polish and English",
    "source/errors.py": "the labels of editors' messages (warning, how to fix)",
    "cli.py": "the consult command's help and questions, for editors",
    "newsite/scaffold.py": "the starter consultation written into a new site's repository, Polish by design",
    "newsite/siteconfig.py": "the starter mkdocs.yml of a new site, Polish by design",
    "options.py": "the example organisation's Polish legal name and an editors' example",
    "source/comments.py": "the columns and decisions of the editors' comments table, and Polish name words",
    "source/model.py": "values editors write in campaign.yml (decisions) and Polish examples in the schema",
    "source/statement.py": "values editors write in mkdocs.yml for the accessibility statement",
    "search.py": "a letter the search folds when it reads Polish text",
}
POLISH_LETTERS = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def _polish_literals(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out, that contain a Polish letter."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        f"{path.relative_to(GENERATOR)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and POLISH_LETTERS.search(node.value)
    ]


def test_every_polish_word_a_resident_sees_is_in_i18n() -> None:
    found = [
        line
        for path in sorted(GENERATOR.rglob("*.py"))
        if path.relative_to(GENERATOR).as_posix() not in POLISH_ALLOWED
        for line in _polish_literals(path)
    ]
    assert not found, "Polish words outside i18n.py (move them into WORDS):\n" + "\n".join(found)


def test_every_module_allowed_polish_words_still_has_some() -> None:
    # An entry that no longer needs the exception would let new words slip in unnoticed.
    for name in POLISH_ALLOWED:
        assert _polish_literals(GENERATOR / name), name


def test_unknown_language_falls_back_to_english_words() -> None:
    other = translator("xx")
    assert other("section.duty") == "Expert duty hours"
    assert other.days_left(3) == "3 days left"


def test_file_types_are_spelled_out() -> None:
    assert PL.file_type("docx") == "dokument Microsoft Word"
    assert EN.file_type("PDF") == "PDF document"
    assert PL.file_type("XYZ") == ""


@pytest.mark.parametrize("language", ["pl", "en", "de", "uk", "cs"])
def test_dates_and_weekdays_are_babels_for_every_day_of_many_years(language: str) -> None:
    # The translator formats dates from the locale's names instead of calling Babel each time.
    from babel.dates import format_date

    t = Translator(language)
    day = dt.date(1999, 12, 25)
    while day < dt.date(2041, 1, 7):
        assert t.day_month_year(day) == format_date(day, "d MMMM y", locale=t.locale)
        assert t.date_short(day) == format_date(day, "d MMMM", locale=t.locale)
        assert t.weekday(day) == format_date(day, "EEEE", locale=t.locale)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("written", "site", "words"),
    [("pl", "pl", "pl"), ("EN", "en", "en"), (" en_GB ", "en-GB", "en"), ("PL-pl", "pl-pl", "pl"),
     ("de", "de", "en"), ("", "pl", "pl"), (None, "pl", "pl")],
)
def test_the_language_is_decided_once_whatever_its_case(written: object, site: str, words: str) -> None:
    assert site_language(written) == site
    assert words_language(site) == words == translator(site).word_language
    assert is_english(site) is (words == "en")


@pytest.mark.parametrize("language", ["pl", "en", "EN", "en-GB"])
def test_times_of_day_are_24_hour_in_every_language(language: str) -> None:
    t = translator(language)
    assert t.time(dt.time(14, 0)) == "14:00"
    assert t.time_range(dt.time(9, 5), dt.time(17, 30)) == "09:05–17:30"
