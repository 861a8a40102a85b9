from __future__ import annotations

import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from mlroles.cli.environment import Environment
from mlroles.cli.main import app
from mlroles.files.paths import data_file

REPO = Path(__file__).resolve().parents[1]
ROLES_TOML = REPO / "data" / "roles.toml"


class TtyStream(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty history folder, never the user's."""
    home = tmp_path / "mlroles-home"
    monkeypatch.setenv("MLROLES_HOME", str(home))
    monkeypatch.delenv("MLROLES_ROLES", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def run() -> Run:
    """Invoke the CLI in-process; stdout is not a terminal."""

    def invoke(
        *args: str, env: Mapping[str, str] | None = None, input: str | None = None
    ) -> Result:
        runner = CliRunner()
        return runner.invoke(app, list(args), env={"COLUMNS": "80", **(env or {})}, input=input)

    return invoke


def tty_environment(env: Mapping[str, str]) -> tuple[Environment, TtyStream, TtyStream]:
    stdout, stderr = TtyStream(), TtyStream()
    environment = Environment(
        stdin=TtyStream(),
        stdout=stdout,
        stderr=stderr,
        stdin_isatty=True,
        stdout_isatty=True,
        stderr_isatty=True,
        env={"MLROLES_HOME": os.environ.get("MLROLES_HOME", ""), **env},
    )
    return environment, stdout, stderr


@pytest.fixture
def catalog_text() -> str:
    return data_file("roles.toml").read_text(encoding="utf-8")


@pytest.fixture
def write_catalog(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "roles.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
