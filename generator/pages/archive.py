"""The consultations list, the archive by year and a page per category, long lists split into pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from generator import urls
from generator.outputs import Output
from generator.pages.lists import LIST_CLOSED, LIST_LIMIT, PAGE_SIZE, Lists
from generator.pages.render import heading
from generator.pages.subscribe import render_subscribe_box
from generator.pages.views import ICAL, FeedLink, Link, head_feeds
from generator.source.model import Campaign


def render_list_page(lists: Lists) -> Output:
    """The consultations list: open, upcoming, latest closed, then categories and archive years."""
    t, settings = lists.t, lists.site.settings
    path = urls.list_page(settings)
    archive = Link(t("list.older"), urls.archive_page(settings))
    parts = lists.section(path, "list.open", "otwarte", lists.open, LIST_LIMIT, "list.open.none", archive)
    parts += lists.section(
        path, "list.upcoming", "zapowiedziane", lists.upcoming, LIST_LIMIT, "list.upcoming.none", archive
    )
    parts += lists.section(
        path, "list.recent", "zakonczone", lists.closed, LIST_CLOSED, "list.recent.none", archive
    )
    parts += [
        heading(2, t("list.categories"), "kategorie"),
        lists.html("components/link-list.html", path, links=category_links(lists), cls="cx-links--columns"),
    ]
    parts += [
        heading(2, t("list.archive"), "archiwum"),
        lists.html("components/link-list.html", path, links=year_links(lists), cls="cx-links--inline"),
    ]
    return lists.output(path, t("list.title"), parts, description=settings.site_name + ": " + t("list.title"))


def category_links(lists: Lists) -> list[tuple[Link, str]]:
    """Each category with its number of consultations."""
    return [
        (
            Link(name, urls.category_page(lists.site.settings, name)),
            lists.t.plural("count.consultations", len(items)),
        )
        for name, items in categories(lists.all)
    ]


def year_links(lists: Lists) -> list[tuple[Link, str]]:
    """Each archive year with its number of consultations."""
    return [
        (
            Link(str(year), urls.archive_page(lists.site.settings, year)),
            lists.t.plural("count.consultations", len(items)),
        )
        for year, items in years(lists.all)
    ]


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


def paginated(
    lists: Lists,
    base: str,
    title: str,
    items: Sequence[Campaign],
    intro: list[str],
    heading_key: str | None = None,
    empty_key: str = "category.none",
    outro: Sequence[str] = (),
    **meta: Any,
) -> list[Output]:
    """A long list split into pages of PAGE_SIZE, linked to each other; `intro` and `outro` go on the
    first page, before and after the list."""
    t = lists.t
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    outputs = []
    for number, chunk in enumerate(chunks, start=1):
        path = urls.paged(base, number)
        parts = list(intro) if number == 1 else []
        level = 2
        if heading_key:
            parts.append(heading(2, t(heading_key), "lista"))
            level = 3
        parts.append(
            lists.cards(path, chunk, level)
            if chunk
            else lists.html("components/notice.html", path, text=t(empty_key), link=None)
        )
        if len(chunks) > 1:
            parts.append(_pagination(lists, base, number, len(chunks), path))
        if number == 1:
            parts += outro
        page_title = title if number == 1 else f"{title} ({t('pages.page', n=number)})"
        outputs.append(lists.output(path, page_title, parts, **dict(meta)))
    return outputs


def _pagination(lists: Lists, base: str, number: int, total: int, path: str) -> str:
    t = lists.t
    pages = [
        (n, None if n == number else Link(t("pages.page", n=n), urls.paged(base, n)))
        for n in range(1, total + 1)
    ]
    previous = Link(t("pages.previous"), urls.paged(base, number - 1)) if number > 1 else None
    following = Link(t("pages.next"), urls.paged(base, number + 1)) if number < total else None
    return lists.html(
        "components/pagination.html",
        path,
        label=t("pages.label"),
        current=t("pages.current", n=number, total=total),
        previous=previous,
        next=following,
        pages=pages,
    )


def render_archive_pages(lists: Lists) -> list[Output]:
    """The archive: an index of years, and each year's consultations, newest first, in pages."""
    t, settings = lists.t, lists.site.settings
    index_path = urls.archive_page(settings)
    groups = years(lists.all)
    intro = lists.html(
        "components/notice.html", index_path, text=t("archive.intro" if groups else "archive.none"), link=None
    )
    outputs = [
        lists.output(
            index_path,
            t("archive.title"),
            [
                intro,
                lists.html(
                    "components/link-list.html", index_path, links=year_links(lists), cls="cx-links--columns"
                ),
            ],
            description=t("archive.intro"),
        )
    ]
    for year, items in groups:
        ordered = sorted(items, key=lambda c: (c.data.opens, c.slug), reverse=True)
        outputs += paginated(
            lists,
            urls.archive_page(settings, year),
            t("archive.year", year=year),
            ordered,
            [],
            description=t("archive.year", year=year),
        )
    return outputs


def render_category_pages(lists: Lists) -> list[Output]:
    """The list of categories, and a page per category with its feeds; closed ones in pages."""
    t, settings = lists.t, lists.site.settings
    index_path = urls.categories_page(settings)
    outputs = [
        lists.output(
            index_path,
            t("category.index"),
            [
                lists.html(
                    "components/link-list.html",
                    index_path,
                    links=category_links(lists),
                    cls="cx-links--columns",
                )
            ],
        )
    ]
    for name, items in categories(lists.all):
        base = urls.category_page(settings, name)
        members = {c.slug for c in items}
        current = [c for c in lists.open + lists.upcoming if c.slug in members]
        closed = [c for c in lists.closed if c.slug in members]
        intro = [heading(2, t("category.current"), "trwajace")]
        intro.append(
            lists.cards(base, current)
            if current
            else lists.html("components/notice.html", base, text=t("category.current.none"), link=None)
        )
        calendar = urls.ics_category(settings, name)
        calendar_title = t("follow.category.calendar", name=name)
        outro = [
            heading(2, t("follow.title"), "badz-na-biezaco"),
            render_subscribe_box(settings, calendar, calendar_title),
            lists.feeds(base, name),
        ]
        head = head_feeds(lists.site, [*lists.feed_links(name), FeedLink(calendar_title, calendar, ICAL, "calendar")])
        title = t("category.title", name=name)
        outputs += paginated(
            lists,
            base,
            title,
            closed,
            intro,
            heading_key="category.past",
            empty_key="category.past.none",
            outro=outro,
            description=title,
            cx={"feeds": head},
        )
    return outputs
