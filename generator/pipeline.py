"""The read-and-check half of the pipeline, shared by the CLI and the MkDocs plugin."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from generator import gcpause
from generator.errors import Problem, sorted_problems
from generator.load import RawCampaign, load_campaigns
from generator.model import Campaign
from generator.timing import StageTimes
from generator.validate import validate_campaigns


class Remembered(Protocol):
    """Loading and validating one folder, answered from memory when its files did not change."""

    def load(self, directory: Path, root: Path, rel_dir: str, real: str) -> RawCampaign: ...

    def validate(self, raw: RawCampaign, tz: ZoneInfo) -> tuple[Campaign | None, list[Problem]]: ...


def check_campaigns(
    campaigns_dir: Path,
    root: Path,
    tz: ZoneInfo,
    times: StageTimes | None = None,
    remember: Remembered | None = None,
) -> tuple[list[Campaign], list[Problem]]:
    """Load and validate every campaign; return the valid ones and all problems, sorted.

    Args:
        times: gets the seconds loading and validating took.
        remember: a preview session's results of earlier builds, for folders that did not change.
    """
    times = times if times is not None else StageTimes()
    with gcpause.paused():
        with times.stage("load"):
            raws, problems = load_campaigns(campaigns_dir, root, remember.load if remember else None)
        with times.stage("validate"):
            campaigns, found = validate_campaigns(raws, tz, remember.validate if remember else None)
    return campaigns, sorted_problems(problems + found)
