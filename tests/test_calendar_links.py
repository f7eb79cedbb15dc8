"""Add-to-calendar links, parsed back and compared with the same event in the .ics (in UTC)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.calendars import feeds as calendar_feeds
from generator.calendars.events import campaign_events
from generator.calendars.ical import render_calendar
from generator.calendars.links import event_links, google_calendar_url, outlook_calendar_url
from generator.calendars.wording import event_description, event_location, event_summary

from .ical_tools import UTC, vobject_calendar
from .test_ical import HEAD, WARSAW, duty_yaml, load, make_settings

SLOTS = [("2025-03-29", "10:00-12:00"), ("2025-03-30", "00:30-01:59"), ("2025-03-30", "03:00-04:00"),
         ("2025-03-31", "10:00-12:00"), ("2025-10-25", "10:00-12:00"), ("2025-10-26", "00:30-01:59"),
         ("2025-10-26", "03:00-04:00"), ("2025-10-27", "10:00-12:00")]


def _query(url: str) -> dict[str, str]:
    parsed = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in parsed.values()), parsed
    return {k: v[0] for k, v in parsed.items()}


def test_links_give_the_same_utc_times_as_the_feed_on_both_sides_of_each_clock_change(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml(SLOTS))
    events = campaign_events(campaign, WARSAW)
    data = render_calendar(events, settings, feed=calendar_feeds.campaign_feed(campaign, settings))
    in_feed = {v.uid.value: (v.dtstart.value, v.dtend.value) for v in vobject_calendar(data).vevent_list}
    timed = [e for e in events if not e.all_day]
    assert len(timed) == len(SLOTS)
    for event in timed:
        start, end = (t.astimezone(UTC) for t in in_feed[event.uid(settings.host)])
        google = _query(google_calendar_url(event, None, settings))
        assert google["dates"] == f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        assert google["ctz"] == "Europe/Warsaw"
        for host in ("outlook.live.com", "outlook.office.com"):
            url = outlook_calendar_url(event, None, settings, host)
            assert urlsplit(url).netloc == host
            outlook = _query(url)
            assert dt.datetime.fromisoformat(outlook["startdt"].replace("Z", "+00:00")) == start
            assert dt.datetime.fromisoformat(outlook["enddt"].replace("Z", "+00:00")) == end
            assert outlook["startdt"].endswith("Z") and "allday" not in outlook


def test_spring_and_autumn_examples_by_hand(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    campaign = load(tmp_path, HEAD + duty_yaml([("2025-03-30", "03:00-04:00"), ("2025-10-26", "03:00-04:00")]))
    spring, autumn = (e for e in campaign_events(campaign, WARSAW) if not e.all_day)
    assert _query(google_calendar_url(spring, None, settings))["dates"] == "20250330T010000Z/20250330T020000Z"
    assert _query(google_calendar_url(autumn, None, settings))["dates"] == "20251026T020000Z/20251026T030000Z"


def test_texts_match_the_feed_and_are_encoded_once(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    yml = HEAD + ("meetings:\n  - title: 'Spotkanie & rozmowa: 50% \"za\", 50% przeciw'\n    date: 2025-09-10\n"
                  "    time: 16:00-18:00\n    place: 'Sala A/B, ul. Józefińska 14 #2'\n")
    campaign = load(tmp_path, yml)
    meeting = next(e for e in campaign_events(campaign, WARSAW) if e.kind == "meeting")
    google = _query(google_calendar_url(meeting, None, settings))
    assert google["action"] == "TEMPLATE"
    assert google["text"] == event_summary(meeting, settings)
    assert google["text"].startswith('Spotkanie & rozmowa: 50% "za", 50% przeciw – ')
    assert google["location"] == event_location(meeting, settings) == "Sala A/B, ul. Józefińska 14 #2"
    assert google["details"] == event_description(meeting, settings)
    outlook = _query(outlook_calendar_url(meeting, None, settings))
    assert (outlook["subject"], outlook["body"], outlook["location"]) == (
        google["text"], google["details"], google["location"])
    assert outlook["path"] == "/calendar/action/compose" and outlook["rru"] == "addevent"
    for url in (google_calendar_url(meeting, None, settings), outlook_calendar_url(meeting, None, settings)):
        assert "%25" not in url.replace("50%25", "")  # no double encoding
        assert " " not in url and "#" not in url


def test_the_deadline_is_all_day_in_both_services(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    deadline = campaign_events(load(tmp_path, HEAD), WARSAW)[-1]
    assert _query(google_calendar_url(deadline, None, settings))["dates"] == "20261218/20261219"
    outlook = _query(outlook_calendar_url(deadline, None, settings))
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == ("2026-12-18", "2026-12-18", "true")


@pytest.mark.parametrize(("language", "label"), [("pl", "Dodaj do Kalendarza Google"), ("en", "Add to Google Calendar")])
def test_event_links_offer_google_both_outlooks_and_the_ics_file(tmp_path: Path, language: str, label: str) -> None:
    settings = make_settings(tmp_path, language=language)
    event = campaign_events(load(tmp_path, HEAD + duty_yaml([("2025-09-10", "10:00-12:00")])), WARSAW)[0]
    links = event_links(event, settings)
    assert [link.service for link in links] == ["google", "outlook", "outlook365", "ics"]
    assert links[0].label == label
    assert links[-1].href == "https://konsultacje.example.pl/kalendarz/wydarzenia/zmiana-czasu/dyzur-1.ics"
    assert all(link.href.startswith("https://") for link in links)
