"""Each calendar event followed across the commits that changed its campaign.yml.

The build's one `git log` already lists those commits (`history.read_history`). This module
reads every version of the files with one `git cat-file --batch` for the whole site and
follows each duty hour, meeting and the deadline from version to version, which tells:

- per event, the commits that changed its facts: calendars raise its SEQUENCE and
  LAST-MODIFIED, and a move, a cancellation or a later deadline becomes a news item, with no
  step by the editor beyond the commit;
- entries whose key (their `id`, else kind and position: `dyzur-2`) would now name another
  event, because an entry without `id` was inserted, deleted or moved in the list.
  `consult check` and the build refuse this, giving the `id:` line that keeps each identity.

Following an event from one version to the next: the entry with the same `id`; else an entry
with exactly the same fields (moved in the list); else the entry with the same key (edited in
place). An event keeps the key it was first committed under. Only committed versions count
as changes; the file on disk, if it differs, is checked for keys but changes nothing yet.
Campaigns whose file has one version that is also on disk are not parsed at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from pydantic import ValidationError

from generator.source import model as m
from generator.source.errors import Problem, Severity
from generator.source.history import TIMEOUT, GitHistory, read_history
from generator.source.yamlsource import YamlDocument, dotted, parse_yaml

LISTS = (("duty_hours", "dyzur", m.DutyHour), ("meetings", "spotkanie", m.Meeting))
DEADLINE = "termin"
_BASE = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_WHERE = ("date", "time", "place", "online")
_NOT_FACTS = ("id", "materials")


@dataclass
class _Entry:
    key: str | None  # the key it was first committed under; None if that key was another event's
    own: str  # the key the file gives it now
    fields: dict[str, Any]
    facts: tuple[tuple[str, str], ...]


@dataclass
class _Follow:
    """The events of one campaign as of the last version read."""

    lists: dict[str, list[_Entry]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # every key ever given to an event
    changes: dict[str, list[m.EventChange]] = field(default_factory=dict)
    closes: str | None = None
    text: bytes = b""  # the last version read; parsed again with positions only to name lines


def read_git(
    campaigns_dir: Path, tz: ZoneInfo, slugs: Sequence[str], git: str = "git"
) -> tuple[GitHistory, dict[str, tuple[m.EventRevision, ...]], list[Problem]]:
    """The change register, the events' revisions, and what git says is wrong (one `git log`)."""
    history = read_history(campaigns_dir, tz, git)
    revisions, problems = read_revisions(campaigns_dir, history, slugs, git)
    if history.shallow:  # the fallback to `updated`/`changes` must not go unnoticed in CI
        problems.append(Problem(campaigns_dir.name, "history_shallow", {}, severity=Severity.WARNING))
    return history, revisions, problems


def read_revisions(
    campaigns_dir: Path, history: GitHistory, slugs: Sequence[str], git: str = "git"
) -> tuple[dict[str, tuple[m.EventRevision, ...]], list[Problem]]:
    """Per campaign, its events' committed changes; and the entries whose key would move."""
    wanted = {s: history.versions[s] for s in slugs if history.versions.get(s)}
    current = {s: _read(campaigns_dir / s / "campaign.yml") for s in wanted}
    # A file committed once and unchanged on disk has nothing to compare: it is not even read from git.
    wanted = {s: v for s, v in wanted.items() if len(v) > 1 or not _blob_id(current[s]).startswith(v[0].blob)}
    blobs = _cat_files(campaigns_dir, sorted({v.blob for versions in wanted.values() for v in versions}), git)
    result: dict[str, tuple[m.EventRevision, ...]] = {}
    problems: list[Problem] = []
    for slug, versions in wanted.items():
        texts = [blobs.get(v.blob) for v in versions]
        rel = f"{campaigns_dir.name}/{slug}/campaign.yml"
        follow = _Follow()
        for version, text in zip(versions, texts, strict=True):
            if text is not None:
                _step(follow, text, rel, version.when)
        if current[slug] is not None and current[slug] != texts[-1]:
            _step(follow, current[slug] or b"", rel, None)
        result[slug] = tuple(
            m.EventRevision(key, tuple(changes)) for key, changes in sorted(follow.changes.items())
        )
        problems += _moved_keys(follow, rel)
    return result, problems


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _blob_id(data: bytes | None) -> str:
    """The object id git gives a file with these bytes (SHA-1 repositories)."""
    if data is None:
        return ""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _cat_files(cwd: Path, names: list[str], git: str) -> dict[str, bytes]:
    """The contents of many objects, by id, from one `git cat-file --batch`."""
    if not names:
        return {}
    try:
        result = subprocess.run(
            [git, "cat-file", "--batch"], cwd=cwd, input="\n".join(names).encode() + b"\n",
            capture_output=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    out, found, at = result.stdout, {}, 0
    for name in names:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":  # "<name> missing"
            continue
        size = int(header[2])
        found[name] = out[at : at + size]
        at += size + 1
    return found


def _step(follow: _Follow, text: bytes, rel: str, when: dt.datetime | None) -> None:
    """Read one version: match its events to the previous ones and record what changed."""
    data = _quick(text)
    if not isinstance(data, dict):
        return
    follow.text = text
    title = _text(data.get("title"))
    for name, prefix, kind in LISTS:
        items = data.get(name)
        entries = [_entry(e, i, prefix, title if name == "duty_hours" else "") for i, e in enumerate(
            items if isinstance(items, list) else [], start=1)]
        previous = follow.lists.get(name, [])
        matched = _match(previous, entries)
        for index, entry in enumerate(entries):
            old = previous[matched[index]] if index in matched else None
            entry.key = old.key if old is not None else None
            if old is not None and when is not None and entry.key is not None and old.facts != entry.facts:
                follow.changes.setdefault(entry.key, []).append(_change(old.fields, entry.fields, when, kind))
        for entry in entries:  # new entries, and those that had no key of their own, take theirs if free
            if entry.key is None and entry.own not in follow.known:
                entry.key = entry.own
                follow.known.add(entry.own)
        follow.lists[name] = entries
    closes = _text(data.get("closes")) + "\x00" + title
    if follow.closes is not None and closes != follow.closes and when is not None:
        follow.changes.setdefault(DEADLINE, []).append(_deadline(follow.closes, closes, when))
    follow.closes = closes


def _quick(text: bytes) -> Any:
    """A past version's data, every scalar as text (libyaml's BaseLoader: 16:00 stays "16:00")."""
    try:
        return yaml.load(text, Loader=_BASE)  # noqa: S506 - BaseLoader builds only str, list and dict
    except (yaml.YAMLError, ValueError):
        return None


def _entry(value: Any, index: int, prefix: str, title: str) -> _Entry:
    fields = value if isinstance(value, dict) else {}
    own = fields.get("id") if isinstance(fields.get("id"), str) and fields.get("id") else f"{prefix}-{index}"
    # A meeting's documents (slides, minutes) are not in calendars: adding them is no change of the event.
    facts = tuple(sorted((k, _text(v)) for k, v in fields.items() if k not in _NOT_FACTS)) + (("", title),)
    return _Entry(None, str(own), fields, facts)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else repr(value)


def _match(previous: list[_Entry], entries: list[_Entry]) -> dict[int, int]:
    """Which previous entry each entry is (index to index): same id, same fields, then same key."""
    pairs: dict[int, int] = {}
    free = set(range(len(previous)))

    def pair(test: Any) -> None:
        for i, entry in enumerate(entries):
            if i in pairs:
                continue
            j = next((j for j in sorted(free) if test(previous[j], entry)), None)
            if j is not None:
                pairs[i] = j
                free.discard(j)

    pair(lambda old, new: "id" in new.fields and old.fields.get("id") == new.fields.get("id"))
    pair(lambda old, new: old.facts == new.facts)
    pair(lambda old, new: old.own == new.own)
    return pairs


def _change(old: dict[str, Any], new: dict[str, Any], when: dt.datetime, kind: type[m.DutyHour | m.Meeting]) -> m.EventChange:
    if new.get("status") == "cancelled" and old.get("status") != "cancelled":
        what = "cancelled"
    elif new.get("status") != "cancelled" and any(old.get(f) != new.get(f) for f in _WHERE):
        what = "moved"
    else:
        what = "edited"
    try:
        event = kind.model_validate({k: v for k, v in new.items() if k != "id"})
    except ValidationError:
        return m.EventChange(when, what)
    title = event.title if isinstance(event, m.Meeting) else None
    return m.EventChange(when, what, event.date, event.time, event.place, title)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _deadline(old: str, new: str, when: dt.datetime) -> m.EventChange:
    before, after = old.split("\x00")[0].strip(), new.split("\x00")[0].strip()
    if not (_DATE.fullmatch(before) and _DATE.fullmatch(after)) or before == after:
        return m.EventChange(when, "edited")
    day = dt.date.fromisoformat(after)
    return m.EventChange(when, "extended" if after > before else "moved", day)


def _moved_keys(follow: _Follow, rel: str) -> list[Problem]:
    """Entries of the newest version whose key is not the one their event was committed under."""
    problems: list[Problem] = []
    doc: YamlDocument | None = None
    entries = [e for items in follow.lists.values() for e in items]
    used = follow.known | {e.own for e in entries if e.key == e.own}  # the flagged ones give theirs up
    for name, prefix, _kind in LISTS:
        for index, entry in enumerate(follow.lists.get(name, [])):
            if entry.key == entry.own:
                continue
            wanted = entry.key or _fresh(prefix, used)
            used.add(wanted)
            path = (name, index)
            doc = doc or parse_yaml(follow.text, rel)[0] or YamlDocument(None)
            line, column = doc.position(path)
            params = {"id": wanted, "taken": entry.own}
            if entry.key:
                problems.append(Problem(rel, "event_id_needed", params, line, column, dotted(path)))
            else:
                problems.append(Problem(rel, "event_id_taken", params, line, column, dotted(path)))
    return problems


def _fresh(prefix: str, used: set[str]) -> str:
    number = 1 + max((int(k[len(prefix) + 1 :]) for k in used if re.fullmatch(rf"{prefix}-\d+", k)), default=0)
    return f"{prefix}-{number}"
