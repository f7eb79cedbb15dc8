"""The "subscribe to this calendar" box and the per-event "add to calendar" links, as HTML.

The box works without JavaScript: the webcal:// link makes Apple Calendar, desktop Outlook
and Thunderbird subscribe, and the https:// address sits in a read-only field to copy into
Google Calendar or Outlook.com, which accept only that form. The copy button uses Material's
own clipboard support (`data-clipboard-text`); without JavaScript the field is still there.
Google's `?cid=` shortcut is not offered: it often fails with "Unable to add calendar".
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from generator import urls
from generator.calendar_links import event_links
from generator.events import Event
from generator.language import is_english
from generator.outputs import HtmlBlock
from generator.settings import Settings

_PL: dict[str, Any] = {
    "subscribe": "Subskrybuj kalendarz: {title}",
    "address": "Adres kalendarza do wklejenia w Kalendarzu Google lub Outlook.com",
    "copy": "Kopiuj adres",
    "help": "Jak dodać ten kalendarz w Google, Outlooku, na iPhonie lub Macu i w Thunderbirdzie",
    "steps": [
        "<strong>Kalendarz Google</strong> (na komputerze, w przeglądarce): po lewej stronie przy "
        "„Inne kalendarze” wybierz „+”, potem „Z adresu URL”; wklej adres i kliknij „Dodaj kalendarz”. "
        "Kalendarz pojawi się też w telefonie.",
        "<strong>Outlook.com i Outlook w Microsoft 365</strong> (w przeglądarce): „Dodaj kalendarz” → "
        "„Subskrybuj z internetu”; wklej adres, nadaj nazwę i kliknij „Importuj”. W Outlooku na komputerze "
        "wystarczy kliknąć przycisk „Subskrybuj kalendarz”.",
        "<strong>Apple (iPhone, iPad, Mac)</strong>: kliknij przycisk „Subskrybuj kalendarz” i potwierdź. "
        "Na Macu możesz też w aplikacji Kalendarz wybrać „Plik” → „Nowa subskrypcja kalendarza…” i wkleić adres.",
        "<strong>Thunderbird</strong>: kliknij przycisk „Subskrybuj kalendarz” albo wybierz „Nowy kalendarz” → "
        "„W sieci” i wklej adres.",
    ],
    "note": "Subskrybowany kalendarz aktualizuje się sam, gdy wydarzenie zostanie przeniesione lub odwołane "
    "(odwołane zostają w kalendarzu z dopiskiem „ODWOŁANE”). Kalendarz Google odświeża subskrypcje tylko "
    "raz lub dwa razy na dobę, więc zmiany pojawiają się w nim z opóźnieniem. Jeśli zasubskrybujesz kilka "
    "kalendarzy z tymi samymi wydarzeniami (na przykład wszystkie wydarzenia i jedną konsultację), każde "
    "z nich zobaczysz dwa razy. Nie importuj pobranego pliku: zaimportowany kalendarz się nie aktualizuje.",
    "event_links": "Dodaj do kalendarza",
}

_EN: dict[str, Any] = {
    "subscribe": "Subscribe to the calendar: {title}",
    "address": "Calendar address to paste into Google Calendar or Outlook.com",
    "copy": "Copy address",
    "help": "How to add this calendar to Google, Outlook, iPhone or Mac, and Thunderbird",
    "steps": [
        "<strong>Google Calendar</strong> (on a computer, in a browser): next to “Other calendars” choose "
        "“+”, then “From URL”; paste the address and click “Add calendar”. It also appears on your phone.",
        "<strong>Outlook.com and Outlook for Microsoft 365</strong> (in a browser): “Add calendar” → "
        "“Subscribe from web”; paste the address, give it a name and click “Import”. In desktop Outlook, "
        "clicking the “Subscribe” button is enough.",
        "<strong>Apple (iPhone, iPad, Mac)</strong>: click the “Subscribe” button and confirm. On a Mac you "
        "can also choose “File” → “New Calendar Subscription…” in Calendar and paste the address.",
        "<strong>Thunderbird</strong>: click the “Subscribe” button, or choose “New Calendar” → "
        "“On the Network” and paste the address.",
    ],
    "note": "A subscribed calendar updates itself when an event moves or is cancelled (cancelled events stay, "
    "marked “CANCELLED”). Google Calendar refreshes subscriptions only once or twice a day, so changes "
    "reach it late. If you subscribe to several calendars holding the same events (say, all events and one "
    "consultation), you will see each of them twice. Do not import a downloaded file: an imported "
    "calendar never updates.",
    "event_links": "Add to calendar",
}


def _text(settings: Settings) -> dict[str, Any]:
    return _EN if is_english(settings.language) else _PL


def render_subscribe_box(settings: Settings, feed_path: str, feed_title: str) -> HtmlBlock:
    """HTML for subscribing to one calendar feed: webcal link, https URL to copy, instructions."""
    text = _text(settings)
    https_url = escape(settings.url(feed_path))
    webcal_url = escape(urls.webcal(settings, feed_path))
    field_id = "cx-feed-" + re.sub(r"[^a-z0-9]+", "-", feed_path.lower()).strip("-")
    steps = text["steps"]
    assert isinstance(steps, list)
    items = "".join(f"<li>{step}</li>" for step in steps)
    subscribe = str(text["subscribe"]).format(title=escape(feed_title))
    return HtmlBlock(
        '<div class="cx-subscribe">\n'
        f'<p class="cx-subscribe__action"><a class="md-button md-button--primary cx-subscribe__webcal" '
        f'href="{webcal_url}">{subscribe}</a></p>\n'
        f'<p class="cx-subscribe__address"><label for="{field_id}">{text["address"]}:</label> '
        f'<input class="cx-subscribe__field" id="{field_id}" type="url" value="{https_url}" readonly '
        f'spellcheck="false" autocomplete="off"> '
        f'<button class="md-button cx-subscribe__copy" type="button" data-clipboard-text="{https_url}">'
        f"{text['copy']}</button></p>\n"
        f'<details class="cx-subscribe__help">\n<summary>{text["help"]}</summary>\n<ul>{items}</ul>\n</details>\n'
        f'<p class="cx-subscribe__note">{text["note"]}</p>\n'
        "</div>"
    )


def render_event_links(event: Event, settings: Settings) -> str:
    """HTML list of "add to calendar" links for one event (Google, Outlook, .ics download)."""
    text = _text(settings)
    items = []
    for link in event_links(event, settings):
        attrs = ' type="text/calendar" download' if link.service == "ics" else ' rel="noopener"'
        items.append(f'<li><a class="cx-event-links__{link.service}" href="{escape(link.href)}"{attrs}>'
                     f"{escape(link.label)}</a></li>")
    return (f'<ul class="cx-event-links" aria-label="{escape(str(text["event_links"]))}">'
            + "".join(items) + "</ul>")
