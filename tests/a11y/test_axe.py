"""axe-core with the WCAG 2.0/2.1 A and AA rules on every page: zero violations, no foreign requests.

Every HTML page of the example site is audited; one page of each kind also in the dark palette
and in the English build, and the consultation that a later build shows as closed. One assertion
per site and palette lists every violation of every page, so a failure reads as a to-do list.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests import example
from tests.a11y.conftest import Auditor, Served, describe, is_own, site_pages

OPEN = example.page(example.OPEN)
# Every kind of page the site has, as of the tests' day: all of them must be among those audited.
PAGE_TYPES = {
    "home": "",
    "consultation, open": OPEN,
    "consultation, upcoming": example.page(example.UPCOMING),
    "consultation, concluded": example.page(example.CONCLUDED_WITH_REPORT),
    "consultation, concluded with an inaccessible file": example.page(example.CONCLUDED_OLD),
    "list of consultations": "konsultacje/",
    "calendar": "kalendarz/",
    "archive": "archiwum/",
    "archive year": "archiwum/2021/",
    "categories": "kategorie/",
    "category": "kategorie/rodzina/",
    "search": "szukaj/",
    "hand-written page": "o-konsultacjach/",
    "accessibility statement": "deklaracja-dostepnosci/",
    "easy-to-read page": "etr/",
    "sign-language page": "pjm/",
    "not found": "404.html",
}


def _check_site(auditor: Auditor, site: Served, scheme: str, pages: list[str]) -> None:
    report = []
    for path in pages:
        audit = auditor.audit(site.url(path), scheme)
        expected = "slate" if scheme == "dark" else "default"
        assert audit.scheme == expected, f"{path}: the {scheme} palette did not apply ({audit.scheme})"
        if audit.violations:
            report.append(f"/{path}:\n{describe(audit.violations)}")
    assert not report, f"axe violations ({site.name}, {scheme}):\n" + "\n".join(report)


@pytest.mark.parametrize("site_name", ["pl", "en"])
def test_every_page_type_is_audited(request: pytest.FixtureRequest, site_name: str) -> None:
    """The audits run over every built page; make sure each kind of page is among them."""
    site: Served = request.getfixturevalue(f"{site_name}_site")
    pages = set(site_pages(site.root))
    assert {kind: path for kind, path in PAGE_TYPES.items() if path not in pages} == {}


def test_polish_site_has_no_axe_violations(auditor: Auditor, pl_site: Served) -> None:
    pages = site_pages(pl_site.root)
    assert len(pages) >= len(PAGE_TYPES), pages
    _check_site(auditor, pl_site, "light", pages)


# Pages of one kind share their templates and styles; in the dark palette and the English build
# one page of each kind is enough (and keeps the run short).
def test_dark_palette_has_no_axe_violations(auditor: Auditor, pl_site: Served) -> None:
    _check_site(auditor, pl_site, "dark", list(PAGE_TYPES.values()))


def test_english_site_has_no_axe_violations(auditor: Auditor, en_site: Served) -> None:
    _check_site(auditor, en_site, "light", list(PAGE_TYPES.values()))


def test_properdocs_build_has_no_axe_violations(auditor: Auditor, properdocs_site: Served) -> None:
    """Every page as ProperDocs builds it (`consult build --engine properdocs`)."""
    pages = site_pages(properdocs_site.root)
    assert set(PAGE_TYPES.values()) <= set(pages)
    _check_site(auditor, properdocs_site, "light", pages)


def test_closed_consultation_has_no_axe_violations(auditor: Auditor, closed_site: Served) -> None:
    _check_site(auditor, closed_site, "light", [OPEN])


@pytest.mark.parametrize("site_name", ["pl", "en"])
def test_pages_request_nothing_from_other_hosts(
    auditor: Auditor, request: pytest.FixtureRequest, site_name: str
) -> None:
    site: Served = request.getfixturevalue(f"{site_name}_site")
    foreign = {}
    for path in site_pages(site.root) if site_name == "pl" else list(PAGE_TYPES.values()):
        audit = auditor.audit(site.url(path), "light")
        hosts = sorted({urlsplit(u).hostname or u for u in audit.requests if not is_own(u)})
        if hosts:
            foreign[path] = hosts
        assert any(u.endswith("/a11y.css") for u in audit.requests), f"/{path}: a11y.css was not loaded"
    assert not foreign, f"pages asked other hosts for resources: {foreign}"


def test_pages_run_without_script_errors(auditor: Auditor, pl_site: Served) -> None:
    """No uncaught script error, and nothing the page's Content-Security-Policy had to block."""
    errors = {}
    for path in site_pages(pl_site.root):
        audit = auditor.audit(pl_site.url(path), "light")
        if audit.errors:
            errors[path] = audit.errors
    assert not errors, errors


def _local(url: str) -> bool:
    return url.startswith("data:") or urlsplit(url).hostname == "127.0.0.1"



def test_the_harness_catches_violations(browser: object, pl_site: Served) -> None:
    """A page with known faults gives the violations: axe really runs with these rules."""
    from tests.a11y.conftest import new_context, run_axe

    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(pl_site.url("o-konsultacjach/"))
        page.evaluate("""() => {
            const img = document.createElement("img");
            img.src = "../assets/images/favicon.png";
            document.querySelector("article").append(img);
            const text = document.createElement("p");
            text.textContent = "Szary tekst";
            text.style.color = "#bbbbbb";
            document.querySelector("article").append(text);
        }""")
        found = {v["id"] for v in run_axe(page)}
    finally:
        context.close()
    assert {"image-alt", "color-contrast"} <= found
