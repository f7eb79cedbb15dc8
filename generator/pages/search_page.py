"""The search page `szukaj/`: a form that works with the browser script, and links that work without it."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from html import escape

from generator import urls
from generator.i18n import CONTENT_LANGUAGE, SEARCH_SCRIPT_WORDS, translator
from generator.options import Settings
from generator.source.model import Campaign

# Every word of the search, the script's included, lives in i18n: the script reads its sentences
# from the form's data-cx-text, so that it holds no wording of its own.
SCRIPT_WORDS = SEARCH_SCRIPT_WORDS[CONTENT_LANGUAGE]


def render_search_page(campaigns: Sequence[Campaign], settings: Settings) -> str:
    """Markdown (front matter + HTML blocks) of the search page."""
    t = translator(settings.language)
    words = SEARCH_SCRIPT_WORDS.get(t.word_language, SCRIPT_WORDS)
    page = urls.search_page(settings)
    index = relative(page, urls.search_index(settings))
    script = relative(page, urls.search_script(settings))
    root = relative(page, "")
    form = (
        f'<form role="search" class="cx-search" action="./" method="get" data-cx-index="{escape(index)}"'
        f' data-cx-root="{escape(root)}" data-cx-text="{escape(json.dumps(words, ensure_ascii=False))}">\n'
        f'<label class="cx-search__label" for="cx-search-q">{escape(t("search.label"))}</label>\n'
        '<div class="cx-search__row">\n'
        '<input class="cx-search__input" type="search" id="cx-search-q" name="q" autocomplete="off"'
        ' spellcheck="false" aria-describedby="cx-search-hint">\n'
        f'<button class="cx-search__button md-button md-button--primary" type="submit">{escape(t("search.button"))}'
        "</button>\n"
        "</div>\n"
        f'<p class="cx-search__hint" id="cx-search-hint">{escape(t("search.hint"))}</p>\n'
        "</form>"
    )
    front = {"title": t("search.title"), "description": t("search.description"), "hide": ["toc"]}
    return (
        "\n\n".join(
            [
                f"---\n{json.dumps(front, ensure_ascii=False)}\n---",
                f"# {t('search.title')}",
                form,
                f'<p class="cx-search__nojs" data-cx-nojs>{escape(t("search.nojs"))}</p>',
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
    t = translator(settings.language)
    # Category names are the editors' words, in Polish whatever the interface's language.
    mark = f' lang="{CONTENT_LANGUAGE}"' if t.word_language != CONTENT_LANGUAGE else ""
    items = "".join(
        f'<li><a href="{escape(relative(page, urls.category_page(settings, n)))}"{mark}>{escape(n)}</a></li>\n'
        for n in names
    )
    listing = escape(relative(page, urls.list_page(settings)))
    archive = escape(relative(page, urls.archive_page(settings)))
    parts = [
        '<section class="cx-search__browse" aria-labelledby="cx-search-browse">',
        f'<h2 id="cx-search-browse">{escape(t("search.browse"))}</h2>',
        f'<p><a href="{listing}">{escape(t("search.browse.list"))}</a></p>',
        f'<p><a href="{archive}">{escape(t("search.browse.archive"))}</a></p>',
    ]
    if items:
        parts += [f"<h3>{escape(t('search.browse.categories'))}</h3>", f'<ul class="cx-search__category-list">\n{items}</ul>']
    parts.append("</section>")
    return "\n".join(parts)


def relative(from_dir: str, to_path: str) -> str:
    """A relative link from a page folder (`szukaj/`) to a site path (`konsultacje/`, `` = root)."""
    rel = posixpath.relpath("/" + to_path, "/" + from_dir)
    if rel == ".":
        return "./"
    return rel + "/" if to_path.endswith("/") or to_path == "" else rel
