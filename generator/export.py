"""Machine-readable exports: all consultations as JSON, and the JSON Schemas of both formats.

The export is a promise to other programs (portals, NGOs' dashboards): its shape is fixed by
`data/export.schema.json`, published beside it; keys keep a fixed order and items a fixed
sort, so rebuilding from the same sources gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import partial
from importlib import resources
from typing import Any

from generator import urls
from generator.calendars.events import Event, campaign_events
from generator.calendars.feeds import has_download
from generator.engine.memo import Memo, cached
from generator.options import Settings
from generator.outputs import Output
from generator.source.model import Campaign, Decision, Material, campaign_json_schema
from generator.source.privacy import campaign_notice, is_address, notice_path

SCHEMA_PATH = "schema/campaign.schema.json"
EXPORT_VERSION = 1

# Escaped so that the JSON stays safe when pasted into HTML or a <script>, and parses as JS.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_bytes(data: Any, indent: int | None = None) -> bytes:
    """Serialise to UTF-8 JSON with HTML-significant characters escaped; keys keep their order."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return (text + "\n").encode("utf-8")


def schema_bytes() -> bytes:
    """The JSON Schema of campaign.yml, as published and as printed by `consult schema`."""
    return (json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def export_schema_bytes() -> bytes:
    """The JSON Schema of `api/konsultacje.json`."""
    return resources.files("generator").joinpath("data/export.schema.json").read_bytes()


def build_exports(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> list[Output]:
    """Return the JSON export and the schemas."""
    export, schema, export_schema = export_paths(settings)
    return [
        Output(path=export, content=json_bytes(export_data(campaigns, settings, memo), indent=1)),
        Output(path=schema, content=schema_bytes()),
        Output(path=export_schema, content=export_schema_bytes()),
    ]


def export_paths(settings: Settings) -> list[str]:
    """Where `build_exports` publishes its files, in its order."""
    return [urls.json_export(settings), SCHEMA_PATH, urls.export_schema(settings)]


def export_data(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> dict[str, Any]:
    """The export as plain data: every given (published) consultation, sorted by slug."""
    return {
        "schema": settings.url(urls.export_schema(settings)),
        "version": EXPORT_VERSION,
        "generated": settings.today.isoformat(),
        "site": {"name": settings.site_name, "url": settings.site_url},
        "consultations": [
            cached(memo, "export", c, partial(_consultation, c, settings)) for c in sorted(campaigns, key=lambda c: c.slug)
        ],
    }


def _consultation(campaign: Campaign, settings: Settings) -> dict[str, Any]:
    data = campaign.data
    today = settings.today
    return {
        "slug": campaign.slug,
        "url": settings.url(urls.campaign_page(settings, campaign.slug)),
        "title": data.title,
        "summary": data.summary,
        "organizer": data.organizer,
        "legal_basis": {"text": data.legal_basis.text, "url": data.legal_basis.url} if data.legal_basis else None,
        "categories": list(data.categories),
        "status": campaign.status(today).value,
        "published": data.published.isoformat(),
        "updated": _date(data.updated),
        "opens": data.opens.isoformat(),
        "closes": data.closes.isoformat(),
        "days_left": campaign.days_left(today),
        "audience": data.audience,
        "respond": [
            {"channel": r.channel, "value": r.value, "annotation": r.annotation, "note": r.note}
            for r in data.respond
        ],
        "events": [_event(e, settings) for e in campaign_events(campaign, settings.timezone)],
        "privacy_notice": privacy_url(campaign, settings),
        "materials": [_material(campaign, m, settings) for m in campaign.materials],
        "report": _report(campaign, settings),
        "changes": [{"date": c.date.isoformat(), "summary": c.summary} for c in data.changes],
        "calendar": settings.url(urls.ics_campaign(settings, campaign.slug)),
    }


def _event(event: Event, settings: Settings) -> dict[str, Any]:
    page = settings.url(urls.campaign_page(settings, event.campaign.slug))
    return {
        "kind": event.kind,
        "key": event.key,
        "uid": event.uid(settings.host),
        "title": event.title,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "all_day": event.all_day,
        "cancelled": event.cancelled,
        "modes": list(event.modes),
        "place": event.place,
        "phones": list(event.phones),
        "online": event.online,
        "note": event.note,
        "materials": [_material(event.campaign, m, settings) for m in event.materials],
        "url": f"{page}#{event.anchor}",
        # Only recent and coming events have their own file (see calendar_feeds.has_download).
        "ics": settings.url(urls.ics_event(settings, event.campaign.slug, event.key))
        if has_download(event, settings)
        else None,
    }


def _material(campaign: Campaign, material: Material, settings: Settings) -> dict[str, Any]:
    info = material.file
    if info is not None:
        url = settings.url(urls.material(settings, campaign.slug, info.rel))
    else:
        url = material.entry.url or ""
    return {
        "title": material.entry.title,
        "url": url,
        "format": info.extension if info is not None else None,
        "size": info.size if info is not None else None,
        "accessible": material.entry.accessible,
    }


def _report(campaign: Campaign, settings: Settings) -> dict[str, Any] | None:
    report = campaign.data.report
    if report is None or report.published > settings.today:
        return None
    info = campaign.report_file
    url = settings.url(urls.material(settings, campaign.slug, info.rel)) if info is not None else report.url
    return {
        "published": report.published.isoformat(),
        "summary": report.summary,
        "url": url,
        "format": info.extension if info is not None else None,
        "size": info.size if info is not None else None,
        "comments": _comments(campaign, settings),
    }


def _comments(campaign: Campaign, settings: Settings) -> dict[str, Any] | None:
    table = campaign.comments
    if table is None:
        return None
    return {
        "csv": settings.url(urls.comments_csv(settings, campaign.slug)),
        "total": len(table.comments),
        "submitters": table.submitters,
        "decisions": {d.value: table.count(d) for d in Decision},
        # A private person is never named: "submitter" is null and "private" true.
        "items": [
            {"number": c.number, "submitter": c.submitter, "private": c.submitter is None, "part": c.part,
             "comment": c.text, "decision": c.decision.value, "reason": c.reason}
            for c in table.comments
        ],
    }


def privacy_url(campaign: Campaign, settings: Settings) -> str | None:
    """The absolute address of the consultation's data-protection notice, when there is one."""
    notice = campaign_notice(campaign.data.privacy_notice, settings.privacy_notice)
    if notice is None:
        return None
    path = notice_path(notice)
    return path if is_address(path) else settings.url(path)


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
