"""Pause Python's cyclic garbage collector while a stage builds many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(settle_after: bool = False) -> Iterator[None]:
    """Run the `with` block without cyclic garbage collection (reference counting still frees memory).

    With `settle_after`, what the block built is exempted from later collections (`settle`)
    before collection resumes: otherwise the first full collection afterwards walks it all.

    Loading thousands of campaigns creates millions of objects that live until the build
    ends, and every collection on the way walks all of them again: with 10,000 campaigns
    that was a third of the time spent loading and validating. The stages create no
    reference cycles that must be freed before the block ends; collection resumes after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if settle_after:
            settle()
        if enabled:
            gc.enable()


def settle() -> None:
    """Exempt every object alive now from later collections (a one-shot build, after validation).

    The validated campaigns live until the build ends, so the collections that the pages,
    feeds and MkDocs' own rendering trigger would walk all of them again, again and again:
    with 10,000 campaigns that was a seventh of the calendars' time. Frozen objects are still
    freed by reference counting; only cycles among them would stay, and they have none that
    matter. A forked worker also shares more memory with its parent, as the collector no
    longer writes to the frozen objects' pages. Not for the preview server, which rebuilds
    with new campaigns for hours.
    """
    gc.freeze()
