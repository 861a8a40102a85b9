"""The table of commands in cli/main.py is the only place commands are
registered: one module per command, each listed once, in help order."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.main import get_command

from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.main import COMMANDS, app

from .conftest import Run

COMMANDS_DIR = Path(__file__).resolve().parents[1] / "src" / "mlroles" / "cli" / "commands"


def test_every_command_module_is_in_the_table_once() -> None:
    modules = sorted(p.stem for p in COMMANDS_DIR.glob("*.py") if p.name != "__init__.py")
    listed = sorted(c.function.__module__.rsplit(".", 1)[-1] for c in COMMANDS)
    assert listed == modules
    assert len({c.name for c in COMMANDS}) == len(COMMANDS)


def test_the_app_has_the_table_s_commands_in_its_order() -> None:
    group = get_command(app)
    names = group.list_commands(None)  # type: ignore[attr-defined]
    assert names == [c.name for c in COMMANDS]
    for name in names:
        assert group.get_command(None, name).name == name  # type: ignore[attr-defined]


def command_modules_loaded(args: list[str]) -> str:
    """The command modules a fresh process imports to run mlroles with args."""
    import subprocess
    import sys

    code = (
        "import contextlib, io, sys\n"
        "from mlroles.cli.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({args!r})\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('mlroles.cli.commands.'))\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return done.stderr.strip().splitlines()[-1]


def test_running_a_command_imports_no_other_command_module() -> None:
    """Only the command that runs is built (the lazy table in cli/app.py)."""
    assert command_modules_loaded(["describe", "de"]) == "0 ['mlroles.cli.commands.describe']"


@pytest.mark.parametrize("args", [["--help"], []])
def test_listing_the_commands_imports_none_of_them(args: list[str]) -> None:
    assert command_modules_loaded(args) == "0 []"


def test_each_summary_in_the_table_is_what_its_command_says_of_itself() -> None:
    """--help lists the table's summaries; `mlroles CMD --help` shows the
    command's docstring, whose first paragraph must be the same words."""
    import inspect

    for command in COMMANDS:
        docstring = inspect.getdoc(command.function) or ""
        first = " ".join(docstring.split("\n\n")[0].split())
        assert command.summary == first, command.name


def test_help_lists_commands_in_table_order(run: Run) -> None:
    out = run("--help").stdout
    panel = out[out.index("Commands") :]
    positions = [panel.index(f"│ {c.name} ") for c in COMMANDS]
    assert positions == sorted(positions)


def test_command_modules_do_not_register_themselves() -> None:
    for path in COMMANDS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "mlroles.cli.app":
                assert "app" not in {a.name for a in node.names}, path.name
            if isinstance(node, ast.FunctionDef):
                assert node.decorator_list == [], f"{path.name}: {node.name} is decorated"


def test_exit_codes_are_the_documented_ones() -> None:
    assert {c.name: c.value for c in ExitCode} == {
        "OK": 0,
        "INTERNAL_ERROR": 1,
        "USER_ERROR": 2,
        "HANGUP": 129,
        "INTERRUPTED": 130,
        "TERMINATED": 143,
    }
    assert all(code.meaning for code in ExitCode)
