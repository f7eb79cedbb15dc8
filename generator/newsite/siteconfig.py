"""A new site's mkdocs.yml, written from this repository's with another organisation's facts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.options import KeepTagsDumper, KeepTagsLoader, Settings
from generator.pipeline import generate_site
from generator.source.statement import PLACEHOLDER

PACKAGE_SOURCE = "git+https://github.com/mops-krakow/konsultacje"
# Keys of the repository's mkdocs.yml that describe its own organisation, not the shared setup.
_SITE_KEYS = ("site_name", "site_url", "site_description", "repo_url", "edit_uri", "copyright")


@dataclass(frozen=True)
class SiteFacts:
    """What `consult init` needs to know about the organisation publishing the new site."""

    name: str
    url: str
    email: str
    short_name: str = ""
    phone: str = ""
    address: str = ""
    repo_url: str = ""
    requirement: str = f"konsultacje @ {PACKAGE_SOURCE}@main"

    @property
    def abbreviation(self) -> str:
        """The short name, or the initials of the name ("Miejski Ośrodek Pomocy Społecznej" → "MOPS")."""
        if self.short_name:
            return self.short_name
        initials = ""
        for word in self.name.split():
            if not word[:1].isupper():
                break  # "… Społecznej w Tarnowie": the initials name the body, not the town
            initials += word[0]
        return initials if len(initials) > 1 else self.name


def site_config(source: str, facts: SiteFacts, today: dt.date, target: Path, pages: set[str]) -> str:
    """The new site's mkdocs.yml: this repository's, with the organisation's own facts put in.

    Everything shared (theme settings, Markdown extensions, plugin options) is kept, so new
    sites follow the repository's setup; the theme overrides come from the package itself.
    """
    config: dict[str, Any] = yaml.load(source, Loader=KeepTagsLoader)
    old = _organisation(config)
    for key in _SITE_KEYS:
        config.pop(key, None)
    head: dict[str, Any] = {
        # Initials guessed from the name are fine in feeds, but a header should not puzzle anyone.
        "site_name": f"Konsultacje społeczne: {facts.short_name or facts.name}",
        "site_url": facts.url if facts.url.endswith("/") else facts.url + "/",
        "site_description": f"Konsultacje społeczne: {facts.name}",
    }
    if facts.repo_url:
        # MkDocs reads edit_uri relative to docs_dir; the plugin derives the repository root from it.
        docs = str(config.get("docs_dir") or "docs").strip("/")
        head.update(repo_url=facts.repo_url, edit_uri=f"edit/main/{docs}/")
    head["copyright"] = facts.name
    config = {**head, **config}
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    options = _plugin_options(config)
    options.pop("today", None)
    options.pop("rules", None)  # another body's resolution sets other minimums: the guide says how
    new = {"name": facts.name, "short_name": facts.abbreviation, "address": facts.address,
           "email": facts.email, "phone": facts.phone}
    options["organisation"] = new
    options["accessibility_statement"] = _statement(options.get("accessibility_statement"), old, new, today)
    if isinstance(config.get("nav"), list):
        config["nav"] = _nav(config["nav"], pages | _generated_pages(target))
    header = ("# Ustawienia strony. Dane organizacji: plugins → consultations → organisation;\n"
              "# deklaracja dostępności: accessibility_statement (uzupełnij ją przed publikacją);\n"
              "# klauzula RODO: content/ochrona-danych.md (uzupełnij); zasady konsultacji: rules;\n"
              "# strony ETR i PJM: content/etr.md, content/pjm.md z plikami easy_read_*, sign_language_*.\n")
    return header + yaml.dump(config, Dumper=KeepTagsDumper, allow_unicode=True, sort_keys=False, width=100)


def _organisation(config: dict[str, Any]) -> dict[str, str]:
    org = _plugin_options(config).get("organisation")
    return {k: str(v) for k, v in org.items() if v} if isinstance(org, dict) else {}


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.setdefault("plugins", [])
    for index, plugin in enumerate(plugins):
        if plugin == "consultations":
            plugins[index] = {"consultations": {}}
            fresh: dict[str, Any] = plugins[index]["consultations"]
            return fresh
        if isinstance(plugin, dict) and "consultations" in plugin:
            if not isinstance(plugin["consultations"], dict):
                plugin["consultations"] = {}
            options: dict[str, Any] = plugin["consultations"]
            return options
    plugins.insert(0, {"consultations": {}})
    result: dict[str, Any] = plugins[0]["consultations"]
    return result


def _statement(source: Any, old: dict[str, str], new: dict[str, str], today: dt.date) -> Any:
    """The repository's accessibility statement record with the new organisation's facts.

    Dates become today and the contact becomes the new organisation's. What only the new
    organisation can say (its building, its ways of communicating, its inaccessible content)
    is left for it to write, as is any other text naming the old organisation.
    """
    todo = PLACEHOLDER
    record = _swap(source, old, new, today) if isinstance(source, dict) else {}
    for key in ("published", "updated", "prepared", "reviewed"):
        record[key] = today.isoformat()
    record.setdefault("status", "częściowo zgodna")
    # The template requires a phone number; without --phone the check warns until one is written.
    record["contact"] = {key: new.get(key) or todo for key in ("email", "phone")}
    record["inaccessible"] = [todo]
    record.pop("exemptions", None)
    record["architecture"] = todo
    record["communication"] = todo
    return record


def _swap(value: Any, old: dict[str, str], new: dict[str, str], today: dt.date) -> Any:
    if isinstance(value, dict):
        return {key: _swap(item, old, new, today) for key, item in value.items()}
    if isinstance(value, list):
        return [_swap(item, old, new, today) for item in value]
    if isinstance(value, dt.date) or (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return today.isoformat()
    if isinstance(value, str):
        for key, known in old.items():
            if value == known:
                return new.get(key, "")
        if any(known in value for known in old.values() if len(known) > 3):
            return PLACEHOLDER
    return value


def _generated_pages(target: Path) -> set[str]:
    """The pages the plugin generates even when there are no consultations."""
    settings = Settings(site_url="https://example.invalid/", site_name="", root=target,
                        campaigns_dir=target / "campaigns")
    return {o.path for o in generate_site([], settings) if o.is_page}


def _nav(nav: list[Any], pages: set[str]) -> list[Any]:
    """Keep the navigation entries that point at pages the new site has."""
    kept: list[Any] = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(target, list):
            children = _nav(target, pages)
            if children:
                kept.append({next(iter(entry)): children})
        elif not isinstance(target, str) or not target.endswith(".md") or target in pages:
            kept.append(entry)
    return kept
