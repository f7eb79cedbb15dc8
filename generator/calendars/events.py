"""Duty hours, meetings and deadlines as one kind of dated event, for pages and calendars."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.source.model import Campaign, DutyHour, Material, Meeting

# Fixed namespace for UUIDv5 event identifiers; never change it, or every subscriber's
# calendar would see all events deleted and re-created.
UID_NAMESPACE = uuid.UUID("6f1d4c52-2b8e-5c71-9a53-4b3e0c7d2a10")


@dataclass(frozen=True)
class Event:
    """One dated thing a subscriber may put in a calendar."""

    campaign: Campaign
    kind: str  # "duty", "meeting" or "deadline"
    key: str  # stable within the campaign: explicit id, or kind + position
    title: str
    start: dt.datetime | dt.date  # aware datetime, or a date for all-day events
    end: dt.datetime | dt.date  # exclusive end for all-day events (the day after)
    cancelled: bool = False
    modes: tuple[str, ...] = ()
    place: str | None = None
    phones: tuple[str, ...] = ()
    online: str | None = None
    note: str | None = None
    materials: tuple[Material, ...] = ()  # a meeting's slides, minutes, recordings

    @property
    def all_day(self) -> bool:
        """True for date-only events such as the deadline."""
        return not isinstance(self.start, dt.datetime)

    @property
    def link_later(self) -> bool:
        """True for an online event whose link is sent only after registration."""
        return "online" in self.modes and not self.online

    @property
    def day(self) -> dt.date:
        """The local date the event happens on."""
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    def uid(self, host: str) -> str:
        """A UID that never changes when the time, place or title is edited."""
        name = f"{host}/{self.campaign.slug}/{self.key}"
        return f"{uuid.uuid5(UID_NAMESPACE, name)}@{host}"

    @property
    def anchor(self) -> str:
        """The fragment id of the event on its consultation page."""
        return f"wydarzenie-{self.key}"

    def is_current(self, now: dt.datetime) -> bool:
        """True while the event is in progress."""
        if isinstance(self.start, dt.datetime) and isinstance(self.end, dt.datetime):
            return self.start <= now < self.end
        return False


def campaign_events(campaign: Campaign, tz: ZoneInfo) -> list[Event]:
    """All events of a consultation, sorted by start, with the deadline last on its day."""
    data = campaign.data
    events: list[Event] = []
    for index, duty in enumerate(data.duty_hours, start=1):
        events.append(_duty(campaign, duty, index, tz))
    for index, meeting in enumerate(data.meetings, start=1):
        events.append(_meeting(campaign, meeting, index, tz))
    events.append(
        Event(
            campaign=campaign,
            kind="deadline",
            key="termin",
            title=data.title,
            start=data.closes,
            end=data.closes + dt.timedelta(days=1),
        )
    )
    return sorted(events, key=sort_key)


def sort_key(event: Event) -> tuple[dt.date, int, str, str]:
    """Sort by day, then timed events before the all-day deadline, then by time and key."""
    if isinstance(event.start, dt.datetime):
        return (event.day, 0, event.start.strftime("%H:%M"), event.campaign.slug + event.key)
    return (event.day, 1, "", event.campaign.slug + event.key)


def _local(day: dt.date, moment: dt.time, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, moment, tzinfo=tz)


def _duty(campaign: Campaign, duty: DutyHour, index: int, tz: ZoneInfo) -> Event:
    return Event(
        campaign=campaign,
        kind="duty",
        key=duty.id or f"dyzur-{index}",
        title=campaign.data.title,
        start=_local(duty.date, duty.time.start, tz),
        end=_local(duty.date, duty.time.end, tz),
        cancelled=duty.status == "cancelled",
        modes=tuple(duty.mode),
        place=duty.place,
        phones=tuple(duty.phone),
        online=duty.online,
        note=duty.note,
    )


def _meeting(campaign: Campaign, meeting: Meeting, index: int, tz: ZoneInfo) -> Event:
    modes = meeting.modes()
    return Event(
        campaign=campaign,
        kind="meeting",
        key=meeting.id or f"spotkanie-{index}",
        title=meeting.title,
        start=_local(meeting.date, meeting.time.start, tz),
        end=_local(meeting.date, meeting.time.end, tz),
        cancelled=meeting.status == "cancelled",
        modes=modes,
        place=meeting.place,
        online=meeting.online,
        note=meeting.note,
        materials=campaign.meeting_materials[index - 1] if index <= len(campaign.meeting_materials) else (),
    )
