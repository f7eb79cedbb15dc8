"""The publisher's record ("metka") with its change register, and the status script's data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.pages.render import heading, render_html
from generator.pages.views import Link, Site, When, date_view

if TYPE_CHECKING:
    from generator.pages.campaign import CampaignPage


@dataclass(frozen=True)
class HistoryView:
    """One row of the change register."""

    date: When
    author: str
    summary: str
    commit: str
    href: str | None


def last_changed(page: CampaignPage) -> dt.date:
    """The last public change: update, recorded change, announcement or report, never in the future."""
    data, today = page.data, page.site.today
    dates = [data.published]
    if data.updated:
        dates.append(data.updated)
    dates += [c.date for c in data.changes]
    dates += [a.date for a in page.campaign.announcements]
    if data.report:
        dates.append(data.report.published)
    return max([d for d in dates if d <= today] or [data.published])


def record(page: CampaignPage) -> list[str]:
    """The "metka" section: who prepared and published it, when, and what changed since."""
    t, data, site = page.t, page.data, page.site
    rows: list[tuple[str, Any]] = []
    if data.publisher and data.publisher.prepared_by:
        rows.append((t("record.prepared_by"), data.publisher.prepared_by))
    if data.publisher and data.publisher.published_by:
        rows.append((t("record.published_by"), data.publisher.published_by))
    rows.append((t("record.published"), date_view(site, data.published)))
    changed = last_changed(page)
    if changed > data.published:
        rows.append((t("record.updated"), date_view(site, changed)))
    parts = [
        page.section("section.record", "metryczka"),
        page.html("components/record.html", rows=rows, source=_source_link(page)),
    ]
    changes = sorted((c for c in data.changes if c.date <= site.today), key=lambda c: c.date, reverse=True)
    if changes:
        parts += [
            heading(3, t("record.changes"), "zmiany"),
            page.html(
                "components/changes.html", changes=[(date_view(site, c.date), c.summary) for c in changes]
            ),
        ]
    if page.campaign.history:
        repo = site.settings.repo_url
        entries = [
            HistoryView(
                date_view(site, h.date),
                h.author,
                h.summary,
                h.commit[:7],
                f"{repo}/commit/{h.commit}" if repo else None,
            )
            for h in page.campaign.history
        ]
        parts += [
            heading(3, t("record.history"), "rejestr-zmian"),
            page.html("components/history.html", entries=entries),
        ]
    return parts


def _source_link(page: CampaignPage) -> Link | None:
    settings = page.site.settings
    if not settings.repo_url or not settings.edit_uri.startswith("edit/"):
        return None
    tree = settings.edit_uri.replace("edit/", "tree/", 1).rstrip("/")
    return Link(page.t("record.source"), f"{settings.repo_url}/{tree}/{page.campaign.source_dir}")


def status_data(site: Site, page_path: str) -> str:
    """The data island the status script reads: build day, time zone and the words it may need."""
    t = site.t
    data = {
        "today": site.today.isoformat(),
        "timezone": site.settings.timezone.key,
        "language": t.language,
        "status": {s: t(f"status.{s}") for s in ("upcoming", "open", "closed", "concluded")},
        "days": t.plural_forms("days_left"),
        "lastDay": t("last_day"),
        "passed": t("deadline_passed"),
        "marker": {"current": t("event.current"), "next": t("event.next")},
    }
    return render_html("components/status-data.html", t, page_path, data=data)
