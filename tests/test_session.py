"""The preview (`mkdocs serve --dirty`) rebuilds only what an edit changed, and shows every change.

Unit tests of what a session remembers, then builds run in this process the way `mkdocs
serve` runs them (one plugin instance, a new configuration per build, --dirty), compared
with a full build of the same sources.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from generator.engine.memo import Memo
from generator.engine.session import PreviewSession
from generator.options import Settings
from generator.pipeline import generate_site
from generator.source.check import check_campaigns

from .conftest import REPO, TODAY, TZ


def _settings(root: Path, **changes: object) -> Settings:
    values: dict[str, object] = dict(
        site_url="https://konsultacje.example.pl/",
        site_name="Konsultacje",
        root=root,
        campaigns_dir=root / "campaigns",
        today=TODAY,
        build_time=dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.timezone.utc),
    )
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


def _touch(path: Path, text: str) -> None:
    """Rewrite a file with a modification time that differs from the old one."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


# ---------------------------------------------------------------- memo


def test_the_memo_computes_once_per_object_and_forgets_on_new_settings() -> None:
    memo, owner, calls = Memo(), object(), []
    memo.start("settings 1", [owner])
    assert memo.get("page", owner, lambda: calls.append(1) or "A") == "A"
    assert memo.get("page", owner, lambda: calls.append(2) or "B") == "A"
    assert memo.get("feed", owner, lambda: calls.append(3) or "C") == "C"
    memo.start("settings 1", [owner])
    assert memo.get("page", owner, lambda: "D") == "A"
    memo.start("settings 2", [owner])
    assert memo.get("page", owner, lambda: "E") == "E"
    assert calls == [1, 3]


def test_the_memo_drops_what_belongs_to_objects_no_longer_built() -> None:
    memo, kept, gone = Memo(), object(), object()
    memo.start("s", [kept, gone])
    memo.get("page", kept, lambda: 1)
    memo.get("page", gone, lambda: 2)
    memo.start("s", [kept])
    assert memo.get("page", gone, lambda: 3) == 3
    assert memo.get("page", kept, lambda: 4) == 1


def test_what_a_build_generates_with_a_memo_is_what_it_generates_without() -> None:
    settings = _settings(REPO)
    campaigns, _ = check_campaigns(settings.campaigns_dir, REPO, TZ)
    memo = Memo()
    memo.start(settings, campaigns)
    first = generate_site(campaigns, settings, memo=memo)
    again = generate_site(campaigns, settings, memo=memo)
    assert first == again == generate_site(campaigns, settings)


# ---------------------------------------------------------------- session


@pytest.fixture
def site(site_copy: Path) -> Path:
    return site_copy


def test_an_unchanged_folder_gives_the_same_objects_and_an_edited_one_is_read_again(site: Path) -> None:
    session = PreviewSession()
    first, _ = check_campaigns(site / "campaigns", site, TZ, remember=session)
    session.forget_gone()
    second, _ = check_campaigns(site / "campaigns", site, TZ, remember=session)
    assert [a is b for a, b in zip(first, second, strict=True)] == [True] * len(first)

    edited = first[0].slug
    index = site / "campaigns" / edited / "index.md"
    _touch(index, index.read_text(encoding="utf-8") + "\nNowe zdanie.\n")
    third, _ = check_campaigns(site / "campaigns", site, TZ, remember=session)
    assert [c.slug for c in third if c is not next(x for x in second if x.slug == c.slug)] == [edited]
    assert "Nowe zdanie." in next(c for c in third if c.slug == edited).body


def test_a_new_file_in_a_campaign_folder_counts_as_a_change(site: Path) -> None:
    session = PreviewSession()
    first, _ = check_campaigns(site / "campaigns", site, TZ, remember=session)
    folder = site / "campaigns" / first[0].slug / "announcements"
    folder.mkdir(exist_ok=True)
    (folder / "nowy.md").write_text(
        "---\ntitle: Nowy komunikat\ndate: 2025-08-30\n---\n\nTreść.\n", encoding="utf-8"
    )
    second, _ = check_campaigns(site / "campaigns", site, TZ, remember=session)
    changed = next(c for c in second if c.slug == first[0].slug)
    assert changed is not first[0]
    assert "Nowy komunikat" in [a.title for a in changed.announcements]


def test_problems_are_reported_again_in_every_build(site: Path) -> None:
    session = PreviewSession()
    yml = site / "campaigns" / sorted(os.listdir(site / "campaigns"))[0] / "campaign.yml"
    _touch(yml, yml.read_text(encoding="utf-8") + "\nnieznane_pole: 1\n")
    _, first = check_campaigns(site / "campaigns", site, TZ, remember=session)
    _, second = check_campaigns(site / "campaigns", site, TZ, remember=session)
    assert first and [p.code for p in first] == [p.code for p in second]


def test_the_clock_stops_for_the_day_and_moves_on_the_next() -> None:
    session = PreviewSession()
    root = Path("/site")
    first = session.pin_clock(_settings(root))
    later = session.pin_clock(
        _settings(root, build_time=dt.datetime(2025, 9, 1, 9, 30, tzinfo=dt.timezone.utc))
    )
    assert later.build_time == first.build_time and later == first
    next_day = _settings(
        root,
        today=TODAY + dt.timedelta(days=1),
        build_time=dt.datetime(2025, 9, 2, 8, 0, tzinfo=dt.timezone.utc),
    )
    assert session.pin_clock(next_day) == next_day


def test_a_file_counts_as_changed_until_a_build_that_wrote_it_succeeds() -> None:
    session = PreviewSession()
    assert session.changed("a.md", "tekst")
    session.discard()
    assert session.changed("a.md", "tekst")
    session.commit()
    assert not session.changed("a.md", "tekst")
    assert session.changed("a.md", "inny tekst")
    assert session.changed("b.ics", b"tekst")


# ---------------------------------------------------------------- serve --dirty


class _Preview:
    """Builds the way `mkdocs serve --dirty` does: one plugin instance, a new config per build."""

    def __init__(self, source: Path, site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(source)
        monkeypatch.setenv(
            "SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 9, 1, 8, tzinfo=dt.timezone.utc).timestamp()))
        )
        self.source, self.site_dir = source, site_dir
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugins = config.plugins

    def config(self):  # type: ignore[no-untyped-def]
        from mkdocs.config import load_config

        return load_config(str(self.source / "mkdocs.yml"), site_dir=str(self.site_dir))

    def build(self) -> None:
        from mkdocs.commands.build import build

        build(self.config(), dirty=True)

    def close(self) -> None:
        self.plugins.on_shutdown()


def _html(site_dir: Path, slug: str) -> str:
    return (site_dir / "konsultacje" / slug / "index.html").read_text(encoding="utf-8")


def test_an_edit_rebuilds_its_page_and_the_lists_but_not_the_other_pages(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "preview"
    preview = _Preview(site, out, monkeypatch)
    try:
        preview.build()
        slugs = sorted(p.parent.name for p in (out / "konsultacje").glob("*/index.html"))
        edited, other = slugs[0], slugs[1]
        stamps = {slug: (out / "konsultacje" / slug / "index.html").stat().st_mtime_ns for slug in slugs}
        yml = site / "campaigns" / edited / "campaign.yml"
        text = yml.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        time.sleep(0.01)
        _touch(yml, text.replace(title, "title: Zupełnie nowy tytuł konsultacji"))
        preview.build()
        assert "Zupełnie nowy tytuł konsultacji" in _html(out, edited)
        assert (out / "konsultacje" / other / "index.html").stat().st_mtime_ns == stamps[other]
        lists = (out / "konsultacje" / "index.html").read_text(encoding="utf-8")
        archive_pages = [p.read_text(encoding="utf-8") for p in (out / "archiwum").rglob("index.html")]
        assert "Zupełnie nowy tytuł konsultacji" in lists or any(
            "Zupełnie nowy tytuł konsultacji" in page for page in archive_pages
        )
    finally:
        preview.close()


def test_after_edits_the_preview_shows_what_a_full_build_shows(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = tmp_path / "preview"
    preview = _Preview(site, out, monkeypatch)
    try:
        preview.build()
        slug = sorted(p.parent.name for p in (out / "konsultacje").glob("*/index.html"))[0]
        index = site / "campaigns" / slug / "index.md"
        _touch(index, index.read_text(encoding="utf-8") + "\nDopisane zdanie o terminach.\n")
        preview.build()
        _touch(index, index.read_text(encoding="utf-8") + "\nI jeszcze jedno.\n")
        preview.build()
    finally:
        preview.close()
    full = tmp_path / "full"
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(full))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    for page in ("konsultacje/" + slug + "/index.html", "kalendarz/wszystkie.ics", "api/konsultacje.json"):
        shown, built = (out / page).read_bytes(), (full / page).read_bytes()
        if page.endswith(".html"):  # the preview's pages load the live-reload script
            assert b"I jeszcze jedno." in shown and b"I jeszcze jedno." in built
        else:
            assert shown == built, page
