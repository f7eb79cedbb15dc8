"""The `consult` command: check campaigns, scaffold a new one, print the schema."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from generator import __version__
from generator.errors import (
    format_github,
    format_json,
    format_text,
    has_errors,
    sorted_problems,
    summary_line,
)
from generator.export import schema_bytes
from generator.messages import render_message
from generator.pipeline import check_campaigns
from generator.settings import resolve_today
from generator.siteoptions import check_site
from generator.validate import slugify


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
        return result
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consult",
        description="Konsultacje społeczne: sprawdzanie i tworzenie konsultacji (campaigns/).",
    )
    parser.add_argument("--version", action="version", version=f"consult {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="sprawdź wszystkie konsultacje / check every campaign")
    check.add_argument("--root", type=Path, default=Path("."), help="folder strony (z mkdocs.yml)")
    check.add_argument("--strict", action="store_true", help="ostrzeżenia też kończą się błędem")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument("--lang", choices=("pl", "en"), default=None, help="język komunikatów")
    check.set_defaults(run=_cmd_check)

    new = sub.add_parser("new", help="utwórz nową konsultację / scaffold a campaign")
    new.add_argument("title", help="tytuł konsultacji, np. \"Program Wspierania Rodziny 2025–2027\"")
    new.add_argument("--root", type=Path, default=Path("."))
    new.add_argument("--slug", default=None, help="nazwa folderu (domyślnie z tytułu)")
    new.set_defaults(run=_cmd_new)

    schema = sub.add_parser("schema", help="wypisz JSON Schema pliku campaign.yml")
    schema.set_defaults(run=_cmd_schema)
    return parser


def read_site_options(root: Path) -> dict[str, Any]:
    """Read the few mkdocs.yml settings the CLI needs, without importing MkDocs."""
    options: dict[str, Any] = {"campaigns_dir": "campaigns", "timezone": "Europe/Warsaw", "language": "pl"}
    path = root / "mkdocs.yml"
    if not path.is_file():
        return options
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        return options
    if not isinstance(data, dict):
        return options
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("language"):
        options["language"] = str(theme["language"])
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("consultations"), dict):
            for key in ("campaigns_dir", "timezone", "today"):
                if plugin["consultations"].get(key) is not None:
                    options[key] = plugin["consultations"][key]
    return options


class _LenientLoader(yaml.SafeLoader):
    """A YAML loader that reads mkdocs.yml's `!!python/name:` and `!ENV` tags as plain values."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _cmd_check(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    site, site_problems = check_site(root)
    lang = args.lang or ("en" if site.language.startswith("en") else "pl")
    campaigns, found = check_campaigns(root / site.campaigns_dir, root, site.timezone)
    problems = sorted_problems(site_problems + found)
    if args.format == "json":
        print(format_json(problems, lang))
    elif args.format == "github":
        for problem in problems:
            print(format_github(problem, lang))
    else:
        for problem in problems:
            print(format_text(problem, lang))
        if problems:
            print(summary_line(problems, lang))
        else:
            print(render_message("ok", {"count": len(campaigns)}, lang)[0])
    return 1 if has_errors(problems, strict=args.strict) else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_bytes().decode("utf-8"))
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    options = read_site_options(root)
    slug = args.slug or slugify(args.title)
    if not slug:
        print("Tytuł musi zawierać litery lub cyfry, np. consult new \"Program Wspierania Rodziny\"", file=sys.stderr)
        return 2
    folder = root / str(options["campaigns_dir"]) / slug
    if folder.exists():
        print(f"Folder {folder.relative_to(root)} już istnieje; nie nadpisuję go. "
              "Podaj inny tytuł albo --slug.", file=sys.stderr)
        return 1
    tz = ZoneInfo(str(options["timezone"]))
    today, _ = resolve_today(tz)
    folder.mkdir(parents=True)
    (folder / "files").mkdir()
    (folder / "campaign.yml").write_text(scaffold_yaml(args.title, today), encoding="utf-8")
    (folder / "index.md").write_text(scaffold_index(args.title), encoding="utf-8")
    rel = folder.relative_to(root).as_posix()
    print(f"Utworzono {rel}/campaign.yml i {rel}/index.md.\n"
          "Co dalej:\n"
          f"  1. Uzupełnij fakty w {rel}/campaign.yml (terminy, sposoby zgłaszania uwag, dyżury).\n"
          f"  2. Wpisz treść ogłoszenia w {rel}/index.md.\n"
          f"  3. Pliki do pobrania włóż do {rel}/files/ i wpisz je w „materials”.\n"
          "  4. Sprawdź: consult check    Podgląd: mkdocs serve")
    return 0


def scaffold_yaml(title: str, today: dt.date) -> str:
    """A commented campaign.yml that passes `consult check` as it is."""
    closes = today + dt.timedelta(days=27)
    quoted = title.replace('"', "'")
    return f"""\
# Konsultacja: fakty w formacie YAML. Daty: RRRR-MM-DD, godziny: GG:MM-GG:MM.
# Sprawdzenie: consult check. Opis pól: przewodnik dla redaktorów.
title: "{quoted}"
summary: Zbieramy uwagi organizacji pozarządowych do projektu dokumentu.
organizer: Miejski Ośrodek Pomocy Społecznej
published: {today.isoformat()}   # dzień publikacji ogłoszenia (data w przyszłości ukrywa je do tego dnia)
opens: {today.isoformat()}       # pierwszy dzień zbierania uwag
closes: {closes.isoformat()}      # ostatni dzień (włącznie, do 23:59); minimum 21 dni
categories: [pomoc społeczna]
audience: >-
  Organizacje pozarządowe oraz podmioty, o których mowa w art. 3 ust. 3 ustawy
  o działalności pożytku publicznego i o wolontariacie.
respond:
  - channel: email                # email, post, in_person, fax, phone, online_form, other
    value: konsultacje@example.pl
  # - channel: post
  #   value: ul. Przykładowa 1, 00-000 Miasto
  #   annotation: KONSULTACJE
# duty_hours:                     # dyżury ekspertów
#   - date: {today.isoformat()}
#     time: 09:00-12:00
#     mode: phone                  # phone, in_person, online lub lista
#     phone: 12 000 00 00
# meetings:
#   - title: Otwarte spotkanie konsultacyjne
#     date: {today.isoformat()}
#     time: 16:00-18:00
#     place: ul. Przykładowa 1, sala 10
# materials:
#   - title: Formularz zgłaszania uwag
#     file: files/formularz.docx
contact:
  email: konsultacje@example.pl
"""


def scaffold_index(title: str) -> str:
    """A starting announcement text."""
    return (
        f"Zapraszamy do udziału w konsultacjach: {title}.\n\n"
        "## Cel konsultacji\n\n"
        "Opisz, czego dotyczy dokument i o jakie uwagi prosimy.\n"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
