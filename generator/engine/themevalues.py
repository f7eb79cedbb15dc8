"""What the theme's templates read from the site, as one plain mapping under `config.extra`.

The plugin puts it into MkDocs' `config.extra`, and `consult generate` writes it into the
generated mkdocs.yml's `extra:`: every engine then hands the templates the same values, also
Zensical, which runs no plugin. Only plain data (text, lists, mappings): no functions, so the
templates look words up by key instead of calling a translator.
"""

from __future__ import annotations

from typing import Any

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
    }
