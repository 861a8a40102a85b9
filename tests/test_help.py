"""Every command's --help ends with Examples of real invocations, and every
example runs: it exits with 0, or, if it asks questions, says that it needs a
terminal and exits with USER_ERROR."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlroles.cli.app import Command
from mlroles.cli.examples import Example
from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.main import COMMANDS
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.questionnaire_file import load_questionnaire

from .conftest import QUESTIONS_TOML, REPO, ROLES_TOML, Run

TEAM = "name,ml,swe,comm,work_product\nAna,5.5,6,3,\nBo,1.5,9,2.5,mlops\nCy,9,3.5,6,\n"
EXAMPLES = [(command.name, example) for command in COMMANDS for example in command.examples]


POSTING = """Senior ML Engineer
We train models with PyTorch and ship them to production behind APIs.
Requirements: production code in Python, Docker and CI/CD, model evaluation.
"""


CV = """Jo Doe, data engineer
Five years building data pipelines in Airflow and Spark, with data quality checks.
Write production code in Python and Scala; deploy with Docker and CI/CD.
"""


def answers_toml() -> str:
    """An answers file for the shipped questionnaire: the middle choice of each question."""
    questionnaire = load_questionnaire(data_file("questions.toml"), load_catalog(ROLES_TOML))
    lines = []
    for question in questionnaire.questions:
        value = question.choices[len(question.choices) // 2].value
        lines.append(f"{question.id} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def examples_folder(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder holds the files the examples name (answers.toml,
    team.csv, my-roles.toml, my-questions.toml, posting.txt), and the history one saved result."""
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "answers.toml").write_text(answers_toml(), encoding="utf-8")
    (folder / "team.csv").write_text(TEAM, encoding="utf-8")
    (folder / "posting.txt").write_text(POSTING, encoding="utf-8")
    (folder / "cv.txt").write_text(CV, encoding="utf-8")
    shutil.copy(ROLES_TOML, folder / "my-roles.toml")
    shutil.copy(QUESTIONS_TOML, folder / "my-questions.toml")
    monkeypatch.chdir(folder)
    assert run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save").exit_code == 0
    return folder


def test_every_command_has_examples() -> None:
    for command in COMMANDS:
        assert command.examples, f"mlroles {command.name} has no examples"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_help_ends_with_the_examples(run: Run, command: Command) -> None:
    result = run(command.name, "--help", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    tail = lines[lines.index("Examples") :]
    for example in command.examples:
        assert f"{example.what}:" in tail
        assert example.command in tail, f"{example.command!r} is not shown whole"


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[e.command for _, e in EXAMPLES])
def test_example_runs(run: Run, examples_folder: Path, name: str, example: Example) -> None:
    program, *args = shlex.split(example.command)
    assert program == "mlroles"
    assert name in args, f"an example of {name} runs another command"
    result = run(*args)
    if example.terminal:
        assert result.exit_code == ExitCode.USER_ERROR, result.output
        assert "terminal" in result.stderr
    else:
        assert result.exit_code == ExitCode.OK, result.output
        assert result.output  # a result on stdout, or a message such as "Deleted ..."


def test_the_command_reference_is_current() -> None:
    """docs/cli.md holds every command's --help; CI fails when it is stale."""
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "-I", "docs", "docs/cli.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, (
        result.stdout
        + result.stderr
        + "\ndocs/cli.md is out of date. Regenerate it with:"
        + "\n  python -m cogapp -r -I docs docs/cli.md"
    )


def test_the_command_reference_has_every_command() -> None:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"\n## mlroles {command.name}\n" in text
        assert f"$ mlroles {command.name} --help\n" in text
