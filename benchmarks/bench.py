"""Benchmark: our full build against a bare mkdocs-material build of the same texts.

    make bench                                  # N = 100, 1000, 5000 (3 runs each), blog at 2000
    .venv/bin/python benchmarks/bench.py        # N = 100, 1000, 5000, 3 runs each
    .venv/bin/python benchmarks/bench.py -n 1000 --runs 1
    .venv/bin/python benchmarks/bench.py -n 2000 --blog   # also the blog-plugin equivalent, once
    .venv/bin/python benchmarks/bench.py -n 1000 --engine properdocs --no-stages   # also another engine

For each N it generates N synthetic consultations (about 600 words of Polish text, 4 duty
hours, 1–2 meetings, 2 materials, 2 categories, an announcement in a third of them, dates
spread over 15 years so that every status occurs), then prints the median wall time of whole
`mkdocs build` processes and their peak memory: ours, and a bare mkdocs-material build of the
same N announcement texts as pages outside the navigation (the same stack with none of our
work), and their ratio. Peak memory is the largest sum of the proportional set sizes (PSS) of
the build's processes, sampled every 50 ms in one more build (the timed ones are not sampled, as reading a
process's memory map takes processor time from the build): the worker process shares most of its memory with
the build it was forked from, so this counts what both really use. Then one more build of
ours runs in this process's child with each stage timed (the plugin's load, validate, pages,
feeds, exports, search and its worker's share, and MkDocs' Markdown, templates and copying).
With `--engine NAME` (repeatable) it also times whole `consult build --engine NAME` processes
of our site (check, generated tree, the engine, repairs, publishing) and their ratio to ours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
CATEGORIES = [
    "rodzina",
    "pomoc społeczna",
    "zdrowie",
    "seniorzy",
    "przemoc domowa",
    "niepełnosprawność",
    "mieszkalnictwo",
    "edukacja",
    "współpraca z NGO",
    "bezdomność",
]
FIRST_DAY, LAST_DAY = dt.date(2011, 1, 1), dt.date(2026, 6, 1)


def synthetic_text(rng: random.Random, words: int = 600) -> str:
    """About `words` words of Polish-looking prose in paragraphs, with a heading now and then."""
    paragraphs = []
    count = 0
    while count < words:
        length = rng.randint(40, 90)
        text = " ".join(rng.choice(WORDS) for _ in range(length))
        paragraphs.append(text[0].upper() + text[1:] + ".")
        count += length
        if rng.random() < 0.2:
            paragraphs.append(f"## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}")
    return "\n\n".join(paragraphs) + "\n"


def campaign_yml(rng: random.Random, i: int, opens: dt.date) -> str:
    """The campaign.yml of synthetic consultation number i, opening on `opens`."""
    closes = opens + dt.timedelta(days=rng.randint(21, 40))
    published = opens - dt.timedelta(days=rng.randint(0, 21))
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
    return (
        f"title: Program {rng.choice(WORDS)} {rng.choice(WORDS)} nr {i}\n"
        f"summary: Zbieramy uwagi do programu {rng.choice(WORDS)} i {rng.choice(WORDS)}.\n"
        f"organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie\n"
        f"published: {published}\nopens: {opens}\ncloses: {closes}\n"
        f"categories: [{cats[0]}, {cats[1]}]\n"
        f"audience: Organizacje pozarządowe działające w Krakowie.\n"
        f"respond:\n  - channel: email\n    value: k{i}@mops.krakow.pl\n"
        f"  - channel: post\n    value: ul. Józefińska 14, 30-529 Kraków\n    annotation: KONSULTACJE {i}\n"
        f"duty_hours:\n{duty}meetings:\n{meetings}"
        f"materials:\n  - title: Projekt dokumentu\n    file: files/projekt.pdf\n"
        f"  - title: Formularz uwag\n    file: files/formularz.docx\n"
        f"{report}"
        f"contact:\n  email: k{i}@mops.krakow.pl\n"
    )


def write_campaigns(target: Path, n: int, seed: int = 7) -> list[str]:
    """Write n synthetic campaign folders; return their announcement texts (for the bare build)."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    texts = []
    pdf = b"%PDF-1.4\n" + b"0" * 20000 + b"\n%%EOF\n"
    docx = b"PK\x03\x04" + b"0" * 8000
    for i in range(n):
        folder = target / "campaigns" / f"konsultacja-{i:05d}"
        (folder / "files").mkdir(parents=True)
        (folder / "announcements").mkdir()
        opens = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        (folder / "campaign.yml").write_text(campaign_yml(rng, i, opens), encoding="utf-8")
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
        "  font: false\nnav:\n  - index.md\nnot_in_nav: |\n  /k/\nplugins: []\n",
        encoding="utf-8",
    )
    return site


def make_blog_site(base: Path, texts: list[str]) -> Path:
    """The blog-plugin equivalent: every text a post of mkdocs-material's blog."""
    site = base / "blog"
    posts = site / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (site / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for i, text in enumerate(texts):
        date = FIRST_DAY + dt.timedelta(days=i % 5000)
        (posts / f"{i:05d}.md").write_text(
            f"---\ndate: {date}\ncategories: [c{i % 10}]\n---\n\n# Konsultacja {i}\n\n{text}",
            encoding="utf-8",
        )
    (site / "mkdocs.yml").write_text(
        "site_name: Blog\nsite_url: https://example.org/\ntheme:\n  name: material\n  language: pl\n"
        "  font: false\nplugins:\n  - blog\n",
        encoding="utf-8",
    )
    return site


@dataclass
class Run:
    """One whole `mkdocs build` process."""

    seconds: float
    peak_pss_mib: float  # largest sum over the build's processes, sampled
    max_rss_mib: float  # getrusage's largest resident set of one of them


def _pss_kib(pid: int) -> int:
    """Proportional set size of a process and all its descendants, 0 for those gone."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        children: list[str] = []
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as listing:
                children += listing.read().split()
    except OSError:
        return total
    return total + sum(_pss_kib(int(child)) for child in children)


def timed_build(
    site: Path, env_extra: dict[str, str] | None = None, watch_memory: bool = False, engine: str | None = None
) -> Run:
    """Run one `mkdocs build` process (or `consult build --engine ENGINE`) into an empty folder
    and time it; `watch_memory` samples its memory.

    Sampling reads /proc/PID/smaps_rollup of every process of the build every 50 ms, which
    takes processor time from a build that uses both cores: the timed runs do not sample.
    """
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", **(env_extra or {})}
    out = site / "site"
    shutil.rmtree(out, ignore_errors=True)
    os.sync()  # the previous run's files are on disk before this one starts
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)] if engine is None
        else [str(Path(sys.executable).with_name("consult")), "build", "--engine", engine, "-d", str(out)],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _pss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if watch_memory:
        sampler.start()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    if watch_memory:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if status != 0:
        raise SystemExit(f"build failed in {site}:\n{stderr[-3000:]}")
    return Run(elapsed, peak[0] / 1024, usage.ru_maxrss / 1024)


def stage_times(site: Path) -> dict[str, float]:
    """Seconds per stage of one more build of `site`, measured inside that build (stages.py)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    out = site / "site-stages"
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("stages.py")), str(site), str(out)],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"the timed build failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def median_of(runs: int, build: Callable[[bool], Run]) -> Run:
    """Median time over `runs` builds, and memory from one more build that samples it."""
    results = [build(False) for _ in range(runs)]
    memory = build(True)
    return Run(
        statistics.median(r.seconds for r in results),
        memory.peak_pss_mib,
        max(r.max_rss_mib for r in [*results, memory]),
    )


def print_stages(stages: dict[str, float]) -> None:
    """The stage times, ours first, then the worker's, then MkDocs'."""
    ours = {k: v for k, v in stages.items() if not k.startswith(("worker: ", "MkDocs: ", "whole"))}
    worker = {k[len("worker: ") :]: v for k, v in stages.items() if k.startswith("worker: ")}
    mkdocs = {k[len("MkDocs: ") :]: v for k, v in stages.items() if k.startswith("MkDocs: ")}
    print("         plugin: " + ", ".join(f"{k} {v:.2f}" for k, v in ours.items()))
    if worker:
        print("         worker: " + ", ".join(f"{k} {v:.2f}" for k, v in worker.items()))
    print(
        "         MkDocs: "
        + ", ".join(f"{k} {v:.2f}" for k, v in mkdocs.items())
        + f"; whole build {stages.get('whole build (in process)', 0):.2f} s",
        flush=True,
    )


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, action="append", help="number of consultations (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site (the median is shown)")
    parser.add_argument("--blog", action="store_true", help="also build the blog-plugin equivalent, once")
    parser.add_argument("--no-stages", action="store_true", help="skip the build with stage times")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--engine", action="append", default=[], help="also time `consult build --engine NAME`")
    args = parser.parse_args()
    sizes = args.n or [100, 1000, 5000]
    print(
        f"{os.cpu_count()} cores; median of {args.runs} whole `mkdocs build` processes; "
        "memory: peak PSS of all the build's processes (peak RSS of the largest one), in one more build",
        flush=True,
    )
    print(
        f"{'N':>6} {'ours s':>8} {'bare s':>8} {'ratio':>6}  {'ours MiB':>14}  {'bare MiB':>14}"
        + (f" {'blog s':>8} {'blog/ours':>9}" if args.blog else "")
        + "".join(f" {name + ' s':>14} {'/ours':>6}" for name in args.engine),
        flush=True,
    )
    for n in sizes:
        base = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
        try:
            ours, texts = make_our_site(base, n)
            bare = make_bare_site(base, texts)
            mine = median_of(args.runs, lambda watch, ours=ours: timed_build(ours, watch_memory=watch))
            theirs = median_of(args.runs, lambda watch, bare=bare: timed_build(bare, watch_memory=watch))
            line = (
                f"{n:>6} {mine.seconds:>8.1f} {theirs.seconds:>8.1f} {mine.seconds / theirs.seconds:>6.2f}"
                f"  {mine.peak_pss_mib:>6.0f} ({mine.max_rss_mib:>5.0f})"
                f"  {theirs.peak_pss_mib:>6.0f} ({theirs.max_rss_mib:>5.0f})"
            )
            if args.blog:
                blog = timed_build(make_blog_site(base, texts))
                line += f" {blog.seconds:>8.1f} {blog.seconds / mine.seconds:>9.1f}"
            for name in args.engine:
                other = median_of(args.runs, lambda watch, name=name, ours=ours: timed_build(ours, watch_memory=watch, engine=name))
                line += f" {other.seconds:>14.1f} {other.seconds / mine.seconds:>6.2f}"
            print(line, flush=True)
            if not args.no_stages:
                print_stages(stage_times(ours))
        finally:
            if args.keep:
                print(f"       kept in {base}")
            else:
                shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
