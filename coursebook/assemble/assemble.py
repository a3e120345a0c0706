"""Assemble a course variant's edition from module sources: a pure function.

`assemble_edition` takes a loaded curriculum, a course, a variant and an edition,
and returns the Markdown of every module page as that edition shows it, plus the
sessions with their timed activities, breaks and handouts. It reads no files and
knows nothing of MkDocs or WeasyPrint: the site and PDF writers are adapters
around its result.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from coursebook.assemble.blocks import Block, Kind, Line, Node, SnippetRef
from coursebook.assemble.plain import finish_tags, plain, plain_meta
from coursebook.assemble.terms import substitute, uses
from coursebook.errors import Problem, Severity
from coursebook.load.project import Curriculum, Module
from coursebook.schema import Audience, BreakItem, ModuleMeta, Session, Variant, slugify

INDENT = "    "
MAX_SNIPPET_DEPTH = 5
"""How many snippets may be included inside one another."""
MAX_SNIPPET_INCLUDES = 200
"""How many snippets one page may include in all, so that repeated includes cannot
fan out without bound (25 includes of a snippet that includes another 25 times...)."""


class Edition(enum.Enum):
    """Who a copy of the course is for."""

    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"

    def shows(self, kind: Kind) -> bool:
        """Whether a block of `kind` appears in this edition."""
        if kind in (Kind.FACILITATOR, Kind.RISK):
            return self is Edition.FACILITATOR
        if kind is Kind.PARTICIPANT:
            return self is Edition.PARTICIPANT
        return True

    @property
    def label(self) -> str:
        return "Facilitator edition" if self is Edition.FACILITATOR else "Participant edition"


@dataclass(frozen=True)
class OutLine:
    """A line of assembled Markdown and the source line it came from."""

    text: str
    path: str
    number: int


def join_lines(lines: tuple[OutLine, ...]) -> str:
    """Markdown text from assembled lines, with runs of blank lines made one."""
    text: list[str] = []
    for line in lines:
        if not line.text.strip() and (not text or not text[-1].strip()):
            continue
        text.append(line.text)
    while text and not text[-1].strip():
        text.pop()
    return "\n".join(text) + "\n"


@dataclass(frozen=True)
class Activity:
    """A timed activity as run in a variant."""

    title: str
    minutes: int
    module: str
    path: str
    number: int


@dataclass(frozen=True)
class Handout:
    """A printable handout: its title and the Markdown printed on it."""

    title: str
    module: str
    path: str
    number: int
    lines: tuple[OutLine, ...]

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def markdown(self) -> str:
        return f"# {self.title}\n\n" + join_lines(self.lines)


@dataclass(frozen=True)
class Page:
    """One module as it appears in one edition of one variant."""

    module: str
    path: str
    meta: ModuleMeta
    lines: tuple[OutLine, ...]
    activities: tuple[Activity, ...]
    handouts: tuple[Handout, ...]

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def body(self) -> str:
        return join_lines(self.lines)

    @property
    def markdown(self) -> str:
        return f"# {self.title}\n\n{self.body}"

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.activities)


@dataclass(frozen=True)
class Slot:
    """One line of a session's run-sheet: an activity or a break, with its start."""

    title: str
    start: int
    minutes: int
    module: str | None

    @property
    def is_break(self) -> bool:
        return self.module is None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class AssembledSession:
    """A session of a variant: its pages in order, and its run-sheet."""

    number: int
    slug: str
    title: str
    length: int
    prepare: tuple[str, ...]
    pages: tuple[Page, ...]
    timeline: tuple[Slot, ...]

    @property
    def planned(self) -> int:
        """Minutes of activities and breaks."""
        return sum(slot.minutes for slot in self.timeline)

    @property
    def is_over(self) -> bool:
        return self.planned > self.length

    @property
    def handouts(self) -> tuple[Handout, ...]:
        return tuple(h for page in self.pages for h in page.handouts)


@dataclass(frozen=True)
class AssembledEdition:
    """Everything one edition of one variant contains."""

    course: str
    variant: str
    edition: Edition
    course_title: str
    variant_title: str
    audience: str
    sessions: tuple[AssembledSession, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.course}/{self.variant}/{self.edition.value}"

    def pages(self) -> list[Page]:
        return [page for session in self.sessions for page in session.pages]

    def handouts(self) -> list[Handout]:
        return [h for session in self.sessions for h in session.handouts]

    @property
    def minutes(self) -> int:
        return sum(session.length for session in self.sessions)


@dataclass
class _Context:
    """What selection needs to know while walking one module."""

    audience_id: str
    audience: Audience
    edition: Edition | None
    reduced: bool
    snippets: Mapping[str, tuple[Node, ...]]
    known_terms: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    included: int = 0


@dataclass
class _Selected:
    lines: list[OutLine] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    handouts: list[Handout] = field(default_factory=list)


def assemble_edition(
    curriculum: Curriculum, course_id: str, variant_id: str, edition: Edition
) -> AssembledEdition:
    """The assembled pages and sessions of one edition of one course variant."""
    course_file = curriculum.course(course_id)
    course = course_file.course
    variant = course.variants[variant_id]
    audience = curriculum.audiences[variant.audience]
    snippets = {name: snippet.nodes for name, snippet in curriculum.snippets.items()}
    known_terms = frozenset(t for a in curriculum.audiences.values() for t in a.terms)
    problems: list[Problem] = []
    sessions = []
    for number, session in enumerate(course.sessions, start=1):
        pages = []
        for item in session.items:
            if isinstance(item, BreakItem) or item in variant.drop:
                continue
            if item not in curriculum.modules:
                continue
            context = _Context(
                variant.audience, audience, edition, variant.depth == "reduced", snippets,
                known_terms,
            )
            pages.append(assemble_page(curriculum.modules.get(item), context))
            problems.extend(context.problems)
        length = _session_length(session, variant)
        sessions.append(
            AssembledSession(
                number=number,
                slug=session.slug,
                title=plain(session.title),
                length=length,
                prepare=tuple(plain(item) for item in session.prepare),
                pages=tuple(pages),
                timeline=_timeline(session, variant, pages),
            )
        )
    return AssembledEdition(
        course=course_id,
        variant=variant_id,
        edition=edition,
        course_title=plain(course.title),
        variant_title=plain(variant.title),
        audience=variant.audience,
        sessions=tuple(sessions),
        problems=tuple(problems),
    )


def _session_length(session: Session, variant: Variant) -> int:
    minutes = variant.session_minutes
    if isinstance(minutes, int):
        return minutes
    if isinstance(minutes, dict) and session.slug in minutes:
        return minutes[session.slug]
    return session.minutes


def _timeline(session: Session, variant: Variant, pages: list[Page]) -> tuple[Slot, ...]:
    by_module = {page.module: page for page in pages}
    slots: list[Slot] = []
    clock = 0
    for item in session.items:
        if isinstance(item, BreakItem):
            slots.append(Slot(item.title, clock, item.break_, None))
            clock += item.break_
            continue
        page = by_module.get(item)
        if page is None:
            continue
        for activity in page.activities:
            slots.append(Slot(activity.title, clock, activity.minutes, page.module))
            clock += activity.minutes
    return tuple(slots)


def assemble_page(module: Module, context: _Context) -> Page:
    """One module as `context` (audience, edition, depth) shows it."""
    shown = _Selected()
    _select(module.nodes, context, shown, within=())
    timed = _Selected()
    untimed = _Context(
        context.audience_id, context.audience, None, context.reduced, context.snippets,
        context.known_terms,
    )
    _select(module.nodes, untimed, timed, within=())
    activities = tuple(
        Activity(a.title, a.minutes, module.id, a.path, a.number) for a in timed.activities
    )
    handouts = tuple(
        Handout(h.title, module.id, h.path, h.number, h.lines) for h in shown.handouts
    )
    return Page(
        module.id, module.path, plain_meta(module.meta), tuple(shown.lines), activities, handouts
    )


def _select(
    nodes: tuple[Node, ...], ctx: _Context, out: _Selected, within: tuple[str, ...]
) -> None:
    """Add what `ctx` shows of `nodes` to `out`; `within` names the snippets being included."""
    for node in nodes:
        if isinstance(node, Line):
            text = _terms(node, ctx)
            if not node.in_code:
                text = finish_tags(text)
            out.lines.append(OutLine(text, node.path, node.number))
        elif isinstance(node, SnippetRef):
            _include(node, ctx, out, within)
        elif _keeps(node, ctx):
            _block(node, ctx, out, within)


def _keeps(block: Block, ctx: _Context) -> bool:
    if ctx.edition is not None and not ctx.edition.shows(block.kind):
        return False
    if block.kind is Kind.ONLY:
        return ctx.audience_id in block.audiences
    if block.kind is Kind.EXCEPT:
        return ctx.audience_id not in block.audiences
    if block.kind is Kind.OPTIONAL:
        return not ctx.reduced
    return True


def _block(block: Block, ctx: _Context, out: _Selected, within: tuple[str, ...]) -> None:
    inner = _Selected()
    _select(block.children, ctx, inner, within)
    out.activities.extend(inner.activities)
    out.handouts.extend(inner.handouts)
    if block.kind is Kind.ACTIVITY:
        out.activities.insert(
            len(out.activities) - len(inner.activities),
            Activity(
                plain(substitute(block.title or "Activity", ctx.audience.terms)),
                block.minutes, "", block.path, block.number,
            ),
        )
    if block.kind is Kind.HANDOUT:
        title = plain(substitute(block.title or "Handout", ctx.audience.terms))
        out.handouts.append(Handout(title, "", block.path, block.number, tuple(inner.lines)))
    if not block.kind.is_boxed:
        out.lines.extend(inner.lines)
        return
    out.lines.append(OutLine("", block.path, block.number))
    out.lines.append(OutLine(_admonition(block, ctx), block.path, block.number))
    out.lines.extend(
        OutLine(INDENT + line.text if line.text.strip() else "", line.path, line.number)
        for line in inner.lines
    )
    out.lines.append(OutLine("", block.path, block.number))


def _admonition(block: Block, ctx: _Context) -> str:
    """The first line of the box Material and Python-Markdown draw for a block."""
    if block.kind is Kind.ACTIVITY:
        title = f"Activity: {block.title} ({block.minutes} minutes)"
    elif block.kind is Kind.HANDOUT:
        title = f"Handout: {block.title}"
    elif block.kind is Kind.RISK:
        title = block.title or "If someone is at risk"
    else:
        title = block.title or "Facilitator notes"
    title = plain(substitute(title, ctx.audience.terms)).replace('"', "\u201d")
    return f'!!! cb-{block.kind.value} "{title}"'


def _include(ref: SnippetRef, ctx: _Context, out: _Selected, within: tuple[str, ...]) -> None:
    nodes = ctx.snippets.get(ref.name)
    if nodes is None:
        known = ", ".join(sorted(ctx.snippets)) or "none yet"
        message = (
            f'there is no snippet called "{ref.name}" in curriculum/snippets/; '
            f"check the name (snippets: {known})"
        )
    elif ref.name in within:
        message = (
            f'the snippet "{ref.name}" includes itself, directly or through other '
            "snippets; remove the loop"
        )
    elif len(within) >= MAX_SNIPPET_DEPTH:
        message = (
            f'the snippet "{ref.name}" is included here inside {MAX_SNIPPET_DEPTH} other '
            "snippets, more than coursebook allows; include it from the module instead"
        )
    elif ctx.included >= MAX_SNIPPET_INCLUDES:
        ctx.included += 1
        if ctx.included > MAX_SNIPPET_INCLUDES + 1:
            return  # said once for the page, at the first include over the limit
        message = (
            f'the snippet "{ref.name}" is included here, but this page already includes '
            f"{MAX_SNIPPET_INCLUDES} snippets (counting snippets inside snippets), more than "
            "coursebook allows; include each snippet once, and check that snippets do not "
            "include the same snippet many times"
        )
    else:
        ctx.included += 1
        _select(nodes, ctx, out, (*within, ref.name))
        return
    ctx.problems.append(Problem(ref.path, ref.number, Severity.ERROR, message))


def _terms(line: Line, ctx: _Context) -> str:
    if line.in_code or "{{" not in line.text:  # a term is always written {{ name }}
        return line.text
    for use in uses(line.text):
        if use.name in ctx.audience.terms:
            continue
        if use.name in ctx.known_terms:
            message = (
                f'the term "{use.name}" has no words for the audience "{ctx.audience_id}"; '
                f"add {use.name}: under {ctx.audience_id}'s terms in curriculum/audiences.yml"
            )
        else:
            known = ", ".join(sorted(ctx.known_terms)) or "none yet"
            message = (
                f'"{{{{ {use.name} }}}}" is not a term in curriculum/audiences.yml; '
                f"check the spelling (terms: {known})"
            )
        ctx.problems.append(Problem(line.path, line.number, Severity.ERROR, message))
    return substitute(line.text, ctx.audience.terms)
