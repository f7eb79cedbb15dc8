"""Machine-readable exports: all consultations as JSON, and the JSON Schema of campaign.yml."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.model import Campaign, campaign_json_schema
from generator.outputs import Output
from generator.settings import Settings

SCHEMA_PATH = "schema/campaign.schema.json"


def schema_bytes() -> bytes:
    """The JSON Schema of campaign.yml, as published and as printed by `consult schema`."""
    return (json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def build_exports(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return the JSON export and the schema."""
    return [Output(path=SCHEMA_PATH, content=schema_bytes())]
