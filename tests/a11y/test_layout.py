"""Layout for magnifier and phone users, and on paper: reflow at 320 px (WCAG 1.4.10), 200 % zoom
and 200 % text (1.4.4), print. Screenshots of each go to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests import example
from tests.a11y.conftest import ARTIFACTS, Served, new_context, site_pages

OPEN = example.page(example.OPEN)
SCREENSHOT_PAGES = ["", OPEN, "konsultacje/", "kalendarz/", "deklaracja-dostepnosci/"]

# Elements that stick out of the viewport on the right while still showing on it (text cut
# off or a sideways scroll). Content inside a scrollable box (data tables, code) may scroll
# on its own, which 1.4.10 allows; off-canvas drawers lie wholly outside and do not count.
_OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = e => { for (let n = e.parentElement; n; n = n.parentElement) {
        const o = getComputedStyle(n).overflowX; if (o === "auto" || o === "scroll") return true; }
        return false; };
    const bad = [];
    for (const e of document.body.querySelectorAll("*")) {
        if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
        const hasText = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!hasText && !["IMG", "svg", "INPUT", "BUTTON", "TABLE"].includes(e.tagName)) continue;
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= 0 || r.left >= width) continue;
        if ((r.right > width + 1 || r.left < -1) && !scrolls(e))
            bad.push(`${e.tagName.toLowerCase()}.${e.className}: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}: ${(e.textContent || "").trim().slice(0, 40)}`);
    }
    return {bad: bad.slice(0, 10), scrollWidth: document.documentElement.scrollWidth,
            bodyScroll: document.body.scrollWidth, width};
}"""


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    """A 320 CSS px wide screen (WCAG 1.4.10's reference width)."""
    context = new_context(browser, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def zoomed(browser: Any) -> Iterator[Any]:
    """A 1280 px screen at 200 % browser zoom: 640 CSS px at two device pixels each."""
    context = new_context(browser, viewport={"width": 640, "height": 450}, device_scale_factor=2)
    yield context.new_page()
    context.close()


def _reflow_problems(page: Any, site: Served) -> dict[str, Any]:
    found = {}
    for path in site_pages(site.root):
        page.goto(site.url(path))
        result = page.evaluate(_OVERFLOW)
        if result["bad"] or result["scrollWidth"] > result["width"] + 1:
            found[path] = result
    return found


def test_every_page_reflows_at_320_px(phone: Any, pl_site: Served) -> None:
    assert not _reflow_problems(phone, pl_site)


def test_every_page_reflows_at_200_percent_zoom(zoomed: Any, pl_site: Served) -> None:
    assert not _reflow_problems(zoomed, pl_site)


def test_text_resized_to_200_percent_fits(browser: Any, pl_site: Served) -> None:
    """Text-only zoom (a browser setting) doubles the root size; nothing may be cut off."""
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        found = {}
        for path in site_pages(pl_site.root):
            page.goto(pl_site.url(path))
            before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p, .md-typeset h1')).fontSize)")
            page.evaluate("document.documentElement.style.fontSize = (parseFloat(getComputedStyle(document.documentElement).fontSize) * 2) + 'px'")
            after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p, .md-typeset h1')).fontSize)")
            assert after >= 1.9 * before, f"/{path}: text did not grow ({before} → {after})"
            result = page.evaluate(_OVERFLOW)
            if result["bad"] or result["scrollWidth"] > result["width"] + 1:
                found[path] = result
    finally:
        context.close()
    assert not found


def test_the_overflow_check_sees_cut_text(phone: Any, pl_site: Served) -> None:
    phone.goto(pl_site.url("o-konsultacjach/"))
    phone.evaluate("""() => { const p = document.createElement("p");
        p.textContent = "Bardzo długi wiersz"; p.style.whiteSpace = "nowrap"; p.style.width = "600px";
        document.querySelector("article").append(p); }""")
    assert phone.evaluate(_OVERFLOW)["bad"]


# The site's name in the header, as shown: any word cut off (an ellipsis, or lines clipped)?
_NAME_CUT = """() => {
    const shown = [...document.querySelectorAll(".md-header__topic:first-child .md-ellipsis, .md-header__topic:first-child .md-ellipsis *")]
        .filter(e => e.checkVisibility() && e.textContent.trim());
    return shown.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map(e => `${e.className}: ${e.textContent.trim()} (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
}"""


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("width", [320, 375])
def test_the_site_name_in_the_header_is_whole_on_a_phone(
    browser: Any, pl_site: Served, en_site: Served, language: str, width: int
) -> None:
    """Beside the palette, ETR, PJM and search controls the full name's words would be cut
    ("Konsul… społec… MOPS…"); below 360 px the header shows the organisation's short name."""
    site = pl_site if language == "pl" else en_site
    context = new_context(browser, viewport={"width": width, "height": 640})
    try:
        page = context.new_page()
        for path in ("", OPEN):
            page.goto(site.url(path))
            assert page.evaluate(_NAME_CUT) == [], path
            shown = page.locator(".md-header__topic:first-child").inner_text().split()
            assert shown == (["MOPS", "Kraków"] if width < 360 else "Konsultacje społeczne MOPS Kraków".split())
            assert page.get_by_role("link", name="Konsultacje społeczne MOPS Kraków").count()  # the home link
    finally:
        context.close()


def test_a_long_site_name_gives_way_to_the_short_name_wherever_it_would_be_cut(browser: Any, pl_site: Served) -> None:
    """A new organisation's name ("Konsultacje społeczne: Gminny Ośrodek Pomocy Społecznej w
    Wieliczce") is cut even at 375 px; the page's script lets the short name stand in, and puts
    back a full name that fits."""
    context = new_context(browser, viewport={"width": 375, "height": 640})
    try:
        page = context.new_page()
        page.goto(pl_site.url(OPEN))
        page.evaluate("""() => { document.querySelector(".cx-site-name:not(.cx-site-name--short)").textContent =
            "Konsultacje społeczne: Gminny Ośrodek Pomocy Społecznej w Wieliczce";
            window.dispatchEvent(new Event("resize")); }""")
        assert page.evaluate(_NAME_CUT) == []
        assert page.locator(".md-header__topic:first-child").inner_text().split() == ["MOPS", "Kraków"]
        page.evaluate("""() => { document.querySelector(".cx-site-name:not(.cx-site-name--short)").textContent =
            "Konsultacje społeczne MOPS Kraków"; window.dispatchEvent(new Event("resize")); }""")
        assert page.locator(".md-header__topic:first-child").inner_text().split() == "Konsultacje społeczne MOPS Kraków".split()
    finally:
        context.close()


def test_print_shows_the_content_without_the_screen_chrome(browser: Any, pl_site: Served) -> None:
    context = new_context(browser, viewport={"width": 800, "height": 1000})
    try:
        page = context.new_page()
        page.goto(pl_site.url(OPEN))
        page.emulate_media(media="print")
        shown = page.evaluate("""() => {
            const seen = s => { const e = document.querySelector(s); return !!e && e.checkVisibility(); };
            return {header: seen(".md-header"), nav: seen(".md-sidebar--primary"), skip: seen(".cx-skip"),
                    title: seen(".md-content h1"), footer: seen(".md-footer")};
        }""")
    finally:
        context.close()
    assert shown == {"header": False, "nav": False, "skip": False, "title": True, "footer": False}, shown


def _name(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "strona-glowna"


_SEEN = """() => {
    const h1 = document.querySelector(".md-content h1");
    const r = h1 ? h1.getBoundingClientRect() : null;
    return {scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
            h1: !!h1 && h1.checkVisibility() && r.left >= 0 && r.right <= document.documentElement.clientWidth + 1,
            header: !!document.querySelector(".md-header")?.checkVisibility(),
            scheme: document.body.getAttribute("data-md-color-scheme")};
}"""


def _png_width(path: Any) -> int:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path.name
    return int.from_bytes(data[16:20], "big")


def test_screenshots_for_review(browser: Any, pl_site: Served, en_site: Served) -> None:
    """Write the pictures a person checks: 320 px, 200 % zoom, dark palette and print (PNG and PDF),
    and assert what each shows: no sideways scroll (the picture is as wide as the screen), the
    title in view, the skip link as the first tab stop, the dark palette, no screen chrome on paper."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    variants = {
        "320px": {"viewport": {"width": 320, "height": 640}},
        "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
        "dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
        "print": {"viewport": {"width": 800, "height": 1000}},
    }
    wrong: list[str] = []
    for variant, options in variants.items():
        context = new_context(browser, **options)
        scale = int(options.get("device_scale_factor", 1))  # type: ignore[call-overload]
        try:
            page = context.new_page()
            for site, path in [(pl_site, p) for p in SCREENSHOT_PAGES] + [(en_site, OPEN)]:
                where = f"{variant} {site.name} /{path}"
                page.goto(site.url(path))
                if variant == "print":
                    page.emulate_media(media="print")
                    pdf = ARTIFACTS / f"{site.name}-{_name(path)}-print.pdf"
                    pdf.write_bytes(page.pdf(format="A4"))
                    if not pdf.read_bytes().startswith(b"%PDF-"):
                        wrong.append(f"{where}: no PDF written")
                seen = page.evaluate(_SEEN)
                target = ARTIFACTS / f"{site.name}-{_name(path)}-{variant}.png"
                page.screenshot(path=str(target), full_page=True)
                if _png_width(target) != seen["width"] * scale or seen["scrollWidth"] > seen["width"] + 1:
                    wrong.append(f"{where}: scrolls sideways ({seen['scrollWidth']} px of {seen['width']})")
                if not seen["h1"]:
                    wrong.append(f"{where}: the page title is not in view")
                if variant == "print":
                    if seen["header"]:
                        wrong.append(f"{where}: the screen header is printed")
                    continue
                if variant == "dark" and seen["scheme"] != "slate":
                    wrong.append(f"{where}: the dark palette is not chosen ({seen['scheme']})")
                page.keyboard.press("Tab")
                if "cx-skip" not in (page.evaluate("document.activeElement.className") or ""):
                    wrong.append(f"{where}: the first tab stop is not the skip link")
        finally:
            context.close()
    assert wrong == []
