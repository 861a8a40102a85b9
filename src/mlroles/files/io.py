"""Writing files safely, and where mlroles keeps its data.

Every write goes to a temporary file in the same folder and is then renamed
over the target, so a crash or a full disk never leaves a half-written file."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from mlroles.core.errors import UserError


def write_atomic(path: Path, text: str) -> None:
    """Write text to path in one step; raises UserError if it cannot.

    A symlink is written through to its target, which stays a symlink's
    target; a device or a pipe (/dev/null, a FIFO) is written to directly, as
    replacing it with a regular file would destroy it."""
    import stat

    path = path.expanduser()
    if path.is_symlink():
        path = path.resolve()
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode):
        try:
            with path.open("w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise UserError(f"Cannot write {path}: {exc.strerror}.") from None
        return
    import tempfile  # here: only writing needs it, and describe starts without it

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise UserError(f"Cannot write {path}: the folder {path.parent} does not exist.") from None
    except OSError as exc:
        raise UserError(f"Cannot write {path}: {exc.strerror}.") from None
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"Cannot write {path}: {exc.strerror}.") from None


def _mode_for(path: Path) -> int:
    """Keep a replaced file's permissions; new files get the usual 0666 & ~umask
    rather than mkstemp's private 0600."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def data_dir(env: Mapping[str, str]) -> Path:
    """MLROLES_HOME if set, else the platform's per-user data folder."""
    if env.get("MLROLES_HOME"):
        return Path(env["MLROLES_HOME"]).expanduser()
    home = Path(env["HOME"]) if env.get("HOME") else _account_home()
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        # The XDG spec: a relative path is invalid and must be ignored.
        base = Path(xdg) if os.path.isabs(xdg) else home / ".local" / "share"
    return base / "mlroles"


def _account_home() -> Path:
    """The user's home from the account database, when HOME is unset or empty
    (Path.home() would read the empty HOME and give the root folder)."""
    try:
        import pwd

        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError):  # Windows, or an account without an entry
        return Path(os.path.expanduser("~"))


# The most a data file (catalog, questionnaire, answers) may hold: the
# shipped ones are about 30 kB; more is a wrong file or /dev/zero.
DATA_FILE_LIMIT = 1_000_000
# A team file: 100,000 members take about 5 MB.
TEAM_FILE_LIMIT = 200_000_000


def read_bytes(path: Path, what: str, limit: int = DATA_FILE_LIMIT) -> bytes:
    """A file's bytes, at most limit of them; every failure is a user error
    that says what to do. Read in one bounded call, so an endless file
    (/dev/zero, a pipe that never ends) is refused rather than exhausting memory."""
    try:
        with path.open("rb") as handle:
            data = _read_at_most(handle, limit + 1)
    except FileNotFoundError:
        raise UserError(f"{what} not found: {path}", "Check the path and try again.") from None
    except IsADirectoryError:
        raise UserError(f"{what} {path} is a directory; give a file.") from None
    except OSError as exc:
        raise UserError(f"Cannot read {what.lower()} {path}: {exc.strerror}.") from None
    if len(data) > limit:
        raise UserError(
            f"{what} {path} is larger than {limit:,} bytes; this is not a file mlroles can use."
        )
    return data


def _read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to size bytes. read(size) would set aside size bytes up front, so a
    regular file is read at its own length, anything else a megabyte at a time."""
    import stat

    info = os.fstat(handle.fileno())
    if stat.S_ISREG(info.st_mode):
        return handle.read(min(size, info.st_size + 1))
    chunks, total = [], 0
    while total < size and (chunk := handle.read(min(1 << 20, size - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def check_writable_target(path: Path, inputs: list[Path]) -> None:
    """Before any work: refuse an output path that would overwrite an input,
    is a folder, is in a folder that does not exist, or is a read-only file."""
    import stat

    path = path.expanduser()
    target = path.resolve() if path.is_symlink() else path
    for source in inputs:
        try:
            same = target.exists() and source.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same or target.resolve() == source.expanduser().resolve():
            raise UserError(
                f"{path} is also an input ({source}); writing there would overwrite it.",
                "Give the output another name.",
            )
    if target.is_dir():
        raise UserError(f"{path} is a folder; give a file name to write.")
    if not target.parent.is_dir():
        raise UserError(f"Cannot write {path}: the folder {target.parent} does not exist.")
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new file
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise UserError(f"{path} is read-only; mlroles will not replace it.")
