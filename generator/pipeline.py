"""The build's stages, listed once: what each publishes and how a forked worker may share it.

A build first checks the editors' files (`check.check_campaigns`), then runs these stages over the
consultations published on the build day. Each stage is a record (`Stage`) of what it builds and
how `parallel` may share it with a worker; `generate_site` runs them all in one process. A new
output file is a new stage here, or one more file of a stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from generator import export, pages, search, urls
from generator.calendars import ical
from generator.engine.memo import Memo
from generator.engine.timing import StageTimes
from generator.news import rss
from generator.options import Settings
from generator.outputs import Output
from generator.pages import statement_page
from generator.source.comments import public_csv
from generator.source.model import Campaign

Build = Callable[[Sequence[Campaign], Settings], Iterable[Output]]


@dataclass(frozen=True)
class Stage:
    """One stage of the site build: its name (for timings), what it builds, and how it is shared.

    `build` makes every file of the stage. With a forked worker (`parallel`), a stage may instead:
    - `by_consultation`: be split by consultation, the worker rendering every other one, with
      `rest` the files that depend on all of them (built here);
    - `worker`: be written by the worker straight into the site folder, with `paths` naming its
      files without building them, and `rest` what this process still builds.
    """

    name: str
    build: Build
    by_consultation: Build | None = None
    worker: Build | None = None
    paths: Callable[[Sequence[Campaign], Settings], list[str]] | None = None
    rest: Build | None = None


def site_stages(memo: Memo | None = None) -> list[Stage]:
    """The stages of the site, in the order their files are listed.

    Args:
        memo: per-consultation results of the previous build of a preview session.
    """
    return [
        Stage("pages", partial(pages.render_pages, memo=memo),
              by_consultation=pages.render_campaign_pages, rest=pages.render_index_pages),
        Stage("materials", material_outputs, worker=material_outputs,
              paths=lambda public, site: [o.path for o in material_outputs(public, site)]),
        Stage("calendars", partial(ical.build_calendars, memo=memo),
              worker=ical.iter_calendars, paths=ical.calendar_paths),
        Stage("news feeds", rss.build_feeds),
        Stage("exports", partial(export.build_exports, memo=memo),
              worker=export.build_exports, paths=lambda _public, site: export.export_paths(site)),
        Stage("search", partial(search.build_search, memo=memo), worker=search.build_search_files,
              paths=lambda _public, site: search.search_file_paths(site),
              rest=lambda public, site: [search.build_search_page(public, site)]),
        Stage("statement", lambda _public, site: statement_page.render_statement_page(site)),
    ]


def published_campaigns(campaigns: Sequence[Campaign], settings: Settings) -> list[Campaign]:
    """The campaigns that are public on the build day, sorted by slug."""
    return sorted((c for c in campaigns if c.is_published(settings.today)), key=lambda c: c.slug)


def generate_site(
    campaigns: Sequence[Campaign],
    settings: Settings,
    times: StageTimes | None = None,
    memo: Memo | None = None,
) -> list[Output]:
    """Produce every generated file of the site from validated campaigns, in one process.

    Args:
        times: gets the seconds each stage took.
        memo: per-consultation results of the previous build of a preview session.
    """
    times = times if times is not None else StageTimes()
    public = published_campaigns(campaigns, settings)
    outputs: list[Output] = []
    for stage in site_stages(memo):
        with times.stage(stage.name):
            outputs.extend(stage.build(public, settings))
    return outputs


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
