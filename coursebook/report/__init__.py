"""The curriculum report: timings, reading ages, words to avoid and reviews, per variant.

`coursebook report` prints it (terminal, Markdown or HTML); the site includes
it as a "Curriculum report" page through `site_page`.
"""

from __future__ import annotations

from coursebook.assemble.assembled import Assembled
from coursebook.errors import Problems
from coursebook.markdown import markdown_to_html
from coursebook.pipeline import today
from coursebook.report.markdown import Links, render_markdown, site_page_markdown
from coursebook.report.model import Report, build_report
from coursebook.report.text import render_text

SITE_PAGE = "report.md"


def site_page(assembled: Assembled, problems: Problems, links: Links | None = None) -> str:
    """The Markdown of the site's "Curriculum report" page, with inline SVG charts.

    With `links`, each variant, session and module in the tables links to its page.
    """
    return site_page_markdown(build_report(assembled, problems, today()), links)


def render_html(report: Report) -> str:
    """The report as an HTML fragment (a `<section>`), charts included."""
    body = markdown_to_html(site_page_markdown(report))
    return f'<section class="cb-report">\n{body}\n</section>\n'


__all__ = [
    "SITE_PAGE",
    "Links",
    "Report",
    "build_report",
    "render_html",
    "render_markdown",
    "render_text",
    "site_page",
]
