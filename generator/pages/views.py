"""Plain values the templates show: dates as text plus machine-readable form, statuses, events.

Templates receive these, never the model or the settings, so each component's inputs are
explicit and every word has already been translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator import urls
from generator.calendars import links as calendar_links
from generator.calendars.events import Event
from generator.i18n import Translator, translator
from generator.options import Settings
from generator.source.model import Campaign, DayTime, Status

RSS, ATOM, ICAL = "application/rss+xml", "application/atom+xml", "text/calendar"


@dataclass(frozen=True)
class FeedLink:
    """A visible link to a feed (or to the page that explains a calendar)."""

    text: str
    href: str
    type: str
    kind: str


def updates_feed_links(site: Site) -> list[FeedLink]:
    """The news feed of every update (announcements, changes, reports), RSS and Atom."""
    t, settings = site.t, site.settings
    return [
        FeedLink(t("follow.updates.rss"), urls.rss_updates(settings), RSS, "rss"),
        FeedLink(t("follow.updates.atom"), urls.atom_updates(settings), ATOM, "rss"),
    ]


def head_feeds(site: Site, links: list[FeedLink]) -> list[dict[str, str]]:
    """The page's own feeds for its <head> (`<link rel="alternate">`, for feed autodiscovery)."""
    return [
        {"type": f.type, "title": f.text, "href": site.settings.url(f.href)}
        for f in links
        if f.type in (RSS, ATOM, ICAL)
    ]


def open_data_links(settings: Settings) -> list[dict[str, str]]:
    """The footer's links to the JSON export of all consultations and to its JSON Schema."""
    t = translator(settings.language)
    return [
        {"path": urls.json_export(settings), "title": t("footer.export")},
        {"path": urls.export_schema(settings), "title": t("footer.export_schema")},
    ]


@dataclass(frozen=True)
class Site:
    """What every page builder needs: the settings and the translator for their language."""

    settings: Settings
    t: Translator

    @classmethod
    def of(cls, settings: Settings) -> Site:
        """The context for a build."""
        return cls(settings, translator(settings.language))

    @property
    def today(self) -> dt.date:
        """The build day in the site's time zone."""
        return self.settings.today

    @property
    def now(self) -> dt.datetime:
        """The build moment, aware."""
        return self.settings.build_time


@dataclass(frozen=True)
class When:
    """A date or moment: `iso` for <time datetime>, `text` for people."""

    iso: str
    text: str


@dataclass(frozen=True)
class StatusView:
    """A consultation's status as a word, with the dates the status script recomputes it from."""

    value: str
    label: str
    opens: str
    closes: str
    report: str


@dataclass(frozen=True)
class DaysLeft:
    """Days left to respond, as text, with the closing day for the status script."""

    text: str
    closes: str


@dataclass(frozen=True)
class Link:
    """A link: text and target (a site path or a full URL)."""

    text: str
    href: str


@dataclass(frozen=True)
class EventView:
    """A duty hour, meeting or deadline as shown in tables and lists."""

    anchor: str
    kind: str
    kind_label: str
    title: str
    day: When
    start: When | None  # None for all-day events
    end: When | None
    how: str  # the modes in words, or the meeting's attendance mode
    place: str | None
    phones: tuple[str, ...]
    online: str | None
    link_later: bool  # online, with the link sent after registration
    note: str | None
    cancelled: bool
    marker: str | None  # "current", "next" or None
    marker_label: str
    campaign: Link
    add_to_calendar: tuple[Link, ...] = field(default=())


def date_view(site: Site, day: dt.date, style: str = "date") -> When:
    """A date in words; style is "date", "weekday" or "on_weekday"."""
    t = site.t
    text = {"date": t.date, "weekday": t.date_weekday, "on_weekday": t.date_on_weekday}[style](day)
    if isinstance(day, DayTime):  # published at a time the editor gave: „28 sierpnia 2025 r., godz. 10:57”
        moment = dt.datetime.combine(day, day.at, tzinfo=site.settings.timezone)
        return When(moment.isoformat(timespec="minutes"), t("date.time", date=text, time=t.time(day.at)))
    return When(day.isoformat(), text)


def status_view(site: Site, campaign: Campaign) -> StatusView:
    """The status of a consultation on the build day."""
    status = campaign.status(site.today)
    report = campaign.data.report
    return StatusView(
        value=status.value,
        label=site.t(f"status.{status.value}"),
        opens=campaign.data.opens.isoformat(),
        closes=campaign.data.closes.isoformat(),
        report=report.published.isoformat() if report is not None else "",
    )


def days_left_view(site: Site, campaign: Campaign) -> DaysLeft | None:
    """Days left while the consultation is open, else None."""
    if campaign.status(site.today) is not Status.OPEN:
        return None
    return DaysLeft(site.t.days_left(campaign.days_left(site.today)), campaign.data.closes.isoformat())


def event_view(site: Site, event: Event, marker: str | None = None, page_link: bool = True) -> EventView:
    """The view of an event; `marker` flags the duty hour in progress or the next one."""
    t, settings = site.t, site.settings
    campaign = event.campaign
    start = end = None
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        start = When(event.start.isoformat(timespec="minutes"), t.time(event.start.time()))
        end = When(event.end.isoformat(timespec="minutes"), t.time(event.end.time()))
    page = urls.campaign_page(settings, campaign.slug)
    links: tuple[Link, ...] = ()
    if not event.cancelled and _is_future(event, site):
        # The same titles and texts as the .ics feeds (generator/calendars/wording.py).
        links = tuple(Link(link.label, link.href) for link in calendar_links.event_links(event, settings))
    return EventView(
        anchor=event.anchor,
        kind=event.kind,
        kind_label=t(f"kind.{event.kind}"),
        title=event.title if event.kind == "meeting" else campaign.data.title,
        day=date_view(site, event.day, "weekday"),
        start=start,
        end=end,
        how=_how(t, event),
        place=event.place,
        phones=event.phones,
        online=event.online,
        link_later=event.link_later,
        note=event.note,
        cancelled=event.cancelled,
        marker=marker,
        marker_label=t(f"event.{marker}") if marker else "",
        campaign=Link(
            campaign.data.title, page + "#" + event.anchor if page_link and event.kind != "deadline" else page
        ),
        add_to_calendar=links,
    )


def mark_current(events: list[Event], now: dt.datetime) -> dict[str, str]:
    """Map event keys to "current" (in progress) or "next" (the first one still to come)."""
    marks: dict[str, str] = {}
    live = [e for e in events if not e.cancelled and isinstance(e.start, dt.datetime)]
    current = [e for e in live if e.is_current(now)]
    for event in current:
        marks[event.key] = "current"
    if not current:
        coming = [e for e in live if isinstance(e.start, dt.datetime) and e.start > now]
        if coming:
            marks[coming[0].key] = "next"
    return marks


def _how(t: Translator, event: Event) -> str:
    if event.kind == "meeting":
        modes = set(event.modes)
        if {"in_person", "online"} <= modes:
            return t("attendance.hybrid")
        if "online" in modes:
            return t("attendance.online")
        return t("attendance.in_person")
    if event.kind == "duty":
        return t.join([t(f"mode.{m}") for m in event.modes])
    return ""


def _is_future(event: Event, site: Site) -> bool:
    if isinstance(event.end, dt.datetime):
        return event.end > site.now
    return event.end > site.today
