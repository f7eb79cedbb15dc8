"""What the theme's templates read from the site, as one plain mapping under `config.extra`.

The plugin puts it into MkDocs' `config.extra`, and `consult generate` writes it into the
generated mkdocs.yml's `extra:`: every engine then hands the templates the same values, also
Zensical, which runs no plugin. Only plain data (text, lists, mappings): no functions, so the
templates look words up by key instead of calling a translator.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from generator import urls
from generator.i18n import translator
from generator.options import Settings
from generator.pages.access import header_links
from generator.pages.statement_page import statement_link
from generator.pages.views import open_data_links

EXTRA_KEY = "consultations"  # config.extra.consultations in the templates
# The theme's own words (partials/consultation/header-search.html and header-access.html, partials/copyright.html).
THEME_WORDS = ("search.site", "search.title", "search.button", "footer.made_with", "footer.material",
               "footer.source", "access.label")


def theme_values(settings: Settings) -> dict[str, Any]:
    """The values the theme templates read, for `config.extra.consultations`."""
    t = translator(settings.language)
    return {
        "head_links": urls.head_links(settings),
        "search_url": urls.search_page(settings),
        "words": {key: t(key) for key in THEME_WORDS},
        "statement": statement_link(settings),
        "open_data": open_data_links(settings),
        "access_links": header_links(settings.access_pages, settings.language),
        "repository": settings.repo_url,  # the footer's link for editors (see edit_addresses)
        "short_name": settings.organisation.short_name,  # the header's name below 360 px
    }


def edit_addresses(repo_url: str | None, edit_uri: str | None, template: str | None) -> tuple[str | None, str | None]:
    """`edit_uri` and `edit_uri_template` as whole addresses, so that the theme needs no `repo_url`.

    Material shows a link to the source repository in the header and in the navigation drawer
    whenever `repo_url` is set. It is for editors, and our footer has it
    (partials/copyright.html); MkDocs makes the same edit links from whole addresses alone.

    >>> edit_addresses("https://github.com/mops-krakow/konsultacje", "edit/main/content/", None)
    ('https://github.com/mops-krakow/konsultacje/edit/main/content/', None)
    >>> edit_addresses("https://git.example.pl/repo/", None, "src/main/content/{path}?mode=edit")
    (None, 'https://git.example.pl/repo/src/main/content/{path}?mode=edit')
    """
    if not repo_url:
        return edit_uri, template

    def whole(uri: str | None) -> str | None:
        if not uri:
            return uri
        # As MkDocs joins them: a slash after the repository unless the edit part is a query or fragment.
        base = repo_url if repo_url.endswith("/") or uri.startswith(("?", "#")) else repo_url + "/"
        return urljoin(base, uri)

    return whole(edit_uri), whole(template)
