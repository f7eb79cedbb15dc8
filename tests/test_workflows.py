"""CI templates and editor tooling: they parse, and every command they run exists here."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import click
import pytest
import yaml
from mkdocs.__main__ import cli as mkdocs_cli

from generator import cli
from generator.export import schema_bytes

from .conftest import REPO

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def load(rel: str) -> Any:
    # BaseLoader: keys such as GitHub's `on:` stay strings instead of becoming True.
    return yaml.load((REPO / rel).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def console_scripts() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return set(project["project"]["scripts"])


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, flags=re.M))


def expansions(command: str, variables: dict[str, list[str]]) -> Iterator[list[str]]:
    """The argument lists a command becomes for each value of the variables it uses."""
    found = [name for name in variables if f"${name}" in command]
    if not found:
        yield shlex.split(command)
        return
    name = found[0]
    for value in variables[name]:
        yield from expansions(command.replace(f"${name}", value), {k: v for k, v in variables.items() if k != name})


def assert_command_exists(argv: list[str]) -> None:
    """The command is something this repository provides, with arguments it accepts."""
    head, args = argv[0], argv[1:]
    if head == "consult":
        assert "consult" in console_scripts()
        cli.build_parser().parse_args(args)  # exits (fails the test) on an unknown option
    elif head == "mkdocs":
        command = mkdocs_cli.commands[args[0]]
        assert isinstance(command, click.Command)
        command.make_context(args[0], list(args[1:]))
    elif head == "make":
        assert set(args) <= make_targets(), args
    elif argv[:4] == ["python", "-m", "pip", "install"]:
        assert args[3] == "-r" and (REPO / args[4]).is_file()
    elif head == "bash":
        assert (REPO / args[0]).is_file()
    else:
        raise AssertionError(f"unknown command {argv}")


# ---------------------------------------------------------------- GitHub Actions

SITE = load(".github/workflows/site.yml")
STRICT = {"STRICT": ["--strict", ""]}


def steps(job: str) -> list[dict[str, Any]]:
    return list(SITE["jobs"][job]["steps"])


def test_site_workflow_triggers() -> None:
    on = SITE["on"]
    assert set(on) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    cron = on["schedule"][0]["cron"]
    minute, hour, *rest = cron.split()
    assert rest == ["*", "*", "*"] and 0 <= int(minute) < 60
    # Between 01:00 and 04:00 UTC: after midnight in Warsaw, summer and winter alike.
    assert 1 <= int(hour) <= 4


def test_site_workflow_commands_exist() -> None:
    runs = [s["run"] for job in SITE["jobs"] for s in steps(job) if "run" in s]
    assert runs, "the workflow runs nothing"
    for run in runs:
        for argv in expansions(run, STRICT):
            assert_command_exists(argv)
    assert any(r.startswith("consult check --format github") for r in runs)
    assert any(r.startswith("mkdocs build") for r in runs)
    strict = SITE["env"]["STRICT"]
    assert "--strict" in strict and "pull_request" in strict and "'push'" in strict  # not the nightly build
    assert "schedule" not in strict


def test_site_workflow_previews_pull_requests_and_deploys_main() -> None:
    uses = {s["uses"].split("@")[0]: s for s in steps("build") if "uses" in s}
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact",
            "actions/upload-pages-artifact"} <= set(uses)
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert uses["actions/upload-artifact"]["with"]["path"] == "site/"
    assert "refs/heads/main" in uses["actions/upload-pages-artifact"]["if"]
    build_run = next(s["run"] for s in steps("build") if s.get("run", "").startswith("mkdocs build"))
    assert "--site-dir site" in build_run
    deploy = SITE["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert SITE["permissions"] == {"contents": "read"}  # only the deploy job may write


def test_repository_test_workflow_runs_make_targets() -> None:
    tests = load(".github/workflows/tests.yml")
    for step in tests["jobs"]["test"]["steps"]:
        if "run" in step:
            assert_command_exists(shlex.split(step["run"]))


def test_requirements_install_this_repository() -> None:
    lines = [line for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == ["."]


# ---------------------------------------------------------------- GitLab CI


GITLAB = load(".gitlab-ci.yml")
JOBS = {name: job for name, job in GITLAB.items() if isinstance(job, dict) and "script" in job}


def test_gitlab_jobs_and_commands() -> None:
    assert set(JOBS) == {"check", "preview", "pages"}
    assert set(GITLAB["stages"]) >= {job["stage"] for job in JOBS.values()}
    commands = list(GITLAB["default"]["before_script"])
    for job in JOBS.values():
        commands += job["script"]
    for command in commands:
        command = command.removesuffix(" || true")
        if ">" in command:
            command = command.split(">")[0].strip()
        for argv in expansions(command, STRICT):
            assert_command_exists(argv)
    assert any(c.startswith("consult check --format gitlab") for c in JOBS["check"]["script"])


def test_gitlab_pages_preview_and_report() -> None:
    pages = JOBS["pages"]
    assert pages["stage"] == "deploy" and pages["artifacts"]["paths"] == ["public"]
    assert "--site-dir public" in pages["script"][0]
    assert pages["rules"][0]["if"] == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    preview = JOBS["preview"]
    assert preview["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert preview["artifacts"]["expose_as"] and preview["artifacts"]["paths"] == ["public/"]
    check = JOBS["check"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "gl-code-quality-report.json" in check["script"][0]
    assert check["rules"][0]["variables"] == {"STRICT": "--strict"}
    assert check["rules"][1] == {  # pushes to main as strictly as merge requests, the nightly build not
        "if": '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
        "variables": {"STRICT": "--strict"},
    }
    sources = " ".join(rule["if"] for rule in GITLAB["workflow"]["rules"])
    assert "schedule" in sources and "merge_request_event" in sources


# ---------------------------------------------------------------- editor tooling


def test_pre_commit_hook_runs_consult_check() -> None:
    hooks = load(".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["consult-check"]
    hook = hooks[0]
    assert hook["language"] == "python" and hook["pass_filenames"] == "false"
    assert_command_exists(shlex.split(hook["entry"]))
    assert re.search(hook["files"], "campaigns/program-x/campaign.yml")
    assert re.search(hook["files"], "mkdocs.yml") and not re.search(hook["files"], "content/index.md")


def test_vscode_associates_campaign_files_with_the_schema() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    [(schema, patterns)] = settings["yaml.schemas"].items()
    assert (REPO / schema).is_file()
    campaigns = sorted((REPO / "campaigns").glob("*/campaign.yml"))
    assert campaigns
    for path in campaigns:
        rel = PurePosixPath(path.relative_to(REPO).as_posix())
        assert any(rel.match(pattern) for pattern in patterns), rel
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_committed_schema_is_up_to_date() -> None:
    assert (REPO / "schema/campaign.schema.json").read_bytes() == schema_bytes(), (
        "schema/campaign.schema.json is out of date: run `make schema`"
    )


class _Yaml12Loader(yaml.SafeLoader):
    """Reads YAML roughly as VS Code's YAML extension does (1.2 core schema): dates and yes/no stay text."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@pytest.mark.parametrize("path", sorted((REPO / "campaigns").glob("*/campaign.yml")), ids=lambda p: p.parent.name)
def test_example_campaigns_raise_no_editor_warnings(path: Path) -> None:
    import jsonschema

    schema = json.loads((REPO / "schema/campaign.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_accepts_what_the_loader_accepts() -> None:
    import jsonschema

    schema = json.loads((REPO / "schema/campaign.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(
        "title: T\nsummary: S\norganizer: O\npublished: 2025-08-28\nopens: 2025-08-28\ncloses: 2025-09-26\n"
        "duty_hours:\n  - date: 2025-08-29\n    time: 8:00-11:00\n    mode: phone\n    phone: 126165321\n"
        "materials:\n  - title: Skan\n    file: files/skan.pdf\n    accessible: nie\n",
        Loader=_Yaml12Loader,
    )
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)] == []


def test_schema_command_prints_the_committed_schema() -> None:
    consult = Path(__import__("sys").executable).parent / "consult"
    out = subprocess.run([str(consult), "schema"], capture_output=True, timeout=60, check=True).stdout
    assert out == (REPO / "schema/campaign.schema.json").read_bytes()
