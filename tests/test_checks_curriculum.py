"""The bundled curriculum passes every check, warnings included."""

from __future__ import annotations

from tests.conftest import REPO, run_cli


def test_bundled_curriculum_passes_strict_check() -> None:
    result = run_cli("check", "--strict", str(REPO))
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
