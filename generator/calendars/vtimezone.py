"""VTIMEZONE definitions that calendar clients read the same way as Python's `zoneinfo`.

`icalendar`'s own `add_missing_timezones()` writes RDATE lists with two STANDARD blocks,
which Thunderbird (ical.js) and vobject read as UTC+1 all summer and Outlook mis-reads. We
write the shape Google and Outlook emit instead: one DAYLIGHT and one STANDARD observance,
each a yearly RRULE. Europe/Warsaw gets that fixed block; any other zone gets one generated
from its `zoneinfo` transitions in the years the events fall in. Either way, `check` proves
the definition against `zoneinfo` for every local time a calendar uses before it is written.

This module computes; `feeds/ical.py` turns observances into iCalendar components.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_STEP = dt.timedelta(hours=6)  # scan step; zones never change twice within six hours


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT sub-component: an onset, optionally repeated every year."""

    kind: str  # "STANDARD" or "DAYLIGHT"
    start: dt.datetime  # naive wall time of the first onset, in offset_from
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    month: int | None = None  # with byday: the yearly rule FREQ=YEARLY;BYMONTH=..;BYDAY=..
    byday: str | None = None  # "-1SU" (last Sunday) or "2SU" (second Sunday)
    until: dt.datetime | None = None  # aware UTC; no onset after it

    def onset(self, year: int) -> dt.datetime | None:
        """The UTC instant this observance begins in `year`, if it does."""
        if self.month is None or self.byday is None:
            local = self.start
        else:
            local = dt.datetime.combine(_nth_weekday(year, self.month, self.byday), self.start.time())
        if local.year != year or local < self.start:
            return None
        moment = (local - self.offset_from).replace(tzinfo=UTC)
        if self.until is not None and moment > self.until:
            return None
        return moment

    def latest_onset(self, instant: dt.datetime) -> dt.datetime | None:
        """The last onset at or before a UTC instant, if any."""
        last_year = instant.year + 1 if self.until is None else min(instant.year + 1, self.until.year)
        for year in range(last_year, self.start.year - 1, -1):
            moment = self.onset(year)
            if moment is not None and moment <= instant:
                return moment
        return None


# Poland has followed the EU rules (last Sunday of March and of October, 01:00 UTC) since
# 1996; the 1970 start is the conventional one Google and Outlook emit.
WARSAW: tuple[Observance, ...] = (
    Observance("DAYLIGHT", dt.datetime(1970, 3, 29, 2, 0), dt.timedelta(hours=1), dt.timedelta(hours=2),
               "CEST", 3, "-1SU"),
    Observance("STANDARD", dt.datetime(1970, 10, 25, 3, 0), dt.timedelta(hours=2), dt.timedelta(hours=1),
               "CET", 10, "-1SU"),
)


class TimezoneNotExpressible(ValueError):
    """No VTIMEZONE we can write gives the same UTC instants as zoneinfo."""


def observances_for(tz: ZoneInfo, local_times: Iterable[dt.datetime]) -> tuple[Observance, ...]:
    """The observances to publish for `tz`, proven right for every given local time.

    Raises TimezoneNotExpressible when even the generated definition disagrees with zoneinfo.
    """
    moments = sorted({t.replace(tzinfo=None) for t in local_times})
    candidates: list[tuple[Observance, ...]] = []
    if tz.key == "Europe/Warsaw":
        candidates.append(WARSAW)
    if moments:
        candidates.append(generate_observances(tz, moments[0].year, moments[-1].year))
    else:
        candidates.append(generate_observances(tz, 2000, 2000))
    for observances in candidates:
        if not mismatches(observances, tz, moments):
            return observances
    raise TimezoneNotExpressible(", ".join(f"{m:%Y-%m-%d %H:%M}" for m in mismatches(candidates[-1], tz, moments)[:3]))


def mismatches(observances: Sequence[Observance], tz: ZoneInfo, moments: Iterable[dt.datetime]) -> list[dt.datetime]:
    """Local times whose UTC offset under `observances` differs from zoneinfo's."""
    checks = []
    for naive in moments:
        if not exists(naive, tz):
            continue  # a time skipped by a clock change; `consult check` rejects it
        expected = naive.replace(tzinfo=tz).utcoffset()
        assert expected is not None
        checks.append((naive, expected, (naive - expected).replace(tzinfo=UTC)))
    if not checks:
        return []
    # The offset only changes at onsets: list them once and look each instant up, rather
    # than searching every observance's years for every one of thousands of times.
    onsets, offsets = _onset_table(observances, max(c[2] for c in checks).year + 1)
    wrong = []
    for naive, expected, instant in checks:
        index = bisect.bisect_right(onsets, instant)
        if (offsets[index - 1] if index else None) != expected:
            wrong.append(naive)
    return wrong


def _onset_table(observances: Sequence[Observance], last_year: int) -> tuple[list[dt.datetime], list[dt.timedelta]]:
    """Every onset up to `last_year` in time order, with the offset it starts (as `offset_at` reads them)."""
    found: dict[dt.datetime, dt.timedelta] = {}
    for observance in observances:  # at equal onsets the first observance wins, as in offset_at
        for year in range(observance.start.year, last_year + 1):
            moment = observance.onset(year)
            if moment is not None:
                found.setdefault(moment, observance.offset_to)
    ordered = sorted(found)
    return ordered, [found[m] for m in ordered]


def exists(naive: dt.datetime, tz: ZoneInfo) -> bool:
    """Tell whether a wall-clock time happens in `tz` (it does not inside a spring-forward gap)."""
    there_and_back = naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return there_and_back == naive


def ambiguous(moment: dt.datetime) -> bool:
    """Tell whether an aware local time happens twice (inside a fall-back hour)."""
    return moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()


def offset_at(observances: Sequence[Observance], instant: dt.datetime) -> dt.timedelta | None:
    """The UTC offset the observances give at a UTC instant (None before the first onset)."""
    latest: tuple[dt.datetime, dt.timedelta] | None = None
    for observance in observances:
        onset = observance.latest_onset(instant)
        if onset is not None and (latest is None or onset > latest[0]):
            latest = (onset, observance.offset_to)
    return None if latest is None else latest[1]


@dataclass(frozen=True)
class _Transition:
    instant: dt.datetime  # UTC
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    dst: bool
    name: str

    @property
    def local(self) -> dt.datetime:
        return (self.instant + self.offset_from).replace(tzinfo=None)

    @property
    def kind(self) -> str:
        return "DAYLIGHT" if self.dst else "STANDARD"

    def signature(self) -> tuple[object, ...]:
        return (self.kind, self.offset_from, self.offset_to, self.name, self.local.month, self.local.time())

    def bydays(self) -> set[str]:
        day = self.local.date()
        code = _WEEKDAYS[day.weekday()]
        forms = {f"{(day.day - 1) // 7 + 1}{code}"}
        if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
            forms.add(f"-1{code}")
        return forms


def generate_observances(tz: ZoneInfo, first_year: int, last_year: int) -> tuple[Observance, ...]:
    """RRULE-based observances that reproduce `tz` from `first_year` to `last_year`.

    Transitions of one kind that recur yearly on the same weekday rule become one observance
    with an RRULE; a transition that fits no rule becomes an observance of its own.
    """
    scan_start = dt.datetime(first_year - 1, 1, 1, tzinfo=UTC)
    scan_end = dt.datetime(last_year + 2, 1, 1, tzinfo=UTC)
    found = _transitions(tz, scan_start, scan_end)
    observances: list[Observance] = []
    if not found or found[0].instant > dt.datetime(first_year, 1, 1, tzinfo=UTC) - dt.timedelta(days=1):
        state = _state(tz, scan_start)
        observances.append(Observance("DAYLIGHT" if state[1] else "STANDARD",
                                      (scan_start + state[0]).replace(tzinfo=None), state[0], state[0], state[2]))
    for kind in ("DAYLIGHT", "STANDARD"):
        eras = _eras([t for t in found if t.kind == kind])
        for index, era in enumerate(eras):
            is_open = index == len(eras) - 1 and era[-1].local.year >= last_year + 1
            observances.append(_observance(era, is_open))
    return tuple(sorted(observances, key=lambda o: (o.start, o.kind)))


def _eras(transitions: list[_Transition]) -> list[list[_Transition]]:
    eras: list[list[_Transition]] = []
    forms: set[str] = set()
    for transition in transitions:
        if eras:
            last = eras[-1][-1]
            common = forms & transition.bydays()
            if (transition.signature() == last.signature() and transition.local.year == last.local.year + 1
                    and common):
                eras[-1].append(transition)
                forms = common
                continue
        eras.append([transition])
        forms = transition.bydays()
    return eras


def _observance(era: list[_Transition], is_open: bool) -> Observance:
    first = era[0]
    if len(era) == 1:
        return Observance(first.kind, first.local, first.offset_from, first.offset_to, first.name)
    forms = set.intersection(*(t.bydays() for t in era))
    byday = min(forms, key=lambda f: (not f.startswith("-"), f))  # "last Sunday" reads best
    # UNTIL a day after the last onset: clients disagree on comparing a local onset with a
    # UTC UNTIL, and the next yearly onset is months away.
    until = None if is_open else era[-1].instant + dt.timedelta(days=1)
    return Observance(first.kind, first.local, first.offset_from, first.offset_to, first.name,
                      first.local.month, byday, until)


def _state(tz: ZoneInfo, instant: dt.datetime) -> tuple[dt.timedelta, bool, str]:
    local = instant.astimezone(tz)
    offset, dst = local.utcoffset(), local.dst()
    assert offset is not None
    return offset, bool(dst), local.tzname() or ""


def _transitions(tz: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[_Transition]:
    found = []
    moment, state = start, _state(tz, start)
    while moment < end:
        following = moment + _STEP
        new = _state(tz, following)
        if new != state:
            low, high = moment, following  # state(low) == old, state(high) == new
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _state(tz, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append(_Transition(high, state[0], new[0], new[1], new[2]))
        moment, state = following, new
    return found


@functools.lru_cache(maxsize=4096)
def _nth_weekday(year: int, month: int, byday: str) -> dt.date:
    nth, weekday = int(byday[:-2]), _WEEKDAYS.index(byday[-2:])
    first_weekday, days = calendar.monthrange(year, month)
    first = 1 + (weekday - first_weekday) % 7
    matching = list(range(first, days + 1, 7))
    return dt.date(year, month, matching[nth - 1] if nth > 0 else matching[nth])
