"""Plain text for feed summaries: readers get words, never markup from our sources."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

# Summaries longer than this are cut at a word and end with "…".
SUMMARY_LENGTH = 400

_SPACE = re.compile(r"\s+")
# Characters XML 1.0 forbids or discourages (control characters, C1 controls left by text
# pasted from old Windows documents, non-characters); a stray one must not break a feed, and
# readers would show C1 controls as cp1252 letters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def plain(text: str) -> str:
    """One line of text: whitespace collapsed, characters XML cannot carry removed."""
    return _SPACE.sub(" ", _NOT_XML.sub("", text)).strip()


def shorten(text: str) -> str:
    """Cut a long text at a word boundary, ending it with "…"."""
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[: SUMMARY_LENGTH - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown announcement: the words a reader would read, no markup."""
    collector = _TextCollector()
    collector.feed(markdown.markdown(text, extensions=["tables", "attr_list"]))
    collector.close()
    return plain("".join(collector.parts))


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, with a space wherever a block starts or ends."""

    _BREAKS = frozenset(
        {
            "p",
            "br",
            "li",
            "tr",
            "td",
            "th",
            "div",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "hr",
        }
        | {f"h{n}" for n in range(1, 7)}
    )
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.parts.append(" ")
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
