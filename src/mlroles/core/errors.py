"""Errors the user can fix. The CLI prints their lines and exits with 2."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input, files or environment, not a bug."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines: tuple[str, ...] = lines
