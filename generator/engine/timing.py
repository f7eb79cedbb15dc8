"""Seconds spent in each stage of a build, so that a slow stage shows where it is."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class StageTimes:
    """Wall-clock seconds per stage name, added up over the build (and its worker process)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Count the time the `with` block takes towards `name`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        """Count `seconds` towards `name`."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def update(self, other: Mapping[str, float], prefix: str = "") -> None:
        """Add another measurement's stages (a worker's, named with `prefix`)."""
        for name, seconds in other.items():
            self.add(prefix + name, seconds)

    def summary(self) -> str:
        """One line: `load 0.41 s, validate 0.30 s, …` in the order the stages ran."""
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.seconds.items())
