"""The "subscribe to this calendar" box and the per-event "add to calendar" links, as HTML.

The box works without JavaScript: the webcal:// link makes Apple Calendar, desktop Outlook
and Thunderbird subscribe, and the https:// address sits in a read-only field to copy into
Google Calendar or Outlook.com, which accept only that form. The copy button uses Material's
own clipboard support (`data-clipboard-text`); without JavaScript the field is still there.
Google's `?cid=` shortcut is not offered: it often fails with "Unable to add calendar".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator import urls
from generator.calendars.events import Event
from generator.calendars.links import event_links
from generator.i18n import Translator, translator
from generator.options import Settings
from generator.outputs import HtmlBlock


@dataclass(frozen=True)
class Subscription:
    """One calendar offered on the calendar page: what it holds, in words, and its feed."""

    name: Markup  # e.g. "Kategoria „rodzina”: dyżury, spotkania i terminy", editors' words marked with lang
    path: str  # site path of the .ics feed, as the calendar stage writes it


def render_subscribe_box(settings: Settings, feed_path: str, feed_title: str) -> HtmlBlock:
    """HTML for subscribing to one calendar feed: webcal link, https URL to copy, instructions."""
    t = translator(settings.language)
    https_url = escape(settings.url(feed_path))
    webcal_url = escape(urls.webcal(settings, feed_path))
    field_id = _field_id(feed_path)
    subscribe = t("subscribe.subscribe", title=escape(feed_title))
    return HtmlBlock(
        '<div class="cx-subscribe">\n'
        f'<p class="cx-subscribe__action"><a class="md-button md-button--primary cx-subscribe__webcal" '
        f'href="{webcal_url}">{subscribe}</a></p>\n'
        f'<p class="cx-subscribe__address"><label for="{field_id}">{t("subscribe.address")}:</label> '
        f'<input class="cx-subscribe__field" id="{field_id}" type="url" value="{https_url}" readonly '
        f'spellcheck="false" autocomplete="off"> '
        f'<button class="md-button cx-subscribe__copy" type="button" data-clipboard-text="{https_url}">'
        f"{t('subscribe.copy')}</button></p>\n"
        f"{_help(t)}"
        "</div>"
    )


def render_subscribe_help(settings: Settings) -> HtmlBlock:
    """How to subscribe, said once above a list of calendars: what the buttons do, each app's steps, caveats."""
    t = translator(settings.language)
    return HtmlBlock(
        f'<div class="cx-subscribe">\n<p>{t("calendar.subscribe.intro")}</p>\n{_help(t)}</div>'
    )


def render_calendar_list(settings: Settings, subscriptions: Sequence[Subscription]) -> HtmlBlock:
    """A list of calendars, each with its webcal:// link and its https:// address to copy.

    Every control's accessible name says which calendar it is for (the visible words are the same in
    each item), so a screen reader's list of links or buttons still tells them apart.
    """
    t = translator(settings.language)
    items = []
    for item in subscriptions:
        https_url = escape(settings.url(item.path))
        field_id = _field_id(item.path)
        which = f'<span class="cx-visually-hidden">: {item.name}</span>'
        items.append(
            '<li class="cx-calendar">\n'
            f'<p class="cx-calendar__name">{item.name}</p>\n'
            f'<p class="cx-calendar__action"><a class="md-button md-button--primary cx-subscribe__webcal" '
            f'href="{escape(urls.webcal(settings, item.path))}">{t("subscribe.short")}{which}</a></p>\n'
            f'<p class="cx-subscribe__address"><label for="{field_id}">{t("subscribe.address.short")}{which}</label> '
            f'<input class="cx-subscribe__field" id="{field_id}" type="url" value="{https_url}" readonly '
            f'spellcheck="false" autocomplete="off"> '
            f'<button class="md-button cx-subscribe__copy" type="button" data-clipboard-text="{https_url}">'
            f"{t('subscribe.copy')}{which}</button></p>\n"
            "</li>"
        )
    return HtmlBlock('<ul class="cx-calendars">\n' + "\n".join(items) + "\n</ul>")


def _help(t: Translator) -> str:
    steps = "".join(f"<li>{step}</li>" for step in t.words["subscribe.steps"])
    return (
        f'<details class="cx-subscribe__help">\n<summary>{t("subscribe.help")}</summary>\n<ul>{steps}</ul>\n'
        f'</details>\n<p class="cx-subscribe__note">{t("subscribe.note")}</p>\n'
    )


def _field_id(feed_path: str) -> str:
    return "cx-feed-" + re.sub(r"[^a-z0-9]+", "-", feed_path.lower()).strip("-")


def render_event_links(event: Event, settings: Settings) -> str:
    """HTML list of "add to calendar" links for one event (Google, Outlook, .ics download)."""
    t = translator(settings.language)
    items = []
    for link in event_links(event, settings):
        attrs = ' type="text/calendar" download' if link.service == "ics" else ' rel="noopener"'
        items.append(f'<li><a class="cx-event-links__{link.service}" href="{escape(link.href)}"{attrs}>'
                     f"{escape(link.label)}</a></li>")
    return (f'<ul class="cx-event-links" aria-label="{escape(t("subscribe.event_links"))}">'
            + "".join(items) + "</ul>")
