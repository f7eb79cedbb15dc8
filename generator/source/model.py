"""The consultation model: what `campaign.yml` may say, and the facts derived from it.

The pydantic models below are the single source of truth for `campaign.yml`: validation,
the JSON Schema published for editors' tools, and the typed objects every later stage reads.
Values arrive as text (see `yamlsource`), so each field type parses the text an editor writes.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

# ---------------------------------------------------------------- field types


def _text(value: Any) -> str:
    if type(value) is str:  # nearly always, from our YAML reader: checked first, it runs for every field
        value = value.strip()
        if value and not CONTROL_CHARACTERS.search(value):
            return value
    if value is None:
        raise PydanticCustomError("cx_empty", "empty text")
    if isinstance(value, bool | int | float):  # only reachable from Python callers
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("cx_text", "expected text")
    value = value.strip()
    if not value:
        raise PydanticCustomError("cx_empty", "empty text")
    control = CONTROL_CHARACTERS.search(value)
    if control:
        # Invisible characters pasted from other programs; XML feeds cannot carry most of them.
        raise PydanticCustomError("cx_control", "control character", {"code": f"U+{ord(control.group()):04X}"})
    return value


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MIN_YEAR, MAX_YEAR = 1990, 2199


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("cx_date", "expected a date", {"value": _show(value)})
    text = value.strip()
    if not _DATE.fullmatch(text):
        raise PydanticCustomError("cx_date", "expected a date", {"value": text})
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("cx_date_impossible", "no such day", {"value": text}) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        # Year 0001 or 9999 is a typo, and date arithmetic near them overflows.
        raise PydanticCustomError("cx_date_range", "year out of range", {"value": text})
    return day


class DayTime(dt.date):
    """A day with the time something happened on it ("2025-08-28 10:57"); it compares as the day."""

    at: dt.time

    def __new__(cls, year: int, month: int, day: int, at: dt.time = dt.time(0, 0)) -> DayTime:  # noqa: D102
        self = super().__new__(cls, year, month, day)
        self.at = at
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # date's own pickling would drop the time (the parallel build sends campaigns between processes).
        return (DayTime, (self.year, self.month, self.day, self.at))

    def __add__(self, other: dt.timedelta) -> dt.date:  # type: ignore[override]
        # A day later is a plain day: the time belongs to the moment of publication only.
        return dt.date(self.year, self.month, self.day) + other

    __radd__ = __add__  # type: ignore[assignment]


_DAY_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2})[:.](\d{2})")


def _day_time(value: Any) -> dt.date:
    match = _DAY_TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return _date(value)
    day = _date(match.group(1))
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise PydanticCustomError("cx_time_impossible", "no such time", {"value": value.strip()})
    return DayTime(day.year, day.month, day.day, dt.time(hour, minute))


class Month(dt.date):
    """A milestone known only to the month ("2024-05"): it compares as the month's first day."""

    def isoformat(self) -> str:
        """`YYYY-MM`, also a valid HTML `<time datetime>`."""
        return f"{self.year:04d}-{self.month:02d}"

    def last_day(self) -> dt.date:
        """The month's last day."""
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


_MONTH = re.compile(r"\d{4}-\d{2}")


def _milestone(value: Any) -> dt.date:
    if isinstance(value, str) and _MONTH.fullmatch(value.strip()):
        year, month = (int(part) for part in value.strip().split("-"))
        if not 1 <= month <= 12:
            raise PydanticCustomError("cx_month_impossible", "no such month", {"value": value.strip()})
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise PydanticCustomError("cx_date_range", "year out of range", {"value": value.strip()})
        return Month(year, month, 1)
    return _date(value)


def last_day(day: dt.date) -> dt.date:
    """The last day a date or a month covers."""
    return day.last_day() if isinstance(day, Month) else day


class TimeRange(NamedTuple):
    """A local time range on one day, e.g. 16:00-18:00."""

    start: dt.time
    end: dt.time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


_TIME_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})")


def _time_range(value: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("cx_time_range", "expected a time range", {"value": _show(value)})
    match = _TIME_RANGE.fullmatch(value.strip())
    if not match:
        raise PydanticCustomError("cx_time_range", "expected a time range", {"value": value.strip()})
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2 != 0):
        raise PydanticCustomError("cx_time_impossible", "no such time", {"value": value.strip()})
    start = dt.time(h1, m1)
    end = dt.time(23, 59) if h2 == 24 else dt.time(h2, m2)
    if end <= start:
        raise PydanticCustomError("cx_time_reversed", "ends before it starts", {"value": value.strip()})
    return TimeRange(start, end)


_URL = re.compile(r"(?i)^(https?://[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+)$")
_EMAIL = re.compile(r"[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+")
_PHONE_PUNCTUATION = re.compile(r"[\s\-()/.]")
_PHONE = re.compile(r"\+?\d{3,15}")
_SLUG_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text in {"true", "yes", "tak", "on"}:
        return True
    if text in {"false", "no", "nie", "off"}:
        return False
    raise PydanticCustomError("cx_bool", "expected yes or no", {"value": _show(value)})


def _url(value: Any) -> str:
    text = _text(value)
    if not _URL.match(text):
        raise PydanticCustomError("cx_url", "expected a web address", {"value": text})
    return text


def _email(value: Any) -> str:
    text = _text(value)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.fullmatch(text):
        raise PydanticCustomError("cx_email", "expected an e-mail address", {"value": text})
    return text


def _phone(value: Any) -> str:
    text = _text(value)
    digits = _PHONE_PUNCTUATION.sub("", text)
    if not _PHONE.fullmatch(digits):
        raise PydanticCustomError("cx_phone", "expected a phone number", {"value": text})
    return text


def _slug_id(value: Any) -> str:
    text = _text(value)
    if not _SLUG_ID.fullmatch(text):
        raise PydanticCustomError("cx_id", "expected an identifier", {"value": text})
    return text


def _one_or_many(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return str(value)


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
Date = Annotated[
    dt.date,
    PlainValidator(_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Stamp = Annotated[
    dt.date,
    PlainValidator(_day_time),
    PlainSerializer(lambda d: d.isoformat() + (f" {d.at:%H:%M}" if isinstance(d, DayTime) else ""), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}[:.]\d{2})?$",
            "description": "A day (2025-08-28), optionally with the time of publication (2025-08-28 10:57).",
        }
    ),
]
Milestone = Annotated[
    dt.date,
    PlainValidator(_milestone),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "A day (2025-09-26) or, when only the month is known, a month (2024-05).",
        }
    ),
]
Time = Annotated[
    TimeRange,
    PlainValidator(_time_range),
    PlainSerializer(lambda t: f"{t.start:%H:%M}-{t.end:%H:%M}", return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\d{1,2}[:.]\d{2}\s*[-–—]\s*\d{1,2}[:.]\d{2}\s*$",
            "examples": ["09:00-12:00"],
        }
    ),
]
# The schemas below also admit what the loader accepts (yes/nie, a number written without spaces),
# so that editors' tools do not mark valid files as wrong.
Bool = Annotated[
    bool,
    PlainValidator(_bool),
    # "true"/"false" as text too: that is how our own YAML reader hands every scalar over.
    WithJsonSchema(
        {"anyOf": [{"type": "boolean"}, {"enum": ["true", "false", "yes", "no", "tak", "nie", "on", "off"]}]}
    ),
]
Url = Annotated[
    str, PlainValidator(_url), WithJsonSchema({"type": "string", "pattern": "^(https?://|mailto:)"})
]
Email = Annotated[str, PlainValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
_PHONE_SCHEMA: dict[str, Any] = {"type": ["string", "integer"], "pattern": r"^\+?[0-9 ()./-]{3,}$"}
_MODE_SCHEMA: dict[str, Any] = {"enum": ["phone", "in_person", "online"]}


def _one_or_list(item: dict[str, Any]) -> dict[str, Any]:
    """The schema of a field that takes one value or a list of them."""
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]}


Phone = Annotated[str, PlainValidator(_phone), WithJsonSchema(_PHONE_SCHEMA)]
EventId = Annotated[
    str, PlainValidator(_slug_id), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
]
Mode = Literal["phone", "in_person", "online"]
MeetingMode = Literal["in_person", "online"]
Channel = Literal["email", "post", "in_person", "fax", "phone", "online_form", "other"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# ---------------------------------------------------------------- campaign.yml


class Respond(_Strict):
    """One way to respond: e-mail, post (with its required annotation), fax…"""

    channel: Channel
    value: Text = Field(description="Address, number or link for this channel.")
    annotation: Text | None = Field(
        None, description="What the envelope or subject must say, e.g. „KONSULTACJE PWR 2025-2027”."
    )
    note: Text | None = None


class DutyHour(_Strict):
    """An expert's duty hour, by phone, in person or online."""

    id: EventId | None = Field(
        None, description="Stable identity for calendars; set it when inserting or rescheduling."
    )
    date: Date
    time: Time
    mode: Annotated[list[Mode], BeforeValidator(_one_or_many), WithJsonSchema(_one_or_list(_MODE_SCHEMA))] = Field(
        min_length=1
    )
    place: Text | None = None
    phone: Annotated[list[Phone], BeforeValidator(_one_or_many), WithJsonSchema(_one_or_list(_PHONE_SCHEMA))] = Field(
        default_factory=list
    )
    online: Url | None = None
    status: Literal["scheduled", "cancelled"] = "scheduled"
    note: Text | None = None


class MaterialEntry(_Strict):
    """A file to download (inside the campaign folder) or a link."""

    title: Text
    file: Text | None = None
    url: Url | None = None
    accessible: Bool = Field(
        True, description="false when the file is not accessible; the page offers an accessible version on request."
    )


class LegalBasis(_Strict):
    """The act or resolution under which the consultation is held, with a link to its text."""

    text: Text = Field(description="E.g. „Uchwała NR CXI/1510/10 Rady Miasta Krakowa z dnia 29 września 2010 r.”")
    url: Url | None = None


def _legal_basis(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


_LEGAL_BASIS_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "url": {"type": "string", "pattern": "^(https?://|mailto:)"},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ],
    "description": "Plain text, or {text, url} to link the act or resolution.",
}


class Meeting(_Strict):
    """An open consultation meeting, in person, online or both."""

    id: EventId | None = None
    title: Text
    date: Date
    time: Time
    mode: Annotated[
        list[MeetingMode], BeforeValidator(_one_or_many), WithJsonSchema(_one_or_list({"enum": ["in_person", "online"]}))
    ] = Field(
        default_factory=list,
        description="in_person, online or both; by default from 'place' and 'online'. "
        "'online' without a link: the link is sent after registration, as 'note' says.",
    )
    place: Text | None = None
    online: Url | None = None
    status: Literal["scheduled", "cancelled"] = "scheduled"
    note: Text | None = None
    materials: list[MaterialEntry] = Field(
        default_factory=list, description="Slides, minutes, recordings of this meeting, like the consultation's materials."
    )

    def modes(self) -> tuple[str, ...]:
        """How to attend: the modes written plus those a place or a link imply, in a fixed order."""
        implied = {"in_person": bool(self.place), "online": bool(self.online)}
        return tuple(m for m in ("in_person", "online") if m in self.mode or implied[m])


class Phase(_Strict):
    """One step of the consultation's timeline."""

    title: Text
    start: Milestone
    end: Milestone

    def last_day(self) -> dt.date:
        """The phase's last day (the end of the month for a month)."""
        return last_day(self.end)


class Report(_Strict):
    """The published results of the consultation."""

    published: Date
    summary: Text | None = None
    file: Text | None = None
    url: Url | None = None
    comments: Text | None = Field(
        None,
        description="The table of comments and decisions: a CSV file in the consultation folder, "
        "e.g. files/uwagi.csv (columns: nr, zgłaszający, rodzaj, część dokumentu, uwaga, rozstrzygnięcie, "
        "uzasadnienie).",
    )


class Contact(_Strict):
    """Who answers questions about the consultation."""

    name: Text | None = None
    email: Email | None = None
    phone: Phone | None = None


class Publisher(_Strict):
    """The publisher's record (BIP "metka")."""

    prepared_by: Text | None = None
    published_by: Text | None = None


class Change(_Strict):
    """A substantive change an editor records (deadline extended, meeting cancelled)."""

    date: Date
    summary: Text


class CampaignFile(_Strict):
    """Everything `campaign.yml` may contain."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="campaign.yml",
        json_schema_extra={"description": "One public consultation (folder campaigns/<slug>/)."},
    )

    title: Text
    summary: Text
    organizer: Text
    legal_basis: Annotated[LegalBasis, BeforeValidator(_legal_basis), WithJsonSchema(_LEGAL_BASIS_SCHEMA)] | None = None
    published: Stamp
    updated: Stamp | None = None
    opens: Date
    closes: Date
    categories: list[Text] = Field(default_factory=list)
    audience: Text | None = None
    easy_read: Text | None = Field(
        None, description="A short summary in easy-to-read Polish (tekst łatwy do czytania, ETR): Markdown, "
                          "short sentences, shown in a marked box near the top of the page."
    )
    respond: list[Respond] = Field(default_factory=list)
    duty_hours: list[DutyHour] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    materials: list[MaterialEntry] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    report: Report | None = None
    accessibility: Text | None = None
    contact: Contact | None = None
    publisher: Publisher | None = None
    privacy_notice: Text | None = Field(
        None, description="This consultation's own data-protection notice: a page of the site or a web address."
    )
    changes: list[Change] = Field(default_factory=list)
    accept_warnings: list[
        Literal["short_consultation", "published_after_opens", "event_after_closes", "event_before_published",
                "no_respond", "report_before_closes", "file_large", "time_ambiguous", "few_ways_to_respond",
                "no_meeting_or_duty_hours", "report_overdue"]
    ] = Field(
        default_factory=list,
        description="Warnings the editors have reviewed and accept for this consultation, e.g. short_consultation.",
    )


def campaign_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of `campaign.yml`, derived from the model."""
    schema = CampaignFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://konsultacje.invalid/schema/campaign.schema.json"
    return schema


# ---------------------------------------------------------------- assembled campaign


class Status(str, enum.Enum):
    """Where a consultation is in its life, computed from dates at build time."""

    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    CONCLUDED = "concluded"


@dataclass(frozen=True)
class FileInfo:
    """A downloadable file found in the campaign folder."""

    source: Path
    rel: str  # path inside the campaign folder, POSIX
    size: int
    extension: str  # upper case, no dot: "PDF", "DOCX"


@dataclass(frozen=True)
class Material:
    """A material ready to publish: the entry, plus its file when it is one."""

    entry: MaterialEntry
    file: FileInfo | None = None


@dataclass(frozen=True)
class Announcement:
    """A later announcement from `announcements/*.md`."""

    slug: str
    title: str
    date: dt.date
    body: str
    source: str  # repository-relative path


class Decision(str, enum.Enum):
    """The position taken on one comment, in the words Polish reports use."""

    ACCEPTED = "uwzględniona"
    PARTLY = "częściowo uwzględniona"
    REJECTED = "nieuwzględniona"
    OUT_OF_SCOPE = "poza zakresem"


@dataclass(frozen=True)
class Comment:
    """One row of the report's table: a comment and what became of it."""

    number: str
    submitter: str | None  # an organisation's name; None for a private person, never shown by name
    part: str
    text: str
    decision: Decision
    reason: str | None


@dataclass(frozen=True)
class CommentTable:
    """The report's table of comments, read from a CSV file in the campaign folder."""

    rel: str  # path inside the campaign folder, POSIX
    comments: tuple[Comment, ...]
    submitters: int  # distinct submitters, private persons counted one by one

    def count(self, decision: Decision) -> int:
        """How many comments received this decision."""
        return sum(1 for c in self.comments if c.decision is decision)


@dataclass(frozen=True)
class Campaign:
    """A validated consultation with its texts and files."""

    slug: str
    data: CampaignFile
    body: str
    source_dir: str  # repository-relative, e.g. campaigns/<slug>
    announcements: tuple[Announcement, ...] = ()
    materials: tuple[Material, ...] = ()
    report_file: FileInfo | None = None
    comments: CommentTable | None = None
    meeting_materials: tuple[tuple[Material, ...], ...] = ()  # one tuple per entry of data.meetings
    history: tuple[HistoryEntry, ...] = field(default=())
    revisions: tuple[EventRevision, ...] = field(default=())  # from git; empty outside git

    def status(self, today: dt.date) -> Status:
        """Return the status on the given day."""
        report = self.data.report
        if report is not None and report.published <= today:
            return Status.CONCLUDED
        if today < self.data.opens:
            return Status.UPCOMING
        if today <= self.data.closes:
            return Status.OPEN
        return Status.CLOSED

    def days_left(self, today: dt.date) -> int:
        """Days on which responses can still be sent, today included (0 once closed)."""
        return max(0, (self.data.closes - today).days + 1)

    def is_published(self, today: dt.date) -> bool:
        """Tell whether the announcement is public on the given day."""
        return self.data.published <= today

    @property
    def last_changed(self) -> dt.date:
        """The date of the last substantive change (updated, else published)."""
        return max(d for d in (self.data.published, self.data.updated) if d is not None)


@dataclass(frozen=True)
class HistoryEntry:
    """A change to the campaign folder that its commit described for the public (the change register)."""

    date: dt.date
    summary: str
    commit: str


@dataclass(frozen=True)
class EventChange:
    """One commit that changed a calendar event's facts, with what it changed to."""

    when: dt.datetime  # the commit's date
    kind: str  # "moved", "cancelled", "extended" (deadline later) or "edited"
    day: dt.date | None = None  # the event's date after the change, when it could be read
    time: TimeRange | None = None
    place: str | None = None
    title: str | None = None  # a meeting's title


@dataclass(frozen=True)
class EventRevision:
    """The committed changes of one event of a campaign, oldest first."""

    key: str  # the event's key (its `id`, or kind and position), as in `Event.key`
    changes: tuple[EventChange, ...]
