"""The page of one consultation, its sections in order of what a resident needs first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator import urls
from generator.calendars.events import campaign_events
from generator.i18n import CONTENT_LANGUAGE
from generator.outputs import Output
from generator.pages import records
from generator.pages.comments import comments_view
from generator.pages.downloads import file_view, link_view, material_view
from generator.pages.notice import print_address
from generator.pages.render import (
    attribute_text,
    heading,
    page_output,
    render_html,
    shift_headings,
    time_markup,
    words_markup,
)
from generator.pages.respond import respond_section, respond_view
from generator.pages.structured import campaign_jsonld
from generator.pages.subscribe import render_subscribe_box
from generator.pages.views import (
    ATOM,
    ICAL,
    RSS,
    FeedLink,
    Link,
    Site,
    When,
    date_view,
    days_left_view,
    event_view,
    head_feeds,
    mark_current,
    status_view,
)
from generator.source.editor_html import wrap
from generator.source.model import Campaign, Month, Status

# The documents named in the key facts: the draft and the forms, as a rule; the rest are a link away.
KEY_DOCUMENTS = 3


@dataclass(frozen=True)
class Period:
    """A date range; the start omits the year when both fall in the same year."""

    start: When
    end: When
    key: str = "period"  # the words around: „od … do …”, or a dash between months


@dataclass(frozen=True)
class PhaseView:
    """A timeline phase and whether it is past, current or future."""

    title: str
    period: Period
    state: str
    state_label: str


class CampaignPage:
    """Builds the Markdown of one consultation page."""

    def __init__(self, site: Site, campaign: Campaign) -> None:
        self.site = site
        self.t = site.t
        self.campaign = campaign
        self.data = campaign.data
        self.path = urls.campaign_page(site.settings, campaign.slug)
        self.status = campaign.status(site.today)
        self.events = campaign_events(campaign, site.settings.timezone)
        self.foreign = site.t.language != CONTENT_LANGUAGE

    def html(self, template: str, **context: Any) -> str:
        """Render a component for this page."""
        return render_html(
            template, self.t, self.path, content_lang=CONTENT_LANGUAGE if self.foreign else "", **context
        )

    def markdown(self, text: str, top: int) -> str:
        """An editor's Markdown with its headings moved under ours, marked as Polish in other languages."""
        text = wrap(shift_headings(text.strip("\n"), top))
        if self.foreign:
            return f'<div lang="{CONTENT_LANGUAGE}" markdown="1">\n\n{text}\n\n</div>'
        return text

    def easy_read(self, text: str) -> list[str]:
        """The editor's easy-to-read summary in a marked box with its own heading."""
        return [
            '<div class="cx-easy-read" markdown="1">',
            self.section("section.easy_read", "w-skrocie"),
            self.markdown(text, 3),
            "</div>",
        ]

    def section(self, key: str, anchor: str) -> str:
        """A section heading (h2) with a stable id."""
        return heading(2, self.t(key), anchor)

    def output(self) -> Output:
        """The page as an Output (Markdown with front matter)."""
        data = self.data
        parts = [
            heading(1, data.title, lang=CONTENT_LANGUAGE if self.foreign else None),
            # On paper the page's address and QR code stand beside the title, where a reader looks first.
            *print_address(self),
            # The facts come before the summary, however long it is: on a phone's first screen a
            # resident sees the status, the deadline and the first way to respond.
            self.key_facts(),
            self.html("components/text.html", text=data.summary, cls="cx-lead"),
        ]
        if data.easy_read:
            parts += self.easy_read(data.easy_read)
        if data.audience:
            parts += [
                self.section("section.audience", "kto-moze-zglaszac-uwagi"),
                self.markdown(data.audience, 3),
            ]
        parts += [self.section("section.announcement", "ogloszenie"), self.markdown(self.campaign.body, 3)]
        parts += (
            respond_section(self) + self.duty_hours() + self.meetings() + self.materials() + self.timeline()
        )
        parts += self.subscribe() + self.announcements() + self.report()
        if data.accessibility:
            parts += [
                self.section("section.accessibility", "dostepnosc"),
                self.html("components/text.html", text=data.accessibility, cls="cx-accessibility"),
            ]
        if data.contact:
            parts += [
                self.section("section.contact", "kontakt"),
                self.html(
                    "components/contact.html",
                    name=data.contact.name,
                    email=data.contact.email,
                    phone=data.contact.phone,
                ),
            ]
        parts += records.record(self)
        parts.append(records.status_data(self.site, self.path))
        # Structured data sits in the body, not in front matter: JSON-LD is valid anywhere in a
        # page, and YAML front matter this size costs more to write and read than the page itself.
        jsonld = campaign_jsonld(self.site, self.campaign, self.events)
        parts.append(render_html("components/jsonld.html", self.t, self.path, data=jsonld))
        return page_output(self.path + "index.md", self.meta(), parts)

    def meta(self) -> dict[str, Any]:
        """Front matter: title, description, the edit source, and data for the page's <head>."""
        data = self.data
        return {
            # Material prints the front matter title as HTML (<title>, the header): escaped too.
            "title": attribute_text(data.title),
            "description": attribute_text(data.summary),
            "edit_path": f"{self.campaign.source_dir}/campaign.yml",
            "cx": {
                "kind": "campaign",
                "slug": self.campaign.slug,
                "status": self.status.value,
                "og_type": "article",
                "published": data.published.isoformat(),
                "modified": records.last_changed(self).isoformat(),
                "feeds": head_feeds(self.site, self.feed_links()),
            },
        }

    def period(self, start: Any, end: Any) -> Period:
        """A period view from two dates or months („od 29 sierpnia do …”, „maj 2024 – czerwiec 2024”)."""
        t = self.t
        if isinstance(start, Month) or isinstance(end, Month):
            # A month in Polish after „od” would need the genitive; a dash keeps the nominative.
            def shown(day: Any) -> When:
                return When(day.isoformat(), t.month(day)) if isinstance(day, Month) else date_view(self.site, day)

            same = start == end and type(start) is type(end)
            return Period(shown(start), shown(end), "period.single" if same else "period.months")
        start_text = t.date_short(start) if start.year == end.year else t.date(start)
        return Period(When(start.isoformat(), start_text), date_view(self.site, end))

    def key_facts(self) -> str:
        """Status, deadline and days left, how to take part, the first documents, period, organiser."""
        t, data, status = self.t, self.data, self.status
        sentence_date = {
            Status.UPCOMING: data.opens,
            Status.CLOSED: data.closes,
            Status.CONCLUDED: data.report.published if data.report else data.closes,
        }.get(status)
        params: dict[str, Markup] = {}
        if sentence_date is not None:
            params["date"] = time_markup(date_view(self.site, sentence_date))
        sentence = words_markup(t, f"status.sentence.{status.value}", **params)
        settings = self.site.settings
        # Ways to take part while they still hold; once it is open, the status script hides them at the deadline.
        taking_part = status in (Status.OPEN, Status.UPCOMING)
        documents = [material_view(self.site, self.campaign, m) for m in self.campaign.materials]
        return self.html(
            "components/key-facts.html",
            status=status_view(self.site, self.campaign),
            sentence=sentence,
            report_anchor="raport" if status is Status.CONCLUDED else "",
            days_left=days_left_view(self.site, self.campaign),
            deadline=When(data.closes.isoformat(), t.deadline(data.closes)),
            ways=[respond_view(self, way) for way in data.respond] if taking_part else [],
            ways_when="open" if status is Status.OPEN else "",
            documents=documents[:KEY_DOCUMENTS],
            documents_total=len(documents),
            period=self.period(data.opens, data.closes),
            organizer=data.organizer,
            legal_basis=data.legal_basis,
            categories=[Link(c, urls.category_page(settings, c)) for c in data.categories],
        )

    def duty_hours(self) -> list[str]:
        """The duty-hours table, with the one in progress or the next one marked."""
        duties = [e for e in self.events if e.kind == "duty"]
        if not duties:
            return []
        marks = mark_current(duties, self.site.now) if self.status is not Status.CLOSED else {}
        views = [event_view(self.site, e, marks.get(e.key)) for e in duties]
        return [
            self.section("section.duty", "dyzury"),
            self.html("components/duty-table.html", events=views, table_id="cx-dyzury"),
        ]

    def meetings(self) -> list[str]:
        """Meetings, cancelled ones struck through."""
        meetings = [e for e in self.events if e.kind == "meeting"]
        if not meetings:
            return []
        views = [event_view(self.site, e) for e in meetings]
        documents = [[material_view(self.site, self.campaign, m) for m in e.materials] for e in meetings]
        return [
            self.section("section.meetings", "spotkania"),
            self.html("components/meetings.html", events=views, materials=documents),
        ]

    def materials(self) -> list[str]:
        """Downloads with format and size."""
        if not self.campaign.materials:
            return []
        views = [material_view(self.site, self.campaign, m) for m in self.campaign.materials]
        return [
            self.section("section.materials", "materialy"),
            self.html("components/attachments.html", materials=views),
        ]

    def timeline(self) -> list[str]:
        """The phases in order, the current one marked."""
        phases = sorted(self.data.phases, key=lambda p: (p.start, p.end))
        if not phases:
            return []
        today = self.site.today
        views = []
        for phase in phases:
            state = "past" if phase.last_day() < today else "future" if phase.start > today else "current"
            views.append(
                PhaseView(phase.title, self.period(phase.start, phase.end), state, self.t(f"phase.{state}"))
            )
        return [
            self.section("section.timeline", "harmonogram"),
            self.html("components/timeline.html", phases=views),
        ]

    def feed_links(self) -> list[FeedLink]:
        """This consultation's calendar and the news feed that carries its announcements and changes."""
        t, settings = self.t, self.site.settings
        slug = self.campaign.slug
        return [
            FeedLink(t("follow.campaign.calendar"), urls.ics_campaign(settings, slug), ICAL, "calendar"),
            FeedLink(t("follow.campaign.rss"), urls.rss_campaign(settings, slug), RSS, "rss"),
            FeedLink(t("follow.campaign.atom"), urls.atom_campaign(settings, slug), ATOM, "rss"),
        ]

    def subscribe(self) -> list[str]:
        """This consultation's calendar (a subscribe box while something is to come) and its news."""
        settings = self.site.settings
        links = self.feed_links()
        parts = [self.section("section.subscribe", "kalendarz")]
        # Worth subscribing while something is still to come: the deadline, a duty hour, a meeting.
        if any(
            e.end > (self.site.now if isinstance(e.end, dt.datetime) else self.site.today)
            for e in self.events
        ):
            title = self.t("calendar.feed.campaign", title=self.data.title)
            parts.append(render_subscribe_box(settings, links[0].href, title))
            links = links[1:]
        parts.append(self.html("components/feed-links.html", intro=self.t("follow.campaign.intro"), feeds=links))
        return parts

    def announcements(self) -> list[str]:
        """Later announcements that are already public, newest first."""
        visible = [a for a in self.campaign.announcements if a.date <= self.site.today]
        if not visible:
            return []
        parts = [self.section("section.announcements", "komunikaty")]
        for item in sorted(visible, key=lambda a: (a.date, a.slug), reverse=True):
            parts.append(
                heading(
                    3, item.title, f"komunikat-{item.slug}", lang=CONTENT_LANGUAGE if self.foreign else None
                )
            )
            parts.append(
                self.html(
                    "components/dated.html",
                    label=self.t("announcement.published"),
                    date=date_view(self.site, item.date),
                )
            )
            parts.append(self.markdown(item.body, 4))
        return parts

    def report(self) -> list[str]:
        """The report, once published."""
        report = self.data.report
        if report is None or report.published > self.site.today:
            return []
        materials = []
        if self.campaign.report_file is not None:
            materials.append(
                file_view(self.site, self.campaign, self.t("report.download"), self.campaign.report_file)
            )
        elif report.url:
            materials.append(link_view(self.t("report.download"), report.url))
        table = self.campaign.comments
        return [
            self.section("section.report", "raport"),
            self.html(
                "components/report.html",
                published=date_view(self.site, report.published),
                summary=report.summary,
                materials=materials,
            ),
            *([self.html("components/comments.html", view=comments_view(self.site, self.campaign, table),
                         heading_id="uwagi")] if table is not None else []),
        ]


def render_campaign_page(site: Site, campaign: Campaign) -> Output:
    """The Markdown page of one consultation."""
    return CampaignPage(site, campaign).output()
