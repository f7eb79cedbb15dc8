"""The data-protection notice (RODO information clause) linked from every "how to respond".

One page for the whole site (plugin option `privacy_notice`: a page of docs_dir such as
`ochrona-danych.md`, or a web address), which one consultation may replace with its own
(`privacy_notice` in campaign.yml). Until the page exists and says more than the placeholder
that `consult init` writes, `consult check` warns: people's data must not be collected without it.
"""

from __future__ import annotations

from pathlib import Path

from generator.source.errors import Problem, Severity
from generator.source.statement import PLACEHOLDER

PAGE = "ochrona-danych.md"
OPTION = "plugins.consultations.privacy_notice"


def is_address(notice: str) -> bool:
    """Whether the notice is a web address rather than a page of the site."""
    return notice.startswith(("https://", "http://"))


def notice_path(notice: str) -> str:
    """The site path of the notice ("ochrona-danych.md" → "ochrona-danych/"), or the address itself."""
    if is_address(notice):
        return notice
    path = notice.strip("/").removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index").rstrip("/")
    return path + "/" if path else ""


def notice_problems(
    notice: str | None, docs_dir: Path | None, root: Path, where: tuple[str, int | None, str] | None = None
) -> list[Problem]:
    """Warnings while the notice is not set, its page is missing or it is still the placeholder.

    Args:
        where: the file, line and field that name the notice (default: the site option in mkdocs.yml).
    """
    rel, line, field = where or ("mkdocs.yml", None, OPTION)
    if notice is None:
        return [Problem(rel, "privacy_notice_missing", {"page": PAGE}, line, None, field, Severity.WARNING)]
    if is_address(notice) or docs_dir is None:
        return []
    page = docs_dir / notice.strip("/")
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return [Problem(rel, "privacy_notice_page_missing", {"page": notice, "folder": _rel(docs_dir, root)},
                        line, None, field, Severity.WARNING)]
    for number, content in enumerate(text.splitlines(), 1):
        if PLACEHOLDER in content:
            return [Problem(_rel(page, root), "privacy_notice_placeholder", {"placeholder": PLACEHOLDER},
                            number, None, None, Severity.WARNING)]
    return []


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def campaign_notice(own: str | None, site: str | None) -> str | None:
    """The notice for one consultation: its own, else the site's."""
    return own or site
