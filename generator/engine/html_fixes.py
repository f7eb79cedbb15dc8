"""Repairs to the HTML that Material for MkDocs writes, so every page is valid HTML.

The Nu Html Checker reports two errors on every Material page, both outside any template
block (fixing them in templates would mean copying base.html): the drawer and search toggles
are checkboxes with `autocomplete="off"`, which HTML allows only on text-like inputs, and the
table of contents' title is a label `for="__toc"` even on pages that are not in the navigation,
where no control has that id. The repair works on the finished HTML, so it does not depend on
MkDocs either.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def fix_material_html(html: str) -> str:
    """Return the page with Material's known HTML errors repaired; other text is untouched."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    if _TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
