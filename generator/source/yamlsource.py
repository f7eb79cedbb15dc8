"""Read YAML the way an editor means it: every scalar as text, every key with its line.

YAML 1.1 turns `16:00` into 960, `no` into false and `2025-08-29` into a date, and lets a
repeated key silently win. We build the data from the parser's events ourselves instead: scalars stay the text
the editor wrote (typing happens in the model), duplicate keys are reported, and the line and
column of every key and list item are kept so that problems can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.source.errors import Problem

Path_ = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~14x faster

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 100  # real files nest 4 deep
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class YamlDocument:
    """A parsed YAML document: plain Python data plus where each key and item stands."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    tags: set[Path_] = field(default_factory=set)  # values with an application tag such as !ENV

    def position(self, path: Path_) -> tuple[int | None, int | None]:
        """Return the (line, column) of the nearest known node on the path."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:end]))
            if pos is not None:
                return pos
        return (None, None)


class _Frame:
    """An open sequence or mapping while its events arrive."""

    __slots__ = ("value", "is_map", "path", "keep", "key", "anchor", "start_count")

    def __init__(self, value: list[Any] | dict[str, Any], path: Path_, keep: bool, anchor: str | None,
                 start_count: int) -> None:
        self.value = value
        self.is_map = isinstance(value, dict)
        self.path = path
        self.keep = keep  # False inside a duplicate key's value or a complex key: parsed, then dropped
        self.key: str | None = None  # a mapping's key waiting for its value
        self.anchor = anchor
        self.start_count = start_count


class _Builder:
    """Builds text-only data from parser events with an explicit stack.

    Not recursive on purpose: libyaml's own composer recurses on the C stack, and a line of
    thousands of `- ` or `[` crashes the process instead of raising.
    """

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.tags: set[Path_] = set()
        self.result: Any = None
        self.documents = 0
        self.aliased = False  # whether an alias (*name) repeated something

    def feed(self, event: yaml.Event) -> None:
        # By exact type, most frequent first: this runs for every event of thousands of files.
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value = None if not event.style and event.value in _NULLS else event.value
            self._add(value, event, 1, event.anchor)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._open(event)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            size = self.count - frame.start_count
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.value, size)
            self._attach(frame.value, frame.keep)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _ManyDocuments(event.start_mark.line + 1)
        elif kind is yaml.AliasEvent:
            self.aliased = True
            if event.anchor not in self.anchors:
                open_anchor = any(f.anchor == event.anchor for f in self.stack)
                if open_anchor:
                    raise _TooBig()
                raise yaml.MarkedYAMLError(problem=f"found undefined alias '{event.anchor}'",
                                           problem_mark=event.start_mark)
            value, size = self.anchors[event.anchor]
            self._add(value, event, size, None)

    def _count(self, size: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise _TooBig()

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep()
        path, keep = self._place(event)
        self._tag(event, path, keep)
        self._count(1)
        container: list[Any] | dict[str, Any] = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        self.stack.append(_Frame(container, path, keep, event.anchor, self.count - 1))

    def _add(self, value: Any, event: yaml.Event, size: int, anchor: str | None) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise _TooBig()
        if anchor is not None:
            self.anchors[anchor] = (value, 1)
        if self.stack:
            parent = self.stack[-1]
            if parent.is_map and parent.key is None:
                self._key(value, event)
                return
            if not getattr(event, "tag", None) and (type(parent.key) is str or not parent.is_map):
                # The usual value, untagged, of a key or a list: what _place and _attach do for it.
                if not parent.is_map:
                    if parent.keep:
                        mark = event.start_mark
                        self.positions[parent.path + (len(parent.value),)] = (mark.line + 1, mark.column + 1)
                    parent.value.append(value)  # type: ignore[union-attr]
                    return
                if parent.keep:
                    parent.value[parent.key] = value  # type: ignore[call-overload,index]
                parent.key = None
                return
        path, keep = self._place(event)
        if getattr(event, "tag", None):
            self._tag(event, path, keep)
        self._attach(value, keep)

    def _tag(self, event: yaml.Event, path: Path_, keep: bool) -> None:
        tag = getattr(event, "tag", None)
        if keep and tag and tag != "!" and not tag.startswith("tag:yaml.org,2002:"):
            self.tags.add(path)

    def _place(self, event: yaml.Event) -> tuple[Path_, bool]:
        """Where the next value goes, recording its position; whether it is kept."""
        if not self.stack:
            return (), True
        parent = self.stack[-1]
        if not parent.is_map:
            path = parent.path + (len(parent.value),)
        elif parent.key is None:  # a collection used as a key
            line, col = _mark(event)
            if parent.keep:
                self.problems.append(Problem(self.rel, "yaml_complex_key", {}, line, col))
            parent.key = _IN_KEY
            return parent.path, False
        elif parent.key is _DROP:
            return parent.path, False
        else:
            path = parent.path + (parent.key,)
        if parent.keep and not parent.is_map:
            self.positions[path] = _mark(event)
        return path, parent.keep

    def _key(self, value: Any, event: yaml.Event) -> None:
        parent = self.stack[-1]
        line, col = _mark(event)
        key = "" if value is None else value
        if not isinstance(key, str):  # an alias of a collection used as a key
            if parent.keep:
                self.problems.append(Problem(self.rel, "yaml_complex_key", {}, line, col))
            parent.key = _DROP
        elif key == "<<" and not getattr(event, "style", None):
            if parent.keep:
                self.problems.append(Problem(self.rel, "yaml_merge", {}, line, col))
            parent.key = _DROP
        elif key in parent.value:
            if parent.keep:
                first = self.positions.get(parent.path + (key,), (None, None))[0]
                self.problems.append(
                    Problem(self.rel, "yaml_duplicate_key", {"key": key, "first": first},
                            line, col, field=_dotted(parent.path + (key,)))
                )
            parent.key = _DROP
        else:
            if parent.keep:
                self.positions[parent.path + (key,)] = (line, col)
            parent.key = key

    def _attach(self, value: Any, keep: bool) -> None:
        if not self.stack:
            self.result = value
            return
        parent = self.stack[-1]
        if not parent.is_map:
            parent.value.append(value)  # type: ignore[union-attr]
            return
        if parent.key is _IN_KEY:  # the collection was a key: its value comes next, and is dropped
            parent.key = _DROP
            return
        if keep and isinstance(parent.key, str):
            parent.value[parent.key] = value  # type: ignore[call-overload]
        parent.key = None


_DROP: Any = object()  # a mapping key whose value is read and dropped
_IN_KEY: Any = object()  # a mapping key that is itself a collection (being read)


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    pass


class _ManyDocuments(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _mark(item: yaml.Node | yaml.Event) -> tuple[int, int]:
    return (item.start_mark.line + 1, item.start_mark.column + 1)


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def dotted(path: Path_) -> str:
    """Write a data path the way editors read it: `duty_hours[2].time` (items count from 1)."""
    return _dotted(path)


def decode_text(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a BOM is allowed), or say on which line the first bad byte is."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(rel, "not_utf8", {}, line, col)]


def parse_yaml(raw: bytes, rel: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document from bytes into text-only data with positions."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(rel, "file_too_big", {"size": len(raw), "limit": MAX_BYTES})]
    text, problems = decode_text(raw, rel)
    if text is None:
        return None, problems
    builder = _Builder(rel)
    loader = _Loader(text)
    try:
        # yaml.parse() without its generator: get_event() gives None after the last event.
        while (event := loader.get_event()) is not None:
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, rel, text)]
    except yaml.YAMLError:
        return None, [Problem(rel, "yaml_syntax", {"detail": ""}, 1)]
    except _ManyDocuments as exc:
        return None, [Problem(rel, "yaml_many_documents", {}, exc.line)]
    except _TooDeep:
        return None, [Problem(rel, "yaml_too_deep", {"limit": MAX_DEPTH}, 1)]
    except (_TooBig, RecursionError):
        # Anchors and aliases repeat whole lists; without them the file is simply long.
        code = "yaml_too_complex" if builder.aliased else "yaml_too_many_items"
        return None, [Problem(rel, code, {"limit": MAX_NODES}, 1)]
    finally:
        loader.dispose()
    if builder.documents == 0:
        return YamlDocument(None), []
    return YamlDocument(builder.result, builder.positions, builder.tags), builder.problems


def _syntax_problem(exc: yaml.MarkedYAMLError, rel: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    detail = (exc.problem or "").strip()
    context = exc.context or ""
    if line is not None:
        src_line = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if "\t" in src_line or "\t" in detail or "tab" in detail:
            return Problem(rel, "yaml_tab", {}, line, col)
    start = exc.context_mark
    # An unclosed quote or bracket is noticed lines later, at the end of the file: point at
    # where it was opened instead.
    if start is not None and "quoted scalar" in context:
        return Problem(rel, "yaml_unclosed_quote", {}, start.line + 1, start.column + 1)
    if start is not None and ("flow sequence" in context or "flow mapping" in context):
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return Problem(rel, "yaml_unclosed_bracket", {"bracket": bracket, "closing": closing},
                       start.line + 1, start.column + 1)
    if "maximum nesting depth" in detail:  # newer libyaml stops deep flow nesting itself
        return Problem(rel, "yaml_too_deep", {"limit": MAX_DEPTH}, line)
    if "mapping values are not allowed" in detail:
        return Problem(rel, "yaml_colon", {}, line, col)
    return Problem(rel, "yaml_syntax", {"detail": detail}, line, col)
