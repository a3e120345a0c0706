"""The GitHub workflows and pre-commit hooks are valid and call only what the project has."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from coursebook.cli import cli
from coursebook.load.project import load as load_project
from coursebook.pipeline import variant_refs
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
HOOKS = [REPO / ".pre-commit-config.yaml", REPO / ".pre-commit-hooks.yaml"]
_COURSEBOOK = re.compile(r"(?:^|[\s;&|(])(coursebook\s[^;&|\n]*)")
_MAKE = re.compile(r"(?:^|[\s;&|(])make\s+([A-Za-z0-9_.-]+)")
_TARGET = re.compile(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", re.MULTILINE)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def scripts(workflow: dict[str, Any]) -> list[str]:
    """Every `run:` script, with backslash-continued lines joined."""
    found = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step:
                found.append(re.sub(r"\\\n\s*", " ", step["run"]))
    return found


def assert_valid_command(line: str) -> None:
    """`coursebook SUB ARGS` names a real subcommand whose options accept ARGS."""
    words = shlex.split(line)
    assert words[0] == "coursebook"
    command = cli.get_command(click.Context(cli), words[1])
    assert command is not None, f"coursebook has no command {words[1]!r} ({line})"
    try:
        command.make_context(words[1], words[2:])
    except click.UsageError as exc:
        pytest.fail(f"{line}: {exc}")


def test_there_are_workflows_for_pull_requests_and_main() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"pull-request.yml", "publish.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_and_calls_only_real_commands(path: Path) -> None:
    workflow = load(path)
    assert workflow["name"]
    assert workflow.get("on", workflow.get(True)), "a workflow needs triggers under on:"
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.match(r"^[\w.-]+/[\w.-]+@v\d+$", step["uses"]), step["uses"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(_TARGET.findall(makefile))
    for script in scripts(workflow):
        for line in _COURSEBOOK.findall(script):
            assert_valid_command(line.split(">")[0].strip())
        for target in _MAKE.findall(script):
            assert target in targets, f"the Makefile has no target {target!r}"


def test_pull_request_workflow_reports_and_builds() -> None:
    workflow = load(REPO / ".github/workflows/pull-request.yml")
    assert "pull_request" in workflow.get("on", workflow.get(True))
    text = "\n".join(scripts(workflow))
    assert "coursebook check --format github" in text
    assert 'coursebook diff "$BASE" . --format markdown' in text
    assert "coursebook report . --format markdown" in text
    assert '>> "$GITHUB_STEP_SUMMARY"' in text
    assert "coursebook build ." in text
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert not any(u.startswith("actions/github-script@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_leaves_no_credentials_behind(path: Path) -> None:
    """A stored token in .git/config is one a build step (or a symlink) could publish."""
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, step


def test_pull_request_code_runs_with_a_read_only_token() -> None:
    workflow = load(REPO / ".github/workflows/pull-request.yml")
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "write" not in str(job.get("permissions", {})), job


def test_the_comment_is_posted_without_checking_out_or_running_the_pull_request() -> None:
    pull_request = load(REPO / ".github/workflows/pull-request.yml")
    comment = load(REPO / ".github/workflows/pull-request-comment.yml")
    trigger = comment.get("on", comment.get(True))
    assert list(trigger) == ["workflow_run"]
    assert trigger["workflow_run"]["workflows"] == [pull_request["name"]]
    assert comment["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [step.get("uses", "") for step in steps(comment)]
    assert [u.split("@")[0] for u in uses] == ["actions/download-artifact", "actions/github-script"]
    assert not any("run" in step for step in steps(comment))
    downloaded = _step(comment["jobs"]["comment"], "actions/download-artifact@")["with"]
    uploaded = [
        step["with"] for step in steps(pull_request)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert downloaded["name"] in [u["name"] for u in uploaded]
    assert downloaded["run-id"] == "${{ github.event.workflow_run.id }}"
    script = _step(comment["jobs"]["comment"], "actions/github-script@")["with"]["script"]
    assert "pull.head.sha !== context.payload.workflow_run.head_sha" in script
    assert "${{" not in script, "the script must not have workflow expressions pasted into it"


def test_publish_workflow_deploys_pages_from_main() -> None:
    workflow = load(REPO / ".github/workflows/publish.yml")
    assert workflow.get("on", workflow.get(True))["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_sharded_publish_builds_every_variant_once_and_joins_their_pdfs() -> None:
    workflow = load(REPO / ".github/workflows/publish-sharded.yml")
    curriculum, problems = load_project(REPO)
    assert curriculum is not None, problems
    matrix = workflow["jobs"]["pdfs"]["strategy"]["matrix"]["only"]
    assert sorted(matrix) == sorted(str(ref) for ref in variant_refs(curriculum))
    pdfs, site = workflow["jobs"]["pdfs"], workflow["jobs"]["site"]
    shard_scripts = "\n".join(scripts({"jobs": {"pdfs": pdfs}}))
    assert 'coursebook build . --only "${{ matrix.only }}"' in shard_scripts
    uploaded = _step(pdfs, "actions/upload-artifact@")
    downloaded = _step(site, "actions/download-artifact@")
    assert uploaded["with"]["path"] == ".coursebook-cache/pdf/*.pdf"
    assert uploaded["with"]["include-hidden-files"] is True
    assert downloaded["with"]["path"] == ".coursebook-cache/pdf"
    assert downloaded["with"]["merge-multiple"] is True
    assert site["needs"] == "pdfs"


def _step(job: dict[str, Any], uses: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("uses", "").startswith(uses))


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_pre_commit_hooks_run_coursebook_check(path: Path) -> None:
    data = load(path)
    hooks = data["repos"][0]["hooks"] if isinstance(data, dict) else data
    for hook in hooks:
        assert_valid_command(" ".join([hook["entry"], *hook.get("args", [])]))
        assert hook["pass_filenames"] is False
        assert re.match(hook["files"], "curriculum/modules/welcome.md")
