"""What the build publishes, as files: the seam between stages and engines.

Stages (listed in `pipeline`) return `Output`s: a site path with text, bytes or a file to copy.
The MkDocs plugin hands them to MkDocs; `write_outputs` writes them as ordinary files.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class HtmlBlock(str):
    """HTML a stage rendered itself, to stand as one Markdown block (no blank line inside).

    Pages list these in `Output.html`, so an engine may pass them through unparsed.
    """

    __slots__ = ()


@dataclass(frozen=True)
class Output:
    """One file of the published site.

    `path` is relative to the site root, POSIX. A `.md` path with text content is a page
    for the engine to render; anything else is published as it is. `html` lists the HTML
    blocks a page's text holds verbatim, each one Markdown block: an engine may pass them
    through without parsing them (see `markdown_blocks`).
    """

    path: str
    content: str | bytes | None = None
    source: Path | None = None
    html: tuple[str, ...] = ()

    @property
    def is_page(self) -> bool:
        """True for Markdown pages the engine renders."""
        return self.path.endswith(".md") and isinstance(self.content, str)


@dataclass(frozen=True)
class PackedPage:
    """A page kept compact while the engine holds thousands: its text as UTF-8 (half the memory
    of Polish text in a str) and where its HTML blocks are in the text, instead of their copies."""

    path: str
    data: bytes
    blocks: tuple[tuple[int, int], ...]  # (start, end) of each HTML block in the text

    @classmethod
    def of(cls, output: Output) -> PackedPage:
        """Pack a page output."""
        text = output.content
        assert isinstance(text, str)
        spans = []
        at = 0
        for block in output.html:
            at = text.index(block, at)
            spans.append((at, at + len(block)))
            at += len(block)
        return cls(output.path, text.encode("utf-8"), tuple(spans))

    def text(self) -> str:
        """The page's Markdown."""
        return self.data.decode("utf-8")

    def output(self) -> Output:
        """The page as an Output again."""
        text = self.text()
        return Output(self.path, text, html=tuple(text[start:end] for start, end in self.blocks))


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
