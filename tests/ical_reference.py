"""The calendars built with the icalendar library: the reference `generator/calendars/ical.py` must match.

The generator writes content lines itself (`generator/calendars/contentlines.py`) because
icalendar's serialisation dominated the build time of large sites. This module builds the
same calendars the way the generator did before, as icalendar components serialised with
`Calendar.to_ical()`, so tests can require identical bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Timezone, vCalAddress, vDuration, vText
from icalendar import Event as VEvent

from generator import urls
from generator.calendars import feeds as calendar_feeds
from generator.calendars.events import Event
from generator.calendars.feeds import CalendarFeed
from generator.calendars.ical import REFRESH, calendar_timezone, local_times, revision
from generator.calendars.wording import (
    clean,
    event_categories,
    event_description,
    event_location,
    event_summary,
    event_url,
)
from generator.options import Settings
from generator.source.model import Campaign

UTC = dt.timezone.utc


def reference_calendars(campaigns: Sequence[Campaign], settings: Settings) -> dict[str, bytes]:
    """Every .ics file of the site by path, built and serialised by icalendar."""
    events = calendar_feeds.every_event(campaigns, settings)
    outputs = {}
    zone = calendar_timezone(events, settings)
    feeds = calendar_feeds.all_feeds(campaigns, settings)
    for feed, chosen in zip(feeds, calendar_feeds.feed_events(feeds, events, settings), strict=True):
        outputs[feed.path] = reference_calendar(chosen, settings, zone, feed)
    oldest = settings.today - dt.timedelta(days=settings.feed_past_days)
    for event in events:
        if event.day < oldest:  # single downloads only for recent and coming events
            continue
        path = urls.ics_event(settings, event.campaign.slug, event.key)
        outputs[path] = reference_calendar([event], settings, zone, None, source=path)
    return outputs


def reference_calendar(
    events: Sequence[Event],
    settings: Settings,
    zone: Timezone,
    feed: CalendarFeed | None,
    source: str | None = None,
) -> bytes:
    """One VCALENDAR with the site's VTIMEZONE `zone` (when any event is in local time)."""
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add(
        "prodid",
        f"-//{settings.host}//Konsultacje//{'EN' if settings.language.lower().startswith('en') else 'PL'}",
    )
    cal.add("calscale", "GREGORIAN")
    if all(_organizer(e, settings) is not None for e in events):
        cal.add("method", "PUBLISH")
    cal.add("x-wr-timezone", settings.timezone.key)
    if feed is not None:
        for name in ("name", "x-wr-calname"):
            cal.add(name, vText(" ".join(clean(feed.title).split())))
        for name in ("description", "x-wr-caldesc"):
            cal.add(name, vText(clean(feed.description)))
        cal.add("url", settings.url(feed.page))
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
        source = feed.path
    if source is not None:
        cal.add("source", settings.url(source), parameters={"VALUE": "URI"})
    if not events or any(local_times(e) for e in events):
        cal.add_component(zone)
    for event in events:
        cal.add_component(_vevent(event, settings))
    return cal.to_ical()


def _vevent(event: Event, settings: Settings) -> VEvent:
    sequence, modified = revision(event.campaign, settings.today)
    vevent = VEvent()
    vevent.add("uid", event.uid(settings.host))
    vevent.add("dtstamp", modified)
    if (
        isinstance(event.start, dt.datetime)
        and isinstance(event.end, dt.datetime)
        and not local_times(event)
    ):
        vevent.add("dtstart", event.start.astimezone(UTC))
        vevent.add("dtend", event.end.astimezone(UTC))
    else:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
    vevent.add("sequence", sequence)
    vevent.add("last-modified", modified)
    vevent.add("created", dt.datetime.combine(event.campaign.data.published, dt.time(0, 0), tzinfo=UTC))
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("summary", event_summary(event, settings))
    location = event_location(event, settings)
    if location:
        vevent.add("location", location)
    vevent.add("description", event_description(event, settings))
    vevent.add("url", event_url(event, settings))
    vevent.add("categories", event_categories(event, settings))
    vevent.add("class", "PUBLIC")
    vevent.add("transp", "TRANSPARENT")
    organizer = _organizer(event, settings)
    if organizer is not None:
        vevent.add("organizer", organizer)
    return vevent


def _organizer(event: Event, settings: Settings) -> vCalAddress | None:
    contact = event.campaign.data.contact
    email = settings.organisation.email or (contact.email if contact is not None else None)
    if not email:
        return None
    address = vCalAddress(f"mailto:{email}")
    name = " ".join(
        clean(settings.organisation.name or event.campaign.data.organizer).replace('"', "").split()
    )
    address.params["CN"] = name
    return address
