"""How to respond: each channel with its link (mailto: with the subject, tel:, the form) and annotation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.pages.render import mailto, tel_href, time_markup, words_markup
from generator.pages.views import When, date_view
from generator.source.model import Respond, Status
from generator.source.privacy import campaign_notice, notice_path

if TYPE_CHECKING:
    from generator.pages.campaign import CampaignPage


@dataclass(frozen=True)
class RespondView:
    """One way to respond, ready to show."""

    label: str
    text: str
    href: str | None
    annotation_label: str
    annotation: str | None
    note: str | None


def respond_section(page: CampaignPage) -> list[str]:
    """Ways to respond, introduced by the deadline (or in the past tense once closed)."""
    t, data = page.t, page.data
    if not data.respond:
        return []
    deadline = time_markup(When(data.closes.isoformat(), t.deadline(data.closes)))
    if page.status is Status.OPEN:
        intro = words_markup(t, "respond.intro.open", deadline=deadline)
    elif page.status is Status.UPCOMING:
        opens = time_markup(date_view(page.site, data.opens))
        intro = words_markup(t, "respond.intro.upcoming", date=opens, deadline=deadline)
    else:
        intro = words_markup(t, "respond.intro.closed")
    ways = [respond_view(page, way) for way in data.respond]
    closed = page.status in (Status.CLOSED, Status.CONCLUDED)
    return [
        page.section("section.respond.past" if closed else "section.respond", "jak-zglosic-uwagi"),
        page.html("components/respond.html", intro=intro, ways=ways, privacy=privacy_link(page)),
    ]


def privacy_link(page: CampaignPage) -> str:
    """The data-protection notice for this consultation (its own, else the site's), or ""."""
    notice = campaign_notice(page.data.privacy_notice, page.site.settings.privacy_notice)
    return notice_path(notice) if notice else ""


def respond_view(page: CampaignPage, way: Respond) -> RespondView:
    """One way to respond with its link."""
    t = page.t
    href: str | None = None
    text = way.value
    if way.channel == "email":
        href = mailto(way.value, way.annotation)
    elif way.channel in ("phone", "fax"):
        href = tel_href(way.value)
    elif way.channel == "online_form":
        href, text = way.value, t("channel.online_form.link")
    label_key = f"annotation.{way.channel}"
    return RespondView(
        label=t(f"channel.{way.channel}"),
        text=text,
        href=href,
        annotation_label=t(label_key) if label_key in t.words else t("annotation.other"),
        annotation=way.annotation,
        note=way.note,
    )
