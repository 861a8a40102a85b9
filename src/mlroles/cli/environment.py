"""Where the program reads and writes, and what kind of terminal that is.

Commands take an Environment instead of touching sys.stdout or os.environ, so
tests can run every path in-process with their own streams (as httpie does)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, MutableMapping
from typing import TYPE_CHECKING, NamedTuple, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console


# No terminal is wider; a bigger COLUMNS would only make huge pages.
MAX_WIDTH = 1000


def columns_from(text: str) -> int | None:
    """A COLUMNS value as a width: None unless it is a positive ASCII number;
    at most MAX_WIDTH."""
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        return None
    return min(int(text), MAX_WIDTH)


def clamp_columns(variables: MutableMapping[str, str]) -> None:
    """Typer sizes its help from COLUMNS itself: keep it to a width that exists."""
    columns = variables.get("COLUMNS", "")
    if columns:
        variables["COLUMNS"] = str(columns_from(columns) or 80)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Environment(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~1 ms of start-up
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    env: Mapping[str, str]

    @classmethod
    def from_process(cls) -> Environment:
        """The process's streams; a closed one (None, as `>&-` leaves it) is
        replaced: no stdin reads as empty, no stderr drops messages, and no
        stdout is an error when the result is written."""
        import io

        return cls.from_streams(
            sys.stdin or io.StringIO(),
            sys.stdout or cast(TextIO, ClosedStdout()),
            sys.stderr or io.StringIO(),
            os.environ,
        )

    @classmethod
    def from_streams(
        cls, stdin: TextIO, stdout: TextIO, stderr: TextIO, env: Mapping[str, str]
    ) -> Environment:
        from mlroles.cli.ascii_stream import drawable

        return cls(
            stdin=stdin,
            stdout=drawable(stdout),
            stderr=drawable(stderr),
            stdin_isatty=_isatty(stdin),
            stdout_isatty=_isatty(stdout),
            stderr_isatty=_isatty(stderr),
            env=dict(env),
        )

    @property
    def no_color(self) -> bool:
        return bool(self.env.get("NO_COLOR"))

    @property
    def debug(self) -> bool:
        return self.env.get("MLROLES_DEBUG", "") not in ("", "0")

    @property
    def width(self) -> int | None:
        return columns_from(self.env.get("COLUMNS", ""))

    def console(
        self, *, stderr: bool = False, record: bool = False, file: TextIO | None = None
    ) -> Console:
        """A console on stdout (or stderr) as this environment has it; file
        replaces the stream but keeps its terminal settings, to record a page
        without printing it."""
        from rich.console import Console

        stream, tty = (
            (self.stderr, self.stderr_isatty) if stderr else (self.stdout, self.stdout_isatty)
        )
        return Console(
            file=stream if file is None else file,
            force_terminal=tty,
            color_system="auto" if tty and not self.no_color else None,
            no_color=self.no_color,
            width=self.width or (None if tty else 80),
            highlight=False,
            emoji=False,
            markup=False,
            record=record,
            _environ=dict(self.env),
        )


def run_in(env: Environment | None, run: Callable[[Environment], int]) -> int:
    """Call run with env, and with everything printed to sys.stdout and
    sys.stderr (Typer's help, prompts) sent to env's streams. With no env,
    the process's own, COLUMNS first kept to a width that exists."""
    if env is None:
        clamp_columns(os.environ)
        return run(Environment.from_process())
    from contextlib import redirect_stderr, redirect_stdout

    with redirect_stdout(env.stdout), redirect_stderr(env.stderr):
        return run(env)


class ClosedStdout:
    """Standard output that was closed before mlroles started."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        from mlroles.core.errors import UserError

        raise UserError(
            "Standard output is closed, so the result cannot be printed.",
            "Run mlroles with its output going to a terminal, a file or a pipe.",
        )

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
