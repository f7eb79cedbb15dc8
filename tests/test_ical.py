"""iCalendar feeds on small consultations: times across clock changes, identity, escaping, format.

Every feed is read back by parsers that share no code with the generator: vobject (with
dateutil's VTIMEZONE reader) and ical.js, the parser Thunderbird uses.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from generator import urls
from generator.calendars import feeds as calendar_feeds
from generator.calendars.events import Event, campaign_events
from generator.calendars.ical import build_calendars, calendar_paths, render_calendar, revision
from generator.calendars.wording import event_description, event_location, event_summary
from generator.export import export_data
from generator.options import Organisation, Settings
from generator.source.check import check_campaigns
from generator.source.errors import Severity
from generator.source.model import Campaign, CampaignFile

from .conftest import TODAY, write_campaign
from .ical_tools import (
    UTC,
    expected_instant,
    icaljs_one,
    run_icaljs,
    stream_problems,
    unfold,
    vevent_blocks,
    vobject_calendar,
)

WARSAW = ZoneInfo("Europe/Warsaw")

HEAD = """\
title: Konsultacje wokół zmiany czasu
summary: Dyżury i spotkania w dni zmiany czasu.
organizer: Miejski Ośrodek Pomocy Społecznej w Testowie
published: 2025-01-10
opens: 2025-01-10
closes: 2026-12-18
categories: [rodzina, pomoc społeczna]
respond:
  - channel: email
    value: uwagi@example.pl
"""

# (date, time) on the days clocks change in 2025 and 2026 and on the days either side.
DST_SLOTS = [
    ("2025-03-29", "10:00-12:00"),
    ("2025-03-30", "00:30-01:59"),
    ("2025-03-30", "03:00-04:00"),
    ("2025-03-30", "10:00-12:00"),
    ("2025-03-31", "10:00-12:00"),
    ("2025-10-25", "10:00-12:00"),
    ("2025-10-26", "00:30-01:59"),
    ("2025-10-26", "03:00-04:00"),
    ("2025-10-26", "10:00-12:00"),
    ("2025-10-27", "10:00-12:00"),
    ("2026-03-28", "23:00-23:59"),
    ("2026-03-29", "01:00-01:59"),
    ("2026-03-29", "03:00-05:00"),
    ("2026-10-24", "22:00-23:59"),
    ("2026-10-25", "01:00-01:59"),
    ("2026-10-25", "03:00-05:00"),
    ("2026-10-26", "08:00-09:00"),
]


def duty_yaml(slots: list[tuple[str, str]]) -> str:
    lines = ["duty_hours:"]
    for day, time in slots:
        lines += [f"  - date: {day}", f"    time: {time}", "    mode: phone", "    phone: 12 345 67 89"]
    return "\n".join(lines) + "\n"


def make_settings(tmp_path: Path, **changes: object) -> Settings:
    base: dict[str, object] = dict(
        site_url="https://konsultacje.example.pl/",
        site_name="Konsultacje testowe",
        root=tmp_path,
        campaigns_dir=tmp_path / "campaigns",
        today=TODAY,
        build_time=dt.datetime(2025, 9, 1, 8, 0, tzinfo=UTC),
        organisation=Organisation(name="MOPS w Testowie", short_name="MOPS", email="mops@example.pl"),
    )
    base.update(changes)
    return Settings(**base)  # type: ignore[arg-type]


def load(tmp_path: Path, yml: str, slug: str = "zmiana-czasu", tz: ZoneInfo = WARSAW) -> Campaign:
    """Write one consultation and return it validated (warnings allowed, errors not)."""
    write_campaign(tmp_path, textwrap.dedent(yml), slug=slug)
    campaigns, problems = check_campaigns(tmp_path / "campaigns", tmp_path, tz)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert not errors, errors
    return next(c for c in campaigns if c.slug == slug)


def feed_of(campaign: Campaign, settings: Settings) -> bytes:
    events = campaign_events(campaign, settings.timezone)
    return render_calendar(events, settings, feed=calendar_feeds.campaign_feed(campaign, settings))


def by_uid(campaign: Campaign, settings: Settings) -> dict[str, Event]:
    return {e.uid(settings.host): e for e in campaign_events(campaign, settings.timezone)}


# ---------------------------------------------------------------- time


def test_every_event_lands_on_the_right_instant_across_both_clock_changes(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml(DST_SLOTS))
    data = feed_of(campaign, settings)
    events = by_uid(campaign, settings)
    assert len(events) == len(DST_SLOTS) + 1

    vcal = vobject_calendar(data)
    vobject_starts = {v.uid.value: (v.dtstart.value, v.dtend.value) for v in vcal.vevent_list}
    report = icaljs_one(data)
    checked = 0
    for item in report["events"]:
        event = events[item["uid"]]
        if event.all_day:
            continue
        assert isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime)
        for moment, js, vob in ((event.start, item["start"], vobject_starts[item["uid"]][0]),
                                (event.end, item["end"], vobject_starts[item["uid"]][1])):
            instant = moment.astimezone(UTC)
            assert js["tzid"] == "Europe/Warsaw" and js["declared"], js
            assert js["value"] == moment.replace(tzinfo=None).isoformat()
            assert js["offset"] == moment.utcoffset().total_seconds(), (moment, js)  # type: ignore[union-attr]
            assert js["unix"] == instant.timestamp(), (moment, js)
            assert vob.astimezone(UTC) == instant, (moment, vob)
            checked += 1
    assert checked == 2 * len(DST_SLOTS)


def test_offsets_on_both_sides_of_each_change_are_the_expected_ones(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml(DST_SLOTS))
    report = icaljs_one(feed_of(campaign, settings))
    offsets = {(e["start"]["value"]): e["start"]["offset"] for e in report["events"] if not e["start"]["isDate"]}
    hour = 3600
    assert offsets["2025-03-30T00:30:00"] == hour
    assert offsets["2025-03-30T03:00:00"] == 2 * hour
    assert offsets["2025-10-26T00:30:00"] == 2 * hour
    assert offsets["2025-10-26T03:00:00"] == hour
    assert offsets["2026-03-29T01:00:00"] == hour
    assert offsets["2026-03-29T03:00:00"] == 2 * hour
    assert offsets["2026-10-25T01:00:00"] == 2 * hour
    assert offsets["2026-10-25T03:00:00"] == hour


def test_vtimezone_gives_zoneinfo_offsets_hour_by_hour_in_ical_js_and_vobject(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml(DST_SLOTS[:1]))
    data = feed_of(campaign, settings)
    probe = []
    moment = dt.datetime(2024, 1, 1)
    while moment < dt.datetime(2031, 1, 1):
        local = moment.replace(tzinfo=WARSAW)
        exists = local.astimezone(UTC).astimezone(WARSAW).replace(tzinfo=None) == moment
        if exists and local.replace(fold=0).utcoffset() == local.replace(fold=1).utcoffset():
            probe.append(moment)
        moment += dt.timedelta(minutes=20 if moment.month in (3, 10) and moment.day >= 24 else 180)
    report = icaljs_one(data, [m.isoformat() for m in probe])
    tzinfo = vobject_calendar(data).vtimezone.gettzinfo()
    for local, js_offset in zip(probe, report["probes"]["Europe/Warsaw"], strict=True):
        expected = local.replace(tzinfo=WARSAW).utcoffset()
        assert js_offset == expected.total_seconds(), local  # type: ignore[union-attr]
        assert local.replace(tzinfo=tzinfo).utcoffset() == expected, local


def test_a_time_that_happens_twice_is_written_in_utc_as_its_first_occurrence(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml([("2025-10-26", "02:15-02:45"), ("2025-10-27", "10:00-11:00")]))
    data = feed_of(campaign, settings)
    lines = unfold(data)
    assert "DTSTART:20251026T001500Z" in lines  # 02:15 summer time
    assert "DTEND:20251026T004500Z" in lines
    report = icaljs_one(data, ["2025-10-26T02:15:00"])
    first = next(e for e in report["events"] if e["start"]["value"].startswith("2025-10-26"))
    assert first["start"]["unix"] == dt.datetime(2025, 10, 26, 0, 15, tzinfo=UTC).timestamp()
    # Why: ical.js reads the local 02:15 as the second occurrence, unlike RFC 5545 and zoneinfo.
    assert report["probes"]["Europe/Warsaw"] == [3600]


def test_check_rejects_skipped_times_and_warns_about_repeated_ones(tmp_path: Path) -> None:
    yml = HEAD + duty_yaml([("2025-03-30", "02:00-02:30"), ("2025-03-30", "01:00-03:00"),
                            ("2025-10-26", "02:59-03:30"), ("2025-10-26", "03:00-03:30"),
                            ("2025-03-30", "03:00-03:30")])
    write_campaign(tmp_path, yml, slug="zmiana-czasu")
    _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    found = sorted((p.code, p.severity, p.params.get("date"), p.params.get("time")) for p in problems
                   if p.code.startswith("time_"))
    assert found == [
        ("time_ambiguous", Severity.WARNING, dt.date(2025, 10, 26), "02:59"),
        ("time_nonexistent", Severity.ERROR, dt.date(2025, 3, 30), "02:00"),
        ("time_nonexistent", Severity.ERROR, dt.date(2025, 3, 30), "02:30"),
    ]


# ---------------------------------------------------------------- identity and changes

MEETING = HEAD + """\
updated: {updated}
meetings:
  - id: spotkanie-otwarte
    title: {title}
    date: {date}
    time: {time}
    place: {place}
duty_hours:
  - date: 2025-09-10
    time: {duty_time}
    mode: phone
    phone: 12 345 67 89
"""

ORIGINAL = dict(updated="2025-01-10", title="Otwarte spotkanie", date="2025-09-04", time="16:00-18:00",
                place="Sala A", duty_time="10:00-12:00")


def test_uids_stay_when_title_time_and_place_change_and_sequence_rises(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    before = load(tmp_path / "a", MEETING.format(**ORIGINAL))
    edited = dict(ORIGINAL, updated="2025-08-20", title="Spotkanie przeniesione", date="2025-10-26",
                  time="09:00-11:00", place="Sala B", duty_time="12:00-14:00")
    after = load(tmp_path / "b", MEETING.format(**edited))
    old, new = feed_of(before, settings), feed_of(after, settings)
    old_blocks, new_blocks = vevent_blocks(old), vevent_blocks(new)
    assert set(old_blocks) == set(new_blocks) and len(old_blocks) == 3
    for uid in old_blocks:
        assert old_blocks[uid] != new_blocks[uid]
    old_events, new_events = vobject_calendar(old).vevent_list, vobject_calendar(new).vevent_list
    old_seq = {e.uid.value: int(e.sequence.value) for e in old_events}
    new_seq = {e.uid.value: int(e.sequence.value) for e in new_events}
    assert all(new_seq[uid] > old_seq[uid] for uid in old_seq)
    moved = next(e for e in new_events if "Spotkanie przeniesione" in e.summary.value)
    assert moved.location.value == "Sala B"
    assert moved.dtstart.value.astimezone(UTC) == dt.datetime(2025, 10, 26, 8, 0, tzinfo=UTC)
    assert {e.last_modified.value for e in new_events} == {dt.datetime(2025, 8, 20, tzinfo=UTC)}


def test_an_explicit_id_keeps_the_uid_when_the_list_is_reordered(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    first = HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]).replace("  - date:", "  - id: dyzur-wrzesniowy\n    date:")
    second = HEAD + duty_yaml([("2025-09-01", "10:00-12:00")]) + (
        "  - id: dyzur-wrzesniowy\n    date: 2025-09-11\n    time: 10:00-12:00\n"
        "    mode: phone\n    phone: 12 345 67 89\n"
    )
    a = {e.key: e.uid(settings.host) for e in campaign_events(load(tmp_path / "a", first), WARSAW)}
    b = {e.key: e.uid(settings.host) for e in campaign_events(load(tmp_path / "b", second), WARSAW)}
    assert a["dyzur-wrzesniowy"] == b["dyzur-wrzesniowy"]
    assert len(set(b.values())) == len(b)


def test_uids_differ_between_consultations_and_kinds(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    one = load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]), slug="pierwsza")
    two = load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]), slug="druga")
    uids = [e.uid(settings.host) for c in (one, two) for e in campaign_events(c, WARSAW)]
    assert len(uids) == len(set(uids)) == 4


@pytest.mark.parametrize(
    ("extra", "sequence", "modified"),
    [
        ("", 0, "2025-01-10"),
        ("updated: 2025-01-15\n", 5, "2025-01-15"),
        ("updated: 2025-01-15\nchanges:\n  - date: 2025-01-15\n    summary: Zmiana sali.\n", 6, "2025-01-15"),
        ("updated: 2025-01-15\nchanges:\n  - date: 2025-01-15\n    summary: Zmiana sali.\n"
         "  - date: 2025-01-15\n    summary: Zmiana godziny.\n", 7, "2025-01-15"),
        ("changes:\n  - date: 2025-02-01\n    summary: Dodano dyżur.\n", 23, "2025-02-01"),
        ("updated: 2025-12-01\n", 0, "2025-01-10"),  # after the build day: not yet
    ],
)
def test_sequence_and_last_modified_come_from_the_revision_record(
    tmp_path: Path, extra: str, sequence: int, modified: str
) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + extra + duty_yaml([("2025-09-10", "10:00-12:00")]))
    expected = dt.datetime.fromisoformat(modified).replace(tzinfo=UTC)
    assert revision(campaign, TODAY) == (sequence, expected)
    lines = unfold(feed_of(campaign, settings))
    stamp = f"{expected:%Y%m%dT%H%M%SZ}"
    assert lines.count(f"SEQUENCE:{sequence}") == 2
    assert lines.count(f"LAST-MODIFIED:{stamp}") == 2
    assert lines.count(f"DTSTAMP:{stamp}") == 2
    assert lines.count("CREATED:20250110T000000Z") == 2


def test_sequence_grows_as_the_days_pass_the_recorded_update(tmp_path: Path) -> None:
    campaign = load(tmp_path, HEAD + "updated: 2025-09-05\n")
    values = [revision(campaign, TODAY + dt.timedelta(days=n))[0] for n in range(10)]
    assert values == sorted(values) and values[0] < values[-1]


# ---------------------------------------------------------------- cancelled events

CANCELLED = HEAD + """\
meetings:
  - title: Spotkanie z rodzinami
    date: 2025-09-20
    time: 17:00-19:00
    place: Sala A
    status: cancelled
duty_hours:
  - date: 2025-09-10
    time: 10:00-12:00
    mode: phone
    phone: 12 345 67 89
    status: cancelled
  - date: 2025-09-11
    time: 10:00-12:00
    mode: phone
    phone: 12 345 67 89
"""


@pytest.mark.parametrize(("language", "prefix"), [("pl", "ODWOŁANE: "), ("en", "CANCELLED: ")])
def test_cancelled_events_stay_in_every_feed_marked_in_status_and_title(
    tmp_path: Path, language: str, prefix: str
) -> None:
    settings = make_settings(tmp_path, language=language)
    load(tmp_path, CANCELLED)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    outputs = {o.path: o.content for o in build_calendars(campaigns, settings)}
    for path in (urls.ics_all(settings), urls.ics_duty(settings), urls.ics_campaign(settings, "zmiana-czasu"),
                 urls.ics_category(settings, "rodzina")):
        data = outputs[path]
        assert isinstance(data, bytes)
        report = icaljs_one(data)
        statuses = {e["summary"]: e["status"] for e in report["events"]}
        cancelled = {s for s, status in statuses.items() if status == "CANCELLED"}
        assert cancelled and all(s.startswith(prefix) for s in cancelled), statuses
        assert all(not s.startswith(prefix) for s, status in statuses.items() if status == "CONFIRMED")
    in_all = {e["summary"] for e in icaljs_one(outputs[urls.ics_all(settings)])["events"]}  # type: ignore[arg-type]
    assert sum(s.startswith(prefix) for s in in_all) == 2


# ---------------------------------------------------------------- text and escaping

SPECIAL = HEAD + """\
meetings:
  - id: znaki
    title: 'Spotkanie; przecinki, średniki; "cudzysłowy" i \\ ukośnik: dwukropek'
    date: 2025-09-10
    time: 16:00-18:00
    place: 'ul. Józefińska 14, pok. 1; III piętro, "Sala Błękitna" \\ wejście B'
    note: |-
      Pierwsza linia: ąęłóśźż ĄĘŁÓŚŹŻ.
      Druga linia; z przecinkiem, i "cytatem".
categories: ['kategoria, z przecinkiem', 'średnik; też']
"""


def test_commas_semicolons_quotes_backslashes_and_new_lines_round_trip(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, SPECIAL.replace("categories: [rodzina, pomoc społeczna]\n", ""))
    event = next(e for e in campaign_events(campaign, WARSAW) if e.key == "znaki")
    data = feed_of(campaign, settings)
    assert not stream_problems(data)
    summary, location, description = (event_summary(event, settings), event_location(event, settings),
                                       event_description(event, settings))
    assert '\\ ukośnik' in summary and "\n" in description and "Druga linia;" in description

    js = next(e for e in icaljs_one(data)["events"] if e["uid"] == event.uid(settings.host))
    assert (js["summary"], js["location"], js["description"]) == (summary, location, description)
    assert js["categories"] == ["spotkanie konsultacyjne", "kategoria, z przecinkiem", "średnik; też"]

    vob = next(v for v in vobject_calendar(data).vevent_list if v.uid.value == event.uid(settings.host))
    assert (vob.summary.value, vob.location.value, vob.description.value) == (summary, location, description)
    assert vob.categories.value == ["spotkanie konsultacyjne", "kategoria, z przecinkiem", "średnik; też"]

    raw = "\n".join(unfold(data))
    assert "LOCATION:ul. Józefińska 14\\, pok. 1\\; III piętro\\, \"Sala Błękitna\" \\\\ wejście B" in raw
    assert "CATEGORIES:spotkanie konsultacyjne,kategoria\\, z przecinkiem,średnik\\; też" in raw


def test_description_carries_time_place_phones_deadline_and_page_address(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]))
    report = icaljs_one(feed_of(campaign, settings))
    page = "https://konsultacje.example.pl/konsultacje/zmiana-czasu/"
    duty, deadline = report["events"]
    assert duty["location"] == "Telefonicznie: 12 345 67 89"
    assert duty["description"].splitlines() == [
        "Dyżur eksperta w konsultacjach: Konsultacje wokół zmiany czasu",
        "Kiedy: środa, 10 września 2025, 10:00–12:00 (czas polski)",
        "Telefon: 12 345 67 89",
        "Uwagi można zgłaszać do 18 grudnia 2026.",
        f"Szczegóły i dokumenty: {page}#wydarzenie-dyzur-1",
    ]
    assert duty["url"] == f"{page}#wydarzenie-dyzur-1"
    assert duty["summary"] == "Dyżur eksperta (telefonicznie): Konsultacje wokół zmiany czasu"
    assert deadline["summary"] == "Ostatni dzień na zgłoszenie uwag: Konsultacje wokół zmiany czasu"
    assert "– e-mail: uwagi@example.pl" in deadline["description"]
    assert deadline["description"].endswith(f"{page}#wydarzenie-termin")


def test_the_deadline_is_an_all_day_event_that_does_not_block_time(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD)
    lines = unfold(feed_of(campaign, settings))
    assert "DTSTART;VALUE=DATE:20261218" in lines
    assert "DTEND;VALUE=DATE:20261219" in lines
    assert "TRANSP:TRANSPARENT" in lines
    # An all-day event needs no time zone definition.
    assert "BEGIN:VTIMEZONE" not in lines
    deadline = icaljs_one(feed_of(campaign, settings))["events"][0]
    assert deadline["start"] == {"value": "2026-12-18", "isDate": True, "tzid": None, "type": "date"}


# ---------------------------------------------------------------- calendar object and format


def test_calendar_properties_follow_rfc_5545_and_7986(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]))
    lines = unfold(feed_of(campaign, settings))
    head = lines[: lines.index("BEGIN:VTIMEZONE")]
    for expected in ("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//konsultacje.example.pl//Konsultacje//PL",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:Europe/Warsaw",
                     "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
                     "URL:https://konsultacje.example.pl/konsultacje/zmiana-czasu/",
                     "SOURCE;VALUE=URI:https://konsultacje.example.pl/kalendarz/konsultacje/zmiana-czasu.ics"):
        assert head.count(expected) == 1, expected
    values = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in head}
    assert values["NAME"] == values["X-WR-CALNAME"] == "Konsultacje: Konsultacje wokół zmiany czasu"
    assert values["DESCRIPTION"] == values["X-WR-CALDESC"]
    assert "BEGIN:VALARM" not in lines
    events = vobject_calendar(feed_of(campaign, settings)).vevent_list
    for event in events:
        assert event.organizer.value == "mailto:mops@example.pl"
        assert event.organizer.params["CN"] == ["MOPS w Testowie"]
        assert event.transp.value == "TRANSPARENT" and event.contents["class"][0].value == "PUBLIC"
        assert "attendee" not in event.contents and "rrule" not in event.contents


def test_without_an_e_mail_the_calendar_drops_method_and_organizer(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, organisation=Organisation(name='MOPS "Testowo"', email=""))
    campaign = load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")]))
    lines = unfold(feed_of(campaign, settings))
    assert not any(line.startswith(("METHOD", "ORGANIZER")) for line in lines)
    with_contact = load(tmp_path / "b", HEAD + "contact:\n  email: dzial@example.pl\n")
    lines = unfold(feed_of(with_contact, settings))
    assert "METHOD:PUBLISH" in lines
    assert 'ORGANIZER;CN="MOPS Testowo":mailto:dzial@example.pl' in lines  # no quote inside CN


def test_every_file_uses_crlf_folds_at_75_octets_and_never_splits_a_character(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    long_place = "ul. Józefińska 14, " + "źdźbło żółwia " * 20
    yml = HEAD + f"meetings:\n  - title: {'Ćma ' * 40}\n    date: 2025-09-10\n    time: 16:00-18:00\n    place: {long_place}\n"
    load(tmp_path, yml)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    outputs = build_calendars(campaigns, settings)
    assert outputs
    for output in outputs:
        assert isinstance(output.content, bytes)
        assert stream_problems(output.content) == [], output.path
    data = next(o.content for o in outputs if o.path == urls.ics_all(settings))
    assert isinstance(data, bytes) and max(len(line) for line in data.split(b"\r\n")) > 70  # folding happened


def test_output_is_byte_identical_whatever_the_build_time(tmp_path: Path) -> None:
    load(tmp_path, CANCELLED)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    first = build_calendars(campaigns, make_settings(tmp_path))
    later = build_calendars(campaigns, make_settings(tmp_path, build_time=dt.datetime(2030, 1, 1, tzinfo=UTC)))
    assert first == later
    assert not any(b"2030" in o.content for o in later if isinstance(o.content, bytes))


def test_site_feeds_keep_a_year_of_past_events_while_a_consultations_feed_keeps_all(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, feed_past_days=30)
    old_and_new = HEAD + duty_yaml([("2025-07-01", "10:00-12:00"), ("2025-08-02", "10:00-12:00"),
                                    ("2025-08-01", "10:00-12:00"), ("2026-05-05", "10:00-12:00")])
    load(tmp_path, old_and_new)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    outputs = {o.path: o.content for o in build_calendars(campaigns, settings)}

    def days(path: str) -> list[str]:
        data = outputs[path]
        assert isinstance(data, bytes)
        return [e["start"]["value"][:10] for e in icaljs_one(data)["events"]]

    assert days(urls.ics_campaign(settings, "zmiana-czasu")) == ["2025-07-01", "2025-08-01", "2025-08-02",
                                                                  "2026-05-05", "2026-12-18"]
    assert days(urls.ics_all(settings)) == ["2025-08-02", "2026-05-05", "2026-12-18"]
    assert days(urls.ics_duty(settings)) == ["2025-08-02", "2026-05-05"]
    assert days(urls.ics_category(settings, "pomoc społeczna")) == ["2025-08-02", "2026-05-05", "2026-12-18"]


def test_an_empty_feed_is_still_a_valid_calendar(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    feed = calendar_feeds.site_feeds(settings)[1]
    data = render_calendar([], settings, feed=feed)
    assert not stream_problems(data)
    vobject_calendar(data)
    report = icaljs_one(data)
    assert report["events"] == [] and report["timezones"] == ["Europe/Warsaw"]


def test_single_event_files_match_the_feeds_and_carry_no_calendar_name(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    load(tmp_path, CANCELLED)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    outputs = {o.path: o.content for o in build_calendars(campaigns, settings)}
    feed = outputs[urls.ics_campaign(settings, "zmiana-czasu")]
    assert isinstance(feed, bytes)
    feed_blocks = vevent_blocks(feed)
    singles = [p for p in outputs if p.startswith("kalendarz/wydarzenia/zmiana-czasu/")]
    assert sorted(singles) == [f"kalendarz/wydarzenia/zmiana-czasu/{k}.ics"
                               for k in ("dyzur-1", "dyzur-2", "spotkanie-1", "termin")]
    for path in singles:
        data = outputs[path]
        assert isinstance(data, bytes)
        blocks = vevent_blocks(data)
        assert len(blocks) == 1
        uid, block = next(iter(blocks.items()))
        assert feed_blocks[uid] == block
        lines = unfold(data)
        assert not any(line.startswith(("X-WR-CALNAME", "NAME:", "REFRESH-INTERVAL")) for line in lines)
        assert f"SOURCE;VALUE=URI:https://konsultacje.example.pl/{path}" in lines
        assert ("BEGIN:VTIMEZONE" in lines) == ("termin" not in path)
        vobject_calendar(data)


def test_feeds_exist_for_every_consultation_and_category_even_without_events(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, feed_past_days=1)
    old = HEAD.replace("2025-01-10", "2020-01-10").replace("2026-12-18", "2020-02-18").replace(
        "[rodzina, pomoc społeczna]", "[Współpraca z NGO, współpraca z ngo]")
    load(tmp_path, old, slug="stara")
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    paths = sorted(o.path for o in build_calendars(campaigns, settings) if "/wydarzenia/" not in o.path)
    assert paths == ["kalendarz/dyzury.ics", "kalendarz/kategorie/wspolpraca-z-ngo.ics",
                     "kalendarz/konsultacje/stara.ics", "kalendarz/wszystkie.ics"]



def test_only_recent_and_coming_events_get_a_single_download(tmp_path: Path) -> None:
    # The archive must not add a file per event for ever: the same window as the site-wide feed.
    settings = make_settings(tmp_path, feed_past_days=30)
    old = HEAD.replace("2025-01-10", "2020-01-10").replace("2026-12-18", "2020-02-18")
    load(tmp_path, old, slug="stara")
    load(tmp_path, CANCELLED)
    campaigns, _ = check_campaigns(tmp_path / "campaigns", tmp_path, WARSAW)
    outputs = {o.path: o.content for o in build_calendars(campaigns, settings)}
    assert not [p for p in outputs if p.startswith("kalendarz/wydarzenia/stara/")]
    assert [p for p in outputs if p.startswith("kalendarz/wydarzenia/zmiana-czasu/")]
    old_feed = outputs[urls.ics_campaign(settings, "stara")]
    assert isinstance(old_feed, bytes) and vevent_blocks(old_feed)  # still in its consultation's feed
    assert sorted(calendar_paths(campaigns, settings)) == sorted(outputs)
    exported = export_data(campaigns, settings)["consultations"]
    old_events = [e for c in exported if c["slug"] == "stara" for e in c["events"]]
    assert old_events and all(e["ics"] is None for e in old_events)
    new_events = [e for c in exported if c["slug"] == "zmiana-czasu" for e in c["events"]]
    assert new_events and all(e["ics"].removeprefix("https://konsultacje.example.pl/") in outputs for e in new_events)

# ---------------------------------------------------------------- other time zones


@pytest.mark.parametrize("key", ["America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Europe/London",
                                 "Asia/Tokyo", "Africa/Casablanca", "Europe/Moscow"])
def test_other_time_zones_get_a_generated_vtimezone_that_clients_read_right(tmp_path: Path, key: str) -> None:
    tz = ZoneInfo(key)
    settings = make_settings(tmp_path, timezone=tz)
    slots = [(f"{year}-{month:02d}-{day:02d}", "12:00-13:30") for year in range(2010, 2027)
             for month in range(1, 13) for day in (1, 15)]
    campaign = load(tmp_path, HEAD.replace("2025-01-10", "2009-01-01") + duty_yaml(slots), tz=tz)
    data = feed_of(campaign, settings)
    assert not stream_problems(data)
    assert "RDATE" not in data.decode()
    report = icaljs_one(data)
    assert report["timezones"] == [key]
    tzinfo = vobject_calendar(data).vtimezone.gettzinfo()
    timed = [e for e in report["events"] if not e["start"]["isDate"]]
    assert len(timed) == len(slots)
    for item in timed:
        for side in ("start", "end"):
            instant = expected_instant(item[side]["value"], tz)
            assert item[side]["unix"] == instant.timestamp(), (key, item[side])
            local = dt.datetime.fromisoformat(item[side]["value"])
            assert local.replace(tzinfo=tzinfo).utcoffset() == local.replace(tzinfo=UTC) - instant, (key, local)


def test_ical_js_is_run_on_many_calendars_at_once() -> None:
    reports = run_icaljs([{"name": str(n), "text": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"}
                          for n in range(3)] + [{"name": "broken", "text": "BEGIN:VCALENDAR\r\nX\r\n"}])
    assert [r["error"] is None for r in reports] == [True, True, True, False]
    assert re.search("invalid line", reports[-1]["error"])


# ---------------------------------------------------------------- any text


def _campaign(title: str, place: str, note: str, category: str) -> Campaign:
    # Validation refuses C0 control characters with a message to the editor; the calendar cleans
    # them anyway, so the texts are put in after validation (stripped, as validation does).
    data = CampaignFile.model_validate({
        "title": "x", "summary": "Opis.", "organizer": "MOPS", "published": "2025-01-10", "opens": "2025-01-10",
        "closes": "2025-12-18", "categories": ["x"],
        "meetings": [{"title": "x", "date": "2025-10-26", "time": "10:00-12:00", "place": "x", "note": "x"}],
    })
    meeting = data.meetings[0].model_copy(update={"title": title.strip(), "place": place.strip(), "note": note.strip()})
    data = data.model_copy(update={"title": title.strip(), "categories": [category.strip()], "meetings": [meeting]})
    return Campaign(slug="dowolny-tekst", data=data, body="", source_dir="campaigns/dowolny-tekst")


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=120).filter(
    lambda s: s.strip() != "")


def test_any_text_an_editor_can_write_gives_calendars_that_both_parsers_read_back(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    samples: list[tuple[Campaign, bytes]] = []

    @settings_hypothesis(max_examples=60, deadline=None, derandomize=True)
    @given(title=_TEXT, place=_TEXT, note=_TEXT, category=_TEXT)
    def collect(title: str, place: str, note: str, category: str) -> None:
        campaign = _campaign(title, place, note, category)
        data = feed_of(campaign, settings)
        assert stream_problems(data) == []
        samples.append((campaign, data))

    collect()
    reports = run_icaljs([{"name": str(i), "text": data.decode()} for i, (_, data) in enumerate(samples)])
    for (campaign, data), report in zip(samples, reports, strict=True):
        assert report["error"] is None, (campaign.data.title, report["error"])
        meeting = next(e for e in campaign_events(campaign, WARSAW) if e.kind == "meeting")
        js = next(e for e in report["events"] if e["uid"] == meeting.uid(settings.host))
        expected = (event_summary(meeting, settings), event_location(meeting, settings),
                    event_description(meeting, settings))
        assert (js["summary"], js["location"] or "", js["description"]) == expected
        vob = next(v for v in vobject_calendar(data).vevent_list if v.uid.value == meeting.uid(settings.host))
        location = vob.location.value if "location" in vob.contents else ""
        assert (vob.summary.value, location, vob.description.value) == expected


def test_control_characters_and_carriage_returns_are_cleaned_from_calendar_text(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = _campaign("Tytuł\x07 z\u0085 dzwonkiem", "Sala\r\nB", "Linia 1\rLinia 2\x1b[31m", "rodzina\x00")
    meeting = next(e for e in campaign_events(campaign, WARSAW) if e.kind == "meeting")
    assert event_summary(meeting, settings).startswith("Tytuł z dzwonkiem – ")
    assert event_location(meeting, settings) == "Sala B"
    assert "Linia 1\nLinia 2[31m" in event_description(meeting, settings)
    data = feed_of(campaign, settings)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)
    assert icaljs_one(data)["events"][0]["categories"] == ["spotkanie konsultacyjne", "rodzina"]
