"""Editors' HTML: what a Markdown text may publish, enforced on the page and reported by `consult check`.

Markdown lets an editor write raw HTML and, with attr_list, set attributes on what Markdown
makes. A public body's site built from pull requests must not publish scripts, frames, forms,
event handlers, overlays or links that run code. One allow-list, below, is applied twice:

- `clean` passes HTML through nh3 (the Ammonia sanitizer) with it. The page stage wraps every
  editor's text in `wrap`'s markers, and the build cleans what lies between them
  (`clean_regions`); hand-written pages in the docs folder are cleaned whole.
- `find_unsafe` reads the same HTML with Python's parser and names each thing the allow-list
  drops, so that `consult check` reports it with file, line and fix and nothing disappears
  silently. Where the two parsers disagree, comparing nh3's output with the allow-list and
  without it still reveals the removal (`html_removed`).

>>> clean('<p onclick="steal()">Tekst <script>alert(1)</script><a href="JaVaScRiPt:x()">link</a></p>')
'<p>Tekst <a>link</a></p>'
>>> [f.code for f in find_unsafe('<p onclick="steal()">Tekst <script>alert(1)</script></p>')]
['html_handler', 'html_script']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import nh3
from markdown import Markdown

from generator.source.errors import Problem

# Elements editors use: text structure, lists, tables, links, emphasis, images, details.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
_CELL = {"colspan", "rowspan", "headers", "style"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": _CELL | {"scope", "abbr"},
    "td": _CELL,
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "details": {"open"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Python-Markdown's tables write column alignment as a style; no other property is kept.
STYLE_PROPERTIES = frozenset({"text-align"})
# Elements removed with everything inside them, not only their tags.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "textarea", "select", "title", "svg", "math", "xmp", "noembed", "noframes", "plaintext",
})
# Material's own layout classes (md-…) could place an editor's text over the page's header.
_RESERVED_CLASS = re.compile(r"^md-")

# What each refused element is, for the message: code by tag.
_TAG_CODES = {
    **dict.fromkeys(("script", "noscript", "template"), "html_script"),
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"),
                    "html_embed"),
    **dict.fromkeys(("form", "input", "button", "select", "textarea", "option", "optgroup", "datalist",
                     "fieldset", "output", "label", "keygen"), "html_form"),
    **dict.fromkeys(("meta", "link", "base", "style", "title", "head", "html", "body"), "html_page_tag"),
}
_URL_ATTRIBUTES = {"href", "src"}
# Characters a browser ignores in a URL (tabs, newlines) and strips at its ends (controls, spaces).
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")

BEGIN = "<!--cx:editor-->"
END = "<!--/cx:editor-->"
_MARKERS = re.compile(r"<!--/?cx:editor-->")


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's last word on an allowed attribute: images from this site only, no Material classes."""
    if tag == "img" and name == "src" and _is_absolute(value):
        return None
    if name == "class":
        kept = " ".join(c for c in value.split() if not _RESERVED_CLASS.match(c))
        return kept or None
    return value


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def wrap(markdown: str) -> str:
    """An editor's Markdown between the markers that `clean_regions` looks for.

    Markers an editor wrote are removed first, so a text cannot end its own region early.
    """
    return f"{BEGIN}\n\n{_MARKERS.sub('', markdown)}\n\n{END}"


def clean_regions(html: str) -> str:
    """Clean each editor's region of a rendered page and drop the markers; the rest is ours.

    A region whose end marker is missing (the editor's HTML swallowed it) runs to the end.

    >>> clean_regions(f'<h2>Nasze</h2>{BEGIN}<p onclick="x()">Ich</p></div>{END}<p>Nasze</p>')
    '<h2>Nasze</h2><p>Ich</p><p>Nasze</p>'
    """
    if BEGIN not in html:
        return html
    out: list[str] = []
    position = 0
    while (start := html.find(BEGIN, position)) != -1:
        out.append(html[position:start])
        end = html.find(END, start)
        stop = len(html) if end == -1 else end
        # Each marker is a block of its own: the line break Markdown put after it goes with it.
        out.append(clean(_MARKERS.sub("", html[start + len(BEGIN):stop]).strip("\n")))
        position = stop if end == -1 else end + len(END) + html.startswith("\n", end + len(END))
    out.append(html[position:])
    return "".join(out)


@dataclass(frozen=True)
class Finding:
    """One construct the allow-list drops: a message code, its parameters, and text to find it by."""

    code: str
    params: dict[str, str]
    needles: tuple[str, ...] = ()


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.tags: set[str] = set()  # every element, attribute and URL scheme seen
        self.names: set[str] = set()
        self.schemes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = (self.get_starttag_text() or "").split("\n")[0]
        self.tags.add(tag)
        if tag not in TAGS:
            code = _TAG_CODES.get(tag, "html_tag")
            self.findings.append(Finding(code, {"tag": tag}, (raw, f"<{tag}")))
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            self.names.add(name)
            self._attribute(tag, name, value or "", allowed, raw)

    def _attribute(self, tag: str, name: str, value: str, allowed: set[str], raw: str) -> None:
        needles: tuple[str, ...]
        if name in _URL_ATTRIBUTES:  # a Markdown link has no raw tag: its address finds it
            needles = (raw, value, name) if len(value) > 2 else (raw, name)
        else:  # attr_list writes `{: name="…" }`
            needles = (raw, f"{name}=", f"{name} =", name)
        if name.startswith("on"):
            self.findings.append(Finding("html_handler", {"attr": name}, needles))
        elif name == "style":
            props = {p.split(":")[0].strip().lower() for p in value.split(";") if p.strip()}
            if name not in allowed or props - STYLE_PROPERTIES:
                self.findings.append(Finding("html_style", {"style": _shorten(value.strip())}, needles))
        elif name not in allowed:
            self.findings.append(Finding("html_attribute", {"attr": name, "tag": tag}, needles))
        elif name == "class" and any(_RESERVED_CLASS.match(c) for c in value.split()):
            self.findings.append(Finding("html_class", {"value": value}, needles))
        elif name in _URL_ATTRIBUTES:
            self._url(tag, value, needles)

    def _url(self, tag: str, value: str, needles: tuple[str, ...]) -> None:
        url = _URL_IGNORED.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
                                                  "\x1c\x1d\x1e\x1f ")
        scheme = _SCHEME.match(url)
        if scheme:
            self.schemes.add(scheme.group(1).lower())
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            self.findings.append(Finding("html_url", {"url": _shorten(url), "scheme": scheme.group(1).lower()},
                                         needles))
        elif tag == "img" and _is_absolute(url):
            self.findings.append(Finding("html_image_external", {"url": _shorten(url)}, needles))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def find_unsafe(html: str) -> list[Finding]:
    """Everything in `html` that `clean` would drop, in document order."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    if not scanner.findings and clean(html) != _clean_permissive(html, scanner):
        return [Finding("html_removed", {})]
    return scanner.findings


def _clean_permissive(html: str, scanner: _Scanner) -> str:
    """nh3 with every element, attribute and scheme the text uses allowed: its own reserialisation."""
    return nh3.clean(
        html,
        # not <style>: nh3 filters style properties only in attributes (the scanner reports it)
        tags=(set(TAGS) | scanner.tags | set(_TAG_CODES) | set(DROPPED_WITH_CONTENT)) - {"style"},
        clean_content_tags=set(),
        attributes={tag: set(names) | scanner.names for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes={"on", "data-", "aria-", "form", "src", "style", "xlink"},
        url_schemes=set(URL_SCHEMES) | scanner.schemes | {"javascript", "data", "vbscript"},
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def _is_absolute(url: str) -> bool:
    return bool(_SCHEME.match(url)) or url.startswith(("//", "\\\\", "/\\", "\\/"))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locate(lines: Sequence[str], needles: Iterable[str], start: int = 0) -> int | None:
    """The index of the first line from `start` holding one of the needles (tried in order);
    then the same from the top; None if no line holds any.

    >>> locate(["<b>", "<script>", "tekst", "<script>"], ["<script"], start=2)
    3
    """
    wanted = [n.strip() for n in needles if n.strip()]
    for first in dict.fromkeys((start, 0)):
        for exact in (True, False):  # as written first: `<ScRiPt` and `<script` are two places
            for needle in wanted:
                for index in range(first, len(lines)):
                    if (needle in lines[index]) if exact else (needle.lower() in lines[index].lower()):
                        return index
    return None


class EditorMarkdown:
    """Renders an editor's Markdown as the site does, to see what its HTML would hold.

    Args:
        extensions, configs: the site's `markdown_extensions`, as MkDocs reads them.
    """

    DEFAULT_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")

    def __init__(self, extensions: Sequence[Any] = DEFAULT_EXTENSIONS,
                 configs: dict[str, dict[str, Any]] | None = None) -> None:
        try:
            self._md = Markdown(extensions=list(extensions), extension_configs=configs or {})
        except Exception:  # noqa: BLE001 - an extension the site names but this machine lacks
            self._md = Markdown(extensions=list(self.DEFAULT_EXTENSIONS))

    def html(self, text: str) -> str:
        """The HTML of `text`."""
        self._md.reset()
        return self._md.convert(text)


# Text whose HTML needs a look: raw HTML, entities, attr_list, images, or a link with a scheme
# other than the allowed ones. Plain prose and https links (most texts) skip the rendering.
_NEEDS_RENDER = re.compile(
    r"[<&{]|!\[|\]\s*\(\s*(?!(?:https?|mailto|tel):|[#/.?\w%-]*[)#/?\s])|^\s{0,3}\[[^\]]*\]:", re.I | re.M
)


def needs_render(text: str) -> bool:
    """Whether `text` may produce HTML that the allow-list drops (a quick, generous test).

    >>> needs_render("Zobacz [projekt](https://mops.krakow.pl/projekt.pdf) i [formularz](files/f.docx).")
    False
    >>> needs_render("[kliknij](javascript:alert(1))"), needs_render("<b>pogrubione</b>")
    (True, True)
    """
    # Most texts hold none of these characters: four scans in C before any regular expression.
    if "<" not in text and "&" not in text and "{" not in text and "]" not in text:
        return False
    return bool(_NEEDS_RENDER.search(text))


# Characters that reverse the order in which text is shown, so that what a reviewer reads in a
# pull request differs from what is published (U+202A–U+202E, U+2066–U+2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_CHARACTERS = tuple("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_bidi_control(text: str) -> bool:
    """Whether `text` holds a direction-override character (nine substring scans: several
    times faster than the regular expression on long texts, which nearly all pass)."""
    return any(character in text for character in _BIDI_CHARACTERS)


def bidi_problems(rel: str, text: str, first_line: int = 1, field_name: str | None = None,
                  line: int | None = None) -> list[Problem]:
    """A problem for each line of `text` holding a direction-override character.

    `line`, when given, is where the whole value stands (a field of campaign.yml).
    """
    if not has_bidi_control(text):
        return []
    problems = []
    for index, text_line in enumerate(text.split("\n")):
        found = BIDI_CONTROLS.search(text_line)
        if found:
            problems.append(Problem(
                rel, "bidi_control", {"char": f"U+{ord(found.group()):04X}"},
                line if line is not None else first_line + index,
                None if line is not None else found.start() + 1, field_name,
            ))
    return problems


def markdown_problems(rel: str, text: str, renderer: EditorMarkdown, first_line: int = 1,
                      field_name: str | None = None, line: int | None = None,
                      bidi: bool = True) -> list[Problem]:
    """What `consult check` says of an editor's Markdown: each construct the allow-list drops.

    `line`, when given, is where the whole text stands (a field of campaign.yml), used for
    every problem; otherwise each problem is on the line of the text that holds it.
    """
    problems = bidi_problems(rel, text, first_line, field_name, line) if bidi else []
    if not needs_render(text):
        return problems
    lines = text.split("\n")
    seen = set()
    cursor = 0  # findings come in the order of the text: each is looked for after the one before
    for finding in find_unsafe(renderer.html(text)):
        index = locate(lines, finding.needles, cursor)
        cursor = index if index is not None else cursor
        where = line if line is not None else first_line + (index or 0)
        key = (finding.code, tuple(finding.params.items()), where)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(rel, finding.code, finding.params, where, field=field_name))
    return problems
