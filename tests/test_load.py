"""Reading YAML the way editors mean it, and finding campaign folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.source.load import load_campaigns, split_front_matter
from generator.source.yamlsource import MAX_NODES, parse_yaml

from .conftest import write_campaign


def test_scalars_stay_text_so_times_and_words_survive() -> None:
    doc, problems = parse_yaml(b"time: 16:00\nrange: 16:00-18:00\nword: no\nother: on\ndate: 2025-08-29\n", "x.yml")
    assert problems == []
    assert doc is not None
    assert doc.data == {"time": "16:00", "range": "16:00-18:00", "word": "no", "other": "on", "date": "2025-08-29"}


def test_positions_of_keys_and_list_items_are_one_based() -> None:
    doc, _ = parse_yaml(b"title: A\nduty_hours:\n  - date: 2025-01-01\n    time: 9:00-10:00\n", "x.yml")
    assert doc is not None
    assert doc.positions[("title",)] == (1, 1)
    assert doc.positions[("duty_hours", 0)] == (3, 5)
    assert doc.positions[("duty_hours", 0, "time")] == (4, 5)
    assert doc.position(("duty_hours", 0, "missing")) == (3, 5)


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    doc, problems = parse_yaml(b"title: A\nsummary: B\ntitle: C\n", "c.yml")
    assert [(p.code, p.line, p.params["first"]) for p in problems] == [("yaml_duplicate_key", 3, 1)]
    assert doc is not None and doc.data["title"] == "A"


def test_syntax_error_has_line_and_column() -> None:
    doc, problems = parse_yaml(b"title: A\nsummary: [unclosed\n", "c.yml")
    assert doc is None
    # Noticed at the end of the file, reported where the bracket was opened.
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml_unclosed_bracket", 2, 10)]


def test_other_syntax_errors_keep_the_parser_detail() -> None:
    doc, problems = parse_yaml(b"title: A\ndate: @2025\n", "c.yml")
    assert doc is None
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml_syntax", 2, 7)]
    assert "cannot start any token" in problems[0].params["detail"]


def test_tab_indentation_is_named() -> None:
    _, problems = parse_yaml(b"title: A\nrespond:\n\t- channel: email\n", "c.yml")
    assert problems[0].code == "yaml_tab" and problems[0].line == 3


def test_bom_is_accepted_and_bad_bytes_are_located() -> None:
    doc, problems = parse_yaml("\ufefftitle: Zażółć\n".encode(), "c.yml")
    assert problems == [] and doc is not None and doc.data == {"title": "Zażółć"}
    _, problems = parse_yaml(b"title: A\nsummary: \xff\xfe\n", "c.yml")
    assert [(p.code, p.line, p.column) for p in problems] == [("not_utf8", 2, 10)]


def test_quoted_null_is_text_but_plain_empty_is_none() -> None:
    doc, _ = parse_yaml(b'a: "null"\nb:\nc: ~\n', "c.yml")
    assert doc is not None and doc.data == {"a": "null", "b": None, "c": None}


def test_alias_bombs_are_refused() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n".encode()
        for i in range(8)
    )
    doc, problems = parse_yaml(bomb, "c.yml")
    assert doc is None and problems[0].code == "yaml_too_complex"


def test_front_matter_is_split_and_lines_counted() -> None:
    problems: list = []
    src = split_front_matter("---\ntitle: T\ndate: 2025-09-02\n---\nBody\n", "a.md", problems)
    assert problems == [] and src.body == "Body\n" and src.body_line == 5
    assert src.meta is not None and src.meta.data == {"title": "T", "date": "2025-09-02"}


def test_unclosed_front_matter_is_reported() -> None:
    problems: list = []
    split_front_matter("---\ntitle: T\nBody\n", "a.md", problems)
    assert [p.code for p in problems] == ["front_matter_unclosed"]


def test_load_reads_folders_in_order_and_skips_hidden_ones_with_a_warning(tmp_path: Path) -> None:
    write_campaign(tmp_path, slug="b-druga")
    write_campaign(tmp_path, slug="a-pierwsza")
    (tmp_path / "campaigns" / ".git-keep").mkdir()
    raws, problems = load_campaigns(tmp_path / "campaigns", tmp_path)
    # A folder renamed with a leading dot (say, to unpublish it) must not vanish unnoticed.
    assert [(p.path, p.code, p.severity.value) for p in problems] == [
        ("campaigns/.git-keep", "campaign_folder_hidden", "warning")
    ]
    assert [r.slug for r in raws] == ["a-pierwsza", "b-druga"]
    assert raws[0].yml_rel == "campaigns/a-pierwsza/campaign.yml"


def test_keys_that_are_lists_are_reported_and_their_values_dropped() -> None:
    doc, problems = parse_yaml(b"? [a, b]\n: wartosc\ntitle: T\n", "c.yml")
    assert [(p.code, p.line) for p in problems] == [("yaml_complex_key", 1)]
    assert doc is not None and doc.data == {"title": "T"}


def test_aliases_copy_values_and_undefined_or_recursive_ones_are_problems() -> None:
    doc, problems = parse_yaml(b"a: &x [1, 2]\nb: *x\n", "c.yml")
    assert problems == [] and doc is not None and doc.data == {"a": ["1", "2"], "b": ["1", "2"]}
    assert [p.code for p in parse_yaml(b"a: *brak\n", "c.yml")[1]] == ["yaml_syntax"]
    assert [p.code for p in parse_yaml(b"a: &x [1, *x]\n", "c.yml")[1]] == ["yaml_too_complex"]


def test_values_known_only_to_mkdocs_are_marked() -> None:
    doc, _ = parse_yaml(b"site_url: !ENV [SITE_URL, 'https://a.pl/']\nname: !!str 5\n", "mkdocs.yml")
    assert doc is not None and doc.tags == {("site_url",)}


def test_nesting_deeper_than_any_real_file_is_refused_without_crashing() -> None:
    for text in (b"- " * 100_000 + b"x", b"? " * 100_000 + b"x", b"a: " + b"[" * 100_000):
        doc, problems = parse_yaml(text, "c.yml")
        assert doc is None and [p.code for p in problems] == ["yaml_too_deep"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a Unix thing")
@pytest.mark.parametrize("name", ["campaign.yml", "index.md", "announcements/2025-09-10.md"])
def test_a_fifo_is_reported_as_not_an_ordinary_file_without_waiting_on_it(tmp_path: Path, name: str) -> None:
    folder = write_campaign(tmp_path)
    (folder / name).parent.mkdir(exist_ok=True)
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name)  # opening it to read would wait forever for a writer

    raws, _ = load_campaigns(tmp_path / "campaigns", tmp_path)

    assert [(p.path, p.code) for p in raws[0].problems] == [(f"campaigns/program-testowy/{name}", "not_regular_file")]
    what, _ = raws[0].problems[0].message()
    assert what.startswith(f"„{name}” nie jest zwykłym plikiem")


def test_a_folder_named_like_an_announcement_is_not_an_ordinary_file(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path)
    (folder / "announcements" / "zmiana.md").mkdir(parents=True)
    raws, _ = load_campaigns(tmp_path / "campaigns", tmp_path)
    assert [p.code for p in raws[0].problems] == ["not_regular_file"]


def test_a_plain_long_list_is_not_blamed_on_anchors() -> None:
    long_list = b"categories:\n" + b"  - kategoria\n" * (MAX_NODES + 1)
    _, problems = parse_yaml(long_list, "c.yml")
    assert [p.code for p in problems] == ["yaml_too_many_items"]
    assert problems[0].message("en") == (
        f"the file has over {MAX_NODES} items",
        "shorten the long lists; publish a long table of comments as a file to download (materials)",
    )
