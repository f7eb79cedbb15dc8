"""Events followed across the versions of campaign.yml in git: their changes and their keys."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.source.messages import render_message
from generator.source.revisions import read_git
from tests.conftest import TZ, VALID_YML, write_campaign
from tests.test_history import commit, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DUTY = """\
  - date: {day}
    time: 10:00-12:00
    mode: phone
    phone: 12 345 67 89
"""


def with_duties(*days: str) -> str:
    return VALID_YML + "duty_hours:\n" + "".join(DUTY.format(day=d) for d in days)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    write_campaign(tmp_path, with_duties("2025-09-01", "2025-09-08", "2025-09-15"))
    commit(tmp_path, "Dyżury", date="2025-08-28T09:00:00+02:00")
    return tmp_path


def read(repo: Path) -> tuple[dict[str, tuple[str, ...]], list[tuple[str, int | None, str, str]]]:
    """Per event key the kinds of its changes, and each problem as (code, line, field, fix)."""
    _history, revisions, problems = read_git(repo / "campaigns", TZ, ["program-testowy"])
    changes = {r.key: tuple(c.kind for c in r.changes) for r in revisions.get("program-testowy", ())}
    return changes, [(p.code, p.line, p.field or "", p.message("pl")[1]) for p in problems]


def test_a_commit_that_moves_a_duty_hour_is_one_change_of_that_duty_hour(repo: Path) -> None:
    write_campaign(repo, with_duties("2025-09-01", "2025-09-09", "2025-09-15"))
    commit(repo, "Dyżur dzień później", date="2025-08-29T09:00:00+02:00")
    assert read(repo) == ({"dyzur-2": ("moved",)}, [])


def test_deleting_an_entry_without_ids_is_refused_with_the_ids_that_keep_the_others(repo: Path) -> None:
    write_campaign(repo, with_duties("2025-09-08", "2025-09-15"))  # the first one deleted
    commit(repo, "Bez pierwszego dyżuru", date="2025-08-29T09:00:00+02:00")
    _changes, problems = read(repo)
    first = VALID_YML.count("\n") + 2  # the line of the first `- date:` under duty_hours
    assert problems == [
        ("event_id_needed", first, "duty_hours[1]", "dopisz do tego wpisu wiersz „id: dyzur-2”"),
        ("event_id_needed", first + 4, "duty_hours[2]", "dopisz do tego wpisu wiersz „id: dyzur-3”"),
    ]


def test_the_check_refuses_an_insertion_before_it_is_committed(repo: Path) -> None:
    write_campaign(repo, with_duties("2025-08-29", "2025-09-01", "2025-09-08", "2025-09-15"))
    _changes, problems = read(repo)
    assert [(code, field, fix[-12:-1]) for code, _line, field, fix in problems] == [
        ("event_id_taken", "duty_hours[1]", "id: dyzur-4"),
        ("event_id_needed", "duty_hours[2]", "id: dyzur-1"),
        ("event_id_needed", "duty_hours[3]", "id: dyzur-2"),
        ("event_id_needed", "duty_hours[4]", "id: dyzur-3"),
    ]


def test_appending_at_the_end_needs_no_ids(repo: Path) -> None:
    write_campaign(repo, with_duties("2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22"))
    commit(repo, "Jeszcze jeden dyżur", date="2025-08-29T09:00:00+02:00")
    assert read(repo) == ({}, [])


def test_the_messages_say_what_moved_and_which_line_to_add() -> None:
    params = {"id": "dyzur-1", "taken": "dyzur-2"}
    assert render_message("event_id_needed", params) == (
        "ten wpis nie ma `id`, a zmienił miejsce na liście: kalendarze subskrybentów znają go jako „dyzur-1”, "
        "a teraz dostałby numer „dyzur-2” innego wydarzenia",
        "dopisz do tego wpisu wiersz „id: dyzur-1”",
    )
    assert render_message("event_id_taken", params, "en") == (
        "this new entry without an `id` would get the number 'dyzur-2', which subscribers' calendars know "
        "as another event",
        "add the line 'id: dyzur-1' to this entry",
    )


def test_a_shallow_clone_falls_back_with_a_warning(repo: Path, tmp_path: Path) -> None:
    write_campaign(repo, with_duties("2025-09-01", "2025-09-09", "2025-09-15"))
    commit(repo, "Dyżur dzień później", date="2025-08-29T09:00:00+02:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   capture_output=True)  # fmt: skip
    _history, revisions, problems = read_git(clone / "campaigns", TZ, ["program-testowy"])
    assert revisions == {}
    assert [(p.code, p.severity.value, p.path) for p in problems] == [("history_shallow", "warning", "campaigns")]


def test_outside_git_there_is_nothing_to_compare(tmp_path: Path) -> None:
    write_campaign(tmp_path, with_duties("2025-09-08", "2025-09-15"))
    assert read_git(tmp_path / "campaigns", TZ, ["program-testowy"])[1:] == ({}, [])
