"""The console entry point, and the table of commands it runs."""

import sys

import typer

from mlroles.cli.app import Command, build_app
from mlroles.cli.commands import (
    chart,
    check,
    compare,
    describe,
    history,
    path,
    posting,
    questions,
    quiz,
    roles,
    team,
)
from mlroles.cli.exit_codes import ExitCode

__all__ = ["COMMANDS", "app", "main"]

# The order here is the order of `mlroles --help`.
COMMANDS = (
    Command("quiz", quiz.quiz_command),
    Command("roles", roles.roles_command),
    Command("describe", describe.describe_command),
    Command("questions", questions.questions_command),
    Command("check", check.check_command),
    Command("path", path.path_command),
    Command("compare", compare.compare_command),
    Command("chart", chart.chart_command),
    Command("history", history.history_command),
    Command("team", team.team_command),
    Command("posting", posting.posting_command),
)

app = build_app(COMMANDS)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point."""
    try:
        result = app(args=argv, prog_name="mlroles", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("Cancelled.\n")
        return ExitCode.INTERRUPTED
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:
        exc.show()  # type: ignore[attr-defined]
        return exc.exit_code
    return result if isinstance(result, int) else ExitCode.OK
