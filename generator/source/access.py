"""The easy-to-read (ETR) and Polish Sign Language (PJM) pages every public body's site must have:
the check that they and their files are there (`pages/access.py` shows them).

The act on ensuring accessibility (ustawa z 19 lipca 2019 r., art. 6 pkt 3 lit. c) asks for
information about the body's activity as a machine-readable text file, as a recording in Polish
Sign Language and as easy-to-read text. Editors write both pages in docs_dir (`etr.md`,
`pjm.md`) and name them, the text file, the video and its captions in the plugin's options; the
plugin links the pages from every page's header, adds the video player to the PJM page and the
text file's link to the ETR page. Until the pages and files exist and say more than the
placeholder `consult init` writes, `consult check` warns.
"""

from __future__ import annotations

from pathlib import Path

from generator.options import ACCESS_EXAMPLES, AccessPages
from generator.source.errors import Problem, Severity
from generator.source.privacy import is_address
from generator.source.statement import PLACEHOLDER

OPTION = "plugins.consultations."
EASY_READ_PAGE = ACCESS_EXAMPLES["easy_read_page"]
SIGN_LANGUAGE_PAGE = ACCESS_EXAMPLES["sign_language_page"]
TEXT_FILE = ACCESS_EXAMPLES["easy_read_text_file"]
VIDEO = ACCESS_EXAMPLES["sign_language_video"]
CAPTIONS = ACCESS_EXAMPLES["sign_language_captions"]


def access_problems(pages: AccessPages, docs_dir: Path | None, root: Path) -> list[Problem]:
    """Warnings while a page or its files are not set, missing, or still the placeholder.

    A page not set gets one warning, not one per file too; a page on another site (an
    https:// address, such as the body's main site) brings its own files.
    """
    found: list[Problem] = []
    if pages.easy_read_page is None:
        found.append(_warn("mkdocs.yml", "easy_read_not_set", "easy_read_page", {"page": EASY_READ_PAGE}))
    elif not is_address(pages.easy_read_page):
        found += _page_problems(pages.easy_read_page, "easy_read_page", "easy_read", docs_dir, root)
        found += _file_problems(pages.easy_read_text_file, "easy_read_text_file", TEXT_FILE, docs_dir, root)
    if pages.sign_language_page is None:
        found.append(_warn("mkdocs.yml", "sign_language_not_set", "sign_language_page",
                           {"page": SIGN_LANGUAGE_PAGE}))
    elif not is_address(pages.sign_language_page):
        found += _page_problems(pages.sign_language_page, "sign_language_page", "sign_language", docs_dir, root)
        found += _file_problems(pages.sign_language_video, "sign_language_video", VIDEO, docs_dir, root)
        found += _file_problems(pages.sign_language_captions, "sign_language_captions", CAPTIONS, docs_dir, root)
    return found


def _page_problems(page: str, option: str, kind: str, docs_dir: Path | None, root: Path) -> list[Problem]:
    if docs_dir is None:
        return []
    path = docs_dir / page.strip("/")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return [_warn("mkdocs.yml", "access_page_missing", option, {"page": page, "folder": _rel(docs_dir, root)})]
    for number, content in enumerate(text.splitlines(), 1):
        if PLACEHOLDER in content:
            return [Problem(_rel(path, root), f"{kind}_placeholder", {"placeholder": PLACEHOLDER},
                            number, None, None, Severity.WARNING)]
    return []


def _file_problems(file: str | None, option: str, example: str, docs_dir: Path | None,
                   root: Path) -> list[Problem]:
    if file is None:
        return [_warn("mkdocs.yml", f"{option}_not_set", option, {"example": example})]
    if docs_dir is None:
        return []
    path = docs_dir / file.strip("/")
    folder = _rel(docs_dir, root)
    if not path.is_file():
        return [_warn("mkdocs.yml", "access_file_missing", option, {"file": file, "folder": folder})]
    if option == "easy_read_text_file":
        try:
            path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return [_warn(_rel(path, root), "text_file_not_utf8", None, {"file": file})]
    return []


def _warn(path: str, code: str, option: str | None, params: dict[str, str]) -> Problem:
    return Problem(path, code, params, None, None, OPTION + option if option else None, Severity.WARNING)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
