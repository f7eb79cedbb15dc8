"""The change register: which commits changed each campaign folder, read from git.

One `git log` for the whole campaigns folder (not one per campaign), so thousands of
campaigns cost one subprocess. Choices:

- Merge commits are left out (`--no-merges`): their subjects ("Merge pull request #12…") say
  nothing to the public, and the commits they merge are listed themselves.
- The date is the committer date in the site's time zone: with squash or rebase merges it
  is when the change reached the main branch, i.e. when the site published it.
- The summary is the commit's `Zmiana:` trailer when it has one (a sentence written for the
  public), else its subject line.
- Without git, outside a checkout, or on any git error the register is empty; the build
  goes on. In a shallow clone the oldest fetched commit (which git shows as adding every
  file) is left out: CI should fetch the full history (`fetch-depth: 0`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from generator.model import Campaign, HistoryEntry

TRAILER = "Zmiana"
TIMEOUT = 120  # seconds; a huge repository must not hang the build forever
_RECORD, _FIELD, _VALUES = "\x1e", "\x1f", "\x1d"
_FORMAT = _RECORD + _FIELD.join(
    ["%H", "%h", "%cI", "%aN", "%P", "%s", f"%(trailers:key={TRAILER},valueonly,unfold,separator=%x1d)"]
)


def load_history(campaigns_dir: Path, tz: ZoneInfo, git: str = "git") -> dict[str, tuple[HistoryEntry, ...]]:
    """Return, per campaign folder name, the commits that changed it, newest first."""
    output = _git(
        campaigns_dir,
        git,
        "log",
        "--no-merges",
        "--no-renames",
        "--relative",
        "--name-only",
        "--encoding=UTF-8",
        f"--format={_FORMAT}",
        "--",
        ".",
    )
    if output is None:
        return {}
    commits = list(_parse(output, tz))
    if any(not c.parents for c in commits) and _is_shallow(campaigns_dir, git):
        commits = [c for c in commits if c.parents]
    found: dict[str, list[_Commit]] = {}
    for commit in commits:
        for folder in commit.folders:
            found.setdefault(folder, []).append(commit)
    # sorted() is stable: commits made at the same second keep git's order.
    return {
        folder: tuple(c.entry for c in sorted(items, key=lambda c: c.when, reverse=True))
        for folder, items in sorted(found.items())
    }


def with_history(
    campaigns: Sequence[Campaign], history: dict[str, tuple[HistoryEntry, ...]]
) -> list[Campaign]:
    """The campaigns with their change register filled in."""
    return [replace(c, history=history.get(c.slug, ())) for c in campaigns]


def _git(cwd: Path, git: str, *args: str) -> str | None:
    if not cwd.is_dir():
        return None
    command = [git, "-c", "core.quotePath=false", "-c", "log.showSignature=false", "--no-pager", *args]
    try:
        result = subprocess.run(
            command, cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def _is_shallow(cwd: Path, git: str) -> bool:
    return (_git(cwd, git, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


class _Commit(NamedTuple):
    when: dt.datetime
    entry: HistoryEntry
    folders: list[str]
    parents: str


def _parse(output: str, tz: ZoneInfo) -> Iterable[_Commit]:
    for record in output.split(_RECORD)[1:]:
        header, _, files = record.partition("\n")
        fields = header.split(_FIELD)
        if len(fields) != 7:
            continue
        _full, short, date, author, parents, subject, trailers = fields
        try:
            when = dt.datetime.fromisoformat(date.strip())
        except ValueError:
            continue
        reasons = [v.strip() for v in trailers.split(_VALUES) if v.strip()]
        entry = HistoryEntry(
            date=when.astimezone(tz).date(),
            author=author.strip(),
            summary="; ".join(reasons) or subject.strip(),
            commit=short,
        )
        folders = sorted({line.split("/", 1)[0] for line in files.splitlines() if "/" in line})
        yield _Commit(when, entry, folders, parents.strip())
