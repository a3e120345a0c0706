"""`Changes` in plain English (terminal) and in Markdown (a pull-request comment)."""

from __future__ import annotations

from coursebook.assemble.assemble import Edition
from coursebook.report.diff import Changes, ReadingChange, Status, TimingChange, VariantChange

MARKER = "<!-- coursebook-diff -->"
REVIEW = (
    "These files run code when the site and PDFs are built, so a maintainer must review "
    "the change before it is merged:"
)
_EDITION = {Edition.FACILITATOR: "Facilitator edition", Edition.PARTICIPANT: "Participant edition"}


def changes_text(changes: Changes) -> str:
    """What changes, in sentences and indented lists."""
    lines = [_headline(changes)]
    if changes.code_files:
        lines += ["", REVIEW]
        lines += [f"  {_plain(name)}" for name in changes.code_files]
    for variant in changes.variants:
        lines += ["", f"{variant.title} ({variant.ref}): {_variant_status(variant)}"]
        lines += [f"  {item}" for item in _variant_items(variant)]
    if changes.pdfs:
        lines += ["", "PDFs that will change:"]
        lines += [f"  {pdf.path} ({pdf.status.value})" for pdf in changes.pdfs]
    return "\n".join(lines) + "\n"


def changes_markdown(changes: Changes) -> str:
    """What changes, for a pull-request comment or a job summary."""
    lines = [MARKER, "## What this change does to the curriculum", "", _headline(changes)]
    if changes.code_files:
        lines += ["", "### Needs a maintainer's review", "", REVIEW, ""]
        lines += [f"- `{_plain(name).replace('`', chr(39))}`" for name in changes.code_files]
    for variant in changes.variants:
        lines += [
            "",
            f"### {_escape(variant.title)} (`{variant.ref}`): {_variant_status(variant)}",
            "",
        ]
        lines += [f"- {item}" for item in _variant_items(variant)]
    if changes.pdfs:
        lines += ["", "### PDFs that will change", ""]
        lines += [f"- `{pdf.path}` ({pdf.status.value})" for pdf in changes.pdfs]
    return "\n".join(lines) + "\n"


def _headline(changes: Changes) -> str:
    if not changes:
        return f"Compared with {changes.base}: no course, variant, page or PDF changes."
    courses = ", ".join(f"{course} ({status.value})" for course, status in changes.courses)
    return (
        f"Compared with {changes.base}: {_count(len(changes.variants), 'variant')}, "
        f"{_count(len(changes.pages), 'page')} and {_count(len(changes.pdfs), 'PDF')} change "
        f"(courses: {courses})."
    )


def _variant_status(variant: VariantChange) -> str:
    if variant.status is Status.ADDED:
        return "new variant"
    if variant.status is Status.REMOVED:
        return "variant removed"
    return "changed"


def _variant_items(variant: VariantChange) -> list[str]:
    if variant.status is not Status.CHANGED:
        return [
            f"{_EDITION[edition.edition]}: {_count(len(edition.pages), 'page')}"
            for edition in variant.editions
        ]
    items = []
    for edition in variant.editions:
        parts = []
        for status in Status:
            titles = [f"{p.title} ({p.module})" for p in edition.pages if p.status is status]
            if titles:
                parts.append(f"{status.value} pages: {', '.join(titles)}")
        if edition.sessions_changed:
            parts.append("sessions changed")
        items.append(f"{_EDITION[edition.edition]}: {'; '.join(parts)}")
    items += [_timing(t) for t in variant.timings]
    items += [_reading(r) for r in variant.readings]
    return items


def _timing(timing: TimingChange) -> str:
    planned_before, planned_after = timing.planned
    length_before, length_after = timing.length
    if planned_before is None or length_before is None:
        return (
            f'session {timing.number} "{timing.title}" is new: {planned_after} of '
            f"{length_after} minutes planned"
        )
    if planned_after is None or length_after is None:
        return f'session {timing.number} "{timing.title}" is removed'
    return (
        f'session {timing.number} "{timing.title}": {_moved(planned_before, planned_after)} '
        f"minutes planned, {_moved(length_before, length_after)} minutes long"
    )


def _reading(reading: ReadingChange) -> str:
    before = "too short to measure" if reading.before is None else f"{reading.before:.1f}"
    after = "too short to measure" if reading.after is None else f"{reading.after:.1f}"
    above = reading.after is not None and reading.after > reading.target
    over = " (above the target)" if above else ""
    return f'reading age of "{reading.title}": {before} → {after}, target {reading.target}{over}'


def _moved(before: int, after: int) -> str:
    return f"{before}" if before == after else f"{before} → {after}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _plain(name: str) -> str:
    """A file name with no control characters (a newline could forge a line of the report)."""
    return "".join(char if char.isprintable() else "?" for char in name)


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")
