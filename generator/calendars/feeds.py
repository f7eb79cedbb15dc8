"""Which calendar feeds the site publishes, what each is called and which events it holds.

Pages use this list to offer subscriptions; `feeds/ical.py` writes each feed. Feed paths come
from `urls` and are promises to subscribers: a feed is published for every consultation and
every category even when it holds no event at the moment, so no subscribed URL disappears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator import urls
from generator.calendars.events import Event, campaign_events, sort_key
from generator.i18n import translator
from generator.options import Settings
from generator.source.model import Campaign


@dataclass(frozen=True)
class CalendarFeed:
    """One subscribable .ics feed."""

    scope: str  # "all", "duty", "campaign" or "category"
    path: str  # site path of the .ics file
    page: str  # site path of the page the feed belongs to
    title: str
    description: str
    campaign: str | None = None  # slug, for scope "campaign"
    category: str | None = None  # category slug, for scope "category"
    subject: str = ""  # the consultation's title or the category's name, in the editors' words


def site_feeds(settings: Settings) -> list[CalendarFeed]:
    """The two site-wide feeds: every event, and duty hours only."""
    t = translator(settings.language)
    site, days = settings.site_name, settings.feed_past_days
    all_text = (t("calendar.feed.all.title", site=site), t("calendar.feed.all.description", days=days))
    duty_text = (t("calendar.feed.duty.title", site=site), t("calendar.feed.duty.description", days=days))
    page = urls.calendar_page(settings)
    return [
        CalendarFeed("all", urls.ics_all(settings), page, *all_text),
        CalendarFeed("duty", urls.ics_duty(settings), page, *duty_text),
    ]


def campaign_feed(campaign: Campaign, settings: Settings) -> CalendarFeed:
    """The feed of one consultation: all of its events, past ones included."""
    title = campaign.data.title
    t = translator(settings.language)
    text = (t("calendar.feed.campaign.title", title=title), t("calendar.feed.campaign.description", title=title))
    return CalendarFeed("campaign", urls.ics_campaign(settings, campaign.slug),
                        urls.campaign_page(settings, campaign.slug), *text, campaign=campaign.slug, subject=title)


def category_feeds(campaigns: Sequence[Campaign], settings: Settings) -> list[CalendarFeed]:
    """One feed per category, named after the first spelling of the category (by sort order)."""
    names: dict[str, str] = {}
    for name in sorted(n for c in campaigns for n in c.data.categories):
        names.setdefault(urls.category_slug(name), name)
    t = translator(settings.language)
    feeds = []
    for slug, name in sorted(names.items()):
        text = (t("calendar.feed.category.title", site=settings.site_name, name=name),
                t("calendar.feed.category.description", name=name))
        feeds.append(CalendarFeed("category", urls.ics_category(settings, name), urls.category_page(settings, name),
                                  *text, category=slug, subject=name))
    return feeds


def all_feeds(campaigns: Sequence[Campaign], settings: Settings) -> list[CalendarFeed]:
    """Every subscribable feed of the site, site-wide ones first."""
    ordered = sorted(campaigns, key=lambda c: c.slug)
    return [*site_feeds(settings), *(campaign_feed(c, settings) for c in ordered),
            *category_feeds(ordered, settings)]


def feed_events(feeds: Sequence[CalendarFeed], events: Sequence[Event], settings: Settings) -> list[list[Event]]:
    """The events each feed holds, in calendar order (one list per feed, in the feeds' order).

    A consultation's own feed keeps its whole history; the site-wide and category feeds keep
    the last `feed_past_days` days (cancelled events included) and everything ahead.
    """
    ordered = sorted(events, key=sort_key)
    since = recent_since(settings)
    recent = [e for e in ordered if e.day >= since]
    by_campaign: dict[str, list[Event]] = {}
    for event in ordered:
        by_campaign.setdefault(event.campaign.slug, []).append(event)
    by_category: dict[str, list[Event]] = {}
    for event in recent:
        for slug in sorted({urls.category_slug(n) for n in event.campaign.data.categories}):
            by_category.setdefault(slug, []).append(event)
    chosen = {
        "all": recent,
        "duty": [e for e in recent if e.kind == "duty"],
    }
    result = []
    for feed in feeds:
        if feed.scope == "campaign":
            result.append(by_campaign.get(feed.campaign or "", []))
        elif feed.scope == "category":
            result.append(by_category.get(feed.category or "", []))
        else:
            result.append(chosen[feed.scope])
    return result


def recent_since(settings: Settings) -> dt.date:
    """The first day that still counts as recent: `feed_past_days` days before the build day."""
    return settings.today - dt.timedelta(days=max(0, settings.feed_past_days))


def has_download(event: Event, settings: Settings) -> bool:
    """Whether the event gets its own .ics download: it is recent or ahead, like the site-wide feed.

    Pages offer "add to calendar" only for events still to come, so a download for a duty hour
    years ago would serve nobody, and thousands of them would make every build of a long
    archive slower. Keeping the last `feed_past_days` days keeps a link sent by e-mail working
    for a while after the event.
    """
    return event.day >= recent_since(settings)


def every_event(campaigns: Sequence[Campaign], settings: Settings) -> list[Event]:
    """Every event of the given consultations, in calendar order."""
    events = [e for c in campaigns for e in campaign_events(c, settings.timezone)]
    return sorted(events, key=sort_key)
