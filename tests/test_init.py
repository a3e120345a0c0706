"""`coursebook init`: a whole new project that checks, builds and publishes as this one does."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli

GIT = ["git", "-c", "user.email=team@example.org", "-c", "user.name=Course team"]


def new_project(tmp_path: Path, template: str) -> Path:
    root = tmp_path / template
    result = run_cli("init", "--template", template, str(root))
    assert result.exit_code == 0, result.output
    subprocess.run([*GIT, "-C", str(root), "init", "-q"], check=True)
    subprocess.run([*GIT, "-C", str(root), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "-q", "-m", "Start"], check=True)
    return root


@pytest.mark.parametrize("template", ["health", "neutral"])
def test_a_new_project_passes_strict_check_and_builds_leaving_nothing_to_commit(
    tmp_path: Path, template: str
) -> None:
    root = new_project(tmp_path, template)
    for name in ("mkdocs.yml", ".gitignore", "README.md", "requirements.txt",
                 ".pre-commit-config.yaml", ".github/workflows/pull-request.yml",
                 ".github/workflows/pull-request-comment.yml", ".github/workflows/publish.yml"):
        assert (root / name).is_file(), name
    assert (root / "curriculum" / "assets").is_dir()
    check = run_cli("check", "--strict", str(root))
    assert check.exit_code == 0, check.output
    build = run_cli("build", "--no-pdf", str(root))
    assert build.exit_code == 0, build.output
    assert (root / "site" / "index.html").is_file()
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"],
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""


@pytest.mark.parametrize("template", ["health", "neutral"])
def test_a_new_projects_workflows_keep_no_credentials_and_read_only_pull_requests(
    tmp_path: Path, template: str
) -> None:
    root = tmp_path / template
    run_cli("init", "--template", template, str(root))
    workflows = root / ".github" / "workflows"
    for path in workflows.glob("*.yml"):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False, path.name
    pull_request = yaml.safe_load((workflows / "pull-request.yml").read_text(encoding="utf-8"))
    assert pull_request["permissions"] == {"contents": "read"}
    comment = yaml.safe_load((workflows / "pull-request-comment.yml").read_text("utf-8"))
    steps = [step for job in comment["jobs"].values() for step in job["steps"]]
    assert not [s for s in steps if "run" in s or "checkout" in str(s.get("uses", ""))]


def test_the_neutral_template_has_its_own_disclaimer_title(tmp_path: Path) -> None:
    root = new_project(tmp_path, "neutral")
    assert run_cli("build", "--no-pdf", str(root)).exit_code == 0
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "About this course" in home
    assert "clinical advice" not in home


def test_a_curriculum_may_have_no_disclaimer(tmp_path: Path) -> None:
    root = new_project(tmp_path, "neutral")
    settings = root / "curriculum" / "curriculum.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "disclaimer: This material supports our courses. Ask your course leader if anything "
        "is unclear.", "disclaimer: null")
    settings.write_text(text, encoding="utf-8")
    assert run_cli("build", "--no-pdf", str(root)).exit_code == 0
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "About this course" not in home
    assert 'class="admonition info"' not in home
