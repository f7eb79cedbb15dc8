"""A build publishes all or nothing: failures after writing started leave the previous site.

Failures are injected with MkDocs hooks (a `hooks:` file in mkdocs.yml) at the moments that
matter: while pages are being written, in another plugin's post_build, and as a warning that
makes `--strict` abort after every file was written.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.engine import atomic

from .bad_input_cases import YML, C, yml
from .conftest import REPO, TODAY_EPOCH, build_site
from .sitefiles import make_site, run_mkdocs, tree_digest
from .tools import reserved_port

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


def test_a_site_folder_that_is_a_link_is_published_into_its_target(tmp_path: Path) -> None:
    """Deployments that point site/ at a served folder keep the link; the target is swapped whole."""
    source = make_site(tmp_path / "src", {})
    served = tmp_path / "www"
    served.mkdir()
    (served / "previous-build.txt").write_text("from yesterday's build\n", encoding="utf-8")
    site = tmp_path / "site"
    site.symlink_to(served)

    result = build_site(source, site)

    assert result.returncode == 0, result.stderr
    assert site.is_symlink() and (served / "index.html").is_file()
    assert not (served / "previous-build.txt").exists()  # replaced whole, not written over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src", "www"]


def test_a_site_that_is_a_file_is_refused_not_deleted(tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", {})
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    site.write_text("not a site\n", encoding="utf-8")

    result = build_site(source, site)

    assert result.returncode == 1
    assert "w miejscu folderu strony jest plik" in result.stderr
    assert "Traceback" not in result.stderr
    assert site.read_text(encoding="utf-8") == "not a site\n"
    assert leftovers(site) == []


def test_a_read_only_site_is_replaced_and_stays_read_only(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    site.chmod(0o555)  # its mode used to be copied onto the staging folder, which then could not be written

    result = build_site(source, site)

    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(site.stat().st_mode) == 0o555
    assert not (site / "previous-build.txt").exists()
    site.chmod(0o755)
    assert leftovers(site) == []


def test_serve_builds_into_its_own_folder_and_serves_pages(tmp_path: Path) -> None:
    source = make_site(tmp_path / "src", {})
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    with reserved_port() as port:
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


# ---------------------------------------------------------------- killed at every step of the swap

KILL_AT_STEP = '''
import os, signal, sys
from pathlib import Path
from generator.engine import atomic

step, site = int(sys.argv[1]), Path(sys.argv[2])
if sys.argv[3] == "two-renames":  # as on a system or file system without an atomic exchange
    atomic.exchange = lambda first, second: False
calls = 0

def killing(function):
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls > step:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return wrapper

build = atomic.StagedBuild(site)
for name in NAMES:
    (build.staging / name).parent.mkdir(parents=True, exist_ok=True)
    (build.staging / name).write_text("new " + name)
# Every step of publishing that changes the disk: renames, the exchange, each file deleted.
os.rename, os.unlink, os.rmdir = killing(os.rename), killing(os.unlink), killing(os.rmdir)
atomic.exchange, os.chmod = killing(atomic.exchange), killing(os.chmod)
build.publish()
print("published", calls)
'''
NAMES = ["index.html", "a/index.html", "a/b/plik.txt", "c/index.html"]


def _site_of(kind: str, site: Path) -> None:
    for name in NAMES:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"{kind} {name}")


def _contents(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("way", ["exchange", "two-renames"])
def test_a_publish_killed_at_any_step_leaves_a_whole_site_and_the_next_build_cleans_up(tmp_path: Path, way: str) -> None:
    old = {name: f"old {name}" for name in NAMES}
    new = {name: f"new {name}" for name in NAMES}
    script = f"NAMES = {NAMES!r}\n{KILL_AT_STEP}"
    outcomes = []
    for step in range(100):
        site = tmp_path / str(step) / "site"
        _site_of("old", site)
        result = subprocess.run([sys.executable, "-c", script, str(step), str(site), way],
                                capture_output=True, text=True, timeout=60)
        if result.returncode == 0:  # no step left to kill at
            assert "published" in result.stdout and _contents(site) == new
            break
        assert result.returncode == -9, result.stderr
        if way == "exchange":  # site/ is there at every moment
            assert _contents(site) in (old, new), f"killed at step {step}"
        outcomes.append(_contents(site) == new if site.exists() else None)
        atomic.StagedBuild(site).close()  # the next build's start
        assert _contents(site) in (old, new), f"killed at step {step}, after the next start"
        assert leftovers(site) == [], f"killed at step {step}"
    else:
        pytest.fail("publishing never finished")
    # Killed before the swap the old site stays; killed after it, the new one.
    assert False in outcomes and True in outcomes
    if way == "two-renames":  # the one moment without site/: repaired at the next start
        assert None in outcomes


def test_builds_of_one_site_exclude_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    first = atomic.StagedBuild(site)
    monkeypatch.setattr(atomic, "LOCK_WAIT", 0.2)
    with pytest.raises(atomic.PublishError) as refused:
        atomic.StagedBuild(site)
    assert refused.value.problem.code == "site_locked"
    assert first.staging is not None and first.staging.is_dir()  # the running build's folder is untouched
    assert first.publish()
    second = atomic.StagedBuild(site)  # free again once the first build published
    second.close()
    assert leftovers(site) == []


def test_leftovers_of_killed_builds_are_ignored_by_git(tmp_path: Path) -> None:
    # The repository's own .gitignore, and the one a new site starts with.
    for gitignore in (REPO / ".gitignore", REPO / "generator" / "data" / "init" / "gitignore"):
        repo = tmp_path / gitignore.parent.name
        repo.mkdir()
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        shutil.copyfile(gitignore, repo / ".gitignore")
        paths = [".site.new-k2j3h4/index.html", ".site.old-k2j3h4/index.html", ".site.lock"]
        result = subprocess.run(["git", "check-ignore", *paths], cwd=repo, capture_output=True, text=True)
        assert result.stdout.split() == paths, gitignore


# ---------------------------------------------------------------- faults of the whole build

BLOCK_UNTIL_RELEASED = '''
import time
from pathlib import Path

def on_pre_build(config):
    here = Path(config.config_file_path).parent
    (here / "started").touch()
    deadline = time.monotonic() + 120
    while not (here / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
'''
WRITE_FAILS = '''
import errno
from mkdocs import utils

def on_config(config):
    real = utils.write_file

    def write_file(content, output_path):
        if "program-testowy" in output_path:
            raise OSError(errno.{name}, "{text}", output_path)
        real(content, output_path)

    utils.write_file = write_file
'''


def _start_build(source: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(source / "mkdocs.yml"), "-d", str(site)],
        cwd=source, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never got there"
        time.sleep(0.05)


def test_a_second_build_of_the_same_site_says_another_is_running(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    with_hook(source, BLOCK_UNTIL_RELEASED)
    before = tree_digest(site)
    first = _start_build(source, site)
    try:
        _wait_for(source / "started", first)

        second = build_site(source, site)

        assert second.returncode == 1
        assert "trwa inne budowanie tej strony" in second.stderr
        assert "Traceback" not in second.stderr
        assert tree_digest(site) == before
    finally:
        (source / "release").touch()
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert not (site / "previous-build.txt").exists()
    assert leftovers(site) == []


def test_sigterm_ends_a_build_like_ctrl_c_and_leaves_the_previous_site(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    with_hook(source, BLOCK_UNTIL_RELEASED)
    before = tree_digest(site)
    build = _start_build(source, site)
    _wait_for(source / "started", build)
    assert [p for p in leftovers(site) if ".new-" in p]  # it is writing into its staging folder

    build.send_signal(signal.SIGTERM)
    _, err = build.communicate(timeout=120)

    assert build.returncode == 1
    assert "Traceback" not in err
    assert tree_digest(site) == before
    assert leftovers(site) == []  # staging folder and lock removed


@pytest.mark.parametrize(("name", "text", "message"), [
    ("ENOSPC", "No space left on device", "na dysku zabrakło miejsca (No space left on device)"),
    ("EACCES", "Permission denied", "brak uprawnień do odczytu lub zapisu (Permission denied)"),
    ("EIO", "Input/output error", "nie udało się odczytać lub zapisać (Input/output error)"),
])
def test_a_disk_error_while_writing_ends_with_one_message(
    workdir: tuple[Path, Path], name: str, text: str, message: str
) -> None:
    source, site = workdir
    with_hook(source, WRITE_FAILS.format(name=name, text=text))
    before = tree_digest(site)

    result = run_mkdocs(source, site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # MkDocs names the page it was building; then our message says where, what and how to fix it.
    expected = f"{site}/konsultacje/program-testowy/index.html: {message}\n  Jak poprawić: "
    assert result.stderr.count(expected) == 1
    assert tree_digest(site) == before
    assert leftovers(site) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a Unix thing")
def test_a_fifo_among_the_pages_is_reported_not_waited_on(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    os.mkfifo(source / "content" / "potok.md")

    result = build_site(source, site)  # before the check, MkDocs waited on it forever

    assert result.returncode == 1
    assert "content/potok.md: „potok.md” nie jest zwykłym plikiem" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_invalid_source_date_epoch_ends_with_one_message(workdir: tuple[Path, Path]) -> None:
    source, site = workdir
    before = tree_digest(site)

    result = build_site(source, site, env={"SOURCE_DATE_EPOCH": "2025-09-01"})

    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH: zmienna środowiskowa SOURCE_DATE_EPOCH ma wartość „2025-09-01”" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before


def test_builds_killed_at_random_moments_always_leave_a_whole_site(tmp_path: Path) -> None:
    """Seeded SIGKILLs at any moment of real builds, alternating two versions of the site."""
    sources = [
        make_site(tmp_path / "a", {}),
        make_site(tmp_path / "b", {YML: yml(replace={"title: ": "title: Nowa wersja — "})}),
    ]
    site = tmp_path / "out" / "site"
    versions, longest = [], 0.0
    for source in sources:
        start = time.monotonic()
        assert build_site(source, site).returncode == 0
        longest = max(longest, time.monotonic() - start)
        versions.append(tree_digest(site))
    assert versions[0] != versions[1]
    rng = random.Random(20261207)
    killed, deadline = 0, time.monotonic() + 60
    for attempt in range(40):
        if time.monotonic() > deadline:
            break
        build = _start_build(sources[attempt % 2], site, env={"CONSULTATIONS_JOBS": str(1 + attempt % 3)})
        try:
            build.wait(timeout=rng.uniform(0.2, longest * 1.3))
        except subprocess.TimeoutExpired:
            build.kill()
            build.wait()
            killed += 1
        build.communicate()
        assert tree_digest(site) in versions, f"attempt {attempt}: the site is not a whole build"
    assert killed >= 3

    result = build_site(sources[0], site)

    assert result.returncode == 0, result.stderr
    assert tree_digest(site) == versions[0]
    assert leftovers(site) == []


def test_a_site_on_a_mount_point_is_refused_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == site)  # mounting needs root
    with pytest.raises(atomic.PublishError) as refused:
        atomic.StagedBuild(site)
    what, fix = refused.value.problem.message("en")
    assert what == "the site folder is a mount point, so it cannot be replaced all at once"
    assert "mount the folder above it instead" in fix
    assert leftovers(site) == []


def test_a_folder_where_the_staging_cannot_be_made_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(atomic.tempfile, "mkdtemp", refuse)  # chmod does not stop root, who runs CI containers
    with pytest.raises(atomic.PublishError) as refused:
        atomic.StagedBuild(tmp_path / "site")
    assert (refused.value.problem.path, refused.value.problem.code) == (str(tmp_path), "no_permission")
    assert leftovers(tmp_path / "site") == []  # nor the lock
