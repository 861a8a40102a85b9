"""Parse and validate a role catalog file into a Catalog.

Every problem is collected and reported together, each naming the file, the
role and the field, so one run shows everything there is to fix."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlroles.catalog import Catalog, Role, Variant, normalize
from mlroles.errors import UserError
from mlroles.plaintext import clean
from mlroles.position import AXES, SCALE_MAX, SCALE_MIN, Position

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# field -> (kind, required)
ROLE_FIELDS: dict[str, tuple[str, bool]] = {
    "id": ("id", True),
    "name": ("text", True),
    "aliases": ("text_list", True),
    "summary": ("text", True),
    "function": ("text", True),
    "work_product": ("text", True),
    "tools": ("text_list", True),
    "backgrounds": ("text_list", True),
    "hiring": ("text_list", True),
    "chart": ("position", True),
    "variants": ("variants", False),
}
VARIANT_FIELDS: dict[str, tuple[str, bool]] = {
    "id": ("id", True),
    "name": ("text", True),
    "description": ("text", True),
    "search_titles": ("text_list", True),
    "chart": ("position", True),
}
TOP_FIELDS = ("schema_version", "roles")


class CatalogError(UserError):
    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(
            f"Invalid role catalog {source} ({count}):",
            *(f"  - {p}" for p in problems),
            "Fix these, then check the file with: mlroles --roles PATH check",
        )


def load_catalog(path: Path) -> Catalog:
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise UserError(
            f"Role catalog not found: {path}",
            "Check the path given with --roles or MLROLES_ROLES.",
        ) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(str(path), [f"the file is not UTF-8 text (byte {exc.start})."]) from None
    except OSError as exc:
        raise UserError(f"Cannot read role catalog {path}: {exc.strerror}.") from None
    return parse_catalog(text, str(path))


def parse_catalog(text: str, source: str) -> Catalog:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(source, [_syntax_problem(str(exc))]) from None
    return _Validator(source).catalog(document)


def _syntax_problem(message: str) -> str:
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    reason = re.sub(r"\s*\(at .*?\)", "", message).rstrip(".")
    if match:
        line, column = match.groups()
        return f"line {line}, column {column}: TOML syntax error: {reason}."
    return f"TOML syntax error: {reason}."


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def report(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def catalog(self, doc: dict[str, Any]) -> Catalog:
        self.unknown_keys(doc, TOP_FIELDS, "top level")
        version = doc.get("schema_version")
        if version is None:
            self.report(
                "top level", f"missing 'schema_version'; add schema_version = {SCHEMA_VERSION}."
            )
        elif version != SCHEMA_VERSION or isinstance(version, bool):
            self.report(
                "'schema_version'",
                f"{version!r} is not supported; this mlroles reads version {SCHEMA_VERSION}.",
            )
        raw_roles = doc.get("roles")
        roles: list[Role] = []
        if not isinstance(raw_roles, list) or not raw_roles:
            self.report("top level", "no roles; add at least one [[roles]] table.")
        else:
            for index, raw in enumerate(raw_roles):
                role = self.role(index, raw)
                if role is not None:
                    roles.append(role)
            self.check_unique(roles)
        if self.problems:
            raise CatalogError(self.source, self.problems)
        return Catalog(schema_version=SCHEMA_VERSION, roles=tuple(roles), source=self.source)

    def role(self, index: int, raw: object) -> Role | None:
        if not isinstance(raw, dict):
            self.report(f"roles[{index}]", "must be a table; write it as [[roles]].")
            return None
        raw_id = raw.get("id")
        where = f"role '{clean(raw_id)}'" if isinstance(raw_id, str) else f"roles[{index}]"
        values = self.fields(raw, ROLE_FIELDS, where)
        if values is None:
            return None
        return Role(**values)

    def variant(self, where: str, index: int, raw: object) -> Variant | None:
        if not isinstance(raw, dict):
            self.report(
                f"{where}, variants[{index}]", "must be a table; write it as [[roles.variants]]."
            )
            return None
        raw_id = raw.get("id")
        label = f"variant '{clean(raw_id)}'" if isinstance(raw_id, str) else f"variants[{index}]"
        values = self.fields(raw, VARIANT_FIELDS, f"{where}, {label}")
        return None if values is None else Variant(**values)

    def fields(
        self, raw: dict[str, Any], spec: dict[str, tuple[str, bool]], where: str
    ) -> dict[str, Any] | None:
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
            value = check(at, raw[field])
            name = "position" if field == "chart" else field
            values[name] = value
        if len(self.problems) > before:
            return None
        return values

    def unknown_keys(self, raw: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in raw:
            if key not in known:
                import difflib

                hint = difflib.get_close_matches(key, known, n=1)
                fix = (
                    f" Did you mean '{hint[0]}'?" if hint else f" Known fields: {', '.join(known)}."
                )
                self.report(where, f"unknown field '{clean(key)}'.{fix}")

    def check_id(self, at: str, value: object) -> str | None:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.report(
                at, "must be lowercase letters, digits and single hyphens, like 'ml-engineer'."
            )
            return None
        return value

    def check_text(self, at: str, value: object) -> str | None:
        if not isinstance(value, str):
            self.report(at, f"must be a string, not {_type_name(value)}.")
            return None
        text = clean(value).strip()
        if not text:
            self.report(at, "must not be empty.")
            return None
        return text

    def check_text_list(self, at: str, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.report(at, f"must be a list of strings, not {_type_name(value)}.")
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
            where = f"{at[:-1]}.{axis}'"
            if number is None:
                self.report(where, "is missing.")
            elif isinstance(number, bool) or not isinstance(number, int | float):
                self.report(where, f"must be a number from 0 to 10, not {_type_name(number)}.")
            elif not SCALE_MIN <= number <= SCALE_MAX:
                self.report(where, f"{number} is out of range; use a number from 0 to 10.")
            else:
                numbers[axis] = float(number)
        return Position(**numbers) if len(numbers) == len(AXES) else None

    def check_variants(self, at: str, value: object) -> tuple[Variant, ...] | None:
        if not isinstance(value, list):
            self.report(at, "must be a list of [[roles.variants]] tables.")
            return None
        where = at.rsplit(", field", 1)[0]
        variants = [self.variant(where, i, raw) for i, raw in enumerate(value)]
        seen: set[str] = set()
        for v in variants:
            if v is not None and v.id in seen:
                self.report(f"{where}, variant '{v.id}'", "this id is used twice in the role.")
            if v is not None:
                seen.add(v.id)
        return tuple(v for v in variants if v is not None)

    def check_unique(self, roles: list[Role]) -> None:
        """Ids, aliases and names must point at one role only, ignoring case."""
        owner: dict[str, str] = {}
        for role in roles:
            for key in role.lookup_keys():
                other = owner.setdefault(key, role.id)
                if other != role.id:
                    self.report(
                        f"role '{role.id}'",
                        f"'{key}' already names role '{other}'; ids, aliases and names "
                        "must be unique across roles (case and '-', '_', ' ' are ignored).",
                    )
            raw_keys = [normalize(a) for a in role.aliases]
            for alias in sorted({a for a in raw_keys if raw_keys.count(a) > 1}):
                self.report(f"role '{role.id}', field 'aliases'", f"'{alias}' is listed twice.")


def _type_name(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
