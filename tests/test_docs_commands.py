"""Every command line README.md and the editors' guide print is run as printed, or parsed with all its options.

The ledger below names, for each printed line, how it is held: run here in a new site (with its
documented effect asserted), run by another test, parsed by its own program's option parser
(too long to run: benchmarks, the whole suite), or not runnable here (it needs the package
index or a remote). A line added to or changed in the documents without a ledger entry fails,
so a typo in an option cannot pass unnoticed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli

from .conftest import REPO
from .docs_commands import GUIDE, README, VENV_BIN, printed_commands, type_command
from .tools import require

RUN = "run here"  # typed in a new site by this file, its effect asserted
PARSE = "parsed"  # its own parser reads every option (make: the target exists, `make -n`)
NAME = "a name in a sentence"  # the program or subcommand named, not a line to type
OFFLINE = "needs the package index or a remote"
PREVIEW = "tests/test_preview.py"
ARTIFACT = "tests/test_preview_artifact.py"  # run as printed on an unzipped pull-request preview
GUIDE_TEST = "tests/test_cli.py::test_guide_new_site_and_new_consultation_work_as_printed"

README_INIT = ('consult init moja-strona --name "Miejski Ośrodek Pomocy Społecznej w Tarnowie" '
               "--url https://konsultacje.tarnow.example.pl/ --email konsultacje@tarnow.example.pl")
GUIDE_INIT = ('.venv/bin/consult init moja-strona --name "Miejski Ośrodek Pomocy Społecznej w Tarnowie" '
              '--url https://konsultacje.example.pl/ --email konsultacje@example.pl --phone "14 000 00 00" '
              '--address "ul. Przykładowa 1, 33-100 Tarnów"')

LEDGER: dict[Path, dict[str, str]] = {
    README: {
        "make site": PARSE, "make test": PARSE, "make test PYTEST_JOBS=0": PARSE, README_INIT: RUN, "make bench": PARSE,
        ".venv/bin/python benchmarks/bench.py -n 1000 --runs 3": PARSE,
        ".venv/bin/python benchmarks/bench.py -n 2000 --runs 1 --blog": PARSE,
        ".venv/bin/python benchmarks/bench.py -n 500 --engine properdocs --engine zensical": PARSE,
        ".venv/bin/python benchmarks/scale.py": PARSE, ".venv/bin/python benchmarks/preview.py": PARSE,
        "make": NAME, "consult": NAME, "consult init": NAME, "consult check": RUN,
        'consult new "Program Wspierania Rodziny 2025–2027"': RUN,
        "make serve": PREVIEW, ".venv/bin/mkdocs serve": PREVIEW, "consult schema": RUN, "make schema": PARSE,
        "consult check --format github": RUN, "make lint": PARSE, "make fuzz": PARSE, "mkdocs serve": PREVIEW,
        "consult check --strict": RUN, "git log": NAME, "git cat-file --batch": NAME, "make snapshots": PARSE,
        "git diff tests/": RUN,
        "python scripts/screenshots.py site/ shots/ --clock 2025-09-01T10:00:00+02:00": PARSE,
        "mkdocs serve --dirty": PREVIEW, "mkdocs build": RUN,
        "consult generate zrodlo-strony": RUN, "consult build --engine properdocs": RUN,
        "consult build --engine zensical": RUN, "consult generate": NAME, "consult build": NAME, "mkdocs": NAME,
    },
    GUIDE: {
        "python3 -m venv .venv": OFFLINE,
        '.venv/bin/pip install "konsultacje @ git+https://github.com/mops-krakow/konsultacje@main"': OFFLINE,
        GUIDE_INIT: GUIDE_TEST, "cd moja-strona": GUIDE_TEST, "../.venv/bin/consult check": GUIDE_TEST,
        "../.venv/bin/mkdocs serve": PREVIEW,
        'consult new "Program Wspierania Rodziny w Krakowie na lata 2025–2027"': RUN,
        ".venv/bin/pip install -r requirements.txt": OFFLINE, ".venv/bin/consult check": RUN,
        ".venv/bin/mkdocs serve": PREVIEW, "consult check": RUN, "consult init": NAME,
        "git init": RUN, "git add -A": RUN, 'git commit -m "Nowa strona"': RUN, "git push": OFFLINE,
        "consult new": NAME, "mkdocs build": RUN, "make serve": PREVIEW,
        "python3 -m http.server 8642 --bind 127.0.0.1 --directory podglad-strony": ARTIFACT, "python3": NAME,
        "consult check --strict": RUN,
        '.venv/bin/pip install "konsultacje[engines] @ git+https://github.com/mops-krakow/konsultacje@main"': OFFLINE,
        ".venv/bin/consult build --engine properdocs": RUN, ".venv/bin/consult build --engine zensical": RUN,
        "consult build --engine": NAME, "mkdocs": NAME, "consult generate": NAME, "consult build": NAME,
    },
}


@pytest.mark.parametrize("doc", [README, GUIDE], ids=lambda d: d.name)
def test_every_printed_command_is_in_the_ledger(doc: Path) -> None:
    printed = printed_commands(doc)
    unheld = [line for line in printed if line not in LEDGER[doc]]
    gone = [line for line in LEDGER[doc] if line not in printed]
    assert unheld == [], f"{doc.name} prints these lines that no test runs or parses: add each to LEDGER"
    assert gone == [], f"{doc.name} no longer prints these lines: remove them from LEDGER"


def _lines(kind: str) -> list[tuple[Path, str]]:
    return [(doc, line) for doc, lines in LEDGER.items() for line, how in lines.items() if how == kind]


def _ids(case: tuple[Path, str]) -> str:
    return f"{case[0].name}:{case[1]}"


# ---------------------------------------------------------------- parsed with every option

# Runs a script up to its option parsing: the real parser reads the printed options, then it stops.
_PARSE_ONLY = """\
import argparse, runpy, sys
_parse = argparse.ArgumentParser.parse_args
def _stop(self, args=None, namespace=None):
    _parse(self, args, namespace)
    print("options read")
    raise SystemExit(0)
argparse.ArgumentParser.parse_args = _stop
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.parametrize("case", _lines(PARSE) + _lines(RUN) + _lines(GUIDE_TEST) + _lines(PREVIEW), ids=_ids)
def test_printed_options_exist(case: tuple[Path, str]) -> None:
    """Each line's program accepts every option it is printed with."""
    _, line = case
    argv = shlex.split(line)
    program = Path(argv[0]).name
    if program == "consult":
        try:
            cli.build_parser().parse_args(argv[1:])
        except SystemExit as exc:
            pytest.fail(f"`{line}`: consult refuses these options (exit {exc.code})")
    elif program.startswith("python"):
        parsed = subprocess.run([sys.executable, "-c", _PARSE_ONLY, *argv[1:]], cwd=REPO, capture_output=True,
                                text=True, timeout=120)
        assert parsed.stdout.strip().endswith("options read"), f"`{line}`: {parsed.stderr[-2000:]}"
    elif program == "make":
        dry = subprocess.run(["make", "-n", *argv[1:]], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert dry.returncode == 0, f"`{line}`: {dry.stderr}"
    elif program == "mkdocs":
        assert argv[1:] in (["serve"], ["serve", "--dirty"], ["build"]), line
    else:
        assert program in {"cd", "git"}, f"`{line}`: no parser known for {program}"


def test_make_schema_writes_what_consult_schema_prints() -> None:
    dry = subprocess.run(["make", "-n", "-s", "schema"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert dry.stdout.strip().splitlines()[-1] == ".venv/bin/consult schema > schema/campaign.schema.json"


# ---------------------------------------------------------------- run as printed


@pytest.fixture(scope="module")
def readme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site the README's `consult init` line makes, typed as printed."""
    home = tmp_path_factory.mktemp("readme")
    result = type_command(README_INIT, home, home)
    assert result.returncode == 0, result.stderr
    return home / "moja-strona"


@pytest.fixture
def site(readme_site: Path, tmp_path: Path) -> Path:
    """A fresh copy of that site for one test, with `.venv/` as the guide's set-up leaves it."""
    copy = tmp_path / "moja-strona"
    shutil.copytree(readme_site, copy, symlinks=True)
    (copy / ".venv").symlink_to(VENV_BIN.parent, target_is_directory=True)
    return copy


def _warnings(out: str) -> list[str]:
    return re.findall(r"accessibility_statement\.([\w.]+): ", out)


PLACEHOLDERS = ["architecture", "communication", "inaccessible", "contact.phone"]  # README's init: no --phone


@pytest.mark.parametrize("line", ["consult check", ".venv/bin/consult check"])
def test_check_as_printed_passes_a_new_site_with_its_warnings(site: Path, line: str) -> None:
    result = type_command(line, site, site.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _warnings(result.stdout) == PLACEHOLDERS
    assert "content/ochrona-danych.md:" in result.stdout  # the clause `consult init` left to fill in
    assert "content/etr.md:" in result.stdout and "content/pjm.md:" in result.stdout  # and the ETR, PJM pages
    # with the text file, the video and its captions still to be put in
    assert result.stdout.splitlines()[-1] == "Znaleziono: błędy 0, ostrzeżenia 10 (plików: 4)."


def test_strict_check_as_printed_holds_the_first_publication(site: Path) -> None:
    result = type_command("consult check --strict", site, site.parent)
    assert result.returncode == 1
    assert _warnings(result.stdout) == PLACEHOLDERS


def test_github_format_as_printed_gives_annotations(site: Path) -> None:
    result = type_command("consult check --format github", site, site.parent)
    assert result.returncode == 0
    *annotations, summary = result.stdout.splitlines()
    notice = [a for a in annotations if a.startswith("::warning file=content/ochrona-danych.md,")]
    assert len(notice) == 1, annotations  # the data-protection clause's placeholder
    pages = [a for a in annotations if a.startswith(("::warning file=content/etr.md,", "::warning file=content/pjm.md,"))]
    assert len(pages) == 2, annotations  # the easy-to-read and sign-language placeholders
    files = [a for a in annotations if "title=plugins.consultations.easy_read" in a or
             "title=plugins.consultations.sign_language" in a]
    assert len(files) == 3, annotations  # the text file, the video and the captions
    annotations = [a for a in annotations if a not in notice + pages + files]
    assert len(annotations) == 4
    fields = [re.search(r"title=plugins\.consultations\.accessibility_statement\.([\w.]+)::", a) for a in annotations]
    assert all(a.startswith("::warning file=mkdocs.yml,") for a in annotations), annotations
    assert [f[1] if f else a for f, a in zip(fields, annotations, strict=True)] == PLACEHOLDERS
    assert summary == "Znaleziono: błędy 0, ostrzeżenia 10 (plików: 4)."


def test_schema_as_printed_is_the_committed_schema(site: Path) -> None:
    result = type_command("consult schema", site, site.parent)
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads((REPO / "schema" / "campaign.schema.json").read_text(encoding="utf-8"))


def _documented_slug(doc: Path, line: str) -> str:
    """The folder the document shows beside the title it passes to `consult new` (the nearest one)."""
    text = doc.read_text(encoding="utf-8")
    at = text.index(line)
    shown = [(abs(m.start() - at), m[1]) for m in re.finditer(r"campaigns/([a-z0-9-]+)/", text)]
    assert shown, f"{doc.name} shows no campaign folder"
    return min(shown)[1]


@pytest.mark.parametrize("case", [c for c in _lines(RUN) if c[1].startswith("consult new ")], ids=_ids)
def test_new_as_printed_makes_the_documented_folder(site: Path, case: tuple[Path, str]) -> None:
    doc, line = case
    slug = _documented_slug(doc, line)
    result = type_command(line, site, site.parent)
    assert result.returncode == 0, result.stderr
    assert f"Utworzono campaigns/{slug}/campaign.yml" in result.stdout
    assert (site / "campaigns" / slug / "campaign.yml").is_file()
    checked = type_command("consult check", site, site.parent)
    assert checked.returncode == 0 and "błędy 0" in checked.stdout, checked.stdout


def test_guide_git_lines_keep_the_site_in_git_then_it_builds(site: Path) -> None:
    (site / ".venv").unlink()  # a person's .venv/ is a folder the guide's python3 -m venv made
    (site / ".venv" / "bin").mkdir(parents=True)
    (site / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    for line in ("git init", "git add -A", 'git commit -m "Nowa strona"'):
        result = type_command(line, site, site.parent)
        assert result.returncode == 0, f"`{line}`: {result.stderr}"
    log = type_command("git log --format=%s --name-only", site, site.parent).stdout
    assert log.startswith("Nowa strona\n") and "campaigns/przykladowa-konsultacja/campaign.yml" in log
    assert ".venv" not in log and "site/" not in log  # the guide's .gitignore keeps them out
    built = type_command("mkdocs build", site, site.parent)
    assert built.returncode == 0, built.stderr
    assert "Miejski Ośrodek Pomocy Społecznej w Tarnowie" in (site / "site" / "index.html").read_text(encoding="utf-8")
    assert type_command("git status --porcelain", site, site.parent).stdout == ""  # site/ is ignored


def test_git_diff_of_the_tests_runs_in_the_repository(tmp_path: Path) -> None:
    result = type_command("git diff tests/", REPO, tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", [c for c in _lines(RUN) if " build --engine " in c[1]], ids=_ids)
def test_build_with_another_engine_as_printed_publishes_the_site(site: Path, case: tuple[Path, str]) -> None:
    _, line = case
    engine = line.rsplit(" ", 1)[1]
    if importlib.util.find_spec(engine) is None:
        require(False, f"the {engine} engine (pip install 'konsultacje[engines]')")
    result = type_command(line, site, site.parent)
    assert result.returncode == 0, result.stderr
    assert f"Zbudowano stronę silnikiem {engine} i opublikowano ją w site." in result.stdout
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Miejski Ośrodek Pomocy Społecznej w Tarnowie" in home and "Content-Security-Policy" in home
    assert (site / "site" / "konsultacje" / "przykladowa-konsultacja" / "index.html").is_file()


def test_generate_as_printed_writes_the_source_tree(site: Path) -> None:
    result = type_command("consult generate zrodlo-strony", site, site.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Zapisano źródło strony w zrodlo-strony: ")
    tree = site / "zrodlo-strony"
    assert (tree / "docs" / "konsultacje" / "przykladowa-konsultacja" / "index.md").is_file()
    assert "consultations:" not in (tree / "mkdocs.yml").read_text(encoding="utf-8").split("extra:")[0]
