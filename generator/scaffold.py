"""Starting points written for editors: a new campaign folder (`consult new`) and a new site (`consult init`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import yaml

from generator import sitekit
from generator.settings import Settings

PACKAGE_SOURCE = "git+https://github.com/mops-krakow/konsultacje"
EXAMPLE_SLUG = "przykladowa-konsultacja"
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


def campaign_yaml(title: str, today: dt.date, organizer: str, email: str, example: bool = False) -> str:
    """A commented campaign.yml that passes `consult check` as it is.

    Args:
        example: write the duty hour and meeting out (for a new site's example) instead of as comments.
    """
    closes = today + dt.timedelta(days=27)
    event = "" if example else "# "
    duty, meeting = today + dt.timedelta(days=7), today + dt.timedelta(days=10)
    return f"""\
# Konsultacja: fakty w formacie YAML. Daty: RRRR-MM-DD, godziny: GG:MM-GG:MM.
# Sprawdzenie: consult check. Opis każdego pola: docs/dla-redaktorow.md
title: {_quote(title)}
summary: Zbieramy uwagi organizacji pozarządowych do projektu dokumentu.
organizer: {_quote(organizer)}
published: {today.isoformat()}   # dzień publikacji ogłoszenia (data w przyszłości ukrywa je do tego dnia)
opens: {today.isoformat()}       # pierwszy dzień zbierania uwag
closes: {closes.isoformat()}      # ostatni dzień (włącznie, do 23:59); zalecane minimum 21 dni
categories: [pomoc społeczna]
audience: >-
  Organizacje pozarządowe oraz podmioty, o których mowa w art. 3 ust. 3 ustawy
  o działalności pożytku publicznego i o wolontariacie.
respond:
  - channel: email                # email, post, in_person, fax, phone, online_form, other
    value: {email}
  # - channel: post
  #   value: ul. Przykładowa 1, 00-000 Miasto
  #   annotation: KONSULTACJE
{event}duty_hours:                     # dyżury ekspertów
{event}  - date: {duty.isoformat()}
{event}    time: 09:00-12:00
{event}    mode: phone                  # phone, in_person, online lub lista, np. [phone, in_person]
{event}    phone: 12 000 00 00
{event}meetings:
{event}  - title: Otwarte spotkanie konsultacyjne
{event}    date: {meeting.isoformat()}
{event}    time: 16:00-18:00
{event}    online: https://spotkania.example.pl/konsultacje
# materials:
#   - title: Formularz zgłaszania uwag
#     file: files/formularz.docx
contact:
  email: {email}
"""


def campaign_index(title: str) -> str:
    """A starting announcement text."""
    return (
        f"Zapraszamy do udziału w konsultacjach: {title}.\n\n"
        "## Cel konsultacji\n\n"
        "Opisz, czego dotyczy dokument i o jakie uwagi prosimy.\n"
    )


def new_campaign(campaigns_dir: Path, slug: str, title: str, today: dt.date, organizer: str, email: str,
                 example: bool = False) -> Path:
    """Write campaigns/<slug>/ with campaign.yml, index.md and an empty files/ folder; return the folder."""
    folder = campaigns_dir / slug
    folder.mkdir(parents=True)
    (folder / "files").mkdir()
    (folder / "campaign.yml").write_text(campaign_yaml(title, today, organizer, email, example), encoding="utf-8")
    (folder / "index.md").write_text(campaign_index(title), encoding="utf-8")
    return folder


def init_site(target: Path, facts: SiteFacts, today: dt.date) -> list[str]:
    """Write a new site into `target` and return the paths written, relative to it.

    Refuses (FileExistsError listing them) to overwrite any file that is already there.
    """
    files = _site_files(target, facts, today)
    clashes = sorted(rel for rel in files if (target / rel).exists())
    if (target / "campaigns").exists():
        clashes.append("campaigns/")
    if clashes:
        raise FileExistsError(", ".join(clashes))
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    title = "Przykładowa konsultacja (zmień albo usuń)"
    folder = new_campaign(target / "campaigns", EXAMPLE_SLUG, title, today, facts.name, facts.email, example=True)
    written = list(files) + [p.relative_to(target).as_posix() for p in sorted(folder.rglob("*")) if p.is_file()]
    return sorted(written)


def _site_files(target: Path, facts: SiteFacts, today: dt.date) -> dict[str, str | Path]:
    shared = sitekit.shared_files()
    files: dict[str, str | Path] = {
        rel: path for rel, path in shared.items() if rel != "mkdocs.yml" and not rel.startswith("theme/")
    }
    contact = "\n".join(
        f"- {label}: {value}"
        for label, value in (("adres", facts.address), ("e-mail", facts.email), ("telefon", facts.phone))
        if value
    )
    values = {"name": facts.name, "contact": contact, "requirement": facts.requirement}
    for rel, name in (
        ("content/index.md", "content/index.md"),
        ("content/o-konsultacjach.md", "content/o-konsultacjach.md"),
        ("README.md", "README.md"),
        (".gitignore", "gitignore"),
        ("requirements.txt", "requirements.txt"),
    ):
        files[rel] = Template(_init_text(name)).substitute(values)
    pages = {rel.removeprefix("content/") for rel in files if rel.startswith("content/")}
    files["mkdocs.yml"] = site_config(shared["mkdocs.yml"].read_text(encoding="utf-8"), facts, today, target, pages)
    return files


def _init_text(name: str) -> str:
    return (resources.files("generator") / "data" / "init" / name).read_text(encoding="utf-8")


def site_config(source: str, facts: SiteFacts, today: dt.date, target: Path, pages: set[str]) -> str:
    """The new site's mkdocs.yml: this repository's, with the organisation's own facts put in.

    Everything shared (theme settings, Markdown extensions, plugin options) is kept, so new
    sites follow the repository's setup; the theme overrides come from the package itself.
    """
    config: dict[str, Any] = yaml.load(source, Loader=_KeepTagsLoader)
    old = _organisation(config)
    for key in _SITE_KEYS:
        config.pop(key, None)
    head: dict[str, Any] = {
        "site_name": f"Konsultacje społeczne: {facts.abbreviation}",
        "site_url": facts.url if facts.url.endswith("/") else facts.url + "/",
        "site_description": f"Konsultacje społeczne: {facts.name}",
    }
    if facts.repo_url:
        head.update(repo_url=facts.repo_url, edit_uri="edit/main/")
    head["copyright"] = facts.name
    config = {**head, **config}
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    options = _plugin_options(config)
    options.pop("today", None)
    new = {"name": facts.name, "short_name": facts.abbreviation, "address": facts.address,
           "email": facts.email, "phone": facts.phone}
    options["organisation"] = new
    options["accessibility_statement"] = _statement(options.get("accessibility_statement"), old, new, today)
    if isinstance(config.get("nav"), list):
        config["nav"] = _nav(config["nav"], pages | _generated_pages(target))
    header = ("# Ustawienia strony. Dane organizacji: plugins → consultations → organisation;\n"
              "# deklaracja dostępności: accessibility_statement (uzupełnij ją przed publikacją).\n")
    return header + yaml.dump(config, Dumper=_KeepTagsDumper, allow_unicode=True, sort_keys=False, width=100)


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

    Dates become today, the organisation's facts are swapped, and any other text naming the old
    organisation is left for the new one to write (a statement must describe its own site).
    """
    if not source:
        return {"prepared": today.isoformat(), "published": today.isoformat(),
                "reviewed": today.isoformat(), "email": new["email"], "phone": new["phone"]}
    return _swap(source, old, new, today)


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
            return "(do uzupełnienia)"
    return value


def _generated_pages(target: Path) -> set[str]:
    """The pages the plugin generates even when there are no consultations."""
    from generator.outputs import generate_site

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


def _quote(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, so any title survives.
    return json.dumps(text, ensure_ascii=False)


class _Tagged:
    """A value with an explicit YAML tag (`!ENV`, `!!python/name:`) kept through a rewrite."""

    def __init__(self, node: yaml.Node, value: Any) -> None:
        self.tag, self.node_type, self.value = node.tag, type(node), value


class _KeepTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping its special tags, so that writing it back changes nothing else."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return _Tagged(node, loader.construct_mapping(node, deep=True))


_KeepTagsLoader.add_multi_constructor("!", _construct_tagged)
_KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _KeepTagsDumper(yaml.SafeDumper):
    """Writes what `_KeepTagsLoader` read, tags included, without anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if data.node_type is yaml.SequenceNode:
        return dumper.represent_sequence(data.tag, data.value)
    if data.node_type is yaml.MappingNode:
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_KeepTagsDumper.add_representer(_Tagged, _represent_tagged)
