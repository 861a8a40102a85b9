"""The interactive quiz driven with real keystrokes through prompt_toolkit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import TypeKeys, mlroles

DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"


def level(n: int) -> str:
    """Keys that pick level n (1-5) on a fresh question."""
    return DOWN * (n - 1) + ENTER


def run_quiz(keys: TypeKeys, typed: str, *args: str) -> tuple[int, str, str]:
    keys(typed)
    result = mlroles("quiz", *args, env={"NO_COLOR": "1"}, tty=True)
    return result.exit_code, result.stdout, result.stderr


ML_ENGINEER_KEYS = (
    level(4)
    + level(4)
    + level(3)  # software engineering
    + level(4)
    + level(4)
    + level(3)  # machine learning
    + level(2)
    + level(2)
    + level(1)  # communication
    + DOWN * 2
    + ENTER  # work product: the third role's (ML engineer)
)


def test_answering_every_question_shows_the_result(type_keys: TypeKeys) -> None:
    code, out, err = run_quiz(type_keys, ML_ENGINEER_KEYS + ENTER, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["best"] == "ml-engineer"
    assert data["work_product"] == "ml-engineer"
    assert data["profile"]["software_engineering"] == pytest.approx((7.5 + 7.5 + 5) / 3, abs=1e-3)
    assert data["profile"]["communication"] == pytest.approx((2.5 + 2.5 + 0) / 3, abs=1e-3)


def test_human_result_page_after_the_quiz(type_keys: TypeKeys) -> None:
    code, out, err = run_quiz(type_keys, ML_ENGINEER_KEYS + ENTER)
    assert code == 0, err
    assert "Best fit: ML engineer" in out
    assert "Where you stand" in out


def test_review_can_go_back_and_change_an_answer(type_keys: TypeKeys) -> None:
    # In the review list: confirm, then question 1..10 (the separator is skipped).
    change_question_10 = DOWN * 10 + ENTER
    # The changed question starts on its old answer (ML engineer); move to "not sure".
    to_not_sure = DOWN * 4 + ENTER
    typed = ML_ENGINEER_KEYS + change_question_10 + to_not_sure + ENTER
    code, out, err = run_quiz(type_keys, typed, "--json")
    assert code == 0, err
    assert json.loads(out)["work_product"] is None


def test_review_change_of_an_axis_answer(type_keys: TypeKeys) -> None:
    change_question_1 = DOWN + ENTER
    to_level_1 = UP * 3 + ENTER  # it starts on level 4
    code, out, err = run_quiz(
        type_keys, ML_ENGINEER_KEYS + change_question_1 + to_level_1 + ENTER, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["profile"]["software_engineering"] == pytest.approx(
        (0 + 7.5 + 5) / 3, abs=1e-3
    )


@pytest.mark.parametrize("typed", [CTRL_C, level(3) + level(2) + CTRL_C])
def test_ctrl_c_cancels_with_130(type_keys: TypeKeys, typed: str) -> None:
    code, out, err = run_quiz(type_keys, typed)
    assert code == 130
    assert "Quiz cancelled." in err
    assert "Traceback" not in err
    assert out == ""


def test_ctrl_c_in_review(type_keys: TypeKeys) -> None:
    code, _, err = run_quiz(type_keys, ML_ENGINEER_KEYS + CTRL_C)
    assert code == 130
    assert "Quiz cancelled." in err


def test_flat_answers_warn(type_keys: TypeKeys) -> None:
    typed = level(3) * 9 + ENTER + ENTER
    code, out, err = run_quiz(type_keys, typed, "--json")
    assert code == 0, err
    assert any("same level" in w for w in json.loads(out)["warnings"])


def test_interactive_quiz_saves_by_default_and_says_where(
    type_keys: TypeKeys, isolated_home: Path
) -> None:
    code, _, err = run_quiz(type_keys, ML_ENGINEER_KEYS + ENTER)
    assert code == 0, err
    (saved,) = (isolated_home / "results").glob("result-*.json")
    assert f"Saved this result to {saved}" in err


def test_interactive_quiz_with_no_save(type_keys: TypeKeys, isolated_home: Path) -> None:
    code, _, err = run_quiz(type_keys, ML_ENGINEER_KEYS + ENTER, "--no-save")
    assert code == 0, err
    assert not (isolated_home / "results").exists()
    assert "Saved" not in err


def test_cancelled_quiz_saves_nothing(type_keys: TypeKeys, isolated_home: Path) -> None:
    code, _, _ = run_quiz(type_keys, level(3) + CTRL_C)
    assert code == 130
    assert not (isolated_home / "results").exists()


@pytest.mark.parametrize("typed", ["", level(3), ML_ENGINEER_KEYS])
def test_running_out_of_keys_cancels_instead_of_waiting(type_keys: TypeKeys, typed: str) -> None:
    """A test that sends too few keys must fail, not hang: the closed input
    ends the prompt that is waiting for more."""
    code, out, err = run_quiz(type_keys, typed)
    assert code == 130
    assert "Quiz cancelled." in err
    assert out == ""
