"""The console script. A bare `mlroles quiz` starts the quiz without building
the Typer app: it is what most people run, they wait for its first question,
and Typer is about half of what mlroles adds before it (the README's
start-up table).
Everything else, and a bare quiz that Typer would treat differently (options
or shell completion set by environment variables), runs the app through
cli/main.py. Both paths run the quiz with cli/quiz_flow.py and report errors
with cli/failures.py; tests hold them to the same output and exit codes."""

import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlroles.cli.environment import Environment

# Read by Typer even for a bare `quiz`: the global options' variables, and the
# one that asks click for shell completion ("_" + prog name + "_COMPLETE").
TYPER_VARIABLES = ("MLROLES_ROLES", "MLROLES_QUESTIONS", "_MLROLES_COMPLETE")


def main(argv: Sequence[str] | None = None, env: "Environment | None" = None) -> int:
    """Run mlroles with these arguments (default: the process's) and return
    the exit code; env as for cli/main.py's main."""
    args = sys.argv[1:] if argv is None else list(argv)
    if is_bare_quiz(args, os.environ if env is None else env.env):
        return quick_quiz(env)
    from mlroles.cli.main import main as app_main

    return app_main(None if argv is None else args, env)


def is_bare_quiz(args: Sequence[str], variables: Mapping[str, str]) -> bool:
    """`mlroles quiz` with nothing that Typer would have to read."""
    return list(args) == ["quiz"] and not any(variables.get(name) for name in TYPER_VARIABLES)


def quick_quiz(env: "Environment | None" = None) -> int:
    """The interactive quiz, as `mlroles quiz` runs it through the app."""
    try:
        from mlroles.cli.environment import run_in

        return run_in(env, _quiz)
    except KeyboardInterrupt:  # before the quiz began: as the app says it
        from mlroles.cli.exit_codes import ExitCode

        stderr = sys.stderr if env is None else env.stderr
        if stderr is not None:
            stderr.write("Cancelled.\n")
        return ExitCode.INTERRUPTED


def _quiz(env: "Environment") -> int:
    from mlroles.cli.failures import failure_code
    from mlroles.cli.output_form import Output
    from mlroles.cli.quiz_flow import take_quiz
    from mlroles.cli.signals import Stopped
    from mlroles.cli.state import AppState

    state = AppState(env=env, roles_path=None, debug=env.debug)
    try:
        return take_quiz(state, Output())
    except (Exception, KeyboardInterrupt, Stopped) as exc:
        return failure_code(exc, state, "quiz")
