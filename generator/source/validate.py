"""Turn what was loaded into model objects, or into problems that say how to fix them."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError
from slugify import slugify as _slugify

from generator.source import model as m
from generator.source.comments import read_comments
from generator.source.errors import Problem, Severity, os_error_problem
from generator.source.load import MarkdownSource, RawCampaign, real_path, within
from generator.source.yamlsource import YamlDocument, dotted

LARGE_FILE = 10_000_000  # bytes: 10 MB, the unit the site shows sizes in
_DRIVE = re.compile(r"^[A-Za-z]:")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_SUBMODELS: dict[str, type[BaseModel]] = {
    "respond": m.Respond,
    "duty_hours": m.DutyHour,
    "meetings": m.Meeting,
    "materials": m.MaterialEntry,
    "phases": m.Phase,
    "report": m.Report,
    "contact": m.Contact,
    "publisher": m.Publisher,
    "changes": m.Change,
    "legal_basis": m.LegalBasis,
}


def validate_campaigns(
    raws: list[RawCampaign],
    tz: ZoneInfo,
    validate_one: Callable[[RawCampaign, ZoneInfo], tuple[m.Campaign | None, list[Problem]]] | None = None,
) -> tuple[list[m.Campaign], list[Problem]]:
    """Validate every loaded campaign; return the good ones and all problems found.

    Args:
        validate_one: checks one campaign, like `validate_campaign` (the preview passes one that remembers).
    """
    validate_one = validate_one or validate_campaign
    campaigns: list[m.Campaign] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for raw in raws:
        key = slugify(raw.slug) or raw.slug
        if key in seen:
            problems.append(Problem(raw.yml_rel, "slug_duplicate", {"slug": key, "other": seen[key]}))
        seen.setdefault(key, raw.rel_dir)
        campaign, found = validate_one(raw, tz)
        problems.extend(found)
        if campaign is not None:
            campaigns.append(campaign)
    return campaigns, problems


def validate_campaign(raw: RawCampaign, tz: ZoneInfo) -> tuple[m.Campaign | None, list[Problem]]:
    """Validate one campaign folder."""
    problems = list(raw.problems)
    if not is_slug(raw.slug):
        problems.append(Problem(raw.yml_rel, "slug_invalid",
                                {"slug": raw.slug, "suggestion": slugify(raw.slug) or "konsultacje"}))
    data = _parse_file(raw, problems)
    body = _check_index(raw, problems)
    announcements = tuple(_announcement(raw, src, problems) for src in raw.announcements)
    _duplicate_announcements([a for a in announcements if a is not None], problems)
    if data is None or body is None or any(a is None for a in announcements):
        return None, problems
    doc = raw.yml or YamlDocument(None)
    problems.extend(_rules(data, doc, raw, tz))
    materials, report_file, meeting_materials = _files(data, doc, raw, problems)
    comments = _comments(data, doc, raw, problems)
    accepted = set(data.accept_warnings)
    problems = [p for p in problems if not (p.severity is Severity.WARNING and p.code in accepted)]
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    campaign = m.Campaign(
        slug=raw.slug,
        data=data,
        body=body,
        source_dir=raw.rel_dir,
        announcements=tuple(sorted((a for a in announcements if a), key=lambda a: (a.date, a.slug), reverse=True)),
        materials=materials,
        report_file=report_file,
        comments=comments,
        meeting_materials=meeting_materials,
    )
    return campaign, problems


def is_slug(text: str) -> bool:
    """Whether `text` may be a campaign folder's name: lowercase a-z, digits, single inner hyphens."""
    return _SLUG.fullmatch(text) is not None


def slugify(text: str) -> str:
    """Make a URL slug from a Polish title: lowercase ASCII letters, digits and hyphens.

    python-slugify transliterates what NFKD alone cannot (`ł`, `ß`) and reads dashes as
    separators, so a year range keeps its hyphen:

    >>> slugify("Program Wspierania Rodziny 2025–2027")
    'program-wspierania-rodziny-2025-2027'
    >>> slugify("Łódź — żółć: pomoc społeczna")
    'lodz-zolc-pomoc-spoleczna'
    """
    return _slugify(text)


# ---------------------------------------------------------------- campaign.yml


def _parse_file(raw: RawCampaign, problems: list[Problem]) -> m.CampaignFile | None:
    doc = raw.yml
    if doc is None:
        return None
    if doc.data is None:
        problems.append(Problem(raw.yml_rel, "empty_file", {}, 1))
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(raw.yml_rel, "not_mapping", {"found": _describe(doc.data), "name": "title"}, 1, 1))
        return None
    try:
        return m.CampaignFile.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, doc, raw.yml_rel, m.CampaignFile))
        return None


def pydantic_problems(
    exc: ValidationError, doc: YamlDocument, rel: str, root_model: type[BaseModel]
) -> list[Problem]:
    """Translate pydantic's errors into editor-facing problems with lines and fixes."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        ctx: dict[str, Any] = dict(error.get("ctx") or {})
        name = _last_name(loc)
        field = dotted(loc)
        params: dict[str, Any] = {"name": name, **{k: str(v) for k, v in ctx.items()}}
        if kind == "missing":
            line, col = doc.position(loc[:-1])
            problems.append(Problem(rel, "missing", params, line, col, field))
            continue
        line, col = doc.position(loc)
        if kind == "extra_forbidden":
            code, params = _unknown(loc, root_model)
            problems.append(Problem(rel, code, params, line, col, field))
            continue
        code = {
            "list_type": "list_expected",
            "model_type": "mapping_expected",
            "model_attributes_type": "mapping_expected",
            "dict_type": "mapping_expected",
            "too_short": "list_empty",
            "literal_error": "choice",
        }.get(kind, kind)
        params.setdefault("value", _show(error.get("input")))
        params["found"] = _describe(error.get("input"))
        if code == "choice":
            params["allowed"] = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        if code not in _KNOWN_CODES:
            code, params = "cx_text", {**params, "found": _describe(error.get("input"))}
        problems.append(Problem(rel, code, params, line, col, field))
    return _without_typo_echoes(problems)


def _without_typo_echoes(problems: list[Problem]) -> list[Problem]:
    """Drop "missing 'title'" where 'tytle' is reported with the suggestion 'title': one typo, one message."""
    suggested = {
        (p.field.rsplit(".", 1)[0] if p.field and "." in p.field else "", p.params["suggestion"])
        for p in problems if p.code == "unknown_field_suggest"
    }
    return [
        p for p in problems
        if not (p.code == "missing" and p.field
                and (p.field.rsplit(".", 1)[0] if "." in p.field else "", p.params.get("name")) in suggested)
    ]


_KNOWN_CODES = {
    "list_expected", "mapping_expected", "list_empty", "choice", "cx_text", "cx_empty", "cx_date",
    "cx_date_impossible", "cx_month_impossible", "cx_time_range", "cx_time_impossible", "cx_time_reversed", "cx_bool",
    "cx_url", "cx_email", "cx_phone", "cx_id", "cx_control", "cx_date_range",
}


def _unknown(loc: tuple[Any, ...], root_model: type[BaseModel]) -> tuple[str, dict[str, Any]]:
    name = str(loc[-1])
    owner: type[BaseModel] = root_model
    if root_model is m.CampaignFile and len(loc) > 1 and str(loc[0]) in _SUBMODELS:
        owner = _SUBMODELS[str(loc[0])]
    allowed = list(owner.model_fields)
    close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
    if close:
        return "unknown_field_suggest", {"name": name, "suggestion": close[0]}
    return "unknown_field", {"name": name, "allowed": ", ".join(allowed)}


def _last_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _describe(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return f"„{value}”"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return "" if value is None else str(value)


# ---------------------------------------------------------------- rules between fields


def _rules(data: m.CampaignFile, doc: YamlDocument, raw: RawCampaign, tz: ZoneInfo) -> list[Problem]:
    rel = raw.yml_rel
    out: list[Problem] = []

    def add(code: str, path: tuple[Any, ...], params: dict[str, Any] | None = None,
            severity: Severity = Severity.ERROR) -> None:
        line, col = doc.position(path)
        out.append(Problem(rel, code, params or {}, line, col, dotted(path), severity))

    warn = Severity.WARNING
    if data.closes < data.opens:
        add("closes_before_opens", ("closes",), {"closes": data.closes, "opens": data.opens})
    if data.updated is not None and data.updated < data.published:
        add("updated_before_published", ("updated",), {"updated": data.updated, "published": data.published})
    if data.published > data.opens:
        add("published_after_opens", ("published",), {"published": data.published, "opens": data.opens}, warn)
    if not data.respond:
        add("no_respond", ("respond",), {"name": "respond"}, warn)
    for i, r in enumerate(data.respond):
        code = _respond_problem(r)
        if code:
            add(code, ("respond", i, "value"), {"value": r.value, "channel": r.channel})
    for i, phase in enumerate(data.phases):
        if phase.last_day() < phase.start:
            add("range_reversed", ("phases", i, "end"), {"start": phase.start, "end": phase.end})
    if data.report is not None:
        report = data.report
        if (report.file is None) == (report.url is None) and report.summary is None and report.comments is None:
            add("file_xor_url", ("report",), {"name": "report"})
        if data.report.published < data.closes:
            add("report_before_closes", ("report", "published"),
                {"published": data.report.published, "closes": data.closes}, warn)
    ids: dict[str, int | None] = {}
    events: list[tuple[str, int, m.DutyHour | m.Meeting]] = [
        *(("duty_hours", i, d) for i, d in enumerate(data.duty_hours)),
        *(("meetings", i, e) for i, e in enumerate(data.meetings)),
    ]
    for key, i, event in events:
        path = (key, i)
        if event.id is not None:
            if event.id in ids:
                add("duplicate_event_id", (*path, "id"), {"id": event.id, "first": ids[event.id]})
            ids.setdefault(event.id, doc.position((*path, "id"))[0])
        modes = event.mode if isinstance(event, m.DutyHour) else event.modes()
        if "in_person" in modes and not event.place:
            add("place_required", path, {"name": "place"})
        if isinstance(event, m.DutyHour) and "phone" in modes and not event.phone:
            add("phone_required", path, {"name": "phone"})
        # A link sent after registration is common practice; the note must then say how.
        if "online" in modes and not event.online and not event.note:
            add("online_how_to_join", path, {"name": "note"}, warn)
        if not modes:
            add("meeting_where", path, {"name": "place"})
        if event.date > data.closes:
            add("event_after_closes", (*path, "date"), {"date": event.date, "closes": data.closes}, warn)
        if event.date < data.published:
            add("event_before_published", (*path, "date"), {"date": event.date, "published": data.published}, warn)
        for moment in (event.time.start, event.time.end):
            problem = _local_time_problem(event.date, moment, tz)
            if problem:
                add(problem, (*path, "time"), {"date": event.date, "time": f"{moment:%H:%M}", "tz": tz.key},
                    Severity.ERROR if problem == "time_nonexistent" else warn)
    return out


def _respond_problem(r: m.Respond) -> str | None:
    value = r.value
    if r.channel == "email" and not re.fullmatch(r"(mailto:)?[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+", value):
        return "respond_email"
    if r.channel in ("phone", "fax") and not re.fullmatch(r"\+?[\d\s\-()/.]{3,}", value):
        return "respond_phone"
    if r.channel == "online_form" and not re.fullmatch(r"https?://[^\s/?#]+\S*", value):
        return "respond_form"
    return None


def _local_time_problem(day: dt.date, moment: dt.time, tz: ZoneInfo) -> str | None:
    if not _has_transition(day, tz):
        return None
    naive = dt.datetime.combine(day, moment)
    aware = naive.replace(tzinfo=tz)
    back = aware.astimezone(dt.timezone.utc).astimezone(tz).replace(tzinfo=None)
    if back != naive:
        return "time_nonexistent"
    if naive.replace(tzinfo=tz, fold=0).utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset():
        return "time_ambiguous"
    return None


@functools.lru_cache(maxsize=4096)
def _has_transition(day: dt.date, tz: ZoneInfo) -> bool:
    """Whether the UTC offset changes during the day (only then can a time be missing or doubled)."""
    start = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz).utcoffset()
    end = dt.datetime.combine(day, dt.time(23, 59), tzinfo=tz).utcoffset()
    return start != end


# ---------------------------------------------------------------- files


def _files(
    data: m.CampaignFile, doc: YamlDocument, raw: RawCampaign, problems: list[Problem]
) -> tuple[tuple[m.Material, ...], m.FileInfo | None, tuple[tuple[m.Material, ...], ...]]:
    materials = _materials(data.materials, ("materials",), doc, raw, problems)
    meeting_materials = tuple(
        tuple(_materials(meeting.materials, ("meetings", i, "materials"), doc, raw, problems))
        for i, meeting in enumerate(data.meetings)
    )
    report_file = None
    if data.report is not None and data.report.file is not None:
        report_file = _file_info(data.report.file, ("report", "file"), doc, raw, problems)
    return tuple(materials), report_file, meeting_materials


def _materials(
    entries: list[m.MaterialEntry], where: tuple[Any, ...], doc: YamlDocument, raw: RawCampaign,
    problems: list[Problem],
) -> list[m.Material]:
    materials = []
    for i, entry in enumerate(entries):
        path = (*where, i)
        if (entry.file is None) == (entry.url is None):
            line, col = doc.position(path)
            problems.append(Problem(raw.yml_rel, "file_xor_url", {"name": "file"}, line, col, dotted(path)))
            continue
        info = _file_info(entry.file, (*path, "file"), doc, raw, problems) if entry.file else None
        materials.append(m.Material(entry, info))
    return materials


def _comments(data: m.CampaignFile, doc: YamlDocument, raw: RawCampaign,
              problems: list[Problem]) -> m.CommentTable | None:
    """The report's table of comments, read and checked row by row."""
    if data.report is None or data.report.comments is None:
        return None
    path = ("report", "comments")
    info = _file_info(data.report.comments, path, doc, raw, problems)
    if info is None:
        return None
    if info.extension != "CSV":
        line, col = doc.position(path)
        problems.append(Problem(raw.yml_rel, "comments_not_csv", {"file": info.rel, "name": "comments"},
                                line, col, dotted(path)))
        return None
    try:
        content = info.source.read_bytes()
    except OSError as exc:
        problems.append(os_error_problem(exc))
        return None
    return read_comments(content, f"{raw.rel_dir}/{info.rel}", info.rel, problems)


def _file_info(
    rel_file: str, path: tuple[Any, ...], doc: YamlDocument, raw: RawCampaign, problems: list[Problem]
) -> m.FileInfo | None:
    line, col = doc.position(path)

    def fail(code: str, severity: Severity = Severity.ERROR, **extra: Any) -> None:
        params = {"file": rel_file, "folder": raw.rel_dir + "/", "name": "file", **extra}
        problems.append(Problem(raw.yml_rel, code, params, line, col, dotted(path), severity))

    posix = rel_file.replace("\\", "/")
    # Strings rather than pathlib: this runs for every file of thousands of campaigns.
    parts = [part for part in posix.split("/") if part not in ("", ".")]  # PurePosixPath(posix).parts
    if posix.startswith("/") or _DRIVE.match(posix) or ".." in parts:
        fail("file_outside")
        return None
    base = raw.real_dir or os.path.realpath(raw.directory)
    resolved = real_path(base, *parts)
    if not within(resolved, base):
        fail("path_outside", folder=raw.rel_dir)  # the path is inside: a link leads out
        return None
    try:
        info = os.stat(resolved)
    except (OSError, ValueError):
        fail("file_missing")
        return None
    if not stat.S_ISREG(info.st_mode):
        fail("file_not_regular")
        return None
    size = info.st_size
    if size == 0:
        fail("file_empty")
        return None
    if size > LARGE_FILE:
        fail("file_large", Severity.WARNING, size_mb=f"{size / 1_000_000:.0f}")
    name = parts[-1] if parts else ""
    dot = name.rfind(".")
    extension = (name[dot + 1 :] if 0 < dot < len(name) - 1 else "").upper() or "PLIK"  # Path.suffix
    return m.FileInfo(source=Path(resolved), rel="/".join(parts) or ".", size=size, extension=extension)


# ---------------------------------------------------------------- Markdown


def _check_index(raw: RawCampaign, problems: list[Problem]) -> str | None:
    rel = f"{raw.rel_dir}/index.md"
    if raw.index is None:
        if not any(p.path == rel for p in problems):
            problems.append(Problem(rel, "index_missing"))
        return None
    if not raw.index.body.strip():
        if not any(p.path == rel for p in problems):  # an unclosed header already explains it
            problems.append(Problem(rel, "index_empty", {}, 1))
        return None
    return raw.index.body


def _announcement(raw: RawCampaign, src: MarkdownSource, problems: list[Problem]) -> m.Announcement | None:
    meta = src.meta
    if meta is None:
        if not any(p.path == src.rel for p in problems):
            problems.append(Problem(src.rel, "front_matter_missing", {}, 1))
        return None
    shifted = YamlDocument(meta.data, {k: (line + 1, col) for k, (line, col) in meta.positions.items()})
    if not isinstance(meta.data, dict):
        if not any(p.path == src.rel for p in problems):  # a YAML error in the header explains it
            problems.append(Problem(src.rel, "front_matter_missing", {}, 1))
        return None
    try:
        parsed = _AnnouncementMeta.model_validate(meta.data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, shifted, src.rel, _AnnouncementMeta))
        return None
    if not src.body.strip():
        problems.append(Problem(src.rel, "announcement_empty", {}, src.body_line))
        return None
    name = PurePosixPath(src.rel).stem
    return m.Announcement(slug=slugify(name) or "komunikat", title=parsed.title, date=parsed.date,
                          body=src.body, source=src.rel)


def _duplicate_announcements(announcements: list[m.Announcement], problems: list[Problem]) -> None:
    """Two file names that give one address (`Zmiana.md`, `zmiana.md`) would share a link and a feed id."""
    seen: dict[str, str] = {}
    for item in announcements:
        if item.slug in seen:
            problems.append(Problem(item.source, "announcement_duplicate",
                                    {"slug": item.slug, "other": seen[item.slug]}))
        seen.setdefault(item.slug, item.source)


class _AnnouncementMeta(m._Strict):
    title: m.Text
    date: m.Date
