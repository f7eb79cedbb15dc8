"""Every .ics of the example site, as published: valid, complete, stable and read right by clients.

Snapshots in tests/data/ical/ guard what subscribers depend on across commits: the feed URLs
(never removed), each event's UID (never changed) and SEQUENCE (raised whenever the time,
place, title or status changes). Refresh them with UPDATE_SNAPSHOTS=1 after a reviewed change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
import os
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from .conftest import TODAY, build_site
from .example import CONCLUDED_WITH_REPORT, UNPUBLISHED, UPCOMING
from .ical_tools import (
    UTC,
    expected_instant,
    run_icaljs,
    stream_problems,
    unfold,
    vevent_blocks,
    vobject_calendar,
)

WARSAW = ZoneInfo("Europe/Warsaw")
HOST = "https://konsultacje.mops.example.pl/"
SNAPSHOTS = Path(__file__).resolve().parent / "data" / "ical"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
OLD = CONCLUDED_WITH_REPORT


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "kalendarz").rglob("*.ics"))}


@pytest.fixture(scope="module")
def ics(example_site: Path) -> dict[str, bytes]:
    files = _files(example_site)
    assert len(files) > 20
    return files


@pytest.fixture(scope="module")
def icaljs(ics: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    reports = run_icaljs([{"name": path, "text": data.decode("utf-8")} for path, data in ics.items()])
    return {r["name"]: r for r in reports}


def _feeds(ics: dict[str, bytes]) -> dict[str, bytes]:
    return {p: d for p, d in ics.items() if "/wydarzenia/" not in p}


# ---------------------------------------------------------------- format and validity


def test_every_file_has_crlf_lines_folded_at_75_octets_in_utf_8(ics: dict[str, bytes]) -> None:
    problems = {path: stream_problems(data) for path, data in ics.items()}
    assert {p: v for p, v in problems.items() if v} == {}


def test_every_file_passes_vobject_validation(ics: dict[str, bytes]) -> None:
    for path, data in ics.items():
        calendar = vobject_calendar(data)
        assert calendar.name == "VCALENDAR", path


def test_ical_js_parses_every_file(icaljs: dict[str, dict[str, Any]]) -> None:
    assert {path: r["error"] for path, r in icaljs.items() if r["error"]} == {}


def test_icalendar_round_trip_finds_no_broken_values_or_undeclared_zones(ics: dict[str, bytes]) -> None:
    for path, data in ics.items():
        calendar = Calendar.from_ical(data)
        assert calendar.get_missing_tzids() == set(), path
        assert [c.errors for c in calendar.walk() if c.errors] == [], path


def test_ics_files_are_served_as_text_calendar() -> None:
    assert mimetypes.guess_type("wszystkie.ics")[0] == "text/calendar"


def test_times_are_local_with_tzid_utc_or_all_day_dates_never_floating(ics: dict[str, bytes]) -> None:
    forms = re.compile(r"^(DTSTART|DTEND)(;TZID=Europe/Warsaw:\d{8}T\d{6}|:\d{8}T\d{6}Z|;VALUE=DATE:\d{8})$")
    stamps = re.compile(r"^(DTSTAMP|LAST-MODIFIED|CREATED):\d{8}T\d{6}Z$")
    for path, data in ics.items():
        for line in unfold(data):
            if line.startswith(("DTSTART", "DTEND")) and not _in_vtimezone(line):
                assert forms.match(line), (path, line)
            if line.startswith(("DTSTAMP", "LAST-MODIFIED", "CREATED")):
                assert stamps.match(line), (path, line)


def _in_vtimezone(line: str) -> bool:
    return re.fullmatch(r"DTSTART:\d{8}T\d{6}", line) is not None


def test_events_never_repeat_alarm_or_invite(ics: dict[str, bytes]) -> None:
    for path, data in ics.items():
        for block in vevent_blocks(data).values():
            for name in ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "BEGIN:VALARM", "ATTENDEE"):
                assert f"\r\n{name}" not in block, (path, name)


def test_each_calendar_declares_one_rrule_vtimezone_exactly_when_it_uses_local_times(ics: dict[str, bytes]) -> None:
    for path, data in ics.items():
        text = data.decode()
        uses_local = ";TZID=" in text
        assert text.count("BEGIN:VTIMEZONE") == (1 if uses_local or "BEGIN:VEVENT" not in text else 0), path
        if uses_local:
            assert set(re.findall(r";TZID=([^:;]+)", text)) == {"Europe/Warsaw"}, path
            zone = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE")]
            assert zone.count("RRULE:FREQ=YEARLY") == 2 and "RDATE" not in zone, path
            assert text.index("BEGIN:VTIMEZONE") < text.find("BEGIN:VEVENT"), path


def test_every_local_time_gives_zoneinfos_instant_in_ical_js_and_vobject(
    ics: dict[str, bytes], icaljs: dict[str, dict[str, Any]]
) -> None:
    checked = 0
    for path, report in icaljs.items():
        vob = {v.uid.value: v for v in vobject_calendar(ics[path]).contents.get("vevent", [])}
        for event in report["events"]:
            for side in ("start", "end"):
                value = event[side]
                if value["isDate"]:
                    continue
                assert value["tzid"] == "Europe/Warsaw" and value["declared"], (path, value)
                instant = expected_instant(value["value"], WARSAW)
                offset = dt.datetime.fromisoformat(value["value"]).replace(tzinfo=WARSAW).utcoffset()
                assert value["offset"] == offset.total_seconds(), (path, value)  # type: ignore[union-attr]
                assert value["unix"] == instant.timestamp(), (path, value)
                parsed = vob[event["uid"]].dtstart.value if side == "start" else vob[event["uid"]].dtend.value
                assert parsed.astimezone(UTC) == instant, (path, value)
                checked += 1
    assert checked > 50


def test_the_meeting_on_the_autumn_clock_change_day_is_at_nine_utc(icaljs: dict[str, dict[str, Any]]) -> None:
    report = icaljs[f"kalendarz/wydarzenia/{UPCOMING}/spotkanie-hybrydowe.ics"]
    (event,) = report["events"]
    assert event["start"]["value"] == "2025-10-26T10:00:00"
    assert event["start"]["unix"] == dt.datetime(2025, 10, 26, 9, 0, tzinfo=UTC).timestamp()


def test_all_day_deadlines_end_the_next_day_and_every_event_is_transparent(
    icaljs: dict[str, dict[str, Any]],
) -> None:
    for path, report in icaljs.items():
        for event in report["events"]:
            assert event["transp"] == "TRANSPARENT", path
            if event["start"]["isDate"]:
                start = dt.date.fromisoformat(event["start"]["value"])
                assert event["end"]["value"] == (start + dt.timedelta(days=1)).isoformat(), path
            else:
                assert event["end"]["unix"] > event["start"]["unix"], path


# ---------------------------------------------------------------- content


def test_calendars_carry_name_refresh_hints_and_their_own_address(ics: dict[str, bytes]) -> None:
    for path, data in _feeds(ics).items():
        lines = unfold(data)
        head = lines[: next(i for i, line in enumerate(lines) if line.startswith("BEGIN:V") and i > 0)]
        values = dict(line.split(":", 1) for line in head if ":" in line)
        assert values["VERSION"] == "2.0" and values["METHOD"] == "PUBLISH", path
        assert values["PRODID"] == "-//konsultacje.mops.example.pl//Konsultacje//PL", path
        assert values["NAME"] == values["X-WR-CALNAME"] and values["NAME"], path
        assert values["DESCRIPTION"] == values["X-WR-CALDESC"], path
        assert values["X-WR-TIMEZONE"] == "Europe/Warsaw", path
        assert values["REFRESH-INTERVAL;VALUE=DURATION"] == "PT6H" == values["X-PUBLISHED-TTL"], path
        assert values["SOURCE;VALUE=URI"] == HOST + path, path
        assert values["URL"].startswith(HOST), path


def test_events_link_back_to_existing_pages_and_say_where_and_which_phone(
    example_site: Path, icaljs: dict[str, dict[str, Any]]
) -> None:
    for path, report in icaljs.items():
        for event in report["events"]:
            url = event["url"]
            assert url.startswith(HOST) and "#wydarzenie-" in url, (path, url)
            page = example_site / url[len(HOST):].split("#")[0] / "index.html"
            assert page.is_file(), url
            assert event["description"].endswith(url), path
            assert event["summary"] and len(event["summary"]) <= 160, path
            assert "organizer" in event["properties"], path
    duty = icaljs[f"kalendarz/wydarzenia/{UPCOMING}/dyzur-2.ics"]["events"][0]
    assert duty["location"] == "Telefonicznie: 12 616 54 60"
    assert "Telefon: 12 616 54 60" in duty["description"]
    # Events of 2021 are in their consultation's own feed; they have no single download of
    # their own any more (older than feed_past_days), as the page offers none.
    old = icaljs[f"kalendarz/konsultacje/{OLD}.ics"]["events"]
    assert any("Telefon: 12 616 54 50, 887 202 896" in e["description"] for e in old)
    assert not [p for p in icaljs if p.startswith(f"kalendarz/wydarzenia/{OLD}/")]


def test_the_cancelled_meeting_stays_in_every_feed_that_holds_it(icaljs: dict[str, dict[str, Any]]) -> None:
    holders = []
    for path, report in icaljs.items():
        for event in report["events"]:
            if event["url"].endswith("#wydarzenie-spotkanie-rodziny-zastepcze"):
                assert event["status"] == "CANCELLED", path
                assert event["summary"].startswith("ODWOŁANE: "), path
                assert event["description"].startswith("To wydarzenie zostało odwołane."), path
                holders.append(path)
            else:
                assert event["status"] == "CONFIRMED", path
    assert sorted(holders) == sorted([
        "kalendarz/wszystkie.ics", f"kalendarz/konsultacje/{UPCOMING}.ics", "kalendarz/kategorie/rodzina.ics",
        "kalendarz/kategorie/piecza-zastepcza.ics", f"kalendarz/wydarzenia/{UPCOMING}/spotkanie-rodziny-zastepcze.ics",
    ])


def test_site_feeds_hold_the_last_year_and_the_future_and_consultation_feeds_everything(
    icaljs: dict[str, dict[str, Any]],
) -> None:
    since = TODAY - dt.timedelta(days=365)

    def days(path: str) -> list[dt.date]:
        return [dt.date.fromisoformat(e["start"]["value"][:10]) for e in icaljs[path]["events"]]

    everything = days("kalendarz/wszystkie.ics")
    assert everything and min(everything) >= since and everything == sorted(everything)
    assert len(everything) == 5 + 5  # the open and the upcoming consultation
    assert all(e["summary"].startswith("Dyżur") for e in icaljs["kalendarz/dyzury.ics"]["events"])
    assert len(days("kalendarz/dyzury.ics")) == 5
    assert days(f"kalendarz/konsultacje/{OLD}.ics")[0] == dt.date(2021, 8, 12)
    assert len(days(f"kalendarz/konsultacje/{OLD}.ics")) == 5
    assert days("kalendarz/kategorie/strategie.ics") == []


def test_an_unpublished_consultation_is_in_no_calendar(ics: dict[str, bytes]) -> None:
    assert not [p for p in ics if UNPUBLISHED in p]
    assert not [p for p, data in ics.items() if UNPUBLISHED.encode() in data.replace(b"\r\n ", b"")]


def test_each_event_is_the_same_bytes_in_its_own_file_and_in_every_feed(ics: dict[str, bytes]) -> None:
    singles: dict[str, str] = {}
    for path, data in ics.items():
        if "/wydarzenia/" in path:
            blocks = vevent_blocks(data)
            assert len(blocks) == 1, path
            assert not any(line.startswith(("X-WR-CALNAME", "NAME:")) for line in unfold(data)), path
            singles.update(blocks)
    seen: set[str] = set()
    for path, data in _feeds(ics).items():
        blocks = vevent_blocks(data)
        assert data.decode().count("BEGIN:VEVENT") == len(blocks), f"{path}: a UID appears twice"
        for uid, block in blocks.items():
            if uid in singles:  # old events have no single download
                assert singles[uid] == block, (path, uid)
                seen.add(uid)
    assert seen == set(singles)
    assert len(singles) >= 10  # the example's recent and coming events


def test_every_page_links_the_site_wide_calendar_in_its_head(example_site: Path, ics: dict[str, bytes]) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = re.findall(r'<link rel="alternate" type="text/calendar"[^>]*href="([^"]+)"', head)
        # First the site's; a consultation's or a category's page adds its own.
        assert links[0] == HOST + "kalendarz/wszystkie.ics", page
        assert all(link.startswith(HOST + "kalendarz/") and link.endswith(".ics") for link in links), page
    assert "kalendarz/wszystkie.ics" in ics


def test_a_rebuild_gives_byte_identical_calendars(tmp_path: Path, ics: dict[str, bytes]) -> None:
    result = build_site(Path(__file__).resolve().parent.parent, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "again") == ics
    build_moment = b"20250901T080000Z"  # SOURCE_DATE_EPOCH of the test builds
    assert not [p for p, data in ics.items() if build_moment in data]


# ---------------------------------------------------------------- promises to subscribers


def _fingerprint(block: str) -> str:
    lines = block.replace("\r\n ", "").split("\r\n")
    significant = sorted(line for line in lines if line.startswith(("DTSTART", "DTEND", "LOCATION", "STATUS", "SUMMARY")))
    return hashlib.sha256("\n".join(significant).encode()).hexdigest()[:16]


def _events(ics: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    # Each consultation's own feed holds its whole history (single downloads only recent events).
    found = {}
    for path, data in ics.items():
        if not path.startswith("kalendarz/konsultacje/"):
            continue
        slug = path.removeprefix("kalendarz/konsultacje/").removesuffix(".ics")
        for uid, block in vevent_blocks(data).items():
            anchor = re.search(r"\r\nURL:[^#\r]*#wydarzenie-([^\r]+)\r\n", block.replace("\r\n ", ""))
            assert anchor is not None, (path, uid)
            found[f"{slug}/{anchor.group(1)}"] = _event_record(uid, block)
    return found


def _event_record(uid: str, block: str) -> dict[str, Any]:
    sequence = re.search(r"\r\nSEQUENCE:(\d+)\r\n", block)
    assert sequence is not None
    return {"uid": uid, "sequence": int(sequence.group(1)), "fingerprint": _fingerprint(block)}


def _snapshot(name: str, current: Any) -> Any:
    """The committed snapshot `name`; `make snapshots` rewrites it from `current` for review.

    A missing snapshot fails: a test that wrote its own expectation would pass whatever it found.
    """
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(current, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    if not path.is_file():
        pytest.fail(f"the snapshot {path.relative_to(SNAPSHOTS.parent.parent.parent)} is missing: "
                    "run `make snapshots` and review the diff", pytrace=False)
    return json.loads(path.read_text(encoding="utf-8"))


def test_no_published_feed_address_ever_disappears(ics: dict[str, bytes]) -> None:
    published = _snapshot("published-feeds.json", sorted(_feeds(ics)))
    missing = [p for p in published if p not in ics]
    assert missing == [], "feeds subscribers use would vanish; keep publishing them"


def test_event_uids_never_change_and_sequence_rises_with_every_visible_change(ics: dict[str, bytes]) -> None:
    current = _events(ics)
    recorded = _snapshot("events.json", current)
    for key, before in recorded.items():
        assert key in current, f"{key} was deleted; mark it cancelled (status: cancelled) instead"
        now = current[key]
        assert now["uid"] == before["uid"], key
        assert now["sequence"] >= before["sequence"], f"{key}: SEQUENCE went down"
        if now["fingerprint"] != before["fingerprint"]:
            assert now["sequence"] > before["sequence"], (
                f"{key} changed but SEQUENCE did not rise: move 'updated' forward or add a 'changes' entry"
            )


def test_the_json_export_names_the_same_events_uids_and_instants_as_the_calendars(
    example_site: Path, ics: dict[str, bytes], icaljs: dict[str, dict[str, Any]]
) -> None:
    export = json.loads((example_site / "api" / "konsultacje.json").read_text(encoding="utf-8"))
    consultations = export["consultations"]
    checked = 0
    for consultation in consultations:
        assert consultation["calendar"].removeprefix(HOST) in ics
        for event in consultation["events"]:
            if event["ics"] is None:  # older than the site-wide calendar keeps: in its consultation's feed only
                assert dt.date.fromisoformat(event["end"][:10]) < dt.date(2024, 9, 1), event
                continue
            path = event["ics"].removeprefix(HOST)
            (parsed,) = icaljs[path]["events"]
            assert parsed["uid"] == event["uid"], path
            assert parsed["url"] == event["url"], path
            if not event["all_day"]:
                assert parsed["start"]["unix"] == dt.datetime.fromisoformat(event["start"]).timestamp(), path
            checked += 1
    assert checked == len([p for p in ics if "/wydarzenia/" in p])


_PARAM_VALUE = r'("[^"\x00-\x1f]*"|[^";:,\x00-\x1f]*)'
_CONTENT_LINE = re.compile(rf"^[A-Z][A-Z0-9-]*(;[A-Z][A-Z0-9-]*={_PARAM_VALUE}(,{_PARAM_VALUE})*)*:")


def test_parameters_are_well_formed_and_quoted_where_needed(ics: dict[str, bytes]) -> None:
    for path, data in ics.items():
        for line in unfold(data):
            assert _CONTENT_LINE.match(line), (path, line)


def test_start_and_end_share_a_form_and_dtstamp_is_last_modified(
    ics: dict[str, bytes], icaljs: dict[str, dict[str, Any]]
) -> None:
    for path, report in icaljs.items():
        for event in report["events"]:
            start, end = event["start"], event["end"]
            assert (start["isDate"], start["tzid"]) == (end["isDate"], end["tzid"]), path
    for path, data in ics.items():
        for block in vevent_blocks(data).values():
            stamp = re.search(r"\r\nDTSTAMP:(\S+)\r\n", block)
            modified = re.search(r"\r\nLAST-MODIFIED:(\S+)\r\n", block)
            assert stamp and modified and stamp.group(1) == modified.group(1), path
