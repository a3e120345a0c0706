"""One module page for facilitators, showing what the participant workbook adds.

The site is the facilitator's tool, so it shows the facilitator edition. A
facilitator also needs to know what participants have in front of them (the
write-in spaces of `::: participant` blocks), so those lines are put back in,
folded away in a box headed "Participant workbook only".

Both editions are assembled from the same source lines, so the lines each edition
keeps are matched by their source file, line number and text; the participant
edition's extra lines are the ones it adds.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from coursebook.assemble.assemble import INDENT, OutLine, Page

PARTICIPANT_BOX = '??? cb-participant "Participant workbook only"'


def facilitator_lines(facilitator: Page, participant: Page | None) -> list[OutLine]:
    """The facilitator page's Markdown lines, with participant-only lines boxed."""
    if participant is None:
        return list(facilitator.lines)
    ours = [_key(line) for line in facilitator.lines]
    theirs = [_key(line) for line in participant.lines]
    lines: list[OutLine] = []
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, start, end, their_start, their_end in matcher.get_opcodes():
        lines.extend(facilitator.lines[start:end])
        if tag in ("insert", "replace"):
            lines.extend(boxed(list(participant.lines[their_start:their_end])))
    return lines


def boxed(lines: list[OutLine]) -> list[OutLine]:
    """Lines put in a folded box at the indent of the block they came from."""
    while lines and not lines[0].text.strip():
        lines = lines[1:]
    while lines and not lines[-1].text.strip():
        lines = lines[:-1]
    if not lines:
        return []
    indent = min(len(ln.text) - len(ln.text.lstrip(" ")) for ln in lines if ln.text.strip())
    margin = " " * indent
    first = lines[0]
    return [
        OutLine("", first.path, first.number),
        OutLine(margin + PARTICIPANT_BOX, first.path, first.number),
        *(OutLine(_inside(ln.text, margin, indent), ln.path, ln.number) for ln in lines),
        OutLine("", lines[-1].path, lines[-1].number),
    ]


def _inside(text: str, margin: str, indent: int) -> str:
    return margin + INDENT + text[indent:] if text.strip() else ""


def _key(line: OutLine) -> tuple[str, int, str]:
    return (line.path, line.number, line.text)
