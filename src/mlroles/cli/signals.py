"""Signals while mlroles waits on the user: stop cleanly, with the usual
exit code. The prompt reads Ctrl-C as a key, so a SIGINT from outside (kill,
an IDE's stop button) would otherwise be ignored; SIGTERM and SIGHUP would
leave the terminal in raw mode. Raising from the handler unwinds the prompt,
whose cleanup restores the terminal."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Stopped(SystemExit):
    """A signal asked mlroles to stop; code is the exit code to use (128 +
    signal: ExitCode.TERMINATED or ExitCode.HANGUP). A SystemExit, not an
    Exception: asyncio passes only SystemExit and KeyboardInterrupt out of a
    callback, so a signal that lands while the prompt's event loop runs one
    would otherwise be shown as "Unhandled exception in event loop" and the
    quiz would wait for Enter (seen on a loaded machine)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.code = 128 + signum


def _raise(signum: int, frame: FrameType | None) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While waiting for answers: SIGINT cancels as Ctrl-C does (130), SIGTERM
    and SIGHUP stop with 143 and 129."""
    wanted = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):  # not on Windows
        wanted.append(signal.SIGHUP)
    try:
        before = {s: signal.signal(s, _raise) for s in wanted}
    except ValueError:  # not the main thread: leave the signals alone
        yield
        return
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
