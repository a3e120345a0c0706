"""The PDF benchmark's baseline: plain WeasyPrint on the same HTML and CSS.

    python scripts/bench_raw.py export PROJECT HTML_DIR   # what coursebook would render
    python scripts/bench_raw.py render HTML_DIR PDF_DIR   # WeasyPrint alone, one process

`export` writes, for every PDF coursebook plans, the exact HTML it lays out, with
its base URL and style sheets in `index.json`. `render` then lays each out with
WeasyPrint's own defaults (default URL fetcher, no cache, no checks, no chunking,
no process pool), which is the cost coursebook's pipeline is measured against.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from weasyprint import CSS, HTML

from coursebook.layout import MODULES_DIR
from coursebook.pdf.documents import plan_documents
from coursebook.pdf.glyphs import covered
from coursebook.pdf.render import PDF_VARIANT, whole_html
from coursebook.pdf.theme import find_theme
from coursebook.pdf.views import make_view
from coursebook.pipeline import load_and_check


def export(project: Path, html_dir: Path) -> None:
    assembled, problems = load_and_check(project)
    if assembled is None or problems.fail():
        raise SystemExit("the benchmark project has errors")
    root = assembled.curriculum.root
    theme = find_theme(root)
    fonts = covered(tuple(theme.fonts()))
    html_dir.mkdir(parents=True, exist_ok=True)
    index = []
    for number, document in enumerate(plan_documents(assembled.editions)):
        view = make_view(document, assembled.curriculum.project, fonts)
        name = f"{number:04d}.html"
        (html_dir / name).write_text(whole_html(theme, view), encoding="utf-8")
        index.append(
            {
                "html": name,
                "base_url": (root / MODULES_DIR).as_uri() + "/",
                "stylesheets": [str(p) for p in theme.stylesheets(view.meta.large_print)],
            }
        )
    (html_dir / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")


def render(html_dir: Path, pdf_dir: Path) -> None:
    pdf_dir.mkdir(parents=True, exist_ok=True)
    for item in json.loads((html_dir / "index.json").read_text(encoding="utf-8")):
        html = (html_dir / item["html"]).read_text(encoding="utf-8")
        stylesheets = [CSS(filename=path) for path in item["stylesheets"]]
        HTML(string=html, base_url=item["base_url"]).write_pdf(
            pdf_dir / item["html"].replace(".html", ".pdf"),
            stylesheets=stylesheets,
            pdf_variant=PDF_VARIANT,
        )


if __name__ == "__main__":
    command, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    {"export": export, "render": render}[command](source, target)
