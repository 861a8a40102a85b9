"""Every command's --help at 60 columns without colour, compared with a stored
snapshot, as commitizen does: a change to any help text shows up in review.

After changing help on purpose, regenerate the snapshots with:
    MLROLES_UPDATE_SNAPSHOTS=1 pytest tests/test_help_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlroles.cli.main import COMMANDS

from .conftest import Run

SNAPSHOTS = Path(__file__).parent / "snapshots" / "help-60"
NAMES = ["", *(command.name for command in COMMANDS)]  # "" is mlroles --help


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n or "mlroles")
def test_help_matches_its_snapshot(run: Run, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer draws help with a console of its own, which reads the process's
    # environment rather than the one main() is given.
    for variable, value in {"COLUMNS": "60", "NO_COLOR": "1", "TERM": "dumb"}.items():
        monkeypatch.setenv(variable, value)
    args = [name, "--help"] if name else ["--help"]
    result = run(*args, env={"COLUMNS": "60", "NO_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 60
    path = SNAPSHOTS / f"{name or 'mlroles'}.txt"
    if os.environ.get("MLROLES_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8")
    assert path.is_file(), f"no snapshot yet; run: MLROLES_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert result.stdout == path.read_text(encoding="utf-8"), (
        f"mlroles {name} --help changed. If on purpose, regenerate: "
        "MLROLES_UPDATE_SNAPSHOTS=1 pytest tests/test_help_snapshots.py"
    )


def test_every_snapshot_belongs_to_a_command() -> None:
    """A removed command's snapshot does not linger."""
    stored = {p.stem for p in SNAPSHOTS.glob("*.txt")}
    assert stored == {name or "mlroles" for name in NAMES}
