"""Journey: an editor moves and cancels meetings, inserts a duty hour and extends the deadline.

From a fresh folder and a fresh git repository, with only the commands an editor types
(`consult init`, `consult check`, `git commit`, `mkdocs build`) and ordinary git habits: no
`updated`, no `changes`. After every build the subscriber's calendar is read as a calendar
client reads it (icalendar) and the updates feed as a feed reader does (feedparser).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import icalendar
import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BIN = Path(sys.executable).parent
SLUG = "program-wspolpracy-2027"
TODAY = "2027-01-05T12:00:00+00:00"  # the build's day (SOURCE_DATE_EPOCH): the consultation is open
CAMPAIGN = """\
title: Program współpracy z organizacjami pozarządowymi na 2027 rok
summary: Zbieramy uwagi organizacji do projektu programu współpracy.
organizer: Fundacja Przykładowa
published: 2027-01-04
opens: 2027-01-04
closes: 2027-01-29
categories: [współpraca]
respond:
  - channel: email
    value: biuro@example.pl
duty_hours:
  - date: 2027-01-11
    time: 10:00-12:00
    mode: phone
    phone: 12 345 67 89
  - date: 2027-01-18
    time: 10:00-12:00
    mode: phone
    phone: 12 345 67 89
meetings:
  - title: Spotkanie otwarte w Krakowie
    date: 2027-01-13
    time: 17:00-19:00
    place: ul. Długa 1, sala 2
  - title: Spotkanie otwarte online
    date: 2027-01-20
    time: 17:00-19:00
    online: https://spotkania.example.pl/program
contact:
  email: biuro@example.pl
"""


class Site:
    """The editor's working copy: a folder, its git repository, and the built site."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.yml = root / "campaigns" / SLUG / "campaign.yml"
        self.clock = 0

    def run(self, *command: str, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        self.clock += 1  # each commit a minute after the one before, all before the build
        moment = f"2027-01-05T09:{self.clock:02d}:00+01:00"
        env = {
            **os.environ, "SOURCE_DATE_EPOCH": str(_epoch(TODAY)), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            "GIT_AUTHOR_NAME": "Anna Nowak", "GIT_AUTHOR_EMAIL": "redakcja@example.pl",
            "GIT_COMMITTER_NAME": "Anna Nowak", "GIT_COMMITTER_EMAIL": "redakcja@example.pl",
            "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment,
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        }  # fmt: skip
        result = subprocess.run(command, cwd=cwd or self.root, env=env, capture_output=True, text=True, check=False)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def edit(self, old: str, new: str) -> None:
        text = self.yml.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        self.yml.write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str) -> None:
        self.run("git", "add", "-A")
        self.run("git", "commit", "-q", "-m", message)

    def build(self) -> dict[str, icalendar.Event]:
        """`mkdocs build`, then the subscribed calendar as a client sees it: events by UID."""
        self.run("mkdocs", "build", "--strict")
        return self.calendar()

    def calendar(self) -> dict[str, icalendar.Event]:
        data = (self.root / "site" / "kalendarz" / "konsultacje" / f"{SLUG}.ics").read_bytes()
        events = icalendar.Calendar.from_ical(data).walk("VEVENT")
        return {str(e["UID"]): e for e in events}

    def news(self) -> list[str]:
        """The titles a feed reader shows from the updates feed, newest first."""
        feed = feedparser.parse((self.root / "site" / "feeds" / "aktualnosci.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        return [entry.title for entry in feed.entries]


def _epoch(moment: str) -> int:
    import datetime as dt

    return int(dt.datetime.fromisoformat(moment).timestamp())


def by_start(events: dict[str, icalendar.Event]) -> dict[str, str]:
    """UID per event, named by what the subscriber sees: its summary and start."""
    return {f"{e['SUMMARY']} @ {e.decoded('DTSTART')}": uid for uid, e in events.items()}


def find(events: dict[str, icalendar.Event], summary: str) -> tuple[str, icalendar.Event]:
    found = [(uid, e) for uid, e in events.items() if summary in str(e["SUMMARY"])]
    assert len(found) == 1, [str(e["SUMMARY"]) for e in events.values()]
    return found[0]


def sequences(events: dict[str, icalendar.Event]) -> dict[str, int]:
    return {uid: int(e.get("SEQUENCE", 0)) for uid, e in events.items()}


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A new organisation's site with one consultation, committed and built once."""
    site = Site(tmp_path / "strona")
    site.run(str(BIN / "consult"), "init", str(site.root), "--name", "Fundacja Przykładowa",
             "--url", "https://konsultacje.example.pl/", "--email", "biuro@example.pl", cwd=tmp_path)  # fmt: skip
    config = site.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # As an editor would: the accessibility statement's placeholders filled in (the telephone
    # for accessibility matters and the descriptions), so that the strict check passes.
    assert "phone: (do uzupełnienia)" in text
    text = text.replace("phone: (do uzupełnienia)", "phone: +48 12 345 67 89")
    config.write_text(text.replace("(do uzupełnienia)", "Opis przygotowany przez redakcję."), encoding="utf-8")
    notice = site.root / "content" / "ochrona-danych.md"  # and the data-protection clause
    notice.write_text(notice.read_text(encoding="utf-8").replace("(do uzupełnienia)", "Fundacja Przykładowa"),
                      encoding="utf-8")
    for page in ("etr.md", "pjm.md"):  # the easy-to-read and sign-language pages written,
        path = site.root / "content" / page
        path.write_text(path.read_text(encoding="utf-8").replace("(do uzupełnienia)", "Fundacja Przykładowa"),
                        encoding="utf-8")
    for file in ("etr/informacje-o-dzialalnosci.txt", "pjm/informacje-o-dzialalnosci.webm",
                 "pjm/informacje-o-dzialalnosci.vtt"):  # with their text file, recording and captions
        (site.root / "content" / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "content" / file, site.root / "content" / file)
    shutil.rmtree(site.root / "campaigns" / "przykladowa-konsultacja")
    site.run("git", "init", "-q", "-b", "main")
    (site.root / ".gitignore").write_text("site/\n", encoding="utf-8")
    folder = site.yml.parent
    folder.mkdir(parents=True)
    site.yml.write_text(CAMPAIGN, encoding="utf-8")
    (folder / "index.md").write_text("# Program współpracy\n\nZapraszamy do zgłaszania uwag.\n", encoding="utf-8")
    site.commit("Nowa konsultacja: program współpracy 2027")
    return site


def test_editor_moves_cancels_inserts_and_extends(site: Site) -> None:
    first = site.build()
    assert len(first) == 5  # two duty hours, two meetings, the deadline
    assert set(sequences(first).values()) == {0}
    krakow, _ = find(first, "Spotkanie otwarte w Krakowie")
    online, _ = find(first, "Spotkanie otwarte online")

    # 1. The meeting in Kraków is an hour later: edit the time, commit, nothing else.
    site.edit("    time: 17:00-19:00\n    place:", "    time: 18:00-20:00\n    place:")
    site.commit("Spotkanie w Krakowie godzinę później")
    assert site.run("consult", "check", "--strict").returncode == 0
    moved = site.build()
    assert moved.keys() == first.keys(), "the same events keep their UIDs"
    assert moved[krakow].decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == "2027-01-13 18:00"
    assert moved[krakow].decoded("DTEND").strftime("%H:%M") == "20:00"
    assert sequences(moved) == {**sequences(first), krakow: 1}, "only the moved meeting is a new version"
    assert moved[krakow].decoded("LAST-MODIFIED") > first[krakow].decoded("LAST-MODIFIED")
    assert site.news()[0] == (
        "Spotkanie przeniesione na 13 stycznia 2027, 18:00–20:00 – "
        "Program współpracy z organizacjami pozarządowymi na 2027 rok"
    )

    # 2. The online meeting is cancelled: one line, commit.
    site.edit("    online: https://spotkania.example.pl/program\n",
              "    online: https://spotkania.example.pl/program\n    status: cancelled\n")  # fmt: skip
    site.commit("Spotkanie online odwołane")
    cancelled = site.build()
    assert cancelled.keys() == first.keys()
    assert str(cancelled[online]["STATUS"]) == "CANCELLED"
    assert sequences(cancelled) == {**sequences(moved), online: 1}
    assert site.news()[0].startswith("Spotkanie odwołane: 20 stycznia 2027, 17:00–19:00 – Program współpracy")

    # 3. A duty hour inserted at the top of the list, without ids: the check refuses it and
    #    says which `id:` lines keep the calendars right; the published site stays as it was.
    site.edit("duty_hours:\n", "duty_hours:\n  - date: 2027-01-07\n    time: 12:00-14:00\n    mode: phone\n"
              "    phone: 12 345 67 89\n")  # fmt: skip
    site.commit("Dodatkowy dyżur 7 stycznia")
    check = site.run("consult", "check", check=False)
    assert check.returncode == 1, check.stdout + check.stderr
    asked = re.findall(r"campaign.yml:(\d+):\d+: duty_hours\[(\d)\]: .*\n .*„id: ([a-z0-9-]+)”", check.stdout)
    assert [(item, key) for _line, item, key in asked] == [("1", "dyzur-3"), ("2", "dyzur-1"), ("3", "dyzur-2")]
    failed = site.run("mkdocs", "build", "--strict", check=False)
    assert failed.returncode != 0 and "id: dyzur-1" in failed.stdout + failed.stderr
    assert site.calendar() == cancelled, "a refused build leaves the published calendar as it was"
    lines = site.yml.read_text(encoding="utf-8").splitlines(keepends=True)
    for line, _item, key in sorted(asked, key=lambda a: -int(a[0])):  # as the message says, bottom up
        lines.insert(int(line), f"    id: {key}\n")
    site.yml.write_text("".join(lines), encoding="utf-8")
    site.commit("Identyfikatory dyżurów, jak prosi sprawdzenie")
    assert site.run("consult", "check", "--strict").returncode == 0
    inserted = site.build()
    assert set(cancelled) < set(inserted) and len(inserted) == 6, "old events keep their UIDs; one new"
    new_uid = (set(inserted) - set(cancelled)).pop()
    assert inserted[new_uid].decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == "2027-01-07 12:00"
    assert sequences(inserted) == {**sequences(cancelled), new_uid: 0}, "nothing else changed for subscribers"

    # 4. The deadline is extended by two weeks.
    site.edit("closes: 2027-01-29\n", "closes: 2027-02-12\n")
    site.commit("Termin przedłużony")
    extended = site.build()
    deadline = next(uid for uid, e in extended.items() if not hasattr(e.decoded("DTSTART"), "hour"))
    assert extended.keys() == inserted.keys()
    assert str(extended[deadline].decoded("DTSTART")) == "2027-02-12"
    assert sequences(extended) == {**sequences(inserted), deadline: 1}
    news = site.news()
    assert news[0] == "Termin przedłużony do 12 lutego 2027 – Program współpracy z organizacjami pozarządowymi na 2027 rok"
    assert sum(title.startswith("Spotkanie przeniesione na 13 stycznia 2027, 18:00–20:00") for title in news) == 1
    assert sum(title.startswith("Spotkanie odwołane") for title in news) == 1
    assert not any("Dyżur" in title for title in news), "a new duty hour is not a change of one"
