"""The local rules of consultation (a city's resolution), checked against each consultation.

The rules are set once per site in mkdocs.yml (plugin option `rules`); Kraków's resolution asks
for at least 21 days, several ways to respond, an open meeting or duty hours, and a report after
closing. A shortfall is a warning that names the fix; `--strict` fails on it, and the editors
may accept a reviewed one with `accept_warnings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.source.errors import Problem, Severity
from generator.source.model import Campaign
from generator.source.yamlsource import YamlDocument, dotted


@dataclass(frozen=True)
class LocalRules:
    """The site's minimums; each 0 (or False, or None) means "no such rule"."""

    min_days: int = 21
    min_ways_to_respond: int = 0
    meeting_or_duty_hours: bool = False
    report_within_days: int | None = None


# Option name → (default, kind): what mkdocs.yml may say under `rules:` and how it is read.
RULE_OPTIONS: dict[str, tuple[Any, str]] = {
    "min_days": (21, "number"),
    "min_ways_to_respond": (0, "number"),
    "meeting_or_duty_hours": (False, "bool"),
    "report_within_days": (None, "number"),
}


def rule_problems(campaign: Campaign, doc: YamlDocument, rules: LocalRules, today: dt.date | None) -> list[Problem]:
    """Warnings for each local rule the consultation falls short of, with its fix.

    Args:
        today: the build day, for the report falling due; None leaves that rule out.
    """
    data = campaign.data
    rel = f"{campaign.source_dir}/campaign.yml"
    out: list[Problem] = []

    def add(code: str, path: tuple[Any, ...], params: dict[str, Any]) -> None:
        line, col = doc.position(path)
        out.append(Problem(rel, code, params, line, col, dotted(path), Severity.WARNING))

    days = (data.closes - data.opens).days + 1
    if data.closes >= data.opens and days < rules.min_days:
        add("short_consultation", ("closes",),
            {"days": days, "min": rules.min_days, "suggested": data.opens + dt.timedelta(days=rules.min_days - 1)})
    channels = {way.channel for way in data.respond}
    if data.respond and len(channels) < rules.min_ways_to_respond:
        add("few_ways_to_respond", ("respond",), {"count": len(channels), "min": rules.min_ways_to_respond})
    scheduled = [e for e in data.meetings if e.status == "scheduled"]
    if rules.meeting_or_duty_hours and not scheduled and not any(d.status == "scheduled" for d in data.duty_hours):
        add("no_meeting_or_duty_hours", ("meetings",), {"name": "meetings"})
    due = None if rules.report_within_days is None else data.closes + dt.timedelta(days=rules.report_within_days)
    published = data.report.published if data.report is not None else None
    if due is not None and today is not None and today > due and (published is None or published > today):
        add("report_overdue", ("report",) if data.report is not None else ("closes",),
            {"closes": data.closes, "days": rules.report_within_days, "due": due, "late": (today - due).days})
    accepted = set(data.accept_warnings)
    return [p for p in out if p.code not in accepted]
