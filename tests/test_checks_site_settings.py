"""`check` refuses settings in `mkdocs.yml` that would run code during the build."""

from __future__ import annotations

import pytest

from coursebook.checks.site_settings import EXTENSIONS, PLUGINS, check_site_settings
from tests.conftest import REPO, check_lines, run_cli

RUNS = "so a change to mkdocs.yml could run a program on the machine that builds the site"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("hooks:\n  - hooks.py\n", f'"hooks:" runs Python files during the build, {RUNS}'),
        ("INHERIT: ../../base.yml\n",
         '"INHERIT:" reads settings from another file, which may be outside the project, '
         + RUNS),
        ("extra_javascript:\n  - media/x.js\n",
         f'"extra_javascript:" puts a script on every page of the site, {RUNS}'),
        ("extra_templates:\n  - x.html\n",
         f'"extra_templates:" adds templates that run during the build, {RUNS}'),
    ],
    ids=["hooks", "INHERIT", "extra_javascript", "extra_templates"],
)
def test_a_setting_that_runs_code_is_refused_at_its_line(project, setting, message):
    root = project({"mkdocs.yml": "theme:\n  name: material\n" + setting})
    assert check_lines(root) == [f"mkdocs.yml:3: error: {message}; remove it"]


def test_a_plugin_not_in_the_list_is_refused(project):
    root = project({"mkdocs.yml": "plugins:\n  - search\n  - material/offline\n  - macros:\n"
                                  "      module_name: overrides/main\n"})
    assert check_lines(root) == [
        'mkdocs.yml:4: error: the plugin "macros" is not one coursebook allows, because '
        "plugins run code during the build; use only search, offline, privacy, tags, or "
        "remove it"
    ]


def test_a_markdown_extension_not_in_the_list_is_refused(project):
    root = project({"mkdocs.yml": "markdown_extensions:\n  toc:\n    permalink: true\n"
                                  "  pymdownx.snippets:\n    base_path: /\n"})
    assert check_lines(root) == [
        'mkdocs.yml:4: error: the Markdown extension "pymdownx.snippets" is not one '
        "coursebook allows, because extensions run code, and some read files during the "
        f"build; use only {', '.join(EXTENSIONS)}, or remove it"
    ]


def test_settings_that_are_not_yaml_are_reported_by_check(project):
    root = project({"mkdocs.yml": "theme:\n  name: !!python/name:os.system\n"})
    lines = check_lines(root)
    assert len(lines) == 1 and lines[0].startswith("mkdocs.yml:2: error: this is not valid YAML")


def test_the_bundled_settings_pass():
    assert list(check_site_settings(REPO)) == []
    assert PLUGINS == ("search", "offline", "privacy", "tags")


def test_build_refuses_hooks_before_running_mkdocs(project):
    root = project({"mkdocs.yml": "hooks:\n  - hook.py\n",
                    "hook.py": "open('ran', 'w').write('ran')\n"})
    result = run_cli("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    message = f'mkdocs.yml:1: error: "hooks:" runs Python files during the build, {RUNS}'
    assert f"{message}; remove it" in result.stdout.splitlines()
    assert not (root / "ran").exists() and not (root / "build" / "ran").exists()
