"""Why a PDF could not be made, in words for the person who has to fix it."""

from __future__ import annotations

from coursebook.errors import CoursebookError


class PdfError(CoursebookError):
    """A PDF could not be made; nothing was written for it."""


class UnsafeResource(PdfError):
    """Module content asked for a file outside the project, or for something online."""


class MissingResource(PdfError):
    """A picture or stylesheet the PDF needs does not exist."""


class MissingGlyph(PdfError):
    """Text uses a character the print fonts cannot draw."""


class RenderFailed(PdfError):
    """WeasyPrint reported a problem while laying out a PDF."""


class IncompletePdf(PdfError):
    """A finished PDF is missing pages, headings or bookmarks it should have."""
