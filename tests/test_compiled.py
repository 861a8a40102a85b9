"""The built-in catalog ships precompiled: the compiled file must say exactly
what parsing roles.toml says, and must never be used for other TOML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlroles.files.catalog_file import load_catalog
from mlroles.files.compiled import (
    catalog_data,
    compiled_path,
    load_builtin_catalog,
    load_compiled_catalog,
    write_compiled,
)
from mlroles.files.paths import data_file

ROLES = data_file("roles.toml")


def test_the_shipped_compiled_catalog_is_current() -> None:
    parsed = load_catalog(ROLES)
    compiled = load_compiled_catalog(ROLES, ROLES.read_bytes())
    assert compiled is not None, "Regenerate it with: python -m mlroles.files.compiled"
    assert compiled == parsed
    shipped = json.loads(compiled_path(ROLES).read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(catalog_data(parsed, ROLES.read_bytes())))


def test_the_builtin_catalog_is_the_parsed_one() -> None:
    assert load_builtin_catalog() == load_catalog(ROLES)


def copy_with_compiled(tmp_path: Path) -> Path:
    toml = tmp_path / "roles.toml"
    shutil.copy(ROLES, toml)
    write_compiled(toml)
    return toml


def test_an_edited_toml_is_never_read_from_the_compiled_file(tmp_path: Path) -> None:
    toml = copy_with_compiled(tmp_path)
    assert load_compiled_catalog(toml, toml.read_bytes()) is not None
    edited = toml.read_bytes().replace(b'name = "ML engineer"', b'name = "ML engineer!"', 1)
    assert edited != toml.read_bytes()
    assert load_compiled_catalog(toml, edited) is None


@pytest.mark.parametrize(
    "content",
    ["not json", '{"format": 999, "crc32": 0}', "[]", ""],
    ids=["not-json", "other-format", "not-a-table", "empty"],
)
def test_a_broken_compiled_file_is_ignored(tmp_path: Path, content: str) -> None:
    toml = copy_with_compiled(tmp_path)
    compiled_path(toml).write_text(content, encoding="utf-8")
    assert load_compiled_catalog(toml, toml.read_bytes()) is None


def test_describe_does_not_parse_toml(run: object) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mlroles.cli.entry import main\n"
        "sys.argv = ['mlroles', 'describe', 'ml-engineer', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('tomllib', 'mlroles.core.questionnaire', 'mlroles.files.checks')"
        " if m in sys.modules]\n"
        "print('LOADED', bad, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in done.stderr


QUESTIONS = data_file("questions.toml")


def test_the_shipped_compiled_questionnaire_is_current() -> None:
    from mlroles.files.compiled import load_builtin_questionnaire, load_compiled_questionnaire
    from mlroles.files.questionnaire_file import load_questionnaire

    catalog = load_catalog(ROLES)
    parsed = load_questionnaire(QUESTIONS, catalog)
    compiled = load_compiled_questionnaire(QUESTIONS, QUESTIONS.read_bytes(), ROLES.read_bytes())
    assert compiled is not None, "Regenerate it with: python -m mlroles.files.compiled"
    assert compiled == parsed
    assert load_builtin_questionnaire(catalog) == parsed


def test_a_compiled_questionnaire_needs_both_its_toml_and_the_catalog_unchanged(
    tmp_path: Path,
) -> None:
    from mlroles.files.compiled import (
        load_compiled_questionnaire,
        write_compiled_questionnaire,
    )

    roles = tmp_path / "roles.toml"
    questions = tmp_path / "questions.toml"
    shutil.copy(ROLES, roles)
    shutil.copy(QUESTIONS, questions)
    write_compiled_questionnaire(questions, roles)
    q_bytes, r_bytes = questions.read_bytes(), roles.read_bytes()
    assert load_compiled_questionnaire(questions, q_bytes, r_bytes) is not None
    assert load_compiled_questionnaire(questions, q_bytes + b"\n# edited\n", r_bytes) is None
    assert load_compiled_questionnaire(questions, q_bytes, r_bytes + b"\n# edited\n") is None


def test_a_custom_catalog_never_gets_the_compiled_questionnaire(
    run: object, tmp_path: Path
) -> None:
    from mlroles.cli.environment import Environment
    from mlroles.cli.state import AppState

    custom = tmp_path / "roles.toml"
    custom.write_bytes(
        ROLES.read_bytes().replace(
            b"A prediction system serving real data in production", b"A model in production", 1
        )
    )
    state = AppState(env=Environment.from_process(), roles_path=custom, debug=False)
    catalog = state.catalog()
    question = next(q for q in state.questionnaire(catalog).questions if q.axis == "work_product")
    assert "A model in production" in {c.label for c in question.choices}
