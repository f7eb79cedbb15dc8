"""What the news feeds say: one dated item per new consultation, announcement, report or change.

Free of feedgen, so that any page or export can list the same news. Every item's `guid` is a
tag: URI (RFC 4151) built only from things that never change for that item: the site's host, a
fixed date, the campaign's folder name and the item's own key. Titles, texts and dates may be
edited without readers seeing the item again as new.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import quote

import markdown

from generator import urls
from generator.model import Campaign, Status
from generator.settings import Settings

# A fact known only by its day (published, report, change) is dated at this local time.
# 08:00 rather than midnight: midnight in Warsaw is the previous evening in UTC, and readers
# that show UTC would put the news on the wrong day.
DAY_TIME = dt.time(8, 0)
# The date part of every tag: URI. Never change it: it is in every guid and Atom id, and a
# change would make every reader show every item again.
TAG_DATE = "2025"
# A feed carries this many newest items, plus every consultation still open or upcoming.
MAX_ITEMS = 50
# Summaries longer than this are cut at a word and end with "…".
SUMMARY_LENGTH = 400


class Kind(str, enum.Enum):
    """What an item announces."""

    NEW = "new"
    ANNOUNCEMENT = "announcement"
    REPORT = "report"
    CHANGE = "change"


@dataclass(frozen=True)
class FeedItem:
    """One piece of news, ready for any feed format."""

    guid: str  # tag: URI, stable forever
    kind: Kind
    campaign: Campaign
    title: str
    link: str  # absolute URL of the page (with a fragment for follow-ups)
    summary: str  # plain text, never HTML
    published: dt.datetime  # aware, local time of the site
    updated: dt.datetime  # >= published
    categories: tuple[str, ...]


def tag_uri(settings: Settings, specific: str) -> str:
    """A permanent identifier `tag:<host>,<date>:<specific>`."""
    return f"tag:{settings.host},{TAG_DATE}:{specific}"


def at_day(day: dt.date, settings: Settings) -> dt.datetime:
    """The moment a date-only fact is published: DAY_TIME local time on that day."""
    return dt.datetime.combine(day, DAY_TIME, tzinfo=settings.timezone)


def campaign_items(campaign: Campaign, settings: Settings) -> list[FeedItem]:
    """Every item of one consultation dated today or earlier (none before it is published)."""
    today = settings.today
    if not campaign.is_published(today):
        return []
    data = campaign.data
    items = [_new_item(campaign, settings)]
    for announcement in campaign.announcements:
        if announcement.date <= today:
            stem = PurePosixPath(announcement.source).stem or announcement.slug
            items.append(
                _item(
                    campaign,
                    settings,
                    Kind.ANNOUNCEMENT,
                    f"komunikat/{quote(stem, safe='')}",
                    f"Komunikat: {announcement.title} – {data.title}",
                    settings.url(urls.announcement_link(settings, campaign.slug, announcement.slug)),
                    markdown_to_text(announcement.body),
                    announcement.date,
                )
            )
    if data.report is not None and data.report.published <= today:
        items.append(
            _item(
                campaign,
                settings,
                Kind.REPORT,
                "raport",
                f"Raport z konsultacji: {data.title}",
                settings.url(urls.report_link(settings, campaign.slug)),
                data.report.summary or "Opublikowaliśmy raport z wyników konsultacji.",
                data.report.published,
            )
        )
    per_day: dict[dt.date, int] = {}
    for change in data.changes:
        # Changes are told apart by day and by their order within the day in campaign.yml,
        # never by text, so that correcting a typo does not announce the change again.
        per_day[change.date] = per_day.get(change.date, 0) + 1
        if change.date <= today:
            count = per_day[change.date]
            key = f"zmiana/{change.date.isoformat()}" + (f"-{count}" if count > 1 else "")
            items.append(
                _item(
                    campaign,
                    settings,
                    Kind.CHANGE,
                    key,
                    f"Zmiana: {data.title}",
                    settings.url(urls.changes_link(settings, campaign.slug)),
                    change.summary,
                    change.date,
                )
            )
    return items


def _new_item(campaign: Campaign, settings: Settings) -> FeedItem:
    data = campaign.data
    summary = (
        f"{_plain(data.summary)} Uwagi można zgłaszać od {data.opens:%d.%m.%Y} do {data.closes:%d.%m.%Y}."
    )
    item = _item(
        campaign,
        settings,
        Kind.NEW,
        "",
        data.title,
        settings.url(urls.campaign_page(settings, campaign.slug)),
        summary,
        data.published,
    )
    # Readers that honour Atom <updated> learn that the consultation changed since it was announced.
    return _replace_updated(item, at_day(_last_change(campaign, settings.today), settings))


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


def _item(
    campaign: Campaign,
    settings: Settings,
    kind: Kind,
    key: str,
    title: str,
    link: str,
    summary: str,
    day: dt.date,
) -> FeedItem:
    specific = f"konsultacja/{campaign.slug}" + (f"/{key}" if key else "")
    moment = at_day(day, settings)
    return FeedItem(
        guid=tag_uri(settings, specific),
        kind=kind,
        campaign=campaign,
        title=_plain(title),
        link=link,
        summary=_shorten(_plain(summary)),
        published=moment,
        updated=moment,
        categories=tuple(campaign.data.categories),
    )


def _replace_updated(item: FeedItem, updated: dt.datetime) -> FeedItem:
    return FeedItem(
        item.guid,
        item.kind,
        item.campaign,
        item.title,
        item.link,
        item.summary,
        item.published,
        max(updated, item.published),
        item.categories,
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


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown announcement: the words a reader would read, no markup."""
    html = markdown.markdown(text, extensions=["tables", "attr_list"])
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _plain("".join(collector.parts))


class _TextCollector(HTMLParser):
    _BREAKS = frozenset(
        {
            "p",
            "br",
            "li",
            "tr",
            "td",
            "th",
            "div",
            "blockquote",
            "pre",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "hr",
        }
    )
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.parts.append(" ")
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_SPACE = re.compile(r"\s+")
# Characters XML 1.0 forbids; an editor's stray control character must not break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", _NOT_XML.sub("", text)).strip()


def _shorten(text: str) -> str:
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[: SUMMARY_LENGTH - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"
