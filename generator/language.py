"""The site's language, decided once: what `theme.language` says, and which words that means.

Every module asks these two functions instead of comparing strings itself, so `language: EN`,
`en` and `en-GB` mean the same everywhere (pages, feeds, calendars, the statement, messages).
"""

from __future__ import annotations

DEFAULT = "pl"  # the language of the residents the product serves, when mkdocs.yml names none
WORD_LANGUAGES = ("pl", "en")  # the languages the interface is written in (i18n.WORDS)


def site_language(value: object) -> str:
    """`theme.language` as a language tag with a lower-case primary subtag: "EN" → "en", "pt_BR" → "pt-BR".

    Material finds its own translations by this name (partials/languages/en.html), so the
    plugin writes it back into the theme's configuration.
    """
    text = str(value).strip().replace("_", "-") if value is not None else ""
    if not text:
        return DEFAULT
    primary, _, rest = text.partition("-")
    return primary.lower() + ("-" + rest if rest else "")


def words_language(language: str) -> str:
    """The language of the interface's words for a site language: Polish for Polish, else English."""
    primary = site_language(language).partition("-")[0]
    return primary if primary in WORD_LANGUAGES else "en"


def is_english(language: str) -> bool:
    """Whether the interface speaks English (every language other than Polish falls back to it)."""
    return words_language(language) == "en"
