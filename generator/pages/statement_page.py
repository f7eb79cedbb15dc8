"""The accessibility statement page, as Markdown with the structure of the v2.0 template.

Sections and `a11y-*` ids follow "Warunki techniczne publikacji oraz struktura dokumentu
elektronicznego deklaracji dostępności" 2.0. Ids go on headings and paragraphs through
`attr_list` (`{: #id }`) and on inline parts through plain HTML, so any Markdown engine with
attribute lists renders the same page. Every date is a `<time datetime>`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from babel.dates import format_date

from generator import urls
from generator.i18n import Translator, translator
from generator.language import words_language
from generator.options import Settings
from generator.outputs import Output
from generator.source.statement import PLACEHOLDER, Statement, read_statement


def _t(settings: Settings) -> Translator:
    return translator(words_language(settings.language))


def statement_link(settings: Settings) -> dict[str, str] | None:
    """The footer link and `<meta name="deklaracja-dostępności">` target, if a statement is configured."""
    if not settings.extra.get("accessibility_statement"):
        return None
    path = urls.statement_page(settings)
    return {"path": path, "url": settings.url(path), "title": _t(settings)("statement.title")}


def render_statement_page(settings: Settings) -> list[Output]:
    """The statement page, or nothing when the option is missing or invalid (the build stops earlier)."""
    statement, _ = read_statement(
        settings.extra.get("accessibility_statement"), settings.organisation, settings.today
    )
    if statement is None:
        return []
    text = statement_markdown(statement, settings)
    return [Output(path=urls.statement_page(settings) + "index.md", content=text)]


def statement_markdown(statement: Statement, settings: Settings) -> str:
    """Markdown of the statement with the template's sections and ids."""
    t = _t(settings)
    s = statement
    title = t("statement.title")
    out = [f"---\ntitle: {title}\n---\n", f"# {title}\n"]
    link = _tag("a", settings.site_name, id="a11y-url", href=s.url or settings.site_url)
    out.append(t(
        "statement.intro",
        entity=_tag("span", s.entity, id="a11y-podmiot"),
        scope=_tag("span", s.scope or t("statement.scope"), id="a11y-zakres"),
        link=link,
    ) + "\n{: #a11y-wstep }\n")
    out.append(
        f"- {t('statement.published')}: {_time(s.published, 'a11y-data-publikacja', settings)}\n"
        f"- {t('statement.updated')}: {_time(s.updated, 'a11y-data-aktualizacja', settings)}\n"
    )
    out.append(f"## {t('statement.status.heading')}\n")
    out.append(t(f"statement.status.{s.status}") + "\n{: #a11y-status }\n")
    out.append(t("statement.standard") + "\n")
    if s.inaccessible or s.exemptions:
        out.append(f"## {t('statement.inaccessible.heading')}\n")
        out.extend(_bullets(s.inaccessible))
        if s.exemptions:
            out.append(f"### {t('statement.exemptions.heading')}\n")
            out.extend(_bullets(s.exemptions))
    out.append(f"## {t('statement.prepared.heading')}\n")
    dates = f"- {t('statement.prepared')}: {_time(s.prepared, 'a11y-data-sporzadzenie', settings)}\n"
    if s.reviewed is not None:
        dates += f"- {t('statement.reviewed')}: {_time(s.reviewed, 'a11y-data-przeglad', settings)}\n"
    out.append(dates)
    out.append((t("statement.assessment.audit", auditor=_tag("span", s.auditor, id="a11y-audytor"))
                if s.assessment == "audit" else t("statement.assessment.self")) + "\n")
    for name in ("facilities", "shortcuts"):
        items = getattr(s, name)
        if items:
            out.append(f"## {t(f'statement.{name}.heading')}\n")
            out.extend(_bullets(items))
    out.extend(_contact_sections(s, settings, t))
    out.extend(_other_sections(s, t))
    return "\n".join(out)


def _contact_sections(s: Statement, settings: Settings, t: Translator) -> list[str]:
    email = _tag("a", s.email, id="a11y-email", href=f"mailto:{s.email}")
    phone = (_tag("span", s.phone, id="a11y-telefon") if PLACEHOLDER in s.phone  # not a number to call
             else _tag("a", s.phone, id="a11y-telefon", href=f"tel:{_tel(s.phone)}"))
    person = t("statement.contact.person", name=_tag("span", s.contact_name, id="a11y-osoba")) if s.contact_name else ""
    org = settings.organisation
    complaints = s.complaints or t(
        "statement.complaints",
        address=f"{s.entity}, {org.address}" if org.address else s.entity, email=s.email
    )
    return [
        f"## {t('statement.contact.heading')} {{: #a11y-kontakt }}\n",
        t("statement.contact", person=person, email=email, phone=phone) + "\n",
        f"## {t('statement.procedure.heading')} {{: #a11y-procedura }}\n",
        t("statement.procedure", complaints=complaints) + "\n",
    ]


def _other_sections(s: Statement, t: Translator) -> list[str]:
    out = [f"## {t('statement.other.heading')}\n"]
    if s.apps:
        out += [f"### {t('statement.apps.heading')} {{: #a11y-aplikacje }}\n", s.apps + "\n"]
    out += [f"### {t('statement.architecture.heading')} {{: #a11y-architektura }}\n", s.architecture + "\n"]
    if s.architecture_url:
        out.append(f"[{t('statement.architecture.link')}]({s.architecture_url}){{: #a11y-architektura-url }}\n")
    out += [f"### {t('statement.communication.heading')} {{: #a11y-komunikacja }}\n", s.communication + "\n"]
    return out


def _bullets(items: tuple[str, ...]) -> list[str]:
    return ["".join(f"- {' '.join(item.split())}\n" for item in items)]


def _time(day: dt.date, ident: str, settings: Settings) -> str:
    t = _t(settings)
    # The words' language also for the month: a statement in an unknown language reads English.
    text = t("date", date=format_date(day, "d MMMM y", locale=t.word_language))
    return _tag("time", text, id=ident, datetime=day.isoformat())


def _tel(phone: str) -> str:
    digits = re.sub(r"[^\d+]", "", phone)
    # Polish numbers are nine digits; the country code makes the link work from abroad too.
    return "+48" + digits if len(digits) == 9 and not digits.startswith("+") else digits


def _tag(name: str, text: str, **attrs: Any) -> str:
    rendered = "".join(f' {key}="{html.escape(str(value))}"' for key, value in attrs.items())
    return f"<{name}{rendered}>{html.escape(text, quote=False)}</{name}>"
