"""Commands as the README and the editors' guide print them, found in their text and run by a shell.

A test that types its own version of a documented command proves nothing about the page a
person copies from; these helpers take the line from the document itself.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, TODAY_EPOCH

README = REPO / "README.md"
GUIDE = REPO / "docs" / "dla-redaktorow.md"
VENV_BIN = Path(sys.executable).parent
_FENCE = re.compile(r"^[ \t]*```sh\n(.*?)^[ \t]*```", re.S | re.M)


def shell_commands(doc: Path) -> list[str]:
    """Every command of the document's ```sh blocks, continuation lines joined, indentation removed."""
    commands: list[str] = []
    for block in _FENCE.findall(doc.read_text(encoding="utf-8")):
        pending = ""
        for line in block.splitlines():
            pending += line.strip()
            if pending.endswith("\\"):
                pending = pending[:-1]
                continue
            if pending:
                commands.append(pending)
            pending = ""
    return commands


def documented(doc: Path, start: str) -> str:
    """The one command the document prints that starts with `start` (in a sh block or inline code)."""
    text = doc.read_text(encoding="utf-8")
    found = [c for c in shell_commands(doc) if c.startswith(start)]
    found += [c for c in re.findall(r"`([^`\n]+)`", text) if c.startswith(start) and c not in found]
    assert len(found) == 1, f"{doc.name} should print one command starting {start!r}: {found}"
    return found[0]


_PROGRAM = re.compile(r"^(?:\.\./)?(?:\.venv/bin/)?(?:consult|mkdocs|make|python3?|pip|git|cd)(?:\s|$)")


def printed_commands(doc: Path) -> list[str]:
    """Every command line the document prints, in order, once each: its sh blocks' lines and the
    inline code that starts with one of our programs, trailing `# comments` removed."""
    text = doc.read_text(encoding="utf-8")
    found: list[str] = []
    for line in shell_commands(doc) + [c for c in re.findall(r"`([^`\n]+)`", text) if _PROGRAM.match(c)]:
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line not in found:
            found.append(line)
    return found


def person_env(home: Path) -> dict[str, str]:
    """A shell like a person's: our tools on PATH, a fixed day, git with a name and no global config."""
    return {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "SOURCE_DATE_EPOCH": TODAY_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Anna Redaktorka",
        "GIT_AUTHOR_EMAIL": "anna@tarnow.example.pl",
        "GIT_COMMITTER_NAME": "Anna Redaktorka",
        "GIT_COMMITTER_EMAIL": "anna@tarnow.example.pl",
    }


def type_command(command: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run one command line as typed at a bash prompt in `cwd`."""
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=person_env(home), capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)
