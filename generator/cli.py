"""The `consult` command: check campaigns, scaffold a new one, print the schema."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import yaml

from generator import __version__
from generator.export import schema_bytes
from generator.language import site_language, words_language
from generator.newsite.sitekit import SiteKitMissing
from generator.options import EpochError, Organisation, SiteOptions, check_site, resolve_today
from generator.source.access import access_problems
from generator.source.check import check_campaigns
from generator.source.editor_html import EditorMarkdown
from generator.source.errors import (
    ConsultationsError,
    Problem,
    format_github,
    format_gitlab,
    format_json,
    format_text,
    has_errors,
    sorted_problems,
    summary_line,
)
from generator.source.messages import render_message
from generator.source.privacy import notice_problems
from generator.source.revisions import read_git
from generator.source.statement import read_statement
from generator.source.validate import is_slug, slugify

if TYPE_CHECKING:
    from generator.engine.generate import Tree


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
        return result
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except EpochError as exc:
        print(format_text(exc.problem, args.lang if getattr(args, "lang", None) else "pl"), file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The `consult` command's options and subcommands (the tests check documented command lines with it)."""
    parser = argparse.ArgumentParser(
        prog="consult",
        description="Konsultacje społeczne: sprawdzanie i tworzenie konsultacji (campaigns/).",
    )
    parser.add_argument("--version", action="version", version=f"consult {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="sprawdź wszystkie konsultacje / check every campaign")
    check.add_argument("--root", type=Path, default=Path("."), help="folder strony (z mkdocs.yml)")
    check.add_argument("--strict", action="store_true", help="ostrzeżenia też kończą się błędem")
    check.add_argument("--format", choices=("text", "github", "gitlab", "json"), default="text")
    check.add_argument("--lang", choices=("pl", "en"), default=None, help="język komunikatów")
    check.set_defaults(run=_cmd_check)

    new = sub.add_parser("new", help="utwórz nową konsultację / scaffold a campaign")
    new.add_argument("title", help="tytuł konsultacji, np. \"Program Wspierania Rodziny 2025–2027\"")
    new.add_argument("--root", type=Path, default=Path("."))
    new.add_argument("--slug", default=None, help="nazwa folderu (domyślnie z tytułu)")
    new.set_defaults(run=_cmd_new)

    init = sub.add_parser("init", help="utwórz nową stronę konsultacji / start a new site")
    init.add_argument("directory", type=Path, help="folder nowej strony (pusty albo nieistniejący)")
    init.add_argument("--name", default="Miejski Ośrodek Pomocy Społecznej", help="pełna nazwa organizacji")
    init.add_argument("--short-name", default=None, help="skrót nazwy (domyślnie z inicjałów)")
    init.add_argument("--url", default="https://konsultacje.example.pl/", help="adres strony")
    init.add_argument("--email", default="konsultacje@example.pl", help="e-mail do kontaktu")
    init.add_argument("--phone", default=None, help="telefon do kontaktu")
    init.add_argument("--address", default=None, help="adres siedziby")
    init.add_argument("--repo-url", default=None, help="adres repozytorium (linki „edytuj”)")
    init.add_argument("--requirement", default=None,
                      help="skąd CI instaluje generator (wiersz requirements.txt)")
    init.set_defaults(run=_cmd_init)

    generate = sub.add_parser("generate", help="zapisz całe źródło strony dla innego silnika / write the site's source tree")
    generate.add_argument("directory", type=Path, help="folder na źródło strony (pusty albo nieistniejący)")
    generate.add_argument("--root", type=Path, default=Path("."), help="folder strony (z mkdocs.yml)")
    generate.add_argument("--lang", choices=("pl", "en"), default=None, help="język komunikatów")
    generate.set_defaults(run=_cmd_generate)

    build = sub.add_parser("build", help="zbuduj i opublikuj stronę wybranym silnikiem / build with an engine")
    build.add_argument("--engine", default="mkdocs", help="mkdocs (domyślnie), properdocs albo zensical")
    build.add_argument("--root", type=Path, default=Path("."), help="folder strony (z mkdocs.yml)")
    build.add_argument("-d", "--site-dir", type=Path, default=None, help="folder zbudowanej strony (domyślnie site_dir z mkdocs.yml)")
    build.add_argument("--strict", action="store_true", help="ostrzeżenia też kończą się błędem")
    build.add_argument("--lang", choices=("pl", "en"), default=None, help="język komunikatów")
    build.set_defaults(run=_cmd_build)

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
    except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError, RecursionError):
        return options  # `check_site` reports what is wrong with mkdocs.yml
    if not isinstance(data, dict):
        return options
    if isinstance(data.get("site_dir"), str):
        options["site_dir"] = data["site_dir"]
    if isinstance(data.get("docs_dir"), str):
        options["docs_dir"] = data["docs_dir"]
    if isinstance(data.get("markdown_extensions"), list):
        options["markdown_extensions"] = data["markdown_extensions"]
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("language"):
        options["language"] = site_language(theme["language"])
    for plugin in data.get("plugins") or []:
        if plugin == "consultations" or (isinstance(plugin, dict) and "consultations" in plugin):
            options["plugin"] = True  # the site's own checks (the privacy notice) apply
        if isinstance(plugin, dict) and isinstance(plugin.get("consultations"), dict):
            for key in ("campaigns_dir", "timezone", "today", "organisation", "accessibility_statement"):
                if plugin["consultations"].get(key) is not None:
                    options[key] = plugin["consultations"][key]
            org = plugin["consultations"].get("organisation")
            if isinstance(org, dict):
                options.update({f"organisation_{k}": v for k, v in org.items() if isinstance(v, str)})
    return options


class _LenientLoader(yaml.SafeLoader):
    """A YAML loader that reads mkdocs.yml's `!!python/name:` and `!ENV` tags as plain values."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _cmd_check(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    site, site_problems = check_site(root)
    lang = args.lang or words_language(site.language)
    options = read_site_options(root)
    docs_dir = root / options.get("docs_dir", "docs")
    campaigns, found = check_campaigns(
        root / site.campaigns_dir, root, site.timezone,
        markdown=_editor_markdown(options.get("markdown_extensions")),
        docs_dir=docs_dir,
        rules=site.rules, today=resolve_today(site.timezone, site.today)[0],
    )
    # The same reading of git as the build: an entry whose calendar identity would move is refused.
    found += read_git(root / site.campaigns_dir, site.timezone, [c.slug for c in campaigns])[2]
    if options.get("plugin"):  # the site's own checks: the privacy notice, the ETR and PJM pages
        found += notice_problems(site.privacy_notice, docs_dir, root)
        bad = {p.field for p in site_problems}  # an option refused above is not also "not set"
        found += [p for p in access_problems(site.access_pages, docs_dir, root) if p.field not in bad]
    problems = sorted_problems(site_problems + found + _statement_problems(site))
    if args.format == "json":
        print(format_json(problems, lang))
    elif args.format == "gitlab":
        print(format_gitlab(problems, lang, _repo_prefix(root, "CI_PROJECT_DIR")))
    else:
        prefix = _repo_prefix(root, "GITHUB_WORKSPACE")
        for problem in problems:
            if args.format == "github":
                print(format_github(problem, lang, prefix))
            else:
                print(format_text(problem, lang))
        if problems:
            print(summary_line(problems, lang))
        else:
            print(render_message("ok", {"count": len(campaigns)}, lang)[0])
    return 1 if has_errors(problems, strict=args.strict) else 0


def _editor_markdown(entries: Any) -> EditorMarkdown:
    """Python-Markdown with mkdocs.yml's `markdown_extensions` (names, or names with settings)."""
    if not isinstance(entries, list):
        return EditorMarkdown()
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            name, settings = next(iter(entry.items()))
            names.append(str(name))
            if isinstance(settings, dict):
                configs[str(name)] = settings
    return EditorMarkdown(names, configs)


def _statement_problems(site: SiteOptions) -> list[Problem]:
    """Problems of the accessibility statement, including its yearly review falling due."""
    today, _ = resolve_today(site.timezone, site.today)
    fields = Organisation.__dataclass_fields__
    organisation = Organisation(**{k: v for k, v in site.organisation.items() if k in fields})
    return read_statement(site.accessibility_statement, organisation, today)[1]


def _repo_prefix(root: Path, workspace_variable: str) -> str:
    """The site folder relative to the repository root, for CI reports ("" at the root)."""
    workspace = os.environ.get(workspace_variable)
    candidates = [Path(workspace).resolve()] if workspace else []
    candidates += [folder for folder in (root, *root.parents) if (folder / ".git").exists()][:1]
    for top in candidates:
        if root == top or top in root.parents:
            rel = root.relative_to(top).as_posix()
            return "" if rel == "." else rel
    return ""


def _language(args: argparse.Namespace, root: Path) -> str:
    return str(args.lang or words_language(check_site(root)[0].language))


def _generate(root: Path, target: Path, lang: str, strict: bool) -> Tree | None:
    """Check the site and write its tree; print the problems as `consult check` does."""
    from generator.engine import generate  # see _cmd_new

    options = read_site_options(root)
    try:
        tree, problems = generate.check_and_generate(root, target, _editor_markdown(options.get("markdown_extensions")))
    except ConsultationsError as exc:  # found by a stage (a time zone no calendar can state); nothing written
        tree, problems = None, exc.problems
    _print_problems(problems, lang)
    return None if tree is None or has_errors(problems, strict=strict) else tree


def _print_problems(problems: list[Problem], lang: str) -> None:
    for problem in sorted_problems(problems):
        print(format_text(problem, lang), file=sys.stderr)
    if problems:
        print(summary_line(problems, lang), file=sys.stderr)


def _cmd_generate(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    lang = _language(args, root)
    target: Path = args.directory.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(format_text(Problem(os.path.relpath(target), "generate_not_empty", {"folder": os.path.relpath(target)}), lang),
              file=sys.stderr)
        return 1
    tree = _generate(root, target, lang, strict=False)
    if tree is None:
        return 1
    print(render_message("generated", {"folder": os.path.relpath(target), "pages": len(tree.pages),
                                       "files": len(tree.files)}, lang)[0])
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from generator.engine import atomic, external, generate  # see _cmd_new

    root: Path = args.root.resolve()
    lang = _language(args, root)
    if args.engine not in external.ENGINES:
        problem = Problem("--engine", "engine_unknown", {"engine": args.engine, "engines": ", ".join(external.ENGINES)})
        print(format_text(problem, lang), file=sys.stderr)
        return 2
    _, settings, problems = generate.read_site(root)
    if settings is None:
        _print_problems(problems, lang)
        return 1
    site_dir: Path = (args.site_dir or root / str(read_site_options(root).get("site_dir") or "site")).absolute()
    try:
        if not external.build(lambda source: _generate(root, source, lang, strict=args.strict),
                             settings, args.engine, site_dir, strict=args.strict):
            return 1
    except (external.EngineError, atomic.PublishError) as exc:
        print(format_text(exc.problem, lang), file=sys.stderr)
        return 1
    print(render_message("built", {"engine": args.engine, "folder": os.path.relpath(site_dir)}, lang)[0])
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_bytes().decode("utf-8"))
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from generator.newsite import scaffold  # loaded by the commands that write files, so `check` starts fast

    root: Path = args.root.resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"W folderze {root} nie ma pliku mkdocs.yml: uruchom polecenie w folderze strony "
              "albo wskaż go opcją --root.", file=sys.stderr)
        return 2
    options = read_site_options(root)
    site, _ = check_site(root)  # a bad option falls back to its default; `consult check` reports it
    slug = args.slug or slugify(args.title)
    if args.slug is not None and not is_slug(args.slug):
        # The folder name is the page address: nothing but a-z, digits and hyphens, and never a path.
        print(f"--slug: „{args.slug}” nie nadaje się na nazwę folderu (dozwolone: małe litery bez polskich "
              "znaków, cyfry, łączniki; bez „/” i „..”).\n"
              f"  Jak poprawić: podaj np. --slug {slugify(args.slug) or slugify(args.title) or 'program-2026'}",
              file=sys.stderr)
        return 2
    if not slug:
        print("Tytuł musi zawierać litery lub cyfry, np. consult new \"Program Wspierania Rodziny\"", file=sys.stderr)
        return 2
    campaigns_dir = root / site.campaigns_dir
    if (campaigns_dir / slug).exists():
        print(f"Folder {(campaigns_dir / slug).relative_to(root).as_posix()} już istnieje; nie nadpisuję go. "
              "Podaj inny tytuł albo --slug.", file=sys.stderr)
        return 1
    today, _ = resolve_today(site.timezone, site.today)
    organizer = options.get("organisation_name") or "Miejski Ośrodek Pomocy Społecznej"
    email = options.get("organisation_email") or "konsultacje@example.pl"
    folder = scaffold.new_campaign(campaigns_dir, slug, args.title, today, str(organizer), str(email))
    rel = folder.relative_to(root).as_posix()
    print(f"Utworzono {rel}/campaign.yml i {rel}/index.md.\n"
          "Co dalej:\n"
          f"  1. Uzupełnij fakty w {rel}/campaign.yml (terminy, sposoby zgłaszania uwag, dyżury).\n"
          f"  2. Wpisz treść ogłoszenia w {rel}/index.md.\n"
          f"  3. Pliki do pobrania włóż do {rel}/files/ i wpisz je w „materials”.\n"
          "  4. Sprawdź: consult check    Podgląd: mkdocs serve (http://127.0.0.1:8000/)")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from generator.newsite import (
        scaffold,  # see _cmd_new
        siteconfig,
    )

    target: Path = args.directory.resolve()
    facts = siteconfig.SiteFacts(
        name=args.name, url=args.url, email=args.email, short_name=args.short_name or "",
        phone=args.phone or "", address=args.address or "", repo_url=args.repo_url or "",
        requirement=args.requirement or siteconfig.SiteFacts.requirement,
    )
    if not facts.url.startswith(("https://", "http://")):
        print(f"--url: „{facts.url}” nie jest pełnym adresem; podaj np. --url https://konsultacje.example.pl/",
              file=sys.stderr)
        return 2
    today, _ = resolve_today(ZoneInfo("Europe/Warsaw"))
    try:
        written = scaffold.init_site(target, facts, today)
    except FileExistsError as exc:
        print(f"W {target} są już pliki, których nie nadpiszę: {exc}. Wybierz pusty folder.", file=sys.stderr)
        return 1
    except SiteKitMissing as exc:
        print(f"Instalacja jest niepełna: {exc}", file=sys.stderr)
        return 1
    shown = os.path.relpath(target)
    print(f"Utworzono nową stronę w {shown} ({len(written)} plików), z przykładową konsultacją w "
          f"campaigns/{scaffold.EXAMPLE_SLUG}/.\n"
          "Co dalej:\n"
          f"  1. cd {shown}\n"
          "  2. Sprawdź i uzupełnij mkdocs.yml: dane organizacji i deklarację dostępności.\n"
          "  3. consult check        (sprawdzenie)\n"
          "  4. mkdocs serve         (podgląd: http://127.0.0.1:8000/)\n"
          "  5. Zmień albo usuń przykład; nowa konsultacja: consult new \"Tytuł\"\n"
          "  6. Wyślij repozytorium na GitHub albo GitLab; publikacja: docs/dla-redaktorow.md")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
