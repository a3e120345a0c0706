"""Load a curriculum project from disk into one validated `Curriculum`.

This is the only part of the engine that reads curriculum files. Every file is
read and validated even when others are broken, so that one run reports every
problem. Cross-references between files (a course naming a module, a block
naming an audience) are checked afterwards by `coursebook.checks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coursebook.assemble.blocks import Node, parse_blocks
from coursebook.errors import Problem, ProjectNotFound, Severity
from coursebook.layout import (
    AUDIENCES_FILE,
    COURSES_DIR,
    MODULES_DIR,
    PROJECT_FILE,
    SNIPPETS_DIR,
)
from coursebook.load.validate import validate
from coursebook.load.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from coursebook.safepaths import read_bytes, unsafe_paths
from coursebook.schema import Audience, Audiences, Course, ModuleMeta, Project

MAX_LINE_CHARACTERS = 2_000
MAX_FILE_CHARACTERS = 100_000
"""Limits on one file: the longest module of the bundled curriculum has about 11,000
characters and its longest line about 600. Markdown and HTML readers slow down badly
on very long lines made to trip them, so longer ones are refused."""
_MODULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Module:
    """One module file: its front matter and its parsed body."""

    id: str
    path: str
    meta: ModuleMeta
    nodes: tuple[Node, ...]
    body_line: int
    source: str


@dataclass(frozen=True)
class Snippet:
    """A reusable piece of content from `curriculum/snippets/`."""

    name: str
    path: str
    nodes: tuple[Node, ...]
    source: str


@dataclass(frozen=True)
class CourseFile:
    """A course definition with the line of every value in its file."""

    id: str
    path: str
    course: Course
    doc: YamlDocument


class Modules:
    """Every module of a curriculum, by id."""

    def __init__(self, modules: list[Module]) -> None:
        self._by_id = {module.id: module for module in modules}

    def __contains__(self, module_id: object) -> bool:
        return module_id in self._by_id

    def __iter__(self) -> Iterator[Module]:
        return iter(sorted(self._by_id.values(), key=lambda m: m.id))

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, module_id: str) -> Module:
        return self._by_id[module_id]

    def ids(self) -> list[str]:
        return sorted(self._by_id)


@dataclass(frozen=True)
class Curriculum:
    """A whole curriculum project, loaded and validated file by file."""

    root: Path
    project: Project
    audiences: dict[str, Audience]
    audiences_doc: YamlDocument
    modules: Modules
    snippets: dict[str, Snippet]
    courses: dict[str, CourseFile]
    broken_modules: dict[str, tuple[Node, ...]] = field(default_factory=dict)

    def course(self, course_id: str) -> CourseFile:
        return self.courses[course_id]


@dataclass
class _Reader:
    root: Path
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def text(self, path: Path) -> str | None:
        """The file's text, or None (with a problem) if it cannot be read or is not UTF-8."""
        try:
            raw = read_bytes(path)
        except OSError as exc:
            self.error(self.rel(path), 0, unreadable(exc))
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.error(
                self.rel(path),
                line,
                "this file is not saved as UTF-8 text; save it again as UTF-8 "
                "(in most editors: Save As, then Encoding: UTF-8)",
            )
            return None
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        return text if self._within_limits(path, text) else None

    def _within_limits(self, path: Path, text: str) -> bool:
        """Whether `text` is small enough for every later stage to read it quickly."""
        if len(text) > MAX_FILE_CHARACTERS:
            self.error(
                self.rel(path), 0,
                f"this file has {len(text):,} characters; a file may have up to "
                f"{MAX_FILE_CHARACTERS:,}: split it into smaller modules",
            )
            return False
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE_CHARACTERS:
                self.error(
                    self.rel(path), number,
                    f"this line has {len(line):,} characters; a line may have up to "
                    f"{MAX_LINE_CHARACTERS:,}: break it into shorter lines (a paragraph can "
                    "run over several lines)",
                )
                return False
        return True

    def yaml(self, path: Path, text: str, first_line: int = 1) -> YamlDocument | None:
        try:
            return parse_yaml(text, first_line)
        except YamlSyntaxError as exc:
            self.error(self.rel(path), exc.line, exc.message)
            return None

    def error(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, Severity.ERROR, message))


def unreadable(exc: OSError, what: str = "file") -> str:
    """The message for a file or folder the operating system will not let coursebook read."""
    reason = (exc.strerror or str(exc)).lower()
    return (
        f"coursebook cannot read this {what} ({reason}); check that it is an ordinary {what} "
        "and that you are allowed to read it (for example with: ls -l), then try again"
    )


def find_project(start: Path) -> Path:
    """The project folder: `start` itself, which must hold `curriculum/curriculum.yml`."""
    root = start.resolve()
    if not (root / PROJECT_FILE).is_file():
        raise ProjectNotFound(
            f"{start} is not a coursebook project: it has no {PROJECT_FILE}. "
            "Run this command in your project folder, or create one with: coursebook init FOLDER"
        )
    return root


def load(root: Path) -> tuple[Curriculum | None, list[Problem]]:
    """Read and validate every file of the project at `root`.

    Returns the curriculum (None if a file everything depends on is broken) and
    every problem found while reading. A project with a symbolic link in its own
    trees is not read at all: the link is all that is reported.
    """
    unsafe = unsafe_paths(root)
    if unsafe:
        return None, unsafe
    reader = _Reader(root)
    project = _load_model(reader, root / PROJECT_FILE, Project)
    audiences_doc, audiences = _load_audiences(reader)
    modules, broken = _load_modules(reader)
    snippets = _load_snippets(reader)
    courses = _load_courses(reader)
    if project is None or audiences is None or audiences_doc is None:
        return None, reader.problems
    curriculum = Curriculum(
        root=root,
        project=project,
        audiences=dict(audiences.audiences),
        audiences_doc=audiences_doc,
        modules=Modules(modules),
        snippets=snippets,
        courses=courses,
        broken_modules=broken,
    )
    return curriculum, reader.problems


def _load_model(reader: _Reader, path: Path, model: type[Project]) -> Project | None:
    rel = reader.rel(path)
    if not path.is_file():
        reader.error(rel, 0, f"{rel} is missing; every project needs one")
        return None
    text = reader.text(path)
    doc = reader.yaml(path, text) if text is not None else None
    if doc is None:
        return None
    value, problems = validate(model, doc, rel)
    reader.problems.extend(problems)
    return value


def _load_audiences(reader: _Reader) -> tuple[YamlDocument | None, Audiences | None]:
    path = reader.root / AUDIENCES_FILE
    if not path.is_file():
        reader.error(AUDIENCES_FILE, 0, f"{AUDIENCES_FILE} is missing; every project needs one")
        return None, None
    text = reader.text(path)
    doc = reader.yaml(path, text) if text is not None else None
    if doc is None:
        return None, None
    value, problems = validate(Audiences, doc, AUDIENCES_FILE)
    reader.problems.extend(problems)
    return doc, value


def _sorted_files(reader: _Reader, folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        return sorted(p for p in folder.iterdir() if _is_plain_file(p) and p.suffix in suffixes)
    except OSError as exc:
        reader.error(reader.rel(folder), 0, unreadable(exc, "folder"))
        return []


def _is_plain_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _file_id(reader: _Reader, path: Path) -> str | None:
    if _MODULE_ID.match(path.stem):
        return path.stem
    reader.error(
        reader.rel(path),
        0,
        f'the file name "{path.name}" cannot be used as an id; rename it using lower-case '
        "letters, digits and hyphens, such as action-planning" + path.suffix,
    )
    return None


def _load_modules(reader: _Reader) -> tuple[list[Module], dict[str, tuple[Node, ...]]]:
    """Modules that loaded, and the blocks of those whose front matter is broken."""
    modules: list[Module] = []
    broken: dict[str, tuple[Node, ...]] = {}
    for path in _sorted_files(reader, reader.root / MODULES_DIR, (".md",)):
        module_id = _file_id(reader, path)
        if module_id is None:
            continue
        module = _load_module(reader, path, module_id, broken)
        if module is not None:
            modules.append(module)
    return modules, broken


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, body's first line) or None when there is no front matter.

    Front matter is YAML between a first line of `---` and the next `---` line.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def _load_module(
    reader: _Reader, path: Path, module_id: str, broken: dict[str, tuple[Node, ...]]
) -> Module | None:
    rel = reader.rel(path)
    text = reader.text(path)
    broken[module_id] = ()
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        reader.error(
            rel,
            1,
            "the module has no front matter; start the file with a line of ---, "
            "then title, summary and the other fields, then another line of ---",
        )
        return None
    front, body, body_line = parts
    doc = reader.yaml(path, front, first_line=2)
    nodes, block_problems = parse_blocks(body, rel, body_line)
    reader.problems.extend(block_problems)
    broken[module_id] = nodes
    if not body.strip():
        reader.error(
            rel,
            body_line - 1,
            "the module has no content after its front matter; write the module's text "
            "below the second --- line",
        )
    if doc is None:
        return None
    meta, problems = validate(ModuleMeta, doc, rel)
    reader.problems.extend(problems)
    if meta is None:
        return None
    del broken[module_id]
    return Module(module_id, rel, meta, nodes, body_line, text)


def _load_snippets(reader: _Reader) -> dict[str, Snippet]:
    snippets: dict[str, Snippet] = {}
    for path in _sorted_files(reader, reader.root / SNIPPETS_DIR, (".md",)):
        name = _file_id(reader, path)
        text = reader.text(path) if name else None
        if name is None or text is None:
            continue
        rel = reader.rel(path)
        nodes, problems = parse_blocks(text, rel)
        reader.problems.extend(problems)
        snippets[name] = Snippet(name, rel, nodes, text)
    return snippets


def _load_courses(reader: _Reader) -> dict[str, CourseFile]:
    courses: dict[str, CourseFile] = {}
    paths: dict[str, str] = {}
    for path in _sorted_files(reader, reader.root / COURSES_DIR, (".yml", ".yaml")):
        course_id = _file_id(reader, path)
        if course_id is None:
            continue
        rel = reader.rel(path)
        if course_id in paths:
            reader.error(
                rel,
                0,
                f'{paths[course_id]} and {rel} are both the course "{course_id}"; '
                "a course has one file, so delete one of them or rename it",
            )
            continue
        paths[course_id] = rel
        text = reader.text(path)
        doc = reader.yaml(path, text) if text is not None else None
        if doc is None:
            continue
        course, problems = validate(Course, doc, rel)
        reader.problems.extend(problems)
        if course is not None:
            courses[course_id] = CourseFile(course_id, rel, course, doc)
    return courses
