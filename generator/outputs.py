"""What the build publishes, as files: the seam between stages and engines.

Stages (listed in `pipeline`) return `Output`s: a site path with text, bytes or a file to copy.
The MkDocs plugin hands them to MkDocs; `write_outputs` writes them as ordinary files.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class HtmlBlock(str):
    """HTML a stage rendered itself, to stand as one Markdown block (no blank line inside).

    `page_body` lists these at the end of the page, so an engine may pass them through unparsed.
    """

    __slots__ = ()


# The last line of a generated page: where each of its HTML blocks is, counted back from this
# line, its length, and a digest of it (see `page_body`; read by `engine.markdown_blocks`).
INDEX_START = "<!-- html-blocks"
BLOCK_INDEX = re.compile(re.escape(INDEX_START) + r"((?: \d+,\d+,[0-9a-f]{12})*) -->")
NO_BLOCKS = INDEX_START + " -->"
_BLANK_LINE = re.compile(r"(?<=\n) +(?=\n|$)")


def page_body(parts: Iterable[str]) -> str:
    """A page's Markdown body: its parts separated by blank lines, then the index of its HTML blocks.

    The text is first normalised as Python-Markdown normalises it before parsing (line ends,
    tabs, lines of spaces), so that the index still points at each block when an engine reads
    the page. Every generated page ends with an index, even an empty one, so that the last
    line is never an editor's. An engine without our Markdown extension shows it as an HTML
    comment.

    >>> body = page_body(["# Tytuł", HtmlBlock("<p>Termin</p>"), "Tekst"])
    >>> print(body, end="")
    # Tytuł
    <BLANKLINE>
    <p>Termin</p>
    <BLANKLINE>
    Tekst
    <BLANKLINE>
    <!-- html-blocks 22,13,c8de574e3c91 -->
    >>> read_index(body)
    (31, [(9, '<p>Termin</p>')])
    """
    kept = [(part.strip("\n"), isinstance(part, HtmlBlock)) for part in parts if part and part.strip()]
    body = normalized("\n\n".join(text for text, _ in kept))
    spans = []
    at = 0
    for text, is_block in kept:
        if is_block:  # normalised as where it stands, after a line end; lines of spaces at its ends emptied
            block = normalized("\n" + text).strip("\n")
            at = body.index(block, at)
            spans.append((at, block))
            at += len(block)
    index_at = len(body) + 2
    entries = "".join(f" {index_at - start},{len(block)},{block_digest(block)}" for start, block in spans)
    return f"{body}\n\n{INDEX_START}{entries} -->\n"


def sealed(markdown: str) -> str:
    """A hand-written page's Markdown with an empty index last, so that no index written by an
    editor is ever read: only the page stage says which blocks pass through unparsed."""
    return f"{markdown}\n\n{NO_BLOCKS}\n"


def read_index(text: str) -> tuple[int, list[tuple[int, str]]] | None:
    """Where the index of HTML blocks starts, if the last line of `text` is one, and where each
    block it names stands in `text`, with the block.

    A block is named only if the text at that place has the digest the index gives: an entry
    that no longer matches (an engine changed the text before us) is left out.
    """
    end = len(text.rstrip("\n"))
    index_at = text.rfind("\n", 0, end) + 1
    match = BLOCK_INDEX.fullmatch(text, index_at, end)
    if match is None:
        return None
    found = []
    for entry in match.group(1).split():
        back, length, digest = entry.split(",")
        start = index_at - int(back)
        block = text[start : start + int(length)] if start >= 0 else ""
        if block and block_digest(block) == digest:
            found.append((start, block))
    return index_at, found


def block_digest(block: str) -> str:
    """A short digest of an HTML block, for the page's index."""
    return hashlib.blake2b(block.encode("utf-8"), digest_size=6).hexdigest()


def normalized(text: str) -> str:
    """Text as Python-Markdown reads it: no STX/ETX, newline line ends, tabs as spaces, lines of
    spaces empty (its `NormalizeWhitespace`, so that doing it again changes nothing)."""
    if "\x02" in text or "\x03" in text:
        text = text.replace("\x02", "").replace("\x03", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(TAB_LENGTH)
    return _BLANK_LINE.sub("", text) if " \n" in text or text.endswith(" ") else text


TAB_LENGTH = 4  # Python-Markdown's, which MkDocs, ProperDocs and Zensical keep


@dataclass(frozen=True)
class Output:
    """One file of the published site.

    `path` is relative to the site root, POSIX. A `.md` path with text content is a page
    for the engine to render; anything else is published as it is.
    """

    path: str
    content: str | bytes | None = None
    source: Path | None = None

    @property
    def is_page(self) -> bool:
        """True for Markdown pages the engine renders."""
        return self.path.endswith(".md") and isinstance(self.content, str)


@dataclass(frozen=True)
class PackedPage:
    """A page kept compact while the engine holds thousands: its text as UTF-8 (half the memory
    of Polish text in a str)."""

    path: str
    data: bytes

    @classmethod
    def of(cls, output: Output) -> PackedPage:
        """Pack a page output."""
        text = output.content
        assert isinstance(text, str)
        return cls(output.path, text.encode("utf-8"))

    def text(self) -> str:
        """The page's Markdown."""
        return self.data.decode("utf-8")

    def output(self) -> Output:
        """The page as an Output again."""
        return Output(self.path, self.text())


def cannot_write(detail: str) -> str:
    """The message for a file that could not be copied or written during a build."""
    return (
        f"Could not write the site's files: {detail}. If a file was moved or deleted during the "
        "build, or the disk is full, fix that and build again; the previous site is unchanged."
    )


def write_outputs(outputs: Iterable[Output], directory: Path) -> int:
    """Write outputs as plain files under `directory` (for engines other than MkDocs)."""
    count = 0
    made: set[str] = set()  # folders known to exist: tens of thousands of files share a few hundred
    for output in outputs:
        target = os.path.join(directory, output.path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if output.source is not None:
            shutil.copyfile(output.source, target)
        else:
            content = output.content or ""
            with open(target, "wb") as file:
                file.write(content.encode("utf-8") if isinstance(content, str) else content)
        count += 1
    return count
