"""The change register read from git: a real temporary repository, and the cases without git."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.source.check import check_campaigns
from generator.source.history import load_history, with_history
from generator.source.model import HistoryEntry
from tests.conftest import TZ, write_campaign

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(
    repo: Path,
    *args: str,
    author: str = "Anna Nowak",
    date: str = "2025-08-28T09:00:00+02:00",
    committer_date: str | None = None,
) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "redakcja@example.pl",
        "GIT_COMMITTER_NAME": "Serwer", "GIT_COMMITTER_EMAIL": "ci@example.pl",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": committer_date or date,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def commit(repo: Path, message: str, **kwargs: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, **kwargs)
    return git(repo, "log", "-1", "--format=%h")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A site repository with two campaigns and a history of edits, merges and a trailer."""
    git(tmp_path, "init", "-q", "-b", "main")
    write_campaign(tmp_path, slug="program-a")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    commit(tmp_path, "Dodaj konsultację A", date="2025-08-28T09:00:00+02:00")
    write_campaign(tmp_path, slug="program-b")
    commit(
        tmp_path,
        "Dodaj konsultację B\n\nPubliczna-zmiana: Opublikowano konsultację B.",
        author="Jan Kowalski",
        date="2025-08-29T10:00:00+02:00",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    commit(tmp_path, "Zmień nazwę strony", date="2025-08-30T10:00:00+02:00")
    # A side branch merged back: the merge commit itself must not appear.
    git(tmp_path, "checkout", "-q", "-b", "poprawka")
    (tmp_path / "campaigns" / "program-a" / "index.md").write_text("Nowa treść.\n", encoding="utf-8")
    commit(
        tmp_path,
        "Popraw literówkę\n\nZmiana: Poprawiono opis celu konsultacji.",
        date="2025-09-02T23:30:00+02:00",
    )
    git(tmp_path, "checkout", "-q", "main")
    git(
        tmp_path,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge branch 'poprawka'",
        "poprawka",
        date="2025-09-03T08:00:00+02:00",
    )
    # Committed in UTC late in the evening: in Warsaw it is already the next day.
    (tmp_path / "campaigns" / "program-a" / "files").mkdir()
    (tmp_path / "campaigns" / "program-a" / "files" / "raport.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "campaigns" / "program-b" / "index.md").write_text("Inna treść.\n", encoding="utf-8")
    commit(
        tmp_path,
        "Dodaj raport A i popraw B\n\nPubliczna-zmiana: Opublikowano raport z konsultacji.",
        author="Ewa Wiśniewska",
        date="2025-09-04T12:00:00+00:00",
        committer_date="2025-09-10T22:30:00+00:00",
    )
    return tmp_path


def test_each_campaign_gets_the_changes_its_commits_marked_public_newest_first(repo: Path) -> None:
    history = load_history(repo / "campaigns", TZ)
    assert sorted(history) == ["program-a", "program-b"]
    a = history["program-a"]
    assert [e.summary for e in a] == [
        "Opublikowano raport z konsultacji.",
        "Poprawiono opis celu konsultacji.",  # the older `Zmiana:` trailer still counts
    ]
    assert a[0] == HistoryEntry(date=dt.date(2025, 9, 11), summary="Opublikowano raport z konsultacji.", commit=a[0].commit)
    assert a[1].date == dt.date(2025, 9, 2)
    assert [e.summary for e in history["program-b"]] == [
        "Opublikowano raport z konsultacji.",
        "Opublikowano konsultację B.",
    ]
    # Subject lines, merges and authors are for colleagues: none of them is published.
    published = repr(history)
    for private in ("Dodaj", "Merge", "nazwę strony", "Anna", "Nowak", "Jan", "Ewa", "example.pl"):
        assert private not in published


def test_commit_ids_are_short_hashes_of_real_commits(repo: Path) -> None:
    history = load_history(repo / "campaigns", TZ)
    full = git(repo, "log", "--format=%H").split()
    for entry in history["program-a"]:
        assert 7 <= len(entry.commit) < 40
        assert any(h.startswith(entry.commit) for h in full)


def test_history_is_deterministic_and_reaches_the_campaigns(repo: Path) -> None:
    first = load_history(repo / "campaigns", TZ)
    assert load_history(repo / "campaigns", TZ) == first
    campaigns, _ = check_campaigns(repo / "campaigns", repo, TZ)
    filled = with_history(campaigns, first)
    assert [c.slug for c in filled] == ["program-a", "program-b"]
    assert filled[0].history == first["program-a"] and filled[0].data == campaigns[0].data


def test_site_in_a_subfolder_of_the_repository(repo: Path) -> None:
    site = repo / "strona"
    site.mkdir()
    git(repo, "mv", "campaigns", "strona/campaigns")
    commit(
        repo,
        "Przenieś stronę do podfolderu\n\nPubliczna-zmiana: Nowy adres plików źródłowych.",
        date="2025-09-12T10:00:00+02:00",
    )
    history = load_history(site / "campaigns", TZ)
    # Without rename detection the move is one more change of each folder; older history stays
    # with the old path, so only the move itself is listed.
    assert [e.summary for e in history["program-a"]] == ["Nowy adres plików źródłowych."]


def test_no_git_no_repository_no_folder_give_an_empty_register(tmp_path: Path) -> None:
    write_campaign(tmp_path, slug="program-a")
    env_free = tmp_path / "campaigns"
    assert load_history(env_free, TZ, git="git-that-does-not-exist") == {}
    assert load_history(env_free, TZ, git=str(tmp_path / "campaigns" / "program-a" / "index.md")) == {}
    assert load_history(tmp_path / "missing", TZ) == {}


def test_outside_a_checkout_the_register_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Stop git from finding a repository above the temporary folder.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    write_campaign(tmp_path, slug="program-a")
    assert load_history(tmp_path / "campaigns", TZ) == {}


def test_uncommitted_campaign_has_no_entries(repo: Path) -> None:
    write_campaign(repo, slug="program-c")
    history = load_history(repo / "campaigns", TZ)
    assert "program-c" not in history and "program-a" in history


def test_shallow_clone_leaves_out_the_cut_off_commit(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)], check=True, capture_output=True
    )
    history = load_history(clone / "campaigns", TZ)
    # Depth 2 fetches the last commit and its first parent, the merge; the merge's tree shows
    # every file as added, but it is a merge and a graft: nothing from it may appear.
    assert [e.summary for e in history.get("program-a", ())] == ["Opublikowano raport z konsultacji."]
    assert [e.summary for e in history.get("program-b", ())] == ["Opublikowano raport z konsultacji."]
