"""Search that understands Polish: a normaliser shared with the browser, and a compact index.

Material's built-in search (lunr) has no Polish: "rodziny" does not find "rodzina", and
"wspolpraca" typed without diacritics finds nothing. Here every word is lower-cased, its
diacritics folded (ą→a, ł→l) and its inflectional ending stripped by a small table-driven
stemmer. The index carries the table (`rules`), so `search-pl.js` normalises a query exactly
as `terms()` normalised the documents; a test runs both on the same words.

Size stays bounded and the build linear: each consultation contributes its title, summary,
categories and organizer, plus at most `MAX_BODY_TERMS` distinct stems of its texts
(announcement, later announcements, report, materials), the most frequent ones first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial
from importlib import resources
from typing import Any

from generator import urls
from generator.engine.memo import Memo, cached
from generator.export import json_bytes
from generator.i18n import translator
from generator.options import Settings
from generator.outputs import Output
from generator.pages.search_page import render_search_page
from generator.source.model import Campaign, Status

INDEX_VERSION = 1
MIN_STEM = 4  # never cut a word below four letters: "domu" stays "domu", "lata" stays "lata"
MIN_TOKEN = 2
MAX_BODY_TERMS = 200  # distinct body stems per consultation (bounds the index)
MAX_BODY_CHARS = 30_000  # characters of text read per consultation (bounds the build)

# Inflectional endings after folding, longest first: the first one that leaves a long enough
# stem is cut. Nouns: rodzin-a/-y/-ie/-ą/-om/-ami/-ach; zdrow-ie/-ia/-iu/-iem;
# adjectives: społeczn-a/-ej/-ego/-emu/-ych/-ym/-ymi; krakowsk-i/-iego/-ich/-imi.
_ENDINGS = (
    "iami", "iach", "iego", "iemu", "owie",
    "ach", "ami", "ego", "emu", "ich", "iem", "imi", "ych", "ymi", "owi", "iom",
    "ej", "em", "ia", "ie", "ii", "im", "io", "iu", "om", "ow", "ym",
    "a", "e", "i", "o", "u", "y",
)  # fmt: skip
# Endings that need a longer stem: -ów/-owie/-owi also end place names (Kraków, Krakowie).
_LONGER_STEM = {"owie": 5, "owi": 5, "ow": 5}
SUFFIXES: tuple[tuple[str, int], ...] = tuple((e, _LONGER_STEM.get(e, MIN_STEM)) for e in _ENDINGS)

# Words too common to tell consultations apart, written folded (no diacritics).
STOPWORDS: tuple[str, ...] = (
    "aby", "ale", "albo", "ani", "az", "bez", "bo", "by", "byc", "byl", "byla", "bylo", "beda",
    "bedzie", "ci", "co", "czy", "dla", "do", "go", "ich", "ile", "im", "jak", "jako", "je",
    "jej", "jego", "jest", "jesli", "juz", "ktora", "ktore", "ktorego", "ktorej", "ktory",
    "ktorych", "ktorym", "lub", "ma", "mu", "na", "nad", "nam", "nas", "nie", "niz", "od", "oraz",
    "po", "pod", "przed", "przez", "przy", "sa", "sie", "ta", "tak", "takze", "te", "tego", "tej",
    "ten", "to", "tu", "tym", "we", "wiec", "za", "ze", "zeby", "tez",
)  # fmt: skip

WEIGHTS = {"title": 8, "categories": 6, "summary": 4, "organizer": 2, "body": 1}
# Among equally good matches, open consultations come first, then upcoming, then past ones.
STATUS_ORDER = (Status.OPEN, Status.UPCOMING, Status.CLOSED, Status.CONCLUDED)

# Material's theme copies lunr and its search worker into every site, plugin or not.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")

_STOP = frozenset(STOPWORDS)
_BY_LAST_LETTER = {
    last: tuple(pair for pair in SUFFIXES if pair[0].endswith(last)) for last in {s[-1] for s, _ in SUFFIXES}
}
_WORD = re.compile(r"[^\W_]+")
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|https?://\S+|mailto:\S+|\S+@\S+")


def fold(text: str) -> str:
    """Lower-case and drop diacritics: `Współpraca Łódź` → `wspolpraca lodz`."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    if decomposed.isascii():
        return decomposed
    # Removing only the combining marks present, with one regex, is many times faster than
    # testing every character of a long text.
    marks = sorted(c for c in set(decomposed) if not c.isascii() and unicodedata.category(c) == "Mn")
    if marks:
        decomposed = re.sub("[" + "".join(re.escape(c) for c in marks) + "]", "", decomposed)
    return decomposed.replace("ł", "l")


@functools.lru_cache(maxsize=65536)  # a pure function; texts repeat their words a lot
def stem(token: str) -> str:
    """Cut the first (longest) listed ending that leaves a stem of its minimum length."""
    for suffix, shortest in _BY_LAST_LETTER.get(token[-1:], ()):
        if token.endswith(suffix) and len(token) - len(suffix) >= shortest:
            return token[: -len(suffix)]
    return token


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, repeats kept: folded, stemmed, stop words dropped."""
    return [term for term in map(_term, _WORD.findall(fold(text))) if term]


@functools.lru_cache(maxsize=65536)  # a pure function; texts repeat their words a lot
def _term(token: str) -> str:
    """The term a folded token gives, or "" for a stop word, a too short token or a mere number."""
    if len(token) < MIN_TOKEN or token in _STOP:
        return ""
    if token.isascii() and token.isdigit():  # [0-9]+
        return token if len(token) == 4 else ""  # years are worth finding; room and phone numbers are noise
    return stem(token)


def rules() -> dict[str, Any]:
    """The normaliser's tables, embedded in the index for the browser."""
    return {
        "suffixes": [list(pair) for pair in SUFFIXES],
        "min_token": MIN_TOKEN,
        "stopwords": list(STOPWORDS),
    }


def build_search(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> list[Output]:
    """Return the search page, its index and its script."""
    return [build_search_page(campaigns, settings), *build_search_files(campaigns, settings, memo)]


def build_search_page(campaigns: Sequence[Campaign], settings: Settings) -> Output:
    """The search page."""
    return Output(path=urls.search_page(settings) + "index.md", content=render_search_page(campaigns, settings))


def build_search_files(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> list[Output]:
    """The search page's index and script."""
    index, script = search_file_paths(settings)
    return [
        Output(path=index, content=json_bytes(build_index(campaigns, settings, memo))),
        Output(path=script, content=script_text()),
    ]


def search_file_paths(settings: Settings) -> list[str]:
    """Where `build_search_files` publishes its files, in its order."""
    return [urls.search_index(settings), urls.search_script(settings)]


def script_text() -> str:
    """The browser half of the search (vanilla JavaScript, no dependencies)."""
    return resources.files("generator").joinpath("data/search-pl.js").read_text(encoding="utf-8")


def build_index(campaigns: Sequence[Campaign], settings: Settings, memo: Memo | None = None) -> dict[str, Any]:
    """The search index of the given (published) consultations, in a stable order."""
    return {
        "version": INDEX_VERSION,
        "generated": settings.today.isoformat(),
        "rules": rules(),
        "weights": dict(WEIGHTS),
        "statuses": [s.value for s in STATUS_ORDER],
        "items": [cached(memo, "search", c, partial(_item, c, settings)) for c in sorted(campaigns, key=lambda c: c.slug)],
    }


def _item(campaign: Campaign, settings: Settings) -> dict[str, Any]:
    data = campaign.data
    fields = {
        "title": _unique(terms(data.title)),
        "categories": _unique(t for name in data.categories for t in terms(name)),
        "summary": _unique(terms(data.summary)),
        "organizer": _unique(terms(data.organizer)),
    }
    seen = {t for words in fields.values() for t in words}
    fields["body"] = body_terms(campaign, exclude=seen)
    return {
        "url": urls.campaign_page(settings, campaign.slug),
        "title": data.title,
        "summary": data.summary,
        "status": campaign.status(settings.today).value,
        "opens": data.opens.isoformat(),
        "opens_text": _day(data.opens),
        "closes": data.closes.isoformat(),
        "closes_text": _day(data.closes),
        "categories": list(data.categories),
        "terms": {name: " ".join(words) for name, words in fields.items()},
    }


def body_terms(campaign: Campaign, exclude: Iterable[str] = ()) -> list[str]:
    """The most frequent distinct stems of a consultation's texts, at most MAX_BODY_TERMS, sorted."""
    words = terms(_MARKUP.sub(" ", _body_text(campaign)[:MAX_BODY_CHARS]))
    skip = set(exclude)
    counts = Counter(w for w in words if w not in skip)
    first = {w: i for i, w in reversed(list(enumerate(words)))}
    ranked = sorted(counts, key=lambda w: (-counts[w], first[w]))[:MAX_BODY_TERMS]
    return sorted(ranked)


def _body_text(campaign: Campaign) -> str:
    data = campaign.data
    parts = [campaign.body, data.audience or ""]
    for announcement in campaign.announcements:
        parts += [announcement.title, announcement.body]
    if data.report is not None and data.report.summary:
        parts.append(data.report.summary)
    parts += [m.title for m in data.materials] + [m.title for m in data.meetings]
    parts += [p.title for p in data.phases] + [c.summary for c in data.changes]
    return "\n".join(parts)


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


def _day(day: Any) -> str:
    return translator("pl").day_month_year(day)


def index_size(campaigns: Sequence[Campaign], settings: Settings) -> int:
    """Bytes of the search index for these consultations (for measurements and tests)."""
    return len(json_bytes(build_index(campaigns, settings)))
