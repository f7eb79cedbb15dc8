"""The publisher's record ("metka") with its change register, and the status script's data."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from generator.pages.render import heading, render_html
from generator.pages.views import Link, Site, date_view

if TYPE_CHECKING:
    from generator.pages.campaign import CampaignPage


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
    changes = public_changes(page)
    if changes:
        parts += [
            heading(3, t("record.changes"), "zmiany"),
            page.html("components/changes.html", changes=[(date_view(site, day), text) for day, text in changes]),
        ]
    return parts


def public_changes(page: CampaignPage) -> list[tuple[dt.date, str]]:
    """The change register, newest first: the `changes` entries and the commits marked for the public.

    A commit that repeats a `changes` entry of the same day is shown once. Nothing else of git
    (subjects, authors, hashes) reaches the page.
    """
    today = page.site.today
    entries = [(c.date, c.summary) for c in page.data.changes if c.date <= today]
    seen = set(entries)
    entries += [(h.date, h.summary) for h in page.campaign.history if (h.date, h.summary) not in seen]
    # sorted() is stable: on one day, `changes` (in the editor's order) come before commits.
    return sorted(entries, key=lambda entry: entry[0], reverse=True)


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
