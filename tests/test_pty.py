"""End to end in a real pseudo-terminal: arrow keys, Enter, Ctrl-C."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.slow

DOWN, ENTER = "\x1b[B", "\r"


def spawn(tmp_path: Path) -> pexpect.spawn:
    # pexpect does not answer cursor-position requests; without this each
    # prompt would wait for the answer to time out.
    env = {
        **os.environ,
        "COLUMNS": "80",
        "LINES": "24",
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "mlroles", "quiz"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )


def test_quiz_in_a_real_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    for number in range(1, 10):
        child.expect(f"{number}/10")
        child.send(DOWN * (number % 3) + ENTER)
    child.expect("10/10 Which work product")
    child.send(DOWN * 2 + ENTER)
    child.expect("Review your answers")
    child.send(ENTER)
    child.expect("Best fit:")
    child.expect("Read more: mlroles describe")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("1/10")
    child.send(ENTER)
    child.expect("2/10")
    child.sendcontrol("c")
    child.expect("Quiz cancelled.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
