"""Results per consultation kept from one build to the next while the preview runs.

In a `mkdocs serve` session a consultation whose files did not change is the very same
object in the next build (`session.PreviewSession` reuses it), so whatever a stage computed
from it alone (its page, its calendar events, its search entry, its export record) is found
again by identity. Everything is dropped when the settings change, and the results of
consultations that are gone are dropped at the start of each build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Per-consultation results of the previous builds, valid for one set of settings."""

    def __init__(self) -> None:
        self._settings: object = None
        self._store: dict[tuple[str, int], tuple[object, Any]] = {}

    def start(self, settings: object, owners: Iterable[object]) -> None:
        """Begin a build: forget everything if the settings changed, else what `owners` no longer hold."""
        if settings != self._settings:
            self._settings = settings
            self._store = {}
            return
        alive = {id(owner) for owner in owners}
        self._store = {key: hit for key, hit in self._store.items() if key[1] in alive}

    def get(self, kind: str, owner: object, compute: Callable[[], T]) -> T:
        """The value `compute()` gave for this `kind` of result of `owner`, computed once."""
        key = (kind, id(owner))
        hit = self._store.get(key)
        if hit is not None and hit[0] is owner:  # the id of a freed object can be reused
            return hit[1]  # type: ignore[no-any-return]
        value = compute()
        self._store[key] = (owner, value)
        return value


def cached(memo: Memo | None, kind: str, owner: object, compute: Callable[[], T]) -> T:
    """`memo.get(...)`, or just `compute()` outside a preview."""
    return compute() if memo is None else memo.get(kind, owner, compute)
