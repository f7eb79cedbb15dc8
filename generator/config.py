"""The `consultations` plugin's options in mkdocs.yml, and their translation into `Settings`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from generator.settings import Organisation, Settings, resolve_today


class _OrganisationConfig(base.Config):
    name = c.Type(str, default="Miejski Ośrodek Pomocy Społecznej")
    short_name = c.Type(str, default="MOPS")
    address = c.Type(str, default="")
    email = c.Type(str, default="")
    phone = c.Type(str, default="")


class PluginConfig(base.Config):
    """Options of the `consultations` plugin."""

    campaigns_dir = c.Type(str, default="campaigns")
    timezone = c.Type(str, default="Europe/Warsaw")
    url_prefix = c.Type(str, default="konsultacje")
    calendar_prefix = c.Type(str, default="kalendarz")
    feeds_prefix = c.Type(str, default="feeds")
    feed_past_days = c.Type(int, default=365)
    today = c.Optional(c.Type(str))
    organisation = c.SubConfig(_OrganisationConfig)
    accessibility_statement = c.Type(dict, default={})


_DEFAULT_PREFIXES = {"url_prefix": "konsultacje", "calendar_prefix": "kalendarz", "feeds_prefix": "feeds"}


class SettingsError(ValueError):
    """A plugin option that cannot be used; the message says which and how to fix it."""


def make_settings(options: PluginConfig, config: MkDocsConfig) -> Settings:
    """Build engine-neutral settings from mkdocs.yml, or raise SettingsError."""
    root = Path(config.config_file_path).parent.resolve() if config.config_file_path else Path.cwd()
    site_url = config.site_url or ""
    if not site_url.startswith(("http://", "https://")):
        raise SettingsError(
            "mkdocs.yml: site_url: feeds and calendars need the site's full address. "
            "How to fix: add e.g. site_url: https://konsultacje.example.pl/"
        )
    try:
        tz = ZoneInfo(options.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"mkdocs.yml: plugins.consultations.timezone: unknown time zone '{options.timezone}'. "
            "How to fix: use an IANA name, e.g. timezone: Europe/Warsaw"
        ) from None
    override = None
    if options.today:
        try:
            override = dt.date.fromisoformat(str(options.today))
        except ValueError:
            raise SettingsError(
                f"mkdocs.yml: plugins.consultations.today: '{options.today}' is not a date. "
                "How to fix: write it as YYYY-MM-DD, e.g. today: 2025-09-01, or remove it"
            ) from None
    for name in ("url_prefix", "calendar_prefix", "feeds_prefix"):
        value = str(options[name])
        if not value or not all(part.isascii() and part.replace("-", "").isalnum() for part in value.split("/")):
            raise SettingsError(
                f"mkdocs.yml: plugins.consultations.{name}: '{value}' cannot be part of a web address. "
                f"How to fix: use lowercase letters, digits and hyphens, e.g. {name}: {_DEFAULT_PREFIXES[name]}"
            )
    today, build_time = resolve_today(tz, override)
    language = _language(config)
    org: dict[str, Any] = dict(options.organisation)
    return Settings(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=config.site_name,
        root=root,
        campaigns_dir=(root / options.campaigns_dir).resolve(),
        docs_dir=Path(config.docs_dir).resolve(),
        language=language,
        timezone=tz,
        today=today,
        build_time=build_time,
        url_prefix=options.url_prefix.strip("/"),
        calendar_prefix=options.calendar_prefix.strip("/"),
        feeds_prefix=options.feeds_prefix.strip("/"),
        feed_past_days=options.feed_past_days,
        repo_url=(config.repo_url or "").rstrip("/"),
        edit_uri=_repository_edit_uri(config, root),
        organisation=Organisation(**org),
        extra={"accessibility_statement": dict(options.accessibility_statement)},
    )


def _repository_edit_uri(config: MkDocsConfig, root: Path) -> str:
    """MkDocs' edit_uri points into docs_dir (edit/main/content/); campaigns need the repository root."""
    edit_uri = (config.edit_uri or "").strip("/")
    if not edit_uri:
        return ""
    docs = Path(config.docs_dir).resolve()
    docs_rel = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else ""
    if docs_rel and docs_rel != "." and edit_uri.endswith("/" + docs_rel):
        edit_uri = edit_uri[: -len(docs_rel) - 1]
    return edit_uri + "/"


def _language(config: MkDocsConfig) -> str:
    theme = config.theme
    language = theme.get("language") if theme is not None else None
    return str(language or "pl")
