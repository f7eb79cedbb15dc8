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
from generator.language import words_language
from generator.options import Settings
from generator.outputs import Output
from generator.source.statement import PLACEHOLDER, Statement, read_statement

_T: dict[str, dict[str, str]] = {
    "pl": {
        "title": "Deklaracja dostępności",
        "intro": (
            "{entity} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą "
            "z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych "
            "podmiotów publicznych. Deklaracja dostępności dotyczy {scope} {link}."
        ),
        "scope": "strony internetowej",
        "published": "Data publikacji strony internetowej",
        "updated": "Data ostatniej istotnej aktualizacji",
        "status_h": "Stan dostępności cyfrowej",
        "full": "Strona internetowa jest zgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
        "partial": "Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.",
        "none": "Strona internetowa jest niezgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.",
        "standard": "Wymagania ustawy to wymagania normy EN 301 549 V2.1.2, czyli wytycznych WCAG 2.1 na poziomie AA.",
        "inaccessible_h": "Niedostępne treści",
        "exemptions_h": "Wyłączenia",
        "prepared_h": "Przygotowanie deklaracji dostępności",
        "prepared": "Data sporządzenia deklaracji",
        "reviewed": "Data ostatniego przeglądu deklaracji",
        "self": "Deklarację sporządziliśmy na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
        "audit": "Deklarację sporządziliśmy na podstawie badania przeprowadzonego przez podmiot zewnętrzny: {auditor}.",
        "facilities_h": "Udogodnienia, ograniczenia i inne informacje",
        "shortcuts_h": "Skróty klawiszowe",
        "contact_h": "Informacje zwrotne i dane kontaktowe",
        "contact": (
            "Problemy z dostępnością cyfrową tej strony internetowej możesz zgłosić{person}: "
            "e-mailem na adres {email} lub telefonicznie pod numerem {phone}. Tą samą drogą możesz "
            "poprosić o informacje niedostępne w inny sposób, na przykład o dostępną wersję dokumentu, "
            "i złożyć żądanie zapewnienia dostępności cyfrowej."
        ),
        "person": " osobie kontaktowej, którą jest {name}",
        "procedure_h": "Obsługa wniosków i skarg związanych z dostępnością",
        "procedure": (
            "Każdy ma prawo zażądać zapewnienia dostępności cyfrowej tej strony internetowej, jej "
            "elementu lub treści. W żądaniu podaj:\n\n"
            "- swoje imię i nazwisko,\n"
            "- dane do kontaktu (na przykład numer telefonu lub adres e-mail),\n"
            "- dokładny adres strony albo nazwę dokumentu, którego dotyczy żądanie,\n"
            "- na czym polega problem i jaki sposób jego rozwiązania będzie dla Ciebie najwygodniejszy.\n\n"
            "Odpowiemy niezwłocznie, nie później niż w ciągu 7 dni od otrzymania żądania. Jeśli w tym "
            "terminie nie damy rady zapewnić dostępności, poinformujemy Cię o tym i podamy nowy termin, "
            "nie dłuższy niż 2 miesiące od dnia złożenia żądania. Jeśli zapewnienie dostępności nie "
            "będzie możliwe, zaproponujemy alternatywny sposób dostępu do informacji.\n\n"
            "Jeśli odmówimy zapewnienia dostępności albo alternatywnego dostępu, możesz złożyć skargę: "
            "{complaints}. Po wyczerpaniu tej drogi możesz złożyć wniosek do "
            "[Rzecznika Praw Obywatelskich](https://bip.brpo.gov.pl/)."
        ),
        "complaints": "pisemnie na adres {address} albo e-mailem na adres {email}",
        "other_h": "Pozostałe informacje",
        "apps_h": "Aplikacje mobilne",
        "architecture_h": "Dostępność architektoniczna",
        "architecture_url": "Szczegółowy opis dostępności architektonicznej",
        "communication_h": "Dostępność komunikacyjno-informacyjna",
        "date_suffix": " r.",
    },
    "en": {
        "title": "Accessibility statement",
        "intro": (
            "{entity} is committed to making its website accessible in accordance with the Act of "
            "4 April 2019 on the digital accessibility of websites and mobile applications of public "
            "bodies. This accessibility statement applies to {scope} {link}."
        ),
        "scope": "the website",
        "published": "Date the website was published",
        "updated": "Date of the last major update",
        "status_h": "Compliance status",
        "full": "This website is fully compliant with the Act on the digital accessibility of websites and mobile applications of public bodies.",
        "partial": "This website is partially compliant with the Act on the digital accessibility of websites and mobile applications of public bodies due to the non-compliances or exemptions listed below.",
        "none": "This website is not compliant with the Act on the digital accessibility of websites and mobile applications of public bodies due to the non-compliances or exemptions listed below.",
        "standard": "The Act requires conformance with EN 301 549 V2.1.2, that is WCAG 2.1 at level AA.",
        "inaccessible_h": "Non-accessible content",
        "exemptions_h": "Exemptions",
        "prepared_h": "Preparation of this accessibility statement",
        "prepared": "Date this statement was prepared",
        "reviewed": "Date this statement was last reviewed",
        "self": "This statement was prepared on the basis of a self-assessment carried out by the public body.",
        "audit": "This statement was prepared on the basis of an evaluation carried out by a third party: {auditor}.",
        "facilities_h": "Facilities, limitations and other information",
        "shortcuts_h": "Keyboard shortcuts",
        "contact_h": "Feedback and contact information",
        "contact": (
            "You can report accessibility problems with this website{person}: by e-mail to {email} "
            "or by phone on {phone}. The same way you can ask for information in another format, "
            "for example an accessible version of a document, and request that we make content "
            "accessible."
        ),
        "person": " to our contact person, {name}",
        "procedure_h": "Handling requests and complaints about accessibility",
        "procedure": (
            "Anyone may request that this website, a part of it or its content be made accessible. "
            "In your request, give:\n\n"
            "- your name,\n"
            "- how to contact you (for example a phone number or e-mail address),\n"
            "- the exact address of the page or the name of the document concerned,\n"
            "- what the problem is and which solution would suit you best.\n\n"
            "We will reply without delay and within 7 days of receiving the request. If we cannot "
            "make the content accessible within that time, we will tell you and give a new date, no "
            "later than 2 months after the request. If making it accessible is not possible, we "
            "will offer another way to access the information.\n\n"
            "If we refuse the request, you may file a complaint: {complaints}. After that, you may "
            "apply to the [Commissioner for Human Rights](https://bip.brpo.gov.pl/) (Rzecznik Praw "
            "Obywatelskich)."
        ),
        "complaints": "in writing to {address} or by e-mail to {email}",
        "other_h": "Other information",
        "apps_h": "Mobile applications",
        "architecture_h": "Architectural accessibility",
        "architecture_url": "Full description of architectural accessibility",
        "communication_h": "Information and communication accessibility",
        "date_suffix": "",
    },
}


def _lang(settings: Settings) -> str:
    return words_language(settings.language)


def statement_link(settings: Settings) -> dict[str, str] | None:
    """The footer link and `<meta name="deklaracja-dostępności">` target, if a statement is configured."""
    if not settings.extra.get("accessibility_statement"):
        return None
    path = urls.statement_page(settings)
    return {"path": path, "url": settings.url(path), "title": _T[_lang(settings)]["title"]}


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
    t = _T[_lang(settings)]
    s = statement
    out = [f"---\ntitle: {t['title']}\n---\n", f"# {t['title']}\n"]
    link = _tag("a", settings.site_name, id="a11y-url", href=s.url or settings.site_url)
    out.append(t["intro"].format(
        entity=_tag("span", s.entity, id="a11y-podmiot"),
        scope=_tag("span", s.scope or t["scope"], id="a11y-zakres"),
        link=link,
    ) + "\n{: #a11y-wstep }\n")
    out.append(
        f"- {t['published']}: {_time(s.published, 'a11y-data-publikacja', settings)}\n"
        f"- {t['updated']}: {_time(s.updated, 'a11y-data-aktualizacja', settings)}\n"
    )
    out.append(f"## {t['status_h']}\n")
    out.append(t[s.status] + "\n{: #a11y-status }\n")
    out.append(t["standard"] + "\n")
    if s.inaccessible or s.exemptions:
        out.append(f"## {t['inaccessible_h']}\n")
        out.extend(_bullets(s.inaccessible))
        if s.exemptions:
            out.append(f"### {t['exemptions_h']}\n")
            out.extend(_bullets(s.exemptions))
    out.append(f"## {t['prepared_h']}\n")
    dates = f"- {t['prepared']}: {_time(s.prepared, 'a11y-data-sporzadzenie', settings)}\n"
    if s.reviewed is not None:
        dates += f"- {t['reviewed']}: {_time(s.reviewed, 'a11y-data-przeglad', settings)}\n"
    out.append(dates)
    out.append((t["audit"].format(auditor=_tag("span", s.auditor, id="a11y-audytor"))
                if s.assessment == "audit" else t["self"]) + "\n")
    for name in ("facilities", "shortcuts"):
        items = getattr(s, name)
        if items:
            out.append(f"## {t[name + '_h']}\n")
            out.extend(_bullets(items))
    out.extend(_contact_sections(s, settings, t))
    out.extend(_other_sections(s, t))
    return "\n".join(out)


def _contact_sections(s: Statement, settings: Settings, t: dict[str, str]) -> list[str]:
    email = _tag("a", s.email, id="a11y-email", href=f"mailto:{s.email}")
    phone = (_tag("span", s.phone, id="a11y-telefon") if PLACEHOLDER in s.phone  # not a number to call
             else _tag("a", s.phone, id="a11y-telefon", href=f"tel:{_tel(s.phone)}"))
    person = t["person"].format(name=_tag("span", s.contact_name, id="a11y-osoba")) if s.contact_name else ""
    org = settings.organisation
    complaints = s.complaints or t["complaints"].format(
        address=f"{s.entity}, {org.address}" if org.address else s.entity, email=s.email
    )
    return [
        f"## {t['contact_h']} {{: #a11y-kontakt }}\n",
        t["contact"].format(person=person, email=email, phone=phone) + "\n",
        f"## {t['procedure_h']} {{: #a11y-procedura }}\n",
        t["procedure"].format(complaints=complaints) + "\n",
    ]


def _other_sections(s: Statement, t: dict[str, str]) -> list[str]:
    out = [f"## {t['other_h']}\n"]
    if s.apps:
        out += [f"### {t['apps_h']} {{: #a11y-aplikacje }}\n", s.apps + "\n"]
    out += [f"### {t['architecture_h']} {{: #a11y-architektura }}\n", s.architecture + "\n"]
    if s.architecture_url:
        out.append(f"[{t['architecture_url']}]({s.architecture_url}){{: #a11y-architektura-url }}\n")
    out += [f"### {t['communication_h']} {{: #a11y-komunikacja }}\n", s.communication + "\n"]
    return out


def _bullets(items: tuple[str, ...]) -> list[str]:
    return ["".join(f"- {' '.join(item.split())}\n" for item in items)]


def _time(day: dt.date, ident: str, settings: Settings) -> str:
    lang = _lang(settings)
    text = format_date(day, "d MMMM y", locale=lang) + _T[lang]["date_suffix"]
    return _tag("time", text, id=ident, datetime=day.isoformat())


def _tel(phone: str) -> str:
    digits = re.sub(r"[^\d+]", "", phone)
    # Polish numbers are nine digits; the country code makes the link work from abroad too.
    return "+48" + digits if len(digits) == 9 and not digits.startswith("+") else digits


def _tag(name: str, text: str, **attrs: Any) -> str:
    rendered = "".join(f' {key}="{html.escape(str(value))}"' for key, value in attrs.items())
    return f"<{name}{rendered}>{html.escape(text, quote=False)}</{name}>"
