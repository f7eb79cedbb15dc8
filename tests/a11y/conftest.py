"""Browser and checker fixtures for the accessibility, HTML and privacy tests.

The example site (and an English build, and a build on a later day for a closed consultation)
is served on 127.0.0.1 by a thread of http.server and opened in the system's Chromium through
Playwright: never a downloaded browser. axe-core and the Nu Html Checker come from
tests/js/node_modules (`npm ci`, done by scripts/setup-test-tools). In CI (CI=true) a missing
tool fails the tests; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO, build_site, built_once, consult_build
from tests.tools import chromium_options, playwright_chromium, require

JS_TOOLS = REPO / "tests" / "js" / "node_modules"
AXE = JS_TOOLS / "axe-core" / "axe.min.js"
VNU = JS_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = REPO / "tests" / "artifacts"

# WCAG 2.0 and 2.1, levels A and AA: what EN 301 549 and the Polish act require.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The dark palette changes colours only, so there the colour rules are enough (and fast).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# 2025-10-01 10:00 in Warsaw: the open consultation of the example has closed, without a report.
CLOSED_EPOCH = "1759305600"


def _site_host() -> str:
    match = re.search(r"(?m)^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return (urlsplit(match.group(1)).hostname or "") if match else ""


# The site's own public host. Pages name it in absolute links (canonical, feeds), but a page
# never requests anything from it: a preview served elsewhere must not call production. (Material's
# script used to ask it for a sitemap.xml beside every feed link; consultation.js stops that.)
SITE_HOST = _site_host()

# What went wrong in any browser context during the current test: failed requests (an HTTP error,
# or no answer, as for a request to another host) and console errors. Every test that opens pages
# through `new_context` or `watch` ends with this list empty (`no_browser_trouble`).
TROUBLE: list[str] = []


def is_own(url: str) -> bool:
    """True for a request the site makes to itself (the local server of the tests)."""
    if url.startswith(("data:", "blob:")):
        return True
    return urlsplit(url).hostname == "127.0.0.1"


def watch(target: Any) -> Any:
    """Record on TROUBLE every failed request and console error of a browser context or page."""

    def response(resp: Any) -> None:
        if resp.status >= 400:
            TROUBLE.append(f"HTTP {resp.status}: {resp.url}")

    def console(message: Any) -> None:
        if message.type == "error":
            TROUBLE.append(f"console error: {message.text} (at {message.location.get('url')})")

    def failed(request: Any) -> None:
        # ERR_ABORTED is the browser dropping a load it no longer needs (the page closed or went
        # on, say, before the favicon came): not the site's fault. A request to another host,
        # refused by `new_context`, fails with ERR_FAILED and counts.
        if request.failure != "net::ERR_ABORTED":
            TROUBLE.append(f"request failed ({request.failure}): {request.url}")

    target.on("response", response)
    target.on("requestfailed", failed)
    target.on("console", console)
    return target


class Watched:
    """A browser whose every new page and context is watched for trouble (`watch`)."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser

    def new_page(self, **options: Any) -> Any:
        """A new page in a context of its own, watched."""
        return watch(self.browser.new_page(**options))

    def new_context(self, **options: Any) -> Any:
        """A new context, watched."""
        return watch(self.browser.new_context(**options))


def take_trouble() -> list[str]:
    """What went wrong so far in this test, for a test that provokes it; the list starts over."""
    taken = list(TROUBLE)
    TROUBLE.clear()
    return taken


@pytest.fixture(autouse=True)
def no_browser_trouble() -> Iterator[None]:
    """Fail the test if any page it opened had a failed request or a console error."""
    TROUBLE.clear()
    yield
    trouble = take_trouble()
    assert not trouble, "pages had failed requests or console errors:\n  " + "\n  ".join(trouble)


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to its root, sorted."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.endswith("index.html"):
            pages.append(rel[: -len("index.html")])
        elif rel == "404.html":
            pages.append(rel)
    return pages


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def guess_type(self, path: Any) -> str:
        # Text in UTF-8, said so in the header as GitHub Pages and GitLab Pages say it (the
        # guide asks the same of a city's own server): http.server names no charset, and
        # Chromium would read the ETR page's .txt file as windows-1252.
        kind = super().guess_type(path)
        return kind + "; charset=utf-8" if kind.startswith("text/") and "charset" not in kind else kind


@dataclass
class Served:
    """A built site and the local address it is served at."""

    name: str
    root: Path
    base: str  # http://127.0.0.1:<port>/
    language: str

    def url(self, path: str) -> str:
        """The address of a page of this site."""
        return self.base + path.lstrip("/")


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[str, Path, str], Served]]:
    """Serve built sites on 127.0.0.1 (a thread each) until the session ends."""
    servers: list[ThreadingHTTPServer] = []

    def start(name: str, root: Path, language: str) -> Served:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, name=f"serve-{name}", daemon=True).start()
        servers.append(server)
        return Served(name, root, f"http://127.0.0.1:{server.server_port}/", language)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def copy_sources(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("content", "theme", "campaigns"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def pl_site(example_site: Path, serve: Callable[[str, Path, str], Served]) -> Served:
    """The example site, in Polish, as of the tests' day."""
    return serve("pl", example_site, "pl")


@pytest.fixture(scope="session")
def en_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[str, Path, str], Served]
) -> Served:
    """The example site built with `theme.language: en` (once for all workers)."""

    def build(folder: Path) -> Path:
        src = copy_sources(folder / "src")
        config = src / "mkdocs.yml"
        text, count = re.subn(r"(?m)^(\s+language:\s*)pl\s*$", r"\1en", config.read_text(encoding="utf-8"))
        assert count == 1, "mkdocs.yml should set theme.language once"
        config.write_text(text, encoding="utf-8")
        result = build_site(src, folder / "site")
        assert result.returncode == 0, result.stderr
        return folder / "site"

    return serve("en", built_once(request, tmp_path_factory, "english", build), "en")


@pytest.fixture(scope="session")
def properdocs_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[str, Path, str], Served]
) -> Served:
    """The example site built by ProperDocs (`consult build --engine properdocs`), the maintained
    MkDocs 1.x a site moves to when MkDocs ends: the same checks hold for what it publishes."""
    require(importlib.util.find_spec("properdocs") is not None, "the properdocs engine (pip install 'konsultacje[engines]')")

    def build(folder: Path) -> Path:
        result = consult_build("properdocs", folder / "site")
        assert result.returncode == 0, result.stderr
        return folder / "site"

    return serve("properdocs", built_once(request, tmp_path_factory, "properdocs", build), "pl")


@pytest.fixture(scope="session")
def closed_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[str, Path, str], Served]
) -> Served:
    """The example site built a month later, when one consultation is closed without a report."""

    def build(folder: Path) -> Path:
        result = build_site(REPO, folder / "site", env={"SOURCE_DATE_EPOCH": CLOSED_EPOCH})
        assert result.returncode == 0, result.stderr
        return folder / "site"

    return serve("closed", built_once(request, tmp_path_factory, "closed", build), "pl")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless system Chromium per test module.

    Not per session: Playwright's sync API runs one instance at a time, and other test modules
    (the search page's) start their own.
    """
    with playwright_chromium() as chromium:
        instance = chromium.launch(**chromium_options())
        yield instance
        instance.close()


@dataclass
class PageAudit:
    """What one page load showed: axe violations, requests made and script errors."""

    url: str
    violations: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    scheme: str = ""


class Auditor:
    """Loads pages in a light or dark browser context, runs axe, remembers every result."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.contexts: dict[str, Any] = {}
        self.cache: dict[tuple[str, str], PageAudit] = {}

    def context(self, scheme: str) -> Any:
        """A context emulating the colour scheme, with reduced motion so nothing is mid-transition."""
        if scheme not in self.contexts:
            self.contexts[scheme] = new_context(self.browser, color_scheme=scheme)
        return self.contexts[scheme]

    def audit(self, url: str, scheme: str = "light") -> PageAudit:
        """Open the page (once per scheme) and run axe-core with the WCAG A/AA rules."""
        key = (url, scheme)
        if key not in self.cache:
            self.cache[key] = self._audit(url, scheme)
        return self.cache[key]

    def _audit(self, url: str, scheme: str) -> PageAudit:
        result = PageAudit(url=url)
        page = self.context(scheme).new_page()
        page.on("request", lambda request: result.requests.append(request.url))
        page.on("pageerror", lambda error: result.errors.append(str(error)))
        try:
            page.goto(url, wait_until="load")
            result.scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            result.violations = run_axe(page, colours_only=scheme == "dark")
            result.errors += policy_violations(page)
        finally:
            page.close()
        return result

    def close(self) -> None:
        """Close every context."""
        for context in self.contexts.values():
            context.close()


def new_context(browser: Any, **options: Any) -> Any:
    """A browser context that lets no request leave 127.0.0.1 and records what went wrong (`watch`)."""
    options.setdefault("reduced_motion", "reduce")
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    # Every page keeps its Content-Security-Policy on: axe-core comes in as an init script (which
    # the policy does not govern), and the page records what the policy blocked.
    context.add_init_script(script=RECORD_POLICY_VIOLATIONS)
    if AXE.is_file():
        context.add_init_script(path=str(AXE))

    def only_local(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    return watch(context)


RECORD_POLICY_VIOLATIONS = """
window.__cxPolicyViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cxPolicyViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`);
});
"""


def policy_violations(page: Any) -> list[str]:
    """What the page's Content-Security-Policy blocked since it loaded (set up by `new_context`)."""
    return [f"CSP: {v}" for v in page.evaluate("window.__cxPolicyViolations || []")]


def run_axe(page: Any, colours_only: bool = False) -> list[dict[str, Any]]:
    """Return axe-core's WCAG 2.0/2.1 A and AA violations, summarised (axe comes with `new_context`)."""
    require(AXE.is_file(), f"axe-core ({AXE})")
    only = {"type": "rule", "values": AXE_COLOUR_RULES} if colours_only else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate(  # type: ignore[no-any-return]
        """async (only) => {
            const results = await axe.run(document, {runOnly: only, resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
                count: v.nodes.length}));
        }""",
        only,
    )


@pytest.fixture(scope="module")
def auditor(browser: Any) -> Iterator[Auditor]:
    """The page auditor (each page is opened and checked once per colour scheme)."""
    require(AXE.is_file(), f"axe-core ({AXE})")
    instance = Auditor(browser)
    yield instance
    instance.close()


def describe(violations: list[dict[str, Any]]) -> str:
    """Readable text of axe violations for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}, {v['count']}×): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join(str(node["summary"]).split())
            lines.append(f"      {node['target']}: {summary[:300]}")
    return "\n".join(lines)
