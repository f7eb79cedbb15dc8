"""MkDocs glue: the generator's outputs as MkDocs files, and their pages' HTML kept compact."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.engine.session import PreviewSession
from generator.outputs import Output, PackedPage, cannot_write


class _Generated(File):
    """Generated content. With `mkdocs serve --dirty`, MkDocs renders and writes only files that
    say they are modified: these say so when their content differs from the previous build's."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class _Material(File):
    """A file to download, copied by MkDocs: one that vanished since it was checked stops the
    build with a message, not a traceback."""

    def copy_file(self, dirty: bool = False) -> None:
        try:
            super().copy_file(dirty)
        except OSError as exc:
            raise PluginError(cannot_write(f"{exc.strerror or exc}: {self.abs_src_path}")) from None


class _WrittenByWorker(File):
    """A file the worker process writes into site_dir itself: known to MkDocs (links to it
    resolve), never copied by it."""

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False


def to_file(
    output: Output | PackedPage, config: MkDocsConfig, written: bool, session: PreviewSession | None
) -> File:
    """The MkDocs file of an output; `written` when the worker process writes it into site_dir."""
    if isinstance(output, PackedPage):
        return _generated(config, output.path, output.data, session)
    if written:
        return _WrittenByWorker.generated(
            config, output.path, abs_src_path=str(Path(config.site_dir) / output.path)
        )
    if output.source is not None:
        return _Material.generated(config, output.path, abs_src_path=str(output.source))
    return _generated(config, output.path, output.content or "", session)


def _generated(config: MkDocsConfig, path: str, content: str | bytes, session: PreviewSession | None) -> File:
    file = _Generated.generated(config, path, content=content)
    assert isinstance(file, _Generated)
    if session is not None:
        file.changed = session.changed(path, content)
    return file


class HtmlStore:
    """Generated pages' HTML held as UTF-8 between MkDocs' two passes over the pages.

    MkDocs turns every page's Markdown into HTML first and keeps both for every page until it
    renders the templates; with thousands of consultation pages that is most of a build's
    memory. For generated pages, the Markdown is dropped once rendered and the HTML is held
    here as UTF-8 (half the size of Polish text in a str), given back just before the page's
    template and released once the page is written. Other plugins see the HTML from their
    on_page_content to their on_post_page events, as usual; between the passes it is empty.
    """

    def __init__(self) -> None:
        self._html: dict[str, bytes] = {}

    def hold(self, page: Page, html: str) -> str:
        """Keep a rendered page's HTML; what MkDocs keeps instead (nothing)."""
        self._html[page.file.src_uri] = html.encode("utf-8")
        page.markdown = None
        return ""

    def give_back(self, page: Page) -> None:
        """Put the page's HTML back before its template is rendered."""
        data = self._html.pop(page.file.src_uri, None)
        if data is not None:
            page.content = data.decode("utf-8")

    def clear(self) -> None:
        """Forget everything (a build ended or failed)."""
        self._html = {}
