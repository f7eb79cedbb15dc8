"""iCalendar content lines (RFC 5545 §3.1) written directly, byte for byte as icalendar 7 writes them.

Building an icalendar `Event` and serialising it costs about a millisecond, mostly in the
library's per-character line folding; a site with thousands of consultations has tens of
thousands of events, each in up to six files. The few value types the feeds use (TEXT,
DATE, DATE-TIME, INTEGER, URI, CAL-ADDRESS, DURATION) are written here instead, with the same
escaping, parameter quoting, property order and folding as icalendar. `tests/ical_reference.py`
builds every calendar with icalendar as well and the tests require identical bytes, so a
change of either side is noticed.
"""

from __future__ import annotations

import datetime as dt
import re

CRLF = "\r\n"
_FOLD_AT = 74  # octets per physical line before the fold; the fold adds a leading space
_CONTINUATION = 0x80  # 0b10xxxxxx: a byte inside a UTF-8 sequence
_ESCAPES = (0x5C, 0x5E)  # "\" and "^" must not end a folded line (icalendar issue 1501)
_QUOTE_PARAM = re.compile("[,;:’]")  # noqa: RUF001 - icalendar also quotes values with this apostrophe
_QUOTE_CN = re.compile("[,;:’ ']")  # noqa: RUF001
_PARAM_ESCAPE = re.compile(r'\^|\r\n|\r|\n|"')
_PARAM_ESCAPES = {"^": "^^", "\n": "^n", "\r": "^n", "\r\n": "^n", '"': "^'"}


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded as icalendar folds it.

    Each physical line holds at most 74 octets (75 with the continuation's leading space),
    a fold never splits a multi-byte character, and a line never ends in a backslash or
    caret, which some clients would read as the start of an escape.
    """
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return data
    parts = []
    start = 0
    while len(data) - start > _FOLD_AT:
        end = start + _FOLD_AT
        while data[end] & 0xC0 == _CONTINUATION:
            end -= 1
        if data[end - 1] in _ESCAPES:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def text(value: str) -> str:
    r"""A TEXT value (RFC 5545 §3.3.11) escaped as icalendar escapes it.

    Like icalendar, a literal `\N` is read as a line break first.
    """
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def text_list(values: list[str]) -> str:
    """A list of TEXT values (CATEGORIES), each escaped, separated by commas."""
    return ",".join(text(v) for v in values)


def param(value: str, name: str = "") -> str:
    """A parameter value with RFC 6868 escapes, in double quotes where icalendar quotes it."""
    value = _PARAM_ESCAPE.sub(lambda m: _PARAM_ESCAPES[m.group(0)], value)
    pattern = _QUOTE_CN if name == "CN" else _QUOTE_PARAM
    return f'"{value}"' if pattern.search(value) else value


def utc(moment: dt.datetime) -> str:
    """A DATE-TIME in UTC, e.g. 20250901T080000Z."""
    moment = moment.astimezone(dt.timezone.utc)
    return f"{moment.year:04}{moment.month:02}{moment.day:02}T{moment.hour:02}{moment.minute:02}{moment.second:02}Z"


def local(moment: dt.datetime) -> str:
    """A DATE-TIME as its wall-clock time, without a zone (the property carries TZID)."""
    return f"{moment.year:04}{moment.month:02}{moment.day:02}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def date(day: dt.date) -> str:
    """A DATE, e.g. 20250901."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def duration(length: dt.timedelta) -> str:
    """A DURATION as icalendar writes it (PT6H; whole days as P1D, P1DT2H)."""
    sign = ""
    if length.days < 0:
        sign, length = "-", -length
    time = ""
    if length.seconds:
        hours, minutes, seconds = length.seconds // 3600, length.seconds % 3600 // 60, length.seconds % 60
        time = "T" + (f"{hours}H" if hours else "")
        time += f"{minutes}M" if minutes or (hours and seconds) else ""
        time += f"{seconds}S" if seconds else ""
    if length.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{length.days}D{time}"
