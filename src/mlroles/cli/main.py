"""The console entry point. Importing the command modules registers them with
the app, in the order `mlroles --help` lists them."""

import sys

import typer

from mlroles.cli.app import app
from mlroles.cli.exit_codes import ExitCode

# isort: off
# The order here is the order of `mlroles --help`.
from mlroles.cli.commands import quiz, reference, path, compare, chart, history  # noqa: F401
from mlroles.cli.commands import team, posting  # noqa: F401
# isort: on

__all__ = ["app", "main"]


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
