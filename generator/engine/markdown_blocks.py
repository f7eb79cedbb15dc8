"""A Python-Markdown extension that passes a generated page's HTML blocks through unparsed.

Generated pages are Markdown with HTML blocks (key facts, tables, lists of materials) so that
any engine can build them. Python-Markdown reads every raw HTML block with `html.parser`
to find where it ends (and MkDocs reads the page once more for anchor ids): on a
consultation page that costs several times the rest of the conversion. The page stage ends
each page with an index of the blocks it wrote (`outputs.page_body`); this extension reads it
and puts each block straight into Python-Markdown's stash of raw HTML, the place its own HTML
block parser would have put it, so the output is the same; their placeholders then become
paragraphs that inline patterns skip (as they would find nothing in them), and are swapped
for the HTML at the end. Only blocks that start with a block-level tag are passed this way
(others are inline HTML, which Markdown processes), only where they stand alone between
blank lines, and only while the text still has the digest the index gives; anything else is
left to the parser. The index itself is removed.

Every engine that uses Python-Markdown loads it from `markdown_extensions`
(`consult generate` lists it); the MkDocs plugin adds it itself. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, SubElement

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from generator.outputs import INDEX_START, read_index

_OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]")
_ID = re.compile(r'<[^>]*?\sid="([^"]*)"')
# After "normalize_whitespace" (30), which would strip the stash's placeholder characters,
# and before MkDocs' anchor scan (21) and the HTML block parser (20).
PRIORITY = 25
# Just before "paragraph" (10), which would otherwise take the placeholders.
PARAGRAPH_PRIORITY = 11
# Before "hashheader" (70), which would otherwise read the heading.
HEADING_PRIORITY = 71
# A heading alone in its block, of plain text (nothing Markdown would change: no escapes,
# emphasis, code, links, entities or HTML), with an explicit id and perhaps a language: the
# section headings of generated pages, `## Dyżury ekspertów { #dyzury }`.
PLAIN_HEADING = re.compile(
    r"(#{1,6}) ([^\\`*_{}\[\]()#+!<>&\n]*[^\\`*_{}\[\]()#+!<>&\s]) \{ #([A-Za-z0-9_-]+)(?: lang=([A-Za-z-]+))? \}"
)


class KnownBlocks(Extension):
    """Our Markdown speed-ups: a page's indexed HTML blocks and its plain section headings.

    After each conversion, `ids` holds the id attributes inside the blocks passed through.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.ids: set[str] = set()
        self.placeholders: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Register the preprocessor that stashes the blocks, the paragraph that holds each, the headings."""
        md.preprocessors.register(_Stash(md, self), "cx_known_blocks", PRIORITY)
        md.parser.blockprocessors.register(
            _Placeholder(md.parser, self), "cx_known_blocks", PARAGRAPH_PRIORITY
        )
        md.parser.blockprocessors.register(_PlainHeading(md.parser), "cx_plain_heading", HEADING_PRIORITY)


def makeExtension(**kwargs: object) -> KnownBlocks:  # noqa: N802 - Python-Markdown's entry point
    """`markdown_extensions: [generator.engine.markdown_blocks]` in a generated tree's mkdocs.yml."""
    return KnownBlocks(**kwargs)


class _Stash(Preprocessor):
    def __init__(self, md: Markdown, owner: KnownBlocks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, lines: list[str]) -> list[str]:
        self.owner.ids, self.owner.placeholders = set(), set()
        last = len(lines) - 1
        while last > 0 and not lines[last]:
            last -= 1
        if not lines or not lines[last].startswith(INDEX_START):  # not a generated page: nothing to do
            return lines
        text = "\n".join(lines)
        index = read_index(text)
        if index is None:
            return lines
        index_at, found = index
        out: list[str] = []
        pos = 0
        for at, block in found:
            if at < pos or not self._block_level(block) or not _standalone(text, at, len(block)):
                continue
            # Like Python-Markdown's parser, keep the line end of a block followed by a blank line.
            placeholder = self.md.htmlStash.store(block + "\n")
            self.owner.placeholders.add(placeholder)
            out += [text[pos:at], placeholder]
            self.owner.ids.update(_ID.findall(block))
            pos = at + len(block)
        out.append(text[pos:index_at])  # without the index, which is for us only
        return "".join(out).split("\n")

    def _block_level(self, block: str) -> bool:
        match = _OPENING_TAG.match(block)
        return match is not None and self.md.is_block_level(match.group(1).lower())


class _Placeholder(BlockProcessor):
    """The paragraph of a stashed block, its text atomic: no inline pattern matches a placeholder."""

    def __init__(self, parser: BlockParser, owner: KnownBlocks) -> None:
        super().__init__(parser)
        self.owner = owner

    def test(self, parent: Element, block: str) -> bool:
        return block in self.owner.placeholders

    def run(self, parent: Element, blocks: list[str]) -> None:
        SubElement(parent, "p").text = AtomicString(blocks.pop(0))


class _PlainHeading(BlockProcessor):
    """A plain-text heading with an explicit id, made into its element at once.

    What "hashheader", `attr_list` and the inline patterns would make of it, without running
    them: its text is plain, so it is kept as it is (atomic), and the id and language are the
    attributes attr_list would set, in its order. The `toc` extension sees the heading as
    usual. Ten such headings on a consultation page cost a third of its conversion otherwise.
    """

    def test(self, parent: Element, block: str) -> bool:
        return block.startswith("#") and PLAIN_HEADING.fullmatch(block) is not None

    def run(self, parent: Element, blocks: list[str]) -> None:
        match = PLAIN_HEADING.fullmatch(blocks.pop(0))
        assert match is not None
        hashes, text, ident, lang = match.groups()
        element = SubElement(parent, f"h{len(hashes)}")
        element.text = AtomicString(text)
        element.set("id", ident)
        if lang:
            element.set("lang", lang)


def _standalone(text: str, at: int, length: int) -> bool:
    """Whether the `length` characters at `at` stand as a whole Markdown block (blank lines around)."""
    before = at == 0 or text.endswith("\n\n", 0, at)
    return before and text.startswith("\n\n", at + length)
