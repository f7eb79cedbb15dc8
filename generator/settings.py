"""Site-wide settings every stage reads, independent of the engine that builds the site."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from generator.errors import Problem
from generator.localrules import LocalRules

if TYPE_CHECKING:
    from generator.siteoptions import SiteOptions


@dataclass(frozen=True)
class Organisation:
    """The public body that publishes the site (used in the footer, feeds and the statement)."""

    name: str = "Miejski Ośrodek Pomocy Społecznej"
    short_name: str = "MOPS"
    address: str = ""
    email: str = ""
    phone: str = ""


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


def compose_settings(
    checked: SiteOptions, *, root: Path, site_name: str, docs_dir: Path, language: str,
    repo_url: str, edit_uri: str,
) -> Settings:
    """The settings of a site from its checked plugin options and mkdocs.yml's own fields
    (for the plugin and for `consult generate`, which reads mkdocs.yml without MkDocs).

    Raises EpochError for a SOURCE_DATE_EPOCH that is no time.
    """
    site_url = checked.site_url
    today, build_time = resolve_today(checked.timezone, checked.today)
    return Settings(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=site_name,
        root=root,
        campaigns_dir=(root / checked.campaigns_dir).resolve(),
        docs_dir=docs_dir,
        language=language,
        timezone=checked.timezone,
        today=today,
        build_time=build_time,
        url_prefix=checked.url_prefix,
        calendar_prefix=checked.calendar_prefix,
        feeds_prefix=checked.feeds_prefix,
        feed_past_days=checked.feed_past_days,
        repo_url=repo_url.rstrip("/"),
        edit_uri=_repository_edit_uri(edit_uri, docs_dir, root),
        organisation=Organisation(**checked.organisation),
        extra={"accessibility_statement": checked.accessibility_statement},
        privacy_notice=checked.privacy_notice,
        rules=checked.rules,
    )


def _repository_edit_uri(edit_uri: str, docs: Path, root: Path) -> str:
    """MkDocs' edit_uri points into docs_dir (edit/main/content/); campaigns need the repository root."""
    edit_uri = edit_uri.strip("/")
    if not edit_uri:
        return ""
    docs_rel = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else ""
    if docs_rel and docs_rel != "." and edit_uri.endswith("/" + docs_rel):
        edit_uri = edit_uri[: -len(docs_rel) - 1]
    return edit_uri + "/"
