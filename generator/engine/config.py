"""The `consultations` plugin's options in mkdocs.yml, and their translation into `Settings`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from generator.language import site_language
from generator.options import (
    OPTION_DEFAULTS,
    EpochError,
    Settings,
    check_options,
    compose_settings,
    plugin_options,
    read_mkdocs_yml,
)
from generator.source.errors import ConsultationsError
from generator.source.yamlsource import YamlDocument


class _Raw(c.BaseConfigOption[Any]):
    """Any value: `options.check_options` checks it, so MkDocs and `consult check` agree.

    MkDocs' own checks would say "Expected type: <class 'int'>", which editors cannot act on.
    """

    def __init__(self, default: Any = None) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> Any:
        return value


class PluginConfig(base.Config):
    """Options of the `consultations` plugin, declared for MkDocs; their defaults and checks are in
    `options` (`OPTION_DEFAULTS`, `check_options`)."""

    campaigns_dir = _Raw(OPTION_DEFAULTS["campaigns_dir"])
    timezone = _Raw(OPTION_DEFAULTS["timezone"])
    url_prefix = _Raw(OPTION_DEFAULTS["url_prefix"])
    calendar_prefix = _Raw(OPTION_DEFAULTS["calendar_prefix"])
    feeds_prefix = _Raw(OPTION_DEFAULTS["feeds_prefix"])
    feed_past_days = _Raw(OPTION_DEFAULTS["feed_past_days"])
    today = _Raw(OPTION_DEFAULTS["today"])
    organisation = _Raw(None)  # none written: `check_options` fills in ORGANISATION_DEFAULTS
    accessibility_statement = _Raw(OPTION_DEFAULTS["accessibility_statement"])
    privacy_notice = _Raw(OPTION_DEFAULTS["privacy_notice"])
    easy_read_page = _Raw(OPTION_DEFAULTS["easy_read_page"])
    easy_read_text_file = _Raw(OPTION_DEFAULTS["easy_read_text_file"])
    sign_language_page = _Raw(OPTION_DEFAULTS["sign_language_page"])
    sign_language_video = _Raw(OPTION_DEFAULTS["sign_language_video"])
    sign_language_captions = _Raw(OPTION_DEFAULTS["sign_language_captions"])
    rules = _Raw(OPTION_DEFAULTS["rules"])


class SettingsError(ConsultationsError):
    """Plugin options that cannot be used; the message says which and how to fix them."""


def make_settings(options: PluginConfig, config: MkDocsConfig) -> Settings:
    """Build engine-neutral settings from mkdocs.yml, or raise SettingsError."""
    root = Path(config.config_file_path).parent.resolve() if config.config_file_path else Path.cwd()
    language = _language(config)
    doc, base = _positions(config.config_file_path)
    known = [name for name, _ in options._schema]
    checked, problems = check_options(options, config.site_url, known=known, doc=doc, base=base)
    if problems:
        raise SettingsError(problems, language)
    try:
        return compose_settings(
            checked, root=root, site_name=config.site_name, docs_dir=Path(config.docs_dir).resolve(),
            language=language, repo_url=config.repo_url or "", edit_uri=config.edit_uri or "",
        )
    except EpochError as exc:
        raise SettingsError([exc.problem], language) from None


def _positions(config_file: str | None) -> tuple[YamlDocument | None, tuple[str | int, ...]]:
    """Read mkdocs.yml again, with our reader, only to tell editors the line of a bad option."""
    if not config_file:
        return None, ()
    doc, _ = read_mkdocs_yml(Path(config_file))
    if doc is None:
        return None, ()
    _, base = plugin_options(doc)
    return doc, base


def _language(config: MkDocsConfig) -> str:
    theme = config.theme
    language = theme.get("language") if theme is not None else None
    return site_language(language)
