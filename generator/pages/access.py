"""The ETR and PJM pages on the site: the header's links to them, the video player (with its
captions) after the PJM page's heading, and the machine-readable text file's link on the ETR page.

The law and the options are described in `source/access.py`, which checks the pages and files.
"""

from __future__ import annotations

import html
from pathlib import Path

from generator.i18n import translator
from generator.options import AccessPages
from generator.source.privacy import notice_path

_VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4", ".ogv": "video/ogg"}


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
