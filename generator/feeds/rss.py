"""RSS 2.0 and Atom feeds of new consultations and their updates."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Campaign
from generator.outputs import Output
from generator.settings import Settings


def build_feeds(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return every RSS and Atom file of the site."""
    return []
