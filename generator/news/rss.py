"""RSS 2.0 and Atom feeds of new consultations and their updates: the only module importing feedgen.

Feeds published (paths from `urls`): new consultations, all updates, all updates per
category, and each consultation's own news (all of it: a few items each), each as RSS 2.0 and Atom. feedgen's defaults are unsafe for a static site and are
overridden here once (feeds checklist, section 5.1):
- one FeedGenerator per format, so each file's rel="self" names that file;
- the RSS channel link is the *last* link added, so the HTML page is added after rel="self";
- entries are appended in our order (feedgen prepends by default);
- the feed's updated/lastBuildDate is the newest item's date, never the clock;
- the generator name carries no version, so upgrading feedgen does not change the bytes.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from lxml import etree

from generator import urls
from generator.i18n import translator
from generator.news.items import FeedItem, Kind, at_day, bounded, campaign_items, newest_first, tag_uri
from generator.options import Settings
from generator.outputs import Output
from generator.source.model import Campaign

_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_GENERATOR = "Konsultacje"
_ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedSpec:
    """One feed, before it is written in either format."""

    key: str  # the feed's own part of its tag: URI; never change it
    title: str
    description: str
    page: str  # absolute URL of the HTML page the feed belongs to
    rss_path: str
    atom_path: str
    items: tuple[FeedItem, ...]


def build_feeds(campaigns: Sequence[Campaign], settings: Settings) -> list[Output]:
    """Return every RSS and Atom file of the site."""
    outputs: list[Output] = []
    for spec in feed_specs(campaigns, settings):
        outputs.append(Output(path=spec.rss_path, content=render_rss(spec, settings)))
        outputs.append(Output(path=spec.atom_path, content=render_atom(spec, settings)))
    return outputs


def feed_specs(campaigns: Sequence[Campaign], settings: Settings) -> list[FeedSpec]:
    """The site-wide feeds, then one per category (in slug order), with their items."""
    # Callers pass published campaigns only; checked again here, so that a consultation with
    # a future `published` can never leak into a feed, not even as a category's name.
    ordered = sorted((c for c in campaigns if c.is_published(settings.today)), key=lambda c: c.slug)
    items = [item for campaign in ordered for item in campaign_items(campaign, settings)]
    site, org, t = settings.site_name, settings.organisation.name, translator(settings.language)
    listing = settings.url(urls.list_page(settings))
    new = FeedSpec(
        "nowe-konsultacje",
        t("feed.new.title", site=site),
        t("feed.new.description", org=org),
        listing,
        urls.rss_new(settings),
        urls.atom_new(settings),
        tuple(bounded([i for i in items if i.kind is Kind.NEW], settings)),
    )
    updates = FeedSpec(
        "aktualnosci",
        t("feed.updates.title", site=site),
        t("feed.updates.description", org=org),
        listing,
        urls.rss_updates(settings),
        urls.atom_updates(settings),
        tuple(bounded(items, settings)),
    )
    return [new, updates, *_category_specs(ordered, items, settings), *_campaign_specs(items, settings)]


def _campaign_specs(items: list[FeedItem], settings: Settings) -> list[FeedSpec]:
    """One feed per consultation: everything it ever announced, so an old one's news stays findable."""
    by_campaign: dict[str, list[FeedItem]] = {}
    for item in items:
        by_campaign.setdefault(item.campaign.slug, []).append(item)
    t = translator(settings.language)
    return [
        FeedSpec(
            f"konsultacja/{slug}",
            t("feed.campaign.title", site=settings.site_name, title=chosen[0].campaign.data.title),
            t("feed.campaign.description", title=chosen[0].campaign.data.title),
            settings.url(urls.campaign_page(settings, slug)),
            urls.rss_campaign(settings, slug),
            urls.atom_campaign(settings, slug),
            tuple(newest_first(chosen)),
        )
        for slug, chosen in sorted(by_campaign.items())
    ]


def _category_specs(campaigns: list[Campaign], items: list[FeedItem], settings: Settings) -> list[FeedSpec]:
    names: dict[str, str] = {}  # slug -> displayed name; names differing only in case share a feed
    for campaign in campaigns:
        for name in campaign.data.categories:
            names.setdefault(urls.category_slug(name), name)
    by_slug: dict[str, list[FeedItem]] = {}
    for item in items:
        for slug in {urls.category_slug(c) for c in item.categories}:
            by_slug.setdefault(slug, []).append(item)
    specs, t = [], translator(settings.language)
    for slug, name in sorted(names.items()):
        chosen = by_slug.get(slug, [])
        specs.append(
            FeedSpec(
                f"kategoria/{slug}",
                t("feed.category.title", site=settings.site_name, name=name),
                t("feed.category.description", name=name),
                settings.url(urls.category_page(settings, name)),
                urls.rss_category(settings, name),
                urls.atom_category(settings, name),
                tuple(bounded(chosen, settings)),
            )
        )
    return specs


def render_rss(spec: FeedSpec, settings: Settings) -> bytes:
    """The RSS 2.0 document of one feed."""
    fg = _channel(spec, settings)
    fg.link(href=settings.url(spec.rss_path), rel="self", type="application/rss+xml")
    fg.link(href=spec.page, rel="alternate", type="text/html")  # last: becomes <channel><link>
    if settings.organisation.email:
        fg.managingEditor(f"{settings.organisation.email} ({settings.organisation.name})")
    for item in spec.items:
        entry = fg.add_entry(order="append")
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.link(href=item.link)
        # An RSS description is HTML; escaping the plain text makes readers show it as written.
        entry.description(html.escape(item.summary, quote=False))
        entry.pubDate(item.published)
        if item.enclosures:  # RSS 2.0 allows one enclosure per item: the first material, the draft
            first = item.enclosures[0]
            entry.enclosure(first.url, str(first.length), first.type)
        for name in item.categories:
            entry.category(term=name, scheme=settings.url(urls.category_page(settings, name)))
    return _XML_DECLARATION + fg.rss_str(pretty=True, xml_declaration=False)


def render_atom(spec: FeedSpec, settings: Settings) -> bytes:
    """The Atom (RFC 4287) document of one feed."""
    fg = _channel(spec, settings)
    fg.id(tag_uri(settings, f"feed/{spec.key}"))
    fg.author(
        {
            "name": settings.organisation.name,
            "uri": settings.site_url,
            **({"email": settings.organisation.email} if settings.organisation.email else {}),
        }
    )
    fg.link(href=settings.url(spec.atom_path), rel="self", type="application/atom+xml")
    fg.link(href=spec.page, rel="alternate", type="text/html")
    for item in spec.items:
        entry = fg.add_entry(order="append")
        entry.id(item.guid)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.summary(item.summary)  # type text: readers show it as written
        entry.published(item.published)
        entry.updated(item.updated)
        for name in item.categories:
            entry.category(term=name)
    return _XML_DECLARATION + _with_entry_links(fg.atom_str(pretty=True, xml_declaration=False), spec.items)


def _with_entry_links(document: bytes, items: Sequence[FeedItem]) -> bytes:
    """Write rel and type on entry links, and add the enclosures: feedgen 1.0 drops both attributes.

    (It reads them off the new element.) Entries are in the order of `items` (appended in order).
    """
    root = etree.fromstring(document)
    for entry, item in zip(root.iterfind(f"{{{_ATOM}}}entry"), items, strict=True):
        for link in list(entry.iterfind(f"{{{_ATOM}}}link")):  # the page link, before enclosures are added
            link.set("rel", "alternate")
            link.set("type", "text/html")
            for file in reversed(item.enclosures):  # after the page link, in the materials' order
                enclosure = etree.Element(f"{{{_ATOM}}}link", href=file.url, rel="enclosure", type=file.type,
                                          length=str(file.length))
                enclosure.tail = link.tail
                link.addnext(enclosure)
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=False)) + b"\n"


def _channel(spec: FeedSpec, settings: Settings) -> FeedGenerator:
    fg = FeedGenerator()
    fg.title(spec.title)
    fg.description(spec.description)  # RSS description and Atom subtitle
    fg.language(settings.language)
    fg.generator(_GENERATOR)
    fg.docs("https://www.rssboard.org/rss-specification")
    fg.updated(_last_updated(spec, settings))
    return fg


def _last_updated(spec: FeedSpec, settings: Settings) -> dt.datetime:
    """When the feed last changed: its newest item; an empty feed says the build day."""
    if not spec.items:
        return at_day(settings.today, settings)
    return max(max(item.published, item.updated) for item in spec.items)
