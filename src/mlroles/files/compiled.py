"""The built-in catalog and questionnaire, shipped precompiled
(data/roles.compiled.json, data/questions.compiled.json).

Parsing and checking the TOML costs a TOML parser and the checks on every
run, before the first prompt or page. A compiled file holds the checked data
as plain JSON and the CRC-32 of the TOML it was made from (the
questionnaire's also of roles.toml, whose roles its work-product question
offers). It is used only when those checksums match the TOML next to it, so
an edited file is always parsed and checked again; `mlroles check` always
parses. Regenerate both with `python -m mlroles.files.compiled` (a test fails
when either is stale).
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlroles.core.axes import Position
from mlroles.core.catalog import Catalog, Role, Variant

if TYPE_CHECKING:
    from mlroles.core.questionnaire import Questionnaire

FORMAT = 1  # bump when the layout below changes; an unknown format is parsed again
SUFFIX = ".compiled.json"


def compiled_path(toml: Path) -> Path:
    return toml.with_name(toml.name.removesuffix(".toml") + SUFFIX)


def checksum(data: bytes) -> int:
    return zlib.crc32(data)


def catalog_data(catalog: Catalog, source_bytes: bytes) -> dict[str, Any]:
    """The compiled form of a checked catalog."""
    from dataclasses import asdict

    return {
        "format": FORMAT,
        "crc32": checksum(source_bytes),
        "schema_version": catalog.schema_version,
        "roles": [asdict(role) for role in catalog.roles],
    }


def catalog_from_data(data: dict[str, Any], source: str) -> Catalog:
    return Catalog(
        schema_version=data["schema_version"],
        roles=tuple(_role(raw) for raw in data["roles"]),
        source=source,
    )


def _compiled(toml: Path, made_from: dict[str, bytes]) -> dict[str, Any] | None:
    """The compiled file beside `toml`, if it is of this format and each
    checksum it records (key -> the bytes it must match) still holds."""
    try:
        data = json.loads(compiled_path(toml).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if any(data.get(key) != checksum(raw) for key, raw in made_from.items()):
        return None
    return data


def load_compiled_catalog(toml: Path, toml_bytes: bytes) -> Catalog | None:
    """The catalog from the compiled file beside `toml`, or None when there is
    none, it is unreadable, of another format, or made from other TOML."""
    data = _compiled(toml, {"crc32": toml_bytes})
    return None if data is None else catalog_from_data(data, str(toml))


def load_builtin_catalog() -> Catalog:
    """The catalog that ships with mlroles: compiled when the compiled file
    matches roles.toml, parsed and checked otherwise."""
    from mlroles.files.paths import data_file

    toml = data_file("roles.toml")
    try:
        compiled = load_compiled_catalog(toml, toml.read_bytes())
    except OSError:
        compiled = None  # parsing reports what is wrong with the file
    if compiled is not None:
        return compiled
    from mlroles.files.catalog_file import load_catalog

    return load_catalog(toml)


def _variant(raw: dict[str, Any]) -> Variant:
    return Variant(
        id=raw["id"],
        name=raw["name"],
        description=raw["description"],
        search_titles=tuple(raw["search_titles"]),
        position=Position(**raw["position"]),
        overlaps=raw["overlaps"],
        emphasis=tuple((item, levels) for item, levels in raw["emphasis"]),
        survey_titles=tuple(raw["survey_titles"]),
    )


def _role(raw: dict[str, Any]) -> Role:
    return Role(
        id=raw["id"],
        name=raw["name"],
        aliases=tuple(raw["aliases"]),
        summary=raw["summary"],
        function=raw["function"],
        work_product=raw["work_product"],
        tools=tuple(raw["tools"]),
        backgrounds=tuple(raw["backgrounds"]),
        hiring=tuple(raw["hiring"]),
        position=Position(**raw["position"]),
        label=raw["label"],
        variants=tuple(_variant(v) for v in raw["variants"]),
        growth=tuple((axis, tuple(steps)) for axis, steps in raw["growth"]),
        emphasis=tuple((item, levels) for item, levels in raw["emphasis"]),
        titles=tuple(raw["titles"]),
        survey_titles=tuple(raw["survey_titles"]),
    )


def questionnaire_data(
    questionnaire: Questionnaire, source_bytes: bytes, roles_bytes: bytes
) -> dict[str, Any]:
    """The compiled form of a checked questionnaire."""
    from dataclasses import asdict

    return {
        "format": FORMAT,
        "crc32": checksum(source_bytes),
        "roles_crc32": checksum(roles_bytes),
        "questions": [asdict(q) for q in questionnaire.questions],
        "rules": asdict(questionnaire.rules),
        "intro": questionnaire.intro,
        "posting_intro": questionnaire.posting_intro,
    }


def questionnaire_from_data(data: dict[str, Any], source: str) -> Questionnaire:
    from mlroles.core.questionnaire import Choice, Question, Questionnaire, ScoringRules

    return Questionnaire(
        questions=tuple(
            Question(
                id=raw["id"],
                axis=raw["axis"],
                text=raw["text"],
                choices=tuple(Choice(c["value"], c["label"]) for c in raw["choices"]),
                posting_text=raw["posting_text"],
                replaces=raw["replaces"],
            )
            for raw in data["questions"]
        ),
        source=source,
        rules=ScoringRules(**data["rules"]),
        intro=data["intro"],
        posting_intro=data["posting_intro"],
    )


def load_compiled_questionnaire(
    toml: Path, toml_bytes: bytes, roles_bytes: bytes
) -> Questionnaire | None:
    """The questionnaire from the compiled file beside `toml`, or None unless
    it was made from exactly this questionnaire and this catalog."""
    data = _compiled(toml, {"crc32": toml_bytes, "roles_crc32": roles_bytes})
    return None if data is None else questionnaire_from_data(data, str(toml))


def load_builtin_questionnaire(catalog: Catalog) -> Questionnaire:
    """The questionnaire that ships with mlroles, for the built-in catalog:
    compiled when the compiled file matches both TOML files, parsed otherwise."""
    from mlroles.files.paths import data_file

    toml = data_file("questions.toml")
    try:
        roles = data_file("roles.toml").read_bytes()
        compiled = load_compiled_questionnaire(toml, toml.read_bytes(), roles)
    except OSError:
        compiled = None  # parsing reports what is wrong with the file
    if compiled is not None:
        return compiled
    from mlroles.files.questionnaire_file import load_questionnaire

    return load_questionnaire(toml, catalog)


def write_compiled(toml: Path) -> Path:
    """Parse and check the catalog `toml`, and write its compiled file beside it."""
    from mlroles.files.catalog_file import parse_catalog

    raw = toml.read_bytes()
    catalog = parse_catalog(raw.decode("utf-8"), str(toml))
    return _write(compiled_path(toml), catalog_data(catalog, raw))


def write_compiled_questionnaire(toml: Path, roles: Path) -> Path:
    """Parse and check the questionnaire `toml` with the catalog `roles`, and
    write its compiled file beside it."""
    from mlroles.files.catalog_file import parse_catalog
    from mlroles.files.questionnaire_file import parse_questionnaire

    raw, roles_raw = toml.read_bytes(), roles.read_bytes()
    catalog = parse_catalog(roles_raw.decode("utf-8"), str(roles))
    questionnaire = parse_questionnaire(raw.decode("utf-8"), str(toml), catalog)
    return _write(compiled_path(toml), questionnaire_data(questionnaire, raw, roles_raw))


def _write(target: Path, data: dict[str, Any]) -> Path:
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    from mlroles.files.paths import data_file

    roles_toml = data_file("roles.toml")
    print(f"wrote {write_compiled(roles_toml)}")
    print(f"wrote {write_compiled_questionnaire(data_file('questions.toml'), roles_toml)}")
