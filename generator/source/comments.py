"""Read the report's table of comments: a CSV file clerks export from a spreadsheet.

The file may be UTF-8 with or without a byte-order mark, separated by commas or by semicolons
(Polish Excel writes semicolons). Windows-1250, which older spreadsheets still write, is
recognised and refused with the fix. Every problem names the file's line and column.

Columns (headers in the first row, any order, case and Polish letters optional):
nr, zgłaszający, rodzaj (optional), część dokumentu, uwaga, rozstrzygnięcie, uzasadnienie.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.source.errors import Problem, Severity
from generator.source.model import Comment, CommentTable, Decision

COLUMNS = ("nr", "zgłaszający", "rodzaj", "część dokumentu", "uwaga", "rozstrzygnięcie", "uzasadnienie")
REQUIRED = ("nr", "zgłaszający", "część dokumentu", "uwaga", "rozstrzygnięcie", "uzasadnienie")
ORGANISATION, PRIVATE = "organizacja", "osoba prywatna"
# Words that make a submitter an organisation, not a person (matched as word beginnings, any case).
ORGANISATION_WORDS = (
    "fundacj", "stowarzyszeni", "związek", "związk", "spółdzielni", "klub", "rada", "rady", "parafi",
    "urząd", "urzęd", "ośrod", "caritas", "sp. z o.o", "spółka", "instytut", "centrum", "towarzystw",
    "zespół", "szkoł", "uniwersytet", "koło", "federacj", "porozumieni", "dom ", "miejsk", "gmin",
)
_CAPITALISED = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?"
_PERSON = re.compile(rf"{_CAPITALISED}\s+{_CAPITALISED}")
_POLISH_1250 = frozenset(b"\xa5\xb9\xc6\xe6\xca\xea\xa3\xb3\xd1\xf1\xd3\xf3\x8c\x9c\x8f\x9f\xaf\xbf")


def read_comments(data: bytes, path: str, rel: str, problems: list[Problem]) -> CommentTable | None:
    """Parse the table; append every problem found and return the table when it has no error.

    Args:
        path: the file's repository-relative path, for messages.
        rel: the file's path inside the campaign folder.
    """
    start = len(problems)
    text = _decode(data, path, problems)
    if text is None:
        return None
    rows = list(_rows(text, path, problems))
    if not rows:
        if len(problems) == start:
            problems.append(Problem(path, "csv_empty", {}, 1))
        return None
    header_line, header = rows[0]
    columns = _columns(header, path, header_line, problems)
    comments: list[Comment] = []
    names: set[str] = set()
    privates = 0
    seen: dict[str, int] = {}
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue  # spreadsheets end with empty rows ";;;;;"
        if len(row) != len(header):
            problems.append(Problem(path, "csv_row_fields", {"found": len(row), "expected": len(header)}, line))
            continue
        if columns is None:
            continue
        comment = _comment(row, columns, path, line, problems)
        if comment is None:
            continue
        if comment.number in seen:
            problems.append(Problem(path, "csv_number_duplicate", {"value": comment.number, "first": seen[comment.number]},
                                    line, columns["nr"] + 1, "nr"))
        seen.setdefault(comment.number, line)
        if comment.submitter is None:
            privates += 1
        else:
            names.add(comment.submitter.casefold())
        comments.append(comment)
    if any(p.severity is Severity.ERROR for p in problems[start:]):
        return None
    if not comments:
        problems.append(Problem(path, "csv_empty", {}, header_line))
        return None
    return CommentTable(rel=rel, comments=tuple(comments), submitters=len(names) + privates)


def looks_like_person(name: str) -> bool:
    """Whether a submitter reads as "Imię Nazwisko": two capitalised words, no organisation word.

    >>> looks_like_person("Anna Nowak"), looks_like_person("Anna Nowak-Wiśniewska")
    (True, True)
    >>> looks_like_person("Fundacja Dzieciom"), looks_like_person("Caritas Polska"), looks_like_person("MOPS")
    (False, False, False)
    """
    text = " ".join(name.split())
    if not _PERSON.fullmatch(text):
        return False
    lowered = f" {text.casefold()} "
    return not any(f" {word}" in lowered for word in ORGANISATION_WORDS)


def decision_texts() -> list[str]:
    """The decisions a table may give, as written in it."""
    return [d.value for d in Decision]


# ---------------------------------------------------------------- reading


def _decode(data: bytes, path: str, problems: list[Problem]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end]
        code = "csv_cp1250" if bad and bad[0] in _POLISH_1250 else "csv_not_utf8"
        problems.append(Problem(path, code, {}, line))
        return None


def _rows(text: str, path: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    # newline="": quoted cells may hold line breaks (Alt+Enter in a spreadsheet).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except csv.Error:
        problems.append(Problem(path, "csv_syntax", {}, line))


def _fold(text: str) -> str:
    """Compare headers and decisions without case, spacing or Polish letters ("zglaszajacy")."""
    text = " ".join(text.replace("\ufeff", "").split()).casefold().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _columns(header: list[str], path: str, line: int, problems: list[Problem]) -> dict[str, int] | None:
    known = {_fold(name): name for name in COLUMNS}
    columns: dict[str, int] = {}
    ok = True
    for i, cell in enumerate(header):
        if not cell.strip():
            continue  # spreadsheets add empty columns; a value under one is reported row by row
        name = known.get(_fold(cell))
        if name is None:
            guess = difflib.get_close_matches(_fold(cell), list(known), n=1, cutoff=0.6)
            params: dict[str, Any] = {"value": cell.strip(), "allowed": ", ".join(COLUMNS)}
            if guess:
                problems.append(Problem(path, "csv_column_suggest", {**params, "suggestion": known[guess[0]]},
                                        line, i + 1))
            else:
                problems.append(Problem(path, "csv_column_unknown", params, line, i + 1))
            ok = False
        elif name in columns:
            problems.append(Problem(path, "csv_column_duplicate", {"value": name}, line, i + 1))
            ok = False
        else:
            columns[name] = i
    for name in REQUIRED:
        if name not in columns and not any(p.code == "csv_column_suggest" and p.params["suggestion"] == name
                                           for p in problems if p.path == path):
            problems.append(Problem(path, "csv_column_missing", {"value": name, "allowed": ", ".join(REQUIRED)},
                                    line))
            ok = False
    return columns if ok else None


def _comment(row: list[str], columns: dict[str, int], path: str, line: int,
             problems: list[Problem]) -> Comment | None:
    def cell(name: str) -> str:
        return " ".join(row[columns[name]].split()) if name in columns else ""

    def fail(code: str, name: str, severity: Severity = Severity.ERROR, **params: Any) -> None:
        problems.append(Problem(path, code, {"name": name, **params}, line, columns[name] + 1, name, severity))

    before = len(problems)
    named = set(columns.values())
    for i, value in enumerate(row):
        if i not in named and value.strip():
            problems.append(Problem(path, "csv_column_unnamed", {"value": value.strip()}, line, i + 1))
    kind = _fold(cell("rodzaj"))
    if kind not in ("", ORGANISATION, _fold(PRIVATE)):
        fail("csv_kind_unknown", "rodzaj", value=cell("rodzaj"))
    submitter = cell("zgłaszający")
    private = kind == _fold(PRIVATE) or _fold(submitter) == _fold(PRIVATE)
    for name in ("nr", "część dokumentu", "uwaga", "rozstrzygnięcie") + (() if private else ("zgłaszający",)):
        if not cell(name):
            fail("csv_value_missing", name)
    decision = _decision(cell("rozstrzygnięcie"))
    if cell("rozstrzygnięcie") and decision is None:
        guess = difflib.get_close_matches(_fold(cell("rozstrzygnięcie")), [_fold(d) for d in decision_texts()],
                                          n=1, cutoff=0.5)
        allowed = ", ".join(decision_texts())
        if guess:
            suggestion = next(d for d in decision_texts() if _fold(d) == guess[0])
            fail("csv_decision_suggest", "rozstrzygnięcie", value=cell("rozstrzygnięcie"), suggestion=suggestion,
                 allowed=allowed)
        else:
            fail("csv_decision_unknown", "rozstrzygnięcie", value=cell("rozstrzygnięcie"), allowed=allowed)
    if decision is not None and decision is not Decision.ACCEPTED and not cell("uzasadnienie"):
        fail("csv_reason_missing", "uzasadnienie", decision=decision.value)
    if submitter and not kind and looks_like_person(submitter):
        fail("csv_personal_name", "zgłaszający", Severity.WARNING, value=submitter)
        private = True  # shown as "osoba prywatna" until the row is marked
    if decision is None or any(p.severity is Severity.ERROR for p in problems[before:]):
        return None
    return Comment(
        number=cell("nr"),
        submitter=None if private else submitter,
        part=cell("część dokumentu"),
        text=cell("uwaga"),
        decision=decision,
        reason=cell("uzasadnienie") or None,
    )


def _decision(text: str) -> Decision | None:
    folded = _fold(text)
    return next((d for d in Decision if _fold(d.value) == folded), None)


# ---------------------------------------------------------------- writing


PUBLIC_COLUMNS = ("nr", "zgłaszający", "część dokumentu", "uwaga", "rozstrzygnięcie", "uzasadnienie")


def public_csv(table: CommentTable) -> bytes:
    """The table as published: private persons never by name, in the format `read_comments` reads.

    UTF-8 with a byte-order mark and semicolons, so that Excel in Polish opens it in columns.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(PUBLIC_COLUMNS)
    for c in table.comments:
        writer.writerow([c.number, c.submitter or PRIVATE, c.part, c.text, c.decision.value, c.reason or ""])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
