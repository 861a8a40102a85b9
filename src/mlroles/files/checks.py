"""Checks shared by every data file mlroles reads (catalog, questionnaire,
answers): each problem names where it is and how to fix it, and all of them
are collected so one run shows everything there is to fix."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mlroles.core.axes import AXES, SCALE_MAX, SCALE_MIN, Position
from mlroles.core.sanitize import clean
from mlroles.files.data_error import DataFileError

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# field -> (kind, required); kind names a check_<kind> method of the checker.
FieldSpec = dict[str, tuple[str, bool]]


def syntax_problem(message: str, language: str = "TOML") -> str:
    """Turn a parser's message into 'line L, column C: ... syntax error: ...'."""
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    reason = re.sub(r"\s*\(at .*?\)", "", message).rstrip(".")
    if match:
        line, column = match.groups()
        return f"line {line}, column {column}: {language} syntax error: {reason}."
    return f"{language} syntax error: {reason}."


def parse_toml(text: str, source: str, error: type[DataFileError]) -> dict[str, Any]:
    import tomllib  # here, not at the top: reading the survey's errors needs no parser

    try:
        return tomllib.loads(text.removeprefix("\ufeff"))  # editors on Windows add a BOM
    except tomllib.TOMLDecodeError as exc:
        raise error(source, [syntax_problem(str(exc))]) from None
    except RecursionError:
        raise error(source, ["the file nests tables or arrays too deeply."]) from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise error(source, [f"a value cannot be read: {exc}."]) from None


def type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class TableChecker:
    """Checks TOML tables field by field and collects the problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def report(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def check_schema_version(self, doc: dict[str, Any], supported: int) -> None:
        version = doc.get("schema_version")
        if version is None:
            self.report("top level", f"missing 'schema_version'; add schema_version = {supported}.")
        elif type(version) is not int or version != supported:  # 1.0 and true are not 1
            self.report(
                "'schema_version'",
                f"{version!r} is not supported; this mlroles reads version {supported}.",
            )

    def fields(self, raw: dict[str, Any], spec: FieldSpec, where: str) -> dict[str, Any] | None:
        """Check every field of one table; None if any of them is unusable."""
        before = len(self.problems)
        self.unknown_keys(raw, tuple(spec), where)
        values: dict[str, Any] = {}
        for field, (kind, required) in spec.items():
            at = f"{where}, field '{field}'"
            if field not in raw:
                if required:
                    self.report(at, "is missing.")
                continue
            check: Callable[[str, Any], Any] = getattr(self, f"check_{kind}")
            values[field] = check(at, raw[field])
        return None if len(self.problems) > before else values

    def unknown_keys(self, raw: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in raw:
            if key not in known:
                import difflib  # only needed when something is wrong

                hint = difflib.get_close_matches(key, known, n=1)
                fix = f" Did you mean '{hint[0]}'?" if hint else f" Known: {', '.join(known)}."
                self.report(where, f"unknown field '{clean(key)}'.{fix}")

    def check_id(self, at: str, value: object) -> str | None:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.report(
                at, "must be lowercase letters, digits and single hyphens, like 'ml-engineer'."
            )
            return None
        return value

    def check_text(self, at: str, value: object) -> str | None:
        if not isinstance(value, str):
            self.report(at, f"must be a string, not {type_name(value)}.")
            return None
        text = clean(value).strip()
        if not text:
            self.report(at, "must not be empty.")
            return None
        return text

    def check_text_list(self, at: str, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.report(at, f"must be a list of strings, not {type_name(value)}.")
            return None
        items = [self.check_text(f"{at}[{i}]", item) for i, item in enumerate(value)]
        return tuple(item for item in items if item is not None)

    def check_position(self, at: str, value: object) -> Position | None:
        if not isinstance(value, dict):
            self.report(at, "must be a table with " + ", ".join(AXES) + ".")
            return None
        self.unknown_keys(value, AXES, at)
        numbers: dict[str, float] = {}
        for axis in AXES:
            number = value.get(axis)
            where = f"{at[:-1]}.{axis}'"  # field 'chart' -> field 'chart.<axis>'
            if number is None:
                self.report(where, "is missing.")
            elif isinstance(number, bool) or not isinstance(number, int | float):
                self.report(where, f"must be a number from 0 to 10, not {type_name(number)}.")
            elif not SCALE_MIN <= number <= SCALE_MAX:
                self.report(where, f"{number} is out of range; use a number from 0 to 10.")
            else:
                numbers[axis] = float(number)
        return Position(**numbers) if len(numbers) == len(AXES) else None
