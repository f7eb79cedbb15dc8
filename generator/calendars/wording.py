"""What a calendar shows for an event: title, place and description, worded by `i18n.WORDS`.

The .ics feeds, the single-event downloads and the "add to Google/Outlook" links all take
their text from here, so a subscriber sees the same event however it reached the calendar.
Google Calendar does not show an event's URL, so the description always ends with the
address of the consultation page.
"""

from __future__ import annotations

import datetime as dt
import re

from generator import urls
from generator.calendars.events import Event
from generator.i18n import Translator, translator
from generator.language import words_language
from generator.options import Settings
from generator.source.model import Campaign

# Control characters (C0 except tab and new line, DEL, C1) are not allowed in iCalendar text
# and one stray character makes Thunderbird drop a whole calendar; pasted text can carry them.
# Lone surrogates (a YAML "\ud800" escape) cannot be written as UTF-8 at all.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """Text safe for a calendar: Windows and old Mac line ends become new lines, controls go."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _t(settings: Settings) -> Translator:
    # The words' language, also for the dates: a calendar in an unknown language reads English.
    return translator(words_language(settings.language))


def event_summary(event: Event, settings: Settings) -> str:
    """A short title that makes sense in a stranger's calendar; cancelled ones say so first."""
    t = _t(settings)
    title = event.campaign.data.title
    if event.kind == "duty":
        modes = _join(t, [t(f"calendar.event.mode.{m}") for m in event.modes])
        text = t("calendar.event.title.duty", modes=modes, title=title)
    elif event.kind == "meeting":
        text = t("calendar.event.title.meeting", meeting=event.title, title=title)
    else:
        text = t("calendar.event.title.deadline", title=title)
    text = " ".join(clean(text).split())  # a title is one line
    return t("calendar.event.title.cancelled", title=text) if event.cancelled else text


def event_location(event: Event, settings: Settings) -> str:
    """One line for LOCATION: the place, else the meeting link, else the phone numbers."""
    if event.place:
        return " ".join(clean(event.place).split())
    if event.online:
        return clean(event.online)
    if event.link_later:
        return _t(settings)("calendar.event.link_later")
    if event.phones:
        return clean(_t(settings)("calendar.event.by_phone", phones=", ".join(event.phones)))
    return ""


def event_description(event: Event, settings: Settings) -> str:
    """Everything a subscriber needs without clicking, ending with the consultation's address."""
    t = _t(settings)
    data = event.campaign.data
    lines = [t("calendar.event.cancelled")] if event.cancelled else []
    lines.append(t(f"calendar.event.intro.{event.kind}", title=data.title))
    zone = _zone_label(t, settings)
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        lines.append(t("calendar.event.when", day=_day(t, event.day), start=f"{event.start:%H:%M}",
                       end=f"{event.end:%H:%M}", zone=zone))
    else:
        lines.append(t("calendar.event.when.deadline", day=_day(t, event.day), zone=zone))
    if event.place:
        lines.append(t("calendar.event.where", place=event.place))
    if event.phones:
        lines.append(t("calendar.event.phones", phones=", ".join(event.phones)))
    if event.online:
        lines.append(t("calendar.event.online", url=event.online))
    elif event.link_later:
        lines.append(t("calendar.event.link_later"))  # the note, next, says how to register
    if event.note:
        lines.append(event.note)
    if event.kind == "deadline":
        lines.extend(_respond_lines(event.campaign, t))
    else:
        lines.append(t("calendar.event.closes", day=_day(t, data.closes, weekday=False)))
    lines.append(t("calendar.event.more", url=event_url(event, settings)))
    return clean("\n".join(lines))


def event_url(event: Event, settings: Settings) -> str:
    """The absolute address of the event on its consultation page."""
    return settings.url(urls.campaign_page(settings, event.campaign.slug)) + "#" + event.anchor


def event_categories(event: Event, settings: Settings) -> list[str]:
    """The kind of event, then the consultation's categories."""
    kind = _t(settings)(f"calendar.event.kind.{event.kind}")
    return [kind, *(" ".join(clean(c).split()) for c in event.campaign.data.categories)]


def _respond_lines(campaign: Campaign, t: Translator) -> list[str]:
    if not campaign.data.respond:
        return []
    lines = [t("calendar.event.respond")]
    for way in campaign.data.respond:
        label = t(f"calendar.event.channel.{way.channel}")
        text = f"– {label}: {way.value}" if label else f"– {way.value}"
        if way.annotation:
            text += " (" + t("calendar.event.annotation", text=way.annotation) + ")"
        lines.append(text)
    return lines


def _join(t: Translator, items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return t("calendar.event.either", items=", ".join(items[:-1]), last=items[-1])


def _day(t: Translator, day: dt.date, weekday: bool = True) -> str:
    return f"{t.weekday(day)}, {t.day_month_year(day)}" if weekday else t.day_month_year(day)


def _zone_label(t: Translator, settings: Settings) -> str:
    return t("calendar.event.local_zone") if settings.timezone.key == "Europe/Warsaw" else settings.timezone.key
