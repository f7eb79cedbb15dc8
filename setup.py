"""Build hook: ship the files every consultation site shares with this repository (see generator/newsite/sitekit.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from generator.newsite.sitekit import KIT_DIR, SHARED  # noqa: E402


class BuildWithSiteKit(build_py):
    """Copy theme/, the CI workflows, editor settings, schema and guide into the package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout
            return
        target = Path(self.build_lib) / "generator" / KIT_DIR
        for name in SHARED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
            elif source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / name)
            else:
                raise FileNotFoundError(f"{name} is listed in generator/newsite/sitekit.py but missing")


setup(cmdclass={"build_py": BuildWithSiteKit})
