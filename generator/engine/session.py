"""What a preview session (`mkdocs serve`) keeps between builds, so an edit rebuilds what it changed.

- A campaign folder whose files kept their sizes and modification times is not read again:
  the previous build's loaded folder and validated campaign are reused, the very same objects.
- Results computed from one consultation alone (its page, calendar events, search entry and
  export record) are kept in a `Memo` and found again for those same objects.
- The preview's clock stops at its first build of the day, so that pages do not all change
  between two builds a few seconds apart; the pages' script updates statuses, days left and
  the duty hour in progress while they are read, as it does on the published site.
- Each generated file's digest is kept, so that MkDocs' --dirty mode re-renders only the pages
  whose text changed (see `changed`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.engine.memo import Memo
from generator.options import Settings
from generator.source.errors import Problem
from generator.source.load import RawCampaign, load_campaign
from generator.source.model import Campaign, EventRevision, HistoryEntry
from generator.source.validate import validate_campaign

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass
class _Loaded:
    fingerprint: Fingerprint
    raw: RawCampaign


class PreviewSession:
    """The memory of one preview session; the plugin keeps one while serving."""

    def __init__(self) -> None:
        self.memo = Memo()
        self._loaded: dict[str, _Loaded] = {}  # rel_dir -> folder as last read
        self._seen: set[str] = set()
        self._validated: dict[int, tuple[RawCampaign, ZoneInfo, Campaign | None, list[Problem]]] = {}
        self._histories: dict[str, tuple[Campaign, tuple[tuple[HistoryEntry, ...], tuple[EventRevision, ...]], Campaign]] = {}
        self._clock: tuple[object, object] | None = None
        self._digests: dict[str, bytes] = {}  # path -> digest of what the last good build wrote
        self._pending: dict[str, bytes] = {}

    def pin_clock(self, settings: Settings) -> Settings:
        """The settings with the session's build time, as long as the day is the same."""
        if self._clock is not None and self._clock[0] == settings.today:
            return dataclasses.replace(settings, build_time=self._clock[1])  # type: ignore[arg-type]
        self._clock = (settings.today, settings.build_time)
        return settings

    def load(self, directory: Path, root: Path, rel_dir: str, real: str) -> RawCampaign:
        """`load_campaign`, or the previous build's result if no file of the folder changed."""
        self._seen.add(rel_dir)
        fingerprint = _fingerprint(directory)
        known = self._loaded.get(rel_dir)
        if known is not None and known.fingerprint == fingerprint and known.raw.real_dir == real:
            return known.raw
        raw = load_campaign(directory, root, rel_dir, real)
        self._loaded[rel_dir] = _Loaded(fingerprint, raw)
        return raw

    def validate(self, raw: RawCampaign, tz: ZoneInfo) -> tuple[Campaign | None, list[Problem]]:
        """`validate_campaign`, or the previous result for the same loaded folder."""
        known = self._validated.get(id(raw))
        if known is not None and known[0] is raw and known[1] == tz:
            return known[2], list(known[3])
        campaign, problems = validate_campaign(raw, tz)
        self._validated[id(raw)] = (raw, tz, campaign, list(problems))
        return campaign, problems

    def forget_gone(self) -> None:
        """Drop what belongs to folders that the last load did not see (after a build's load)."""
        self._loaded = {rel: item for rel, item in self._loaded.items() if rel in self._seen}
        self._seen = set()
        alive = {id(item.raw) for item in self._loaded.values()}
        self._validated = {key: value for key, value in self._validated.items() if key in alive}

    def with_history(
        self,
        campaigns: list[Campaign],
        history: dict[str, tuple[HistoryEntry, ...]],
        revisions: dict[str, tuple[EventRevision, ...]] | None = None,
    ) -> list[Campaign]:
        """The campaigns with their change register, the same objects as before when nothing changed."""
        result = []
        histories = {}
        for campaign in campaigns:
            entries = history.get(campaign.slug, ())
            changes = (revisions or {}).get(campaign.slug, ())
            known = self._histories.get(campaign.slug)
            if known is not None and known[0] is campaign and known[1] == (entries, changes):
                dated = known[2]
            else:
                dated = dataclasses.replace(campaign, history=entries, revisions=changes)
            histories[campaign.slug] = (campaign, (entries, changes), dated)
            result.append(dated)
        self._histories = histories
        return result

    def changed(self, path: str, content: str | bytes) -> bool:
        """Whether a generated file differs from what the last good build wrote there."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.blake2b(data, digest_size=16).digest()
        self._pending[path] = digest
        return self._digests.get(path) != digest

    def commit(self) -> None:
        """The build succeeded: what it wrote is now what the site holds."""
        self._digests.update(self._pending)
        self._pending = {}

    def discard(self) -> None:
        """The build failed: forget what it meant to write."""
        self._pending = {}


def _fingerprint(directory: Path) -> Fingerprint:
    """Name, size and modification time of everything in a campaign folder, in a stable order."""
    found = []
    skip = len(str(directory)) + 1
    for folder, dirs, names in os.walk(directory):
        dirs.sort()
        for name in sorted(names + dirs):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                found.append((path[skip:], -1, -1))
                continue
            found.append((path[skip:], info.st_size, info.st_mtime_ns))
    return tuple(found)
