"""Problems found in a curriculum, and the few exceptions coursebook raises.

A *problem* is something wrong (an error) or worth a look (a warning) in the
author's files. Problems are collected, never raised one at a time, so that an
author sees every problem in one run. Exceptions are for when a command cannot
go on at all; each carries a message written for the person at the keyboard.
"""

from __future__ import annotations

import enum
import errno
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


class Severity(enum.Enum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"

    def fails(self, strict: bool) -> bool:
        """Whether a problem of this severity makes the command exit 1."""
        return self is Severity.ERROR or strict


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line when the line is known."""

    path: str
    line: int
    severity: Severity
    message: str

    def format(self) -> str:
        """`path:line: error: message`, as compilers and linters print it."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the pull request's diff.

        The file name and message are escaped as GitHub's workflow commands require,
        so a file name with a newline or a comma in it cannot end the annotation and
        start another.
        """
        kind = "error" if self.severity is Severity.ERROR else "warning"
        properties = f"file={_escape_property(self.path)}"
        if self.line:
            properties += f",line={self.line}"
        return f"::{kind} {properties}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    """A workflow command's message: `%`, carriage return and newline escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,`, which end one."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Problems:
    """An ordered collection of problems, with the questions commands ask of it."""

    def __init__(self, items: Iterable[Problem] = ()) -> None:
        self._items: list[Problem] = []
        self._seen: set[Problem] = set()
        self.extend(items)

    def error(self, path: str, line: int, message: str) -> None:
        """Record an error."""
        self.add(Problem(path, line, Severity.ERROR, message))

    def warning(self, path: str, line: int, message: str) -> None:
        """Record a warning."""
        self.add(Problem(path, line, Severity.WARNING, message))

    def add(self, problem: Problem) -> None:
        """Record a problem once, however many variants run into it."""
        if problem not in self._seen:
            self._seen.add(problem)
            self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._items, key=_reading_order))

    def __len__(self) -> int:
        return len(self._items)

    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]

    def fail(self, strict: bool = False) -> bool:
        """Whether these problems should stop a build or fail a check."""
        return any(p.severity.fails(strict) for p in self._items)

    def summary(self) -> str:
        """A closing line such as `2 errors, 1 warning`."""
        errors, warnings = len(self.errors()), len(self.warnings())
        return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _reading_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line, problem.message)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class CoursebookError(Exception):
    """A command could not go on. The message is for the user; no traceback is shown."""


class CurriculumInvalid(CoursebookError):
    """The curriculum has errors, so nothing was built."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(f"the curriculum has problems ({problems.summary()}); nothing was built")


class ProjectNotFound(CoursebookError):
    """The folder given is not a coursebook project."""


class BuildLocked(CoursebookError):
    """Another build of the same project is running."""


class EnvironmentFailed(CoursebookError):
    """The computer would not let a command read or write a file: a full disk, a
    read-only folder, a file where a folder should be."""

    @classmethod
    def from_os_error(cls, exc: OSError) -> EnvironmentFailed:
        """The message for `exc`, naming the file and what to do about it."""
        path = exc.filename if exc.filename is not None else "a file"
        reason = (exc.strerror or str(exc)).lower()
        if exc.errno in _DISK_FULL:
            return cls(f"the disk is full, so {path} could not be written; "
                       "free some space, then try again")
        if exc.errno in _NOT_ALLOWED:
            return cls(f"coursebook is not allowed to change {path} ({reason}); check that the "
                       "project folder is not read-only and that you may write in it")
        if exc.errno in _IN_THE_WAY:
            return cls(f"{path} is in the way ({reason}): a file is where coursebook needs a "
                       "folder, or a folder where it needs a file; move it, then try again")
        return cls(f"coursebook could not use {path} ({reason}); check the disk and the "
                   "folder's permissions, then try again")


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
_NOT_ALLOWED = {errno.EROFS, errno.EACCES, errno.EPERM}
_IN_THE_WAY = {errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENOTEMPTY}
