"""Markdown pages (with front matter) for consultations and their lists: the page stage.

Every page is plain Markdown with HTML blocks rendered from `generator/templates/`, so any
Material-style engine can build it; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from generator.engine.memo import Memo, cached
from generator.options import Settings
from generator.outputs import Output
from generator.pages.archive import render_archive_pages, render_category_pages, render_list_page
from generator.pages.campaign import render_campaign_page
from generator.pages.home import all_events, render_calendar_page, render_home_page
from generator.pages.lists import Lists
from generator.pages.views import Site
from generator.source.model import Campaign


def render_pages(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> list[Output]:
    """Return a page per consultation plus the home, list, archive, category and calendar pages.

    `campaigns` are the published ones; the home page takes its intro from `content/index.md`
    and replaces it in the built site.
    """
    return render_campaign_pages(campaigns, settings, memo) + render_index_pages(campaigns, settings)


def render_campaign_pages(
    campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None
) -> list[Output]:
    """The page of each given consultation (each one depends on its consultation alone)."""
    site = Site.of(settings)
    return [cached(memo, "page", c, partial(render_campaign_page, site, c)) for c in campaigns]


def render_index_pages(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """The home, list, calendar, archive and category pages of the published `campaigns`."""
    lists = Lists(Site.of(settings), campaigns)
    events = all_events(lists)
    outputs = [render_home_page(lists, events), render_list_page(lists), render_calendar_page(lists, events)]
    outputs += render_archive_pages(lists)
    outputs += render_category_pages(lists)
    return outputs
