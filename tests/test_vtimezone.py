"""VTIMEZONE definitions: the fixed Europe/Warsaw block and those generated from zoneinfo."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Timezone

from generator.calendars.ical import vtimezone_component
from generator.calendars.vtimezone import (
    WARSAW,
    TimezoneNotExpressible,
    exists,
    generate_observances,
    mismatches,
    observances_for,
)

from .ical_tools import icaljs_one, vobject_calendar

# The block recommended by the feeds checklist (the shape Google and Outlook emit).
CHECKLIST_BLOCK = """\
BEGIN:VTIMEZONE
TZID:Europe/Warsaw
X-LIC-LOCATION:Europe/Warsaw
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
""".replace("\n", "\r\n")

WARSAW_TZ = ZoneInfo("Europe/Warsaw")


def _half_hours(start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    moments, moment = [], start
    while moment < end:
        moments.append(moment)
        moment += dt.timedelta(minutes=30)
    return moments


def test_the_fixed_warsaw_block_is_the_checklist_block() -> None:
    ours = vtimezone_component("Europe/Warsaw", WARSAW)
    assert ours.to_ical() == Timezone.from_ical(CHECKLIST_BLOCK).to_ical()
    text = ours.to_ical().decode()
    assert text.count("BEGIN:STANDARD") == 1 and text.count("BEGIN:DAYLIGHT") == 1
    assert "RDATE" not in text and "COMMENT" not in text


def test_the_fixed_warsaw_block_agrees_with_zoneinfo_from_1996_to_2040() -> None:
    # Every half hour of the last week of March and October, and every seventh hour otherwise.
    moments = [m for m in _half_hours(dt.datetime(1996, 1, 1), dt.datetime(2041, 1, 1))
               if (m.month in (3, 10) and m.day >= 25) or (m.hour % 7 == 0 and m.minute == 0)]
    assert mismatches(WARSAW, WARSAW_TZ, moments) == []


def test_before_1996_the_fixed_block_is_wrong_and_a_generated_one_is_used() -> None:
    # Until 1995 Poland went back to winter time in September.
    moments = [dt.datetime(1990, 9, 20, 12, 0), dt.datetime(1990, 10, 15, 12, 0)]
    assert mismatches(WARSAW, WARSAW_TZ, moments) == [dt.datetime(1990, 10, 15, 12, 0)]
    chosen = observances_for(WARSAW_TZ, moments)
    assert chosen != WARSAW
    assert mismatches(chosen, WARSAW_TZ, _half_hours(dt.datetime(1990, 1, 1), dt.datetime(1991, 1, 1))) == []


def test_generating_warsaw_gives_the_same_rules_as_the_fixed_block() -> None:
    generated = generate_observances(WARSAW_TZ, 2000, 2030)
    assert [(o.kind, o.month, o.byday, o.start.time(), o.offset_from, o.offset_to, o.name, o.until)
            for o in generated] == [
        (o.kind, o.month, o.byday, o.start.time(), o.offset_from, o.offset_to, o.name, None) for o in WARSAW
    ]


@pytest.mark.parametrize(
    ("key", "count"),
    [("Asia/Tokyo", 1), ("UTC", 1), ("America/New_York", 4), ("Europe/Moscow", 4), ("Australia/Sydney", 6)],
)
def test_generated_definitions_use_yearly_rules_where_the_zone_has_them(key: str, count: int) -> None:
    tz = ZoneInfo(key)
    observances = generate_observances(tz, 2005, 2027)
    assert len(observances) == count
    moments = [m for m in _half_hours(dt.datetime(2005, 1, 1), dt.datetime(2028, 1, 1))[::5] if exists(m, tz)]
    assert mismatches(observances, tz, moments) == []


def test_new_york_rules_change_in_2007_and_the_old_ones_end_there() -> None:
    observances = generate_observances(ZoneInfo("America/New_York"), 2005, 2027)
    rules = [(o.kind, o.month, o.byday, o.until is None) for o in observances]
    assert rules == [("DAYLIGHT", 4, "1SU", False), ("STANDARD", 10, "-1SU", False),
                     ("DAYLIGHT", 3, "2SU", True), ("STANDARD", 11, "1SU", True)]


def test_ical_js_reads_generated_definitions_like_zoneinfo() -> None:
    for key in ("America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Africa/Casablanca"):
        tz = ZoneInfo(key)
        zone = vtimezone_component(key, generate_observances(tz, 2012, 2026))
        data = (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//PL\r\n{zone.to_ical().decode()}"
                "END:VCALENDAR\r\n").encode()
        probe = [m for m in _half_hours(dt.datetime(2012, 1, 1), dt.datetime(2027, 1, 1))[::7]
                 if exists(m, tz) and m.replace(tzinfo=tz, fold=0).utcoffset() == m.replace(tzinfo=tz, fold=1).utcoffset()]
        offsets = icaljs_one(data, [m.isoformat() for m in probe])["probes"][key]
        wrong = [(m, o) for m, o in zip(probe, offsets, strict=True)
                 if o != m.replace(tzinfo=tz).utcoffset().total_seconds()]  # type: ignore[union-attr]
        assert wrong == [], key


def test_icalendars_own_vtimezone_is_read_wrong_by_clients_which_is_why_we_write_ours() -> None:
    # The reason for this module: icalendar 7.3's definition is RDATE-based, has two STANDARD
    # blocks, and ical.js and vobject read it as UTC+1 in July. If this test starts failing,
    # a new icalendar may have fixed it: revisit.
    zone = Timezone.from_tzid("Europe/Warsaw").to_ical().decode()
    assert "RDATE" in zone and zone.count("BEGIN:STANDARD") == 2
    data = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//PL\r\n{zone}END:VCALENDAR\r\n".encode()
    july = dt.datetime(2025, 7, 1, 12, 0)
    assert icaljs_one(data, [july.isoformat()])["probes"]["Europe/Warsaw"] == [3600]
    assert july.replace(tzinfo=vobject_calendar(data).vtimezone.gettzinfo()).utcoffset() == dt.timedelta(hours=1)
    assert july.replace(tzinfo=WARSAW_TZ).utcoffset() == dt.timedelta(hours=2)


def test_an_inexpressible_zone_is_reported_with_the_times_it_gets_wrong() -> None:
    error = TimezoneNotExpressible("2025-10-26 10:00")
    assert "2025-10-26 10:00" in str(error)
    from generator.source.messages import render_message

    what, fix = render_message("timezone_calendar", {"tz": "Mars/Olympus", "times": str(error)}, "pl")
    assert what.startswith("strefy czasowej „Mars/Olympus” nie da się zapisać") and "2025-10-26 10:00" in what
    assert render_message("timezone_calendar", {"tz": "X", "times": "t"}, "en")[1].startswith("set timezone:")
