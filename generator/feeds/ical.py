"""iCalendar feeds of duty hours, meetings and deadlines."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Campaign
from generator.outputs import Output
from generator.settings import Settings


def build_calendars(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return every .ics file of the site."""
    return []
