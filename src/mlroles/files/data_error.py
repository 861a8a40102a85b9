"""The error of a data file that cannot be used. Kept apart from the checks
so that a reader that only needs the error (the survey figures) does not load
the validation code."""

from __future__ import annotations

from pathlib import Path

from mlroles.core.errors import UserError


class DataFileError(UserError):
    """A data file that cannot be used, with every problem found in it."""

    what = "data file"
    fix = "Fix these and try again."

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(
            f"Invalid {self.what} {source} ({count}):",
            *(f"  - {p}" for p in problems),
            self.fix,
        )


def read_data_text(path: Path, what: str, error: type[DataFileError]) -> str:
    """Read a UTF-8 data file, turning every failure into a user error."""
    from mlroles.files.io import read_bytes

    try:
        return read_bytes(path, what).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(str(path), [f"the file is not UTF-8 text (byte {exc.start})."]) from None
