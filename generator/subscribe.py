"""The "subscribe to this calendar" box shown on the calendar page and consultation pages."""

from __future__ import annotations

from html import escape

from generator import urls
from generator.settings import Settings


def render_subscribe_box(settings: Settings, feed_path: str, feed_title: str) -> str:
    """HTML for subscribing to one calendar feed: webcal link, https URL to copy, instructions."""
    https_url = settings.url(feed_path)
    return (
        '<div class="cx-subscribe">'
        f'<p><a href="{escape(urls.webcal(settings, feed_path))}">Subskrybuj kalendarz: {escape(feed_title)}</a></p>'
        f"<p>Adres do skopiowania: <code>{escape(https_url)}</code></p>"
        "</div>"
    )
