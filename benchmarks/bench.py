"""Benchmark: our full build against a bare mkdocs-material build of the same texts.

    .venv/bin/python benchmarks/bench.py                 # N = 100, 1000, 5000; 3 runs each
    .venv/bin/python benchmarks/bench.py -n 1000 --runs 1
    .venv/bin/python benchmarks/bench.py -n 2000 --blog   # also the blog-plugin equivalent

For each N it generates N synthetic consultations (about 600 words of Polish text, 4 duty
hours, 1–2 meetings, 2 materials, 2 categories, some announcements, statuses spread over 15
years), then prints the median wall time and peak memory of whole `mkdocs build` processes:
ours, and a bare mkdocs-material build of the same N announcement texts as pages outside the
navigation (the same stack with none of our work), and their ratio. It also times each stage
of the generator in-process (load, validate, pages, feeds, exports, writing files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EPOCH = "1756713600"  # 2025-09-01 10:00 Europe/Warsaw
WORDS = (
    "konsultacje rodzina rodziny wsparcie pomoc społeczna organizacje pozarządowe miasto Kraków program "
    "strategia działania cele wskaźniki mieszkańcy dzieci młodzież seniorzy osoby niepełnosprawne "
    "przemoc przeciwdziałanie zdrowie psychiczne mieszkania asystent rodziny piecza zastępcza ośrodek "
    "interwencja kryzysowa dyżur ekspert spotkanie formularz uwagi propozycje wnioski diagnoza analiza "
    "budżet finansowanie realizacja partnerzy współpraca wolontariat edukacja aktywizacja zawodowa "
    "ubóstwo bezdomność uzależnienia profilaktyka świetlice środowiskowe opieka wytchnieniowa usługi "
    "opiekuńcze dzielnica rada miasta uchwała projekt dokument termin zgłaszanie odpowiedź raport"
).split()
CATEGORIES = ["rodzina", "pomoc społeczna", "zdrowie", "seniorzy", "przemoc domowa", "niepełnosprawność",
              "mieszkalnictwo", "edukacja", "współpraca z NGO", "bezdomność"]


def synthetic_text(rng: random.Random, words: int = 600) -> str:
    """About `words` words of Polish-looking prose in paragraphs with a heading or two."""
    paragraphs = []
    count = 0
    while count < words:
        length = rng.randint(40, 90)
        sentence_words = [rng.choice(WORDS) for _ in range(length)]
        text = " ".join(sentence_words)
        paragraphs.append(text[0].upper() + text[1:] + ".")
        count += length
        if rng.random() < 0.2:
            paragraphs.append(f"## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}")
    return "\n\n".join(paragraphs) + "\n"


def write_campaigns(target: Path, n: int, seed: int = 7) -> list[str]:
    """Write n synthetic campaign folders; return their announcement texts (for the bare build)."""
    rng = random.Random(seed)
    start = dt.date(2011, 1, 1)
    span = (dt.date(2026, 6, 1) - start).days
    texts = []
    pdf = b"%PDF-1.4\n" + b"0" * 20000 + b"\n%%EOF\n"
    docx = b"PK\x03\x04" + b"0" * 8000
    for i in range(n):
        slug = f"konsultacja-{i:05d}"
        folder = target / "campaigns" / slug
        (folder / "files").mkdir(parents=True)
        (folder / "announcements").mkdir()
        opens = start + dt.timedelta(days=rng.randint(0, span))
        closes = opens + dt.timedelta(days=rng.randint(21, 40))
        cats = rng.sample(CATEGORIES, 2)
        duty = "".join(
            f"  - date: {opens + dt.timedelta(days=3 + 4 * k)}\n    time: {9 + k}:00-{11 + k}:00\n"
            f"    mode: [in_person, phone]\n    place: ul. Józefińska 14, pok. {200 + k}\n    phone: 12 616 53 2{k}\n"
            for k in range(4)
        )
        meetings = "".join(
            f"  - title: Spotkanie konsultacyjne {k + 1}\n    date: {opens + dt.timedelta(days=10 + k)}\n"
            f"    time: 16:00-18:00\n    place: MOPS, ul. Józefińska 14, III piętro\n"
            + ("    status: cancelled\n" if rng.random() < 0.1 else "")
            for k in range(rng.randint(1, 2))
        )
        report = ""
        if closes < dt.date(2025, 6, 1) and rng.random() < 0.7:
            report = f"report:\n  published: {closes + dt.timedelta(days=30)}\n  summary: Wpłynęło {rng.randint(3, 40)} uwag.\n"
        (folder / "campaign.yml").write_text(
            f"title: Program {rng.choice(WORDS)} {rng.choice(WORDS)} nr {i}\n"
            f"summary: Zbieramy uwagi do programu {rng.choice(WORDS)} i {rng.choice(WORDS)}.\n"
            f"organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie\n"
            f"published: {opens}\nopens: {opens}\ncloses: {closes}\n"
            f"categories: [{cats[0]}, {cats[1]}]\n"
            f"audience: Organizacje pozarządowe działające w Krakowie.\n"
            f"respond:\n  - channel: email\n    value: k{i}@mops.krakow.pl\n"
            f"  - channel: post\n    value: ul. Józefińska 14, 30-529 Kraków\n    annotation: KONSULTACJE {i}\n"
            f"duty_hours:\n{duty}meetings:\n{meetings}"
            f"materials:\n  - title: Projekt dokumentu\n    file: files/projekt.pdf\n"
            f"  - title: Formularz uwag\n    file: files/formularz.docx\n"
            f"{report}"
            f"contact:\n  email: k{i}@mops.krakow.pl\n",
            encoding="utf-8",
        )
        text = synthetic_text(rng)
        texts.append(text)
        (folder / "index.md").write_text(text, encoding="utf-8")
        (folder / "files" / "projekt.pdf").write_bytes(pdf)
        (folder / "files" / "formularz.docx").write_bytes(docx)
        if rng.random() < 0.3:
            (folder / "announcements" / "zmiana.md").write_text(
                f"---\ntitle: Komunikat\ndate: {opens + dt.timedelta(days=5)}\n---\n\n{synthetic_text(rng, 60)}",
                encoding="utf-8",
            )
    return texts


def make_our_site(base: Path, n: int) -> tuple[Path, list[str]]:
    """Our site: the repository's config, theme and content with n synthetic campaigns."""
    site = base / "ours"
    site.mkdir()
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, site / name)
    shutil.copy(REPO / "mkdocs.yml", site / "mkdocs.yml")
    texts = write_campaigns(site, n)
    return site, texts


def make_bare_site(base: Path, texts: list[str]) -> Path:
    """The same texts as plain pages outside the navigation, mkdocs-material and nothing else."""
    site = base / "bare"
    docs = site / "docs"
    (docs / "k").mkdir(parents=True)
    (docs / "index.md").write_text("# Strona główna\n", encoding="utf-8")
    for i, text in enumerate(texts):
        (docs / "k" / f"{i:05d}.md").write_text(f"# Konsultacja {i}\n\n{text}", encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Bare\nsite_url: https://example.org/\ntheme:\n  name: material\n  language: pl\n"
        "  font: false\nnav:\n  - index.md\nplugins: []\n",
        encoding="utf-8",
    )
    return site


def make_blog_site(base: Path, texts: list[str]) -> Path:
    """The blog-plugin equivalent: every text a post of mkdocs-material's blog."""
    site = base / "blog"
    posts = site / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (site / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    day = dt.date(2011, 1, 1)
    for i, text in enumerate(texts):
        date = day + dt.timedelta(days=i % 5000)
        (posts / f"{i:05d}.md").write_text(
            f"---\ndate: {date}\ncategories: [c{i % 10}]\n---\n\n# Konsultacja {i}\n\n{text}", encoding="utf-8"
        )
    (site / "mkdocs.yml").write_text(
        "site_name: Blog\nsite_url: https://example.org/\ntheme:\n  name: material\n  language: pl\n"
        "  font: false\nplugins:\n  - blog\n",
        encoding="utf-8",
    )
    return site


def timed_build(site: Path) -> tuple[float, float]:
    """Run one `mkdocs build` process; return (seconds, peak RSS in MiB)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    out = site / "site"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"build failed in {site}:\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def stage_times(site: Path) -> dict[str, float]:
    """Time each generator stage in-process on the given site."""
    sys.path.insert(0, str(REPO))
    from zoneinfo import ZoneInfo

    from generator import export, pages
    from generator.feeds import ical, rss
    from generator.load import load_campaigns
    from generator.outputs import material_outputs, published_campaigns, write_outputs
    from generator.settings import Settings, resolve_today
    from generator.validate import validate_campaigns

    tz = ZoneInfo("Europe/Warsaw")
    today, build_time = resolve_today(tz, environ={"SOURCE_DATE_EPOCH": EPOCH})
    settings = Settings(site_url="https://konsultacje.example.pl/", site_name="Bench", root=site,
                        campaigns_dir=site / "campaigns", today=today, build_time=build_time)
    times: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = fn()
        times[name] = time.perf_counter() - start
        return result

    raws, _ = timed("load", lambda: load_campaigns(settings.campaigns_dir, site))
    campaigns, problems = timed("validate", lambda: validate_campaigns(raws, tz))
    public = published_campaigns(campaigns, settings)
    outs = timed("pages", lambda: pages.render_pages(public, settings))
    outs += timed("feeds (ical)", lambda: ical.build_calendars(public, settings))
    outs += timed("feeds (rss)", lambda: rss.build_feeds(public, settings))
    outs += timed("exports", lambda: export.build_exports(public, settings))
    outs += material_outputs(public, settings)
    with tempfile.TemporaryDirectory() as tmp:
        timed("writing", lambda: write_outputs(outs, Path(tmp)))
    errors = [p for p in problems if p.severity.value == "error"]
    if errors:
        raise SystemExit(f"synthetic campaigns have {len(errors)} errors, e.g. {errors[0]}")
    return times


def median_of(runs: int, fn: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """Median time and the largest peak memory over `runs` runs."""
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, action="append", help="number of consultations (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--blog", action="store_true", help="also build the blog-plugin equivalent")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    args = parser.parse_args()
    sizes = args.n or [100, 1000, 5000]
    print(f"{'N':>6} {'ours s':>8} {'bare s':>8} {'ratio':>6} {'ours MiB':>9} {'bare MiB':>9}"
          + (f" {'blog s':>8} {'blog/ours':>9}" if args.blog else ""))
    for n in sizes:
        base = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
        try:
            ours, texts = make_our_site(base, n)
            bare = make_bare_site(base, texts)
            ours_t, ours_m = median_of(args.runs, lambda ours=ours: timed_build(ours))
            bare_t, bare_m = median_of(args.runs, lambda bare=bare: timed_build(bare))
            line = f"{n:>6} {ours_t:>8.1f} {bare_t:>8.1f} {ours_t / bare_t:>6.2f} {ours_m:>9.0f} {bare_m:>9.0f}"
            if args.blog:
                blog = make_blog_site(base, texts)
                blog_t, _ = median_of(1, lambda blog=blog: timed_build(blog))
                line += f" {blog_t:>8.1f} {blog_t / ours_t:>9.1f}"
            print(line, flush=True)
            stages = stage_times(ours)
            print("       stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()), flush=True)
        finally:
            if args.keep:
                print(f"       kept in {base}")
            else:
                shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
