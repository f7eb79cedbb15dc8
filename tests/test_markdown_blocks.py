"""Known HTML blocks and plain section headings skip Python-Markdown's work, with the same HTML."""

from __future__ import annotations

from typing import Any

import markdown
import pytest

from generator.engine.markdown_blocks import PLAIN_HEADING, KnownBlocks
from generator.pages.render import heading

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]


def convert(text: str, ours: bool, blocks: tuple[str, ...] = (), **toc: Any) -> tuple[str, Any]:
    known = KnownBlocks()
    known.blocks = blocks
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, *([known] if ours else [])],
        extension_configs={"toc": {"permalink": False, **toc}},
    )
    return md.convert(text), md.toc_tokens


TITLES = [
    "Dyżury ekspertów",
    "Kto może zgłaszać uwagi?",
    "„Cytat” – myślnik, przecinek: tak; 100% \"tak\" i 'nie'",
    "A * b",
    "A & B < C > D",
    "Tytuł z `kodem` i _podkreśleniem_",
    "Link [tutaj](https://example.org) i {nawias}",
    "Tekst\\ z ukośnikiem",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("lang", [None, "pl"])
def test_our_headings_convert_exactly_as_markdown_would(title: str, lang: str | None) -> None:
    text = "\n\n".join([
        heading(1, "Strona"),
        heading(2, title, "sekcja", lang=lang),
        "Akapit z **pogrubieniem**.",
        "### Kontakt",  # an editor's heading whose slug is one of our ids below
        heading(2, "Kontakt", "kontakt"),
    ])
    assert convert(text, ours=True) == convert(text, ours=False)
    assert convert(text, ours=True, permalink=True) == convert(text, ours=False, permalink=True)


def test_only_plain_headings_with_an_id_take_the_short_way() -> None:
    assert PLAIN_HEADING.fullmatch(heading(2, "Dyżury ekspertów", "dyzury"))
    assert PLAIN_HEADING.fullmatch(heading(3, "Komunikat", "komunikat-a", lang="pl"))
    assert not PLAIN_HEADING.fullmatch(heading(2, "A * b", "x"))  # escaped: Markdown unescapes it
    assert not PLAIN_HEADING.fullmatch(heading(2, "A & B", "x"))  # an entity
    assert not PLAIN_HEADING.fullmatch(heading(1, "Tytuł"))  # no id: toc makes one
    html, tokens = convert(heading(2, "Dyżury ekspertów", "dyzury"), ours=True)
    assert html == '<h2 id="dyzury">Dyżury ekspertów</h2>'
    assert tokens[0]["id"] == "dyzury" and tokens[0]["name"] == "Dyżury ekspertów"


def test_known_blocks_pass_through_unparsed_with_the_same_html() -> None:
    block = '<div class="cx-facts">\n<p>Termin: <time datetime="2025-08-29">29 sierpnia</time></p>\n</div>'
    text = "\n\n".join([heading(2, "Fakty", "fakty"), block, "Zwykły *tekst*."])
    assert convert(text, ours=True, blocks=(block,)) == convert(text, ours=False)
