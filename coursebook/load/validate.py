"""Turn schema validation errors into plain-English problems with lines."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from coursebook.errors import Problem, Severity
from coursebook.load.yamlfile import YamlDocument
from coursebook.schema import SLUG_RULE

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], doc: YamlDocument, path: str, prefix: tuple[str | int, ...] = ()
) -> tuple[M | None, list[Problem]]:
    """Validate `doc.data` (at `prefix` within it) against `model`."""
    problems = [
        Problem(path, line, Severity.ERROR, f'"{key}" is written twice; keep only one of them')
        for key, line in doc.duplicates
    ]
    data = doc.data
    if not isinstance(data, dict):
        kind = "empty" if data is None else "not a list of names and values"
        problems.append(
            Problem(
                path, doc.first_line, Severity.ERROR, f"this file is {kind}; {_expected(model)}"
            )
        )
        return None, problems
    try:
        return model.model_validate(data), problems
    except ValidationError as exc:
        seen: set[tuple[int, str]] = set()
        for error in exc.errors():
            loc = _real_path(error["loc"], data)
            line = doc.line((*prefix, *loc))
            message = explain(error, loc)
            if (line, message) not in seen:
                seen.add((line, message))
                problems.append(Problem(path, line, Severity.ERROR, message))
        return None, problems


def _expected(model: type[BaseModel]) -> str:
    required = [
        f.alias or name for name, f in model.model_fields.items() if f.is_required()
    ]
    return "it needs at least: " + ", ".join(required)


def _real_path(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """The part of pydantic's location that names real keys and indexes in `data`."""
    path: list[str | int] = []
    node = data
    for step in loc:
        in_dict = isinstance(node, dict) and step in node
        if in_dict or isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and not path_is_union(step):
            path.append(step)
            node = None
        elif node is None:
            break
    return tuple(path)


def path_is_union(step: str) -> bool:
    """Pydantic puts the name of a union's member into locations; they are not keys."""
    return "[" in step or step in {"str", "int", "BreakItem", "constrained-str"}


def explain(error: Any, loc: tuple[str | int, ...]) -> str:
    """A plain-English message for one pydantic error at `loc`."""
    kind = error["type"]
    field = _field_name(loc)
    value = error.get("input")
    if kind == "missing":
        return f'"{field}" is missing; add a line "{field}: ..." here'
    if kind == "extra_forbidden":
        return f'"{field}" is not something this file can contain; check the spelling or remove it'
    if kind.startswith("date") or kind.startswith("datetime"):
        return f'"{field}" must be a date written as YYYY-MM-DD, such as 2026-03-01 (not "{value}")'
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        if pattern.startswith("^https"):
            return f'"{field}" must be a web address starting with https:// (not "{value}")'
        if "full|reduced" in pattern:
            return f'"{field}" must be full or reduced (not "{value}")'
        if "[A-Z]" in pattern:
            return f'"{field}" must be a language code such as en-GB (not "{value}")'
        if value == field:
            return f'"{value}" cannot be used as an id; use {SLUG_RULE}'
        return f'"{value}" is not a valid id for "{field}"; use {SLUG_RULE}'
    if kind in ("int_parsing", "int_type", "int_from_float"):
        written = str(value).lower() if isinstance(value, bool) else value
        return f'"{field}" must be a whole number (not "{written}")'
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(error.get("ctx", {}).values()), "")
        word = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f'"{field}" must be {word} {limit} (not {value})'
    if kind == "too_short":
        return f'"{field}" needs at least one entry'
    if kind in ("list_type", "tuple_type"):
        return f'"{field}" must be a list, with each entry on its own line starting "- "'
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f'"{field}" must be a set of names and values, each on its own indented line'
    if kind in ("string_type", "string_too_short"):
        return f'"{field}" must be some text'
    if kind == "bool_parsing" or kind == "bool_type":
        return f'"{field}" must be true or false'
    return f'"{field}": {error["msg"]}'


def _field_name(loc: tuple[str | int, ...]) -> str:
    for step in reversed(loc):
        if isinstance(step, str):
            return step
    return "this value"
