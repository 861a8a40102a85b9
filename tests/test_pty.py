"""End to end in a real pseudo-terminal: arrow keys, Enter, Ctrl-C."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pytest

from .conftest import CATALOG, QUESTIONNAIRE, choose, work_product_question

pytestmark = pytest.mark.slow

DOWN, ENTER = "\x1b[B", "\r"
TOTAL = len(QUESTIONNAIRE.questions)


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
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
        ["-m", "mlroles", "quiz", *args],
        cwd=str(tmp_path),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )


def test_quiz_in_a_real_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    for number in range(1, len(QUESTIONNAIRE.axis_questions) + 1):
        child.expect(f"{number}/{TOTAL}")
        child.send(DOWN * (number % 3) + ENTER)
    child.expect(f"{TOTAL}/{TOTAL} {work_product_question().text.split()[0]}")
    child.send(choose(work_product_question(), "ml-engineer"))
    child.expect("Review your answers")
    child.send(ENTER)
    child.expect("simulated retakes")
    child.expect("Read more: mlroles describe")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect(f"1/{TOTAL}")
    child.send(ENTER)
    child.expect(f"2/{TOTAL}")
    child.sendcontrol("c")
    child.expect("Quiz cancelled.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")


def test_a_cv_prefills_the_quiz(tmp_path: Path) -> None:
    """The questions the CV answers are asked last, with the phrase that
    answers them shown and the cursor on that level."""
    from mlroles.core.reading import read_text
    from mlroles.files.paths import data_file
    from mlroles.files.signals_file import load_lexicon

    cv = "Ran our Kubernetes clusters and wrote production code in Golang.\n"
    (tmp_path / "cv.txt").write_text(cv, encoding="utf-8")
    lexicon = load_lexicon(data_file("signals.toml"), CATALOG, QUESTIONNAIRE)
    reading = read_text(cv, lexicon, QUESTIONNAIRE)
    said = {hit.item for hit in reading.deciding}
    child = spawn(tmp_path, "--from", "cv.txt", "--no-save")
    numbered = list(enumerate(QUESTIONNAIRE.questions, start=1))
    for number, question in numbered:  # what the CV does not say comes first
        if question.id not in said:
            child.expect(f"{number}/{TOTAL}")
            child.send(ENTER)
    first = next(hit for hit in reading.deciding)  # the first of them, in questionnaire order
    child.expect_exact(f"The text says: '{first.phrase}' (line 1).")
    child.sendcontrol("c")
    child.expect("Quiz cancelled.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.parametrize(("signame", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_during_the_quiz_stops_it_and_restores_the_terminal(
    tmp_path: Path, signame: str, code: int
) -> None:
    """kill -TERM / -HUP / -INT from outside, while a question waits."""
    import signal
    import termios

    child = spawn(tmp_path)
    child.expect(f"1/{TOTAL}")
    # The question can reach the screen a moment before the terminal is raw
    # (seen on a loaded machine), so wait for raw mode rather than race it.
    deadline = time.monotonic() + 10
    while termios.tcgetattr(child.child_fd)[3] & termios.ICANON:
        assert time.monotonic() < deadline, "the prompt never put the terminal in raw mode"
        time.sleep(0.01)
    child.kill(getattr(signal, signame))
    child.expect(pexpect.EOF)
    settings = termios.tcgetattr(child.child_fd)  # the pty keeps what the child left
    child.close()
    assert child.signalstatus is None and child.exitstatus == code
    assert settings[3] & termios.ICANON and settings[3] & termios.ECHO  # restored
    assert "Traceback" not in (child.before or "")


def test_signal_exit_codes_are_in_the_exit_code_table() -> None:
    import signal

    from mlroles.cli.exit_codes import ExitCode

    assert ExitCode.TERMINATED == 128 + signal.SIGTERM
    assert ExitCode.HANGUP == 128 + signal.SIGHUP
    assert ExitCode.INTERRUPTED == 128 + signal.SIGINT


def test_a_stop_signal_inside_an_event_loop_callback_leaves_the_loop() -> None:
    """asyncio reports an Exception raised by a callback to the loop's handler
    (prompt_toolkit then shows it and waits for Enter); a stop must instead
    unwind the prompt, as Ctrl-C does, wherever the signal lands."""
    import asyncio
    import signal

    from mlroles.cli.signals import Stopped

    async def waiting() -> None:
        asyncio.get_running_loop().call_soon(_raise_stop)
        await asyncio.sleep(5)

    def _raise_stop() -> None:
        raise Stopped(signal.SIGTERM)

    with pytest.raises(Stopped) as stopped:
        asyncio.run(waiting())
    assert stopped.value.code == 128 + signal.SIGTERM
