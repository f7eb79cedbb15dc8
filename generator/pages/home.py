"""The home page (the hand-written intro plus what is open now) and the calendar page."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from generator import urls
from generator.calendars import feeds as calendar_feeds
from generator.calendars.events import Event, campaign_events, sort_key
from generator.i18n import CONTENT_LANGUAGE
from generator.outputs import Output
from generator.pages import records
from generator.pages.lists import HOME_CLOSED, HOME_OPEN, HOME_UPCOMING, Lists
from generator.pages.render import heading, in_lang, page_output
from generator.pages.subscribe import (
    Subscription,
    render_calendar_list,
    render_subscribe_help,
)
from generator.pages.views import Link, event_view, head_feeds, updates_feed_links
from generator.source.editor_html import wrap

HOME_EVENTS = 6
CALENDAR_DAYS = 92  # the calendar page shows about three months ahead…
CALENDAR_MAX = 100  # …and never more than this many events


def all_events(lists: Lists) -> list[Event]:
    """Every event of every listed consultation that has not ended, in order."""
    site = lists.site
    tz = site.settings.timezone
    events = [e for c in lists.open + lists.upcoming + lists.closed for e in campaign_events(c, tz)]
    coming = [
        e for e in events if (e.end > site.now if isinstance(e.end, dt.datetime) else e.end > site.today)
    ]
    return sorted(coming, key=sort_key)


def by_day(lists: Lists, page_path: str, events: Sequence[Event]) -> list[str]:
    """Events under a heading per day (h3), as lists."""
    parts: list[str] = []
    t = lists.t
    for day, group in itertools.groupby(events, key=lambda e: e.day):
        parts.append(heading(3, t.date_weekday(day), f"dzien-{day.isoformat()}"))
        views = [event_view(lists.site, e) for e in group]
        parts.append(
            lists.html("components/event-list.html", page_path, events=views, all_day=t("event.all_day"))
        )
    return parts


def render_home_page(lists: Lists, events: Sequence[Event]) -> Output:
    """The home page: the intro from content/index.md, then open, upcoming and latest closed
    consultations, the next duty hours and meetings, and the feeds."""
    t, settings = lists.t, lists.site.settings
    path = ""
    meta, intro = _intro(settings.docs_dir)
    parts = (
        [wrap(intro)]
        if intro.lstrip().startswith("# ") or "\n# " in intro
        else [heading(1, settings.site_name), wrap(intro)]
    )
    more = Link(t("list.more"), urls.list_page(settings))
    parts += lists.section(path, "list.open", "otwarte", lists.open, HOME_OPEN, "list.open.none", more)
    parts += lists.section(
        path, "list.upcoming", "zapowiedziane", lists.upcoming, HOME_UPCOMING, "list.upcoming.none", more
    )
    parts += lists.section(
        path,
        "list.recent",
        "zakonczone",
        lists.closed,
        HOME_CLOSED,
        "list.recent.none",
        Link(t("list.older"), urls.archive_page(settings)),
    )
    parts.append(heading(2, t("home.events"), "najblizsze-wydarzenia"))
    next_events = [e for e in events if e.kind != "deadline"][:HOME_EVENTS]
    if next_events:
        parts += by_day(lists, path, next_events)
    calendar = Link(t("home.events.more"), urls.calendar_page(settings))
    parts.append(
        lists.html(
            "components/notice.html", path, text="" if next_events else t("home.events.none"), link=calendar
        )
    )
    parts += [heading(2, t("follow.title"), "badz-na-biezaco"), lists.feeds(path)]
    if settings.docs_dir is not None and (settings.docs_dir / "index.md").is_file():
        meta.setdefault("edit_path", _relative(settings.docs_dir / "index.md", settings.root))
    meta.setdefault("title", settings.site_name)
    cx = {"kind": "home", "feeds": head_feeds(lists.site, updates_feed_links(lists.site)), **meta.pop("cx", {})}
    parts.append(records.status_data(lists.site, path))
    return page_output("index.md", {**meta, "cx": {"og_type": "website", **cx}}, parts)


def render_calendar_page(lists: Lists, events: Sequence[Event]) -> Output:
    """The calendar page: coming duty hours, meetings and deadlines by day, and how to subscribe."""
    t, site = lists.t, lists.site
    settings = site.settings
    path = urls.calendar_page(settings)
    horizon = site.today + dt.timedelta(days=CALENDAR_DAYS)
    shown = [e for e in events if e.day <= horizon][:CALENDAR_MAX]
    parts = [
        lists.html("components/notice.html", path, text=t("calendar.intro"), link=None),
        heading(2, t("calendar.upcoming"), "najblizsze"),
    ]
    if shown:
        parts += by_day(lists, path, shown)
    else:
        parts.append(lists.html("components/notice.html", path, text=t("calendar.none"), link=None))
    if len(shown) < len(events):
        last = shown[-1].day if shown else horizon
        parts.append(
            lists.html("components/notice.html", path, text=t("calendar.more", date=t.date(last)), link=None)
        )
    parts += [heading(2, t("calendar.subscribe"), "subskrypcja"), render_subscribe_help(settings)]
    parts += _calendar_lists(lists)
    parts += [
        heading(2, t("follow.title"), "badz-na-biezaco"),
        lists.html("components/feed-links.html", path, intro="", feeds=updates_feed_links(site)),
    ]
    head = head_feeds(site, updates_feed_links(site))
    return lists.output(path, t("calendar.title"), parts, description=t("calendar.intro"), cx={"feeds": head})


def _calendar_lists(lists: Lists) -> list[str]:
    """What can be subscribed to, by group: everything or duty hours only, each category, each open
    consultation. The feeds are those the calendar stage writes (`calendar_feeds`), never another."""
    t, settings = lists.t, lists.site.settings
    lang = "" if t.word_language == CONTENT_LANGUAGE else CONTENT_LANGUAGE

    def named(key: str, feed: calendar_feeds.CalendarFeed) -> Subscription:
        # The category's name and the consultation's title are the editors' Polish words.
        return Subscription(Markup(escape(t.words[key])).format(name=in_lang(feed.subject, lang)), feed.path)

    everything, duty = calendar_feeds.site_feeds(settings)
    groups = [
        ("calendar.list.site", "kalendarze-wszystkie", [
            Subscription(escape(t("calendar.feed.all")), everything.path),
            Subscription(escape(t("calendar.feed.duty")), duty.path),
        ]),
        ("calendar.list.categories", "kalendarze-kategorii", [
            named("calendar.feed.category", f) for f in calendar_feeds.category_feeds(lists.all, settings)
        ]),
        ("calendar.list.open", "kalendarze-konsultacji", [
            named("calendar.feed.open", calendar_feeds.campaign_feed(c, settings)) for c in lists.open
        ]),
    ]
    parts = []
    for key, anchor, subscriptions in groups:
        if subscriptions:
            parts += [heading(3, t(key), anchor), render_calendar_list(settings, subscriptions)]
    return parts


def _intro(docs_dir: Path | None) -> tuple[dict[str, Any], str]:
    """The front matter and text of content/index.md, if there is one."""
    if docs_dir is None or not (docs_dir / "index.md").is_file():
        return {}, ""
    text = (docs_dir / "index.md").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            try:
                meta = yaml.safe_load(text[4:end]) or {}
            except yaml.YAMLError:
                meta = {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5 :].strip("\n")
    return {}, text.strip("\n")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name
