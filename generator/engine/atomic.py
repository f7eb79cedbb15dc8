"""Publish a build all at once: write it into a staging folder beside the site, then swap.

A build that fails half-way (a template error, a full disk, a file gone mid-build, a warning
under --strict) or is killed at any moment must leave a whole site: web servers keep serving
the previous one and the next build replaces it whole. So:

- the staged folder and the site trade places in one step (`renameat2(RENAME_EXCHANGE)` on
  Linux, `renamex_np(RENAME_SWAP)` on macOS): `site/` never goes missing. Where neither
  exists, two renames are used, and a kill between them is repaired at the next start;
- builds of one site exclude each other by a lock taken before any source is read and held
  until the swap, so they publish in the order they started and never mix their files;
- what a killed build left beside the site (`.site.new-*`, `.site.old-*`) is removed at the
  next start, under that lock;
- a `site/` that is a link is published into its target's folder (the link stays); one that
  is a mount point (it cannot be swapped) or not a folder is refused with a message.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

from generator.source.errors import Problem, os_error_problem

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 5.0  # seconds a build waits for another build of the same site to end
NEW, OLD = ".new-", ".old-"  # staging folders are .<site>.new-*, displaced sites .<site>.old-*


class PublishError(Exception):
    """The site folder cannot be staged or published; `problem` says why and how to fix it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class StagedBuild:
    """One build written into a staging folder, published by `publish` or thrown away by `close`.

    Holds the site's lock from creation to `publish` or `close`.

    Args:
        count_warnings: for builds that fail on warnings (MkDocs' --strict, which aborts only
            after the last post_build event): such a build is not published.
    """

    def __init__(self, site_dir: Path, count_warnings: bool = False, logger: str = "mkdocs") -> None:
        self.site_dir = site_dir
        self.target = published_folder(site_dir)
        self._lock = SiteLock(self.target)
        try:
            clean_leftovers(self.target)
            self.staging: Path | None = make_staging(self.target)
        except BaseException:
            self._lock.release()
            raise
        self._logger = logging.getLogger(logger)
        self._warnings = _Counter() if count_warnings else None
        if self._warnings is not None:
            self._logger.addHandler(self._warnings)

    def publish(self) -> bool:
        """Swap the staged build in, unless warnings will fail it; say whether it was published."""
        if self.staging is None or (self._warnings is not None and self._warnings.count):
            return False
        staging, self.staging = self.staging, None
        try:
            swap_in(staging, self.target)
        except OSError as exc:
            discard(staging)
            raise PublishError(os_error_problem(exc)) from None
        finally:
            self.close()
        return True

    def site_path(self, path: str) -> str:
        """A path in the staging folder as where it will be published (for messages)."""
        if self.staging is not None and path.startswith(str(self.staging) + os.sep):
            return str(self.site_dir) + path[len(str(self.staging)) :]
        return path

    def close(self) -> None:
        """Forget the build: delete what was staged and not published, release the lock."""
        if self.staging is not None:
            discard(self.staging)
            self.staging = None
        if self._warnings is not None:
            self._logger.removeHandler(self._warnings)
            self._warnings = None
        self._lock.release()


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def published_folder(site_dir: Path) -> Path:
    """The folder a build replaces: `site_dir`, or the folder a link there points at."""
    target = Path(os.path.realpath(site_dir)) if site_dir.is_symlink() else Path(os.path.abspath(site_dir))
    shown = site_dir.as_posix()
    if os.path.lexists(target) and not target.is_dir():
        raise PublishError(Problem(shown, "site_not_folder"))
    if target.is_dir() and os.path.ismount(target):
        raise PublishError(Problem(shown, "site_mount_point"))
    return target


class SiteLock:
    """An exclusive lock on one site, a file `.<site>.lock` beside it, removed on release."""

    def __init__(self, target: Path, wait: float = LOCK_WAIT) -> None:
        self.path = target.with_name(f".{target.name}.lock")
        self._fd: int | None = None
        if fcntl is None:  # pragma: no cover
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._fd = _take(self.path, time.monotonic() + wait)
        except OSError as exc:
            raise PublishError(os_error_problem(exc)) from None
        if self._fd is None:
            raise PublishError(Problem(target.as_posix(), "site_locked", {"lock": self.path.name}))

    def release(self) -> None:
        """Let the next build in (the kernel does this too when a build is killed)."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _unlink(self.path)  # before unlocking: a build waiting on this file then tries again
            os.close(fd)


def _take(path: Path, deadline: float) -> int | None:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.1)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a file the previous holder removed as it released it
            return fd
        os.close(fd)


def clean_leftovers(target: Path) -> list[str]:
    """Remove what killed builds left beside the site (with its lock held); return their names.

    A site displaced by two renames whose second never happened is put back first.
    """
    prefix = f".{target.name}"
    found = sorted(p for p in target.parent.glob(f"{prefix}.*-*") if p.name.startswith((prefix + NEW, prefix + OLD)))
    if not os.path.lexists(target):
        olds = [p for p in found if p.name.startswith(prefix + OLD) and p.is_dir()]
        if olds:
            newest = max(olds, key=lambda p: p.stat().st_mtime)
            os.rename(newest, target)
            found.remove(newest)
    for path in found:
        discard(path)
    return [p.name for p in found]


def make_staging(target: Path) -> Path:
    """Create an empty hidden folder beside the site, on the same disk, to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{NEW}", dir=target.parent))
    except OSError as exc:
        raise PublishError(os_error_problem(exc)) from None
    # mkdtemp makes it private (0700); the published folder must be readable like any other.
    # The build must write into it even when the site is read-only: that mode is set at the swap.
    staging.chmod(_folder_mode(target) | stat.S_IRWXU)
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Put the staged build in place of the site, which is deleted afterwards."""
    staging.chmod(_folder_mode(target))
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    if exchange(staging, target):
        discard(staging)  # it holds the previous site now
        return
    old = staging.with_name(staging.name.replace(NEW, OLD, 1))
    os.rename(target, old)  # a kill from here to the next rename is repaired by clean_leftovers
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)  # put the previous site back
        raise
    discard(old)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system or the file system cannot."""
    libc = _libc()
    if sys.platform.startswith("linux") and libc is not None and hasattr(libc, "renameat2"):
        at_cwd, rename_exchange = -100, 2
        result = libc.renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange)
    elif sys.platform == "darwin" and libc is not None and hasattr(libc, "renamex_np"):
        result = libc.renamex_np(os.fsencode(first), os.fsencode(second), 2)  # RENAME_SWAP
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover
        return None


def discard(folder: Path) -> None:
    """Delete a staging or displaced folder, even a read-only one."""
    try:
        os.chmod(folder, stat.S_IRWXU)
    except OSError:
        return
    shutil.rmtree(folder, ignore_errors=True)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _folder_mode(target: Path) -> int:
    if target.is_dir():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask
