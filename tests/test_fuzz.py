"""Fuzzing: whatever an editor writes, only reported problems come out, never an exception.

Hypothesis writes campaign.yml documents (valid ones, valid ones with a few fields changed to
anything, arbitrary YAML, arbitrary text and bytes), announcement headers and plugin options.
Each goes through the real reading and checking code; every problem must be one with a
message in both languages, a location inside the file and no Python words; a campaign that
passes is then rendered by every stage of the generator, which must not fail either.

FUZZ_EXAMPLES sets the number of examples per test (default 300; CI's fuzz job uses more).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.options import OPTION_DEFAULTS, Organisation, Settings, check_options
from generator.pipeline import generate_site
from generator.source.errors import Problem, Severity, format_text
from generator.source.load import load_campaign
from generator.source.messages import message_codes, render_message
from generator.source.validate import validate_campaign
from generator.source.yamlsource import parse_yaml

from .conftest import TODAY, TZ

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CODES = set(message_codes())
PYTHON_WORDS = re.compile(r"Traceback|<class |NoneType|object at 0x|\bdict\b|\bstr\b|\bint\b|pydantic|_type\b")

VALID: dict[str, Any] = {
    "title": "Program Wspierania Rodziny 2025–2027",
    "summary": "Zbieramy uwagi do projektu programu.",
    "organizer": "Miejski Ośrodek Pomocy Społecznej w Krakowie",
    "published": "2025-08-28",
    "updated": "2025-09-02",
    "opens": "2025-08-28",
    "closes": "2025-09-26",
    "categories": ["rodzina", "pomoc społeczna"],
    "audience": "Organizacje pozarządowe",
    "respond": [{"channel": "email", "value": "dm@mops.krakow.pl"},
                {"channel": "post", "value": "ul. Józefińska 14", "annotation": "KONSULTACJE"}],
    "duty_hours": [{"date": "2025-09-01", "time": "9:00-12:00", "mode": ["phone", "in_person"],
                    "place": "pok. 210", "phone": ["12 616 53 21"]},
                   {"id": "dyzur-online", "date": "2025-09-03", "time": "16:00–18:00", "mode": "online",
                    "online": "https://spotkania.example.pl/a"}],
    "meetings": [{"title": "Spotkanie otwarte", "date": "2025-09-04", "time": "16:00-18:00",
                  "place": "ul. Józefińska 14", "online": "https://spotkania.example.pl/b"},
                 {"title": "Spotkanie odwołane", "date": "2025-09-05", "time": "10:00-11:00",
                  "place": "Sala 1", "status": "cancelled"}],
    "materials": [{"title": "Formularz", "file": "files/formularz.docx"},
                  {"title": "Projekt", "url": "https://www.example.pl/projekt.pdf", "accessible": "false"}],
    "phases": [{"title": "Zbieranie uwag", "start": "2025-08-28", "end": "2025-09-26"}],
    "report": {"published": "2025-10-30", "summary": "Wpłynęło 12 uwag.", "file": "files/raport.pdf"},
    "accessibility": "Budynek bez barier.",
    "contact": {"name": "Dział Strategii", "email": "sr@mops.krakow.pl", "phone": "12 616 54 20"},
    "publisher": {"prepared_by": "Dział Strategii", "published_by": "Jan Kowalski"},
    "changes": [{"date": "2025-09-02", "summary": "Dodano spotkanie online."}],
    "accept_warnings": ["report_before_closes"],
}

# Values editors might plausibly write, right or wrong, and values nobody would.
DATES = st.one_of(st.dates(min_value=dt.date(1, 1, 1)).map(str), st.dates(dt.date(1990, 1, 1), dt.date(2199, 12, 31)).map(str),
                  st.from_regex(r"\A\d{1,5}-\d{1,2}-\d{1,2}\Z"), st.sampled_from(["2025-02-29", "2024-02-29", "28.08.2025"]))
TIMES = st.one_of(st.from_regex(r"\A\d{1,2}[:.]\d{2}\s?[-–—]\s?\d{1,2}[:.]\d{2}\Z"),
                  st.sampled_from(["16:00", "960", "02:30-03:30", "23:00-24:00", "24:00-25:00", "9-12"]))
ADDRESSES = st.one_of(
    st.builds(lambda scheme, rest: scheme + rest,
              st.sampled_from(["https://", "http://", "mailto:", "javascript:", "data:", "ftp://", "HTTPS://", "", "//"]),
              st.text(max_size=30)),
    st.emails().map(str),
)
TEXT = st.one_of(st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=10),
                 st.sampled_from(["<script>alert(1)</script>", "a\nb", " ", "\t", "~", "null", "yes", "no", "…"]))
SCALARS = st.one_of(TEXT, DATES, TIMES, ADDRESSES, st.integers().map(str), st.none(),
                    st.sampled_from(["email", "phone", "in_person", "online", "cancelled", "true", "nie"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                      max_leaves=12)
KEYS = st.one_of(st.sampled_from(sorted({k for v in VALID.values() if isinstance(v, list | dict)
                                         for item in (v if isinstance(v, list) else [v]) if isinstance(item, dict)
                                         for k in item} | set(VALID))),
                 st.text(max_size=12))


@st.composite
def mutated_campaigns(draw: st.DrawFn) -> dict[str, Any]:
    """The valid campaign with a few changes: a value replaced, a key added or removed."""
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(0, 4))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        parent, key = _locate(data, path)
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[key] = draw(VALUES)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(VALUES)
        else:
            parent.append(draw(VALUES))
    return data


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        yield prefix + (key,)
        yield from _paths(value, prefix + (key,))


def _locate(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    for key in path[:-1]:
        data = data[key]
    return data, path[-1]


def dump(data: Any, style: str | None) -> bytes:
    """YAML as editors write it: block style, flow style or everything quoted."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=style == "flow",
                          default_style='"' if style == "quoted" else None, width=100)
    return text.encode("utf-8", "surrogatepass")


DOCUMENTS = st.one_of(
    st.tuples(mutated_campaigns(), st.sampled_from([None, "flow", "quoted"])).map(lambda t: dump(*t)),
    st.tuples(VALUES, st.sampled_from([None, "flow"])).map(lambda t: dump(*t)),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)


@st.composite
def edited_text(draw: st.DrawFn) -> bytes:
    """A valid campaign.yml as typed, with characters inserted, deleted or swapped anywhere."""
    text = dump(VALID, None).decode()
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "indent"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(list(":-[]{}'\"#&*!|>%@`\t\n ,?") + ["\ufeff", "\x00", "  "])) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        else:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + draw(st.sampled_from(["  ", "\t", " "])) + text[start:]
    return text.encode("utf-8", "surrogatepass")


# Any text validation accepts: no C0 control characters but tab and new line.
VALID_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0xFFFE, 0xFFFF])), min_size=1, max_size=50
).filter(str.strip) | st.sampled_from(['<script>alert("x")</script>', "A & B; C, D\\E", "line\nbreak", "]]>", "{{ x }}",
                                        "{% raw %}", "--> <!--", "\u202e\u200b", "BEGIN:VEVENT"])
TEXT_PATHS = [("title",), ("summary",), ("organizer",), ("audience",), ("categories", 0), ("categories", 1),
              ("respond", 1, "value"), ("respond", 1, "annotation"), ("duty_hours", 0, "place"),
              ("meetings", 0, "title"), ("meetings", 0, "place"), ("meetings", 1, "title"),
              ("materials", 0, "title"), ("materials", 1, "title"), ("phases", 0, "title"), ("report", "summary"),
              ("accessibility",), ("contact", "name"), ("publisher", "prepared_by"), ("changes", 0, "summary")]


@st.composite
def campaigns_with_any_text(draw: st.DrawFn) -> dict[str, Any]:
    """The valid campaign with any valid text in its text fields: it must pass and render."""
    data = copy.deepcopy(VALID)
    for path in TEXT_PATHS:
        if draw(st.booleans()):
            parent, key = _locate(data, path)
            parent[key] = draw(VALID_TEXT)
    return data


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """One campaign folder reused by every example (hypothesis runs them one after another)."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    campaign = root / "campaigns" / "program-testowy"
    (campaign / "files").mkdir(parents=True)
    (campaign / "files" / "formularz.docx").write_bytes(b"PK\x03\x04 formularz")
    (campaign / "files" / "raport.pdf").write_bytes(b"%PDF-1.4 raport")
    (campaign / "index.md").write_text("Treść ogłoszenia.\n", encoding="utf-8")
    yield campaign
    shutil.rmtree(root, ignore_errors=True)


SETTINGS_KW = dict(site_url="https://konsultacje.example.pl/", site_name="Konsultacje", language="pl",
                   timezone=TZ, today=TODAY, build_time=dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.timezone.utc),
                   organisation=Organisation(name="MOPS", email="mops@example.pl"))


def check_folder(folder: Path, yml: bytes, announcement: bytes | None = None) -> list[Problem]:
    """Load and validate the folder; assert only well-formed problems come out; render if valid."""
    (folder / "campaign.yml").write_bytes(yml)
    announcements = folder / "announcements"
    shutil.rmtree(announcements, ignore_errors=True)
    if announcement is not None:
        announcements.mkdir()
        (announcements / "2025-09-02-komunikat.md").write_bytes(announcement)
    raw = load_campaign(folder, folder.parent.parent)
    campaign, problems = validate_campaign(raw, TZ)
    for problem in problems:
        assert_well_formed(problem, folder)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert (campaign is None) == bool(errors)
    if campaign is not None:
        settings_ = Settings(root=folder.parent.parent, campaigns_dir=folder.parent, **SETTINGS_KW)  # type: ignore[arg-type]
        outputs = generate_site([campaign], settings_)
        assert outputs and len({o.path for o in outputs}) == len(outputs)
    return problems


def assert_well_formed(problem: Problem, folder: Path | None = None) -> None:
    assert problem.code in CODES, f"no message for {problem.code}"
    # Values quoted from the editor's file may say anything; what we add must not be Python.
    assert all(isinstance(v, str | int | dt.date) and not isinstance(v, bool) for v in problem.params.values()
               if v is not None), problem.params
    neutral = Problem(problem.path, problem.code, {k: "X" if isinstance(v, str) else v for k, v in problem.params.items()},
                      problem.line, problem.column, "X" if problem.field else None, problem.severity)
    for lang in ("pl", "en"):
        what, fix = render_message(problem.code, problem.params, lang)
        assert what and fix, problem
        format_text(problem, lang)
        text = format_text(neutral, lang)
        assert not PYTHON_WORDS.search(text), text
    if folder is not None and problem.line is not None:
        source = folder.parent.parent / problem.path
        if source.is_file():
            assert 1 <= problem.line <= source.read_bytes().count(b"\n") + 2, problem
    assert problem.column is None or problem.column >= 1


@FUZZ
@given(DOCUMENTS)
def test_any_campaign_yml_gives_only_reported_problems(folder: Path, yml: bytes) -> None:
    check_folder(folder, yml)


@FUZZ
@given(mutated_campaigns(), st.sampled_from([None, "flow", "quoted"]))
def test_valid_campaigns_with_any_field_changed_give_problems_or_pages(folder: Path, data: dict[str, Any],
                                                                       style: str | None) -> None:
    check_folder(folder, dump(data, style))


@FUZZ
@given(campaigns_with_any_text(), st.sampled_from([None, "flow", "quoted"]))
def test_any_text_in_text_fields_passes_and_renders(folder: Path, data: dict[str, Any], style: str | None) -> None:
    problems = check_folder(folder, dump(data, style))
    assert [p for p in problems if p.severity is Severity.ERROR] == []


@FUZZ
@given(edited_text())
def test_typing_mistakes_anywhere_give_only_reported_problems(folder: Path, yml: bytes) -> None:
    check_folder(folder, yml)


@FUZZ
@given(st.one_of(
    st.tuples(VALUES, TEXT).map(lambda t: b"---\n" + dump(t[0], None) + b"---\n" + t[1].encode("utf-8", "surrogatepass")),
    st.tuples(st.fixed_dictionaries({"title": SCALARS, "date": SCALARS}), TEXT).map(
        lambda t: b"---\n" + dump(t[0], None) + b"---\n" + t[1].encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
))
def test_any_announcement_gives_only_reported_problems(folder: Path, announcement: bytes) -> None:
    check_folder(folder, dump(VALID, None), announcement)


OPTION_VALUES = st.one_of(VALUES, st.integers(), st.booleans(), st.dates(), st.floats(allow_nan=False))


@FUZZ
@given(st.dictionaries(st.one_of(st.sampled_from(sorted(OPTION_DEFAULTS)), st.text(max_size=10)),
                       st.one_of(OPTION_VALUES, st.dictionaries(st.sampled_from(["name", "email", "adres"]), OPTION_VALUES)),
                       max_size=6),
       st.one_of(st.none(), ADDRESSES, st.integers()))
def test_any_plugin_options_give_only_reported_problems(options: dict[str, Any], site_url: Any) -> None:
    checked, problems = check_options(options, site_url)
    for problem in problems:
        assert_well_formed(problem)
    if not problems:
        assert checked.site_url.startswith(("http://", "https://"))


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_mkdocs_yml_of_any_bytes_gives_only_reported_problems(raw: bytes) -> None:
    doc, problems = parse_yaml(raw, "mkdocs.yml")
    for problem in problems:
        assert_well_formed(problem)
    if doc is None:  # unreadable: one error that says why, never silence
        assert [p.severity for p in problems] == [Severity.ERROR], problems
    else:  # readable: text-only data (no YAML typing), whatever problems it has
        assert_text_only(doc.data)


def assert_text_only(data: Any) -> None:
    """Strings, nulls, lists and mappings only: what the text-only loader promises."""
    if isinstance(data, dict):
        for key, value in data.items():
            assert isinstance(key, str) or key is None, repr(key)
            assert_text_only(value)
    elif isinstance(data, list):
        for item in data:
            assert_text_only(item)
    else:
        assert data is None or isinstance(data, str), repr(data)
