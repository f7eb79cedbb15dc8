"""The Polish search: normaliser and stemmer, the index, and the browser script run under Node."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import search
from generator.export import json_bytes
from generator.options import Settings
from generator.pages.search_page import SCRIPT_WORDS, render_search_page
from generator.pipeline import published_campaigns
from generator.source.check import check_campaigns
from generator.source.model import Campaign
from tests import example
from tests.conftest import REPO, TODAY, TZ

from .tools import require_node

SCRIPT = REPO / "generator" / "data" / "search-pl.js"
PWR, PIECZA, WPW, PPD = example.OPEN, example.UPCOMING, example.CONCLUDED_OLD, example.UNPUBLISHED


def make_settings(today: dt.date = TODAY) -> Settings:
    return Settings(
        site_url="https://konsultacje.mops.example.pl/",
        site_name="Konsultacje",
        root=REPO,
        campaigns_dir=REPO / "campaigns",
        today=today,
    )


@pytest.fixture(scope="module")
def campaigns() -> list[Campaign]:
    found, problems = check_campaigns(REPO / "campaigns", REPO, TZ)
    assert not [p for p in problems if p.severity.value == "error"]
    return found


def node(script: str, payload: Any) -> Any:
    """Run a Node script that gets `lib` (search-pl.js) and `input` (payload) and prints JSON."""
    require_node()
    program = (
        f"const lib = require({json.dumps(str(SCRIPT))});"
        "let data = ''; process.stdin.on('data', c => data += c);"
        f"process.stdin.on('end', () => {{ const input = JSON.parse(data); {script} }});"
    )
    result = subprocess.run(
        ["node", "-e", program],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# ---------------------------------------------------------------- normaliser and stemmer

SAME = [
    ("rodzina", "rodziny"), ("rodzina", "rodzinie"), ("rodzina", "rodziną"), ("rodzina", "RODZINACH"),
    ("rodzin", "rodzinami"), ("rodzinom", "Rodzina"),
    ("zdrowie", "zdrowia"), ("zdrowie", "zdrowiu"), ("zdrowie", "zdrowiem"),
    ("przemoc", "przemocy"), ("przemoc", "przemocą"),
    ("piecza", "pieczy"), ("piecza", "pieczę"), ("pieczy", "pieczą"),
    ("wspolpraca", "współpracy"), ("współpraca", "wspolprace"), ("WSPÓŁPRACĄ", "wspolpraca"),
    ("Kraków", "Krakowie"), ("Kraków", "Krakowa"), ("programów", "program"), ("programu", "programie"),
    ("społeczna", "społecznych"), ("społecznej", "społecznego"), ("społecznymi", "spoleczny"),
    ("konsultacja", "konsultacji"), ("konsultacje", "konsultacjach"), ("konsultację", "konsultacjami"),
    ("pozarządowe", "pozarządowych"), ("niepełnosprawność", "niepełnosprawnościami"),
    ("krakowskie", "krakowskiego"), ("Łódź", "lodz"), ("ZASTĘPCZEJ", "zastępcza"),
    ("organizacji", "organizacjom"), ("wsparcie", "wsparciem"),
]  # fmt: skip

DIFFERENT = [
    ("rodzina", "rodzic"), ("przemoc", "pomoc"), ("zdrowie", "zdrada"), ("piecza", "piekarz"),
    ("rada", "radio"), ("prawo", "prawda"), ("kara", "karta"), ("dom", "domena"), ("lata", "lato"),
    ("pomoc", "pomocnik"), ("rok", "rokowanie"), ("ustawa", "ustawienie"), ("miasto", "miesiąc"),
    ("rodzina", "rodzinny"), ("wspolpraca", "praca"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SAME)
def test_inflected_forms_and_missing_diacritics_give_one_term(a: str, b: str) -> None:
    assert search.terms(a) == search.terms(b)
    assert len(search.terms(a)) == 1


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert search.terms(a) != search.terms(b)


def test_fold_lowercases_and_drops_every_polish_diacritic() -> None:
    assert search.fold("ŻÓŁTA Łódź ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ") == "zolta lodz acelnoszz acelnoszz"


def test_stop_words_short_tokens_and_numbers_other_than_years_are_dropped() -> None:
    text = "Zgodnie z art. 3 ust. 3 oraz w 2025 r., pok. 210, tel. 12 616 54 20"
    assert search.terms(text) == ["zgodn", "art", "ust", "2025", "pok", "tel"]


def test_stems_never_get_shorter_than_the_table_allows() -> None:
    words = ["dom", "domu", "lata", "rada", "osoba", "krakow", "radio", "zdrowie", "panowie"]
    for word in words:
        stemmed = search.stem(word)
        assert stemmed == word or len(stemmed) >= 4, (word, stemmed)
    assert search.stem("krakowie") == "krakow"  # -owie needs a five-letter stem
    assert search.stem("czlonkowie") == "czlonk"


# ---------------------------------------------------------------- the same normaliser in JavaScript

WORDS = [w for pair in SAME + DIFFERENT for w in pair] + [
    "Program Wspierania Rodziny w Krakowie na lata 2025–2027",
    "opiekuńczo-wychowawczych", "e-mail: dm@mops.krakow.pl", "pok. 210, tel. 12 616 53 21",
    "ﬁnanse", "İstanbul", "straße", "Σίσυφος ΟΔΥΣΣΕΥΣ", "Київ, Львів", "naïve café", "x² ½ Ⅻ",
    "東京 2025", "snake_case_word", "emoji 🙂 tu", "", "   ", "ǅemal", "A", "Ąą",
]  # fmt: skip


def _random_texts(count: int) -> list[str]:
    """Fixed-seed random texts from Latin, Polish, Greek and Cyrillic letters, digits and punctuation."""
    rng = random.Random(20250901)
    alphabet = (
        [chr(c) for c in range(0x20, 0x250)]
        + list("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–—„”…")
        + [chr(c) for c in range(0x370, 0x3FF)]
        + [chr(c) for c in range(0x400, 0x4FF)]
    )
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_javascript_normaliser_agrees_with_python() -> None:
    texts = WORDS + _random_texts(400)
    rules = search.rules()
    got = node(
        "const r = lib.compile(input.rules);"
        "console.log(JSON.stringify(input.texts.map(t => lib.terms(t, r))));",
        {"rules": rules, "texts": texts},
    )
    expected = [search.terms(t) for t in texts]
    mismatches = [(t, e, g) for t, e, g in zip(texts, expected, got, strict=True) if e != g]
    assert not mismatches, mismatches[:5]


def test_javascript_counts_consultations_with_polish_plurals() -> None:
    numbers = [0, 1, 2, 3, 4, 5, 11, 12, 13, 14, 21, 22, 24, 25, 102, 112, 122, 1000]
    got = node(
        "console.log(JSON.stringify(input.numbers.map(n => lib.countText(n, ' rodziny ', input.words, 'pl'))));",
        {"numbers": numbers, "words": SCRIPT_WORDS},
    )
    counted = [g.split(" dla ")[0] for g in got]
    assert counted == [
        "Nie znaleziono konsultacji", "Znaleziono 1 konsultację", "Znaleziono 2 konsultacje",
        "Znaleziono 3 konsultacje", "Znaleziono 4 konsultacje", "Znaleziono 5 konsultacji",
        "Znaleziono 11 konsultacji", "Znaleziono 12 konsultacji", "Znaleziono 13 konsultacji",
        "Znaleziono 14 konsultacji", "Znaleziono 21 konsultacji", "Znaleziono 22 konsultacje",
        "Znaleziono 24 konsultacje", "Znaleziono 25 konsultacji", "Znaleziono 102 konsultacje",
        "Znaleziono 112 konsultacji", "Znaleziono 122 konsultacje", "Znaleziono 1000 konsultacji",
    ]  # fmt: skip
    assert got[2] == "Znaleziono 2 konsultacje dla „rodziny”."


def test_every_sentence_of_the_script_comes_from_the_page() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith(("/*", "*", "//")))
    assert not re.search(r"[ąćęńóśźżĄĆĘŃÓŚŹŻ]", code.replace("/ł/g", ""))  # no Polish wording in code
    words = SCRIPT_WORDS
    assert set(words["status"]) == {s.value for s in search.STATUS_ORDER}  # type: ignore[arg-type]
    assert set(words["found"]) == {"one", "few", "many", "other"}  # type: ignore[arg-type]


def _search(index: dict[str, Any], queries: list[str]) -> list[list[str]]:
    """Run the browser's ranking under Node; return the matching slugs per query, best first."""
    urls = node(
        "const p = lib.prepare(input.index);"
        "console.log(JSON.stringify(input.queries.map(q => (lib.search(p, q) || []).map(i => i.url))));",
        {"index": index, "queries": queries},
    )
    return [[u.rstrip("/").rsplit("/", 1)[-1] for u in found] for found in urls]


def test_queries_in_any_form_find_the_right_consultations(campaigns: list[Campaign]) -> None:
    settings = make_settings()
    index = search.build_index(published_campaigns(campaigns, settings), settings)
    queries = [
        "rodziny",
        "rodzina",
        "rodzinie",
        "zdrowia",
        "zdrowie",
        "pieczy",
        "piecza",
        "wspolpraca",
        "WSPÓŁPRACY",
        "rodz",
        "przemocy",
        "rodziny pieczy",
        "xyzzy",
    ]
    got = dict(zip(queries, _search(index, queries), strict=True))
    assert got["rodziny"] == [PWR, PIECZA]  # the title outranks a category
    assert got["rodzina"] == got["rodzinie"] == got["rodziny"]
    assert set(got["zdrowia"]) == {PWR, WPW} and got["zdrowie"] == got["zdrowia"]
    assert got["pieczy"] == got["piecza"] == [PIECZA]
    assert got["wspolpraca"][0] == WPW and got["WSPÓŁPRACY"] == got["wspolpraca"]
    assert set(got["rodz"]) >= {PWR, PIECZA}  # a word being typed
    assert got["przemocy"] == []  # that consultation is not published yet on TODAY
    assert got["rodziny pieczy"] == [PIECZA]  # every word must match
    assert got["xyzzy"] == []


def test_a_consultation_is_found_once_it_is_published(campaigns: list[Campaign]) -> None:
    settings = make_settings(dt.date(2026, 11, 20))
    index = search.build_index(published_campaigns(campaigns, settings), settings)
    assert _search(index, ["przemocy", "przemoc domowa"]) == [[PPD], [PPD]]


# ---------------------------------------------------------------- the index and the page


def test_index_lists_published_consultations_with_status_and_dates(campaigns: list[Campaign]) -> None:
    settings = make_settings()
    index = search.build_index(published_campaigns(campaigns, settings), settings)
    items = {i["url"]: i for i in index["items"]}
    assert list(items) == sorted(items) and f"konsultacje/{PPD}/" not in items
    pwr = items[f"konsultacje/{PWR}/"]
    assert (pwr["status"], pwr["opens"], pwr["closes_text"]) == ("open", "2025-08-28", "26 września 2025")
    assert "zdrow" in pwr["terms"]["body"].split()  # from index.md
    assert "odt" in pwr["terms"]["body"].split()  # from the later announcement's title
    assert index["rules"]["suffixes"][0] == ["iami", 4]
    assert index["statuses"] == ["open", "upcoming", "closed", "concluded"]


def test_index_is_bounded_per_consultation_and_byte_identical(campaigns: list[Campaign]) -> None:
    settings = make_settings()
    rng = random.Random(7)
    words = [
        search.fold("".join(rng.choice("abcdefghijklmnoprstuwyz") for _ in range(9))) for _ in range(4000)
    ]
    base = next(c for c in campaigns if c.slug == PWR)
    many = [
        dataclasses.replace(base, slug=f"konsultacja-{n:04d}", body=" ".join(rng.sample(words, 600)))
        for n in range(1000)
    ]
    index = search.build_index(many, settings)
    assert all(len(i["terms"]["body"].split()) == search.MAX_BODY_TERMS for i in index["items"])
    size = len(json_bytes(index))
    assert size < 1000 * 4000, size  # about 2.7 kB per consultation with a long text
    assert json_bytes(search.build_index(list(reversed(many)), settings)) == json_bytes(index)


def test_search_page_works_without_javascript(campaigns: list[Campaign]) -> None:
    settings = make_settings()
    page = render_search_page(published_campaigns(campaigns, settings), settings)
    assert '<form role="search" class="cx-search" action="./" method="get"' in page
    assert 'name="q"' in page and 'data-cx-index="indeks.json"' in page and 'data-cx-root="../"' in page
    assert 'role="status" aria-live="polite"' in page
    assert '<a href="../konsultacje/">' in page
    assert '<a href="../kategorie/piecza-zastepcza/">piecza zastępcza</a>' in page
    assert '<script src="search-pl.js" defer></script>' in page
    assert 'data-cx-text="{&quot;found&quot;: {&quot;one&quot;: &quot;Znaleziono {n} konsultację' in page


def test_built_site_has_our_search_and_no_lunr(example_site: Path) -> None:
    assert (example_site / "szukaj" / "index.html").is_file()
    index = json.loads((example_site / "szukaj" / "indeks.json").read_text(encoding="utf-8"))
    assert index["version"] == search.INDEX_VERSION
    assert (example_site / "szukaj" / "search-pl.js").read_text(encoding="utf-8") == search.script_text()
    assert not (example_site / "assets" / "javascripts" / "lunr").exists()
    assert not list((example_site / "assets" / "javascripts").glob("workers/search.*"))
    home = (example_site / "index.html").read_text(encoding="utf-8")
    campaign = (example_site / "konsultacje" / PWR / "index.html").read_text(encoding="utf-8")
    assert 'class="cx-header-search" role="search" aria-label="Szukaj w serwisie" action="szukaj/"' in home
    assert 'class="cx-header-search__link md-header__button md-icon" href="../../szukaj/"' in campaign
    assert 'data-md-component="search"' not in home  # Material's own search box is gone
