"""The `consult` command: check in every format with its exit codes, new, and init end to end."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cli
from generator.newsite import scaffold, siteconfig
from generator.source.check import check_campaigns
from generator.source.errors import Problem, format_github

from .conftest import REPO, TODAY_EPOCH, TZ, VALID_YML, build_site, write_campaign
from .docs_commands import GUIDE, VENV_BIN, documented, shell_commands, type_command

BAD_YML = VALID_YML.replace("closes: 2025-09-26", "closes: 2025-02-30") + "closess: 2025-09-30\n"
SHORT_YML = VALID_YML.replace("closes: 2025-09-26", "closes: 2025-09-05")  # a warning only
MKDOCS = (
    "site_name: Test\nsite_url: https://test.example.pl/\nplugins:\n  - consultations:\n"
    "      privacy_notice: https://test.example.pl/ochrona-danych/\n"
    "      easy_read_page: https://test.example.pl/etr/\n"
    "      sign_language_page: https://test.example.pl/pjm/\n"
)


def site(tmp_path: Path, yml: str = VALID_YML, mkdocs: str = MKDOCS) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    write_campaign(tmp_path, yml)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def unescape_data(value: str) -> str:
    """What GitHub's runner does to a workflow command's message."""
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(value: str) -> str:
    return unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """Parse `::kind k=v,k=v::message` the way the runner does."""
    match = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match.group(2).split(","))
    return match.group(1), {k: unescape_property(v) for k, v in props.items()}, unescape_data(match.group(3))


# ---------------------------------------------------------------- check: text


def test_check_valid_site_exits_0_in_polish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--root", str(site(tmp_path)))
    assert code == 0
    assert out == "Wszystko w porządku. Sprawdzone konsultacje: 1.\n"


def test_check_reports_every_problem_with_location_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "check", "--root", str(site(tmp_path, BAD_YML)))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "campaigns/program-testowy/campaign.yml:6:1: closes: dzień „2025-02-30” nie istnieje w kalendarzu"
    assert lines[1] == "  Jak poprawić: sprawdź dzień i miesiąc, np. closes: 2025-09-26"
    assert lines[2].startswith("campaigns/program-testowy/campaign.yml:10:1: closess: nieznane pole „closess”")
    assert lines[-1] == "Znaleziono: błędy 2, ostrzeżenia 0 (plików: 1)."


def test_check_lang_en_and_site_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site(tmp_path, BAD_YML)
    code, out = run(capsys, "check", "--root", str(root), "--lang", "en")
    assert code == 1 and "How to fix: check the day and month" in out and "Jak poprawić" not in out
    (root / "mkdocs.yml").write_text(MKDOCS + "theme:\n  name: material\n  language: en\n", encoding="utf-8")
    code, out = run(capsys, "check", "--root", str(root))
    assert out.splitlines()[-1] == "Found: errors 2, warnings 0 (files: 1)."


def test_warnings_fail_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site(tmp_path, SHORT_YML)
    code, out = run(capsys, "check", "--root", str(root))
    assert code == 0
    assert "ostrzeżenie: closes: konsultacje trwają 9 dni" in out
    code, _ = run(capsys, "check", "--root", str(root), "--strict")
    assert code == 1
    (root / "campaigns/program-testowy/campaign.yml").write_text(
        SHORT_YML + "accept_warnings: [short_consultation]\n", encoding="utf-8")
    code, out = run(capsys, "check", "--root", str(root), "--strict")
    assert code == 0, out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--format", "xml"])
    assert exc.value.code == 2


def test_check_runs_as_a_console_script(tmp_path: Path) -> None:
    root = site(tmp_path, BAD_YML)
    consult = Path(sys.executable).parent / "consult"
    result = subprocess.run([str(consult), "check"], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "campaigns/program-testowy/campaign.yml:6:1: closes:" in result.stdout



@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a Unix thing")
def test_check_reports_a_fifo_instead_of_waiting_on_it(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "campaigns" / "program-testowy" / "announcements").mkdir()
    os.mkfifo(root / "campaigns" / "program-testowy" / "announcements" / "2025-09-10.md")
    consult = Path(sys.executable).parent / "consult"
    result = subprocess.run([str(consult), "check"], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert ("campaigns/program-testowy/announcements/2025-09-10.md: „announcements/2025-09-10.md” "
            "nie jest zwykłym plikiem") in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a Unix thing")
def test_check_reports_a_fifo_named_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site(tmp_path)
    (root / "mkdocs.yml").unlink()
    os.mkfifo(root / "mkdocs.yml")
    code, out = run(capsys, "check", "--root", str(root))
    assert code == 1
    assert out.startswith("mkdocs.yml: „mkdocs.yml” nie jest zwykłym plikiem")


def test_check_with_an_invalid_source_date_epoch_says_so_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "jutro")
    code = cli.main(["check", "--root", str(site(tmp_path)), "--lang", "en"])
    assert code == 1
    assert capsys.readouterr().err == (
        "SOURCE_DATE_EPOCH: the environment variable SOURCE_DATE_EPOCH is 'jutro', but it must be a number "
        "of seconds since 1970-01-01\n  How to fix: set it to a number, e.g. "
        "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it\n"
    )


# ---------------------------------------------------------------- check: github


def test_github_annotations_point_at_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    code, out = run(capsys, "check", "--root", str(site(tmp_path, BAD_YML)), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    kind, props, message = parse_annotation(lines[0])
    assert kind == "error"
    assert props == {"file": "campaigns/program-testowy/campaign.yml", "line": "6", "col": "1", "title": "closes"}
    assert message == "dzień „2025-02-30” nie istnieje w kalendarzu\nJak poprawić: sprawdź dzień i miesiąc, np. closes: 2025-09-26"
    assert parse_annotation(lines[1])[1]["line"] == "10"
    assert lines[-1] == "Znaleziono: błędy 2, ostrzeżenia 0 (plików: 1)."  # plain text for the log


def test_github_warning_annotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--root", str(site(tmp_path, SHORT_YML)), "--format", "github", "--strict")
    assert code == 1
    kind, props, _ = parse_annotation(out.splitlines()[0])
    assert kind == "warning" and props["title"] == "closes"


def test_github_paths_are_relative_to_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path / "strony" / "mops", BAD_YML)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    _, out = run(capsys, "check", "--root", str(root), "--format", "github")
    assert parse_annotation(out.splitlines()[0])[1]["file"] == "strony/mops/campaigns/program-testowy/campaign.yml"


def test_github_escaping_survives_special_characters() -> None:
    problem = Problem("campaigns/a,b:c/100%.md", "config",
                      {"detail": "50% done\r\nline two, with: colons", "fix": "a::b"}, 3, 1, "x,y:z")
    line = format_github(problem)
    assert "\n" not in line and "\r" not in line
    kind, props, message = parse_annotation(line)
    assert props == {"file": "campaigns/a,b:c/100%.md", "line": "3", "col": "1", "title": "x,y:z"}
    assert message == "50% done\r\nline two, with: colons\nJak poprawić: a::b"


def test_github_problem_without_line_is_a_file_annotation() -> None:
    kind, props, _ = parse_annotation(format_github(Problem("campaigns/x/index.md", "index_missing")))
    assert props == {"file": "campaigns/x/index.md", "title": "consult check"}


# ---------------------------------------------------------------- check: json and gitlab


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", "--root", str(site(tmp_path, BAD_YML)), "--format", "json", "--lang", "en")
    assert code == 1
    items = json.loads(out)
    assert items[0] == {
        "path": "campaigns/program-testowy/campaign.yml", "line": 6, "column": 1, "field": "closes",
        "severity": "error", "code": "cx_date_impossible",
        "message": "the day '2025-02-30' does not exist", "fix": "check the day and month, e.g. closes: 2025-09-26",
    }
    code, out = run(capsys, "check", "--root", str(site(tmp_path)), "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_gitlab_code_quality_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site(tmp_path, BAD_YML)
    _, out = run(capsys, "check", "--root", str(root), "--format", "gitlab")
    items = json.loads(out)
    assert [i["location"] for i in items] == [
        {"path": "campaigns/program-testowy/campaign.yml", "lines": {"begin": 6}},
        {"path": "campaigns/program-testowy/campaign.yml", "lines": {"begin": 10}},
    ]
    assert {i["severity"] for i in items} == {"major"}
    assert items[0]["check_name"] == "cx_date_impossible"
    assert items[0]["description"].startswith("closes: dzień „2025-02-30” nie istnieje")
    assert len({i["fingerprint"] for i in items}) == 2
    # The same problem keeps its fingerprint when lines above it move.
    (root / "campaigns/program-testowy/campaign.yml").write_text("# komentarz\n" + BAD_YML, encoding="utf-8")
    _, moved = run(capsys, "check", "--root", str(root), "--format", "gitlab")
    assert [i["fingerprint"] for i in json.loads(moved)] == [i["fingerprint"] for i in items]
    assert json.loads(moved)[0]["location"]["lines"]["begin"] == 7


# ---------------------------------------------------------------- new


def test_new_scaffolds_a_campaign_that_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mkdocs = MKDOCS.replace("  - consultations:\n", "  - consultations:\n      organisation:\n"
                            "        name: Urząd Testowy\n        email: biuro@urzad.example.pl\n")
    (tmp_path / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    title = 'Program „Rodzina” 2026: "nowe" zasady #1'
    code, out = run(capsys, "new", title, "--root", str(tmp_path))
    assert code == 0
    folder = tmp_path / "campaigns" / "program-rodzina-2026-nowe-zasady-1"
    assert "Co dalej:" in out and "consult check" in out and "campaigns/program-rodzina-2026-nowe-zasady-1/" in out
    data = yaml.safe_load((folder / "campaign.yml").read_text(encoding="utf-8"))
    assert data["title"] == title
    assert data["organizer"] == "Urząd Testowy"  # inferred from mkdocs.yml, not asked
    assert data["respond"][0]["value"] == "biuro@urzad.example.pl"
    assert (folder / "files").is_dir()
    _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert problems == []


def test_new_refuses_to_overwrite_and_needs_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["new", "Program", "--root", str(tmp_path)]) == 2
    assert "mkdocs.yml" in capsys.readouterr().err
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    assert cli.main(["new", "Program", "--root", str(tmp_path)]) == 0
    assert cli.main(["new", "Program", "--root", str(tmp_path)]) == 1
    assert "już istnieje" in capsys.readouterr().err
    assert cli.main(["new", "!!!", "--root", str(tmp_path)]) == 2


@pytest.mark.parametrize(("slug", "suggestion"), [
    ("../poza", "poza"), ("a/b", "a-b"), ("..", "program"), ("Zła Nazwa", "zla-nazwa"),
    ("Program", "program"), ("żółw", "zolw"), ("-program", "program"), ("program--2026", "program-2026"), ("", "program"),
])
def test_new_refuses_a_slug_that_is_no_folder_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str, suggestion: str
) -> None:
    root = tmp_path / "strona"
    root.mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    assert cli.main(["new", "Program", f"--slug={slug}", "--root", str(root)]) == 2, slug
    err = capsys.readouterr().err
    assert err.startswith(f"--slug: „{slug}” nie nadaje się na nazwę folderu"), err
    assert f"Jak poprawić: podaj np. --slug {suggestion}\n" in err
    assert "Traceback" not in err
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, inside campaigns/ or beside it


def test_new_honours_a_valid_slug(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    code, out = run(capsys, "new", "Program Wspierania Rodziny 2025–2027", "--slug", "rodzina-2025", "--root",
                    str(tmp_path))
    assert code == 0
    assert "Utworzono campaigns/rodzina-2025/campaign.yml" in out
    assert [p.name for p in (tmp_path / "campaigns").iterdir()] == ["rodzina-2025"]
    data = yaml.safe_load((tmp_path / "campaigns" / "rodzina-2025" / "campaign.yml").read_text(encoding="utf-8"))
    assert data["title"] == "Program Wspierania Rodziny 2025–2027"
    _, problems = check_campaigns(tmp_path / "campaigns", tmp_path, TZ)
    assert problems == []


# ---------------------------------------------------------------- init

INIT_ARGS = ("--name", "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "--url", "https://konsultacje.tarnow.example.pl",
             "--email", "mops@tarnow.example.pl", "--phone", "14 688 00 00", "--address", "ul. Słoneczna 1, 33-100 Tarnów")


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by `consult init`, the way a user runs it (a subprocess, in another folder)."""
    cwd = tmp_path_factory.mktemp("init")
    consult = Path(sys.executable).parent / "consult"
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    result = subprocess.run([str(consult), "init", "tarnow", *INIT_ARGS], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Co dalej:" in result.stdout and "cd tarnow" in result.stdout
    return cwd / "tarnow"


def test_init_site_passes_check_and_builds(new_site: Path, tmp_path: Path) -> None:
    consult = Path(sys.executable).parent / "consult"
    checked = subprocess.run([str(consult), "check"], cwd=new_site, capture_output=True, text=True,
                             env={**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}, timeout=120)
    assert checked.returncode == 0, checked.stdout
    # What only the organisation can write is a warning each; --phone was given, so not the phone.
    warned = re.findall(r"accessibility_statement\.([\w.]+): w polu .*„\(do uzupełnienia\)”", checked.stdout)
    assert warned == ["architecture", "communication", "inaccessible"], checked.stdout
    # The data-protection notice is a placeholder page too, named by its line.
    assert re.search(r"^content/ochrona-danych\.md:\d+: ostrzeżenie: klauzula RODO zawiera jeszcze „\(do uzupełnienia\)”",
                     checked.stdout, re.M), checked.stdout
    # So are the easy-to-read and sign-language pages, and the files they need are not there yet.
    assert re.search(r"^content/etr\.md:\d+: ostrzeżenie: strona w tekście łatwym", checked.stdout, re.M)
    assert re.search(r"^content/pjm\.md:\d+: ostrzeżenie: strona z informacjami w polskim języku migowym",
                     checked.stdout, re.M)
    missing = re.findall(r"^mkdocs\.yml: ostrzeżenie: plugins\.consultations\.(\w+): nie ma pliku", checked.stdout, re.M)
    assert missing == ["easy_read_text_file", "sign_language_video", "sign_language_captions"], checked.stdout
    assert "Znaleziono: błędy 0, ostrzeżenia 9" in checked.stdout
    assert not (new_site / "theme").exists()  # the theme comes from the package
    built = build_site(new_site, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "konsultacje" / scaffold.EXAMPLE_SLUG / "index.html").read_text(encoding="utf-8")
    assert "Przykładowa konsultacja" in page and "dla-redaktorow.md" in page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Miejski Ośrodek Pomocy Społecznej w Tarnowie" in home
    # theme/main.html reached the new site through the package: the feeds are linked in the head.
    assert '<link rel="alternate" type="application/rss+xml"' in home
    assert 'href="https://konsultacje.tarnow.example.pl/kalendarz/wszystkie.ics"' in home
    assert "mops.krakow" not in home and "Kraków" not in home


def test_init_writes_the_organisation_into_mkdocs_yml(new_site: Path) -> None:
    config = yaml.load((new_site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader)
    assert config["site_url"] == "https://konsultacje.tarnow.example.pl/"
    assert config["site_name"] == "Konsultacje społeczne: Miejski Ośrodek Pomocy Społecznej w Tarnowie"
    options = next(p["consultations"] for p in config["plugins"] if isinstance(p, dict) and "consultations" in p)
    assert options["organisation"] == {
        "name": "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "short_name": "MOPS",
        "address": "ul. Słoneczna 1, 33-100 Tarnów", "email": "mops@tarnow.example.pl", "phone": "14 688 00 00",
    }
    statement = options["accessibility_statement"]
    assert statement and "mops.krakow" not in json.dumps(statement, default=str)
    assert all(page for entry in config["nav"] for page in entry.values())
    generated = {"konsultacje/index.md", "kalendarz/index.md", "archiwum/index.md"}  # made by the plugin
    for entry in config["nav"]:
        target = next(iter(entry.values()))
        assert not target.endswith(".md") or target in generated or (new_site / "content" / target).is_file()


def test_init_matches_the_repository_where_sites_share_files(new_site: Path) -> None:
    for rel in (".github/workflows/site.yml", ".gitlab-ci.yml", ".vscode/settings.json",
                ".vscode/extensions.json", "schema/campaign.schema.json", "docs/dla-redaktorow.md"):
        assert (new_site / rel).read_bytes() == (REPO / rel).read_bytes(), rel
    ours = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader)
    theirs = yaml.load((new_site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader)
    site_keys = {"site_name", "site_url", "site_description", "repo_url", "edit_uri", "copyright", "nav", "plugins"}
    ours["theme"].pop("custom_dir", None)
    assert {k: v for k, v in theirs.items() if k not in site_keys} == {k: v for k, v in ours.items() if k not in site_keys}
    plugin_names = [next(iter(p)) if isinstance(p, dict) else p for p in ours["plugins"]]
    assert [next(iter(p)) if isinstance(p, dict) else p for p in theirs["plugins"]] == plugin_names
    # The local rules are Kraków's resolution; another body sets its own (the guide says how).
    shared_options = {k: v for k, v in _consultations(ours).items()
                      if k not in {"organisation", "accessibility_statement", "today", "rules"}}
    assert {k: v for k, v in _consultations(theirs).items() if k in shared_options} == shared_options
    requirement = (new_site / "requirements.txt").read_text(encoding="utf-8")
    assert "konsultacje @ git+https://" in requirement


def _consultations(config: dict[str, object]) -> dict[str, object]:
    for plugin in config["plugins"]:  # type: ignore[attr-defined]
        if isinstance(plugin, dict) and "consultations" in plugin:
            return dict(plugin["consultations"] or {})
    return {}


# Each option of `consult init`, a value no default has, and where the option must show in the new site.
INIT_OPTIONS: dict[str, tuple[str, list[tuple[str, tuple[str, ...]]]]] = {
    "--name": ("Gminny Ośrodek Pomocy Społecznej w Zawoi", [
        ("mkdocs.yml", ("plugins", "consultations", "organisation", "name")), ("mkdocs.yml", ("copyright",)),
        ("mkdocs.yml", ("site_description",)), ("content/index.md", ())]),
    "--short-name": ("GOPS Zawoja", [
        ("mkdocs.yml", ("plugins", "consultations", "organisation", "short_name")), ("mkdocs.yml", ("site_name",))]),
    "--url": ("https://konsultacje.zawoja.example.pl/", [("mkdocs.yml", ("site_url",))]),
    "--email": ("gops@zawoja.example.pl", [
        ("mkdocs.yml", ("plugins", "consultations", "organisation", "email")),
        ("mkdocs.yml", ("plugins", "consultations", "accessibility_statement", "contact", "email")),
        ("content/o-konsultacjach.md", ())]),
    "--phone": ("33 877 50 00", [
        ("mkdocs.yml", ("plugins", "consultations", "organisation", "phone")),
        ("mkdocs.yml", ("plugins", "consultations", "accessibility_statement", "contact", "phone")),
        ("content/o-konsultacjach.md", ())]),
    "--address": ("ul. Górska 7, 34-222 Zawoja", [
        ("mkdocs.yml", ("plugins", "consultations", "organisation", "address")), ("content/o-konsultacjach.md", ())]),
    "--repo-url": ("https://gitlab.example.pl/gops/konsultacje", [("mkdocs.yml", ("repo_url",))]),
    "--requirement": ("konsultacje==9.9.9", [("requirements.txt", ())]),
}


def _setting(config: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if isinstance(config, list):  # plugins: a list of names and one-key mappings
            config = next(p for p in config if isinstance(p, dict) and key in p)
        config = config[key]
    return config


def test_every_init_option_reaches_the_file_it_configures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    options = {a for action in _subparser("init")._actions for a in action.option_strings} - {"-h", "--help"}
    assert options == set(INIT_OPTIONS), "an option of `consult init` without a test below, or one that is gone"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    argv = [part for option, (value, _) in INIT_OPTIONS.items() for part in (option, value)]
    assert cli.main(["init", str(tmp_path / "zawoja"), *argv]) == 0, capsys.readouterr().err
    config = yaml.load((tmp_path / "zawoja" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=cli._LenientLoader)
    for option, (value, places) in INIT_OPTIONS.items():
        for rel, keys in places:
            if keys:
                found = str(_setting(config, keys))
                assert value in found, f"{option} {value!r} did not reach {rel}: {'.'.join(keys)} is {found!r}"
            else:
                text = (tmp_path / "zawoja" / rel).read_text(encoding="utf-8")
                assert value in text, f"{option} {value!r} did not reach {rel}"
    assert config["site_name"] == "Konsultacje społeczne: GOPS Zawoja"
    assert config["edit_uri"] == "edit/main/content/"  # the edit links open the site's own pages
    assert (tmp_path / "zawoja" / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == "konsultacje==9.9.9"


def _subparser(name: str) -> argparse.ArgumentParser:
    sub = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def test_init_refuses_a_folder_with_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Moja\n", encoding="utf-8")
    assert cli.main(["init", str(tmp_path)]) == 1
    assert "mkdocs.yml" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Moja\n"
    assert cli.main(["init", str(tmp_path / "x"), "--url", "konsultacje.pl"]) == 2


def test_init_config_keeps_tags_and_swaps_the_statement() -> None:
    source = textwrap.dedent("""\
        site_name: Konsultacje MOPS Kraków
        site_url: https://konsultacje.mops.example.pl/
        theme:
          name: material
          custom_dir: theme
        plugins:
          - search
          - consultations:
              today: 2025-09-01
              organisation:
                name: MOPS w Krakowie
                email: mops@mops.krakow.pl
              accessibility_statement:
                prepared: 2020-09-23
                contact:
                  email: mops@mops.krakow.pl
                architecture: Budynek MOPS w Krakowie ma windę.
                status: częściowo zgodna
        nav:
          - Start: index.md
          - O nas: o-nas.md
          - Blog: https://blog.example.pl/
        markdown_extensions:
          - pymdownx.emoji:
              emoji_generator: !!python/name:material.extensions.emoji.to_svg
          - toc:
              permalink: !ENV [PERMALINK, false]
        """)
    facts = siteconfig.SiteFacts(name="Urząd Gminy Testowo", url="https://t.example.pl", email="ug@t.example.pl")
    import datetime as dt
    text = siteconfig.site_config(source, facts, dt.date(2026, 1, 2), Path("/nonexistent"), {"index.md"})
    assert "!!python/name:material.extensions.emoji.to_svg" in text
    assert "!ENV" in text and "PERMALINK" in text
    config = yaml.load(text, Loader=cli._LenientLoader)
    assert "custom_dir" not in config["theme"]
    assert config["nav"] == [{"Start": "index.md"}, {"Blog": "https://blog.example.pl/"}]
    options = config["plugins"][1]["consultations"]
    assert "today" not in options
    assert options["accessibility_statement"] == {
        "prepared": "2026-01-02", "published": "2026-01-02", "updated": "2026-01-02", "reviewed": "2026-01-02",
        "contact": {"email": "ug@t.example.pl", "phone": "(do uzupełnienia)"}, "status": "częściowo zgodna",
        "architecture": "(do uzupełnienia)", "communication": "(do uzupełnienia)", "inaccessible": ["(do uzupełnienia)"],
    }
    assert config["site_name"] == "Konsultacje społeczne: Urząd Gminy Testowo"
    assert config["plugins"][1]["consultations"]["organisation"]["short_name"] == "UGT"


def test_guide_new_site_and_new_consultation_work_as_printed(tmp_path: Path) -> None:
    """The guide's `consult init` block, then its `consult new` example, typed as printed."""
    commands = shell_commands(GUIDE)
    start = next(i for i, c in enumerate(commands) if c.startswith(".venv/bin/consult init "))
    # Making a venv and installing from the repository need the network: a link to ours stands in.
    assert commands[start - 2:start] == [
        "python3 -m venv .venv", '.venv/bin/pip install "konsultacje @ git+https://github.com/mops-krakow/konsultacje@main"']
    (tmp_path / ".venv").symlink_to(VENV_BIN.parent, target_is_directory=True)
    init, cd, check, serve = commands[start:start + 4]
    assert (cd, serve) == ("cd moja-strona", "../.venv/bin/mkdocs serve")  # a server: built below instead
    assert type_command(init, tmp_path, tmp_path).returncode == 0
    site = tmp_path / cd.split()[1]
    checked = type_command(check, site, tmp_path)
    assert checked.returncode == 0, checked.stdout
    # --phone given: the statement's three texts, the data-protection notice, the ETR and PJM
    # pages and their three files remain
    assert "Znaleziono: błędy 0, ostrzeżenia 9" in checked.stdout
    new = documented(GUIDE, "consult new ")
    assert type_command(new, site, tmp_path).returncode == 0
    promised = re.search(r"\(`(campaigns/[a-z0-9-]+)/`\)", GUIDE.read_text(encoding="utf-8"))
    assert promised and promised[1] == "campaigns/program-wspierania-rodziny-w-krakowie-na-lata-2025-2027"
    assert (site / promised[1] / "campaign.yml").is_file()
    assert type_command("consult check", site, tmp_path).returncode == 0
    assert build_site(site, tmp_path / "built").returncode == 0
