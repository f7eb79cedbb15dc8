"""Starting points written for editors: a new campaign folder (`consult new`) and a new site (`consult init`)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path
from string import Template

from generator.newsite import sitekit
from generator.newsite.siteconfig import SiteFacts, site_config

EXAMPLE_SLUG = "przykladowa-konsultacja"


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
    (folder / "index.md").write_text(
        "To jest przykładowa konsultacja, utworzona razem ze stroną. Pokazuje, jak wyglądają "
        "termin, sposób zgłaszania uwag, dyżur eksperta i spotkanie.\n\n"
        "Zmień ją na prawdziwą albo usuń cały folder "
        f"`campaigns/{EXAMPLE_SLUG}/`. Jak to zrobić, opisuje przewodnik dla redaktorów "
        "(docs/dla-redaktorow.md w repozytorium strony).\n",
        encoding="utf-8",
    )
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
        ("content/ochrona-danych.md", "content/ochrona-danych.md"),  # the RODO notice, a placeholder
        ("content/etr.md", "content/etr.md"),  # easy-to-read and sign-language pages, placeholders too
        ("content/pjm.md", "content/pjm.md"),
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


def _quote(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, so any title survives.
    return json.dumps(text, ensure_ascii=False)
