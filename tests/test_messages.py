"""The message catalogue: every code in both languages, every placeholder filled; the guide explains each."""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path

import pytest

from generator.source import messages
from generator.source.messages import EXAMPLES, message_codes, render_message

from .conftest import REPO

GUIDE = REPO / "docs" / "dla-redaktorow.md"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def templates(code: str, lang: str) -> tuple[str, str]:
    return messages._M[code][lang]


def test_both_languages_use_the_same_placeholders() -> None:
    differ = [code for code in message_codes()
              if placeholders(" ".join(templates(code, "pl"))) != placeholders(" ".join(templates(code, "en")))]
    assert differ == [], f"the Polish and English texts of these codes need different parameters: {differ}"


def _rendering_faults(code: str, lang: str) -> list[str]:
    """What is wrong with one code's text in one language, each fault naming the code."""
    names = placeholders(" ".join(templates(code, lang)))
    params = {name: f"<{name}>" for name in names}
    what, fix = render_message(code, params, lang)
    faults = [f"{code} ({lang}): {{{name}}} is not shown" for name in names if f"<{name}>" not in what + fix]
    if "{" in what + fix or "}" in what + fix:
        faults.append(f"{code} ({lang}): a placeholder is left unfilled: {what} / {fix}")
    if not what.strip():
        faults.append(f"{code} ({lang}): says nothing about what is wrong")
    if code not in {"summary", "ok", "generated", "built"} and not fix.strip():
        faults.append(f"{code} ({lang}): says what is wrong but not how to fix it")
    other = "en" if lang == "pl" else "pl"
    if code != "config" and (what, fix) == render_message(code, params, other):  # config passes a text through
        faults.append(f"{code} ({lang}): is not translated")
    return faults


def test_every_message_renders_with_every_placeholder_filled() -> None:
    faults = [fault for code in message_codes() for lang in ("pl", "en") for fault in _rendering_faults(code, lang)]
    assert faults == []


def test_the_catalogue_check_names_the_code_it_finds_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = {**messages._M, "cx_empty": {"pl": ("pole {name} jest puste", ""), "en": ("pole {name} jest puste", "")}}
    monkeypatch.setattr(messages, "_M", broken)
    assert _rendering_faults("cx_empty", "pl") == [
        "cx_empty (pl): says what is wrong but not how to fix it", "cx_empty (pl): is not translated"]
    with pytest.raises(AssertionError, match="cx_empty"):
        test_every_message_renders_with_every_placeholder_filled()


def test_polish_is_the_default_and_english_is_chosen_by_prefix() -> None:
    assert render_message("cx_empty", {"name": "title"}) == render_message("cx_empty", {"name": "title"}, "pl")
    assert render_message("cx_empty", {"name": "title"}, "en_GB")[0] == "the field is empty"


def test_example_comes_from_the_field_name() -> None:
    _, fix = render_message("missing", {"name": "closes"})
    assert fix == f"dodaj je, np. {EXAMPLES['closes']}"


def test_every_code_the_generator_reports_is_in_the_catalogue() -> None:
    patterns = [
        r'PydanticCustomError\(\s*"(\w+)"',
        r'(?<!\.)\badd\(\s*"(\w+)"',  # add(...) in validate, not calendar.add(...)
        r'\bfail\(\s*"(\w+)"',
        r'Problem\([^()]*?,\s*"([a-z_]+)"',
    ]
    used: set[str] = set()
    for path in (REPO / "generator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            used.update(re.findall(pattern, text))
    assert used, "no codes found: the patterns above no longer match the generator's code"
    assert used - set(message_codes()) == set()


# ---------------------------------------------------------------- the editors' guide


def test_guide_explains_every_message_code() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    missing = [code for code in message_codes() if not re.search(rf"^\| `{code}` \| \S", text, flags=re.M)]
    assert missing == [], f"describe these in the table of {GUIDE.relative_to(REPO)}: {missing}"


def test_guide_lists_the_warnings_that_can_be_accepted() -> None:
    from generator.source.model import CampaignFile

    text = GUIDE.read_text(encoding="utf-8")
    annotation = CampaignFile.model_fields["accept_warnings"].annotation
    accepted = re.findall(r"'(\w+)'", repr(annotation))
    assert accepted
    section = text.split("## Ostrzeżenia, które akceptujemy", 1)[1]
    for code in accepted:
        assert f"`{code}`" in section


def test_guide_describes_every_campaign_field() -> None:
    from generator.source import model

    text = GUIDE.read_text(encoding="utf-8")
    for cls in (model.CampaignFile, model.Respond, model.DutyHour, model.Meeting, model.MaterialEntry,
                model.Phase, model.Report, model.Contact, model.Publisher, model.Change):
        for name in cls.model_fields:
            assert re.search(rf"`{name}[`:]|^\s*-? ?{name}:", text, flags=re.M), f"{cls.__name__}.{name}"


def github_anchor(heading: str) -> str:
    """The fragment GitHub gives a Markdown heading."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def test_guide_links_to_its_own_headings() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    anchors = {github_anchor(h) for h in re.findall(r"^#{2,4} (.+)$", text, flags=re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    assert [link for link in links if link not in anchors] == []


def test_readme_links_to_the_guide() -> None:
    assert "docs/dla-redaktorow.md" in (REPO / "README.md").read_text(encoding="utf-8")


def test_guide_is_where_sitekit_ships_it() -> None:
    from generator.newsite.sitekit import SHARED

    assert GUIDE.relative_to(REPO).as_posix() in SHARED
    assert Path(REPO / "docs").is_dir()
