"""Bad input never crashes, never publishes: every case of the corpus gives located messages.

For each case of `bad_input_cases.CASES`, `consult check` (in-process) exits 1 and reports
exactly the expected errors, each with the file, the line where there is one, the field and a
fix, in Polish and in English. The cases marked `build` also run a real `mkdocs build` over a
site folder holding a previous good build, which must survive byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from generator import cli

from .bad_input_cases import (
    BASE_FILES,
    BASE_YML,
    CASES,
    INDEX,
    YML,
    Case,
    Content,
    base_mkdocs_yml,
)
from .conftest import TODAY_EPOCH, build_site
from .sitefiles import make_site, run_mkdocs, tree_digest

# What must never reach an editor: Python's own words.
_PYTHON = re.compile(r"Traceback|<class |NoneType|Error\(|\bdict\b|\bstr\b|\bint\b|pydantic|\bloc\b")


def expected_line(case: Case, path: str, line: int | str | None) -> int | None:
    """Resolve a "@text" line to the number of the line of `path` that contains text."""
    if not isinstance(line, str):
        return line
    content = {"mkdocs.yml": base_mkdocs_yml(), **BASE_FILES, **case.files}[path]
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
    numbers = [n for n, ln in enumerate(text.splitlines(), 1) if line[1:] in ln]
    assert len(numbers) == 1, f"marker {line!r} must match one line of {path}, matched {numbers}"
    return numbers[0]


def run_check(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    # As of the tests' day, like the builds: the accessibility statement's review falls due by date.
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": TODAY_EPOCH}):
        code = cli.main(["check", "--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_consult_check_reports_each_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "site-src", case.files)
    strict = ("--strict",) if case.strict else ()

    code, out = run_check(root, capsys, "--format", "json", *strict)
    assert code == 1, out
    problems: list[dict[str, Any]] = json.loads(out)
    errors = [p for p in problems if case.strict or p["severity"] == "error"]
    found = [(p["code"], p["path"], p["line"], p["field"]) for p in errors]
    wanted = [(c, p, expected_line(case, p, ln), f) for c, p, ln, f in case.expected]
    assert found == wanted

    code_pl, text_pl = run_check(root, capsys, *strict)
    code_en, text_en = run_check(root, capsys, "--lang", "en", *strict)
    assert code_pl == code_en == 1
    for problem, text in ((p, t) for p in errors for t in (text_pl, text_en)):
        where = problem["path"] + (f":{problem['line']}:" if problem["line"] else ":")
        assert where in text
        if problem["field"]:
            assert f": {problem['field']}: " in text
    for problem in json.loads(run_check(root, capsys, "--format", "json", "--lang", "en")[1]):
        assert problem["message"] and problem["fix"], problem
    for text, how in ((text_pl, "Jak poprawić: "), (text_en, "How to fix: ")):
        assert text.count(how) >= len(errors)
        assert not _PYTHON.search(text), text


def test_the_corpus_is_large_and_covers_every_file_kind() -> None:
    kinds = {c.expected[0][1].rsplit("/", 1)[-1].rsplit(".", 1)[-1] for c in CASES}
    assert len(CASES) >= 60
    assert {"yml", "md"} <= kinds
    paths = {p for c in CASES for _, p, _, _ in c.expected}
    assert {YML, INDEX, "mkdocs.yml"} <= paths
    assert any("/announcements/" in p for p in paths)
    assert any(p.startswith("campaigns/") and p.count("/") == 1 for p in paths)  # the campaigns folder itself
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("content", [
    pytest.param(b"\xef\xbb\xbf" + BASE_YML.encode(), id="bom"),
    pytest.param(BASE_YML.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(b"\xef\xbb\xbf" + BASE_YML.replace("\n", "\r\n").encode(), id="bom-crlf"),
])
def test_files_saved_by_windows_editors_are_accepted(content: bytes, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-8 BOM and CRLF line ends are harmless: Notepad and some web editors write them."""
    root = make_site(tmp_path, {YML: content, INDEX: b"\xef\xbb\xbf" + BASE_INDEX_CRLF})
    code, out = run_check(root, capsys, "--strict")
    assert code == 0, out


BASE_INDEX_CRLF = b"Zapraszamy do konsultacji.\r\n\r\n## Cel\r\n\r\nZbieramy uwagi.\r\n"


def test_the_base_site_of_the_corpus_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path, {})
    code, out = run_check(root, capsys, "--strict")
    assert code == 0, out


# ---------------------------------------------------------------- real builds


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good build of the corpus' base site: what a failed build must leave alone."""
    base = tmp_path_factory.mktemp("previous")
    source = make_site(base / "src", {})
    site = base / "site"
    result = build_site(source, site)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()
    return site


BUILD_CASES = [c for c in CASES if c.build]


@pytest.mark.parametrize("case", BUILD_CASES, ids=[c.id for c in BUILD_CASES])
def test_mkdocs_build_stops_and_keeps_the_previous_site(case: Case, previous_site: Path, tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", case.files)
    site = tmp_path / "site"
    shutil.copytree(previous_site, site, symlinks=True)
    (site / "previous-build.txt").write_text("from yesterday's build\n", encoding="utf-8")
    before = tree_digest(site)

    result = build_site(source, site) if not case.strict else run_mkdocs(source, site, "--strict")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert not _PYTHON.search(result.stderr), result.stderr
    for _code, path, line, fld in case.expected:
        number = expected_line(case, path, line)
        assert (f"{path}:{number}:" if number else f"{path}:") in result.stderr, result.stderr
        if fld:
            assert f": {fld}: " in result.stderr
    assert "Jak poprawić: " in result.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site", "src"], "no temporary folder is left behind"


def test_every_kind_of_file_has_a_real_build_case() -> None:
    kinds = {p if p == "mkdocs.yml" else p.rsplit("/", 1)[-1] for c in BUILD_CASES for _, p, _, _ in c.expected}
    assert {"mkdocs.yml", "campaign.yml", "index.md", "2025-09-02-zmiana.md"} <= kinds
    assert len(BUILD_CASES) >= 10


@pytest.mark.parametrize(("change", "where"), [
    pytest.param({"mkdocs.yml": base_mkdocs_yml().replace("nav:", "nav: [", 1)}, "mkdocs.yml", id="yaml-syntax"),
    pytest.param({"mkdocs.yml": re.sub(r"^site_url: https?://", "site_url: ", base_mkdocs_yml(), flags=re.M)},
                 "site_url", id="site-url-without-scheme"),
])
def test_errors_mkdocs_reports_itself_are_clear_too(change: dict[str, Content], where: str, previous_site: Path,
                                                     tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """MkDocs reads mkdocs.yml before the plugin runs; its own messages name the place, without a traceback."""
    source = make_site(tmp_path / "src", change)
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    before = tree_digest(site)

    result = build_site(source, site)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr and where in result.stderr, result.stderr
    assert tree_digest(site) == before
    code, out = run_check(source, capsys)
    assert code == 1 and "mkdocs.yml" in out and "Jak poprawić: " in out


@pytest.mark.xfail(strict=True, reason="MkDocs' YAML loader builds dates before any plugin runs and crashes on "
                                       "an impossible unquoted one; `consult check` (run first by `make site` "
                                       "and CI) reports it with its line instead")
def test_an_unquoted_impossible_date_in_mkdocs_yml(tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", {"mkdocs.yml": base_mkdocs_yml() + "\nextra:\n  since: 2025-13-01\n"})
    result = build_site(source, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


GOLDEN = Path(__file__).parent / "fixtures" / "bad"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_messages_of_the_corpus_are_as_reviewed(lang: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Every message of the corpus, word for word, as editors read it (UPDATE_GOLDEN=1 rewrites the file)."""
    blocks = []
    for number, case in enumerate(CASES):
        root = make_site(tmp_path / str(number), case.files)
        _, text = run_check(root, capsys, "--lang", lang, *(("--strict",) if case.strict else ()))
        # mkdocs.yml is the repository's, edited often: its lines are pinned by the table instead.
        text = re.sub(r"^mkdocs\.yml:\d+:\d+:", "mkdocs.yml:…:", text, flags=re.M)
        blocks.append(f"## {case.id}\n{text}")
    golden = GOLDEN / f"messages.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text("\n".join(blocks), encoding="utf-8")
    assert "\n".join(blocks) == golden.read_text(encoding="utf-8"), "review the change, then UPDATE_GOLDEN=1"
