"""The search page `szukaj/`: a form that works with the browser script, and links that work without it."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from html import escape

from generator import urls
from generator.model import Campaign
from generator.settings import Settings

# Every word of the search, the script's included: it reads its sentences from the form's
# data-cx-text, so that it holds no wording of its own. Plural forms are CLDR categories,
# chosen in the browser by Intl.PluralRules for the page's language.
SCRIPT_WORDS: dict[str, object] = {
    "found": {
        "one": "Znaleziono {n} konsultację dla „{query}”.",
        "few": "Znaleziono {n} konsultacje dla „{query}”.",
        "many": "Znaleziono {n} konsultacji dla „{query}”.",
        "other": "Znaleziono {n} konsultacji dla „{query}”.",
    },
    "none": "Nie znaleziono konsultacji dla „{query}”. Spróbuj innego słowa albo przejrzyj listę poniżej.",
    "empty": "Wpisz co najmniej jedno słowo, np. rodzina, przemoc albo piecza.",
    "loading": "Wczytuję wyszukiwarkę…",
    "failed": "Nie udało się wczytać wyszukiwarki. Przejrzyj listę konsultacji poniżej.",
    "period": "zgłaszanie uwag:",
    "categories": "Kategorie:",
    "more": "Pokaż kolejne wyniki",
    "status": {
        "upcoming": "zapowiedziane",
        "open": "otwarte",
        "closed": "zamknięte",
        "concluded": "zakończone",
    },
}
TITLE = "Szukaj konsultacji"
HINT = (
    "Wpisz słowo w dowolnej formie, z polskimi znakami lub bez nich: „rodzina” znajdzie też "
    "„rodziny” i „rodzinie”, a „wspolpraca” – „współpracę”."
)
NO_SCRIPT = (
    "Wyszukiwarka działa w przeglądarce z włączoną obsługą JavaScriptu. "
    "Bez niej znajdziesz konsultacje na liście i w kategoriach poniżej."
)


def render_search_page(campaigns: Sequence[Campaign], settings: Settings) -> str:
    """Markdown (front matter + HTML blocks) of the search page."""
    page = urls.search_page(settings)
    index = relative(page, urls.search_index(settings))
    script = relative(page, urls.search_script(settings))
    root = relative(page, "")
    form = (
        f'<form role="search" class="cx-search" action="./" method="get" data-cx-index="{escape(index)}"'
        f' data-cx-root="{escape(root)}" data-cx-text="{escape(json.dumps(SCRIPT_WORDS, ensure_ascii=False))}">\n'
        '<label class="cx-search__label" for="cx-search-q">Czego szukasz?</label>\n'
        '<div class="cx-search__row">\n'
        '<input class="cx-search__input" type="search" id="cx-search-q" name="q" autocomplete="off"'
        ' spellcheck="false" aria-describedby="cx-search-hint">\n'
        '<button class="cx-search__button md-button md-button--primary" type="submit">Szukaj</button>\n'
        "</div>\n"
        f'<p class="cx-search__hint" id="cx-search-hint">{escape(HINT)}</p>\n'
        "</form>"
    )
    return (
        "\n\n".join(
            [
                f"---\ntitle: {TITLE}\ndescription: Wyszukiwarka konsultacji społecznych\nhide:\n  - toc\n---",
                f"# {TITLE}",
                form,
                f'<p class="cx-search__nojs" data-cx-nojs>{escape(NO_SCRIPT)}</p>',
                '<p class="cx-search__status" id="cx-search-status" role="status" aria-live="polite"></p>',
                '<ol class="cx-search__results" id="cx-search-results" hidden></ol>',
                _browse(campaigns, settings, page),
                f'<script src="{escape(script)}" defer></script>',
            ]
        )
        + "\n"
    )


def _browse(campaigns: Sequence[Campaign], settings: Settings, page: str) -> str:
    names = sorted(
        {n for c in campaigns for n in c.data.categories}, key=lambda n: (urls.category_slug(n), n)
    )
    items = "".join(
        f'<li><a href="{escape(relative(page, urls.category_page(settings, n)))}">{escape(n)}</a></li>\n'
        for n in names
    )
    listing = escape(relative(page, urls.list_page(settings)))
    archive = escape(relative(page, urls.archive_page(settings)))
    parts = [
        '<section class="cx-search__browse" aria-labelledby="cx-search-browse">',
        '<h2 id="cx-search-browse">Przeglądaj konsultacje</h2>',
        f'<p><a href="{listing}">Wszystkie konsultacje: otwarte, zapowiedziane i zakończone</a></p>',
        f'<p><a href="{archive}">Archiwum konsultacji według lat</a></p>',
    ]
    if items:
        parts += ["<h3>Kategorie</h3>", f'<ul class="cx-search__category-list">\n{items}</ul>']
    parts.append("</section>")
    return "\n".join(parts)


def relative(from_dir: str, to_path: str) -> str:
    """A relative link from a page folder (`szukaj/`) to a site path (`konsultacje/`, `` = root)."""
    rel = posixpath.relpath("/" + to_path, "/" + from_dir)
    if rel == ".":
        return "./"
    return rel + "/" if to_path.endswith("/") or to_path == "" else rel
