"""The site's options: the `consultations` plugin's options in mkdocs.yml, checked, and the
settings every stage reads, independent of the engine that builds the site.

`consult check` reads mkdocs.yml with our own YAML reader (text values, lines) and the plugin
hands over what MkDocs parsed (typed values); both go through `check_options`, so an editor
gets the same located message from either. `OPTION_DEFAULTS` is the one place each default is
written: `SiteOptions`, `Settings`, `Organisation` and the plugin's declaration in
`engine/config.py` all take theirs from it (a test keeps the plugin's names in step).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from generator.language import site_language
from generator.source.errors import Problem
from generator.source.localrules import RULE_OPTIONS, LocalRules
from generator.source.yamlsource import Path_, YamlDocument, parse_yaml

PLUGIN = "consultations"
MKDOCS_YML = "mkdocs.yml"
# The options' defaults, as they would be written in mkdocs.yml: the only place they are written.
ORGANISATION_DEFAULTS: dict[str, str] = {
    "name": "Miejski Ośrodek Pomocy Społecznej",
    "short_name": "MOPS",
    "address": "",
    "email": "",
    "phone": "",
}
OPTION_DEFAULTS: dict[str, Any] = {
    "campaigns_dir": "campaigns",
    "timezone": "Europe/Warsaw",
    "url_prefix": "konsultacje",
    "calendar_prefix": "kalendarz",
    "feeds_prefix": "feeds",
    "feed_past_days": 365,
    "today": None,
    "organisation": ORGANISATION_DEFAULTS,
    "accessibility_statement": {},
    "privacy_notice": None,
    "easy_read_page": None,
    "easy_read_text_file": None,
    "sign_language_page": None,
    "sign_language_video": None,
    "sign_language_captions": None,
    "rules": {},
}
_PREFIX = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*")
# mkdocs.yml may use merge keys and repeated keys, which MkDocs accepts; only errors that stop
# MkDocs too are reported for it.
_IGNORED_YAML = {"yaml_merge", "yaml_duplicate_key", "yaml_complex_key"}


# Where `consult init` puts the ETR and PJM pages and their files (inside docs_dir): the paths
# the options' messages suggest.
ACCESS_EXAMPLES = {
    "easy_read_page": "etr.md",
    "easy_read_text_file": "etr/informacje-o-dzialalnosci.txt",
    "sign_language_page": "pjm.md",
    "sign_language_video": "pjm/informacje-o-dzialalnosci.webm",
    "sign_language_captions": "pjm/informacje-o-dzialalnosci.vtt",
}


@dataclass(frozen=True)
class AccessPages:
    """Where the ETR and PJM pages and their files are, as paths inside docs_dir (None: not set)."""

    easy_read_page: str | None = None
    easy_read_text_file: str | None = None
    sign_language_page: str | None = None
    sign_language_video: str | None = None
    sign_language_captions: str | None = None


@dataclass(frozen=True)
class SiteOptions:
    """The plugin's options, checked; a bad option is replaced by its default."""

    campaigns_dir: str = OPTION_DEFAULTS["campaigns_dir"]
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(OPTION_DEFAULTS["timezone"]))
    today: dt.date | None = None
    url_prefix: str = OPTION_DEFAULTS["url_prefix"]
    calendar_prefix: str = OPTION_DEFAULTS["calendar_prefix"]
    feeds_prefix: str = OPTION_DEFAULTS["feeds_prefix"]
    feed_past_days: int = OPTION_DEFAULTS["feed_past_days"]
    organisation: dict[str, str] = field(default_factory=lambda: dict(ORGANISATION_DEFAULTS))
    accessibility_statement: dict[str, Any] = field(default_factory=dict)
    privacy_notice: str | None = None  # a page of docs_dir ("ochrona-danych.md") or a web address
    rules: LocalRules = field(default_factory=LocalRules)
    access_pages: AccessPages = field(default_factory=AccessPages)  # paths inside docs_dir
    site_url: str = ""
    language: str = "pl"


class _Checker:
    def __init__(self, doc: YamlDocument | None, base: Path_, rel: str) -> None:
        self.doc = doc
        self.base = base
        self.rel = rel
        self.problems: list[Problem] = []

    def add(self, code: str, key: Path_, params: dict[str, Any], absolute: bool = False) -> None:
        path = key if absolute else self.base + key
        line, col = self.doc.position(path) if self.doc is not None else (None, None)
        name = ".".join(str(k) for k in key)
        fld = name if absolute else f"plugins.{PLUGIN}.{name}"
        self.problems.append(Problem(self.rel, code, {"option": key[-1], **params}, line, col, fld))

    def dynamic(self, key: Path_, absolute: bool = False) -> bool:
        """True for values known only when MkDocs runs (`!ENV`): the build checks them."""
        if self.doc is None:
            return False
        return (key if absolute else self.base + key) in self.doc.tags


def check_options(
    options: Mapping[str, Any],
    site_url: Any,
    *,
    known: Iterable[str] = OPTION_DEFAULTS,
    doc: YamlDocument | None = None,
    base: Path_ = (),
    rel: str = MKDOCS_YML,
) -> tuple[SiteOptions, list[Problem]]:
    """Check the plugin's options (text from our reader or values from MkDocs).

    Args:
        known: option names the plugin declares; others are reported as unknown.
        doc, base: the parsed mkdocs.yml and the path of the plugin's options in it, for lines.
    """
    check = _Checker(doc, base, rel)
    values: dict[str, Any] = {}
    allowed = list(known)
    for name in options:
        if name not in allowed:
            _unknown(check, (str(name),), allowed)
    url = _text(site_url)
    if not check.dynamic(("site_url",), True) and not re.match(r"https?://[^\s/?#]+", url or ""):
        check.add("config_site_url", ("site_url",), {"found": _found(site_url)}, absolute=True)
    for name in ("campaigns_dir", "url_prefix", "calendar_prefix", "feeds_prefix", "timezone"):
        value = options.get(name, OPTION_DEFAULTS[name])
        text = _text(value)
        if check.dynamic((name,)):
            continue
        if text is None or not text.strip():
            check.add("config_text", (name,), {"found": _found(value), "default": OPTION_DEFAULTS[name]})
        elif name.endswith("_prefix") and not _PREFIX.fullmatch(text.strip("/")):
            check.add("config_prefix", (name,), {"value": text, "default": OPTION_DEFAULTS[name]})
        elif name == "timezone" and _zone(text) is None:
            check.add("config_timezone", (name,), {"value": text})
        else:
            values[name] = text.strip("/") if name.endswith("_prefix") else text
    days = options.get("feed_past_days", OPTION_DEFAULTS["feed_past_days"])
    if isinstance(days, int) and not isinstance(days, bool) and days >= 0:
        values["feed_past_days"] = days
    elif isinstance(days, str) and days.strip().isdigit() and days.strip().isascii():
        values["feed_past_days"] = int(days)
    elif not check.dynamic(("feed_past_days",)):
        check.add("config_number", ("feed_past_days",), {"value": _show(days),
                                                          "default": OPTION_DEFAULTS["feed_past_days"]})
    values["today"] = _today(check, options.get("today"))
    values["organisation"] = _organisation(check, options.get("organisation"))
    statement = options.get("accessibility_statement", {})
    if isinstance(statement, Mapping):
        values["accessibility_statement"] = dict(statement)
    elif statement is not None and not check.dynamic(("accessibility_statement",)):
        check.add("config_mapping", ("accessibility_statement",),
                  {"found": _found(statement), "default": "reviewed: 2025-09-01"})
    notice = options.get("privacy_notice")
    if notice is not None and not check.dynamic(("privacy_notice",)):
        if _text(notice) is None or not str(notice).strip():
            check.add("config_text", ("privacy_notice",), {"found": _found(notice), "default": "ochrona-danych.md"})
        else:
            values["privacy_notice"] = str(notice).strip()
    values["access_pages"] = _access_pages(check, options)
    values["rules"] = _rules(check, options.get("rules"))
    if "timezone" in values:
        values["timezone"] = _zone(values["timezone"])
    result = SiteOptions(site_url=url or "", **values)
    return result, check.problems




def _access_pages(check: _Checker, options: Mapping[str, Any]) -> AccessPages:
    """The ETR and PJM pages and files: paths inside docs_dir (a page may be a web address)."""
    found: dict[str, str] = {}
    for name, example in ACCESS_EXAMPLES.items():
        value = options.get(name)
        if value is None or check.dynamic((name,)):
            continue
        text = _text(value)
        text = text.strip() if text is not None else None
        page = name.endswith("_page") and text is not None and text.startswith(("https://", "http://"))
        if page and text is not None:  # the page on the body's main site
            found[name] = text
        elif not text or "://" in text or ".." in text.split("/"):
            check.add("config_access_path", (name,), {"found": _found(value), "default": example})
        else:
            found[name] = text.strip("/")
    return AccessPages(**found)


def _unknown(check: _Checker, key: Path_, allowed: list[str]) -> None:
    name = str(key[-1])
    close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
    if close:
        check.add("config_unknown_suggest", key, {"name": name, "suggestion": close[0]})
    else:
        check.add("config_unknown", key, {"name": name, "allowed": ", ".join(allowed)})


def _today(check: _Checker, value: Any) -> dt.date | None:
    if value is None or check.dynamic(("today",)):
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = _text(value) or ""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    check.add("config_today", ("today",), {"value": _show(value)})
    return None


def _organisation(check: _Checker, value: Any) -> dict[str, str]:
    result = dict(ORGANISATION_DEFAULTS)
    if value is None or check.dynamic(("organisation",)):
        return result
    if not isinstance(value, Mapping):
        check.add("config_mapping", ("organisation",), {"found": _found(value), "default": "name: Miejski Ośrodek"})
        return result
    allowed = list(ORGANISATION_DEFAULTS)
    for key, item in value.items():
        path: Path_ = ("organisation", str(key))
        if key not in allowed:
            _unknown(check, path, allowed)
            continue
        text = _text(item)
        if text is None and item is not None:
            check.add("config_text", path, {"found": _found(item), "default": ORGANISATION_DEFAULTS[key] or "…"})
        elif text is not None:
            result[key] = text
    return result


def _rules(check: _Checker, value: Any) -> LocalRules:
    """The local rules under `rules:`; a bad value keeps that rule's default."""
    if value is None or check.dynamic(("rules",)):
        return LocalRules()
    if not isinstance(value, Mapping):
        check.add("config_mapping", ("rules",), {"found": _found(value), "default": "min_days: 21"})
        return LocalRules()
    found: dict[str, Any] = {}
    for key, item in value.items():
        path: Path_ = ("rules", str(key))
        if key not in RULE_OPTIONS:
            _unknown(check, path, list(RULE_OPTIONS))
            continue
        default, kind = RULE_OPTIONS[key]
        if kind == "bool":
            flag = item if isinstance(item, bool) else {"true": True, "false": False, "tak": True, "nie": False,
                                                         "yes": True, "no": False}.get(str(item).strip().lower())
            if flag is None:
                check.add("config_bool", path, {"value": _show(item)})
            else:
                found[key] = flag
        elif isinstance(item, int) and not isinstance(item, bool) and item >= 0:
            found[key] = item
        elif isinstance(item, str) and item.strip().isdigit() and item.strip().isascii():
            found[key] = int(item)
        elif item is not None:  # empty: no such rule
            check.add("config_number", path, {"value": _show(item), "default": default or 30})
    return LocalRules(**found)


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _text(value: Any) -> str | None:
    """Scalars as text (MkDocs' YAML reads `12 616 54 20` as text but `2025` as a number)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _show(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{…}"
    if isinstance(value, list | tuple):
        return "[…]"
    return "" if value is None else str(value)


def _found(value: Any) -> str:
    return "—" if value is None or value == "" else (f"„{_show(value)}”" if _text(value) is not None else _show(value))


def plugin_options(doc: YamlDocument) -> tuple[dict[str, Any] | None, Path_]:
    """Find the plugin's options in a parsed mkdocs.yml: (options or None, their path)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    plugins = data.get("plugins")
    if isinstance(plugins, dict) and PLUGIN in plugins:
        value = plugins[PLUGIN]
        return (value if isinstance(value, dict) else {}), ("plugins", PLUGIN)
    for index, entry in enumerate(plugins if isinstance(plugins, list) else []):
        if entry == PLUGIN:
            return {}, ("plugins", index)
        if isinstance(entry, dict) and PLUGIN in entry:
            value = entry[PLUGIN]
            return (value if isinstance(value, dict) else {}), ("plugins", index, PLUGIN)
    return None, ()


def read_mkdocs_yml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse mkdocs.yml for its lines and text values; report only what stops MkDocs too."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(MKDOCS_YML, "file_unreadable", {"detail": exc.strerror or ""})]
    doc, problems = parse_yaml(raw, MKDOCS_YML)
    return doc, [p for p in problems if p.code not in _IGNORED_YAML]


def check_site(root: Path) -> tuple[SiteOptions, list[Problem]]:
    """Check mkdocs.yml under `root` the way the build will (for `consult check`)."""
    path = root / MKDOCS_YML
    if path.exists() and not path.is_file():  # a FIFO would make MkDocs wait forever
        return SiteOptions(), [Problem(MKDOCS_YML, "not_regular_file", {"name": MKDOCS_YML})]
    if not path.is_file():
        return SiteOptions(), []
    doc, problems = read_mkdocs_yml(path)
    if doc is None or problems:
        return SiteOptions(), problems
    if not isinstance(doc.data, dict):
        return SiteOptions(), [Problem(MKDOCS_YML, "config_not_mapping", {}, 1)]
    theme = doc.data.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    options, base = plugin_options(doc)
    if options is None:  # the site does not use the plugin: only campaigns are checked
        result = SiteOptions()
        found: list[Problem] = []
    else:
        result, found = check_options(options, doc.data.get("site_url"), doc=doc, base=base)
    if isinstance(language, str) and language:
        result = dataclasses.replace(result, language=site_language(language))
    return result, found


@dataclass(frozen=True)
class Organisation:
    """The public body that publishes the site (used in the footer, feeds and the statement)."""

    name: str = ORGANISATION_DEFAULTS["name"]
    short_name: str = ORGANISATION_DEFAULTS["short_name"]
    address: str = ORGANISATION_DEFAULTS["address"]
    email: str = ORGANISATION_DEFAULTS["email"]
    phone: str = ORGANISATION_DEFAULTS["phone"]


@dataclass(frozen=True)
class Settings:
    """Everything the generator stages need to know about the site."""

    site_url: str  # absolute, ends with "/"
    site_name: str
    root: Path  # the site's folder (where mkdocs.yml is)
    campaigns_dir: Path
    docs_dir: Path | None = None  # hand-written pages (content/); the home page's intro is its index.md
    language: str = "pl"
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo(OPTION_DEFAULTS["timezone"]))
    today: dt.date = field(default_factory=dt.date.today)
    build_time: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    url_prefix: str = OPTION_DEFAULTS["url_prefix"]  # consultation pages live at <prefix>/<slug>/
    calendar_prefix: str = OPTION_DEFAULTS["calendar_prefix"]  # .ics feeds
    feeds_prefix: str = OPTION_DEFAULTS["feeds_prefix"]  # RSS/Atom
    feed_past_days: int = OPTION_DEFAULTS["feed_past_days"]  # older events leave the site-wide and category feeds
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
        access_pages=checked.access_pages,
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


# mkdocs.yml read and written back by `consult init` and `consult generate`: the tags MkDocs
# resolves (`!ENV`, `!!python/name:`) stay as they were.
class _Tagged:
    """A value with an explicit YAML tag (`!ENV`, `!!python/name:`) kept through a rewrite."""

    def __init__(self, node: yaml.Node, value: Any) -> None:
        self.tag, self.node_type, self.value = node.tag, type(node), value


class KeepTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping its special tags, so that writing it back changes nothing else."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return _Tagged(node, loader.construct_mapping(node, deep=True))


KeepTagsLoader.add_multi_constructor("!", _construct_tagged)
KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class KeepTagsDumper(yaml.SafeDumper):
    """Writes what `KeepTagsLoader` read, tags included, without anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if data.node_type is yaml.SequenceNode:
        return dumper.represent_sequence(data.tag, data.value)
    if data.node_type is yaml.MappingNode:
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


KeepTagsDumper.add_representer(_Tagged, _represent_tagged)
