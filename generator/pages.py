"""Markdown pages (with `template:` front matter) for consultations and their lists."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from generator.model import Campaign
from generator.outputs import Output
from generator.settings import Settings


def render_pages(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return a page per consultation plus the list, archive, category and calendar pages."""
    outputs = []
    for campaign in campaigns:
        title = campaign.data.title
        # Themes print the front matter title as HTML, so it is escaped (a JSON string is a YAML
        # scalar); the heading shows the title as text, never as markup.
        text = f"---\ntitle: {json.dumps(html.escape(title))}\n---\n\n# {markdown_text(title)}\n\n{campaign.body}\n"
        outputs.append(Output(path=settings.campaign_path(campaign.slug) + "index.md", content=text))
    return outputs


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # Python-Markdown's backslash escapes


def markdown_text(text: str) -> str:
    """Plain text (a field of campaign.yml) written into Markdown so that it shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
