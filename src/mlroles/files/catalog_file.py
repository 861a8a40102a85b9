"""Parse and validate a role catalog file into a Catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mlroles.core.axes import AXES
from mlroles.core.catalog import Catalog, Role, Variant, normalize
from mlroles.core.sanitize import clean
from mlroles.files.checks import FieldSpec, TableChecker, parse_toml, type_name
from mlroles.files.data_error import DataFileError, read_data_text

SCHEMA_VERSION = 1
# An emphasis beyond two answer levels would move an item off the scale for
# most roles; larger values are more likely a typo than a belief.
MAX_EMPHASIS = 2.0

ROLE_FIELDS: FieldSpec = {
    "id": ("id", True),
    "name": ("text", True),
    "label": ("text", False),
    "aliases": ("text_list", True),
    "summary": ("text", True),
    "function": ("text", True),
    "work_product": ("text", True),
    "tools": ("text_list", True),
    "backgrounds": ("text_list", True),
    "hiring": ("text_list", True),
    "chart": ("position", True),
    "variants": ("variants", False),
    "growth": ("growth", False),
    "emphasis": ("emphasis", False),
    "titles": ("text_list", False),
    "survey_titles": ("text_list", False),
}
VARIANT_FIELDS: FieldSpec = {
    "id": ("id", True),
    "name": ("text", True),
    "description": ("text", True),
    "search_titles": ("text_list", True),
    "overlaps": ("id", False),
    "chart": ("position", True),
    "emphasis": ("emphasis", False),
    "survey_titles": ("text_list", False),
}
TOP_FIELDS = ("schema_version", "roles")


class CatalogError(DataFileError):
    what = "role catalog"
    fix = "Fix these, then check the file with: mlroles --roles PATH check"


def load_catalog(path: Path) -> Catalog:
    return parse_catalog(read_data_text(path, "Role catalog", CatalogError), str(path))


def parse_catalog(text: str, source: str) -> Catalog:
    return _CatalogChecker(source).catalog(parse_toml(text, source, CatalogError))


class _CatalogChecker(TableChecker):
    def catalog(self, doc: dict[str, Any]) -> Catalog:
        self.unknown_keys(doc, TOP_FIELDS, "top level")
        self.check_schema_version(doc, SCHEMA_VERSION)
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
            raw_ids = {
                r["id"] for r in raw_roles if isinstance(r, dict) and isinstance(r.get("id"), str)
            }
            self.check_overlaps(roles, raw_ids)
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
        values["position"] = values.pop("chart")
        values.setdefault("label", values["name"])
        return Role(**values)

    def variant(self, where: str, index: int, raw: object) -> Variant | None:
        if not isinstance(raw, dict):
            self.report(f"{where}, variants[{index}]", "must be a table; write [[roles.variants]].")
            return None
        raw_id = raw.get("id")
        label = f"variant '{clean(raw_id)}'" if isinstance(raw_id, str) else f"variants[{index}]"
        values = self.fields(raw, VARIANT_FIELDS, f"{where}, {label}")
        if values is None:
            return None
        values["position"] = values.pop("chart")
        return Variant(**values)

    def check_variants(self, at: str, value: object) -> tuple[Variant, ...] | None:
        if not isinstance(value, list):
            self.report(at, "must be a list of [[roles.variants]] tables.")
            return None
        where = at.rsplit(", field", 1)[0]
        variants = [self.variant(where, i, raw) for i, raw in enumerate(value)]
        ids = [v.id for v in variants if v is not None]
        for twice in sorted({i for i in ids if ids.count(i) > 1}):
            self.report(f"{where}, variant '{twice}'", "this id is used twice in the role.")
        return tuple(v for v in variants if v is not None)

    def check_growth(
        self, at: str, value: object
    ) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
        if not isinstance(value, dict):
            self.report(at, "must be a table of axis = [steps], like [roles.growth].")
            return None
        self.unknown_keys(value, AXES, at)
        growth = []
        for axis in AXES:
            if axis in value:
                steps = self.check_text_list(f"{at[:-1]}.{axis}'", value[axis])
                growth.append((axis, steps or ()))
        return tuple(growth)

    def check_emphasis(self, at: str, value: object) -> tuple[tuple[str, float], ...] | None:
        """item id = levels; which items exist is checked against the
        questionnaire when the two are put together (core.scoring.build_model)."""
        if not isinstance(value, dict):
            self.report(at, "must be a table of question id = levels, like [roles.emphasis].")
            return None
        pairs = []
        for key, number in value.items():
            where = f"{at[:-1]}.{clean(key)}'"
            if self.check_id(where, key) is None:
                continue
            if isinstance(number, bool) or not isinstance(number, int | float):
                self.report(where, f"must be a number of answer levels, not {type_name(number)}.")
            elif not -MAX_EMPHASIS <= number <= MAX_EMPHASIS:
                self.report(where, f"{number} is out of range; use -2 to 2 answer levels.")
            else:
                pairs.append((key, float(number)))
        return tuple(pairs)

    def check_unique(self, roles: list[Role]) -> None:
        """Ids, aliases and names must point at one role only, ignoring case."""
        from mlroles.core.questionnaire import NOT_SURE

        # Each of these must differ between roles; a clash is blamed on the
        # later role, the one that introduced it.
        seen: dict[str, dict[str, int]] = {"id": {}, "label": {}, "work_product": {}}
        for index, role in enumerate(roles):
            if role.id == NOT_SURE:
                self.report(
                    f"role '{role.id}', field 'id'",
                    "'not-sure' is reserved for the quiz's 'not sure' answer; pick another id.",
                )
            for field, value in (
                ("id", role.id),
                ("label", role.label),
                ("work_product", role.work_product),
            ):
                key = " ".join(value.casefold().split())
                first = seen[field].setdefault(key, index)
                if first != index:
                    what = (
                        "the quiz could not tell the choices apart"
                        if field == "work_product"
                        else "each must be unique"
                    )
                    self.report(
                        f"roles[{index}] ('{role.id}'), field '{field}'",
                        f"the same as role '{roles[first].id}' ({what}).",
                    )
            for alias in role.aliases:
                if not normalize(alias):
                    self.report(
                        f"role '{role.id}', field 'aliases'",
                        f"{alias!r} has no letters or digits, so it names nothing.",
                    )
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

    def check_overlaps(self, roles: list[Role], ids: set[str]) -> None:
        for role in roles:
            for variant in role.variants:
                if variant.overlaps is not None and variant.overlaps not in ids:
                    self.report(
                        f"role '{role.id}', variant '{variant.id}', field 'overlaps'",
                        f"'{variant.overlaps}' is not a role id in this catalog.",
                    )
