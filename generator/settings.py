"""Site-wide settings every stage reads, independent of the engine that builds the site."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from generator.errors import Problem
from generator.localrules import LocalRules


@dataclass(frozen=True)
class Organisation:
    """The public body that publishes the site (used in the footer, feeds and the statement)."""

    name: str = "Miejski Ośrodek Pomocy Społecznej"
    short_name: str = "MOPS"
    address: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class AccessPages:
    """Where the ETR and PJM pages and their files are, as paths inside docs_dir (None: not set)."""

    easy_read_page: str | None = None
    easy_read_text_file: str | None = None
    sign_language_page: str | None = None
    sign_language_video: str | None = None
    sign_language_captions: str | None = None


@dataclass(frozen=True)
class Settings:
    """Everything the generator stages need to know about the site."""

    site_url: str  # absolute, ends with "/"
    site_name: str
    root: Path  # the site's folder (where mkdocs.yml is)
    campaigns_dir: Path
    docs_dir: Path | None = None  # hand-written pages (content/); the home page's intro is its index.md
    language: str = "pl"
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Warsaw"))
    today: dt.date = field(default_factory=dt.date.today)
    build_time: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    url_prefix: str = "konsultacje"  # consultation pages live at <prefix>/<slug>/
    calendar_prefix: str = "kalendarz"  # .ics feeds
    feeds_prefix: str = "feeds"  # RSS/Atom
    feed_past_days: int = 365  # events older than this leave the site-wide and category feeds
    repo_url: str = ""  # for edit links, e.g. https://github.com/org/repo
    edit_uri: str = ""  # relative to the repository root, e.g. edit/main/
    organisation: Organisation = field(default_factory=Organisation)
    extra: dict[str, object] = field(default_factory=dict)
    privacy_notice: str | None = None  # the RODO information clause: a page of docs_dir or a web address
    rules: LocalRules = field(default_factory=LocalRules)
    access_pages: AccessPages = field(default_factory=AccessPages)  # the ETR and PJM pages and their files

    @property
    def host(self) -> str:
        """The site's host name, used in stable identifiers."""
        return urlsplit(self.site_url).hostname or "localhost"

    def url(self, path: str) -> str:
        """Make an absolute URL of a site path such as `konsultacje/x/`."""
        return self.site_url + path.lstrip("/")

    def campaign_path(self, slug: str) -> str:
        """The site path of a consultation page (a folder URL ending in `/`)."""
        return f"{self.url_prefix}/{slug}/"


def resolve_today(
    tz: ZoneInfo, override: dt.date | None = None, environ: dict[str, str] | None = None
) -> tuple[dt.date, dt.datetime]:
    """Decide "today" and the build timestamp once: option, else SOURCE_DATE_EPOCH, else now.

    Returns the local date and an aware UTC datetime (the build time).
    """
    env = os.environ if environ is None else environ
    fixed = _source_date_epoch(env.get("SOURCE_DATE_EPOCH", ""))
    now = fixed or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    if override is not None:
        # A fixed day gives a fixed build time too: noon of that day, local time.
        local_noon = dt.datetime.combine(override, dt.time(12, 0), tzinfo=tz)
        return override, fixed or local_noon.astimezone(dt.timezone.utc)
    return now.astimezone(tz).date(), now


class EpochError(ValueError):
    """SOURCE_DATE_EPOCH is set to something other than a number of seconds; `problem` says so."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.problem = Problem("SOURCE_DATE_EPOCH", "source_date_epoch_invalid", {"value": value})


def _source_date_epoch(value: str) -> dt.datetime | None:
    """The time SOURCE_DATE_EPOCH fixes (None when unset); a value that is no time is an error."""
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):  # "1e9", "-5", "²" are not what date +%s prints
        raise EpochError(value)
    try:
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc)
    except (OverflowError, OSError, ValueError):  # beyond the year 9999
        raise EpochError(value) from None
