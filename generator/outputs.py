"""Everything the build publishes, as a list of files: the seam between stages and engines.

Stages return `Output`s (a site path with text, bytes or a file to copy). The MkDocs plugin
hands them to MkDocs; `write_outputs` writes them as ordinary files for any other engine.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator import urls
from generator.comments import public_csv
from generator.memo import Memo
from generator.model import Campaign
from generator.settings import Settings
from generator.timing import StageTimes


class HtmlBlock(str):
    """HTML a stage rendered itself, to stand as one Markdown block (no blank line inside).

    Pages list these in `Output.html`, so an engine may pass them through unparsed.
    """

    __slots__ = ()


@dataclass(frozen=True)
class Output:
    """One file of the published site.

    `path` is relative to the site root, POSIX. A `.md` path with text content is a page
    for the engine to render; anything else is published as it is. `html` lists the HTML
    blocks a page's text holds verbatim, each one Markdown block: an engine may pass them
    through without parsing them (see `markdown_blocks`).
    """

    path: str
    content: str | bytes | None = None
    source: Path | None = None
    html: tuple[str, ...] = ()

    @property
    def is_page(self) -> bool:
        """True for Markdown pages the engine renders."""
        return self.path.endswith(".md") and isinstance(self.content, str)


@dataclass(frozen=True)
class PackedPage:
    """A page kept compact while the engine holds thousands: its text as UTF-8 (half the memory
    of Polish text in a str) and where its HTML blocks are in the text, instead of their copies."""

    path: str
    data: bytes
    blocks: tuple[tuple[int, int], ...]  # (start, end) of each HTML block in the text

    @classmethod
    def of(cls, output: Output) -> PackedPage:
        """Pack a page output."""
        text = output.content
        assert isinstance(text, str)
        spans = []
        at = 0
        for block in output.html:
            at = text.index(block, at)
            spans.append((at, at + len(block)))
            at += len(block)
        return cls(output.path, text.encode("utf-8"), tuple(spans))

    def text(self) -> str:
        """The page's Markdown."""
        return self.data.decode("utf-8")

    def output(self) -> Output:
        """The page as an Output again."""
        text = self.text()
        return Output(self.path, text, html=tuple(text[start:end] for start, end in self.blocks))


def published_campaigns(campaigns: Sequence[Campaign], settings: Settings) -> list[Campaign]:
    """The campaigns that are public on the build day, sorted by slug."""
    return sorted((c for c in campaigns if c.is_published(settings.today)), key=lambda c: c.slug)


def generate_site(
    campaigns: Sequence[Campaign],
    settings: Settings,
    times: StageTimes | None = None,
    memo: Memo | None = None,
) -> list[Output]:
    """Produce every generated file of the site from validated campaigns.

    Args:
        times: gets the seconds each stage took.
        memo: per-consultation results of the previous build of a preview session.
    """
    times = times if times is not None else StageTimes()
    public = published_campaigns(campaigns, settings)
    outputs: list[Output] = []
    for name, build in site_stages(memo):
        with times.stage(name):
            outputs.extend(build(public, settings))
    return outputs


Stage = Callable[[Sequence[Campaign], Settings], list[Output]]


def site_stages(memo: Memo | None = None) -> list[tuple[str, Stage]]:
    """The stages of `generate_site`, named, in the order their files are listed."""
    from generator import export, pages, search, statement_page
    from generator.feeds import ical, rss

    return [
        ("pages", partial(pages.render_pages, memo=memo)),
        ("materials", material_outputs),
        ("calendars", partial(ical.build_calendars, memo=memo)),
        ("news feeds", rss.build_feeds),
        ("exports", partial(export.build_exports, memo=memo)),
        ("search", partial(search.build_search, memo=memo)),
        ("statement", lambda _campaigns, site: statement_page.render_statement_page(site)),
    ]


def material_outputs(campaigns: Iterable[Campaign], settings: Settings) -> list[Output]:
    """Downloadable files, published under their consultation's folder."""
    outputs = []
    for campaign in campaigns:
        base = settings.campaign_path(campaign.slug)
        shown = [*campaign.materials, *(m for meeting in campaign.meeting_materials for m in meeting)]
        files = [m.file for m in shown if m.file is not None]
        if campaign.report_file is not None:
            files.append(campaign.report_file)
        for info in {info.rel: info for info in files}.values():  # a file listed twice is published once
            outputs.append(Output(path=base + info.rel, source=info.source))
        report = campaign.data.report
        if campaign.comments is not None and report is not None and report.published <= settings.today:
            # Not the editors' file: the published copy never names a private person.
            outputs.append(Output(path=urls.comments_csv(settings, campaign.slug), content=public_csv(campaign.comments)))
    return outputs


def cannot_write(detail: str) -> str:
    """The message for a file that could not be copied or written during a build."""
    return (
        f"Could not write the site's files: {detail}. If a file was moved or deleted during the "
        "build, or the disk is full, fix that and build again; the previous site is unchanged."
    )


def write_outputs(outputs: Iterable[Output], directory: Path) -> int:
    """Write outputs as plain files under `directory` (for engines other than MkDocs)."""
    count = 0
    made: set[str] = set()  # folders known to exist: tens of thousands of files share a few hundred
    for output in outputs:
        target = os.path.join(directory, output.path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if output.source is not None:
            shutil.copyfile(output.source, target)
        else:
            content = output.content or ""
            with open(target, "wb") as file:
                file.write(content.encode("utf-8") if isinstance(content, str) else content)
        count += 1
    return count
