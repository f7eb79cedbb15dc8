"""Publish a build all at once: write it into a staging folder beside the site, then swap.

A build that fails half-way (a template error, a full disk, a file gone mid-build, a warning
under --strict) must leave the previous site as it was: web servers keep serving it and the
next daily build replaces it whole.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path


class StagedBuild:
    """One build written into a staging folder, published by `publish` or thrown away by `close`.

    Args:
        count_warnings: for builds that fail on warnings (MkDocs' --strict, which aborts only
            after the last post_build event): such a build is not published.
    """

    def __init__(self, site_dir: Path, count_warnings: bool = False, logger: str = "mkdocs") -> None:
        self.site_dir = site_dir
        self.staging: Path | None = make_staging(site_dir)
        self._logger = logging.getLogger(logger)
        self._warnings = _Counter() if count_warnings else None
        if self._warnings is not None:
            self._logger.addHandler(self._warnings)

    def publish(self) -> bool:
        """Swap the staged build in, unless warnings will fail it; say whether it was published."""
        if self.staging is None or (self._warnings is not None and self._warnings.count):
            return False
        swap_in(self.staging, self.site_dir)
        self.staging = None
        self.close()
        return True

    def close(self) -> None:
        """Forget the build: delete what was staged and not published."""
        if self.staging is not None:
            discard(self.staging)
            self.staging = None
        if self._warnings is not None:
            self._logger.removeHandler(self._warnings)
            self._warnings = None


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def can_stage(site_dir: Path) -> bool:
    """Whether the site folder can be swapped: not a link or a mount point (those stay in place)."""
    if site_dir.is_symlink():
        return False
    return not (site_dir.exists() and os.path.ismount(site_dir))


def make_staging(site_dir: Path) -> Path:
    """Create an empty hidden folder beside the site, on the same disk, to build into."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    # mkdtemp makes it private (0700); the published folder must be readable like any other.
    staging.chmod(_folder_mode(site_dir))
    return staging


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put the staged build in place of the site; the old site is deleted only afterwards."""
    old: Path | None = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        os.rename(site_dir, old / "site")
    try:
        os.rename(staging, site_dir)
    except OSError:
        if old is not None:
            os.rename(old / "site", site_dir)  # put the previous site back
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    """Delete a staging folder (a failed build)."""
    shutil.rmtree(staging, ignore_errors=True)


def _folder_mode(site_dir: Path) -> int:
    if site_dir.is_dir():
        return stat.S_IMODE(site_dir.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask
