"""The forked map gives exactly the plain map's list, whatever happens to the second process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.engine import forkmap
from generator.source.load import load_campaigns

pytestmark = pytest.mark.skipif(not forkmap.can_fork(), reason="the second process is a fork()")


def _square_with_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_the_second_process_takes_the_last_part_and_the_order_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    items = list(range(1000))
    result = forkmap.split_map(_square_with_pid, items, minimum=10)
    assert [square for square, _ in result] == [i * i for i in items]
    pids = [pid for _, pid in result]
    assert pids[0] == os.getpid() and pids[-1] != os.getpid()  # really shared with a child
    split = pids.index(pids[-1])
    assert set(pids[:split]) == {os.getpid()} and set(pids[split:]) == {pids[-1]}
    assert 0.3 < (len(items) - split) / len(items) < 0.5


def test_one_job_or_few_items_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "1")
    assert {pid for _, pid in forkmap.split_map(_square_with_pid, list(range(500)), minimum=10)} == {os.getpid()}
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    assert {pid for _, pid in forkmap.split_map(_square_with_pid, list(range(9)), minimum=10)} == {os.getpid()}


PARENT = os.getpid()


def _fails_in_the_child(item: int) -> int:
    if os.getpid() != PARENT:
        raise RuntimeError("the child cannot do this")
    return item + 1


def _dies_in_the_child(item: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    return item + 1


class _Unpicklable:
    def __init__(self, value: int) -> None:
        self.value = value

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("not picklable")


def _unpicklable(item: int) -> _Unpicklable:
    return _Unpicklable(item)


@pytest.mark.parametrize("function", [_fails_in_the_child, _dies_in_the_child])
def test_when_the_child_fails_this_process_does_its_share(
    monkeypatch: pytest.MonkeyPatch, function: object
) -> None:
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    assert forkmap.split_map(function, list(range(100)), minimum=10) == list(range(1, 101))  # type: ignore[arg-type]


def test_results_that_cannot_be_sent_are_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    assert [r.value for r in forkmap.split_map(_unpicklable, list(range(50)), minimum=10)] == list(range(50))


def _fails_here(item: int) -> int:
    if item == 3 and os.getpid() == PARENT:
        raise ValueError("bad item")
    return item


def test_an_error_in_this_process_stops_the_child_and_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    with pytest.raises(ValueError, match="bad item"):
        forkmap.split_map(_fails_here, list(range(100)), minimum=10)


def test_reading_many_folders_in_two_processes_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(60):
        folder = tmp_path / "campaigns" / f"k-{i:03d}"
        folder.mkdir(parents=True)
        broken = "title: [niedomknięte\n" if i % 7 == 0 else f"title: Konsultacja {i}\nduty_hours:\n  - date: 2025-09-{i % 28 + 1:02d}\n"
        (folder / "campaign.yml").write_text(broken, encoding="utf-8")
        (folder / "index.md").write_text(f"Treść ogłoszenia numer {i}.\n", encoding="utf-8")
    monkeypatch.setattr(forkmap, "MINIMUM", 10)
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "1")
    alone, alone_problems = load_campaigns(tmp_path / "campaigns", tmp_path)
    monkeypatch.setenv(forkmap.JOBS_VARIABLE, "2")
    shared, shared_problems = load_campaigns(tmp_path / "campaigns", tmp_path)
    assert shared == alone and shared_problems == alone_problems
    assert [r.slug for r in shared] == [f"k-{i:03d}" for i in range(60)]
    assert sum(1 for r in shared if r.problems) == 9  # the broken files' problems came back too


DIES_WITH_PARENT = '''
import multiprocessing, os, sys, time
from generator.engine.forkmap import die_with_parent

def child(parent):
    die_with_parent(parent)
    while True:
        time.sleep(1)

process = multiprocessing.get_context("fork").Process(target=child, args=(os.getpid(),))
process.start()
print(process.pid, flush=True)
time.sleep(300)
'''


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_forked_process_dies_with_its_killed_parent() -> None:
    """A killed build's worker must not go on writing into the site's folders."""
    parent = subprocess.Popen([sys.executable, "-c", DIES_WITH_PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _running(child)

    parent.kill()
    parent.wait()

    deadline = time.monotonic() + 60
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child)
