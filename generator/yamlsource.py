"""Read YAML the way an editor means it: every scalar as text, every key with its line.

YAML 1.1 turns `16:00` into 960, `no` into false and `2025-08-29` into a date, and lets a
repeated key silently win. We compose the node tree ourselves instead: scalars stay the text
the editor wrote (typing happens in the model), duplicate keys are reported, and the line and
column of every key and list item are kept so that problems can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import Problem

Path_ = tuple[str | int, ...]

_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
         yaml.MappingNode: "tag:yaml.org,2002:map"}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (about 14 times faster) without implicit typing, which we never use."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _TAGS[kind]

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class YamlDocument:
    """A parsed YAML document: plain Python data plus where each key and item stands."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int | None, int | None]:
        """Return the (line, column) of the nearest known node on the path."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:end]))
            if pos is not None:
                return pos
        return (None, None)


class _Converter:
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.count = 0

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig()
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.positions[path + (index,)] = _mark(item)
                items.append(self.convert(item, path + (index,)))
            return items
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        raise _TooBig()  # pragma: no cover - yaml has no other node kinds

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if key_node.value == "<<" and not getattr(key_node, "style", None):
                self.problems.append(Problem(self.rel, "yaml_merge", {}, line, col))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.rel, "yaml_complex_key", {}, line, col))
                continue
            key = key_node.value
            if key in result:
                first = self.positions.get(path + (key,), (None, None))[0]
                self.problems.append(
                    Problem(self.rel, "yaml_duplicate_key", {"key": key, "first": first},
                            line, col, field=_dotted(path + (key,)))
                )
                continue
            self.positions[path + (key,)] = (line, col)
            result[key] = self.convert(value_node, path + (key,))
        return result


class _TooBig(Exception):
    pass


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


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
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, rel, text)]
    except yaml.YAMLError:
        return None, [Problem(rel, "yaml_syntax", {"detail": ""}, 1)]
    if len(nodes) > 1:
        second = nodes[1].start_mark.line + 1 if nodes[1] is not None else None
        return None, [Problem(rel, "yaml_many_documents", {}, second)]
    if not nodes or nodes[0] is None:
        return YamlDocument(None), []
    converter = _Converter(rel)
    try:
        data = converter.convert(nodes[0], ())
    except (_TooBig, RecursionError):
        return None, [Problem(rel, "yaml_too_complex", {"limit": MAX_NODES}, 1)]
    return YamlDocument(data, converter.positions), converter.problems


def _syntax_problem(exc: yaml.MarkedYAMLError, rel: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    detail = (exc.problem or "").strip()
    if line is not None:
        src_line = text.splitlines()[line - 1] if line - 1 < len(text.splitlines()) else ""
        if "\t" in src_line or "\t" in detail or "tab" in detail:
            return Problem(rel, "yaml_tab", {}, line, col)
    return Problem(rel, "yaml_syntax", {"detail": detail}, line, col)
