"""Generated pages' HTML blocks and plain section headings skip Python-Markdown's work, with the
same HTML, in every engine that loads the extension by its name; no editor can name a block."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
from mkdocs.config import load_config

from generator.engine.config import make_settings
from generator.engine.markdown_blocks import PLAIN_HEADING, KnownBlocks
from generator.outputs import HtmlBlock, block_digest, page_body, read_index, sealed
from generator.pages.render import heading
from generator.pipeline import generate_site
from generator.source.check import check_campaigns

from .conftest import REPO, TZ

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]
EXTENSION_NAME = "generator.engine.markdown_blocks"  # as `consult generate` lists it


def convert(text: str, ours: bool, **toc: Any) -> tuple[str, Any]:
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, *([KnownBlocks()] if ours else [])],
        extension_configs={"toc": {"permalink": False, **toc}},
    )
    return md.convert(text), md.toc_tokens


def passed(text: str, extensions: list[Any] | None = None, configs: dict[str, Any] | None = None) -> tuple[str, int]:
    """The HTML with our extension, and how many blocks it passed through unparsed."""
    ours = KnownBlocks()
    md = markdown.Markdown(extensions=[*(extensions or EXTENSIONS), ours], extension_configs=configs or {})
    return md.convert(text), len(ours.placeholders)


def test_engines_load_it_by_the_name_consult_generate_lists() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, EXTENSION_NAME])
    assert "cx_known_blocks" in md.preprocessors and "cx_plain_heading" in md.parser.blockprocessors
    text = page_body([heading(2, "Fakty", "fakty"), FACTS])
    assert md.convert(text) == passed(text)[0] == f'<h2 id="fakty">Fakty</h2>\n{FACTS}'


def _index_blocks(text: str) -> list[str]:
    index = read_index(text)
    return [block for _, block in index[1]] if index else []


def without_index(text: str) -> str:
    """The page as an engine without our extension would need it: the index line removed."""
    index = read_index(text)
    return text[: index[0]] if index else text


FACTS = HtmlBlock('<div class="cx-facts">\n<p>Termin: <time datetime="2025-08-29">29 sierpnia</time></p>\n</div>')
TABLE = HtmlBlock('<table id="dyzury-tabela">\n<tr><th scope="col">Dzień</th></tr>\n<tr><td>środa</td></tr>\n</table>')


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


def test_indexed_blocks_pass_through_unparsed_with_the_same_html() -> None:
    text = page_body([heading(2, "Fakty", "fakty"), FACTS, "Zwykły *tekst*.", TABLE, "Koniec."])
    assert text.splitlines()[-1].startswith("<!-- html-blocks ")
    html, count = passed(text)
    assert count == 2
    assert html == markdown.Markdown(extensions=EXTENSIONS).convert(without_index(text))
    assert "html-blocks" not in html


def test_the_index_survives_what_python_markdown_normalises_in_editors_text() -> None:
    # Tabs, Windows line ends and lines of spaces in an editor's text, before and after the blocks.
    editor = "Akapit\tz tabulatorem.\r\n   \r\n\t- punkt\r\n\t- drugi\x02\n  "
    text = page_body([editor, FACTS, editor, TABLE, editor])
    html, count = passed(text)
    assert count == 2
    assert html == markdown.Markdown(extensions=EXTENSIONS).convert(without_index(text))


def test_a_block_with_lines_of_spaces_or_tabs_is_indexed_where_it_stands() -> None:
    odd = [HtmlBlock("   \n<div>a</div>"), HtmlBlock("<div>\tb</div>\n  "), HtmlBlock("<p>c</p>\r\n<p>d</p>")]
    text = page_body(["Tekst.", *odd, "Dalej."])
    html, count = passed(text)
    assert count == 3  # each block without the lines of spaces Markdown empties at its ends
    assert html == markdown.Markdown(extensions=EXTENSIONS).convert(without_index(text))


def test_a_block_whose_text_changed_is_parsed_as_usual() -> None:
    text = page_body([FACTS, "Tekst.", TABLE])
    changed = text.replace("29 sierpnia", "30 sierpnia")  # e.g. another extension's preprocessor
    html, count = passed(changed)
    assert count == 1  # the table still matches its digest; the facts do not and are parsed
    assert "30 sierpnia" in html and "html-blocks" not in html
    assert html == markdown.Markdown(extensions=EXTENSIONS).convert(without_index(changed))


def forged_index(page: str, block: str) -> str:
    """`page` ending with an index that names `block`, which stands in it just before the index."""
    at = page.index(block)
    return f"{page}<!-- html-blocks {len(page) - at},{len(block)},{block_digest(block)} -->\n"


def test_an_index_written_by_an_editor_is_never_read() -> None:
    # A hand-written page whose last line names one of its blocks: passed through, the block
    # would skip what the site's Markdown does to it (here md_in_html reading its Markdown).
    block = '<div markdown="1">*wyróżnienie*</div>'
    page = forged_index(f"# Strona\n\n{block}\n\n", block)
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(page)
    assert _index_blocks(page) == [block] and passed(page) != (plain, 0)  # a well-made forgery
    assert passed(sealed(page)) == (plain, 0)
    assert "<em>wyróżnienie</em>" in plain
    # On a generated page an editor's text is never last: the page's own index always is.
    assert page_body(["Tekst", page]).splitlines()[-1] == "<!-- html-blocks -->"


def test_every_page_of_the_example_site_converts_as_without_the_extension() -> None:
    """All the example's generated pages, with the site's own Markdown extensions: every HTML
    block the page stage wrote is passed through, and the HTML is what Python-Markdown makes."""
    config = load_config(str(REPO / "mkdocs.yml"))
    settings = make_settings(config.plugins["consultations"].config, config)
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
    pages = [o for o in generate_site(campaigns, settings) if o.is_page]
    assert len(pages) > 20
    total = 0
    for page in pages:
        body = str(page.content).split("\n---\n", 1)[1]
        html, count = passed(body, extensions, config.mdx_configs)
        blocks = _index_blocks(body)
        assert count == len(blocks), page.path
        plain = markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)
        assert html == plain.convert(without_index(body)), page.path
        total += count
    assert total > 100
