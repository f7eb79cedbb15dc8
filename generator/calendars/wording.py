"""The words a calendar shows for an event: title, place and description, in Polish or English.

The .ics feeds, the single-event downloads and the "add to Google/Outlook" links all take
their text from here, so a subscriber sees the same event however it reached the calendar.
Google Calendar does not show an event's URL, so the description always ends with the
address of the consultation page.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator import urls
from generator.calendars.events import Event
from generator.i18n import translator
from generator.language import words_language
from generator.options import Settings
from generator.source.model import Campaign

_TEXT: dict[str, dict[str, Any]] = {
    "pl": {
        "cancelled_prefix": "ODWOŁANE: ",
        "cancelled": "To wydarzenie zostało odwołane.",
        "duty": "Dyżur eksperta ({modes}): {title}",
        "duty_intro": "Dyżur eksperta w konsultacjach: {title}",
        "meeting": "{meeting} – {title}",
        "meeting_intro": "Spotkanie w ramach konsultacji: {title}",
        "deadline": "Ostatni dzień na zgłoszenie uwag: {title}",
        "deadline_intro": "Ostatni dzień na zgłoszenie uwag w konsultacjach: {title}",
        "when": "Kiedy: {day}, {start}–{end} ({zone})",
        "when_deadline": "Kiedy: {day}, do godz. 23:59 ({zone})",
        "where": "Gdzie: {place}",
        "phones": "Telefon: {phones}",
        "online": "Online: {url}",
        "link_later": "Online: link po zgłoszeniu",
        "by_phone": "Telefonicznie: {phones}",
        "closes": "Uwagi można zgłaszać do {day}.",
        "respond": "Jak zgłosić uwagi:",
        "annotation": "z dopiskiem „{text}”",
        "more": "Szczegóły i dokumenty: {url}",
        "or": " lub ",
        "local_zone": "czas polski",
        "modes": {"phone": "telefonicznie", "in_person": "na miejscu", "online": "online"},
        "channels": {"email": "e-mail", "post": "pocztą", "in_person": "osobiście", "fax": "faks",
                     "phone": "telefonicznie", "online_form": "formularz online", "other": ""},
        "kinds": {"duty": "dyżur eksperta", "meeting": "spotkanie konsultacyjne", "deadline": "termin"},
    },
    "en": {
        "cancelled_prefix": "CANCELLED: ",
        "cancelled": "This event has been cancelled.",
        "duty": "Expert duty hour ({modes}): {title}",
        "duty_intro": "Expert duty hour in the consultation: {title}",
        "meeting": "{meeting} – {title}",
        "meeting_intro": "Meeting of the consultation: {title}",
        "deadline": "Last day to send comments: {title}",
        "deadline_intro": "Last day to send comments in the consultation: {title}",
        "when": "When: {day}, {start}–{end} ({zone})",
        "when_deadline": "When: {day}, until 23:59 ({zone})",
        "where": "Where: {place}",
        "phones": "Phone: {phones}",
        "online": "Online: {url}",
        "link_later": "Online: link after registration",
        "by_phone": "By phone: {phones}",
        "closes": "Comments are accepted until {day}.",
        "respond": "How to send comments:",
        "annotation": "marked “{text}”",
        "more": "Details and documents: {url}",
        "or": " or ",
        "local_zone": "Polish time",
        "modes": {"phone": "by phone", "in_person": "in person", "online": "online"},
        "channels": {"email": "e-mail", "post": "post", "in_person": "in person", "fax": "fax",
                     "phone": "phone", "online_form": "online form", "other": ""},
        "kinds": {"duty": "expert duty hour", "meeting": "consultation meeting", "deadline": "deadline"},
    },
}


# Control characters (C0 except tab and new line, DEL, C1) are not allowed in iCalendar text
# and one stray character makes Thunderbird drop a whole calendar; pasted text can carry them.
# Lone surrogates (a YAML "\ud800" escape) cannot be written as UTF-8 at all.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """Text safe for a calendar: Windows and old Mac line ends become new lines, controls go."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _t(settings: Settings) -> dict[str, Any]:
    return _TEXT[words_language(settings.language)]


def _s(settings: Settings, key: str) -> str:
    value = _t(settings)[key]
    assert isinstance(value, str)
    return value


def _map(settings: Settings, key: str) -> dict[str, str]:
    value = _t(settings)[key]
    assert isinstance(value, dict)
    return value


def event_summary(event: Event, settings: Settings) -> str:
    """A short title that makes sense in a stranger's calendar; cancelled ones say so first."""
    title = event.campaign.data.title
    if event.kind == "duty":
        modes = _map(settings, "modes")
        text = _s(settings, "duty").format(modes=_join(settings, [modes[m] for m in event.modes]), title=title)
    elif event.kind == "meeting":
        text = _s(settings, "meeting").format(meeting=event.title, title=title)
    else:
        text = _s(settings, "deadline").format(title=title)
    text = " ".join(clean(text).split())  # a title is one line
    return (_s(settings, "cancelled_prefix") + text) if event.cancelled else text


def event_location(event: Event, settings: Settings | None = None) -> str:
    """One line for LOCATION: the place, else the meeting link, else the phone numbers."""
    if event.place:
        return " ".join(clean(event.place).split())
    if event.online:
        return clean(event.online)
    if event.link_later:
        return _s(settings, "link_later") if settings is not None else str(_TEXT["pl"]["link_later"])
    if event.phones:
        template = _s(settings, "by_phone") if settings is not None else _TEXT["pl"]["by_phone"]
        assert isinstance(template, str)
        return clean(template.format(phones=", ".join(event.phones)))
    return ""


def event_description(event: Event, settings: Settings) -> str:
    """Everything a subscriber needs without clicking, ending with the consultation's address."""
    data = event.campaign.data
    lines = [_s(settings, "cancelled")] if event.cancelled else []
    lines.append(_s(settings, f"{event.kind}_intro").format(title=data.title))
    zone = _zone_label(settings)
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        lines.append(_s(settings, "when").format(day=_day(event.day, settings), start=f"{event.start:%H:%M}",
                                                 end=f"{event.end:%H:%M}", zone=zone))
    else:
        lines.append(_s(settings, "when_deadline").format(day=_day(event.day, settings), zone=zone))
    if event.place:
        lines.append(_s(settings, "where").format(place=event.place))
    if event.phones:
        lines.append(_s(settings, "phones").format(phones=", ".join(event.phones)))
    if event.online:
        lines.append(_s(settings, "online").format(url=event.online))
    elif event.link_later:
        lines.append(_s(settings, "link_later"))  # the note, next, says how to register
    if event.note:
        lines.append(event.note)
    if event.kind == "deadline":
        lines.extend(_respond_lines(event.campaign, settings))
    else:
        lines.append(_s(settings, "closes").format(day=_day(data.closes, settings, weekday=False)))
    lines.append(_s(settings, "more").format(url=event_url(event, settings)))
    return clean("\n".join(lines))


def event_url(event: Event, settings: Settings) -> str:
    """The absolute address of the event on its consultation page."""
    return settings.url(urls.campaign_page(settings, event.campaign.slug)) + "#" + event.anchor


def event_categories(event: Event, settings: Settings) -> list[str]:
    """The kind of event, then the consultation's categories."""
    return [_map(settings, "kinds")[event.kind], *(" ".join(clean(c).split()) for c in event.campaign.data.categories)]


def _respond_lines(campaign: Campaign, settings: Settings) -> list[str]:
    if not campaign.data.respond:
        return []
    channels = _map(settings, "channels")
    lines = [_s(settings, "respond")]
    for way in campaign.data.respond:
        label = channels[way.channel]
        text = f"– {label}: {way.value}" if label else f"– {way.value}"
        if way.annotation:
            text += " (" + _s(settings, "annotation").format(text=way.annotation) + ")"
        lines.append(text)
    return lines


def _join(settings: Settings, items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _s(settings, "or") + items[-1]


def _day(day: dt.date, settings: Settings, weekday: bool = True) -> str:
    t = translator(words_language(settings.language))
    return f"{t.weekday(day)}, {t.day_month_year(day)}" if weekday else t.day_month_year(day)


def _zone_label(settings: Settings) -> str:
    return _s(settings, "local_zone") if settings.timezone.key == "Europe/Warsaw" else settings.timezone.key
