"""Read and check the editors' files: the first half of every build, and all of `consult check`.

Loading and validating the consultations (`load`, `validate`), the local rules, the data-protection
notices, and the HTML that editors' Markdown would publish (`editor_html`), for campaigns and for
the hand-written pages. Nothing here builds a page, so `consult check` starts quickly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from generator.engine import gcpause
from generator.engine.timing import StageTimes
from generator.options import Settings
from generator.source.access import access_problems
from generator.source.editor_html import EditorMarkdown, bidi_problems, has_bidi_control, markdown_problems
from generator.source.errors import Problem, sorted_problems
from generator.source.load import RawCampaign, load_campaigns, split_front_matter
from generator.source.localrules import LocalRules, rule_problems
from generator.source.model import Campaign
from generator.source.privacy import notice_problems
from generator.source.statement import read_statement
from generator.source.validate import validate_campaigns
from generator.source.yamlsource import YamlDocument, dotted


class Remembered(Protocol):
    """Loading and validating one folder, answered from memory when its files did not change."""

    def load(self, directory: Path, root: Path, rel_dir: str, real: str) -> RawCampaign: ...

    def validate(self, raw: RawCampaign, tz: ZoneInfo) -> tuple[Campaign | None, list[Problem]]: ...


def check_campaigns(
    campaigns_dir: Path,
    root: Path,
    tz: ZoneInfo,
    times: StageTimes | None = None,
    remember: Remembered | None = None,
    markdown: EditorMarkdown | None = None,
    docs_dir: Path | None = None,
    rules: LocalRules | None = None,
    today: dt.date | None = None,
) -> tuple[list[Campaign], list[Problem]]:
    """Load and validate every campaign; return the valid ones and all problems, sorted.

    Args:
        times: gets the seconds loading and validating took.
        remember: a preview session's results of earlier builds, for folders that did not change.
        markdown: renders editors' Markdown as the site does (the site's extensions), to find
            the HTML the published page would drop; default: MkDocs' usual extensions.
        docs_dir: the hand-written pages, checked the same way.
        rules: the site's local rules (default: only the 21-day minimum).
        today: the build day, for rules that fall due (a report); None leaves them out.
    """
    times = times if times is not None else StageTimes()
    with gcpause.paused():
        with times.stage("load"):
            raws, problems = load_campaigns(campaigns_dir, root, remember.load if remember else None)
        with times.stage("validate"):
            campaigns, found = validate_campaigns(raws, tz, remember.validate if remember else None)
            docs = {raw.rel_dir: raw.yml or YamlDocument(None) for raw in raws}
            for campaign in campaigns:
                doc = docs[campaign.source_dir]
                found += rule_problems(campaign, doc, rules or LocalRules(), today)
                if campaign.data.privacy_notice is not None:
                    where = (f"{campaign.source_dir}/campaign.yml", doc.position(("privacy_notice",))[0],
                             "privacy_notice")
                    found += notice_problems(campaign.data.privacy_notice, docs_dir, root, where)
        with times.stage("editor html"):
            renderer = markdown or EditorMarkdown()
            found += editor_text_problems(raws, renderer)
            if docs_dir is not None:
                found += docs_problems(docs_dir, root, renderer)
    return campaigns, sorted_problems(problems + found)


def editor_text_problems(raws: list[RawCampaign], renderer: EditorMarkdown) -> list[Problem]:
    """What editors wrote that the site would not publish as written: unsafe HTML in Markdown
    texts (index.md, announcements, `audience`, `easy_read`) and direction-override characters anywhere."""
    problems: list[Problem] = []
    for raw in raws:
        if raw.yml is not None:
            problems += _yaml_bidi(raw.yml_rel, raw.yml)
            for name in ("audience", "easy_read"):  # the Markdown texts of campaign.yml
                text = raw.yml.data.get(name) if isinstance(raw.yml.data, dict) else None
                if isinstance(text, str):
                    line = raw.yml.position((name,))[0]
                    problems += markdown_problems(raw.yml_rel, text, renderer, field_name=name,
                                                  line=line, bidi=False)
        for source in ([raw.index] if raw.index else []) + raw.announcements:
            problems += markdown_problems(source.rel, source.body, renderer, source.body_line)
            if source.meta is not None:
                problems += _yaml_bidi(source.rel, source.meta, shift=1)
    return problems


def _yaml_bidi(rel: str, document: YamlDocument, shift: int = 0) -> list[Problem]:
    """Direction-override characters in any text of a YAML document, by field."""
    problems: list[Problem] = []
    if not has_bidi_control(json.dumps(document.data, ensure_ascii=False, default=str)):
        return problems  # the usual case, found in one pass instead of a walk through every value

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, str):
            line = document.position(path)[0]
            problems.extend(bidi_problems(rel, value, field_name=dotted(path) or None,
                                          line=None if line is None else line + shift))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(document.data, ())
    return problems


def docs_problems(docs_dir: Path, root: Path, renderer: EditorMarkdown) -> list[Problem]:
    """The same check for the hand-written pages (content/*.md): the build cleans them too."""
    problems: list[Problem] = []
    if not docs_dir.is_dir():
        return problems
    for path in sorted(docs_dir.rglob("*.md")):
        rel_parts = path.relative_to(docs_dir).parts
        if any(part.startswith(".") for part in rel_parts):
            continue
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue  # a FIFO or device is not a page; MkDocs does not read it either
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports a page it cannot read
        rel = Path(os.path.relpath(path, root)).as_posix()
        source = split_front_matter(text.replace("\r\n", "\n"), rel, [])
        problems += markdown_problems(rel, source.body, renderer, source.body_line)
    return problems


def site_problems(settings: Settings) -> list[Problem]:
    """The site-wide pages the law asks for, as the build sees them: the data-protection notice,
    the ETR and PJM pages and the accessibility statement (`consult check` checks the same from
    mkdocs.yml, before there are settings)."""
    problems = notice_problems(settings.privacy_notice, settings.docs_dir, settings.root)
    problems += access_problems(settings.access_pages, settings.docs_dir, settings.root)
    statement = settings.extra.get("accessibility_statement")
    if statement:
        problems += read_statement(statement, settings.organisation, settings.today)[1]
    return problems
