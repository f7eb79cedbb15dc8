"""Journey: a new organisation starts its site, writes its first consultation and builds it.

It starts in an empty folder and types what the README prints (`consult init …`, then
`consult new "…"`), keeps the site in git as the guide says, fills in one placeholder, and
opens the built pages in Chromium: what the organisation's first hour with the tool shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import tests.a11y.conftest as a11y
from tests import example
from tests.a11y.conftest import new_context
from tests.conftest import TODAY_EPOCH
from tests.docs_commands import README, documented, type_command
from tests.tools import serve_folder

TITLE = "Program Wspierania Rodziny 2025–2027"
SLUG = example.OPEN  # the folder the README's layout shows for this title
PHONE = "14 688 00 00"
PLACEHOLDER_FIELDS = ["architecture", "communication", "inaccessible", "contact.phone"]


@dataclass
class Walk:
    """What the person saw along the way: each command's output, and the built site."""

    site: Path
    outputs: dict[str, str]
    built: Path


def _warned_fields(check_output: str) -> list[str]:
    """The statement fields `consult check` reports as still holding the placeholder."""
    return re.findall(r"accessibility_statement\.([\w.]+): w polu „[\w.]+” deklaracji dostępności jest "
                      r"jeszcze „\(do uzupełnienia\)”", check_output)


def _ok(result: Any, what: str) -> str:
    assert result.returncode == 0, f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return str(result.stdout) + str(result.stderr)


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    """The whole journey, typed once; the tests below look at what it left."""
    home = tmp_path_factory.mktemp("organisation")
    init = documented(README, "consult init ")
    outputs = {"init": _ok(type_command(init, home, home), init)}
    site = home / init.split()[2]
    for command in ("git init", "git add -A", 'git commit -m "Nowa strona"'):
        _ok(type_command(command, site, home), command)
    outputs["check"] = _ok(type_command("consult check", site, home), "consult check")
    new = documented(README, "consult new ")
    outputs["new"] = _ok(type_command(new, site, home), new)
    # The editor fills in the statement's phone and the consultation's summary, then commits.
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("phone: (do uzupełnienia)") == 1, text
    config.write_text(text.replace("phone: (do uzupełnienia)", f"phone: {PHONE}"), encoding="utf-8")
    campaign = site / "campaigns" / SLUG / "campaign.yml"
    campaign.write_text(re.sub(r"(?m)^summary: .*$", "summary: Zbieramy uwagi do programu na lata 2025–2027.",
                               campaign.read_text(encoding="utf-8")), encoding="utf-8")
    for command in ("git add -A", f'git commit -m "{TITLE}: ogłoszenie"'):
        _ok(type_command(command, site, home), command)
    outputs["check again"] = _ok(type_command("consult check", site, home), "consult check")
    outputs["build"] = _ok(type_command("mkdocs build", site, home), "mkdocs build")
    return Walk(site, outputs, site / "site")


def test_init_as_the_readme_prints_it_checks_with_warnings_only(walk: Walk) -> None:
    assert "Co dalej:" in walk.outputs["init"]
    # Exit 0 (checked by the walk), every unknown named as a warning with its fix, no error.
    assert _warned_fields(walk.outputs["check"]) == PLACEHOLDER_FIELDS, walk.outputs["check"]
    assert walk.outputs["check"].count("Jak poprawić: wpisz w mkdocs.yml pod accessibility_statement") == 4
    # and the data-protection clause `consult init` wrote with its placeholders
    assert "content/ochrona-danych.md:" in walk.outputs["check"] and "klauzula RODO" in walk.outputs["check"]
    # the easy-to-read and sign-language pages, and their text file, video and captions not yet there
    assert "content/etr.md:" in walk.outputs["check"] and "content/pjm.md:" in walk.outputs["check"]
    assert walk.outputs["check"].count(": nie ma pliku „") == 3
    assert "Znaleziono: błędy 0, ostrzeżenia 10" in walk.outputs["check"]


def test_new_names_the_folder_with_the_years_hyphenated(walk: Walk) -> None:
    assert f"Utworzono campaigns/{SLUG}/campaign.yml" in walk.outputs["new"]
    assert sorted(p.name for p in (walk.site / "campaigns").iterdir()) == [SLUG, "przykladowa-konsultacja"]


def test_filling_in_the_phone_silences_its_warning(walk: Walk) -> None:
    assert _warned_fields(walk.outputs["check again"]) == PLACEHOLDER_FIELDS[:-1]
    assert "Sprawdzone konsultacje" not in walk.outputs["check again"]  # warnings remain: no "all fine"
    assert "Znaleziono: błędy 0, ostrzeżenia 9" in walk.outputs["check again"]


@pytest.fixture(scope="module")
def site_url(walk: Walk) -> Iterator[str]:
    """The built site served on 127.0.0.1, as a web server would serve it."""
    with serve_folder(walk.built) as url:
        yield url


# The accessibility suite's module-scoped Chromium: in CI a missing Chromium fails, never skips.
browser = a11y.browser


@pytest.fixture(scope="module")
def page(site_url: str, browser: Any) -> Iterator[Any]:
    """A Chromium tab reading the pages on the day of the build (consultation.js updates statuses by it)."""
    context = new_context(browser)
    context.clock.set_fixed_time(int(TODAY_EPOCH))
    yield context.new_page()
    context.close()


def test_home_page_lists_the_new_consultation_as_open(walk: Walk, site_url: str, page: Any) -> None:
    page.goto(site_url, wait_until="load")
    assert page.title().endswith("Konsultacje społeczne: Miejski Ośrodek Pomocy Społecznej w Tarnowie")
    link = page.get_by_role("link", name=TITLE)
    assert link.count() >= 1 and link.first.is_visible()
    link.first.click()
    page.wait_for_url(f"**/konsultacje/{SLUG}/")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    status = page.locator(".cx-status").first
    assert status.is_visible() and status.inner_text() == "otwarte"
    assert page.get_by_text("Zbieramy uwagi do programu na lata 2025–2027.").first.is_visible()


def test_accessibility_statement_shows_the_phone_and_the_placeholders_left(
    walk: Walk, site_url: str, page: Any
) -> None:
    page.goto(site_url + "deklaracja-dostepnosci/", wait_until="load")
    assert page.get_by_role("heading", level=1).inner_text() == "Deklaracja dostępności"
    phone = page.locator("#a11y-telefon")
    assert phone.inner_text() == PHONE and phone.get_attribute("href") == "tel:+48146880000"
    # What is still to be written is visibly marked, not hidden or invented.
    assert page.locator("#a11y-architektura ~ p").first.inner_text() == "(do uzupełnienia)"
