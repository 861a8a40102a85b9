"""The exit codes of every mlroles command. The README's table is made from
this enum, so the two cannot drift apart."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL_ERROR = 1
    USER_ERROR = 2
    HANGUP = 129  # 128 + SIGHUP
    INTERRUPTED = 130  # 128 + SIGINT
    TERMINATED = 143  # 128 + SIGTERM

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.OK: "The command did what was asked.",
    ExitCode.INTERNAL_ERROR: "A bug in mlroles. `--debug` (or `MLROLES_DEBUG=1`) shows the "
    "traceback; please report it.",
    ExitCode.USER_ERROR: "Something to fix in the command line or a file: a usage error, an "
    "unknown role, an invalid catalog, answers or team file, a quiz without a terminal. "
    "The message on stderr says what to do.",
    ExitCode.HANGUP: "The terminal closed (SIGHUP) while a question waited. Nothing is kept.",
    ExitCode.INTERRUPTED: "Stopped with Ctrl-C or SIGINT, or a prompt's input ended. "
    "Nothing is kept.",
    ExitCode.TERMINATED: "Stopped by SIGTERM while a question waited. Nothing is kept.",
}
