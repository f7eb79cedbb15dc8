"""The change register: which commits changed each campaign folder, read from git.

One `git log` for the whole campaigns folder (not one per campaign), so thousands of
campaigns cost one subprocess. Choices:

- Merge commits are left out (`--no-merges`): their subjects ("Merge pull request #12…") say
  nothing to the public, and the commits they merge are listed themselves.
- The date is the committer date in the site's time zone: with squash or rebase merges it
  is when the change reached the main branch, i.e. when the site published it.
- Only commits the editor marked for the public are listed: a `Publiczna-zmiana:` trailer (or the
  older `Zmiana:`) in the message is a sentence written for residents, and it is all that is
  shown. Subject lines are written for colleagues and are never published; neither is the
  author's name or e-mail, which is not even read.
- Without git, outside a checkout, or on any git error the register is empty; the build
  goes on. In a shallow clone the oldest fetched commit (which git shows as adding every
  file) is left out: CI should fetch the full history (`fetch-depth: 0`).

The same pass lists, per campaign, the commits that changed its `campaign.yml` (`versions`):
`generator.source.revisions` compares the file across them to version each calendar event.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from generator.source.model import Campaign, EventRevision, HistoryEntry

TRAILERS = ("Publiczna-zmiana", "Zmiana")  # the first is the one the editors' guide teaches
TIMEOUT = 120  # seconds; a huge repository must not hang the build forever
_RECORD, _FIELD, _VALUES = "\x1e", "\x1f", "\x1d"
_KEYS = ",".join(f"key={key}" for key in TRAILERS)
_FORMAT = _RECORD + _FIELD.join(["%H", "%h", "%cI", "%P", f"%(trailers:{_KEYS},valueonly,unfold,separator=%x1d)"])


class Version(NamedTuple):
    """One commit that changed a campaign's `campaign.yml`."""

    commit: str  # full hash
    when: dt.datetime  # committer date
    blob: str = ""  # the file's object id in that commit, abbreviated as git does


class GitHistory(NamedTuple):
    """What the one `git log` told: the change register and the versions of each campaign.yml."""

    entries: dict[str, tuple[HistoryEntry, ...]]
    versions: dict[str, tuple[Version, ...]]  # oldest first; empty outside git and in a shallow clone
    shallow: bool = False


def load_history(campaigns_dir: Path, tz: ZoneInfo, git: str = "git") -> dict[str, tuple[HistoryEntry, ...]]:
    """Return, per campaign folder name, the public changes committed to it, newest first."""
    return read_history(campaigns_dir, tz, git).entries


def read_history(campaigns_dir: Path, tz: ZoneInfo, git: str = "git") -> GitHistory:
    """The change register (what commits marked for the public) and every version of each
    campaign.yml, from one `git log`."""
    output = _git(
        campaigns_dir,
        git,
        "log",
        "--no-merges",
        "--no-renames",
        "--relative",
        "--raw",  # the names of the changed files and their new blobs (abbreviated), which revisions reads
        "--encoding=UTF-8",
        f"--format={_FORMAT}",
        "--",
        ".",
    )
    if output is None:
        return GitHistory({}, {})
    commits = list(_parse(output, tz))
    shallow = any(not c.parents for c in commits) and _is_shallow(campaigns_dir, git)
    if shallow:
        commits = [c for c in commits if c.parents]
    found: dict[str, list[_Commit]] = {}
    versions: dict[str, list[Version]] = {}
    for commit in commits:
        for folder, blob in commit.campaign_files:  # every commit counts for the calendars
            versions.setdefault(folder, []).append(Version(commit.full, commit.when, blob))
        if commit.entry is None:
            continue  # nothing in it for the public register
        for folder in commit.folders:
            found.setdefault(folder, []).append(commit)
    # sorted() is stable: commits made at the same second keep git's order (newest first).
    entries = {
        folder: tuple(c.entry for c in sorted(items, key=lambda c: c.when, reverse=True) if c.entry)
        for folder, items in sorted(found.items())
    }
    if shallow:  # part of each file's past is missing: counting its versions would undercount
        return GitHistory(entries, {}, shallow=True)
    return GitHistory(
        entries, {f: tuple(sorted(reversed(v), key=lambda v: v.when)) for f, v in sorted(versions.items())}
    )


def with_history(
    campaigns: Sequence[Campaign],
    history: dict[str, tuple[HistoryEntry, ...]],
    revisions: dict[str, tuple[EventRevision, ...]] | None = None,
) -> list[Campaign]:
    """The campaigns with their change register and their events' revisions filled in."""
    revisions = revisions or {}
    return [replace(c, history=history.get(c.slug, ()), revisions=revisions.get(c.slug, ())) for c in campaigns]


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
    entry: HistoryEntry | None  # None: nothing marked for the public
    folders: list[str]
    parents: str
    full: str = ""
    campaign_files: tuple[tuple[str, str], ...] = ()  # (folder, new blob) of each campaign.yml changed


def _parse(output: str, tz: ZoneInfo) -> Iterable[_Commit]:
    for record in output.split(_RECORD)[1:]:
        header, _, files = record.partition("\n")
        fields = header.split(_FIELD)
        if len(fields) != 5:
            continue
        full, short, date, parents, trailers = fields
        try:
            when = dt.datetime.fromisoformat(date.strip())
        except ValueError:
            continue
        public = [v.strip() for v in trailers.split(_VALUES) if v.strip()]
        entry = (
            HistoryEntry(date=when.astimezone(tz).date(), summary="; ".join(public), commit=short)
            if public
            else None
        )
        # --raw lines: ":<mode> <mode> <old blob> <new blob> <status>\t<path>"
        raw = [line.partition("\t") for line in files.splitlines() if line.startswith(":")]
        folders = sorted({path.split("/", 1)[0] for _, _, path in raw if "/" in path})
        changed = sorted(
            (path[: -len("/campaign.yml")], head.split()[3])
            for head, _, path in raw
            if path.endswith("/campaign.yml") and path.count("/") == 1 and len(head.split()) >= 5
        )
        yield _Commit(when, entry, folders, parents.strip(), full.strip(), tuple(changed))
