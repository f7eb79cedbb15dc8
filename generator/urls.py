"""Where everything is published: one place for every site path, so links never drift.

Feed paths are promises to subscribers (calendar clients cache per URL): never rename one.
All functions return site paths relative to the site root, without a leading slash.
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from generator.i18n import translator
from generator.options import Settings
from generator.source.validate import slugify


@functools.lru_cache(maxsize=4096)  # a site has few category names, used in every list and feed
def category_slug(name: str) -> str:
    """The URL segment of a category name: `pomoc społeczna` → `pomoc-spoleczna`."""
    return slugify(name) or "inne"


def campaign_page(settings: Settings, slug: str) -> str:
    """A consultation's page."""
    return f"{settings.url_prefix}/{slug}/"


def material(settings: Settings, slug: str, rel: str) -> str:
    """A file of a consultation folder, percent-encoded as any name an editor uses must be.

    >>> from pathlib import Path
    >>> from generator.options import Settings
    >>> site = Settings("https://konsultacje.example.pl/", "Konsultacje", Path("."), Path("campaigns"))
    >>> material(site, "pwr", "files/projekt programu (wersja 2) – łódź.pdf")
    'konsultacje/pwr/files/projekt%20programu%20%28wersja%202%29%20%E2%80%93%20%C5%82%C3%B3d%C5%BA.pdf'

    Parentheses are encoded too, so that the address survives inside a Markdown link. The
    built site holds the file at the path this address decodes to (`outputs.build_outputs`).
    """
    return campaign_page(settings, slug) + quote(rel, safe="/")


def announcement_link(settings: Settings, slug: str, announcement: str) -> str:
    """A follow-up announcement, on its consultation's page (the page gives it this id)."""
    return f"{campaign_page(settings, slug)}#komunikat-{announcement}"


def report_link(settings: Settings, slug: str) -> str:
    """The report of results, on its consultation's page."""
    return f"{campaign_page(settings, slug)}#raport"


def comments_csv(settings: Settings, slug: str) -> str:
    """The report's table of comments as CSV, as published (private persons without names)."""
    return f"{campaign_page(settings, slug)}tabela-uwag.csv"


def changes_link(settings: Settings, slug: str) -> str:
    """The list of recorded changes, on its consultation's page."""
    return f"{campaign_page(settings, slug)}#zmiany"


def list_page(settings: Settings) -> str:
    """The list of all consultations (open, upcoming, closed)."""
    return f"{settings.url_prefix}/"


def archive_page(settings: Settings, year: int | None = None) -> str:
    """The archive, or one year of it."""
    return "archiwum/" if year is None else f"archiwum/{year}/"


def category_page(settings: Settings, name: str) -> str:
    """The page of one category."""
    return f"kategorie/{category_slug(name)}/"


def categories_page(settings: Settings) -> str:
    """The list of categories."""
    return "kategorie/"


def paged(path: str, page: int) -> str:
    """Page `page` (from 1) of a long list whose first page is at `path`."""
    return path if page <= 1 else f"{path}strona-{page}/"


def calendar_page(settings: Settings) -> str:
    """The calendar page: coming duty hours and meetings, and how to subscribe."""
    return f"{settings.calendar_prefix}/"


def ics_all(settings: Settings) -> str:
    """The site-wide calendar feed."""
    return f"{settings.calendar_prefix}/wszystkie.ics"


def ics_duty(settings: Settings) -> str:
    """The calendar feed of duty hours only."""
    return f"{settings.calendar_prefix}/dyzury.ics"


def ics_campaign(settings: Settings, slug: str) -> str:
    """The calendar feed of one consultation."""
    return f"{settings.calendar_prefix}/konsultacje/{slug}.ics"


def ics_category(settings: Settings, name: str) -> str:
    """The calendar feed of one category."""
    return f"{settings.calendar_prefix}/kategorie/{category_slug(name)}.ics"


def ics_event(settings: Settings, slug: str, key: str) -> str:
    """A single-event download."""
    return f"{settings.calendar_prefix}/wydarzenia/{slug}/{key}.ics"


def rss_new(settings: Settings) -> str:
    """RSS 2.0 of new consultations."""
    return f"{settings.feeds_prefix}/konsultacje.xml"


def atom_new(settings: Settings) -> str:
    """Atom of new consultations."""
    return f"{settings.feeds_prefix}/konsultacje.atom"


def rss_updates(settings: Settings) -> str:
    """RSS 2.0 of every update (new consultations, announcements, reports, changes)."""
    return f"{settings.feeds_prefix}/aktualnosci.xml"


def atom_updates(settings: Settings) -> str:
    """Atom of every update."""
    return f"{settings.feeds_prefix}/aktualnosci.atom"


def rss_category(settings: Settings, name: str) -> str:
    """RSS 2.0 of one category."""
    return f"{settings.feeds_prefix}/kategorie/{category_slug(name)}.xml"


def atom_category(settings: Settings, name: str) -> str:
    """Atom of one category."""
    return f"{settings.feeds_prefix}/kategorie/{category_slug(name)}.atom"


def rss_campaign(settings: Settings, slug: str) -> str:
    """RSS 2.0 of one consultation's news: its announcement, announcements, changes and report."""
    return f"{settings.feeds_prefix}/konsultacje/{slug}.xml"


def atom_campaign(settings: Settings, slug: str) -> str:
    """Atom of one consultation's news."""
    return f"{settings.feeds_prefix}/konsultacje/{slug}.atom"


def json_export(settings: Settings) -> str:
    """All published consultations as JSON."""
    return "api/konsultacje.json"


def schema(settings: Settings) -> str:
    """The JSON Schema of campaign.yml."""
    return "schema/campaign.schema.json"


def search_page(settings: Settings) -> str:
    """The search page (Polish-aware search in the browser)."""
    return "szukaj/"


def search_index(settings: Settings) -> str:
    """The search index the search page loads."""
    return "szukaj/indeks.json"


def search_script(settings: Settings) -> str:
    """The search page's script."""
    return "szukaj/search-pl.js"


def export_schema(settings: Settings) -> str:
    """The JSON Schema of the JSON export."""
    return "schema/export.schema.json"


def statement_page(settings: Settings) -> str:
    """The accessibility statement (deklaracja dostępności)."""
    return "deklaracja-dostepnosci/"


def webcal(settings: Settings, path: str) -> str:
    """The webcal:// form of a feed URL, which makes calendar apps subscribe."""
    url = settings.url(path)
    return "webcal://" + url.split("://", 1)[1]


def head_links(settings: Settings) -> list[dict[str, str]]:
    """The site-wide feeds every page's <head> links with rel="alternate"."""
    t, name = translator(settings.language), settings.site_name
    return [
        {"type": "application/rss+xml", "title": t("head.feed.rss", site=name), "href": settings.url(rss_new(settings))},
        {"type": "application/atom+xml", "title": t("head.feed.atom", site=name), "href": settings.url(atom_new(settings))},
        {"type": "text/calendar", "title": t("head.feed.ics", site=name), "href": settings.url(ics_all(settings))},
    ]
