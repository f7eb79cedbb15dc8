"""Problems found in editors' files, their formatting, and the one error that stops a build."""

from __future__ import annotations

import enum
import errno
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.language import words_language
from generator.source.messages import printable, render_message


class Severity(str, enum.Enum):
    """How bad a problem is: errors stop the build, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, with where it is and how to fix it.

    The text is not stored: `code` names a message in `generator.source.messages` and `params`
    fill it, so the same problem can be told in Polish or in English.
    """

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order problems by file, then line, then column."""
        return (self.path, self.line or 0, self.column or 0, self.code)

    def message(self, lang: str = "pl") -> tuple[str, str]:
        """Return (what is wrong, how to fix it) in the given language."""
        return render_message(self.code, self.params, lang)

    def location(self) -> str:
        """Return `path:line:column` with the parts that are known."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


_OS_CODES = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EACCES: "no_permission",
             errno.EPERM: "no_permission", errno.EROFS: "no_permission"}


def os_error_problem(exc: OSError) -> Problem:
    """A file or folder the build could not read or write, with the fix for the likely cause."""
    where = os.fsdecode(exc.filename) if exc.filename is not None else ""
    return Problem(where, _OS_CODES.get(exc.errno or 0, "os_error"), {"detail": exc.strerror or str(exc)})


def format_text(problem: Problem, lang: str = "pl") -> str:
    """Format one problem as the editor-facing text block."""
    what, fix = problem.message(lang)
    label = {"pl": "ostrzeżenie", "en": "warning"}[_lang(lang)]
    prefix = f"{label}: " if problem.severity is Severity.WARNING else ""
    where = f"{problem.location()}: "
    fld = f"{printable(problem.field)}: " if problem.field else ""
    how = {"pl": "Jak poprawić", "en": "How to fix"}[_lang(lang)]
    text = f"{where}{prefix}{fld}{what}"
    if fix:
        text += f"\n  {how}: {fix}"
    return text


def format_github(problem: Problem, lang: str = "pl", path_prefix: str = "") -> str:
    """Format one problem as a GitHub Actions workflow command, shown as an annotation on its line.

    Args:
        path_prefix: the site folder relative to the repository root ("" when it is the root);
            GitHub places annotations by the path from the repository root.
    """
    what, fix = problem.message(lang)
    kind = "error" if problem.severity is Severity.ERROR else "warning"
    path = f"{path_prefix.strip('/')}/{problem.path}" if path_prefix.strip("/") else problem.path
    props = [f"file={_gh_prop(path)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
        if problem.column is not None:
            props.append(f"col={problem.column}")
    props.append(f"title={_gh_prop(problem.field or 'consult check')}")
    how = {"pl": "Jak poprawić", "en": "How to fix"}[_lang(lang)]
    body = what + (f"\n{how}: {fix}" if fix else "")
    return f"::{kind} {','.join(props)}::{_gh_data(body)}"


def format_json(problems: Sequence[Problem], lang: str = "pl") -> str:
    """Format problems as a JSON array for editors' tools."""
    items = []
    for problem in problems:
        what, fix = problem.message(lang)
        items.append(
            {
                "path": problem.path,
                "line": problem.line,
                "column": problem.column,
                "field": problem.field,
                "severity": problem.severity.value,
                "code": problem.code,
                "message": what,
                "fix": fix,
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2)


def format_gitlab(problems: Sequence[Problem], lang: str = "pl", path_prefix: str = "") -> str:
    """Format problems as a GitLab Code Quality report, shown in the merge request."""
    prefix = path_prefix.strip("/")
    how = {"pl": "Jak poprawić", "en": "How to fix"}[_lang(lang)]
    items = []
    for problem in problems:
        what, fix = problem.message(lang)
        path = f"{prefix}/{problem.path}" if prefix else problem.path
        # Without the line, so that the same problem keeps its identity when lines above it move.
        identity = json.dumps([path, problem.code, problem.field, problem.params], sort_keys=True, default=str)
        field_part = f"{problem.field}: " if problem.field else ""
        items.append(
            {
                "description": f"{field_part}{what}" + (f" ({how}: {fix})" if fix else ""),
                "check_name": problem.code,
                "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
                "severity": "major" if problem.severity is Severity.ERROR else "minor",
                "location": {"path": path, "lines": {"begin": problem.line or 1}},
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2)


def summary_line(problems: Sequence[Problem], lang: str = "pl") -> str:
    """Say how many errors and warnings were found, in how many files."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    files = len({p.path.split("/")[1] if p.path.startswith("campaigns/") else p.path for p in problems})
    return render_message(
        "summary", {"errors": errors, "warnings": warnings, "files": files}, lang
    )[0]


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return problems sorted by file and line, without exact duplicates."""
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for p in problems:
        key = (p.path, p.line, p.column, p.field, p.code, json.dumps(p.params, sort_keys=True, default=str))
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return sorted(unique, key=Problem.sort_key)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """Tell whether the problems should stop a build (warnings count with strict)."""
    return any(strict or p.severity is Severity.ERROR for p in problems)


def _lang(lang: str) -> str:
    return words_language(lang)


def _gh_data(value: str) -> str:
    # The escaping GitHub's runner undoes in a workflow command's message (as in actions/toolkit).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(value: str) -> str:
    # Property values also end at ',' and the message starts after '::', so those are escaped too.
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


class ConsultationsError(Exception):
    """The one error that stops a build; its text lists every problem.

    The MkDocs plugin hands it on as the error type MkDocs reports without a traceback.
    """

    def __init__(self, problems: Sequence[Problem], lang: str = "pl") -> None:
        self.problems = list(problems)
        blocks = [format_text(p, lang) for p in self.problems]
        super().__init__("\n".join(blocks + [summary_line(self.problems, lang)]))
