"""A hostile pull request: HTML in editors' Markdown is refused by the check and removed from the page.

Three walls, each tested on its own:
- `consult check` (and so the build) names every construct of the hostile corpus with its file
  and line;
- should a construct pass the check, the built page still holds none of it: a site is built
  with the check switched off and read back with lxml and in Chromium (no dialog, no
  navigation, no form, no request elsewhere);
- should anything reach the page all the same, its Content-Security-Policy stops it.
The same built pages in Chromium: tests/a11y/test_hostile_browser.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from lxml import html as lxml_html

from generator import cli
from generator.source import editor_html
from generator.source.editor_html import EditorMarkdown, clean, find_unsafe, markdown_problems

from .bad_input_cases import INDEX, SLUG, YML, yml
from .conftest import TODAY_EPOCH
from .hostile_corpus import HOSTILE, LEGITIMATE, PAGE, build_unchecked, hostile_files
from .sitefiles import make_site

RENDER = EditorMarkdown()
# Elements and attributes no editor's text may put on a page.
FORBIDDEN_TAGS = {"script", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea",
                  "select", "meta", "link", "base", "style", "svg", "math", "template"}


def unsafe_in(fragment: Any, ours: Any = lambda element: False) -> list[str]:
    """What in a parsed HTML element could run code, send data, load from elsewhere or overlay.

    `ours` tells the page's own elements (the subscribe box, data scripts), which are left out.
    """
    found = []
    for element in fragment.iter():
        if not isinstance(element.tag, str) or ours(element):
            continue
        if element.tag in FORBIDDEN_TAGS:
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            lowered = "".join(value.split()).lower()
            if name.startswith("on") or name in {"srcdoc", "formaction", "srcset"}:
                found.append(f"{element.tag}@{name}")
            elif name in {"href", "src"} and ":" in lowered.split("/")[0]:
                if not lowered.startswith(("http:", "https:", "mailto:", "tel:")) or name == "src":
                    found.append(f"{element.tag}@{name}={value}")
            elif name == "style" and lowered.replace("text-align:", "").count(":"):
                found.append(f"{element.tag}@style={value}")
            elif name == "class" and any(c.startswith("md-") for c in value.split()):
                found.append(f"{element.tag}@class={value}")
    return found


@pytest.mark.parametrize(("name", "text", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_each_hostile_construct_is_reported_on_its_line_and_removed(name: str, text: str, code: str) -> None:
    body = f"Wstęp do konsultacji.\n\n{text}\n\nZakończenie.\n"
    problems = markdown_problems(INDEX, body, RENDER, first_line=4)
    assert code in {p.code for p in problems}, problems
    text_lines = range(4 + 2, 4 + 2 + text.count("\n") + 1)
    assert all(p.line in text_lines and p.path == INDEX for p in problems), problems
    assert all(p.message("pl")[1] and p.message("en")[1] for p in problems)  # each says how to fix it
    cleaned = lxml_html.fragment_fromstring(clean(RENDER.html(body)), create_parent="div")
    assert unsafe_in(cleaned) == []
    assert "Wstęp do konsultacji." in cleaned.text_content() and "Zakończenie." in cleaned.text_content()


def test_the_corpus_is_dangerous_before_cleaning() -> None:
    """The checker above finds something in each entry of the corpus as rendered: a corpus that
    Markdown itself made harmless would prove nothing about the sanitizer."""
    harmless = [name for name, text, _ in HOSTILE
                if not unsafe_in(lxml_html.fragment_fromstring(RENDER.html(text), create_parent="div"))]
    # These are unsafe only through what html.parser and lxml do not treat as elements.
    assert set(harmless) <= {"math link"}, harmless


@pytest.mark.parametrize("text", LEGITIMATE)
def test_what_editors_legitimately_write_passes_untouched(text: str) -> None:
    rendered = RENDER.html(text)
    assert markdown_problems(INDEX, text, RENDER) == []
    assert find_unsafe(rendered) == []
    before = lxml_html.fragment_fromstring(rendered, create_parent="div")
    after = lxml_html.fragment_fromstring(clean(rendered), create_parent="div")
    assert [(e.tag, dict(e.attrib)) for e in after.iter()] == [
        (e.tag, {k: v.replace(": ", ":").rstrip(";") for k, v in e.attrib.items()}) for e in before.iter()
    ]
    assert after.text_content() == before.text_content()


def test_markers_an_editor_writes_cannot_end_the_cleaned_region() -> None:
    text = f"Tekst{editor_html.END}<script>alert(1)</script>"
    page = "<h2>Nasze</h2>" + RENDER.html(editor_html.wrap(text)) + "<p>Nasze</p>"
    assert "<script>" not in editor_html.clean_regions(page)


def test_a_region_whose_end_was_swallowed_is_cleaned_to_the_end() -> None:
    page = f"<p>Nasze</p>{editor_html.BEGIN}<div><script>alert(1)</script>"
    assert editor_html.clean_regions(page) == "<p>Nasze</p><div></div>"


def test_direction_overrides_are_errors_in_every_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "src", {
        YML: yml(replace={"title: Program": "title: Program \u202eodwrócony\u202c"}),
        INDEX: "Zapraszamy.\n\nDrugi \u2066akapit\u2069.\n",
    })
    code, problems = _check_json(root, capsys)
    found = {(p["code"], p["path"], p["line"], p.get("field")) for p in problems}
    assert code == 1
    assert ("bidi_control", YML, 1, "title") in found
    assert ("bidi_control", INDEX, 3, None) in found


def _check_json(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": TODAY_EPOCH}):
        code = cli.main(["check", "--root", str(root), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_consult_check_names_every_construct_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = hostile_files()
    root = make_site(tmp_path / "src", files)
    code, problems = _check_json(root, capsys)
    assert code == 1
    lines = files[INDEX].split("\n")
    for number, (name, text, expected) in enumerate(HOSTILE, 1):
        start = lines.index(f"Przykład {number}.") + 3  # the text starts two lines below, counted from 1
        where = range(start, start + text.count("\n") + 1)
        assert any(p["code"] == expected and p["path"] == INDEX and p["line"] in where for p in problems), name
    assert all(p["severity"] == "error" for p in problems if p["code"].startswith("html_"))
    elsewhere = {(p["code"], p["path"]) for p in problems}
    assert ("html_embed", f"campaigns/{SLUG}/announcements/2025-09-02-zmiana.md") in elsewhere
    assert ("html_handler", YML) in elsewhere
    assert ("html_script", "content/o-konsultacjach.md") in elsewhere


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus built with the check switched off: only the sanitizer stands between."""
    return build_unchecked(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("page", [PAGE, "o-konsultacjach/"])
def test_built_pages_hold_nothing_of_the_corpus(unchecked_site: Path, page: str) -> None:
    document = lxml_html.parse(str(unchecked_site / page / "index.html")).getroot()
    article = document.find(".//article")
    assert article is not None
    assert unsafe_in(article, ours=lambda e: e is article or _generated(e)) == []
    assert [s for s in document.iter("script") if s.get("type") not in {"application/json", "application/ld+json"}
            and not s.get("src") and article in s.iterancestors()] == []
    if page == PAGE:  # the editors' text is there, without what was removed
        assert "Koniec ogłoszenia." in article.text_content() and "Przykład 32." in article.text_content()


def _generated(element: Any) -> bool:
    """The page's own: its data scripts, its subscribe box (a webcal link, a copy button) and the QR
    code of the printed notice (an SVG data: image made by the build)."""
    if element.tag == "script" and element.get("type") in {"application/json", "application/ld+json"}:
        return True
    return any(part in (e.get("class") or "") for e in [element, *element.iterancestors()]
               for part in ("cx-subscribe", "cx-print-address"))  # the box, and the printed QR code


def test_built_pages_carry_a_policy_that_allows_only_the_site(unchecked_site: Path) -> None:
    for path in [unchecked_site / PAGE / "index.html", unchecked_site / "404.html"]:
        document = lxml_html.parse(str(path)).getroot()
        metas = document.findall(".//meta[@http-equiv='Content-Security-Policy']")
        assert len(metas) == 1
        rules = dict(rule.strip().split(" ", 1) for rule in metas[0].get("content").split(";"))
        assert rules["form-action"] == "'self'" and rules["frame-src"] == "'none'"
        assert rules["base-uri"] == "'self'" and rules["object-src"] == "'none'"
        assert "'unsafe-inline'" not in rules["script-src"] and "*" not in rules["script-src"]
        # before every script of the page, so that it governs all of them
        head = path.read_text(encoding="utf-8")
        assert head.index("Content-Security-Policy") < head.index("<script")
