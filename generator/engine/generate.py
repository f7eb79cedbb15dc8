"""`consult generate DIR`: the whole site as ordinary files, for an engine that runs no plugin of ours.

DIR gets `docs/` (the hand-written pages of docs_dir, every generated page as Markdown with
its front matter, and every other file the build publishes: materials, calendars, feeds,
exports, the search index), `theme/` (the package's theme overrides with the site's own
custom_dir over them, as the plugin ranks them) and an `mkdocs.yml` without the
`consultations` plugin: same theme, markdown_extensions, nav and extra, plus the values the
templates read (`extra.consultations`, see themevalues). Nothing here imports MkDocs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.engine.themevalues import EXTRA_KEY, edit_addresses, theme_values
from generator.newsite import sitekit
from generator.options import (
    PLUGIN,
    KeepTagsDumper,
    KeepTagsLoader,
    Settings,
    check_site,
    compose_settings,
    plugin_options,
    read_mkdocs_yml,
)
from generator.outputs import Output, sealed, write_outputs
from generator.pipeline import generate_site
from generator.source.check import check_campaigns, site_problems
from generator.source.editor_html import EditorMarkdown
from generator.source.errors import Problem, Severity
from generator.source.history import with_history
from generator.source.revisions import read_git

MKDOCS_YML = "mkdocs.yml"
DOCS, THEME = "docs", "theme"
MARKDOWN_EXTENSION = "generator.engine.markdown_blocks"


@dataclass
class Tree:
    """A generated source tree: where it is and what the engine must turn into which files."""

    folder: Path
    config: dict[str, Any]  # the mkdocs.yml written into it
    pages: list[str] = field(default_factory=list)  # every Markdown page, relative to docs/
    files: list[str] = field(default_factory=list)  # every other generated file, published as it is
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)  # generated pages' front matter

    @property
    def config_file(self) -> Path:
        """The generated mkdocs.yml."""
        return self.folder / MKDOCS_YML


def read_site(root: Path) -> tuple[dict[str, Any], Settings | None, list[Problem]]:
    """mkdocs.yml as written (tags kept) and the site's settings, or the problems that stop a build."""
    site, problems = check_site(root)
    # check_site reported what is wrong with mkdocs.yml; this reading is for its values only.
    doc = read_mkdocs_yml(root / MKDOCS_YML)[0] if (root / MKDOCS_YML).is_file() else None
    if doc is None or not isinstance(doc.data, dict) or plugin_options(doc)[0] is None:
        return {}, None, problems + ([] if problems else [Problem(MKDOCS_YML, "generate_no_plugin", {})])
    data = yaml.load((root / MKDOCS_YML).read_text(encoding="utf-8"), Loader=KeepTagsLoader)
    docs_dir = (root / str(data.get("docs_dir") or "docs")).resolve()
    settings = compose_settings(
        site, root=root, site_name=str(data.get("site_name") or ""), docs_dir=docs_dir,
        language=site.language, repo_url=str(data.get("repo_url") or ""), edit_uri=str(data.get("edit_uri") or ""),
    )
    return data, settings, problems


def check_and_generate(
    root: Path, target: Path, markdown: EditorMarkdown | None = None
) -> tuple[Tree | None, list[Problem]]:
    """Check the site as the build does; when nothing is an error, generate its tree into `target`."""
    data, settings, problems = read_site(root)
    if settings is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    campaigns, found = check_campaigns(
        settings.campaigns_dir, root, settings.timezone, markdown=markdown, docs_dir=settings.docs_dir,
        rules=settings.rules, today=settings.today,
    )
    found += site_problems(settings)
    history, revisions, git_problems = read_git(settings.campaigns_dir, settings.timezone, [c.slug for c in campaigns])
    problems += found + git_problems
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    outputs = generate_site(with_history(campaigns, history.entries, revisions), settings)
    return write_tree(data, settings, outputs, target), problems


def write_tree(data: dict[str, Any], settings: Settings, outputs: list[Output], target: Path) -> Tree:
    """Write the source tree of the site into `target` (created; it must not hold another site)."""
    docs = target / DOCS
    if settings.docs_dir is not None and settings.docs_dir.is_dir():
        shutil.copytree(settings.docs_dir, docs, ignore=shutil.ignore_patterns(".*"), dirs_exist_ok=True,
                        copy_function=_copy_sealed)
    write_outputs(outputs, docs)
    tree = Tree(target, _engine_config(data, settings, target))
    for output in outputs:
        if output.is_page:
            tree.pages.append(output.path)
            tree.meta[output.path] = _front_matter(str(output.content))
        else:
            tree.files.append(output.path)
    generated = set(tree.pages)
    for path in sorted(docs.rglob("*.md")):  # hand-written pages are pages too
        rel = path.relative_to(docs).as_posix()
        if rel not in generated:
            tree.pages.append(rel)
    save_config(tree)
    return tree


def _copy_sealed(source: str, target: str) -> None:
    """Copy a hand-written file; a page gets an empty index of HTML blocks last (`outputs.sealed`)."""
    if source.endswith(".md"):
        text = Path(source).read_text(encoding="utf-8")
        Path(target).write_text(sealed(text), encoding="utf-8")
    else:
        shutil.copy2(source, target)


def save_config(tree: Tree) -> None:
    """Write the tree's mkdocs.yml (again, after its site_dir changed)."""
    text = yaml.dump(tree.config, Dumper=KeepTagsDumper, allow_unicode=True, sort_keys=False)
    tree.config_file.write_text(text, encoding="utf-8")


def _engine_config(data: dict[str, Any], settings: Settings, target: Path) -> dict[str, Any]:
    """mkdocs.yml for the generated tree: the site's, without our plugin, with a merged custom_dir."""
    config = dict(data)
    config["docs_dir"] = DOCS
    config["site_dir"] = "site"
    config["plugins"] = [p for p in (data.get("plugins") or []) if not _is_ours(p)]
    theme = dict(data.get("theme") or {})
    own = theme.get("custom_dir")
    shutil.copytree(sitekit.theme_dir(), target / THEME, dirs_exist_ok=True)
    if own:  # the site's overrides rank above the package's, as in the plugin (_add_package_theme)
        shutil.copytree(settings.root / str(own), target / THEME, dirs_exist_ok=True)
    theme["custom_dir"] = THEME
    config["theme"] = theme
    config["extra"] = {**(data.get("extra") or {}), EXTRA_KEY: theme_values(settings)}
    # As in the plugin: whole edit addresses and no repo_url, whose link only the footer shows.
    edit_uri, template = edit_addresses(*(str(data.get(key) or "") for key in ("repo_url", "edit_uri", "edit_uri_template")))
    config.pop("repo_url", None)
    for key, value in (("edit_uri", edit_uri), ("edit_uri_template", template)):
        if value:
            config[key] = value
    # Our Markdown speed-ups: generated pages' HTML blocks and plain headings (see markdown_blocks).
    config["markdown_extensions"] = [*(data.get("markdown_extensions") or []), MARKDOWN_EXTENSION]
    return config


def _is_ours(plugin: Any) -> bool:
    return plugin == PLUGIN or (isinstance(plugin, dict) and PLUGIN in plugin)


def _front_matter(text: str) -> dict[str, Any]:
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    meta = yaml.safe_load(text[4:end]) if end > 0 else None
    return meta if isinstance(meta, dict) else {}
