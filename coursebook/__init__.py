"""coursebook: publish health and care course curricula from one Markdown source."""

__version__ = "0.1.0"
