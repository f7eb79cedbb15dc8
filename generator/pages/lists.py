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
from generator.model import Campaign, Status
from generator.outputs import Output
from generator.pages import records
from generator.pages.render import attribute_text, heading, page_text, render_html, time_markup, words_markup
from generator.pages.views import DaysLeft, Link, Site, StatusView, date_view, days_left_view, status_view

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


@dataclass(frozen=True)
class FeedLink:
    """A visible link to a feed."""

    text: str
    href: str
    type: str
    kind: str


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
        return render_html(template, self.t, page_path, content_lang=CONTENT_LANGUAGE if foreign else "", **context)

    def card(self, campaign: Campaign) -> CardView:
        """The card of a consultation, its date phrase chosen by status."""
        site, data = self.site, campaign.data
        status = campaign.status(site.today)
        if status is Status.OPEN:
            when = words_markup(self.t, "card.open", date=time_markup(date_view(site, data.closes)))
        elif status is Status.UPCOMING:
            when = words_markup(self.t, "card.upcoming", date=time_markup(date_view(site, data.opens)),
                                end=time_markup(date_view(site, data.closes)))
        elif status is Status.CONCLUDED and data.report is not None:
            when = words_markup(self.t, "card.concluded", date=time_markup(date_view(site, data.report.published)))
        else:
            when = words_markup(self.t, "card.closed", date=time_markup(date_view(site, data.closes)))
        return CardView(data.title, urls.campaign_page(site.settings, campaign.slug), status_view(site, campaign),
                        when, days_left_view(site, campaign), data.summary)

    def cards(self, page_path: str, campaigns: Sequence[Campaign], level: int = 3) -> str:
        """A list of cards."""
        return self.html("components/campaign-list.html", page_path, cards=[self.card(c) for c in campaigns],
                         level=level)

    def section(self, page_path: str, key: str, anchor: str, campaigns: Sequence[Campaign], limit: int,
                empty_key: str, more: Link | None = None) -> list[str]:
        """A titled list of at most `limit` cards; `more` links onwards when some were left out."""
        parts = [heading(2, self.t(key), anchor)]
        if not campaigns:
            return parts + [self.html("components/notice.html", page_path, text=self.t(empty_key), link=None)]
        parts.append(self.cards(page_path, campaigns[:limit]))
        if more is not None and len(campaigns) > limit:
            parts.append(self.html("components/notice.html", page_path, text="", link=more))
        return parts

    def feeds(self, page_path: str, category: str | None = None) -> str:
        """Visible links to the RSS and Atom feeds (and, site-wide, the calendar)."""
        t, settings = self.t, self.site.settings
        rss, atom = "application/rss+xml", "application/atom+xml"
        if category is None:
            links = [FeedLink(t("follow.rss"), urls.rss_new(settings), rss, "rss"),
                     FeedLink(t("follow.atom"), urls.atom_new(settings), atom, "rss"),
                     FeedLink(t("follow.calendar"), urls.calendar_page(settings), "text/html", "calendar")]
        else:
            links = [FeedLink(t("follow.category.rss", name=category), urls.rss_category(settings, category), rss, "rss"),
                     FeedLink(t("follow.category.atom", name=category), urls.atom_category(settings, category), atom,
                              "rss")]
        return self.html("components/feed-links.html", page_path, intro=t("follow.intro"), feeds=links)

    def output(self, path: str, title: str, parts: list[str], **meta: Any) -> Output:
        """A list page with its front matter and the status script's data."""
        if "description" in meta:
            meta["description"] = attribute_text(meta["description"])
        cx = {"kind": "list", "og_type": "website", **meta.pop("cx", {})}
        head = {"title": title, **meta, "cx": cx}
        body = [heading(1, title), *parts, records.status_data(self.site, path)]
        return Output(path + "index.md", page_text(head, body))


def render_list_page(lists: Lists) -> Output:
    """The consultations list: open, upcoming, latest closed, then categories and archive years."""
    t, settings = lists.t, lists.site.settings
    path = urls.list_page(settings)
    archive = Link(t("list.older"), urls.archive_page(settings))
    parts = lists.section(path, "list.open", "otwarte", lists.open, LIST_LIMIT, "list.open.none", archive)
    parts += lists.section(path, "list.upcoming", "zapowiedziane", lists.upcoming, LIST_LIMIT, "list.upcoming.none",
                           archive)
    parts += lists.section(path, "list.recent", "zakonczone", lists.closed, LIST_CLOSED, "list.recent.none", archive)
    parts += [heading(2, t("list.categories"), "kategorie"),
              lists.html("components/link-list.html", path, links=category_links(lists), cls="cx-links--columns")]
    parts += [heading(2, t("list.archive"), "archiwum"),
              lists.html("components/link-list.html", path, links=year_links(lists), cls="cx-links--inline")]
    return lists.output(path, t("list.title"), parts, description=settings.site_name + ": " + t("list.title"))


def category_links(lists: Lists) -> list[tuple[Link, str]]:
    """Each category with its number of consultations."""
    return [(Link(name, urls.category_page(lists.site.settings, name)), lists.t.plural("count.consultations", len(items)))
            for name, items in categories(lists.all)]


def year_links(lists: Lists) -> list[tuple[Link, str]]:
    """Each archive year with its number of consultations."""
    return [(Link(str(year), urls.archive_page(lists.site.settings, year)),
             lists.t.plural("count.consultations", len(items)))
            for year, items in years(lists.all)]


def categories(campaigns: Sequence[Campaign]) -> list[tuple[str, list[Campaign]]]:
    """Categories by name (names that make the same address are merged), each with its consultations."""
    groups: dict[str, tuple[str, list[Campaign]]] = {}
    for campaign in sorted(campaigns, key=lambda c: c.slug):
        for name in dict.fromkeys(campaign.data.categories):
            slug = urls.category_slug(name)
            groups.setdefault(slug, (name, []))[1].append(campaign)
    return sorted(groups.values(), key=lambda g: (g[0].casefold(), g[0]))


def years(campaigns: Sequence[Campaign]) -> list[tuple[int, list[Campaign]]]:
    """Consultations grouped by the year they opened, newest year first."""
    groups: dict[int, list[Campaign]] = defaultdict(list)
    for campaign in campaigns:
        groups[campaign.data.opens.year].append(campaign)
    return sorted(groups.items(), reverse=True)


def paginated(lists: Lists, base: str, title: str, items: Sequence[Campaign], intro: list[str],
              heading_key: str | None = None, empty_key: str = "category.none", outro: Sequence[str] = (),
              **meta: Any) -> list[Output]:
    """A long list split into pages of PAGE_SIZE, linked to each other; `intro` and `outro` go on the
    first page, before and after the list."""
    t = lists.t
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    outputs = []
    for number, chunk in enumerate(chunks, start=1):
        path = urls.paged(base, number)
        parts = list(intro) if number == 1 else []
        level = 2
        if heading_key:
            parts.append(heading(2, t(heading_key), "lista"))
            level = 3
        parts.append(lists.cards(path, chunk, level) if chunk else lists.html(
            "components/notice.html", path, text=t(empty_key), link=None))
        if len(chunks) > 1:
            parts.append(_pagination(lists, base, number, len(chunks), path))
        if number == 1:
            parts += outro
        page_title = title if number == 1 else f"{title} ({t('pages.page', n=number)})"
        outputs.append(lists.output(path, page_title, parts, **dict(meta)))
    return outputs


def _pagination(lists: Lists, base: str, number: int, total: int, path: str) -> str:
    t = lists.t
    pages = [(n, None if n == number else Link(t("pages.page", n=n), urls.paged(base, n))) for n in range(1, total + 1)]
    previous = Link(t("pages.previous"), urls.paged(base, number - 1)) if number > 1 else None
    following = Link(t("pages.next"), urls.paged(base, number + 1)) if number < total else None
    return lists.html("components/pagination.html", path, label=t("pages.label"),
                      current=t("pages.current", n=number, total=total), previous=previous, next=following,
                      pages=pages)


def render_archive_pages(lists: Lists) -> list[Output]:
    """The archive: an index of years, and each year's consultations, newest first, in pages."""
    t, settings = lists.t, lists.site.settings
    index_path = urls.archive_page(settings)
    groups = years(lists.all)
    intro = lists.html("components/notice.html", index_path, text=t("archive.intro" if groups else "archive.none"),
                       link=None)
    outputs = [lists.output(index_path, t("archive.title"), [intro, lists.html(
        "components/link-list.html", index_path, links=year_links(lists), cls="cx-links--columns")],
        description=t("archive.intro"))]
    for year, items in groups:
        ordered = sorted(items, key=lambda c: (c.data.opens, c.slug), reverse=True)
        outputs += paginated(lists, urls.archive_page(settings, year), t("archive.year", year=year), ordered, [],
                             description=t("archive.year", year=year))
    return outputs


def render_category_pages(lists: Lists) -> list[Output]:
    """The list of categories, and a page per category with its feeds; closed ones in pages."""
    t, settings = lists.t, lists.site.settings
    index_path = urls.categories_page(settings)
    outputs = [lists.output(index_path, t("category.index"), [lists.html(
        "components/link-list.html", index_path, links=category_links(lists), cls="cx-links--columns")])]
    for name, items in categories(lists.all):
        base = urls.category_page(settings, name)
        members = {c.slug for c in items}
        current = [c for c in lists.open + lists.upcoming if c.slug in members]
        closed = [c for c in lists.closed if c.slug in members]
        intro = [heading(2, t("category.current"), "trwajace")]
        intro.append(lists.cards(base, current) if current else lists.html(
            "components/notice.html", base, text=t("category.current.none"), link=None))
        outro = [heading(2, t("follow.title"), "badz-na-biezaco"), lists.feeds(base, name)]
        title = t("category.title", name=name)
        outputs += paginated(lists, base, title, closed, intro, heading_key="category.past",
                             empty_key="category.past.none", outro=outro, description=title)
    return outputs
