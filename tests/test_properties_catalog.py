"""Property tests: no TOML document, however odd, crashes the loader."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlroles.files.catalog_file import CatalogError, parse_catalog

from .conftest import ROLES_TOML

KEYS = [
    "id",
    "name",
    "aliases",
    "summary",
    "function",
    "work_product",
    "tools",
    "backgrounds",
    "hiring",
    "chart",
    "variants",
    "machine_learning",
    "software_engineering",
    "communication",
    "schema_version",
    "roles",
    "x",
]

scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=20),
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
    ),
    max_leaves=25,
)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in value) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"


def check(text: str) -> None:
    try:
        catalog = parse_catalog(text, "fuzz.toml")
    except CatalogError as exc:
        assert exc.problems, "a catalog error must say what is wrong"
        assert all(isinstance(p, str) and p for p in exc.problems)
    else:
        assert catalog.roles


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_structured_documents_load_or_fail_clearly(doc: dict[str, Any]) -> None:
    check("\n".join(f"{k} = {toml_value(v)}" for k, v in doc.items()))


@settings(max_examples=300)
@given(st.text(alphabet=string.printable + "\x1b\u00e9[]{}=\"'", max_size=200))
def test_any_text_loads_or_fails_clearly(text: str) -> None:
    check(text)


@settings(max_examples=200)
@given(st.integers(min_value=0), st.text(max_size=30))
def test_edits_to_the_real_catalog_load_or_fail_clearly(position: int, insert: str) -> None:
    text = ROLES_TOML.read_text(encoding="utf-8")
    at = position % (len(text) + 1)
    check(text[:at] + insert + text[at:])


@given(st.text())
def test_clean_leaves_no_control_characters(text: str) -> None:
    from mlroles.core.sanitize import clean

    cleaned = clean(text)
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in cleaned), repr(
        cleaned
    )
