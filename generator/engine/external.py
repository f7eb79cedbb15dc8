"""`consult build --engine …`: build a generated tree with MkDocs, ProperDocs or Zensical, then publish.

The engine runs as a subprocess on the tree `consult generate` writes, into the staging
folder of an atomic publish (atomic.StagedBuild). Then the repairs the plugin makes while
MkDocs renders are made on the finished files (editors' regions cleaned and unmarked,
Material's HTML errors, the Content-Security-Policy, edit links and sitemap dates of
generated pages), and every expected file is looked for: Zensical ignores `--strict` and
unknown settings silently, so a page it skipped would otherwise go unnoticed. Only a whole
build is published. Nothing here imports MkDocs.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import search
from generator.engine import atomic, csp
from generator.engine.generate import Tree, save_config
from generator.engine.html_fixes import fix_material_html
from generator.options import Settings
from generator.pages import access as access_page
from generator.source import editor_html
from generator.source.errors import Problem
from generator.source.privacy import is_address

ENGINES = ("mkdocs", "properdocs", "zensical")
_SITEMAP = "sitemap.xml"
_ACTION = re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon"[^>]*>.*?</a>', re.S)
SITE = "site"  # the engine's output folder inside the tree
_TAIL_LINES = 15  # of the engine's output, shown when it fails


class EngineError(Exception):
    """The engine cannot build the tree or its result is incomplete; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


_ARTICLE = '<article class="md-content__inner md-typeset">'


def command(engine: str, config_file: Path, strict: bool) -> list[str]:
    """The engine's build command line (its program beside this Python's, else on PATH)."""
    program = Path(sys.executable).parent / engine
    found = str(program) if program.is_file() else shutil.which(engine)
    if found is None:
        raise EngineError(Problem(engine, "engine_not_installed", {"engine": engine}))
    line = [found, "build", "-f", str(config_file)]
    if strict:
        line.append("--strict")
    return line


Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def run_engine(engine: str, tree: Tree, strict: bool = False, run: Runner | None = None) -> Path:
    """Build `tree` with the engine into its own `site/` (Zensical writes nowhere else); return that folder.

    Raises EngineError with the engine's last lines of output if it fails.
    """
    tree.config["site_dir"] = SITE
    save_config(tree)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    try:
        done = (run or subprocess.run)(command(engine, tree.config_file, strict), cwd=tree.folder, env=env,
                                       capture_output=True, text=True, check=False)
    except OSError as exc:
        raise EngineError(Problem(engine, "engine_failed", {"engine": engine, "detail": str(exc)})) from None
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-_TAIL_LINES:])
        raise EngineError(Problem(engine, "engine_failed", {"engine": engine, "detail": tail}))
    return tree.folder / SITE


def expected_files(tree: Tree) -> list[str]:
    """Every file the built site must hold: each page's HTML and each generated file."""
    directory_urls = tree.config.get("use_directory_urls", True) is not False
    return sorted({page_html(p, directory_urls) for p in tree.pages} | set(tree.files))


def page_html(page: str, directory_urls: bool = True) -> str:
    """Where a Markdown page is written: `a/index.md` → `a/index.html`, `a.md` → `a/index.html`."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index") or not directory_urls:
        return stem + ".html"
    return stem + "/index.html"


def missing_files(tree: Tree, output: Path) -> list[str]:
    """The expected files the engine did not write."""
    return [path for path in expected_files(tree) if not (output / path).is_file()]


def repair(tree: Tree, settings: Settings, output: Path) -> None:
    """Make the engine's output what the plugin's build publishes (see the module's docstring)."""
    origin = csp.origin(settings.site_url)
    generated = {page_html(p): meta for p, meta in tree.meta.items()}
    pages = settings.access_pages
    access = {page_html(src.strip("/")): src.strip("/") for src in (pages.easy_read_page, pages.sign_language_page)
              if src is not None and not is_address(src)}
    for path in sorted(output.rglob("*.html")):
        rel = path.relative_to(output).as_posix()
        html = path.read_text(encoding="utf-8")
        meta = generated.get(rel)
        if meta is not None:
            html = _edit_link(editor_html.clean_regions(html), meta, settings)
        elif rel in access:
            html = _with_access_blocks(html, access[rel], settings)
        path.write_text(csp.with_policy(fix_material_html(html), origin), encoding="utf-8")
    _sitemap_dates(output, settings, tree)
    if not _has_search(tree.config):  # Material ships lunr even with its search off (as in the plugin)
        for unused in search.UNUSED_THEME_FILES:
            target = output / unused
            if unused.endswith("/"):
                shutil.rmtree(target, ignore_errors=True)
            else:
                for file in target.parent.glob(target.name + "*"):
                    file.unlink()


def _with_access_blocks(html: str, src_uri: str, settings: Settings) -> str:
    """The ETR and PJM pages' own blocks (the video, the text file's link), added to the article's
    text as the plugin adds them to the page's content."""
    start, end = html.find(_ARTICLE), html.rfind("</article>")
    if start < 0 or end < start:
        return html
    start += len(_ARTICLE)
    inner = html[start:end]
    text = inner.rstrip()
    blocks = access_page.add_blocks(text, settings.access_pages, src_uri, settings.docs_dir, settings.language)
    return html[:start] + blocks + inner[len(text):] + html[end:]


def _has_search(config: dict[str, Any]) -> bool:
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins") or []]
    return any(name in ("search", "material/search") for name in names)


def _edit_link(html: str, meta: dict[str, Any], settings: Settings) -> str:
    """Generated pages are edited where their sources live (campaign.yml), as the plugin links them;
    those with no source (lists, calendar) have no edit link, as MkDocs gives generated files none."""
    edit_path = meta.get("edit_path")
    if not edit_path:
        return _ACTION.sub("", html)
    if not (settings.repo_url and settings.edit_uri):
        return html
    right = f"{settings.repo_url}/{settings.edit_uri}{edit_path}"
    return re.sub(r'<a href="[^"]*"([^>]*rel="edit")', lambda m: f'<a href="{right}"{m[1]}', html)


def _sitemap_dates(output: Path, settings: Settings, tree: Tree) -> None:
    """Each consultation's `<lastmod>` is its last change, as the plugin sets it (page.update_date)."""
    sitemap = output / _SITEMAP
    if not sitemap.is_file():
        return
    text = sitemap.read_text(encoding="utf-8")
    for page, meta in tree.meta.items():
        cx = meta.get("cx")
        modified = cx.get("modified") if isinstance(cx, dict) else None
        if not modified:
            continue
        url = re.escape(settings.url(page_html(page)[: -len("index.html")]))
        found = re.search(rf"(<loc>{url}</loc>)(\s*<lastmod>)[^<]*(</lastmod>)", text)
        if found:
            text = text[: found.start()] + f"{found[1]}{found[2]}{modified}{found[3]}" + text[found.end():]
        else:
            text = re.sub(rf"(<loc>{url}</loc>)", rf"\g<1><lastmod>{modified}</lastmod>", text)
    sitemap.write_text(text, encoding="utf-8")
    if (output / (_SITEMAP + ".gz")).is_file():
        with gzip.GzipFile(output / (_SITEMAP + ".gz"), "wb", mtime=int(settings.build_time.timestamp())) as gz:
            gz.write(text.encode("utf-8"))


def build(make_tree: Callable[[Path], Tree | None], settings: Settings, engine: str, site_dir: Path,
          strict: bool = False, run: Runner | None = None) -> bool:
    """Generate the tree, build it with the engine, repair, verify and publish it at `site_dir`.

    `make_tree` writes the tree into the folder it is given, or returns None (problems it
    reported). The tree is written beside the site, named like a staging folder: on the same
    disk, the engine's output becomes the staged build by a rename, and a killed build's
    leftovers are removed by the next one (atomic.clean_leftovers). Returns whether the site
    was published; raises EngineError or atomic.PublishError, and the site already at
    `site_dir` then stays as it was.
    """
    staged = atomic.StagedBuild(site_dir, logger="generator")
    source = Path(tempfile.mkdtemp(prefix=f".{staged.target.name}{atomic.NEW}source-", dir=staged.target.parent))
    try:
        assert staged.staging is not None
        tree = make_tree(source)
        if tree is None:
            return False
        built = run_engine(engine, tree, strict, run)
        os.rmdir(staged.staging)
        os.rename(built, staged.staging)
        repair(tree, settings, staged.staging)
        missing = missing_files(tree, staged.staging)
        if missing:
            shown = ", ".join(missing[:10]) + (f" (+{len(missing) - 10})" if len(missing) > 10 else "")
            raise EngineError(Problem(engine, "engine_pages_missing",
                                      {"engine": engine, "count": len(missing), "files": shown}))
        return staged.publish()
    finally:
        atomic.discard(source)
        staged.close()
