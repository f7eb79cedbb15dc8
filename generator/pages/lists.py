"""List pages: home, the consultations list, the archive by year and a page per category.

Every page is bounded: lists are capped or split into pages, so no page grows with the number
of consultations ever published, and all of them work without JavaScript.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator import urls
from generator.i18n import CONTENT_LANGUAGE
from generator.outputs import Output
from generator.pages import records
from generator.pages.render import (
    attribute_text,
    heading,
    page_output,
    render_html,
    time_markup,
    words_markup,
)
from generator.pages.views import (
    ATOM,
    RSS,
    DaysLeft,
    FeedLink,
    Link,
    Site,
    StatusView,
    date_view,
    days_left_view,
    status_view,
    updates_feed_links,
)
from generator.source.model import Campaign, Status

HOME_OPEN = 12  # more than this many open consultations: the home page links to the full list
HOME_UPCOMING = 6
HOME_CLOSED = 5
LIST_LIMIT = 100  # per status on the consultations list; the archive has every one
LIST_CLOSED = 10
PAGE_SIZE = 50  # archive years and categories are split into pages of this many


@dataclass(frozen=True)
class CardView:
    """A consultation in a list."""

    title: str
    href: str
    status: StatusView
    when: Markup
    days_left: DaysLeft | None
    summary: str


class Lists:
    """The consultations sorted once, shared by every list page."""

    def __init__(self, site: Site, campaigns: Sequence[Campaign]) -> None:
        self.site = site
        self.t = site.t
        today = site.today
        by_status: dict[Status, list[Campaign]] = defaultdict(list)
        for campaign in campaigns:
            by_status[campaign.status(today)].append(campaign)
        self.open = sorted(by_status[Status.OPEN], key=lambda c: (c.data.closes, c.data.title, c.slug))
        self.upcoming = sorted(by_status[Status.UPCOMING], key=lambda c: (c.data.opens, c.data.title, c.slug))
        finished = by_status[Status.CLOSED] + by_status[Status.CONCLUDED]
        self.closed = sorted(finished, key=lambda c: (c.data.closes, c.slug), reverse=True)
        self.all = list(campaigns)

    def html(self, template: str, page_path: str, **context: Any) -> str:
        """Render a component for a list page."""
        foreign = self.t.language != CONTENT_LANGUAGE
        return render_html(
            template, self.t, page_path, content_lang=CONTENT_LANGUAGE if foreign else "", **context
        )

    def card(self, campaign: Campaign) -> CardView:
        """The card of a consultation, its date phrase chosen by status."""
        site, data = self.site, campaign.data
        status = campaign.status(site.today)
        if status is Status.OPEN:
            when = words_markup(self.t, "card.open", date=time_markup(date_view(site, data.closes)))
        elif status is Status.UPCOMING:
            when = words_markup(
                self.t,
                "card.upcoming",
                date=time_markup(date_view(site, data.opens)),
                end=time_markup(date_view(site, data.closes)),
            )
        elif status is Status.CONCLUDED and data.report is not None:
            when = words_markup(
                self.t, "card.concluded", date=time_markup(date_view(site, data.report.published))
            )
        else:
            when = words_markup(self.t, "card.closed", date=time_markup(date_view(site, data.closes)))
        return CardView(
            data.title,
            urls.campaign_page(site.settings, campaign.slug),
            status_view(site, campaign),
            when,
            days_left_view(site, campaign),
            data.summary,
        )

    def cards(self, page_path: str, campaigns: Sequence[Campaign], level: int = 3) -> str:
        """A list of cards."""
        return self.html(
            "components/campaign-list.html", page_path, cards=[self.card(c) for c in campaigns], level=level
        )

    def section(
        self,
        page_path: str,
        key: str,
        anchor: str,
        campaigns: Sequence[Campaign],
        limit: int,
        empty_key: str,
        more: Link | None = None,
    ) -> list[str]:
        """A titled list of at most `limit` cards; `more` links onwards when some were left out."""
        parts = [heading(2, self.t(key), anchor)]
        if not campaigns:
            return parts + [self.html("components/notice.html", page_path, text=self.t(empty_key), link=None)]
        parts.append(self.cards(page_path, campaigns[:limit]))
        if more is not None and len(campaigns) > limit:
            parts.append(self.html("components/notice.html", page_path, text="", link=more))
        return parts

    def feed_links(self, category: str | None = None) -> list[FeedLink]:
        """The feeds of the whole site (new consultations, news, the calendar), or of one category."""
        t, settings = self.t, self.site.settings
        if category is None:
            return [
                FeedLink(t("follow.rss"), urls.rss_new(settings), RSS, "rss"),
                FeedLink(t("follow.atom"), urls.atom_new(settings), ATOM, "rss"),
                *updates_feed_links(self.site),
                FeedLink(t("follow.calendar"), urls.calendar_page(settings), "text/html", "calendar"),
            ]
        return [
            FeedLink(t("follow.category.rss", name=category), urls.rss_category(settings, category), RSS, "rss"),
            FeedLink(t("follow.category.atom", name=category), urls.atom_category(settings, category), ATOM, "rss"),
        ]

    def feeds(self, page_path: str, category: str | None = None) -> str:
        """Visible links to the RSS and Atom feeds (and, site-wide, the news and the calendar)."""
        return self.html(
            "components/feed-links.html", page_path, intro=self.t("follow.intro"), feeds=self.feed_links(category)
        )

    def output(self, path: str, title: str, parts: list[str], **meta: Any) -> Output:
        """A list page with its front matter and the status script's data."""
        if "description" in meta:
            meta["description"] = attribute_text(meta["description"])
        cx = {"kind": "list", "og_type": "website", **meta.pop("cx", {})}
        head = {"title": attribute_text(title), **meta, "cx": cx}  # themes print it as HTML
        body = [heading(1, title), *parts, records.status_data(self.site, path)]
        return page_output(path + "index.md", head, body)
