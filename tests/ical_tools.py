"""Helpers for the calendar tests: independent parsers (vobject, ical.js) and stream-level checks."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import vobject

from .tools import require

JS_DIR = Path(__file__).resolve().parent / "js"
ICAL_CHECK = JS_DIR / "ical-check.mjs"
UTC = dt.timezone.utc


def run_icaljs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parse calendars with ical.js (Thunderbird's parser) through tests/js/ical-check.mjs.

    Without node or the npm packages the test is skipped locally and fails in CI (CI=true),
    where scripts/setup-test-tools installs them.
    """
    node = shutil.which("node")
    missing = node is None or not (JS_DIR / "node_modules" / "ical.js").is_dir()
    if missing:
        require(False, "node and tests/js/node_modules (ical.js)")
    assert node is not None
    result = subprocess.run(
        [node, str(ICAL_CHECK)], input=json.dumps({"items": items}), capture_output=True, text=True,
        timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed


def icaljs_one(data: bytes, probe: list[str] | None = None) -> dict[str, Any]:
    """ical.js's reading of one calendar; fails the test if ical.js rejects it."""
    report = run_icaljs([{"name": "calendar", "text": data.decode("utf-8"), "probe": probe or []}])[0]
    assert report["error"] is None, report["error"]
    return report


def stream_problems(data: bytes) -> list[str]:
    """RFC 5545 §3.1 problems of the raw bytes: line endings, folding, encoding, blank lines."""
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte-order mark")
    if b"\n" in data.replace(b"\r\n", b"") or b"\r" in data.replace(b"\r\n", b""):
        problems.append("a line ends without CRLF")
    if not data.endswith(b"END:VCALENDAR\r\n") or data.endswith(b"\r\n\r\n"):
        problems.append("does not end with exactly one CRLF after END:VCALENDAR")
    if b"\r\n\r\n" in data:
        problems.append("has a blank line")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if len(line) > 75:
            problems.append(f"line {number} is {len(line)} octets long")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} splits a UTF-8 character")
    return problems


def unfold(data: bytes) -> list[str]:
    """Content lines with folding undone."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def vobject_calendar(data: bytes) -> Any:
    """Parse with vobject and run its structural validation (required and singleton properties).

    vobject keeps the first VTIMEZONE it saw for each TZID for the rest of the process; the
    registry is emptied first so that every calendar is read with its own VTIMEZONE (a test
    that reads a deliberately wrong one must not change how later calendars read).
    """
    vars(vobject.icalendar)["__tzidMap"].clear()
    calendar = vobject.readOne(data.decode("utf-8"))
    calendar.validate(raiseException=True)
    return calendar


def vevent_blocks(data: bytes) -> dict[str, str]:
    """Each VEVENT's unfolded text by UID."""
    blocks = {}
    for block in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data.decode("utf-8"), flags=re.S):
        uid = re.search(r"^UID:(.*)$", block.replace("\r\n ", ""), flags=re.M)
        assert uid is not None
        blocks[uid.group(1).strip()] = block
    return blocks


def expected_instant(local_value: str, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant zoneinfo gives a local ISO time (first occurrence when it happens twice)."""
    return dt.datetime.fromisoformat(local_value).replace(tzinfo=tz).astimezone(UTC)
