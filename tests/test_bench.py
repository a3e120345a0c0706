"""The benchmark harness works end to end on a tiny curriculum (timings are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_bench_small_runs_and_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--size", "small", "--json", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    numbers = {figure["name"].split(".", 1)[0] for figure in report["figures"]}
    assert numbers == {"1", "2", "3", "4", "5", "6"}
    assert all(figure["value"] > 0 for figure in report["figures"])
    pdf = report["raw"]["pdf"]
    assert pdf["pdfs"] > 0
    # What the incremental builds did (counts, not timings).
    assert pdf["rerendered_nochange"] == 0
    assert 0 < pdf["rerendered_after_edit"] < pdf["pdfs"]
    for site in (v for k, v in report["raw"].items() if k.startswith("site_")):
        assert site["rewritten_nochange"] == 0
        assert 0 < site["rewritten_after_edit"] < site["docs_files"]
    assert report["raw"]["long_manual"]["pages"] > 0
    assert "coursebook benchmark (small)" in completed.stdout
