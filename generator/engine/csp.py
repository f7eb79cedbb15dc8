"""The Content-Security-Policy every built page carries, as a `<meta>` at the top of its head.

The sanitizer (`editor_html`) keeps scripts, frames and forms out of editors' texts; the policy
is the second wall, should anything slip through: the browser runs only the site's own script
files and the theme's inline scripts, whose hashes the policy lists, and it sends forms only to
the site, shows no frames and loads no plugins. A `<meta>` policy cannot set frame-ancestors
or reporting; a web server that sends the header can add those.

Inline scripts are hashed outside the page's `<article>` only: that is where the theme puts
them, and the article is where editors' text goes, so a script there never gets a hash.

>>> page = '<head><meta charset="utf-8"><script>a()</script></head><article><script>b()</script></article>'
>>> "'sha256-" in with_policy(page, "https://konsultacje.example.pl")
True
>>> with_policy(page, "https://konsultacje.example.pl").count("sha256-")
1
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUNNABLE_TYPES = {"text/javascript", "application/javascript", "module"}
_CHARSET = '<meta charset="utf-8">'


def origin(url: str) -> str:
    """The scheme and host of an address: https://konsultacje.example.pl."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policy(script_hashes: list[str], site_origin: str = "") -> str:
    """The policy's text: the site's own files, plus the listed inline scripts.

    `site_origin` is where the site is published: the theme fetches its sitemap from there.
    """
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in script_hashes)])
    connect = " ".join(filter(None, ["'self'", site_origin]))
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # table alignment and the theme's style attributes
        "img-src 'self' data:",  # the theme's icons are data: addresses in its stylesheet
        "font-src 'self'",
        f"connect-src {connect}",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
    ])


def inline_script_hashes(html: str) -> list[str]:
    """Base64 SHA-256 of each runnable inline script outside the page's article."""
    start, end = html.find("<article"), html.rfind("</article>")
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group(1)
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in _RUNNABLE_TYPES:
            continue  # data (JSON, JSON-LD) is not run and needs no permission
        if start != -1 and start < match.start() < end:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        hashes.append(base64.b64encode(digest).decode("ascii"))
    return list(dict.fromkeys(hashes))


def with_policy(html: str, site_origin: str = "") -> str:
    """The page with its policy `<meta>` right after the charset (before any script)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html), site_origin)}">'
    at = html.find(_CHARSET)
    if at != -1:
        at += len(_CHARSET)
    else:
        head = re.search(r"<head\b[^>]*>", html, re.I)
        if head is None:
            return html  # not a page (a fragment): nothing to protect
        at = head.end()
    return f"{html[:at]}\n    {meta}{html[at:]}"
