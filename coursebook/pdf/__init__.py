"""Print: facilitator manuals, participant workbooks, large print and handouts as PDFs.

The site build and `coursebook pdf` call `render_pdfs`; see `writer.py` for
the recipe and the other modules for each step.
"""

from __future__ import annotations

from coursebook.pdf.writer import PdfInfo, render_pdfs

__all__ = ["PdfInfo", "render_pdfs"]
