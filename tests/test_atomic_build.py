"""A build publishes all or nothing: failures after writing started leave the previous site.

Failures are injected with MkDocs hooks (a `hooks:` file in mkdocs.yml) at the moments that
matter: while pages are being written, in another plugin's post_build, and as a warning that
makes `--strict` abort after every file was written.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .bad_input_cases import C
from .conftest import TODAY_EPOCH, build_site
from .sitefiles import make_site, run_mkdocs, tree_digest

FAIL_WHILE_WRITING = '''
from pathlib import Path
from mkdocs.exceptions import PluginError

def on_post_page(output, page, config):
    written = sorted(p.name for p in Path(config.site_dir).rglob("*.html"))
    if written:  # some pages are already on disk: fail now
        raise PluginError(f"injected failure after writing {len(written)} pages")
    return output
'''
FAIL_IN_POST_BUILD = '''
from mkdocs.exceptions import PluginError

def on_post_build(config):
    raise PluginError("injected failure in post_build")
'''
WARN_IN_POST_BUILD = '''
import logging

def on_post_build(config):
    logging.getLogger("mkdocs.plugins.injected").warning("injected warning after writing")
'''
MATERIAL_VANISHES = f'''
from pathlib import Path

def on_env(env, config, files):
    Path(config.config_file_path).parent.joinpath("{C}files/formularz.docx").unlink()
    return env
'''

# With a worker process, materials are copied by the worker as soon as the pages are shared
# out (on_files): the file vanishes after validation and before that.
MATERIAL_VANISHES_EARLY = f'''
from pathlib import Path

def on_pre_build(config):
    Path(config.config_file_path).parent.joinpath("{C}files/formularz.docx").unlink()
'''


def with_hook(source: Path, code: str) -> None:
    """Add a hooks file to the site's mkdocs.yml."""
    (source / "inject_hook.py").write_text(code, encoding="utf-8")
    with (source / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - inject_hook.py\n")


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("good")
    site = base / "site"
    result = build_site(make_site(base / "src", {}), site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def workdir(tmp_path: Path, good_site: Path) -> tuple[Path, Path]:
    """A fresh source folder and, beside it, a site folder holding the previous good build."""
    source = make_site(tmp_path / "src", {})
    site = tmp_path / "out" / "site"
    shutil.copytree(good_site, site)
    # Only in the previous site: a rebuild that got written would delete it.
    (site / "previous-build.txt").write_text("from yesterday's build\n", encoding="utf-8")
    return source, site


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name)


@pytest.mark.parametrize(("hook", "message", "extra"), [
    pytest.param(FAIL_WHILE_WRITING, "injected failure after writing", (), id="page-write"),
    pytest.param(FAIL_IN_POST_BUILD, "injected failure in post_build", (), id="other-plugin-post-build"),
    pytest.param(WARN_IN_POST_BUILD, "Aborted with 1 warnings in strict mode", ("--strict",), id="strict-warning"),
])
def test_a_build_failing_after_writing_started_keeps_the_previous_site(
    workdir: tuple[Path, Path], hook: str, message: str, extra: tuple[str, ...]
) -> None:
    source, site = workdir
    with_hook(source, hook)
    before = tree_digest(site)

    result = run_mkdocs(source, site, *extra)

    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize(("jobs", "hook"), [("1", MATERIAL_VANISHES), ("2", MATERIAL_VANISHES_EARLY)])
def test_a_material_vanishing_mid_build_keeps_the_previous_site(
    workdir: tuple[Path, Path], jobs: str, hook: str
) -> None:
    """A file gone between validation and copying fails the build (MkDocs' copy, or the worker's); the site must survive."""
    source, site = workdir
    with_hook(source, hook)
    before = tree_digest(site)

    result = build_site(source, site, env={"CONSULTATIONS_JOBS": jobs})

    assert result.returncode != 0
    assert "formularz.docx" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert leftovers(site) == []


def test_a_good_build_replaces_the_whole_site(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    mode = stat.S_IMODE(site.stat().st_mode)

    result = build_site(source, site, "--strict")

    assert result.returncode == 0, result.stderr
    assert not (site / "previous-build.txt").exists()
    assert (site / "index.html").is_file()
    assert (site / "konsultacje" / "program-testowy" / "files" / "formularz.docx").is_file()
    assert stat.S_IMODE(site.stat().st_mode) == mode  # still readable by the web server
    assert leftovers(site) == []


def test_a_first_build_creates_a_readable_site_folder(tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", {})
    site = tmp_path / "new" / "deeper" / "site"

    result = build_site(source, site)

    assert result.returncode == 0, result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask
    assert leftovers(site) == []


def test_a_site_folder_that_is_a_link_is_built_in_place(tmp_path: Path) -> None:
    """Deployments that point site/ at a served folder keep the link."""
    source = make_site(tmp_path / "src", {})
    served = tmp_path / "www"
    served.mkdir()
    site = tmp_path / "site"
    site.symlink_to(served)

    result = build_site(source, site)

    assert result.returncode == 0, result.stderr
    assert site.is_symlink() and (served / "index.html").is_file()


def test_serve_builds_into_its_own_folder_and_serves_pages(tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", {})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-q", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=source, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        body = _fetch(f"http://127.0.0.1:{port}/konsultacje/program-testowy/", server)
        assert "Program Wspierania Rodziny" in body
        assert not [p for p in source.parent.iterdir() if p.name.startswith(".")]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err


def _fetch(url: str, server: subprocess.Popen[str], timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.5)
