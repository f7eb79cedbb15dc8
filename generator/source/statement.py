"""The accessibility statement (deklaracja dostępności): its data from mkdocs.yml, checked.

Polish public bodies publish the statement under the act of 4 April 2019 on digital
accessibility, following the Ministry's "warunki techniczne" version 2.0 (31 July 2024): fixed
sections and the `a11y-*` element ids that the Ministry's validator looks for. The data lives
in the plugin option `accessibility_statement`, so the yearly review is an edit of data, not
of a page. `statement_page` turns it into the page itself.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.options import Organisation
from generator.source.errors import Problem, Severity

CONFIG_FILE = "mkdocs.yml"
OPTION = "plugins.consultations.accessibility_statement"

# Conformance status as editors may write it → the template's three statuses.
STATUSES = {
    "zgodna": "full",
    "częściowo zgodna": "partial",
    "niezgodna": "none",
    "compliant": "full",
    "fully compliant": "full",
    "partially compliant": "partial",
    "non-compliant": "none",
    "not compliant": "none",
}
ASSESSMENTS = {"samoocena": "self", "self-assessment": "self", "audyt": "audit", "audit": "audit"}

_DATES = ("published", "updated", "prepared", "reviewed")
_REQUIRED = ("published", "updated", "prepared", "status", "architecture", "communication")
_TEXTS = ("entity", "url", "scope", "auditor", "complaints", "architecture", "architecture_url",
          "communication", "apps")
_LISTS = ("inaccessible", "exemptions", "facilities", "shortcuts")
FIELDS = (*_DATES, "status", "assessment", *_TEXTS, *_LISTS, "contact")
_CONTACT_FIELDS = ("name", "email", "phone")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What `consult init` writes where only the organisation knows the answer: published as it is,
# and a warning of `consult check` (so `--strict` CI holds the first publication) until replaced.
PLACEHOLDER = "(do uzupełnienia)"

EXAMPLES = {
    "published": "published: 2025-03-31",
    "updated": "updated: 2025-08-28",
    "prepared": "prepared: 2025-03-28",
    "reviewed": "reviewed: 2025-08-28",
    "status": "status: częściowo zgodna",
    "assessment": "assessment: samoocena",
    "architecture": "architecture: Do budynku przy ul. Józefińskiej 14 prowadzi wejście bez schodów…",
    "communication": "communication: W siedzibie można skorzystać z pomocy tłumacza PJM…",
    "inaccessible": "inaccessible:\n    - Skany dokumentów z lat 2011–2014 nie mają warstwy tekstowej.",
    "contact.email": "contact:\n    email: dostepnosc@mops.krakow.pl",
    "contact.phone": "contact:\n    phone: 12 616 54 20",
}


@dataclass(frozen=True)
class Statement:
    """Checked data of the accessibility statement; texts are Markdown from mkdocs.yml."""

    entity: str
    published: dt.date
    updated: dt.date
    prepared: dt.date
    reviewed: dt.date | None
    status: str  # "full", "partial" or "none"
    architecture: str
    communication: str
    email: str
    phone: str
    contact_name: str = ""
    url: str = ""  # empty: the site's own address
    scope: str = ""  # empty: "strony internetowej" / "the website"
    assessment: str = "self"  # "self" or "audit"
    auditor: str = ""
    inaccessible: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    shortcuts: tuple[str, ...] = ()
    complaints: str = ""  # empty: the organisation's address
    architecture_url: str = ""
    apps: str = ""


def read_statement(
    raw: Any, organisation: Organisation, today: dt.date
) -> tuple[Statement | None, list[Problem]]:
    """Check the `accessibility_statement` option; return the statement (if usable) and problems.

    Without the option there is no statement page (and no problem: `consult init` writes one).
    """
    if raw is None or raw == {}:
        return None, []
    if not isinstance(raw, Mapping):
        return None, [_problem("statement_not_mapping", None, {"found": _describe(raw)})]
    problems: list[Problem] = []
    for key in raw:
        if str(key) not in FIELDS:
            problems.append(_unknown(str(key), FIELDS, None))
    values: dict[str, Any] = {}
    for name in _DATES:
        values[name] = _date(raw, name, problems)
    values["status"] = _choice(raw, "status", STATUSES, "statement_bad_status", problems)
    values["assessment"] = _choice(raw, "assessment", ASSESSMENTS, "statement_bad_assessment", problems)
    for name in _TEXTS:
        values[name] = _text(raw, name, problems)
    for name in _LISTS:
        values[name] = _list(raw, name, problems)
    values.update(_contact(raw.get("contact"), organisation, problems))
    for name in _REQUIRED:
        if name not in raw or raw.get(name) in (None, ""):
            problems.append(_problem("statement_missing_field", name, {"name": name}))
    if values["status"] in ("partial", "none") and not values["inaccessible"]:
        # The template requires the list of what is not accessible, with reasons.
        problems.append(_problem("statement_inaccessible_missing", "inaccessible", {"name": "inaccessible"}))
    if values["assessment"] == "audit" and not values["auditor"]:
        problems.append(_problem("statement_missing_field", "auditor", {"name": "auditor"}))
    prepared, reviewed = values["prepared"], values["reviewed"]
    if prepared and reviewed and reviewed < prepared:
        problems.append(_problem("statement_review_before_prepared", "reviewed",
                                 {"reviewed": reviewed.isoformat(), "prepared": prepared.isoformat()}))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    problems.extend(placeholder_problems(values))
    problems.extend(review_problems(prepared, reviewed, today))
    v = values
    statement = Statement(
        entity=v["entity"] or organisation.name,
        published=v["published"], updated=v["updated"], prepared=v["prepared"], reviewed=v["reviewed"],
        status=v["status"], assessment=v["assessment"] or "self", auditor=v["auditor"],
        architecture=v["architecture"], architecture_url=v["architecture_url"],
        communication=v["communication"], apps=v["apps"], url=v["url"], scope=v["scope"],
        complaints=v["complaints"], email=v["email"], phone=v["phone"], contact_name=v["contact_name"],
        inaccessible=tuple(v["inaccessible"]), exemptions=tuple(v["exemptions"]),
        facilities=tuple(v["facilities"]), shortcuts=tuple(v["shortcuts"]),
    )
    return statement, problems


def placeholder_problems(values: Mapping[str, Any]) -> list[Problem]:
    """Warn about each field still holding `consult init`'s placeholder, with what to write instead."""
    names = {"contact_name": "contact.name", "email": "contact.email", "phone": "contact.phone"}
    found = []
    for key, value in values.items():
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and PLACEHOLDER in text for text in texts):
            name = names.get(key, key)
            found.append(_problem("statement_placeholder", name, {"name": name, "placeholder": PLACEHOLDER},
                                  Severity.WARNING))
    return found


def review_problems(prepared: dt.date, reviewed: dt.date | None, today: dt.date) -> list[Problem]:
    """Warn when the statement has not been reviewed for more than a year (it is due yearly)."""
    last = reviewed or prepared
    if today <= _one_year_after(last):
        return []
    if reviewed is None:
        return [_problem("statement_never_reviewed", "reviewed", {"date": prepared.isoformat()}, Severity.WARNING)]
    return [_problem("statement_review_old", "reviewed", {"date": reviewed.isoformat()}, Severity.WARNING)]


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _problem(code: str, name: str | None, params: dict[str, Any], severity: Severity = Severity.ERROR) -> Problem:
    params = dict(params)
    params.setdefault("option", OPTION + (f".{name}" if name else ""))
    if name and "example" not in params:
        params["example"] = EXAMPLES.get(name, f"{name}: …")
    return Problem(path=CONFIG_FILE, code=code, params=params,
                   field=OPTION + (f".{name}" if name else ""), severity=severity)


def _unknown(key: str, allowed: tuple[str, ...], parent: str | None) -> Problem:
    name = f"{parent}.{key}" if parent else key
    close = difflib.get_close_matches(key, allowed, n=1)
    params = {"name": key, "allowed": ", ".join(allowed)}
    if close:
        return _problem("statement_unknown_field_suggest", name, {**params, "suggestion": close[0]})
    return _problem("statement_unknown_field", name, params)


def _describe(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "lista" if value else "pusta lista"
    return f"„{value}”"


def _date(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> dt.date | None:
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(_problem("statement_bad_date", name, {"name": name, "value": value}))
        return None


def _choice(raw: Mapping[str, Any], name: str, choices: dict[str, str], code: str, problems: list[Problem]) -> str:
    value = raw.get(name)
    if value is None or value == "":
        return ""
    key = " ".join(str(value).lower().replace("_", " ").split())
    if key in choices:
        return choices[key]
    problems.append(_problem(code, name, {"name": name, "value": value}))
    return ""


def _text(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> str:
    value = raw.get(name)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        problems.append(_problem("statement_text_expected", name, {"name": name, "found": _describe(value)}))
        return ""
    return str(value).strip()


def _list(raw: Mapping[str, Any], name: str, problems: list[Problem]) -> list[str]:
    value = raw.get(name)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        if isinstance(item, (dict, list)) or item is None:
            problems.append(_problem("statement_text_expected", name, {"name": name, "found": _describe(item)}))
            continue
        if str(item).strip():
            texts.append(str(item).strip())
    return texts


def _contact(raw: Any, organisation: Organisation, problems: list[Problem]) -> dict[str, str]:
    found: Mapping[str, Any] = {}
    if isinstance(raw, Mapping):
        found = raw
        for key in raw:
            if str(key) not in _CONTACT_FIELDS:
                problems.append(_unknown(str(key), _CONTACT_FIELDS, "contact"))
    elif raw is not None:
        problems.append(_problem("statement_not_mapping", "contact", {"found": _describe(raw)}))
    # The statement's contact defaults to the organisation's (plugin option `organisation`).
    name = str(found.get("name") or "").strip()
    email = str(found.get("email") or organisation.email or "").strip()
    phone = str(found.get("phone") or organisation.phone or "").strip()
    if not email:
        problems.append(_problem("statement_missing_field", "contact.email", {"name": "contact.email"}))
    elif not _EMAIL.match(email):
        problems.append(_problem("statement_bad_email", "contact.email", {"value": email}))
    if not phone:
        problems.append(_problem("statement_missing_field", "contact.phone", {"name": "contact.phone"}))
    elif PLACEHOLDER in phone:
        pass  # a warning of its own (placeholder_problems), not a malformed number
    elif len(re.sub(r"\D", "", phone)) < 7:
        problems.append(_problem("statement_bad_phone", "contact.phone", {"value": phone}))
    return {"contact_name": name, "email": email, "phone": phone}
