"""The easy-to-read (ETR) and Polish Sign Language (PJM) pages every public body's site must have.

The act on ensuring accessibility (ustawa z 19 lipca 2019 r., art. 6 pkt 3 lit. c) asks for
information about the body's activity as a machine-readable text file, as a recording in Polish
Sign Language and as easy-to-read text. Editors write both pages in docs_dir (`etr.md`,
`pjm.md`) and name them, the text file, the video and its captions in the plugin's options; the
plugin links the pages from every page's header, adds the video player to the PJM page and the
text file's link to the ETR page. Until the pages and files exist and say more than the
placeholder `consult init` writes, `consult check` warns.
"""

from __future__ import annotations

import html
from pathlib import Path

from generator.errors import Problem, Severity
from generator.i18n import translator
from generator.privacy import is_address, notice_path
from generator.settings import AccessPages
from generator.statement import PLACEHOLDER

OPTION = "plugins.consultations."
EASY_READ_PAGE = "etr.md"
SIGN_LANGUAGE_PAGE = "pjm.md"
TEXT_FILE = "etr/informacje-o-dzialalnosci.txt"
VIDEO = "pjm/informacje-o-dzialalnosci.webm"
CAPTIONS = "pjm/informacje-o-dzialalnosci.vtt"
OPTIONS = ("easy_read_page", "easy_read_text_file", "sign_language_page", "sign_language_video",
           "sign_language_captions")
_VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4", ".ogv": "video/ogg"}


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


def header_links(pages: AccessPages, language: str) -> list[dict[str, str]]:
    """The header's links to the two pages: short visible text and the full name."""
    t = translator(language)
    links = []
    for page, key in ((pages.easy_read_page, "easy_read"), (pages.sign_language_page, "sign_language")):
        if page is not None:
            links.append({"path": notice_path(page), "short": t(f"access.{key}.short"),
                          "title": t(f"access.{key}.title"), "kind": key})
    return links


def add_blocks(page_html: str, pages: AccessPages, src_uri: str, docs_dir: Path | None, language: str) -> str:
    """The PJM page with its video after the heading; the ETR page with the text file's link at its end."""
    if docs_dir is None:
        return page_html
    if pages.sign_language_page is not None and src_uri == pages.sign_language_page.strip("/"):
        return _after_heading(page_html, _video(pages, src_uri, docs_dir, language))
    if pages.easy_read_page is not None and src_uri == pages.easy_read_page.strip("/"):
        return page_html + _text_file(pages, src_uri, docs_dir, language)
    return page_html


def _href(src_uri: str, file: str) -> str:
    # Hand-written pages are folders (etr.md → etr/): a file of docs_dir is one level up per segment.
    depth = notice_path(src_uri).count("/")
    return "../" * depth + file.strip("/")


def _video(pages: AccessPages, src_uri: str, docs_dir: Path, language: str) -> str:
    video = pages.sign_language_video
    if video is None or not (docs_dir / video.strip("/")).is_file():
        return ""
    t = translator(language)
    kind = _VIDEO_TYPES.get(Path(video).suffix.lower(), "")
    source = f'<source src="{html.escape(_href(src_uri, video))}"' + (f' type="{kind}"' if kind else "") + ">"
    captions = pages.sign_language_captions
    track = ""
    if captions is not None and (docs_dir / captions.strip("/")).is_file():
        track = (f'<track kind="captions" srclang="pl" label="{html.escape(t("access.video.captions"))}" '
                 f'src="{html.escape(_href(src_uri, captions))}" default>')
    size = (docs_dir / video.strip("/")).stat().st_size
    download = (f'<p class="cx-access-video__download"><a href="{html.escape(_href(src_uri, video))}" download>'
                f'{html.escape(t("access.video.download"))}</a> '
                f'<span class="cx-attachment__meta">({_meta(video, size, language)})</span></p>')
    return (f'<figure class="cx-access-video"><video class="cx-access-video__player" controls preload="metadata" '
            f'aria-label="{html.escape(t("access.video.label"))}">{source}{track}'
            f'<p>{html.escape(t("access.video.fallback"))}</p></video>'
            f'<figcaption>{html.escape(t("access.video.caption"))}</figcaption></figure>{download}')


def _text_file(pages: AccessPages, src_uri: str, docs_dir: Path, language: str) -> str:
    file = pages.easy_read_text_file
    if file is None or not (docs_dir / file.strip("/")).is_file():
        return ""
    t = translator(language)
    size = (docs_dir / file.strip("/")).stat().st_size
    return (f'<section class="cx-access-file" aria-labelledby="cx-access-file"><h2 id="cx-access-file">'
            f'{html.escape(t("access.text_file.heading"))}</h2><p>{html.escape(t("access.text_file.intro"))}</p>'
            f'<p><a href="{html.escape(_href(src_uri, file))}" type="text/plain">'
            f'{html.escape(t("access.text_file.link"))}</a> '
            f'<span class="cx-attachment__meta">({_meta(file, size, language)})</span></p></section>')


def _meta(file: str, size: int, language: str) -> str:
    t = translator(language)
    extension = Path(file).suffix.lstrip(".").upper()
    name = t.file_type(extension)
    abbr = f'<abbr title="{html.escape(name)}">{extension}</abbr>' if name else extension
    return f"{abbr}, {t.size(size)}"


def _after_heading(page_html: str, block: str) -> str:
    # Material puts the title above the content when the page has no heading of its own.
    if not block:
        return page_html
    end = page_html.find("</h1>")
    if end < 0:
        return block + page_html
    end += len("</h1>")
    return page_html[:end] + block + page_html[end:]
