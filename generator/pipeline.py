"""The read-and-check half of the pipeline, shared by the CLI and the MkDocs plugin."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from generator import gcpause
from generator.errors import Problem, sorted_problems
from generator.load import load_campaigns
from generator.model import Campaign
from generator.timing import StageTimes
from generator.validate import validate_campaigns


def check_campaigns(
    campaigns_dir: Path, root: Path, tz: ZoneInfo, times: StageTimes | None = None
) -> tuple[list[Campaign], list[Problem]]:
    """Load and validate every campaign; return the valid ones and all problems, sorted."""
    times = times if times is not None else StageTimes()
    with gcpause.paused():
        with times.stage("load"):
            raws, problems = load_campaigns(campaigns_dir, root)
        with times.stage("validate"):
            campaigns, found = validate_campaigns(raws, tz)
    return campaigns, sorted_problems(problems + found)
