"""Per-event "add to calendar" links (Google, Outlook) built from the same event as the .ics.

Each value is URL-encoded exactly once; times are given in UTC with a `Z`, which every
service reads the same way, and Google also gets the zone name for display.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from generator import urls
from generator.events import Event
from generator.settings import Settings


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc)


def event_details(event: Event, settings: Settings) -> str:
    """Plain-text description shared by the links: where, phones, and the page address."""
    lines = []
    if event.place:
        lines.append(event.place)
    if event.phones:
        lines.append("Tel.: " + ", ".join(event.phones))
    if event.online:
        lines.append(event.online)
    if event.note:
        lines.append(event.note)
    lines.append(settings.url(urls.campaign_page(settings, event.campaign.slug)))
    return "\n".join(lines)


def event_location(event: Event) -> str:
    """One-line location: the place, else the meeting link, else the phone numbers."""
    if event.place:
        return event.place
    if event.online:
        return event.online
    if event.phones:
        return "Telefonicznie: " + ", ".join(event.phones)
    return ""


def google_calendar_url(event: Event, title: str, settings: Settings) -> str:
    """A link that opens Google Calendar's "new event" form filled in."""
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        dates = f"{_utc(event.start):%Y%m%dT%H%M%SZ}/{_utc(event.end):%Y%m%dT%H%M%SZ}"
    else:
        dates = f"{event.start:%Y%m%d}/{event.end:%Y%m%d}"
    query = {
        "action": "TEMPLATE",
        "text": title,
        "dates": dates,
        "details": event_details(event, settings),
        "location": event_location(event),
        "ctz": settings.timezone.key,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event: Event, title: str, settings: Settings, host: str = "outlook.live.com") -> str:
    """A link that opens Outlook's "new event" form (outlook.office.com for work accounts)."""
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": title,
             "body": event_details(event, settings), "location": event_location(event)}
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        query["startdt"] = f"{_utc(event.start):%Y-%m-%dT%H:%M:%SZ}"
        query["enddt"] = f"{_utc(event.end):%Y-%m-%dT%H:%M:%SZ}"
    else:
        query["startdt"] = f"{event.start:%Y-%m-%d}"
        query["enddt"] = f"{event.end:%Y-%m-%d}"
        query["allday"] = "true"
    return f"https://{host}/calendar/0/deeplink/compose?" + urlencode(query)
