"""Map a function over many items with a forked second process taking the last part of them.

For work that is a pure function of its item and of nothing that changes meanwhile
(reading campaign folders): a fork() of this process maps the last `CHILD_SHARE` of the
items while this one maps the rest, then sends its results back pickled. The child's share
is under half because pickling and unpickling its results costs about a third of the work.
If the second process cannot start, fails or sends nothing, this process maps its share
itself, so the result is always the same list as `[function(item) for item in items]`, in
the same order.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

JOBS_VARIABLE = "CONSULTATIONS_JOBS"
MINIMUM = 400  # below this many items a fork costs more than it saves
CHILD_SHARE = 0.42

T = TypeVar("T")
R = TypeVar("R")


def jobs() -> int:
    """How many processes may work: CONSULTATIONS_JOBS, else 2 on a machine with two cores."""
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    if value.isascii() and value.isdigit() and int(value) >= 1:
        return int(value)
    return 2 if (os.cpu_count() or 1) > 1 else 1


def can_fork() -> bool:
    """Whether a worker can be a fork() of this process (Linux and other Unix but macOS)."""
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def die_with_parent(parent: int) -> None:
    """End this forked process as soon as `parent` dies, so that a killed build stops writing.

    Linux kills it at once (PR_SET_PDEATHSIG); elsewhere a thread checks every half second.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the thread below
            _watch(parent)
    else:  # pragma: no cover
        _watch(parent)
    if os.getppid() != parent:  # it died before this process could ask to follow it
        os._exit(1)


def _watch(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def split_map(function: Callable[[T], R], items: Sequence[T], minimum: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, the last part done by a forked process when it pays.

    Args:
        minimum: the fewest items worth a second process (default `MINIMUM`).
    """
    if len(items) < (MINIMUM if minimum is None else minimum) or jobs() < 2 or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    split = len(items) - int(len(items) * CHILD_SHARE)
    process = context.Process(target=_child, args=(function, items[split:], send, os.getpid()), daemon=True)
    try:
        process.start()
    except Exception:  # noqa: BLE001 - no more processes, or a daemon that may have none: do it all here
        receive.close()
        send.close()
        return [function(item) for item in items]
    send.close()
    theirs: list[R] | None = None
    try:
        mine = [function(item) for item in items[:split]]
        theirs = _receive(receive)
    finally:
        if theirs is None and process.is_alive():  # it failed, or this process was interrupted
            process.kill()
        process.join()
        receive.close()
    if theirs is None:
        theirs = [function(item) for item in items[split:]]
    return mine + theirs


def _receive(connection: Connection) -> list[Any] | None:
    try:
        kind, payload = connection.recv()
    except Exception:  # noqa: BLE001 - a closed pipe or a broken pickle: do it here
        return None
    return payload if kind == "ok" else None


def _child(function: Callable[[Any], Any], items: Sequence[Any], send: Connection, parent: int) -> None:
    die_with_parent(parent)
    try:
        send.send(("ok", [function(item) for item in items]))
    except BaseException:  # noqa: BLE001 - the parent maps these items itself
        try:
            send.send(("failed", None))
        except BaseException:  # noqa: BLE001, S110 - the parent sees the pipe close
            pass
    finally:
        send.close()
