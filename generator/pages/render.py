"""Shared machinery of the page stage: one Jinja2 environment, front matter, Markdown helpers.

Pages are Markdown with front matter so that any Material-style engine can build them. The
HTML-heavy parts (tables, definition lists, status tags) are HTML blocks rendered from the
templates in `generator/templates/`; Markdown keeps the headings, so tables of contents work.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache, partial
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.i18n import Translator
from generator.outputs import HtmlBlock, Output, page_body

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!>])")  # Python-Markdown's escapable characters
_ATX = re.compile(r"^(#{1,6})(\s+.*?)?\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment of the page stage (created once per process)."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        auto_reload=False,  # package templates do not change during a build; saves a stat per render
    )
    env.filters["tel"] = tel_href
    env.filters["ucfirst"] = ucfirst
    env.filters["in_lang"] = in_lang
    env.filters["lang_attr"] = lang_attr
    return env


def render_html(template: str, t: Translator, page_path: str, **context: Any) -> HtmlBlock:
    """Render a component template into one HTML block for a page at `page_path`.

    `content_lang` in the context is the editors' language when it differs from the page's, else "".

    Blank lines and indentation are removed: Markdown would otherwise end the HTML block
    at a blank line or read an indented line as code.
    """
    html = (
        environment()
        .get_template(template)
        .render(t=t, tm=partial(words_markup, t), url=partial(relative_url, page_path), **context)
    )
    return HtmlBlock("\n".join(line.strip() for line in html.splitlines() if line.strip()))


def words_markup(t: Translator, key: str, **params: Any) -> Markup:
    """A translated sentence as HTML: the words escaped, Markup parameters (e.g. <time>) kept."""
    return escape(t(key)).format(**params)


def attribute_text(text: str) -> str:
    """Text for front matter that themes print inside an HTML attribute without escaping it
    (Material's <meta name="description">): quotes and angle brackets become entities."""
    return str(escape(" ".join(text.split())))


def time_markup(when: Any) -> Markup:
    """A <time> element for a When (a date or moment with its text)."""
    return Markup('<time datetime="{}">{}</time>').format(when.iso, when.text)


def page_text(meta: dict[str, Any], parts: list[str]) -> str:
    """A Markdown page: YAML front matter, then the parts separated by blank lines (`page_body`).

    Each value is written as JSON, which YAML reads as it is: much faster than a YAML emitter,
    and the same in every YAML parser (no anchors, no implicit types).
    """
    head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\n{head}---\n\n{page_body(parts)}"


def page_output(path: str, meta: dict[str, Any], parts: list[str]) -> Output:
    """A page as an Output: its Markdown (see `page_text`), ending with the index of its HTML blocks."""
    return Output(path, page_text(meta, parts))


def heading(level: int, text: str, anchor: str | None = None, lang: str | None = None) -> str:
    """A Markdown heading with a stable id (and a lang attribute when the text is in another language)."""
    attrs = []
    if anchor:
        attrs.append(f"#{anchor}")
    if lang:
        attrs.append(f"lang={lang}")
    suffix = " { " + " ".join(attrs) + " }" if attrs else ""
    return "#" * level + " " + md_escape(text) + suffix


def md_escape(text: str) -> str:
    """Text that Markdown shows literally (for titles written by editors)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def shift_headings(markdown: str, top: int) -> str:
    """Move the headings of an editor's Markdown so the highest one is at level `top`.

    Keeps the page's outline valid: one h1 (the title) and no skipped levels, whatever
    level the editor started at. Fenced code is left alone; setext headings become ATX.
    """
    lines = markdown.split("\n")
    found: list[tuple[int, int, str]] = []  # line index, level, text
    fence = ""
    skip: set[int] = set()
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if match and (not fence or match.group(1)[0] == fence[0]):
            fence = "" if fence else match.group(1)
            continue
        if fence:
            continue
        atx = _ATX.match(line)
        if atx:
            found.append((i, len(atx.group(1)), (atx.group(2) or "").strip()))
        elif i > 0 and re.fullmatch(r"\s{0,3}(=+|-+)\s*", line) and _setext_text(lines[i - 1]):
            found.append((i - 1, 1 if "=" in line else 2, lines[i - 1].strip()))
            skip.add(i)
    if not found:
        return markdown
    delta = top - min(level for _, level, _ in found)
    for i, level, text in found:
        lines[i] = "#" * min(6, max(1, level + delta)) + (" " + text if text else "")
    return "\n".join(line for i, line in enumerate(lines) if i not in skip)


def _setext_text(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and not line.startswith((" " * 4, "\t"))
        and not re.match(r"([-*+>|#]|\d+[.)])(\s|$)", stripped)
    )


def relative_url(page_path: str, target: str) -> str:
    """The link from the page at site path `page_path` (a folder URL such as `a/b/`) to `target`."""
    if "://" in target or target.startswith(("mailto:", "tel:", "webcal:", "#")):
        return target
    path, _, fragment = target.partition("#")
    base = page_path if page_path.endswith("/") or not page_path else posixpath.dirname(page_path) + "/"
    # Both are site paths without "." or "..": the common folders cancel out, each other folder
    # of the page is one "../" (os.path.relpath would ask the file system for the cwd).
    base_parts = [p for p in base.split("/") if p]
    target_parts = path.split("/") if path else []
    common = 0
    while (
        common < len(base_parts)
        and common < len(target_parts) - 1
        and base_parts[common] == target_parts[common]
    ):
        common += 1
    rel = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    if not rel and not fragment:
        rel = "./"
    return rel + ("#" + fragment if fragment else "")


def tel_href(phone: str) -> str:
    """A tel: link for a phone number as editors write it („12 616 53 21”)."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def mailto(address: str, subject: str | None = None) -> str:
    """A mailto: link, with an optional subject line."""
    href = "mailto:" + address
    return href + "?subject=" + quote(subject) if subject else href


def in_lang(text: str, lang: str) -> Markup:
    """Editors' text marked with its language when it differs from the page's (else as it is)."""
    if not lang:
        return escape(text)
    return Markup('<span lang="{}">{}</span>').format(lang, text)


def lang_attr(lang: str) -> Markup:
    """A lang attribute when the text differs in language from the page, else nothing."""
    return Markup(' lang="{}"').format(lang) if lang else Markup("")


def ucfirst(text: str) -> str:
    """The text with its first letter in upper case (Jinja's capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]
