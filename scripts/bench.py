"""coursebook's benchmark: each figure as a ratio against its baseline, in one run.

    python scripts/bench.py --size small   # seconds; `make test` runs this
    python scripts/bench.py --size full    # the documented run (many minutes)

It generates synthetic curricula in the real format (scripts/benchgen.py) and
measures, on this machine, in one run:

1. assembly overhead: `coursebook build --no-pdf` against plain `mkdocs build`
   of the docs tree that build generated;
2. the PDF pipeline (one job) against raw WeasyPrint rendering the same HTML with
   the same CSS in one process, and all cores against one job;
3. a rebuild with nothing changed against the cold build;
4. a rebuild after editing one module against the cold build, with the pages and
   PDFs it rewrote;
5. scaling: seconds per module from the smallest to the largest curriculum, and
   seconds per variant from the fewest to the most variants;
6. peak memory of rendering the longest manual.

It prints a table and writes JSON (`--json`). Timings are wall-clock seconds of
whole commands in fresh processes, as a user would see them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from benchgen import generate, generate_long_manual  # noqa: E402

from coursebook.layout import CACHE_DIR  # noqa: E402

PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Runs a command and prints the peak resident memory (KiB) of it and its workers."""

SIZES = {
    "small": {"modules": [4, 8], "variants": [1, 2], "pdf_modules": 8, "long_modules": 8},
    "full": {
        "modules": [40, 200, 500],
        "variants": [2, 10],
        "pdf_modules": 24,
        "long_modules": 700,
    },
}


@dataclass
class Figure:
    """One measured ratio, its goal, and whether the goal was met."""

    name: str
    value: float
    unit: str
    goal: str
    met: bool | None
    detail: str = ""


@dataclass
class Report:
    size: str
    machine: dict[str, str]
    figures: list[Figure] = field(default_factory=list)
    raw: dict[str, object] = field(default_factory=dict)


def run(*args: str | Path, env: dict[str, str] | None = None) -> float:
    """Seconds a command takes; it must succeed."""
    start = time.perf_counter()
    completed = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true", **(env or {})},
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(
            f"benchmark command failed: {' '.join(map(str, args))}\n{completed.stderr[-3000:]}"
        )
    return elapsed


def coursebook(*args: str | Path) -> float:
    return run(sys.executable, "-m", "coursebook", *args)


def file_times(folder: Path, pattern: str = "*") -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob(pattern)
        if p.is_file()
    }


def file_digests(folder: Path, pattern: str = "*") -> dict[str, str]:
    """Each file's SHA-256: a PDF copied from the cache keeps its digest, a re-render not."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob(pattern)
        if p.is_file()
    }


def changed(before: dict[str, Any], after: dict[str, Any]) -> int:
    return sum(1 for name, stamp in after.items() if before.get(name) != stamp)


def edit_one_module(root: Path) -> None:
    module = sorted((root / "curriculum" / "modules").glob("*.md"))[0]
    module.write_text(
        module.read_text(encoding="utf-8") + "\nOne more line for the benchmark.\n",
        encoding="utf-8",
    )


def site_figures(report: Report, work: Path, modules: list[int], variants: list[int]) -> None:
    """Figures 1, 3, 4 and 5: the site build at several sizes."""
    per_module: dict[int, float] = {}
    for count in modules:
        root = generate(work / f"m{count}", count, 2)
        cold = coursebook("build", "--no-pdf", root)
        mkdocs = run(
            sys.executable, "-m", "mkdocs", "build", "-q", "-f", root / "build" / "mkdocs.yml",
            "-d", work / f"plain-{count}",
        )
        docs_before = file_times(root / "build" / "docs")
        warm = coursebook("build", "--no-pdf", root)
        docs_warm = file_times(root / "build" / "docs")
        edit_one_module(root)
        edited = coursebook("build", "--no-pdf", root)
        docs_after = file_times(root / "build" / "docs")
        per_module[count] = cold / count
        report.raw[f"site_{count}_modules"] = {
            "cold_s": cold, "mkdocs_s": mkdocs, "nochange_s": warm, "edit_s": edited,
            "docs_files": len(docs_after), "rewritten_nochange": changed(docs_before, docs_warm),
            "rewritten_after_edit": changed(docs_warm, docs_after),
        }
        report.figures.append(Figure(
            f"1. build --no-pdf / mkdocs build ({count} modules, 2 variants)",
            cold / mkdocs, "x", "<= 1.10", cold / mkdocs <= 1.10,
            f"{cold:.1f} s vs {mkdocs:.1f} s",
        ))
        report.figures.append(Figure(
            f"3. no-change rebuild / cold build ({count} modules)",
            warm / cold, "x", "<= 0.05", warm / cold <= 0.05,
            f"{warm:.1f} s vs {cold:.1f} s; {changed(docs_before, docs_warm)} docs files rewritten",
        ))
        report.figures.append(Figure(
            f"4. one-module edit rebuild / cold build ({count} modules)",
            edited / cold, "x", "only affected pages redone",
            None,
            f"{edited:.1f} s; {changed(docs_warm, docs_after)} of {len(docs_after)} docs files "
            "rewritten",
        ))
    smallest, largest = min(modules), max(modules)
    growth = per_module[largest] / per_module[smallest]
    report.figures.append(Figure(
        f"5. seconds per module, {largest} vs {smallest} modules",
        growth, "x", "about 1 (linear)", growth <= 1.5,
        f"{per_module[smallest]:.3f} s vs {per_module[largest]:.3f} s per module",
    ))
    per_variant: dict[int, float] = {}
    base = min(modules)
    for count in variants:
        root = generate(work / f"v{count}", base, count)
        per_variant[count] = coursebook("build", "--no-pdf", root) / count
    few, many = min(variants), max(variants)
    ratio = per_variant[many] / per_variant[few]
    report.raw["per_variant_s"] = per_variant
    report.figures.append(Figure(
        f"5. seconds per variant, {many} vs {few} variants ({base} modules)",
        ratio, "x", "<= 1 (no worse than linear)", ratio <= 1.1,
        f"{per_variant[few]:.2f} s vs {per_variant[many]:.2f} s per variant",
    ))


def pdf_figures(report: Report, work: Path, modules: int) -> None:
    """Figure 2 and the PDF half of figures 3 and 4."""
    root = generate(work / "pdf", modules, 2, sessions=max(1, modules // 8))
    out_serial, out_parallel = work / "pdf-serial", work / "pdf-parallel"
    serial = coursebook("pdf", root, "--jobs", "1", "--no-progress", "--out", out_serial)
    raw = raw_weasyprint(root, work / "raw")
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    parallel = coursebook("pdf", root, "--jobs", str(os.cpu_count() or 1), "--no-progress",
                          "--out", out_parallel)
    # The whole build (site and PDFs, all cores): cold, again, and after an edit.
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    site = root / "site"
    cold = coursebook("build", root)
    pdfs_before = file_digests(site, "*.pdf")
    nochange = coursebook("build", root)
    pdfs_warm = file_digests(site, "*.pdf")
    edit_one_module(root)
    edited = coursebook("build", root)
    pdfs_after = file_digests(site, "*.pdf")
    report.raw["pdf"] = {
        "serial_s": serial, "raw_weasyprint_s": raw, "parallel_s": parallel,
        "build_cold_s": cold, "build_nochange_s": nochange, "build_edit_s": edited,
        "pdfs": len(pdfs_after),
        "rerendered_nochange": changed(pdfs_before, pdfs_warm),
        "rerendered_after_edit": changed(pdfs_warm, pdfs_after),
    }
    report.figures.append(Figure(
        f"2. PDF pipeline (1 job) / raw WeasyPrint ({modules} modules, 2 variants)",
        serial / raw, "x", "<= 1.05", serial / raw <= 1.05, f"{serial:.1f} s vs {raw:.1f} s",
    ))
    report.figures.append(Figure(
        f"2. PDF speed-up with {os.cpu_count()} jobs over 1 job",
        serial / parallel, "x", ">= 1.8 on 2 cores", serial / parallel >= 1.8,
        f"{parallel:.1f} s vs {serial:.1f} s",
    ))
    report.figures.append(Figure(
        f"3. build with PDFs: no-change rebuild / cold build ({modules} modules)",
        nochange / cold, "x", "<= 0.05", nochange / cold <= 0.05,
        f"{nochange:.1f} s vs {cold:.1f} s; "
        f"{changed(pdfs_before, pdfs_warm)} of {len(pdfs_warm)} PDFs changed",
    ))
    report.figures.append(Figure(
        f"4. build with PDFs: one-module edit / cold build ({modules} modules)",
        edited / cold, "x", "only PDFs containing the module", None,
        f"{edited:.1f} s; {changed(pdfs_warm, pdfs_after)} of {len(pdfs_after)} PDFs "
        "re-rendered",
    ))


def raw_weasyprint(root: Path, out: Path) -> float:
    """Seconds for plain WeasyPrint to render the same HTML and CSS, in one process."""
    html_dir = out / "html"
    run(sys.executable, HERE / "bench_raw.py", "export", root, html_dir)
    return run(sys.executable, HERE / "bench_raw.py", "render", html_dir, out / "pdf")


def memory_figure(report: Report, work: Path, modules: int) -> None:
    """Figure 6: peak memory of rendering the longest manual, in a fresh process."""
    root = generate_long_manual(work / "long", modules)
    out = work / "long-out"
    start = time.perf_counter()
    measured = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "coursebook", "pdf", str(root),
         "--edition", "facilitator", "--jobs", "1", "--no-progress", "--out", str(out)],
        capture_output=True, text=True, check=True, env={**os.environ, "CI": "true"},
    )
    seconds = time.perf_counter() - start
    peak_kib = int(measured.stdout.strip().splitlines()[-1])
    pages = pdf_pages(next(out.rglob("facilitator-manual.pdf")))
    peak_mb = peak_kib / 1024
    report.raw["long_manual"] = {"modules": modules, "pages": pages, "seconds": seconds,
                                 "peak_rss_mb": peak_mb}
    goal_met = peak_mb < 1536 if pages >= 1500 else None
    report.figures.append(Figure(
        f"6. peak memory, {pages}-page manual", peak_mb, "MB",
        "< 1,536 MB for 1,500 pages", goal_met, f"{seconds:.0f} s to render",
    ))


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def machine() -> dict[str, str]:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory = meminfo.read_text().splitlines()[0].split(":", 1)[1].strip()
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
        "cores": str(os.cpu_count()),
        "memory": memory,
    }


def print_table(report: Report) -> None:
    print(f"\ncoursebook benchmark ({report.size}) on {report.machine}")
    print(f"{'figure':<66} {'value':>10}  {'goal':<30} met")
    for f in report.figures:
        met = {True: "yes", False: "NO", None: "see detail"}[f.met]
        print(f"{f.name:<66} {f.value:>8.3f} {f.unit:<2} {f.goal:<30} {met}")
        if f.detail:
            print(f"    {f.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--json", type=Path, help="Write the results here as JSON.")
    parser.add_argument("--keep", type=Path, help="Generate projects here and keep them.")
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    work = args.keep or Path(tempfile.mkdtemp(prefix="coursebook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report(args.size, machine())
    try:
        site_figures(report, work, size["modules"], size["variants"])
        pdf_figures(report, work, size["pdf_modules"])
        memory_figure(report, work, size["long_modules"])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
