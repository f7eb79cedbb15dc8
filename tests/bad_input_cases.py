"""The bad-input corpus: what editors can get wrong in every file the generator reads.

Each case starts from a small valid site (`BASE_FILES`: mkdocs.yml from the repository, one
campaign with a download) and changes some files. `expected` lists every error it must cause
as (code, path, line, field). A line written as "@text" means "the line of that file which
contains text", so the table stays readable and still pins the exact line.

`build=True` marks the cases that also run a real `mkdocs build` (at least one per kind of file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .conftest import VALID_YML

SLUG = "program-testowy"
C = f"campaigns/{SLUG}/"
YML = C + "campaign.yml"
INDEX = C + "index.md"
ANN = C + "announcements/2025-09-02-zmiana.md"
REPO = Path(__file__).resolve().parent.parent

BASE_YML = (
    VALID_YML
    + """\
materials:
  - title: Formularz uwag
    file: files/formularz.docx
"""
)
BASE_INDEX = "Zapraszamy do konsultacji projektu programu.\n\n## Cel\n\nZbieramy uwagi.\n"
BASE_ANNOUNCEMENT = "---\ntitle: Zmiana terminu spotkania\ndate: 2025-09-02\n---\n\nSpotkanie przeniesiono.\n"


class Link(str):
    """A symbolic link to this target (relative to the link's folder, or absolute)."""


class Folder(str):
    """An empty folder."""


Content = str | bytes | Link | Folder | None  # None removes the file


def base_mkdocs_yml() -> str:
    """The repository's mkdocs.yml: the corpus builds with the real configuration.

    Without its local rules (`rules:`), which the minimal base campaign (one way to respond, no
    meeting) falls short of: the cases of the rules set them themselves.
    """
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return re.sub(r"^(\s*)rules:\n(?:\1\s+.*\n)*", "", text, count=1, flags=re.M)


BASE_FILES: dict[str, Content] = {
    YML: BASE_YML,
    INDEX: BASE_INDEX,
    C + "files/formularz.docx": b"PK\x03\x04 formularz",
}


def yml(*, replace: dict[str, str] | None = None, append: str = "") -> str:
    """The base campaign.yml with some text replaced (each must be found) or appended."""
    text = BASE_YML
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text + append


def option(line: str, drop: str | None = None) -> str:
    """mkdocs.yml with one line added to the plugin's options (replacing an option of that name)."""
    text = base_mkdocs_yml()
    match = re.search(r"^(\s*)- consultations:\n((?:\1\s+.*\n)*)", text, re.M)
    assert match, "mkdocs.yml has no consultations plugin block"
    indent = match.group(1) + "    "
    name = (drop or line.split(":", 1)[0]).strip()
    kept, skipping = [], False
    for ln in match.group(2).splitlines():
        if re.match(rf"{indent}{re.escape(name)}:", ln):
            skipping = True  # the option and the lines indented under it
        elif skipping and not ln.startswith(indent + " "):
            skipping = False
        if not skipping:
            kept.append(ln + "\n")
    return text[: match.start(2)] + f"{indent}{line}\n" + "".join(kept) + text[match.end(2) :]


def mkdocs_replace(pattern: str, new: str) -> str:
    """mkdocs.yml with a regular expression replaced (it must match)."""
    text = base_mkdocs_yml()
    changed = re.sub(pattern, new, text, count=1, flags=re.M)
    assert changed != text, pattern
    return changed


def mkdocs_without(pattern: str) -> str:
    """mkdocs.yml without the lines matching pattern (one must match)."""
    text = base_mkdocs_yml()
    new = re.sub(pattern, "", text, flags=re.M)
    assert new != text, pattern
    return new


Expected = tuple[str, str, "int | str | None", "str | None"]


@dataclass(frozen=True)
class Case:
    """One bad input and every error it must produce."""

    id: str
    files: dict[str, Content]
    expected: list[Expected]
    build: bool = False
    note: str = ""
    strict: bool = False  # warnings, which stop `consult check --strict` and `mkdocs build --strict` (CI)


_DST_YML = yml(replace={"closes: 2025-09-26": "closes: 2026-04-30"}, append=(
    "meetings:\n  - title: Spotkanie nocne\n    date: 2026-03-29\n    time: 02:30-03:30\n    place: Sala 1\n"
))
_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(6)
)

# The report's table of comments: a concluded consultation whose report points at a CSV.
CSV = C + "files/uwagi.csv"
_REPORT_YML = yml(replace={"closes: 2025-09-26": "closes: 2025-08-30"}, append=(
    "accept_warnings: [short_consultation]\nreport:\n  published: 2025-08-31\n  comments: files/uwagi.csv\n"))
CSV_HEADER = "nr;zgłaszający;rodzaj;część dokumentu;uwaga;rozstrzygnięcie;uzasadnienie\r\n"
CSV_ROWS = [
    "1;Fundacja Wspólny Dom;;Cel 1;Dodać dane o bezdomności.;uwzględniona;\r\n",
    "2;;osoba prywatna;Cel 2;Streszczenie prostym językiem.;nieuwzględniona;Nie na tym etapie.\r\n",
    "3;Przystań Krakowska;organizacja;Środki;Więcej na mieszkania.;poza zakresem;Decyduje budżet miasta.\r\n",
]


def comments(*rows: str, header: str = CSV_HEADER, replace: dict[int, str] | None = None) -> dict[str, Content]:
    """A report with a table of comments: the base rows (some replaced by number) and more rows."""
    base = [replace.get(i + 1, row) if replace else row for i, row in enumerate(CSV_ROWS)]
    return {YML: _REPORT_YML, CSV: "\ufeff" + header + "".join(base) + "".join(rows)}


def comments_bytes(text: str, encoding: str) -> dict[str, Content]:
    """A report whose table is saved in another encoding."""
    return {YML: _REPORT_YML, CSV: text.encode(encoding)}


CASES: list[Case] = [
    # ---------------------------------------------------------------- campaign.yml: reading
    Case("yml-syntax-unclosed-list", {YML: yml(replace={"summary: Zbieramy uwagi do projektu programu.":
                                                        "summary: [Zbieramy uwagi"})},
         [("yaml_unclosed_bracket", YML, 2, None)], build=True),
    Case("yml-syntax-unclosed-quote", {YML: yml(replace={"title: Program": 'title: "Program'})},
         [("yaml_unclosed_quote", YML, 1, None)]),
    Case("yml-colon-in-plain-value", {YML: yml(replace={"summary: Zbieramy": "summary: Uwaga: zbieramy"})},
         [("yaml_colon", YML, 2, None)]),
    Case("yml-tab-indentation", {YML: yml(replace={"  - channel: email\n    value":
                                                   "  - channel: email\n\tvalue"})},
         [("yaml_tab", YML, 9, None)]),
    Case("yml-bad-indentation", {YML: yml(replace={"    value: dm": "      value: dm"})},
         [("yaml_colon", YML, 9, None)]),
    Case("yml-bom-with-error", {YML: b"\xef\xbb\xbf" + yml(replace={"closes: 2025-09-26":
                                                                   "closes: 2025-08-01"}).encode()},
         [("closes_before_opens", YML, 6, "closes")],
         note="A BOM is accepted (Windows editors add one); line numbers must not shift because of it."),
    Case("yml-not-utf8", {YML: yml().encode("utf-8").replace("Ośrodek".encode(), "Ośrodek".encode("cp1250"))},
         [("not_utf8", YML, 3, None)]),
    Case("yml-empty", {YML: ""}, [("empty_file", YML, 1, None)]),
    Case("yml-only-comments", {YML: "# do uzupełnienia\n"}, [("empty_file", YML, 1, None)]),
    Case("yml-list-at-top", {YML: "- title: Program\n- summary: Opis\n"}, [("not_mapping", YML, 1, None)]),
    Case("yml-text-at-top", {YML: "Program wspierania rodziny\n"}, [("not_mapping", YML, 1, None)]),
    Case("yml-two-documents", {YML: yml(append="---\ntitle: Kopia\n")}, [("yaml_many_documents", YML, 13, None)]),
    Case("yml-duplicate-key", {YML: yml(append="closes: 2025-09-30\n")},
         [("yaml_duplicate_key", YML, 13, "closes")]),
    Case("yml-merge-key", {YML: yml(append="<<: {accessibility: tak}\n")}, [("yaml_merge", YML, 13, None)]),
    Case("yml-alias-bomb", {YML: _BOMB}, [("yaml_too_complex", YML, 1, None)]),
    Case("yml-deep-nesting", {YML: "title: " + "[" * 5000 + "]" * 5000 + "\n"}, [("yaml_too_deep", YML, 1, None)]),
    Case("yml-deep-dashes", {YML: "- " * 200_000 + "x\n"}, [("yaml_too_deep", YML, 1, None)],
         note="A line of '- - - …' nests lists; libyaml's composer crashed the process on it (a segfault)."),
    Case("yml-huge", {YML: yml(append="# " + "x" * 1_000_000 + "\n")}, [("file_too_big", YML, None, None)]),
    Case("yml-missing", {YML: None}, [("campaign_yml_missing", YML, None, None)], build=True),
    Case("yml-wrong-extension", {YML: None, C + "campaign.yaml": BASE_YML},
         [("campaign_yml_wrong_name", C + "campaign.yaml", None, None)]),
    # ---------------------------------------------------------------- campaign.yml: types
    Case("title-is-a-list", {YML: yml(replace={"title: Program Wspierania Rodziny 2025–2027":
                                               "title: [Program, Rodzina]"})},
         [("cx_text", YML, 1, "title")], build=True),
    Case("summary-is-a-mapping", {YML: yml(replace={"summary: Zbieramy uwagi do projektu programu.":
                                                    "summary:\n  pl: Zbieramy uwagi"})},
         [("cx_text", YML, 2, "summary")]),
    Case("title-empty", {YML: yml(replace={"title: Program Wspierania Rodziny 2025–2027": "title:"})},
         [("cx_empty", YML, 1, "title")]),
    Case("title-control-character", {YML: yml(replace={"title: Program": 'title: "Program\\u0007'})
                                     .replace("2025–2027\n", '2025–2027"\n', 1)},
         [("cx_control", YML, 1, "title")]),
    Case("respond-is-a-mapping", {YML: yml(replace={"respond:\n  - channel: email\n    value: dm@mops.krakow.pl":
                                                    "respond:\n  channel: email\n  value: dm@mops.krakow.pl"})},
         [("list_expected", YML, 7, "respond")]),
    Case("respond-item-is-text", {YML: yml(replace={"  - channel: email\n    value: dm@mops.krakow.pl":
                                                    "  - dm@mops.krakow.pl"})},
         [("mapping_expected", YML, 8, "respond[1]")]),
    Case("categories-is-text", {YML: yml(append="categories:\n  rodzina: tak\n")},
         [("list_expected", YML, 13, "categories")]),
    Case("report-is-a-list", {YML: yml(append="report:\n  - 2025-10-30\n")}, [("mapping_expected", YML, 13, "report")]),
    Case("duty-mode-empty-list", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-12:00\n"
                                                 "    mode: []\n    phone: 12 616 53 21\n")},
         [("list_empty", YML, 16, "duty_hours[1].mode")]),
    Case("contact-email-invalid", {YML: yml(append="contact:\n  email: dm(at)mops.krakow.pl\n")},
         [("cx_email", YML, 14, "contact.email")]),
    Case("contact-phone-invalid", {YML: yml(append="contact:\n  phone: dzwoń rano\n")},
         [("cx_phone", YML, 14, "contact.phone")]),
    Case("material-accessible-not-bool", {YML: yml(append="    accessible: chyba\n")},
         [("cx_bool", YML, 13, "materials[1].accessible")]),
    Case("meeting-status-unknown", {YML: yml(append="meetings:\n  - title: Spotkanie\n    date: 2025-09-04\n"
                                                   "    time: 16:00-18:00\n    place: Sala 1\n    status: odwołane\n")},
         [("choice", YML, 18, "meetings[1].status")]),
    Case("respond-channel-unknown", {YML: yml(replace={"channel: email": "channel: telefon"})},
         [("choice", YML, 8, "respond[1].channel")]),
    Case("event-id-invalid", {YML: yml(append="meetings:\n  - id: Spotkanie 1\n    title: Spotkanie\n"
                                             "    date: 2025-09-04\n    time: 16:00-18:00\n    place: Sala 1\n")},
         [("cx_id", YML, 14, "meetings[1].id")]),
    Case("accept-warnings-unknown", {YML: yml(append="accept_warnings: [krótkie]\n")},
         [("choice", YML, 13, "accept_warnings[1]")]),
    # ---------------------------------------------------------------- missing and unknown fields
    Case("missing-title", {YML: yml(replace={"title: Program Wspierania Rodziny 2025–2027\n": ""})},
         [("missing", YML, None, "title")]),
    Case("missing-closes", {YML: yml(replace={"closes: 2025-09-26\n": ""})}, [("missing", YML, None, "closes")]),
    Case("duty-hour-missing-date", {YML: yml(append="duty_hours:\n  - time: 9:00-12:00\n    mode: phone\n"
                                                   "    phone: 12 616 53 21\n")},
         [("missing", YML, 14, "duty_hours[1].date")]),
    Case("meeting-missing-title", {YML: yml(append="meetings:\n  - date: 2025-09-04\n    time: 16:00-18:00\n"
                                                  "    place: Sala 1\n")},
         [("missing", YML, 14, "meetings[1].title")]),
    Case("unknown-field-typo", {YML: yml(append="closess: 2025-09-30\n")},
         [("unknown_field_suggest", YML, 13, "closess")], build=True),
    Case("required-field-misspelt", {YML: yml(replace={"organizer:": "organiser:"})},
         [("unknown_field_suggest", YML, 3, "organiser")], note="Not also reported as a missing 'organizer'."),
    Case("unknown-field", {YML: yml(append="kolor: zielony\n")}, [("unknown_field", YML, 13, "kolor")]),
    Case("unknown-nested-field", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-12:00\n"
                                                 "    mode: in_person\n    plac: pok. 210\n")},
         [("unknown_field_suggest", YML, 17, "duty_hours[1].plac")]),
    # ---------------------------------------------------------------- dates and times
    Case("impossible-date", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-02-30"})},
         [("cx_date_impossible", YML, 6, "closes")], build=True),
    Case("date-written-dotted", {YML: yml(replace={"opens: 2025-08-28": "opens: 28.08.2025"})},
         [("cx_date", YML, 5, "opens")]),
    Case("date-with-time", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-09-26 15:00"})},
         [("cx_date", YML, 6, "closes")],
         note="only published and updated take a time; closes is always until 23:59."),
    Case("date-year-typo", {YML: yml(replace={"closes: 2025-09-26": "closes: 20225-09-26"})},
         [("cx_date", YML, 6, "closes")]),
    Case("date-year-out-of-range", {YML: yml(replace={"closes: 2025-09-26": "closes: 9999-12-31"})},
         [("cx_date_range", YML, 6, "closes")]),
    Case("closes-before-opens", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-08-01"})},
         [("closes_before_opens", YML, 6, "closes")]),
    Case("updated-before-published", {YML: yml(append="updated: 2025-08-01\n")},
         [("updated_before_published", YML, 13, "updated")]),
    Case("phase-reversed", {YML: yml(append="phases:\n  - title: Zbieranie uwag\n    start: 2025-09-26\n"
                                           "    end: 2025-08-28\n")},
         [("range_reversed", YML, 16, "phases[1].end")]),
    Case("published-time-impossible", {YML: yml(replace={"published: 2025-08-28": "published: 2025-08-28 25:70"})},
         [("cx_time_impossible", YML, 4, "published")]),
    Case("phase-month-impossible", {YML: yml(append="phases:\n  - title: Uchwalenie\n    start: 2025-13\n"
                                                  "    end: 2025-12\n")},
         [("cx_month_impossible", YML, "@start: 2025-13", "phases[1].start")]),
    Case("phase-month-reversed", {YML: yml(append="phases:\n  - title: Uchwalenie\n    start: 2025-12-01\n"
                                                 "    end: 2025-11\n")},
         [("range_reversed", YML, "@end: 2025-11", "phases[1].end")],
         note="a month ends on its last day: start 2025-11-30 with end 2025-11 would be fine."),
    Case("time-reversed", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 18:00-16:00\n"
                                          "    mode: phone\n    phone: 12 616 53 21\n")},
         [("cx_time_reversed", YML, 15, "duty_hours[1].time")]),
    Case("time-impossible", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-25:00\n"
                                            "    mode: phone\n    phone: 12 616 53 21\n")},
         [("cx_time_impossible", YML, 15, "duty_hours[1].time")]),
    Case("time-in-words", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: rano\n"
                                          "    mode: phone\n    phone: 12 616 53 21\n")},
         [("cx_time_range", YML, 15, "duty_hours[1].time")]),
    Case("time-nonexistent-local", {YML: _DST_YML}, [("time_nonexistent", YML, 16, "meetings[1].time")],
         note="02:30 on 29 March 2026 does not exist in Warsaw: clocks go from 02:00 to 03:00."),
    # ---------------------------------------------------------------- rules between fields
    Case("in-person-without-place", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-12:00\n"
                                                    "    mode: in_person\n")},
         [("place_required", YML, 14, "duty_hours[1]")]),
    Case("phone-duty-without-phone", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-12:00\n"
                                                     "    mode: phone\n")},
         [("phone_required", YML, 14, "duty_hours[1]")]),
    Case("online-duty-without-link", {YML: yml(append="duty_hours:\n  - date: 2025-09-01\n    time: 9:00-12:00\n"
                                                     "    mode: online\n")},
         [("online_how_to_join", YML, 14, "duty_hours[1]")], strict=True,
         note="A link sent after registration is allowed; then the note must say how to get it."),
    Case("online-meeting-without-link-or-note", {YML: yml(append="meetings:\n  - title: Spotkanie\n"
                                                                "    date: 2025-09-04\n    time: 16:00-18:00\n"
                                                                "    mode: online\n")},
         [("online_how_to_join", YML, 14, "meetings[1]")], strict=True),
    Case("meeting-nowhere", {YML: yml(append="meetings:\n  - title: Spotkanie\n    date: 2025-09-04\n"
                                            "    time: 16:00-18:00\n")},
         [("meeting_where", YML, 14, "meetings[1]")]),
    Case("material-file-and-url", {YML: yml(append="    url: https://www.example.pl/formularz.docx\n")},
         [("file_xor_url", YML, 11, "materials[1]")]),
    Case("duplicate-event-id", {YML: yml(append="meetings:\n"
                                               "  - id: spotkanie\n    title: A\n    date: 2025-09-04\n"
                                               "    time: 16:00-18:00\n    place: Sala 1\n"
                                               "  - id: spotkanie\n    title: B\n    date: 2025-09-05\n"
                                               "    time: 16:00-18:00\n    place: Sala 1\n")},
         [("duplicate_event_id", YML, 19, "meetings[2].id")]),
    Case("respond-email-invalid", {YML: yml(replace={"value: dm@mops.krakow.pl": "value: dział rodziny"})},
         [("respond_email", YML, 9, "respond[1].value")]),
    Case("respond-form-not-web", {YML: yml(replace={"channel: email\n    value: dm@mops.krakow.pl":
                                                    "channel: online_form\n    value: javascript:alert(1)"})},
         [("respond_form", YML, 9, "respond[1].value")]),
    # ---------------------------------------------------------------- addresses (schemes)
    Case("material-url-javascript", {YML: yml(append="  - title: Link\n    url: javascript:alert(document.cookie)\n")},
         [("cx_url", YML, 14, "materials[2].url")], build=True),
    Case("material-url-data", {YML: yml(append="  - title: Link\n    url: 'data:text/html,<script>alert(1)</script>'\n")},
         [("cx_url", YML, 14, "materials[2].url")]),
    Case("material-url-ftp", {YML: yml(append="  - title: Link\n    url: ftp://example.pl/plik.pdf\n")},
         [("cx_url", YML, 14, "materials[2].url")]),
    Case("meeting-online-no-scheme", {YML: yml(append="meetings:\n  - title: Spotkanie\n    date: 2025-09-04\n"
                                                     "    time: 16:00-18:00\n    online: www.example.pl/spotkanie\n")},
         [("cx_url", YML, 17, "meetings[1].online")]),
    Case("report-url-file", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-08-30"}, append=(
        "accept_warnings: [short_consultation]\nreport:\n  published: 2025-08-31\n  url: file:///etc/passwd\n"))},
         [("cx_url", YML, 16, "report.url")]),
    # ---------------------------------------------------------------- files and paths
    Case("material-file-missing", {YML: yml(replace={"files/formularz.docx": "files/formularz-uwag.docx"})},
         [("file_missing", YML, 12, "materials[1].file")], build=True),
    Case("material-file-wrong-case", {YML: yml(replace={"files/formularz.docx": "files/Formularz.docx"})},
         [("file_missing", YML, 12, "materials[1].file")]),
    Case("material-path-dotdot", {YML: yml(replace={"files/formularz.docx": "../inny-program/files/a.pdf"})},
         [("file_outside", YML, 12, "materials[1].file")]),
    Case("material-path-absolute", {YML: yml(replace={"files/formularz.docx": "/etc/passwd"})},
         [("file_outside", YML, 12, "materials[1].file")]),
    Case("material-path-windows", {YML: yml(replace={"files/formularz.docx": 'C:\\Dokumenty\\formularz.docx'})},
         [("file_outside", YML, 12, "materials[1].file")]),
    Case("material-symlink-outside", {C + "files/formularz.docx": Link("/etc/passwd")},
         [("path_outside", YML, 12, "materials[1].file")]),
    Case("material-folder-symlink-outside", {C + "files/formularz.docx": None, C + "files/dokumenty": Link("/etc"),
                                            YML: yml(replace={"files/formularz.docx": "files/dokumenty/passwd"})},
         [("path_outside", YML, 12, "materials[1].file")]),
    Case("material-is-a-folder", {YML: yml(replace={"files/formularz.docx": "files"})},
         [("file_not_regular", YML, 12, "materials[1].file")]),
    Case("material-file-empty", {C + "files/formularz.docx": b""},
         [("file_empty", YML, 12, "materials[1].file")]),
    Case("report-file-missing", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-08-30"}, append=(
        "accept_warnings: [short_consultation]\nreport:\n  published: 2025-08-31\n  file: files/raport.pdf\n"))},
         [("file_missing", YML, 16, "report.file")]),
    # ---------------------------------------------------------------- folder names (slugs)
    Case("slug-with-spaces-and-capitals", {YML: None, INDEX: None, C + "files/formularz.docx": None,
                                          "campaigns/Program Testowy/campaign.yml": BASE_YML,
                                          "campaigns/Program Testowy/index.md": BASE_INDEX,
                                          "campaigns/Program Testowy/files/formularz.docx": b"PK"},
         [("slug_invalid", "campaigns/Program Testowy/campaign.yml", None, None)], build=True),
    Case("slug-with-polish-letters", {"campaigns/konsultacje-łódź/campaign.yml": BASE_YML,
                                     "campaigns/konsultacje-łódź/index.md": BASE_INDEX,
                                     "campaigns/konsultacje-łódź/files/formularz.docx": b"PK"},
         [("slug_invalid", "campaigns/konsultacje-łódź/campaign.yml", None, None)]),
    Case("slug-duplicate", {"campaigns/program_testowy/campaign.yml": BASE_YML,
                           "campaigns/program_testowy/index.md": BASE_INDEX,
                           "campaigns/program_testowy/files/formularz.docx": b"PK"},
         [("slug_duplicate", "campaigns/program_testowy/campaign.yml", None, None),
          ("slug_invalid", "campaigns/program_testowy/campaign.yml", None, None)]),
    Case("campaign-folder-symlink-outside", {"campaigns/obcy": Link("/etc")},
         [("path_outside", "campaigns/obcy", None, None)]),
    Case("stray-file-in-campaigns", {"campaigns/notatki.txt": "do zrobienia\n"},
         [("stray_file", "campaigns/notatki.txt", None, None)]),
    # ---------------------------------------------------------------- index.md
    Case("index-missing", {INDEX: None}, [("index_missing", INDEX, None, None)], build=True),
    Case("index-empty", {INDEX: ""}, [("index_empty", INDEX, 1, None)]),
    Case("index-blank-lines", {INDEX: "\n  \n\n"}, [("index_empty", INDEX, 1, None)]),
    Case("index-not-utf8", {INDEX: "Zapraszamy.\n\nOśrodek pomocy.\n".encode("cp1250")}, [("not_utf8", INDEX, 3, None)]),
    Case("index-huge", {INDEX: "Tekst.\n" + "a" * 2_000_001}, [("file_too_big", INDEX, None, None)]),
    Case("index-front-matter-unclosed", {INDEX: "---\ntitle: Ogłoszenie\n\nTreść ogłoszenia.\n"},
         [("front_matter_unclosed", INDEX, 1, None)]),
    Case("index-front-matter-syntax", {INDEX: "---\ntitle: [Ogłoszenie\n---\n\nTreść.\n"},
         [("yaml_unclosed_bracket", INDEX, 2, None)]),
    Case("index-front-matter-two-colons", {INDEX: "---\ntitle: Ogłoszenie: nabór\n---\n\nTreść.\n"},
         [("yaml_colon", INDEX, 2, None)]),
    Case("index-symlink-outside", {INDEX: Link("/etc/passwd")}, [("path_outside", INDEX, None, None)]),
    Case("index-is-a-folder", {INDEX: Folder("index.md")}, [("not_regular_file", INDEX, None, None)]),
    # ---------------------------------------------------------------- announcements/*.md
    Case("announcement-without-header", {ANN: "Spotkanie przeniesiono.\n"},
         [("front_matter_missing", ANN, 1, None)], build=True),
    Case("announcement-header-unclosed", {ANN: "---\ntitle: Zmiana\ndate: 2025-09-02\n\nSpotkanie przeniesiono.\n"},
         [("front_matter_unclosed", ANN, 1, None)]),
    Case("announcement-missing-date", {ANN: "---\ntitle: Zmiana terminu\n---\n\nTreść.\n"},
         [("missing", ANN, None, "date")]),
    Case("announcement-impossible-date", {ANN: BASE_ANNOUNCEMENT.replace("2025-09-02", "2025-09-31")},
         [("cx_date_impossible", ANN, 3, "date")]),
    Case("announcement-unknown-field", {ANN: BASE_ANNOUNCEMENT.replace("date:", "autor: Jan\ndate:")},
         [("unknown_field", ANN, 3, "autor")]),
    Case("announcement-field-typo", {ANN: BASE_ANNOUNCEMENT.replace("title:", "tytle:")},
         [("unknown_field_suggest", ANN, 2, "tytle")],
         note="The typo is reported once: not also as a missing 'title'."),
    Case("announcement-header-syntax", {ANN: BASE_ANNOUNCEMENT.replace("title: Zmiana", "title: 'Zmiana")},
         [("yaml_unclosed_quote", ANN, 2, None)]),
    Case("announcement-header-bad-yaml", {ANN: BASE_ANNOUNCEMENT.replace("date: 2025-09-02", "date: @2025-09-02")},
         [("yaml_syntax", ANN, 3, None)]),
    Case("announcement-header-tab", {ANN: "---\ntitle: Zmiana\n\tdate: 2025-09-02\n---\n\nTreść.\n"},
         [("yaml_tab", ANN, 3, None)]),
    Case("announcement-header-is-a-list", {ANN: "---\n- Zmiana\n- 2025-09-02\n---\n\nTreść.\n"},
         [("front_matter_missing", ANN, 1, None)]),
    Case("announcement-empty-body", {ANN: "---\ntitle: Zmiana\ndate: 2025-09-02\n---\n\n"},
         [("announcement_empty", ANN, 5, None)]),
    Case("announcement-duplicate-address", {ANN: BASE_ANNOUNCEMENT,
                                            C + "announcements/2025-09-02-Zmiana.md": BASE_ANNOUNCEMENT},
         [("announcement_duplicate", ANN, None, None)],
         note="Sorted by name, 2025-09-02-Zmiana.md comes first; the second file is the one reported."),
    Case("announcement-not-utf8", {ANN: BASE_ANNOUNCEMENT.replace("przeniesiono", "przeniesiono do sali ośrodka")
                                   .encode("cp1250")},
         [("not_utf8", ANN, 6, None)]),
    # ---------------------------------------------------------------- mkdocs.yml (plugin options)
    Case("mkdocs-unknown-timezone", {"mkdocs.yml": option("timezone: Europe/Warszawa")},
         [("config_timezone", "mkdocs.yml", "@timezone: Europe/Warszawa", "plugins.consultations.timezone")],
         build=True),
    Case("mkdocs-missing-site-url", {"mkdocs.yml": mkdocs_without(r"^site_url:.*\n")},
         [("config_site_url", "mkdocs.yml", None, "site_url")], build=True),
    Case("mkdocs-site-url-ftp", {"mkdocs.yml": mkdocs_replace(r"^site_url: https?://", "site_url: ftp://")},
         [("config_site_url", "mkdocs.yml", "@site_url:", "site_url")]),
    Case("mkdocs-today-impossible", {"mkdocs.yml": option('today: "2025-13-01"')},
         [("config_today", "mkdocs.yml", "@today:", "plugins.consultations.today")], build=True),
    Case("mkdocs-feed-days-not-number", {"mkdocs.yml": option("feed_past_days: dużo")},
         [("config_number", "mkdocs.yml", "@feed_past_days:", "plugins.consultations.feed_past_days")], build=True),
    Case("mkdocs-feed-days-negative", {"mkdocs.yml": option("feed_past_days: -5")},
         [("config_number", "mkdocs.yml", "@feed_past_days:", "plugins.consultations.feed_past_days")]),
    Case("mkdocs-unknown-option-typo", {"mkdocs.yml": option("timezon: Europe/Warsaw", drop="timezone")},
         [("config_unknown_suggest", "mkdocs.yml", "@timezon:", "plugins.consultations.timezon")], build=True),
    Case("mkdocs-unknown-option", {"mkdocs.yml": option("kolor: zielony")},
         [("config_unknown", "mkdocs.yml", "@kolor:", "plugins.consultations.kolor")]),
    Case("mkdocs-organisation-not-mapping", {"mkdocs.yml": option("organisation: MOPS Kraków")},
         [("config_mapping", "mkdocs.yml", "@organisation: MOPS", "plugins.consultations.organisation")]),
    Case("mkdocs-organisation-unknown-key", {"mkdocs.yml": option("organisation:\n        adress: ul. Józefińska 14")},
         [("config_unknown_suggest", "mkdocs.yml", "@adress:", "plugins.consultations.organisation.adress")]),
    Case("mkdocs-url-prefix-with-space", {"mkdocs.yml": option("url_prefix: konsultacje społeczne")},
         [("config_prefix", "mkdocs.yml", "@url_prefix:", "plugins.consultations.url_prefix")]),
    Case("mkdocs-campaigns-dir-missing", {"mkdocs.yml": option("campaigns_dir: kampanie")},
         [("campaigns_dir_missing", "kampanie", None, None)]),
    # ---------------------------------------------------------------- warnings (fatal with --strict)
    Case("index-script-tag", {INDEX: BASE_INDEX + "\n<script>alert(1)</script>\n"},
         [("html_script", INDEX, 7, None)], build=True),
    Case("index-event-handler", {INDEX: "Zapraszamy.\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n"},
         [("html_handler", INDEX, 3, None)]),
    Case("easy-read-event-handler", {YML: yml(append="easy_read: 'Piszemy plan. <img src=\"x.png\" onerror=\"alert(1)\">'\n")},
         [("html_handler", YML, "@easy_read:", "easy_read")]),
    Case("announcement-javascript-link", {ANN: BASE_ANNOUNCEMENT + "\n[Formularz](javascript:alert(1))\n"},
         [("html_url", ANN, 8, None)], build=True),
    Case("title-direction-override", {YML: yml(replace={"title: Program": "title: \u202eProgram"})},
         [("bidi_control", YML, 1, "title")]),
    Case("short-consultation", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-09-05"})},
         [("short_consultation", YML, 6, "closes")], strict=True),
    Case("rules-short-consultation", {"mkdocs.yml": option("rules:\n        min_days: 31")},
         [("short_consultation", YML, 6, "closes")], strict=True,
         note="2025-08-28 to 2025-09-26 is 30 days; the fix moves closes to 2025-09-27."),
    Case("rules-one-way-to-respond", {"mkdocs.yml": option("rules:\n        min_ways_to_respond: 2")},
         [("few_ways_to_respond", YML, "@respond:", "respond")], strict=True),
    Case("rules-no-meeting-or-duty-hours", {"mkdocs.yml": option("rules:\n        meeting_or_duty_hours: true")},
         [("no_meeting_or_duty_hours", YML, None, "meetings")], strict=True),
    Case("rules-cancelled-meeting-does-not-count", {
        "mkdocs.yml": option("rules:\n        meeting_or_duty_hours: true"),
        YML: yml(append="meetings:\n  - title: Spotkanie\n    date: 2025-09-04\n    time: 16:00-18:00\n"
                        "    place: Sala 1\n    status: cancelled\n")},
         [("no_meeting_or_duty_hours", YML, "@meetings:", "meetings")], strict=True),
    Case("rules-report-overdue", {
        "mkdocs.yml": option("rules:\n        report_within_days: 30"),
        YML: yml(replace={"opens: 2025-08-28\ncloses: 2025-09-26": "opens: 2025-06-01\ncloses: 2025-07-01",
                          "published: 2025-08-28": "published: 2025-06-01"})},
         [("report_overdue", YML, 6, "closes")], strict=True,
         note="closed on 1 July, the report was due on 31 July; the tests' day is 1 September."),
    Case("rules-not-a-number", {"mkdocs.yml": option("rules:\n        min_days: trzy tygodnie")},
         [("config_number", "mkdocs.yml", "@min_days: trzy", "plugins.consultations.rules.min_days")]),
    Case("rules-not-yes-or-no", {"mkdocs.yml": option("rules:\n        meeting_or_duty_hours: może")},
         [("config_bool", "mkdocs.yml", "@meeting_or_duty_hours: może", "plugins.consultations.rules.meeting_or_duty_hours")]),
    Case("rules-unknown", {"mkdocs.yml": option("rules:\n        min_dayz: 21")},
         [("config_unknown_suggest", "mkdocs.yml", "@min_dayz", "plugins.consultations.rules.min_dayz")]),
    Case("privacy-notice-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*privacy_notice: .*\n")},
         [("privacy_notice_missing", "mkdocs.yml", None, "plugins.consultations.privacy_notice")], strict=True),
    Case("privacy-notice-page-missing", {"content/ochrona-danych.md": None},
         [("privacy_notice_page_missing", "mkdocs.yml", None, "plugins.consultations.privacy_notice")], strict=True),
    Case("privacy-notice-placeholder", {"content/ochrona-danych.md": "# Ochrona danych\n\nAdministrator: (do uzupełnienia)\n"},
         [("privacy_notice_placeholder", "content/ochrona-danych.md", 3, None)], strict=True),
    Case("privacy-notice-campaign-page-missing", {YML: yml(append="privacy_notice: rodo-pwr.md\n")},
         [("privacy_notice_page_missing", YML, "@privacy_notice:", "privacy_notice")], strict=True),
    # the easy-to-read (ETR) and Polish Sign Language (PJM) pages and their files
    Case("easy-read-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*easy_read_page: .*\n")},
         [("easy_read_not_set", "mkdocs.yml", None, "plugins.consultations.easy_read_page")], strict=True,
         note="Not set, the page's text file is not asked for too: one warning, one thing to do."),
    Case("sign-language-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*sign_language_page: .*\n")},
         [("sign_language_not_set", "mkdocs.yml", None, "plugins.consultations.sign_language_page")], strict=True),
    Case("easy-read-page-missing", {"content/etr.md": None},
         [("access_page_missing", "mkdocs.yml", None, "plugins.consultations.easy_read_page")], strict=True),
    Case("easy-read-placeholder", {"content/etr.md": "# Tekst łatwy do czytania\n\nKim jesteśmy: (do uzupełnienia)\n"},
         [("easy_read_placeholder", "content/etr.md", 3, None)], strict=True),
    Case("sign-language-placeholder", {"content/pjm.md": "# PJM\n\n## Treść nagrania\n\n(do uzupełnienia)\n"},
         [("sign_language_placeholder", "content/pjm.md", 5, None)], strict=True),
    Case("easy-read-text-file-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*easy_read_text_file: .*\n")},
         [("easy_read_text_file_not_set", "mkdocs.yml", None, "plugins.consultations.easy_read_text_file")],
         strict=True),
    Case("sign-language-video-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*sign_language_video: .*\n")},
         [("sign_language_video_not_set", "mkdocs.yml", None, "plugins.consultations.sign_language_video")],
         strict=True),
    Case("sign-language-captions-not-set", {"mkdocs.yml": mkdocs_without(r"^\s*sign_language_captions: .*\n")},
         [("sign_language_captions_not_set", "mkdocs.yml", None, "plugins.consultations.sign_language_captions")],
         strict=True),
    Case("sign-language-video-missing", {"content/pjm/informacje-o-dzialalnosci.webm": None},
         [("access_file_missing", "mkdocs.yml", None, "plugins.consultations.sign_language_video")], strict=True),
    Case("sign-language-captions-missing", {"content/pjm/informacje-o-dzialalnosci.vtt": None},
         [("access_file_missing", "mkdocs.yml", None, "plugins.consultations.sign_language_captions")], strict=True),
    Case("easy-read-text-file-windows-1250", {
        "content/etr/informacje-o-dzialalnosci.txt": "Miejski Ośrodek Pomocy Społecznej\n".encode("cp1250")},
         [("text_file_not_utf8", "content/etr/informacje-o-dzialalnosci.txt", None, None)], strict=True,
         note="Saved by an old Windows editor, „ś” and „ł” would show as other letters in the browser."),
    Case("easy-read-text-file-outside-content", {"mkdocs.yml": option("easy_read_text_file: ../tajne.txt")},
         [("config_access_path", "mkdocs.yml", "@easy_read_text_file:", "plugins.consultations.easy_read_text_file")]),
    Case("no-way-to-respond", {YML: yml(replace={"respond:\n  - channel: email\n    value: dm@mops.krakow.pl\n": ""})},
         [("no_respond", YML, None, "respond")], strict=True),
    Case("material-huge", {C + "files/formularz.docx": b"PK" + b"\0" * (11 * 1024 * 1024)},
         [("file_large", YML, 12, "materials[1].file")], strict=True),
    Case("time-ambiguous-local", {YML: yml(replace={"closes: 2025-09-26": "closes: 2025-10-31"}, append=(
        "meetings:\n  - title: Spotkanie nocne\n    date: 2025-10-26\n    time: 02:30-03:30\n    place: Sala 1\n"))},
         [("time_ambiguous", YML, 16, "meetings[1].time")], strict=True,
         note="02:30 on 26 October 2025 happens twice in Warsaw: clocks go back from 03:00 to 02:00."),
    Case("mkdocs-today-unquoted-impossible", {"mkdocs.yml": option("today: 2025-13-01")},
         [("config_today", "mkdocs.yml", "@today:", "plugins.consultations.today")],
         note="`mkdocs build` itself crashes on this line before any plugin runs (see test_bad_input)."),
    # ---------------------------------------------------------------- the report's table of comments (CSV)
    Case("comments-windows-1250", comments_bytes(CSV_HEADER + "".join(CSV_ROWS), "cp1250"),
         [("csv_cp1250", CSV, 1, None)], build=True,
         note="The old 'CSV' of Polish Excel: ł in the header is byte B3, not UTF-8."),
    Case("comments-utf-16", comments_bytes(CSV_HEADER + "".join(CSV_ROWS), "utf-16"),
         [("csv_not_utf8", CSV, 1, None)]),
    Case("comments-broken-row", comments(replace={2: "2;;osoba prywatna;Cel 2;Streszczenie; prostym językiem.;"
                                                   "nieuwzględniona;Nie na tym etapie.\r\n"}),
         [("csv_row_fields", CSV, 3, None)], note="A semicolon outside quotes splits the comment in two."),
    Case("comments-unclosed-quote", comments('4;"Fundacja;;Cel 4;Tekst.;uwzględniona;\r\n'),
         [("csv_syntax", CSV, 5, None)]),
    Case("comments-decision-unknown", comments(replace={1: "1;Fundacja Wspólny Dom;;Cel 1;Dodać dane.;odrzucona;\r\n"}),
         [("csv_decision_unknown", CSV, 2, "rozstrzygnięcie")]),
    Case("comments-decision-typo", comments(replace={1: "1;Fundacja Wspólny Dom;;Cel 1;Dodać dane.;uwzglednione;\r\n"}),
         [("csv_decision_suggest", CSV, 2, "rozstrzygnięcie")]),
    Case("comments-column-missing",
         {YML: _REPORT_YML, CSV: "nr;zgłaszający;część dokumentu;uwaga;rozstrzygnięcie\n1;Fundacja A;Cel 1;Tekst.;uwzględniona\n"},
         [("csv_column_missing", CSV, 1, None)]),
    Case("comments-column-typo", comments(header=CSV_HEADER.replace("uzasadnienie", "uzasadnenie")),
         [("csv_column_suggest", CSV, 1, None)]),
    Case("comments-column-unknown", comments(header=CSV_HEADER.replace("rodzaj", "data")),
         [("csv_column_unknown", CSV, 1, None)]),
    Case("comments-column-twice", comments(header=CSV_HEADER.replace("rodzaj", "Uwaga")),
         [("csv_column_duplicate", CSV, 1, None)]),
    Case("comments-value-without-header",
         {YML: _REPORT_YML, CSV: "nr;zgłaszający;część dokumentu;uwaga;rozstrzygnięcie;uzasadnienie;\n"
                                 "1;Fundacja A;Cel 1;Tekst.;uwzględniona;;\n2;Fundacja B;Cel 2;Tekst.;uwzględniona;;pilne\n"},
         [("csv_column_unnamed", CSV, 3, None)], note="An empty column, as spreadsheets add, is fine until it holds a value."),
    Case("comments-comment-empty", comments(replace={1: "1;Fundacja Wspólny Dom;;Cel 1;;uwzględniona;\r\n"}),
         [("csv_value_missing", CSV, 2, "uwaga")]),
    Case("comments-reason-missing", comments(replace={2: "2;;osoba prywatna;Cel 2;Streszczenie.;nieuwzględniona;\r\n"}),
         [("csv_reason_missing", CSV, 3, "uzasadnienie")]),
    Case("comments-kind-unknown", comments(replace={2: "2;Jan;osoba;Cel 2;Tekst.;nieuwzględniona;Bo tak.\r\n"}),
         [("csv_kind_unknown", CSV, 3, "rodzaj")]),
    Case("comments-number-twice", comments("3;Fundacja B;;Cel 4;Tekst.;uwzględniona;\r\n"),
         [("csv_number_duplicate", CSV, 5, "nr")]),
    Case("comments-no-rows", {YML: _REPORT_YML, CSV: CSV_HEADER + ";;;;;;\r\n"},
         [("csv_empty", CSV, 1, None)], note="A row of empty cells, as spreadsheets add, is not a comment."),
    Case("comments-spreadsheet-file", {YML: _REPORT_YML.replace("uwagi.csv", "uwagi.xlsx"),
                                       C + "files/uwagi.xlsx": b"PK\x03\x04 arkusz"},
         [("comments_not_csv", YML, 16, "report.comments")]),
    Case("comments-file-missing", {YML: _REPORT_YML},
         [("file_missing", YML, 16, "report.comments")]),
    Case("comments-personal-name", comments("4;Anna Nowak;;Cel 4;Tekst.;uwzględniona;\r\n"),
         [("csv_personal_name", CSV, 5, "zgłaszający")], strict=True,
         note="Two capitalised words and no organisation word: a person, unless marked 'organizacja'."),
]
