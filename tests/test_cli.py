from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest

from mlroles import __version__
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.questionnaire_file import load_questionnaire

from .conftest import CATALOG, Run, counts_of_the_data, stated_counts

ANSI = re.compile(r"\x1b\[")


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"mlroles {__version__}"


def test_no_arguments_shows_help_on_stdout_and_succeeds(run: Run) -> None:
    result = run()
    assert result.exit_code == 0
    assert "describe" in result.stdout
    assert "roles" in result.stdout
    assert result.stderr.strip() == ""


def test_roles_table_lists_every_role(run: Run) -> None:
    result = run("roles")
    assert result.exit_code == 0, result.output
    for role in CATALOG.roles:
        assert role.id in result.stdout and role.name in result.stdout
    assert "Work product" in result.stdout
    assert result.stderr == ""


def test_roles_json(run: Run) -> None:
    result = run("roles", "--json")
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == list(CATALOG.ids)
    assert [r["chart"] for r in data] == [role.position.as_dict() for role in CATALOG.roles]


@pytest.mark.parametrize("query", ["ml-engineer", "MLE", "ML Engineer", "ml_engineer"])
def test_describe_shows_the_whole_role(run: Run, query: str) -> None:
    result = run("describe", query)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    role = CATALOG.get("ml-engineer")
    nearest = CATALOG.neighbours(role)[0].role
    for text in (
        role.name,
        role.summary,
        "Work product",
        *role.tools,
        role.hiring[0],
        "On the chart",
        "Nearest roles",
        nearest.name,
    ):
        assert text in out


def test_describe_data_scientist_shows_kinds_and_titles(run: Run) -> None:
    out = " ".join(run("describe", "ds").stdout.split())
    for kind in CATALOG.get("data-scientist").variants:
        assert kind.name in out
        assert all(title in out for title in kind.search_titles)


def test_describe_json(run: Run) -> None:
    data = json.loads(run("describe", "ds", "--json").stdout)
    role = CATALOG.get("data-scientist")
    assert data["id"] == role.id
    assert [n["id"] for n in data["neighbours"]] == [n.role.id for n in CATALOG.neighbours(role)]
    assert [v["id"] for v in data["variants"]] == [v.id for v in role.variants]


def test_unknown_role(run: Run) -> None:
    result = run("describe", "ml-enginer")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "Unknown role 'ml-enginer'. Did you mean 'ml-engineer'?"
    assert f"Known roles: {CATALOG.ids[0]}" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["roles"], ["describe", "ds"], ["describe", "mle"]])
def test_every_line_fits_60_columns(run: Run, args: list[str]) -> None:
    result = run(*args, env={"COLUMNS": "60"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_wide_terminal_keeps_rows_on_one_line(run: Run) -> None:
    out = run("roles", env={"COLUMNS": "200"}).stdout
    for role in CATALOG.roles:
        assert any(role.name in line and role.work_product in line for line in out.splitlines())


def test_piped_output_has_no_colour(run: Run) -> None:
    assert not ANSI.search(run("describe", "mle").stdout)


def test_terminal_output_has_colour_unless_no_color(run_tty: Run) -> None:
    assert ANSI.search(run_tty("describe", "mle", env={"TERM": "xterm-256color"}).stdout)
    plain = run_tty("describe", "mle", env={"TERM": "xterm-256color", "NO_COLOR": "1"}).stdout
    assert "ML engineer" in plain
    assert not ANSI.search(plain)


def test_custom_catalog_from_option_and_env(
    run: Run, catalog_text: str, write_catalog: Callable[[str], Path]
) -> None:
    path = write_catalog(catalog_text.replace('name = "ML engineer"', 'name = "Model shipper"'))
    assert "Model shipper" in run("--roles", str(path), "describe", "mle").stdout
    assert "Model shipper" in run("describe", "mle", env={"MLROLES_ROLES": str(path)}).stdout


def test_bad_catalog_exits_2_and_lists_every_problem(
    run: Run, catalog_text: str, write_catalog: Callable[[str], Path]
) -> None:
    text = catalog_text.replace("software_engineering = 7.1", "software_engineering = 71")
    text = text.replace('summary = "Explores', 'sumary = "Explores')
    path = write_catalog(text)
    result = run("--roles", str(path), "roles")
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr
    assert f"Invalid role catalog {path} (3 problems):" in err
    assert "role 'ml-engineer', field 'chart.software_engineering': 71 is out of range" in err
    assert "role 'ml-researcher': unknown field 'sumary'. Did you mean 'summary'?" in err
    assert "role 'ml-researcher', field 'summary': is missing." in err
    assert "Traceback" not in result.output


def test_syntax_error_in_catalog(run: Run, write_catalog: Callable[[str], Path]) -> None:
    path = write_catalog('schema_version = 1\n[[roles]]\nid = "x\n')
    result = run("--roles", str(path), "check")
    assert result.exit_code == 2
    assert re.search(r"line 3, column \d+: TOML syntax error", result.stderr)


def test_missing_catalog_file(run: Run, tmp_path: Path) -> None:
    result = run("--roles", str(tmp_path / "nope.toml"), "roles")
    assert result.exit_code == 2
    assert "Role catalog not found" in result.stderr


def test_check_says_each_file_is_ok(run: Run) -> None:
    roles, questions = data_file("roles.toml"), data_file("questions.toml")
    catalog = load_catalog(roles)
    questionnaire = load_questionnaire(questions, catalog)
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{roles}: OK, {len(catalog.roles)} roles.",
        f"{questions}: OK, {len(questionnaire.questions)} questions.",
    ]
    assert result.stderr == ""


def test_check_reports_the_problems_of_each_file(
    run: Run,
    catalog_text: str,
    questions_text: str,
    write_catalog: Callable[[str], Path],
    write_questions: Callable[[str], Path],
) -> None:
    good_roles, good_questions = data_file("roles.toml"), data_file("questions.toml")
    bad_roles = write_catalog(catalog_text.replace("communication = 10.0", "communication = 11"))
    bad_questions = write_questions(questions_text.replace('not_sure = "', 'unsure = "'))
    roles_problem = "field 'chart.communication': 11 is out of range"
    questions_problem = "work_product: unknown field 'unsure'. Did you mean 'not_sure'?"

    result = run("--questions", str(bad_questions), "check")
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{good_roles}: OK, ")
    assert str(good_questions) not in result.output
    assert f"Invalid questionnaire {bad_questions} (2 problems):" in result.stderr
    assert questions_problem in result.stderr

    result = run("--roles", str(bad_roles), "check")
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{good_questions}: OK, ")
    assert f"Invalid role catalog {bad_roles} (1 problem):" in result.stderr
    assert roles_problem in result.stderr

    # A broken catalog does not hide the questionnaire's own problems.
    env = {"MLROLES_ROLES": str(bad_roles), "MLROLES_QUESTIONS": str(bad_questions)}
    result = run("check", env=env)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert roles_problem in result.stderr and questions_problem in result.stderr
    assert "Traceback" not in result.stderr


def test_check_counts_one_role_in_the_singular(
    run: Run, catalog_text: str, write_catalog: Callable[[str], Path]
) -> None:
    first_role = catalog_text.split("[[roles]]")[1]
    path = write_catalog("schema_version = 1\n[[roles]]" + first_role)
    result = run("--roles", str(path), "check")
    assert result.exit_code == 0, result.stderr
    assert f"{path}: OK, 1 role.\n" in result.stdout


def test_markup_and_escapes_in_data_are_shown_as_plain_text(
    run_tty: Run, catalog_text: str, write_catalog: Callable[[str], Path]
) -> None:
    text = catalog_text.replace(
        'summary = "Takes a model',
        r'summary = "[bold red]Loud[/bold red] \u001b[2J\u001b]0;title\u0007Takes a model',
    )
    path = write_catalog(text)
    result = run_tty("--roles", str(path), "describe", "mle", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[bold red]Loud[/bold red]" in out
    assert "\x1b[2J" not in out
    assert "\x07" not in out and "]0;title" not in out


def test_internal_error_is_short_without_debug(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import mlroles.files.compiled

    def explode() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(mlroles.files.compiled, "load_builtin_catalog", explode)
    result = run("roles")
    assert result.exit_code == 1
    assert "internal error: RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run("--debug", "roles")
    assert debug.exit_code == 1
    assert "Traceback" in debug.stderr
    env_debug = run("roles", env={"MLROLES_DEBUG": "1"})
    assert "Traceback" in env_debug.stderr


def test_completion_offers_role_ids_with_names() -> None:
    from mlroles.cli.options import complete_role

    class Ctx:
        params: ClassVar[dict[str, object]] = {}

        def find_root(self) -> Ctx:
            return self

    offered = complete_role(Ctx(), "ml-")  # type: ignore[arg-type]
    assert ("ml-engineer", "ML engineer") in offered
    assert all(role_id.startswith("ml-") for role_id, _ in offered)


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlroles", "describe", "nonexistent-role"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Unknown role 'nonexistent-role'.")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlroles", "describe"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "Missing argument" in result.stderr


def test_main_writes_only_to_the_environment_it_is_given(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    """main(argv, env): what Typer prints itself (help, usage errors) lands in
    env's streams too, never on the process's."""
    usage = run("describe")
    assert usage.exit_code == 2
    assert "Missing argument" in usage.stderr and usage.stdout == ""
    assert "Usage: mlroles" in run("--help").stdout
    assert run("--version").stdout.strip() == f"mlroles {__version__}"
    assert capsys.readouterr() == ("", "")


def test_environment_variables_come_from_the_environment_given(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLROLES_ROLES", str(tmp_path / "not-this-one.toml"))
    assert run("roles").exit_code == 0  # the process's variable is not the program's
    result = run("roles", env={"MLROLES_ROLES": str(tmp_path / "this-one.toml")})
    assert result.exit_code == 2
    assert f"Role catalog not found: {tmp_path / 'this-one.toml'}" in result.stderr


def test_help_does_not_state_how_many_roles_or_questions_there_are(run: Run) -> None:
    from typer.main import get_command

    from mlroles.cli.main import app

    commands = get_command(app).commands  # type: ignore[attr-defined]
    helps = {name: run(*name.split(), "--help").stdout for name in ["", *commands]}
    assert all("Usage: mlroles" in text for text in helps.values())
    stated = {name: stated_counts(text, counts_of_the_data()) for name, text in helps.items()}
    assert {name: found for name, found in stated.items() if found} == {}
