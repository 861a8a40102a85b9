"""How an exception from a running command becomes a message on stderr and
an exit code. Kept apart from Typer so that the group (cli/app.py) and the
Typer-free quiz start (cli/entry.py) say and return exactly the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.signals import Stopped
from mlroles.core.errors import UserError

if TYPE_CHECKING:
    from mlroles.cli.state import AppState


def failure_code(
    exc: Exception | KeyboardInterrupt | Stopped, state: AppState, command: str | None
) -> int:
    """Report exc for the command that was running (None: before any) and
    return the exit code. Ctrl-C and an ended prompt input are a cancel (130),
    SIGTERM/SIGHUP a stop (143/129), a UserError the user's to fix (2), and
    anything else a bug (1), its traceback shown only in debug mode."""
    if isinstance(exc, UserError):
        state.message(*exc.lines)
        return ExitCode.USER_ERROR
    if isinstance(exc, Stopped):  # SIGTERM or SIGHUP while waiting for answers
        state.message(f"{(command or 'mlroles').capitalize()} stopped by {exc}.")
        return 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt | EOFError):  # Ctrl-C, or a prompt's input ended
        state.message(f"{command.capitalize()} cancelled." if command else "Cancelled.")
        return ExitCode.INTERRUPTED
    if state.debug:
        import traceback

        state.message(
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()
        )
    state.message(
        f"mlroles: internal error: {type(exc).__name__}: {exc}",
        "This is a bug. Run again with --debug (or MLROLES_DEBUG=1) "
        "to see the traceback, and please report it.",
    )
    return ExitCode.INTERNAL_ERROR
