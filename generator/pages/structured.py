"""schema.org JSON-LD for consultation pages: the page itself and its duty hours and meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator import urls
from generator.calendars.events import Event
from generator.calendars.wording import event_summary
from generator.pages.render import tel_href
from generator.pages.views import Site
from generator.source.model import Campaign

_SCHEMA = "https://schema.org/"


def organisation(site: Site) -> dict[str, Any]:
    """The publishing body as a schema.org GovernmentOrganization."""
    org = site.settings.organisation
    data: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": org.name,
        "url": site.settings.site_url,
    }
    if org.address:
        data["address"] = org.address
    if org.email:
        data["email"] = org.email
    if org.phone:
        data["telephone"] = org.phone
    return data


def campaign_jsonld(site: Site, campaign: Campaign, events: list[Event]) -> dict[str, Any]:
    """The JSON-LD graph of a consultation page."""
    settings = site.settings
    data = campaign.data
    page_url = settings.url(urls.campaign_page(settings, campaign.slug))
    org = organisation(site)
    modified = max(
        [d for d in (data.published, data.updated) if d is not None and d <= site.today] or [data.published]
    )
    graph: list[dict[str, Any]] = [
        {
            "@type": "WebPage",
            "@id": page_url,
            "url": page_url,
            "name": data.title,
            "description": data.summary,
            "inLanguage": site.t.language,
            "datePublished": data.published.isoformat(),
            "dateModified": modified.isoformat(),
            "publisher": org,
            "about": {"@type": "Thing", "name": data.title},
        }
    ]
    graph.extend(_event(site, event, page_url, org) for event in events if event.kind != "deadline")
    return {"@context": "https://schema.org", "@graph": graph}


def _event(site: Site, event: Event, page_url: str, org: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime)
    physical = "in_person" in event.modes
    virtual = [m for m in event.modes if m in ("online", "phone")]
    if physical and virtual:
        mode = "MixedEventAttendanceMode"
    elif physical:
        mode = "OfflineEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode"
    locations: list[dict[str, Any]] = []
    if event.place:
        locations.append({"@type": "Place", "name": event.place, "address": event.place})
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.online})
    elif event.link_later:  # the link comes after registration; the page says how to register
        locations.append({"@type": "VirtualLocation", "url": f"{page_url}#{event.anchor}"})
    for phone in event.phones:
        locations.append({"@type": "VirtualLocation", "url": tel_href(phone), "name": phone})
    data: dict[str, Any] = {
        "@type": "Event",
        "@id": f"{page_url}#{event.anchor}",
        "url": f"{page_url}#{event.anchor}",
        "name": event_summary(event, site.settings),
        "startDate": event.start.isoformat(timespec="minutes"),
        "endDate": event.end.isoformat(timespec="minutes"),
        "eventStatus": _SCHEMA + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": _SCHEMA + mode,
        "organizer": org,
        "isAccessibleForFree": True,
    }
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.note:
        data["description"] = event.note
    return data
