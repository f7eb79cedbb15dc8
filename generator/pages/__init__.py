"""Markdown pages (with front matter) for consultations and their lists: the page stage.

Every page is plain Markdown with HTML blocks rendered from `generator/templates/`, so any
Material-style engine can build it; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Campaign
from generator.outputs import Output
from generator.pages.archive import render_archive_pages, render_category_pages, render_list_page
from generator.pages.campaign import render_campaign_page
from generator.pages.home import all_events, render_calendar_page, render_home_page
from generator.pages.lists import Lists
from generator.pages.views import Site
from generator.settings import Settings


def render_pages(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return a page per consultation plus the home, list, archive, category and calendar pages.

    `campaigns` are the published ones; the home page takes its intro from `content/index.md`
    and replaces it in the built site.
    """
    site = Site.of(settings)
    outputs = [render_campaign_page(site, campaign) for campaign in campaigns]
    lists = Lists(site, campaigns)
    events = all_events(lists)
    outputs.append(render_home_page(lists, events))
    outputs.append(render_list_page(lists))
    outputs.append(render_calendar_page(lists, events))
    outputs += render_archive_pages(lists)
    outputs += render_category_pages(lists)
    return outputs
