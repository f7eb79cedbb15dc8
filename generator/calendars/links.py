"""Per-event "add to calendar" links (Google, Outlook, .ics) built from the same event as the feeds.

Each value is URL-encoded exactly once. Timed events are given in UTC with a `Z`, which every
service reads the same way (Outlook ignores offsets such as +02:00); Google also gets the
zone name (`ctz`) so that it shows the event in the site's zone. All-day events use dates:
Google wants an exclusive end like iCalendar, Outlook an inclusive one with `allday=true`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from generator import urls
from generator.calendars.events import Event
from generator.calendars.wording import event_description, event_location, event_summary
from generator.i18n import translator
from generator.options import Settings

OUTLOOK_PERSONAL = "outlook.live.com"
OUTLOOK_WORK = "outlook.office.com"  # Microsoft 365 accounts, which most organisations use


@dataclass(frozen=True)
class CalendarLink:
    """One way to put an event into a calendar."""

    service: str  # "google", "outlook", "outlook365" or "ics"
    label: str
    href: str


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc)


def event_details(event: Event, settings: Settings) -> str:
    """Plain-text description shared with the .ics: when, where, phones, and the page address."""
    return event_description(event, settings)


def google_calendar_url(event: Event, title: str | None, settings: Settings) -> str:
    """A link that opens Google Calendar's "new event" form filled in."""
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        dates = f"{_utc(event.start):%Y%m%dT%H%M%SZ}/{_utc(event.end):%Y%m%dT%H%M%SZ}"
    else:
        dates = f"{event.start:%Y%m%d}/{event.end:%Y%m%d}"
    query = {
        "action": "TEMPLATE",
        "text": title or event_summary(event, settings),
        "dates": dates,
        "details": event_details(event, settings),
        "location": event_location(event, settings),
        "ctz": settings.timezone.key,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event: Event, title: str | None, settings: Settings, host: str = OUTLOOK_PERSONAL) -> str:
    """A link that opens Outlook's "new event" form (outlook.office.com for work accounts)."""
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title or event_summary(event, settings),
             "body": event_details(event, settings), "location": event_location(event, settings)}
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        query["startdt"] = f"{_utc(event.start):%Y-%m-%dT%H:%M:%SZ}"
        query["enddt"] = f"{_utc(event.end):%Y-%m-%dT%H:%M:%SZ}"
    else:
        assert isinstance(event.end, dt.date)
        query["startdt"] = f"{event.start:%Y-%m-%d}"
        query["enddt"] = f"{event.end - dt.timedelta(days=1):%Y-%m-%d}"
        query["allday"] = "true"
    return f"https://{host}/calendar/0/deeplink/compose?" + urlencode(query)


def event_links(event: Event, settings: Settings) -> list[CalendarLink]:
    """Every "add to calendar" link for one event, in the order pages show them."""
    t = translator(settings.language)
    return [
        CalendarLink("google", t("calendar.link.google"), google_calendar_url(event, None, settings)),
        CalendarLink("outlook", t("calendar.link.outlook"), outlook_calendar_url(event, None, settings, OUTLOOK_PERSONAL)),
        CalendarLink("outlook365", t("calendar.link.outlook365"), outlook_calendar_url(event, None, settings, OUTLOOK_WORK)),
        CalendarLink("ics", t("calendar.link.ics"), settings.url(urls.ics_event(settings, event.campaign.slug, event.key))),
    ]
