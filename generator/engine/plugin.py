"""MkDocs glue: each event calls the generator's stages and hands their results to MkDocs."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator import search
from generator.engine import atomic, csp, gcpause, parallel, themevalues
from generator.engine.config import PluginConfig, SettingsError, make_settings
from generator.engine.html_fixes import fix_material_html
from generator.engine.markdown_blocks import KnownBlocks
from generator.engine.mkdocsfiles import HtmlStore, to_file
from generator.engine.session import PreviewSession
from generator.engine.timing import StageTimes
from generator.newsite import sitekit
from generator.options import Settings
from generator.outputs import Output, PackedPage, sealed
from generator.pages import access as access_page
from generator.source import editor_html
from generator.source.check import check_campaigns, site_problems
from generator.source.errors import ConsultationsError, Problem, Severity, format_text, os_error_problem
from generator.source.history import with_history
from generator.source.model import Campaign
from generator.source.revisions import read_git

log = get_plugin_logger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def _reported(event: Callable[P, R]) -> Callable[P, R]:
    """An event whose ConsultationsError (bad input, stopping the build) reaches MkDocs as a
    PluginError, which it prints as a message; any other error would come with a traceback."""

    @wraps(event)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return event(*args, **kwargs)
        except ConsultationsError as exc:
            raise PluginError(str(exc)) from None

    return run


class ConsultationsPlugin(BasePlugin[PluginConfig]):
    """Generates consultation pages, feeds and exports from `campaigns/`."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.campaigns: list[Campaign] = []
        self.pages: dict[str, Campaign] = {}
        self.is_serve = False
        self.known_blocks = KnownBlocks()
        self.generated: set[str] = set()  # src_uri of the pages the stages made
        self.html_store = HtmlStore()
        self.staged: atomic.StagedBuild | None = None  # while MkDocs writes into a staging folder
        self.config_ref: MkDocsConfig | None = None
        self.worker: parallel.Worker | None = None  # writing calendars and exports into site_dir
        self.session: PreviewSession | None = None  # while serving: what builds reuse
        self.stage_times = StageTimes()
        self.editor_markdown: editor_html.EditorMarkdown | None = None  # the site's Markdown, for checks
        self.sigterm: Any = None  # the SIGTERM handler to put back at shutdown

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.is_serve = command == "serve"
        self.session = PreviewSession() if self.is_serve else None
        if not self.is_serve and threading.current_thread() is threading.main_thread():
            # Ended like Ctrl-C, a build stops its worker and deletes its staging folder (on_shutdown).
            self.sigterm = signal.signal(signal.SIGTERM, _interrupt)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.settings = make_settings(self.config, config)
        except SettingsError as exc:
            raise PluginError(str(exc)) from None
        if self.session is not None:
            self.settings = self.session.pin_clock(self.settings)
        # The language is decided once (`language.site_language`); Material reads it again to find
        # its own words (partials/languages/en.html), so `language: EN` must reach it as "en".
        config.theme["language"] = self.settings.language
        _add_package_theme(config)
        # The theme reads the site's values from config.extra, where any engine can pass them.
        config.extra[themevalues.EXTRA_KEY] = themevalues.theme_values(self.settings)
        # The repository link is for editors, in our footer; Material shows it wherever repo_url is set.
        config.edit_uri, config.edit_uri_template = themevalues.edit_addresses(
            config.repo_url, config.edit_uri, config.edit_uri_template
        )
        config.repo_url = None
        self.editor_markdown = editor_html.EditorMarkdown(config.markdown_extensions, config.mdx_configs)
        config.markdown_extensions.append(self.known_blocks)  # type: ignore[arg-type]
        self._stage(config)
        return config

    def _stage(self, config: MkDocsConfig) -> None:
        """Build into a folder beside site_dir, swapped in only when the whole build succeeds."""
        self._unstage()
        site = Path(config.site_dir)
        if self.is_serve:  # serve builds into its own temporary folder
            return
        try:
            self.staged, self.config_ref = atomic.StagedBuild(site, count_warnings=config.strict), config
        except atomic.PublishError as exc:
            raise PluginError(self._text(exc.problem)) from None
        config.site_dir = str(self.staged.staging)

    @_reported
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Validation runs here, before MkDocs cleans site_dir, so that bad input leaves the
        # previously built site untouched. A one-shot build keeps the campaigns to its end:
        # they are exempt from garbage collection from then on (`gcpause.settle`).
        with gcpause.paused(settle_after=self.session is None):
            self._read_campaigns()

    def _read_campaigns(self) -> None:
        assert self.settings is not None
        settings, self.stage_times = self.settings, StageTimes()
        campaigns, problems = check_campaigns(
            settings.campaigns_dir, settings.root, settings.timezone, self.stage_times, self.session,
            self.editor_markdown, settings.docs_dir, settings.rules, settings.today,
        )
        problems += site_problems(settings)
        # The history is read even when a campaign failed, so that every problem is told at once.
        with self.stage_times.stage("history"):
            history, revisions, found = read_git(
                settings.campaigns_dir, settings.timezone, [c.slug for c in campaigns]
            )
        problems += found
        errors = [p for p in problems if p.severity is Severity.ERROR]
        for problem in problems:
            if problem.severity is Severity.WARNING:
                log.warning(format_text(problem, settings.language))
        if errors:
            raise ConsultationsError(errors, settings.language)
        if self.session is not None:
            self.session.forget_gone()
            self.campaigns = self.session.with_history(campaigns, history.entries, revisions)
        else:
            self.campaigns = with_history(campaigns, history.entries, revisions)

    @_reported
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        self.pages, self.generated = {}, set()
        # MkDocs would wait forever reading a FIFO among the pages: only ordinary files are read.
        odd = [f.abs_src_path for f in files if f.abs_src_path and not os.path.isfile(f.abs_src_path)]
        if odd:
            root = self.settings.root
            raise ConsultationsError([Problem(Path(os.path.relpath(p, root)).as_posix(), "not_regular_file",
                                              {"name": Path(p).name}) for p in odd], self.settings.language)
        if "material/search" not in config.plugins:  # Material ships lunr even with its search off
            for unused in [f for f in files if f.src_uri.startswith(search.UNUSED_THEME_FILES)]:
                files.remove(unused)
        by_page = {self.settings.campaign_path(c.slug) + "index.md": c for c in self.campaigns}
        site_dir = None if self.is_serve else Path(config.site_dir)
        memo = None
        if self.session is not None:
            memo = self.session.memo
            memo.start(self.settings, self.campaigns)
        generated = parallel.generate(self.campaigns, self.settings, site_dir, self.stage_times, memo)
        self.worker = generated.worker
        for item in generated.outputs:
            output = PackedPage.of(item) if isinstance(item, Output) and item.is_page else item
            file = to_file(output, config, output.path in generated.written, self.session)
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:  # the home page replaces content/index.md and keeps its place
                files.remove(existing)
                file.inclusion = existing.inclusion
            elif isinstance(output, PackedPage):  # listed from the lists; mkdocs.yml's nav names the main ones
                file.inclusion = InclusionLevel.NOT_IN_NAV
            if output.path in by_page:
                self.pages[file.src_uri] = by_page[output.path]
            if isinstance(output, PackedPage):
                self.generated.add(file.src_uri)
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        meta = page.meta if page.file.generated_by else {}
        settings = self.settings
        if meta.get("edit_path") and settings is not None and settings.repo_url and settings.edit_uri:
            # Generated pages are edited where their sources live (campaign.yml, content/index.md).
            page.edit_url = f"{settings.repo_url}/{settings.edit_uri}{meta['edit_path']}"
        if isinstance(meta.get("cx"), dict) and meta["cx"].get("modified"):
            page.update_date = meta["cx"]["modified"]  # sitemap.xml <lastmod>
        # Our own HTML blocks skip Python-Markdown's HTML parser (see markdown_blocks); the
        # stages' pages say which, a hand-written page cannot.
        return markdown if page.file.generated_by else sealed(markdown)

    def _clean_editor_html(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Editors' HTML through the allow-list: the regions of our pages that hold their Markdown,
        # and hand-written pages whole. The check refused the build on anything this removes.
        if page.file.generated_by is None:
            html = editor_html.clean(html)
            if self.settings is None:
                return html
            # The PJM page's video and the ETR page's text file are ours, added after the clean-up.
            settings = self.settings
            return access_page.add_blocks(html, settings.access_pages, page.file.src_uri, settings.docs_dir,
                                           settings.language)
        return editor_html.clean_regions(html)

    def _anchors(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs checks links to anchors against the ids it found; those in blocks it did not parse count too.
        if self.known_blocks.ids and page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.known_blocks.ids
        return html

    @event_priority(-100)  # after other plugins have seen and changed the HTML
    def _hold_html(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.html_store.hold(page, html) if page.file.src_uri in self.generated else html

    on_page_content = CombinedEvent(_clean_editor_html, _anchors, _hold_html)

    @event_priority(100)  # before other plugins read the page's HTML
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        self.html_store.give_back(page)
        context["campaign"] = self.pages.get(page.file.src_uri)  # type: ignore[typeddict-unknown-key]
        context["consultations"] = self.settings  # type: ignore[typeddict-unknown-key]
        return context

    def _fix_html(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material's markup has two HTML errors outside any template block; see html_fixes.
        return self._with_policy(fix_material_html(output))

    def _with_policy(self, html: str) -> str:
        # The preview injects its own inline live-reload script, which the policy would block.
        if self.is_serve or self.settings is None:
            return html
        return csp.with_policy(html, csp.origin(self.settings.site_url))

    @event_priority(-100)  # after other plugins' post_page
    def _release_html(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.generated:
            page.content = None  # written: thousands of consultation pages need not stay in memory
        return output

    on_post_page = CombinedEvent(_fix_html, _release_html)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The same repair for 404.html, which MkDocs renders as a static template, not a page.
        if not template_name.endswith(".html"):
            return output_content
        return self._with_policy(fix_material_html(output_content))

    @event_priority(100)  # before other plugins' post_build, which may read the worker's files
    @_reported  # the worker's share of the stages found bad input
    def _finish_worker(self, *, config: MkDocsConfig) -> None:
        if self.worker is not None:
            worker, self.worker = self.worker, None
            try:
                worker.finish()
            except parallel.WorkerFailed as exc:
                raise PluginError(str(exc)) from None
            self.stage_times.update(worker.times, prefix="worker: ")
        log.debug("stage times: %s", self.stage_times.summary())
        if self.session is not None:
            self.session.commit()

    @event_priority(-100)  # after every other plugin's post_build: search writes its index then
    def _publish(self, *, config: MkDocsConfig) -> None:
        # Not published when --strict is about to abort: on_build_error then discards it.
        try:
            published = self.staged is not None and self.staged.publish()
        except atomic.PublishError as exc:
            raise PluginError(self._text(exc.problem)) from None
        if published and self.staged is not None:
            # MkDocs named the staging folder it wrote into; say where the site now is.
            log.info("Published the built site in %s", self.staged.site_dir)
            self._unstage()

    on_post_build = CombinedEvent(_finish_worker, _publish)

    @event_priority(-100)  # last: it may end the event with the message for a disk error
    def on_build_error(self, *, error: Exception) -> None:
        self.html_store.clear()
        if self.session is not None:
            self.session.discard()
        self._stop_worker()
        problem = os_error_problem(error) if isinstance(error, OSError) else None
        if problem is not None and self.staged is not None:
            problem = replace(problem, path=self.staged.site_path(problem.path))
        self._unstage()
        if problem is not None and not self.is_serve:  # a full disk, a folder without permission
            logging.getLogger("mkdocs.commands.build").error(self._text(problem))
            raise Abort("Aborted with a BuildError!") from None  # what MkDocs says after its own errors

    def on_shutdown(self) -> None:
        self._stop_worker()
        self._unstage()  # also after Ctrl-C, which on_build_error does not see
        if self.sigterm is not None:
            signal.signal(signal.SIGTERM, self.sigterm)
            self.sigterm = None

    def _text(self, problem: Problem) -> str:
        return format_text(problem, self.settings.language if self.settings else "pl")

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def _unstage(self) -> None:
        if self.staged is not None and self.config_ref is not None:
            self.staged.close()
            self.config_ref.site_dir = str(self.staged.site_dir)
        self.staged = self.config_ref = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.settings is not None:
            server.watch(str(self.settings.campaigns_dir))
        return server


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _add_package_theme(config: MkDocsConfig) -> None:
    # The consultation templates come with the package, so a site needs no copy of theme/ and
    # gets fixes with each upgrade. They rank below the site's own custom_dir (which may
    # override any of them) and above Material's templates, which they extend.
    try:
        package_theme = sitekit.theme_dir().resolve()
    except sitekit.SiteKitMissing as exc:
        raise PluginError(str(exc)) from None
    dirs = config.theme.dirs
    if any(Path(d).resolve() == package_theme for d in dirs):
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(package_theme))


