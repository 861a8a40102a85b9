"""A bare `mlroles quiz` starts without Typer (cli/entry.py). These tests hold
that path to the app's: the same output, messages and exit codes, for every
way a quiz can end."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlroles.cli import entry
from mlroles.cli import main as app_main
from mlroles.cli.environment import Environment
from mlroles.core.axes import Axis

from .conftest import QUESTIONNAIRE, TtyStream, answer_keys, answers_by_axis, review_keys

Outcome = tuple[int, str, str]
Runner = Callable[[list[str], Environment], int]


def run_with(
    runner: Runner,
    home: Path,
    *,
    tty: bool = True,
    keys: str | None = None,
    variables: dict[str, str] | None = None,
) -> Outcome:
    """One run of `mlroles quiz` through runner, with its own history folder
    and, when keys are given, those keys typed into the prompts."""
    stream = TtyStream if tty else __import__("io").StringIO
    stdin, stdout, stderr = stream(""), stream(), stream()
    env = Environment.from_streams(
        stdin, stdout, stderr, {"MLROLES_HOME": str(home), "COLUMNS": "80", **(variables or {})}
    )
    if keys is None:
        code = runner(["quiz"], env)
    else:
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys)
            pipe.close()
            code = runner(["quiz"], env)
    return code, stdout.getvalue(), stderr.getvalue()


def both(tmp_path: Path, **kwargs: object) -> tuple[Outcome, Outcome]:
    """The quiz through the console script's quick path and through the app."""
    quick = run_with(entry.main, tmp_path / "quick", **kwargs)  # type: ignore[arg-type]
    app = run_with(app_main.main, tmp_path / "app", **kwargs)  # type: ignore[arg-type]
    return quick, app


def saved_line_generic(text: str) -> str:
    """The saved result's file name holds the time it was saved."""
    return re.sub(r"Saved this result to \S+", "Saved this result to FILE", text)


@pytest.mark.parametrize(
    ("args", "variables", "quick"),
    [
        (["quiz"], {}, True),
        (["quiz"], {"MLROLES_ROLES": ""}, True),  # empty is unset, to click as to us
        (["quiz"], {"NO_COLOR": "1", "MLROLES_DEBUG": "1"}, True),
        (["quiz", "--json"], {}, False),
        (["--debug", "quiz"], {}, False),
        (["quiz", "extra"], {}, False),
        (["quiz"], {"MLROLES_ROLES": "roles.toml"}, False),
        (["quiz"], {"MLROLES_QUESTIONS": "q.toml"}, False),
        (["quiz"], {"_MLROLES_COMPLETE": "bash_complete"}, False),
        ([], {}, False),
    ],
)
def test_only_a_bare_quiz_that_typer_would_not_read_more_into_is_quick(
    args: list[str], variables: dict[str, str], quick: bool
) -> None:
    assert entry.is_bare_quiz(args, variables) is quick


def test_a_finished_quiz_prints_and_saves_the_same_page(tmp_path: Path) -> None:
    levels: dict[Axis, list[int]] = {
        "machine_learning": [4],
        "software_engineering": [5],
        "communication": [2],
    }
    answers = answers_by_axis(QUESTIONNAIRE, levels, "ml-engineer")
    keys = answer_keys(QUESTIONNAIRE, answers) + review_keys(QUESTIONNAIRE)
    quick, app = both(tmp_path, keys=keys)
    assert quick[0] == app[0] == 0
    assert quick[1] == app[1] and "ML engineer" in quick[1]
    assert saved_line_generic(quick[2]) == saved_line_generic(app[2])
    assert "Saved this result to" in quick[2]
    for home in ("quick", "app"):
        saved = list((tmp_path / home / "results").glob("*.json"))
        assert len(saved) == 1
        assert json.loads(saved[0].read_text(encoding="utf-8"))["best"] == "ml-engineer"


def test_without_a_terminal_both_refuse_alike(tmp_path: Path) -> None:
    quick, app = both(tmp_path, tty=False)
    assert quick == app
    assert quick[0] == 2 and "--answers" in quick[2] and quick[1] == ""


@pytest.mark.parametrize(
    ("raised", "code", "said"),
    [
        (KeyboardInterrupt(), 130, "Quiz cancelled."),
        (EOFError(), 130, "Quiz cancelled."),
        ("stop", 143, "Quiz stopped by SIGTERM."),
        (RuntimeError("boom"), 1, "mlroles: internal error: RuntimeError: boom"),
    ],
)
def test_a_quiz_that_ends_early_ends_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: object, code: int, said: str
) -> None:
    import signal

    from mlroles.cli import prompting
    from mlroles.cli.signals import Stopped

    error = Stopped(signal.SIGTERM) if raised == "stop" else raised

    def fail(*args: object, **kwargs: object) -> None:
        assert isinstance(error, BaseException)
        raise error

    monkeypatch.setattr(prompting, "run_quiz", fail)
    quick, app = both(tmp_path)
    assert quick == app
    assert quick[0] == code
    assert said in quick[2]
    assert "Traceback" not in quick[2]


def test_debug_shows_the_traceback_on_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlroles.cli import prompting

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(prompting, "run_quiz", fail)
    quick, app = both(tmp_path, variables={"MLROLES_DEBUG": "1"})
    assert quick[0] == app[0] == 1
    for _, _, stderr in (quick, app):
        assert stderr.startswith("Traceback")
        assert "RuntimeError: boom" in stderr
    # The frames above the quiz differ (the app's include click's); the end does not.
    assert quick[2].splitlines()[-3:] == app[2].splitlines()[-3:]


def test_a_bare_quiz_does_not_import_typer(tmp_path: Path) -> None:
    """In a fresh process with no terminal: a bare quiz refuses (2) without
    loading Typer; with a global option the app runs, and loads it."""

    def typer_loaded(args: list[str]) -> str:
        code = (
            "import sys\n"
            "from mlroles.cli.entry import main\n"
            f"code = main({args!r})\n"
            "print(code, 'typer' in sys.modules, file=sys.stderr)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            env={"PATH": "", "MLROLES_HOME": str(tmp_path / "home")},
        )
        return done.stderr.splitlines()[-1]

    assert typer_loaded(["quiz"]) == "2 False"
    assert typer_loaded(["--debug", "quiz"]) == "2 True"
