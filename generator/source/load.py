"""Find campaign folders and read their files; no judgements beyond "can it be read"."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator.engine.forkmap import split_map
from generator.source.errors import Problem, Severity
from generator.source.yamlsource import YamlDocument, decode_text, parse_yaml

MAX_MARKDOWN_BYTES = 2_000_000


@dataclass
class MarkdownSource:
    """A Markdown file split into its front matter (if any) and body."""

    rel: str
    body: str
    meta: YamlDocument | None = None
    body_line: int = 1  # line of the file where the body starts


@dataclass
class RawCampaign:
    """What one campaign folder holds, as read from disk."""

    slug: str
    directory: Path
    rel_dir: str
    real_dir: str = ""  # the folder's real path (links followed), once read
    yml: YamlDocument | None = None
    index: MarkdownSource | None = None
    announcements: list[MarkdownSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def yml_rel(self) -> str:
        """Repository-relative path of campaign.yml."""
        return f"{self.rel_dir}/campaign.yml"


def find_campaign_dirs(campaigns_dir: Path) -> list[Path]:
    """List the campaign folders in a stable order (hidden folders are skipped)."""
    if not campaigns_dir.is_dir():
        return []
    return sorted(
        (p for p in campaigns_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))),
        key=lambda p: p.name,
    )


def load_campaigns(
    campaigns_dir: Path, root: Path, load_one: Callable[[Path, Path, str, str], RawCampaign] | None = None
) -> tuple[list[RawCampaign], list[Problem]]:
    """Read every campaign folder under `campaigns_dir`; paths are reported relative to `root`.

    Args:
        load_one: reads one folder, like `load_campaign` (the preview passes one that remembers).
    """
    remembering = load_one is not None
    load_one = load_one or load_campaign
    problems: list[Problem] = []
    rel_base = _rel(campaigns_dir, root)
    if not campaigns_dir.is_dir():
        return [], [Problem(rel_base, "campaigns_dir_missing")]
    for entry in sorted(campaigns_dir.iterdir()):
        if entry.is_file() and not entry.name.startswith(".") and entry.name.lower() != "readme.md":
            problems.append(Problem(f"{rel_base}/{entry.name}", "stray_file", {"name": entry.name}))
        elif entry.name.startswith(".") and entry.is_dir():  # a campaign hidden by a renamed folder
            problems.append(Problem(f"{rel_base}/{entry.name}", "campaign_folder_hidden", {"name": entry.name},
                                    severity=Severity.WARNING))
    base = os.path.realpath(campaigns_dir)
    folders = []
    for directory in find_campaign_dirs(campaigns_dir):
        rel = directory.name if rel_base == "." else f"{rel_base}/{directory.name}"
        real = real_path(base, directory.name)
        if not within(real, base):
            problems.append(Problem(rel, "path_outside", {"file": directory.name, "folder": rel_base}))
            continue
        folders.append((directory, rel, real))
    if remembering:  # the preview's reader keeps state in this process
        return [load_one(directory, root, rel, real) for directory, rel, real in folders], problems
    # Reading is pure, so with hundreds of folders or more a forked process reads the last part.
    return split_map(partial(_load_folder, root), folders), problems


def _load_folder(root: Path, folder: tuple[Path, str, str]) -> RawCampaign:
    directory, rel, real = folder
    return load_campaign(directory, root, rel, real)


def load_campaign(directory: Path, root: Path, rel_dir: str | None = None, real: str | None = None) -> RawCampaign:
    """Read one campaign folder: campaign.yml, index.md and announcements/*.md.

    Args:
        rel_dir, real: the folder's path relative to `root` and its real path, if known.
    """
    rel_dir = rel_dir if rel_dir is not None else _rel(directory, root)
    raw = RawCampaign(slug=directory.name, directory=directory, rel_dir=rel_dir)
    base = raw.real_dir = real if real is not None else os.path.realpath(directory)
    yml_path = directory / "campaign.yml"
    if yml_path.exists() and not yml_path.is_file():
        raw.problems.append(Problem(raw.yml_rel, "not_regular_file", {"name": "campaign.yml"}))
    elif not yml_path.is_file():
        alt = next((p for p in sorted(directory.glob("[Cc]ampaign.*")) if p.suffix.lower() in (".yaml", ".yml")),
                   None)
        if alt is not None:
            raw.problems.append(Problem(f"{rel_dir}/{alt.name}", "campaign_yml_wrong_name", {"name": alt.name}))
        else:
            raw.problems.append(Problem(raw.yml_rel, "campaign_yml_missing"))
    else:
        data = _read_bytes(yml_path, raw.yml_rel, base, "campaign.yml", raw.problems)
        if data is not None:
            raw.yml, problems = parse_yaml(data, raw.yml_rel)
            raw.problems.extend(problems)
    index_path = directory / "index.md"
    if index_path.exists():  # not only a file: anything else there is reported
        raw.index = _read_markdown(index_path, rel_dir, "index.md", base, raw.problems)
    ann_dir = directory / "announcements"
    if ann_dir.is_dir():
        for path in _markdown_files(ann_dir):
            source = _read_markdown(path, rel_dir, f"announcements/{path.name}", base, raw.problems)
            if source is not None:
                raw.announcements.append(source)
    return raw


def _markdown_files(folder: Path) -> list[Path]:
    """sorted(folder.glob("*.md")), with one directory listing instead of pathlib's machinery."""
    with os.scandir(folder) as entries:
        return [folder / name for name in sorted(e.name for e in entries if e.name.endswith(".md"))]


def real_path(folder: str, *parts: str) -> str:
    """os.path.realpath(os.path.join(folder, *parts)) for a `folder` that is a real path already.

    Only the parts are checked for links (one lstat each), not every folder above them: this
    runs for every file of thousands of campaigns. The parts must not be "." or "..".
    """
    path = folder
    for part in parts:
        path = os.path.join(path, part)
        if os.path.islink(path):
            return os.path.realpath(os.path.join(folder, *parts))
    return path


def within(real: str, base: str) -> bool:
    """Whether the real path `real` is the folder `base` (a real path) or inside it."""
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _read_bytes(path: Path, rel: str, base: str, name: str, problems: list[Problem]) -> bytes | None:
    """Read a file of the campaign, refusing links that lead out of its folder.

    `name` is the file's path inside the campaign folder, whose real path is `base`.
    """
    if not within(real_path(base, *name.split("/")), base):
        folder = rel[: -len(name) - 1]  # rel is always <campaign folder>/<name>
        problems.append(Problem(rel, "path_outside", {"file": name, "folder": folder}))
        return None
    try:
        return read_regular_file(path)
    except NotRegularFile:
        problems.append(Problem(rel, "not_regular_file", {"name": name}))
    except OSError as exc:
        problems.append(Problem(rel, "file_unreadable", {"detail": exc.strerror or ""}))
    return None


class NotRegularFile(OSError):
    """A path that is a pipe, socket, device or folder, which the build must not try to read."""


def read_regular_file(path: Path | str) -> bytes:
    """The bytes of an ordinary file; NotRegularFile for anything else, without ever waiting.

    A FIFO would block open() until someone writes to it: it is opened without waiting and
    checked after opening too, in case a file was replaced by one in between.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(path)
        return file.read()


def _read_markdown(
    path: Path, rel_dir: str, name: str, base: str, problems: list[Problem]
) -> MarkdownSource | None:
    rel = f"{rel_dir}/{name}"
    data = _read_bytes(path, rel, base, name, problems)
    if data is None:
        return None
    if len(data) > MAX_MARKDOWN_BYTES:
        problems.append(Problem(rel, "file_too_big", {"size": len(data), "limit": MAX_MARKDOWN_BYTES}))
        return None
    text, bad = decode_text(data, rel)
    if text is None:
        problems.extend(bad)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return split_front_matter(text, rel, problems)


def split_front_matter(text: str, rel: str, problems: list[Problem]) -> MarkdownSource:
    """Split `---` front matter from a Markdown text, parsing it as YAML."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return MarkdownSource(rel, text)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            head = "\n".join(lines[1:index])
            meta, meta_problems = parse_yaml(head.encode("utf-8"), rel)
            for p in meta_problems:  # front matter lines are shifted by the opening '---'
                problems.append(_shift(p, 1))
            body = "\n".join(lines[index + 1 :])
            return MarkdownSource(rel, body, meta or YamlDocument(None), body_line=index + 2)
    problems.append(Problem(rel, "front_matter_unclosed", {}, 1, 1))
    return MarkdownSource(rel, "", None)


def _shift(problem: Problem, lines: int) -> Problem:
    if problem.line is None:
        return problem
    return Problem(problem.path, problem.code, problem.params, problem.line + lines,
                   problem.column, problem.field, problem.severity)


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
