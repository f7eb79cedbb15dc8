"""What the news feeds say: one dated item per new consultation, announcement, report or change.

Free of feedgen, so that any page or export can list the same news. Every item's `guid` is a
tag: URI (RFC 4151) built only from things that never change for that item: the site's host, a
fixed date, the campaign's folder name and the item's own key (an announcement's file name,
`raport`, a change's day). Titles, texts and a consultation's dates may be edited without
readers seeing the item again as new.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import mimetypes
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import quote

from generator import urls
from generator.i18n import translator
from generator.news.plaintext import markdown_to_text, plain, shorten
from generator.options import Settings
from generator.source.model import Campaign, DayTime, EventChange, FileInfo, Status

# A fact known only by its day (published, report, change) is dated at this local time.
# 08:00 rather than midnight: midnight in Warsaw is the previous evening in UTC, and readers
# that show UTC would put the news on the wrong day.
DAY_TIME = dt.time(8, 0)
# The date part of every tag: URI. Never change it: it is in every guid and Atom id, and a
# change would make every reader show every item again.
TAG_DATE = "2025"
# A feed carries this many newest items, plus every consultation still open or upcoming.
MAX_ITEMS = 50


class Kind(str, enum.Enum):
    """What an item announces."""

    NEW = "new"
    ANNOUNCEMENT = "announcement"
    REPORT = "report"
    CHANGE = "change"


@dataclass(frozen=True)
class Enclosure:
    """A file an item carries (a material, the report), at its percent-encoded address."""

    url: str
    length: int
    type: str


@dataclass(frozen=True)
class FeedItem:
    """One piece of news, ready for any feed format."""

    guid: str  # tag: URI, stable forever
    kind: Kind
    campaign: Campaign
    title: str
    link: str  # absolute URL of the page (with a fragment for follow-ups)
    text: str  # what `summary` is made of: plain text, or Markdown when `markdown` is set
    published: dt.datetime  # aware, local time of the site
    updated: dt.datetime  # >= published
    categories: tuple[str, ...]
    markdown: bool = False
    enclosures: tuple[Enclosure, ...] = ()

    @functools.cached_property
    def summary(self) -> str:
        """Plain text, never HTML; worked out only for items a feed shows (most are left out)."""
        text = markdown_to_text(self.text) if self.markdown else self.text
        return shorten(plain(text)) or self.title


def tag_uri(settings: Settings, specific: str) -> str:
    """A permanent identifier `tag:<host>,<date>:<specific>`."""
    return f"tag:{settings.host},{TAG_DATE}:{specific}"


def at_day(day: dt.date, settings: Settings) -> dt.datetime:
    """The moment a fact is published: its time when the editor gave one, else DAY_TIME local time."""
    at = day.at if isinstance(day, DayTime) else DAY_TIME
    return dt.datetime.combine(day, at, tzinfo=settings.timezone)


def campaign_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    """Every item of one consultation dated today or earlier (none before it is published)."""
    if not campaign.is_published(settings.today):
        return []
    items = [_new_item(campaign, settings)]
    items += _announcement_items(campaign, settings)
    items += _report_items(campaign, settings)
    items += _change_items(campaign, settings)
    items += _event_items(campaign, settings)
    return [item for item in items if item.published.date() <= settings.today]


def _new_item(campaign: Campaign, settings: Settings) -> FeedItem:
    data = campaign.data
    dates = translator(settings.language)("news.text.new", opens=f"{data.opens:%d.%m.%Y}", closes=f"{data.closes:%d.%m.%Y}")
    page = settings.url(urls.campaign_page(settings, campaign.slug))
    item = _item(
        campaign, settings, Kind.NEW, "", data.title, page, f"{plain(data.summary)} {dates}", data.published
    )
    # Readers that honour Atom <updated> learn that the consultation changed since it was announced.
    last = at_day(_last_change(campaign, settings.today), settings)
    files = [m.file for m in campaign.materials if m.file is not None]
    return replace(item, updated=max(last, item.published), enclosures=_enclosures(campaign, files, settings))


def _enclosures(campaign: Campaign, files: Iterable[FileInfo], settings: Settings) -> tuple[Enclosure, ...]:
    return tuple(
        Enclosure(
            settings.url(urls.material(settings, campaign.slug, info.rel)),
            info.size,
            mimetypes.guess_type(info.rel, strict=False)[0] or "application/octet-stream",
        )
        for info in {info.rel: info for info in files}.values()  # a file listed twice is sent once
    )


def _last_change(campaign: Campaign, today: dt.date) -> dt.date:
    data = campaign.data
    days = [
        data.published,
        data.updated,
        *(c.date for c in data.changes),
        *(a.date for a in campaign.announcements),
        data.report.published if data.report else None,
    ]
    return max(d for d in days if d is not None and data.published <= d <= today)


def _announcement_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    t = translator(settings.language)
    items = []
    for note in campaign.announcements:
        # Keyed by file name, which is unique in the folder (two names may share a slug).
        stem = PurePosixPath(note.source).stem or note.slug
        link = settings.url(urls.announcement_link(settings, campaign.slug, note.slug))
        title = t("news.announcement", title=note.title, campaign=campaign.data.title)
        key = f"komunikat/{quote(stem, safe='')}"
        items.append(
            _item(
                campaign,
                settings,
                Kind.ANNOUNCEMENT,
                key,
                title,
                link,
                note.body,
                note.date,
                markdown=True,
            )
        )
    return items


def _report_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    report = campaign.data.report
    if report is None:
        return []
    t = translator(settings.language)
    title = t("news.report", title=campaign.data.title)
    summary = report.summary or t("news.text.report")
    link = settings.url(urls.report_link(settings, campaign.slug))
    item = _item(campaign, settings, Kind.REPORT, "raport", title, link, summary, report.published)
    files = [campaign.report_file] if campaign.report_file is not None else []
    return [replace(item, enclosures=_enclosures(campaign, files, settings))]


def _change_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    items = []
    per_day: dict[dt.date, int] = {}
    link = settings.url(urls.changes_link(settings, campaign.slug))
    for change in campaign.data.changes:
        # Told apart by day and by order within the day in campaign.yml, never by text, so
        # that correcting a typo does not announce the change again.
        per_day[change.date] = count = per_day.get(change.date, 0) + 1
        key = f"zmiana/{change.date.isoformat()}" + (f"-{count}" if count > 1 else "")
        title = translator(settings.language)("news.change", title=campaign.data.title)
        items.append(_item(campaign, settings, Kind.CHANGE, key, title, link, change.summary, change.date))
    return items


def _event_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    """News told by git alone: a meeting or duty hour moved or cancelled, the deadline extended."""
    items = []
    link = settings.url(urls.campaign_page(settings, campaign.slug))
    for revision in campaign.revisions:
        kind = _event_kind(revision.key, campaign)
        for number, change in enumerate(revision.changes, start=1):
            words = _event_news(kind, change, settings)
            if words is None:
                continue
            title, text = words
            # Keyed by the event's key and the number of its change, which later edits keep.
            key = f"wydarzenie/{quote(revision.key, safe='')}/{number}"
            item = _item(campaign, settings, Kind.CHANGE, key, f"{title} – {campaign.data.title}", link, text,
                         change.when.date())
            moment = change.when.astimezone(settings.timezone)
            items.append(replace(item, link=f"{link}#{EVENT_ANCHOR}{revision.key}", published=moment, updated=moment))
    return items


EVENT_ANCHOR = "wydarzenie-"  # as `Event.anchor`


def _event_kind(key: str, campaign: Campaign) -> str:
    if key == "termin":
        return "deadline"
    if any(d.id == key for d in campaign.data.duty_hours) or (
        key.startswith("dyzur-") and not any(e.id == key for e in campaign.data.meetings)
    ):
        return "duty"
    return "meeting"


def _event_news(kind: str, change: EventChange, settings: Settings) -> tuple[str, str] | None:
    """The title and text of the news about one change, or None if residents need no news of it."""
    t = translator(settings.language)
    if change.day is None or change.kind not in ("moved", "cancelled", "extended"):
        return None
    if kind == "deadline":
        when = t.day_month_year(change.day)
        key = "news.extended" if change.kind == "extended" else "news.deadline"
        return t(key, when=when), t("news.text.deadline", when=t.deadline(change.day))
    when = t.day_month_year(change.day)
    if change.time is not None:
        when += ", " + t.time_range(change.time.start, change.time.end)
    title = t(f"news.{change.kind}.{kind}", when=when)
    text = ", ".join(part for part in (change.title, title, change.place if change.kind == "moved" else None) if part)
    return title, text + "."


def _item(
    campaign: Campaign,
    settings: Settings,
    kind: Kind,
    key: str,
    title: str,
    link: str,
    summary: str,
    day: dt.date,
    markdown: bool = False,
) -> FeedItem:
    moment = at_day(day, settings)
    return FeedItem(
        guid=tag_uri(settings, f"konsultacja/{campaign.slug}" + (f"/{key}" if key else "")),
        kind=kind,
        campaign=campaign,
        # A text made only of markup or control characters still gives readers something to show.
        title=plain(title) or campaign.slug,
        link=link,
        text=summary,
        published=moment,
        updated=moment,
        categories=tuple(campaign.data.categories),
        markdown=markdown,
    )


def newest_first(items: Iterable[FeedItem]) -> list[FeedItem]:
    """Sort by publication, newest first; items of the same moment by guid."""
    by_guid = sorted(items, key=lambda i: i.guid)
    return sorted(by_guid, key=lambda i: i.published, reverse=True)


def bounded(items: Sequence[FeedItem], settings: Settings) -> list[FeedItem]:
    """The MAX_ITEMS newest items plus every consultation that is still open or upcoming."""
    ordered = newest_first(items)
    live = {Status.OPEN, Status.UPCOMING}
    return [
        item
        for index, item in enumerate(ordered)
        if index < MAX_ITEMS or (item.kind is Kind.NEW and item.campaign.status(settings.today) in live)
    ]
