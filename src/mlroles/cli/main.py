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
    Command("quiz", quiz.quiz_command, quiz.EXAMPLES),
    Command("roles", roles.roles_command, roles.EXAMPLES),
    Command("describe", describe.describe_command, describe.EXAMPLES),
    Command("questions", questions.questions_command, questions.EXAMPLES),
    Command("check", check.check_command, check.EXAMPLES),
    Command("path", path.path_command, path.EXAMPLES),
    Command("compare", compare.compare_command, compare.EXAMPLES),
    Command("chart", chart.chart_command, chart.EXAMPLES),
    Command("history", history.history_command, history.EXAMPLES),
    Command("team", team.team_command, team.EXAMPLES),
    Command("posting", posting.posting_command, posting.EXAMPLES),
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
