"""iCalendar feeds of duty hours, meetings and deadlines (RFC 5545, RFC 7986).

What subscribers' calendars rely on, and how this module provides it without a clock or
state files (the same input always gives the same bytes):

* UID: `Event.uid(host)`, a UUIDv5 of the consultation slug and the event's key (an
  explicit `id`, else its kind and position). Editing a time, place or title keeps it.
* SEQUENCE and LAST-MODIFIED count each commit that changed the event's date, time, place,
  title, status or any other of its fields (`revisions`, read from git), on top of the
  consultation's own record of its revisions, which is all there is outside git:
  LAST-MODIFIED is 00:00 UTC on the latest of `published`, `updated` and the
  `changes[].date`s; SEQUENCE is the number of days from `published` to that date plus
  the number of `changes` entries. Dates after the build day are revisions that have not
  happened yet and do not count. Both only grow when editors move `updated` forward or
  add a `changes` entry (even two on one day), so every event of an updated consultation
  gets a higher SEQUENCE, which is what makes Google Calendar apply edits; bumping events
  that did not change is harmless. DTSTAMP equals LAST-MODIFIED; CREATED is `published`.
* Cancelled events stay, with STATUS:CANCELLED and "ODWOŁANE: " before the title, because
  Google drops cancelled events while other clients would show them as if nothing changed.
* Times are local with TZID and the matching RRULE-based VTIMEZONE (see `vtimezone`); the
  deadline is an all-day event. Every event is TRANSP:TRANSPARENT: other people's duty hours
  must not make a subscriber look busy.
* METHOD:PUBLISH with ORGANIZER (the organisation's e-mail, else the consultation's contact);
  a calendar whose events cannot all name an organiser is published without METHOD.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import partial

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from generator import urls
from generator.calendars import contentlines as cl
from generator.calendars import feeds as calendar_feeds
from generator.calendars.events import Event
from generator.calendars.feeds import CalendarFeed
from generator.calendars.vtimezone import Observance, TimezoneNotExpressible, ambiguous, observances_for
from generator.calendars.wording import (
    clean,
    event_categories,
    event_description,
    event_location,
    event_summary,
    event_url,
)
from generator.engine.memo import Memo, cached
from generator.language import words_language
from generator.options import Settings
from generator.outputs import Output
from generator.source.errors import ConsultationsError, Problem
from generator.source.model import Campaign

UTC = dt.timezone.utc
REFRESH = dt.timedelta(hours=6)  # a hint; Google ignores it and polls about twice a day


def build_calendars(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> list[Output]:
    """Return every .ics file of the site: the feeds and one download per recent or coming event."""
    return list(iter_calendars(campaigns, settings, memo))


def iter_calendars(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> Iterator[Output]:
    """The files of `build_calendars` one at a time, for a writer that needs not hold them all."""
    events = calendar_feeds.every_event(campaigns, settings)
    writer = _Writer(settings, calendar_timezone(events, settings), memo)
    feeds = calendar_feeds.all_feeds(campaigns, settings)
    for feed, chosen in zip(feeds, calendar_feeds.feed_events(feeds, events, settings), strict=True):
        yield Output(feed.path, writer.calendar(chosen, feed))
    for event in events:
        if calendar_feeds.has_download(event, settings):
            path = urls.ics_event(settings, event.campaign.slug, event.key)
            yield Output(path, writer.calendar([event], None, source=path))


def calendar_paths(campaigns: Sequence[Campaign], settings: Settings) -> list[str]:
    """Where `build_calendars` publishes its files, in its order, without writing them."""
    feeds = calendar_feeds.all_feeds(campaigns, settings)
    events = calendar_feeds.every_event(campaigns, settings)
    return [f.path for f in feeds] + [
        urls.ics_event(settings, e.campaign.slug, e.key) for e in events if calendar_feeds.has_download(e, settings)
    ]


def render_calendar(
    events: Sequence[Event],
    settings: Settings,
    zone: Timezone | None = None,
    feed: CalendarFeed | None = None,
    source: str | None = None,
) -> bytes:
    """One VCALENDAR as bytes: a subscribable feed, or (without `feed`) a single-event file.

    Single-event files carry no calendar name: Outlook would make a new calendar folder of it.
    """
    return _Writer(settings, zone or calendar_timezone(events, settings)).calendar(events, feed, source)


class _Writer:
    """Serialises calendars, each VTIMEZONE and VEVENT once however many feeds hold it.

    An event appears in up to six files, and a calendar's bytes are its own lines followed
    by its components' bytes, so the serialised components are reused verbatim.
    """

    _END = b"END:VCALENDAR\r\n"

    def __init__(self, settings: Settings, zone: Timezone, memo: Memo | None = None) -> None:
        self.settings = settings
        self.memo = memo
        self.zone = zone.to_ical()
        # Per event: its VEVENT bytes, whether it is in local time, whether it names an organiser.
        self.events: dict[tuple[str, str], tuple[bytes, bool, bool]] = {}
        # The product's name is the same in both languages; the last part is the words' language.
        self.prodid = f"-//{settings.host}//Konsultacje//{words_language(settings.language).upper()}"

    def event(self, event: Event) -> tuple[bytes, bool, bool]:
        key = (event.campaign.slug, event.key)
        found = self.events.get(key)
        if found is None:
            found = cached(self.memo, "vevent " + event.key, event.campaign, partial(_written, event, self.settings))
            self.events[key] = found
        return found

    def calendar(self, events: Sequence[Event], feed: CalendarFeed | None, source: str | None = None) -> bytes:
        written = [self.event(e) for e in events]
        parts = [self.head(all(w[2] for w in written), feed, source)]
        # RFC 5545 wants at least one component, so an empty feed still carries its VTIMEZONE.
        if not events or any(w[1] for w in written):
            parts.append(self.zone)
        parts.extend(w[0] for w in written)
        parts.append(self._END)
        return b"".join(parts)

    def head(self, publish: bool, feed: CalendarFeed | None, source: str | None) -> bytes:
        """The calendar's own properties, in the order icalendar writes them."""
        settings = self.settings
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + cl.text(self.prodid), "CALSCALE:GREGORIAN"]
        if publish:  # every event names its organiser
            lines.append("METHOD:PUBLISH")
        tail = []
        if feed is not None:
            # X- properties have no declared type; write them as TEXT, escaped like NAME.
            title = cl.text(" ".join(clean(feed.title).split()))
            description = cl.text(clean(feed.description))
            lines += ["DESCRIPTION:" + description, "X-WR-CALDESC:" + description]
            lines += ["NAME:" + title, "X-WR-CALNAME:" + title]
            tail.append("REFRESH-INTERVAL;VALUE=DURATION:" + cl.duration(REFRESH))
            source = feed.path
        if source is not None:
            tail.append("SOURCE;VALUE=URI:" + settings.url(source))
        if feed is not None:
            tail += ["URL:" + settings.url(feed.page), "X-PUBLISHED-TTL:" + cl.duration(REFRESH)]
        tail.append("X-WR-TIMEZONE:" + cl.text(settings.timezone.key))
        return b"\r\n".join(cl.fold(line) for line in lines + tail) + b"\r\n"


def _written(event: Event, settings: Settings) -> tuple[bytes, bool, bool]:
    organizer = _organizer(event, settings)
    return _vevent(event, settings, organizer), local_times(event), organizer is not None


def revision(campaign: Campaign, today: dt.date) -> tuple[int, dt.datetime]:
    """SEQUENCE and LAST-MODIFIED of every event of a consultation (see the module docstring).

    Revisions dated after `today` have not happened yet and are not counted.
    """
    data = campaign.data
    changes = [c.date for c in data.changes if c.date <= today]
    dates = [d for d in (data.published, data.updated, *changes) if d is not None and d <= today]
    latest = max(dates, default=data.published)
    sequence = max(0, (latest - data.published).days) + len(changes)
    return sequence, dt.datetime.combine(latest, dt.time(0, 0), tzinfo=UTC)


def event_revision(event: Event, today: dt.date) -> tuple[int, dt.datetime]:
    """SEQUENCE and LAST-MODIFIED of one event: the consultation's revisions plus its own commits.

    Each commit that changed the event's facts adds one, whether or not the editor also moved
    `updated`; LAST-MODIFIED is the latest of that commit (to the second) and `revision`'s day.
    """
    sequence, modified = revision(event.campaign, today)
    changes = next((r.changes for r in event.campaign.revisions if r.key == event.key), ())
    if not changes:
        return sequence, modified
    latest = max(c.when for c in changes).astimezone(UTC).replace(microsecond=0)
    return sequence + len(changes), max(modified, latest)


def _vevent(event: Event, settings: Settings, organizer: tuple[str, str] | None) -> bytes:
    """The VEVENT's bytes, properties in icalendar's order (its canonical ones, then A–Z)."""
    sequence, modified = event_revision(event, settings.today)
    stamp = cl.utc(modified)
    if not isinstance(event.start, dt.datetime) or not isinstance(event.end, dt.datetime):
        start, end = ";VALUE=DATE:" + cl.date(event.start), ";VALUE=DATE:" + cl.date(event.end)
    elif local_times(event):
        zone = ";TZID=" + cl.param(event.start.tzinfo.key)  # type: ignore[union-attr]
        start, end = zone + ":" + cl.local(event.start), zone + ":" + cl.local(event.end)
    else:
        start, end = ":" + cl.utc(event.start), ":" + cl.utc(event.end)
    lines = [
        "BEGIN:VEVENT",
        "SUMMARY:" + cl.text(event_summary(event, settings)),
        "DTSTART" + start,
        "DTEND" + end,
        "DTSTAMP:" + stamp,
        "UID:" + cl.text(event.uid(settings.host)),
        f"SEQUENCE:{sequence}",
        "CATEGORIES:" + cl.text_list(event_categories(event, settings)),
        "CLASS:PUBLIC",
        "CREATED:" + cl.utc(dt.datetime.combine(event.campaign.data.published, dt.time(0, 0), tzinfo=UTC)),
        "DESCRIPTION:" + cl.text(event_description(event, settings)),
        "LAST-MODIFIED:" + stamp,
    ]
    location = event_location(event, settings)
    if location:
        lines.append("LOCATION:" + cl.text(location))
    if organizer is not None:
        lines.append(f"ORGANIZER;CN={cl.param(organizer[0], 'CN')}:{organizer[1]}")
    lines += [
        "STATUS:" + ("CANCELLED" if event.cancelled else "CONFIRMED"),
        "TRANSP:TRANSPARENT",
        "URL:" + event_url(event, settings),
        "END:VEVENT",
    ]
    return b"\r\n".join(cl.fold(line) for line in lines) + b"\r\n"


def local_times(event: Event) -> bool:
    """Whether the event is written in local time with TZID (timed, and unambiguous).

    A time that happens twice when clocks go back is the first occurrence for RFC 5545 and
    zoneinfo but the second for ical.js (Thunderbird); `consult check` warns about it, and the
    feed states it in UTC (the first occurrence), which every client reads alike.
    """
    if not isinstance(event.start, dt.datetime) or not isinstance(event.end, dt.datetime):
        return False
    return not (ambiguous(event.start) or ambiguous(event.end))


def _organizer(event: Event, settings: Settings) -> tuple[str, str] | None:
    """The organiser's name (for CN) and mailto: address, if there is an e-mail to name."""
    contact = event.campaign.data.contact
    email = settings.organisation.email or (contact.email if contact is not None else None)
    if not email:
        return None
    # A double quote cannot appear in a parameter value (RFC 5545 §3.2); clients that do not
    # know RFC 6868's ^' escape would show it garbled.
    name = " ".join(clean(settings.organisation.name or event.campaign.data.organizer).replace('"', "").split())
    return name, f"mailto:{email}"


def calendar_timezone(events: Sequence[Event], settings: Settings) -> Timezone:
    """The VTIMEZONE the site's calendars carry: the site's zone, with the rules the events' times need.

    A zone whose rules no VTIMEZONE can say for these times stops the build with a message.
    """
    tz = settings.timezone
    moments = [t for e in events if not e.all_day for t in (e.start, e.end) if isinstance(t, dt.datetime)]
    try:
        observances = observances_for(tz, moments)
    except TimezoneNotExpressible as exc:
        problem = Problem("mkdocs.yml", "timezone_calendar", {"tz": tz.key, "times": str(exc)},
                          field="plugins.consultations.timezone")
        raise ConsultationsError([problem], settings.language) from None
    return vtimezone_component(tz.key, observances)


def vtimezone_component(key: str, observances: Sequence[Observance]) -> Timezone:
    """The VTIMEZONE for a zone: one sub-component per observance, yearly ones with an RRULE."""
    zone = Timezone()
    zone.add("tzid", key)
    zone.add("x-lic-location", key)
    for observance in observances:
        part = TimezoneDaylight() if observance.kind == "DAYLIGHT" else TimezoneStandard()
        part.add("dtstart", observance.start)
        if observance.month is not None and observance.byday is not None:
            rule: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": observance.month, "BYDAY": observance.byday}
            if observance.until is not None:
                rule["UNTIL"] = observance.until
            part.add("rrule", rule)
        part.add("tzname", observance.name)
        part.add("tzoffsetfrom", observance.offset_from)
        part.add("tzoffsetto", observance.offset_to)
        zone.add_component(part)
    return zone
