"""The console entry point. Importing the command modules registers them with
the app, in the order `mlroles --help` lists them."""

from contextlib import redirect_stderr, redirect_stdout

import typer

from mlroles.cli.app import app
from mlroles.cli.environment import Environment
from mlroles.cli.state import EXIT_INTERRUPTED

# isort: off
# The order here is the order of `mlroles --help`.
from mlroles.cli.commands import quiz, reference, path, compare, chart, history  # noqa: F401
from mlroles.cli.commands import team, posting  # noqa: F401
# isort: on

__all__ = ["app", "main"]


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Console-script entry point: run mlroles with these arguments and return
    the exit code.

    env is where the program reads and writes and which environment variables
    it sees; by default the process's. Tests pass their own, as httpie does.
    What Typer itself prints (help, usage errors) goes to env's streams too."""
    if env is None:
        return _run(argv, Environment.from_process())
    with redirect_stdout(env.stdout), redirect_stderr(env.stderr):
        return _run(argv, env)


def _run(argv: list[str] | None, env: Environment) -> int:
    try:
        result = app(args=argv, prog_name="mlroles", standalone_mode=False, obj=env)
    except (typer.Abort, KeyboardInterrupt):
        env.stderr.write("Cancelled.\n")
        return EXIT_INTERRUPTED
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:
        exc.show(file=env.stderr)  # type: ignore[attr-defined]
        return exc.exit_code
    return result if isinstance(result, int) else 0
