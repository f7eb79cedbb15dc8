"""`consult generate` and `consult build --engine …`: the example site built by ProperDocs and by
Zensical has the same consultation pages as the plugin's `mkdocs build`; a page an engine drops
stops the build; nothing incomplete is published.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.calendars import ical
from generator.engine import external as engines
from generator.outputs import read_index
from generator.source.errors import ConsultationsError, Problem, format_text

from .conftest import REPO, TODAY_EPOCH, consult_build
from .tools import require

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
# Known differences, all outside the page's own text, removed before comparing (see README):
# - every engine: pages generated without a source file to edit (lists, calendar, search) are
#   files on disk, so Material's `{% if page.edit_url %}` block leaves its blank lines (MkDocs
#   gives in-memory files no edit URL); the repair removes any edit link, the whitespace stays;
# - Zensical: its content template puts the skip link's target inside the article, and its
#   MiniJinja leaves blank lines where Jinja2's whitespace control leaves none.
ZENSICAL_SKIP = '<a id="__skip" tabindex="-1"></a>'


def articles(site: Path) -> dict[str, str]:
    """Every page's <article> (consultations, lists, calendar, hand-written pages), by its path in the site."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        assert match, f"{page} has no article"
        found[page.relative_to(site).as_posix()] = match.group(0)
    return found


def normalised(article: str) -> str:
    """An article without Zensical's known differences: its skip target and blank lines."""
    return "\n".join(line for line in article.replace(ZENSICAL_SKIP, "").splitlines() if line.strip())


def engine_installed(name: str) -> None:
    require(importlib.util.find_spec(name) is not None, f"the {name} engine (pip install 'konsultacje[engines]')")


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_engine_builds_the_same_consultation_pages_as_the_plugin(
    engine: str, example_site: Path, tmp_path: Path
) -> None:
    engine_installed(engine)
    site = tmp_path / "site"
    result = consult_build(engine, site)
    assert result.returncode == 0, result.stderr
    expected, built = articles(example_site), articles(site)
    consultations = [path for path in expected if re.fullmatch(r"konsultacje/[^/]+/index\.html", path)]
    assert len(consultations) == 4 and built.keys() == expected.keys()
    if engine == "properdocs":  # a consultation's page is byte for byte the plugin's
        assert [path for path in consultations if expected[path] != built[path]] == []
    differ = [path for path in expected if normalised(expected[path]) != normalised(built[path])]
    assert differ == [], f"{engine} renders these pages differently from the plugin"
    page = (site / "konsultacje" / "program-wspierania-rodziny-2025-2027" / "index.html").read_text(encoding="utf-8")
    # The repairs the plugin makes while MkDocs renders are made on the engine's files.
    assert '<meta http-equiv="Content-Security-Policy"' in page and "<!--cx:editor-->" not in page
    assert 'autocomplete="off"' not in page.split('id="cx-header-q"')[0]
    # The theme's values come from mkdocs.yml's extra, with no plugin to set them.
    assert 'class="cx-footer-links"' in page and '<meta name="deklaracja-dostępności"' in page
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"program-wspierania-rodziny-2025-2027/</loc>\s*<lastmod>2025-", sitemap)


def test_generate_writes_a_tree_that_needs_no_plugin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "zrodlo"
    assert cli.main(["generate", str(target), "--root", str(REPO)]) == 0
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "consultations" not in str(config["plugins"])
    assert config["theme"]["custom_dir"] == "theme" and (target / "theme" / "main.html").is_file()
    assert config["extra"]["consultations"]["search_url"] == "szukaj/"
    assert config["nav"] == yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    page = (target / "docs" / "konsultacje" / "program-wspierania-rodziny-2025-2027" / "index.md").read_text(encoding="utf-8")
    assert page.startswith("---\n") and "edit_path:" in page
    # Our Markdown extension is listed, and each generated page names its HTML blocks for it.
    assert config["markdown_extensions"][-1] == "generator.engine.markdown_blocks"
    index = read_index(page)
    assert index is not None and len(index[1]) > 5 and page.count("<!-- html-blocks") == 1
    hand_written = (target / "docs" / "o-konsultacjach.md").read_text(encoding="utf-8")
    assert hand_written.endswith("\n\n<!-- html-blocks -->\n") and read_index(hand_written) == (
        len(hand_written) - len("<!-- html-blocks -->\n"), []
    )
    for other in ("kalendarz/wszystkie.ics", "feeds/konsultacje.xml", "api/konsultacje.json", "szukaj/indeks.json"):
        assert (target / "docs" / other).is_file(), other
    assert "Zapisano źródło strony" in capsys.readouterr().out
    # A folder holding something is never overwritten.
    assert cli.main(["generate", str(target), "--root", str(REPO)]) == 1
    assert "nie jest pusty" in capsys.readouterr().err


def test_a_problem_a_stage_finds_is_a_message_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The calendar stage alone can tell that no VTIMEZONE states the site's zone for some time."""
    problem = Problem("mkdocs.yml", "timezone_calendar", {"tz": "Europe/Warsaw", "times": "2025-03-30 02:30"},
                      field="plugins.consultations.timezone")

    def refuse(*args: object) -> None:
        raise ConsultationsError([problem])

    monkeypatch.setattr(ical, "iter_calendars", refuse)
    target = tmp_path / "zrodlo"
    assert cli.main(["generate", str(target), "--root", str(REPO)]) == 1
    assert format_text(problem, "pl") in capsys.readouterr().err
    assert not target.exists() or not any(target.iterdir())


def test_a_page_the_engine_drops_stops_the_build_and_nothing_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    real = engines.run_engine

    def dropping(*args: object, **kwargs: object) -> Path:  # an engine that skips one page silently
        built = real(*args, **kwargs)  # type: ignore[arg-type]
        (built / "konsultacje" / "program-wspierania-rodziny-2025-2027" / "index.html").unlink()
        return built

    monkeypatch.setattr(engines, "run_engine", dropping)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    assert cli.main(["build", "--engine", "mkdocs", "--root", str(REPO), "-d", str(site)]) == 1
    err = capsys.readouterr().err
    assert "silnik mkdocs nie zbudował tych plików strony (liczba: 1): konsultacje/program-wspierania-rodziny-2025-2027/index.html" in err
    assert "Traceback" not in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or source folder left behind


@pytest.mark.parametrize("argv", [["build", "--engine", "hugo"], ["build", "--engine", "hugo", "--lang", "en"]])
def test_an_unknown_engine_gets_a_message_not_a_traceback(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*argv, "--root", str(REPO)]) == 2
    err = capsys.readouterr().err
    assert "hugo" in err and "mkdocs, properdocs, zensical" in err and "Traceback" not in err


def test_an_engine_that_fails_leaves_the_site_and_says_what_it_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess([], 1, "", "Error: site_dir must be within project root\n")

    site = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    monkeypatch.setattr(engines.subprocess, "run", failing)
    assert cli.main(["build", "--engine", "zensical", "--root", str(REPO), "-d", str(site), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "the zensical engine stopped the build; the site is unchanged. It said:\nError: site_dir" in err
    assert not site.exists()


def test_an_engine_that_is_not_installed_is_named(tmp_path: Path) -> None:
    with pytest.raises(engines.EngineError) as caught:
        engines.command("no-such-engine", tmp_path / "mkdocs.yml", strict=False)
    assert caught.value.problem.code == "engine_not_installed"
    assert "silnik no-such-engine nie jest zainstalowany" in caught.value.problem.message("pl")[0]


# Methods on strings and mappings are Jinja2's (Python's); Zensical's MiniJinja has none of them.
_PYTHON_METHOD = re.compile(r"\.(get|startswith|endswith|split|lower|upper|strip|format|join|items|keys|values)\(")


def test_theme_templates_use_only_syntax_zensical_shares() -> None:
    found = [f"{path.relative_to(REPO)}: {match.group(0)}" for path in sorted((REPO / "theme").rglob("*.html"))
             for match in _PYTHON_METHOD.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("command", [["build", "--engine", "zensical"], ["generate"]])
def test_a_broken_mkdocs_yml_gets_its_message_once(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - consultations:\n      timezone: [\n", encoding="utf-8")
    target = [str(tmp_path / "zrodlo")] if command == ["generate"] else []
    assert cli.main([*command, *target, "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml:5:1: błąd składni YAML" in err and "Traceback" not in err
    assert err.strip().endswith("Znaleziono: błędy 1, ostrzeżenia 0 (plików: 1).")


def test_another_engine_warns_about_the_same_site_pages_as_the_check(tmp_path: Path) -> None:
    """A new site built with ProperDocs is told of the placeholder ETR and PJM pages, like `consult check`."""
    engine_installed("properdocs")
    consult = str(Path(sys.executable).parent / "consult")
    subprocess.run([consult, "init", str(tmp_path / "strona"), "--name", "Fundacja Przykładowa",
                    "--url", "https://konsultacje.example.pl/", "--email", "biuro@example.pl"],
                   check=True, capture_output=True, text=True)
    site = tmp_path / "strona"
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    check = subprocess.run([consult, "check"], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    build = subprocess.run([consult, "build", "--engine", "properdocs"], cwd=site, env=env,
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    for page in ("content/etr.md", "content/pjm.md"):
        assert page in check.stdout + check.stderr and page in build.stderr, page
