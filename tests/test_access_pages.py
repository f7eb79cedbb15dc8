"""The ETR and PJM pages: their options, the warnings of `consult check`, the header links and the blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.options import AccessPages, check_options
from generator.pages.access import add_blocks, header_links
from generator.source.access import access_problems
from generator.source.errors import Severity

FULL = AccessPages(
    easy_read_page="etr.md",
    easy_read_text_file="etr/informacje.txt",
    sign_language_page="pjm.md",
    sign_language_video="pjm/nagranie.webm",
    sign_language_captions="pjm/napisy.vtt",
)


def docs(tmp_path: Path, **skip: bool) -> Path:
    """A docs_dir with both pages and their three files (each of `skip` left out)."""
    folder = tmp_path / "content"
    files = {
        "etr.md": "# Tekst łatwy do czytania\n\nPomagamy mieszkańcom.\n",
        "pjm.md": "# PJM\n\n## Treść nagrania\n\nPomagamy mieszkańcom.\n",
        "etr/informacje.txt": "Miejski Ośrodek Pomocy Społecznej\n",
        "pjm/nagranie.webm": "\x1aE\xdf\xa3 webm",
        "pjm/napisy.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nNapis\n",
    }
    for rel, text in files.items():
        if skip.get(rel.replace("/", "_").replace(".", "_")):
            continue
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def codes(pages: AccessPages, folder: Path, root: Path) -> list[tuple[str, str, str | None]]:
    found = access_problems(pages, folder, root)
    assert all(p.severity is Severity.WARNING for p in found)
    return [(p.code, p.path, p.field) for p in found]


def test_a_complete_site_has_no_warning(tmp_path: Path) -> None:
    assert codes(FULL, docs(tmp_path), tmp_path) == []


def test_nothing_set_is_one_warning_per_page_not_per_file(tmp_path: Path) -> None:
    assert codes(AccessPages(), docs(tmp_path), tmp_path) == [
        ("easy_read_not_set", "mkdocs.yml", "plugins.consultations.easy_read_page"),
        ("sign_language_not_set", "mkdocs.yml", "plugins.consultations.sign_language_page"),
    ]


def test_pages_on_the_bodys_main_site_need_no_files_here(tmp_path: Path) -> None:
    pages = AccessPages(easy_read_page="https://www.mops.krakow.pl/etr", sign_language_page="https://www.mops.krakow.pl/pjm")
    assert codes(pages, docs(tmp_path), tmp_path) == []
    assert [link["path"] for link in header_links(pages, "pl")] == [
        "https://www.mops.krakow.pl/etr", "https://www.mops.krakow.pl/pjm"]


@pytest.mark.parametrize(("skip", "field"), [
    ("etr_informacje_txt", "easy_read_text_file"),
    ("pjm_nagranie_webm", "sign_language_video"),
    ("pjm_napisy_vtt", "sign_language_captions"),
])
def test_a_missing_file_is_named_with_its_option(tmp_path: Path, skip: str, field: str) -> None:
    found = access_problems(FULL, docs(tmp_path, **{skip: True}), tmp_path)
    assert [(p.code, p.field) for p in found] == [("access_file_missing", f"plugins.consultations.{field}")]
    assert found[0].params["folder"] == "content"


def test_unset_files_say_which_option_to_write(tmp_path: Path) -> None:
    pages = AccessPages(easy_read_page="etr.md", sign_language_page="pjm.md")
    assert [c for c, _, _ in codes(pages, docs(tmp_path), tmp_path)] == [
        "easy_read_text_file_not_set", "sign_language_video_not_set", "sign_language_captions_not_set"]


def test_placeholders_and_missing_pages(tmp_path: Path) -> None:
    folder = docs(tmp_path, etr_md=True)
    (folder / "pjm.md").write_text("# PJM\n\n(do uzupełnienia)\n", encoding="utf-8")
    assert codes(FULL, folder, tmp_path) == [
        ("access_page_missing", "mkdocs.yml", "plugins.consultations.easy_read_page"),
        ("sign_language_placeholder", "content/pjm.md", None),
    ]
    assert access_problems(FULL, folder, tmp_path)[1].line == 3


def test_a_text_file_not_in_utf8_is_a_warning(tmp_path: Path) -> None:
    folder = docs(tmp_path)
    (folder / "etr" / "informacje.txt").write_bytes("Ośrodek Społecznej".encode("cp1250"))
    assert codes(FULL, folder, tmp_path) == [("text_file_not_utf8", "content/etr/informacje.txt", None)]


@pytest.mark.parametrize("value", ["../sekret.txt", "https://example.pl/plik.txt", "", ["etr.txt"]])
def test_file_options_must_be_paths_inside_the_pages_folder(value: object) -> None:
    options, problems = check_options({"easy_read_text_file": value}, "https://example.pl/")
    assert [p.code for p in problems] == ["config_access_path"]
    assert problems[0].field == "plugins.consultations.easy_read_text_file"
    assert options.access_pages.easy_read_text_file is None


def test_header_links_have_short_text_and_full_names() -> None:
    assert header_links(FULL, "pl") == [
        {"path": "etr/", "short": "ETR", "title": "Tekst łatwy do czytania (ETR)", "kind": "easy_read"},
        {"path": "pjm/", "short": "PJM", "title": "Informacje w polskim języku migowym (PJM)", "kind": "sign_language"},
    ]
    english = header_links(FULL, "en")
    assert [(link["short"], link["title"]) for link in english] == [
        ("Easy read", "Easy read"), ("PJM", "Information in Polish Sign Language (PJM)")]
    # The visible text is part of the accessible name (WCAG 2.5.3 Label in Name).
    assert all(link["short"].lower() in link["title"].lower() for link in header_links(FULL, "pl") + english)
    assert header_links(AccessPages(), "pl") == []


def test_the_pjm_page_gets_a_player_with_captions_after_its_heading(tmp_path: Path) -> None:
    page = '<h1 id="pjm">PJM</h1>\n<p>Treść.</p>'
    out = add_blocks(page, FULL, "pjm.md", docs(tmp_path), "pl")
    assert out.startswith('<h1 id="pjm">PJM</h1><figure class="cx-access-video">')
    assert '<source src="../pjm/nagranie.webm" type="video/webm">' in out
    assert '<track kind="captions" srclang="pl" label="Napisy po polsku" src="../pjm/napisy.vtt" default>' in out
    assert "youtube" not in out.lower() and "<iframe" not in out
    assert out.endswith("<p>Treść.</p>")
    # Without captions there is no track (and check warns), never a track that fails to load.
    assert "<track" not in add_blocks(page, FULL, "pjm.md", docs(tmp_path / "b", pjm_napisy_vtt=True), "pl")


def test_the_etr_page_offers_the_text_file_with_its_format_and_size(tmp_path: Path) -> None:
    out = add_blocks("<h1>ETR</h1><p>Tekst.</p>", FULL, "etr.md", docs(tmp_path), "en")
    assert out.startswith("<h1>ETR</h1><p>Tekst.</p><section")
    assert '<a href="../etr/informacje.txt" type="text/plain">Download the information about our work as a text file</a>' in out
    assert '(<abbr title="plain text">TXT</abbr>, 36 B)' in out


def test_other_pages_are_left_alone(tmp_path: Path) -> None:
    assert add_blocks("<h1>O nas</h1>", FULL, "o-konsultacjach.md", docs(tmp_path), "pl") == "<h1>O nas</h1>"
