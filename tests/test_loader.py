from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlroles.files.catalog_file import CatalogError, load_catalog, parse_catalog

ONE_ROLE = """
schema_version = 1

[[roles]]
id = "tester"
name = "Tester"
aliases = ["qa"]
summary = "Finds bugs."
function = "Tests things."
work_product = "Bug reports"
tools = ["pytest"]
backgrounds = ["Anyone curious"]
hiring = ["Hire the curious."]

[roles.chart]
machine_learning = 1.0
software_engineering = 6
communication = 4.5
"""


def problems(text: str) -> list[str]:
    with pytest.raises(CatalogError) as info:
        parse_catalog(text, "my.toml")
    assert info.value.lines[0].startswith("Invalid role catalog my.toml")
    return info.value.problems


def test_minimal_catalog_loads() -> None:
    catalog = parse_catalog(ONE_ROLE, "x.toml")
    role = catalog.get("tester")
    assert role.position.software_engineering == 6.0
    assert role.tools == ("pytest",)


def test_syntax_error_gives_line_and_column() -> None:
    found = problems(ONE_ROLE.replace('name = "Tester"', 'name = "Tester'))
    assert len(found) == 1
    assert re.match(r"line 6, column \d+: TOML syntax error", found[0])


def test_missing_field_names_role_and_field() -> None:
    found = problems(ONE_ROLE.replace('summary = "Finds bugs."\n', ""))
    assert found == ["role 'tester', field 'summary': is missing."]


def test_wrong_type() -> None:
    found = problems(ONE_ROLE.replace('tools = ["pytest"]', 'tools = "pytest"'))
    assert found == ["role 'tester', field 'tools': must be a list of strings, not a string."]


def test_out_of_range_number() -> None:
    found = problems(ONE_ROLE.replace("communication = 4.5", "communication = 11"))
    assert found == [
        "role 'tester', field 'chart.communication': 11 is out of range; use a number from 0 to 10."
    ]


def test_boolean_is_not_a_number() -> None:
    found = problems(ONE_ROLE.replace("communication = 4.5", "communication = true"))
    assert "must be a number from 0 to 10, not a boolean" in found[0]


def test_nan_is_out_of_range() -> None:
    found = problems(ONE_ROLE.replace("communication = 4.5", "communication = nan"))
    assert "out of range" in found[0]


def test_empty_text() -> None:
    found = problems(ONE_ROLE.replace('summary = "Finds bugs."', 'summary = "  "'))
    assert found == ["role 'tester', field 'summary': must not be empty."]


def test_unknown_key_suggests_the_right_one() -> None:
    found = problems(ONE_ROLE.replace('summary = "Finds bugs."', 'summary = "x"\nsumary = "y"'))
    assert found == ["role 'tester': unknown field 'sumary'. Did you mean 'summary'?"]


def test_unknown_top_level_key() -> None:
    found = problems("colour = 1\n" + ONE_ROLE)
    assert found[0].startswith("top level: unknown field 'colour'.")


def test_duplicate_ids_ignoring_case() -> None:
    second = ONE_ROLE.split("schema_version = 1")[1].replace('id = "tester"', 'id = "tester2"')
    second = second.replace('aliases = ["qa"]', 'aliases = ["QA"]').replace("Tester", "Other")
    second = second.replace('"Bug reports"', '"Test plans"')  # only the alias clashes
    found = problems(ONE_ROLE + second)
    assert found == [
        "role 'tester2': 'qa' already names role 'tester'; ids, aliases and names must be "
        "unique across roles (case and '-', '_', ' ' are ignored)."
    ]


def test_bad_id() -> None:
    found = problems(ONE_ROLE.replace('id = "tester"', 'id = "Bad Id"'))
    assert found[0].startswith("role 'Bad Id', field 'id': must be lowercase letters")


def test_every_problem_is_reported() -> None:
    text = ONE_ROLE.replace('summary = "Finds bugs."\n', "").replace(
        "communication = 4.5", "communication = -1"
    )
    found = problems(text.replace("schema_version = 1", "schema_version = 9"))
    assert len(found) == 3
    assert any("schema_version" in p and "not supported" in p for p in found)


def test_no_roles() -> None:
    assert problems("schema_version = 1\n") == [
        "top level: no roles; add at least one [[roles]] table."
    ]


def test_missing_schema_version() -> None:
    found = problems(ONE_ROLE.replace("schema_version = 1", ""))
    assert found == ["top level: missing 'schema_version'; add schema_version = 1."]


def test_control_characters_and_escapes_are_removed() -> None:
    text = ONE_ROLE.replace('"Finds bugs."', r'"Finds \u001b[31mred\u001b[0m bugs.\u0007"')
    text = text.replace('name = "Tester"', r'name = "Test\u001b]0;pwned\u0007er"')
    role = parse_catalog(text, "x.toml").get("tester")
    assert role.summary == "Finds red bugs."
    assert role.name == "Tester"


def test_file_not_found_is_a_user_error(tmp_path: Path) -> None:
    from mlroles.core.errors import UserError

    with pytest.raises(UserError) as info:
        load_catalog(tmp_path / "nope.toml")
    assert "Role catalog not found" in info.value.lines[0]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe junk")
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    assert "not UTF-8" in info.value.problems[0]


def test_variant_overlaps_must_name_a_role() -> None:
    text = ONE_ROLE + (
        '\n[[roles.variants]]\nid = "kind"\nname = "Kind"\ndescription = "A kind."\n'
        'search_titles = ["Other"]\noverlaps = "nobody"\n'
        "[roles.variants.chart]\nmachine_learning = 1\nsoftware_engineering = 1\n"
        "communication = 1\n"
    )
    assert problems(text) == [
        "role 'tester', variant 'kind', field 'overlaps': 'nobody' is not a role id "
        "in this catalog."
    ]


def test_label_defaults_to_the_name() -> None:
    assert parse_catalog(ONE_ROLE, "x.toml").get("tester").label == "Tester"
