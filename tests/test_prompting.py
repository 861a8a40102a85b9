"""The interactive quiz driven with real keystrokes through prompt_toolkit.

The keys are worked out from the questionnaire, so these tests hold for any
number of questions and roles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mlroles.core.axes import AXES, Axis
from mlroles.core.questionnaire import NOT_SURE
from mlroles.core.scoring import assess, build_model, evidence_from_answers

from .conftest import (
    CATALOG,
    CTRL_C,
    DOWN,
    ENTER,
    QUESTIONNAIRE,
    TypeKeys,
    answer_keys,
    answers_by_axis,
    axis_means,
    choose,
    mlroles,
    review_keys,
    work_product_question,
)

# Answers an ML engineer might give: the levels of each axis's questions, in order.
LEVELS: dict[Axis, tuple[int, ...]] = {
    "software_engineering": (4, 4, 3),
    "machine_learning": (4, 4, 3),
    "communication": (2, 2, 1),
}
PRODUCT = "ml-engineer"
ANSWERS = answers_by_axis(QUESTIONNAIRE, LEVELS, PRODUCT)
ANSWER_KEYS = answer_keys(QUESTIONNAIRE, ANSWERS)
WORK_PRODUCT = work_product_question()


def level(n: int) -> str:
    """Keys that pick level n (1-5) on a fresh axis question."""
    return DOWN * (n - 1) + ENTER


def run_quiz(keys: TypeKeys, typed: str, *args: str) -> tuple[int, str, str]:
    keys(typed)
    result = mlroles("quiz", *args, env={"NO_COLOR": "1"}, tty=True)
    return result.exit_code, result.stdout, result.stderr


def test_the_keys_answer_every_question() -> None:
    """The keys below cover the whole questionnaire, whatever its length."""
    assert set(ANSWERS) == {q.id for q in QUESTIONNAIRE.questions}
    assert ANSWER_KEYS.count(ENTER) == len(QUESTIONNAIRE.questions)


MODEL = build_model(CATALOG, QUESTIONNAIRE)


def assert_profile_is_the_answers(data: dict[str, Any]) -> None:
    """The quiz's JSON places you where ANSWERS do, with their work product."""
    assert data["work_product"] == PRODUCT
    expected = axis_means(QUESTIONNAIRE, ANSWERS)
    for axis in AXES:
        assert data["profile"][axis] == pytest.approx(expected.value(axis), abs=1e-3)


def test_answering_every_question_shows_the_result(type_keys: TypeKeys) -> None:
    code, out, err = run_quiz(type_keys, ANSWER_KEYS + review_keys(QUESTIONNAIRE), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert_profile_is_the_answers(data)
    assert data["best"] == assess(MODEL, evidence_from_answers(QUESTIONNAIRE, ANSWERS)).best.role.id


def test_human_result_page_after_the_quiz(type_keys: TypeKeys) -> None:
    code, out, err = run_quiz(type_keys, ANSWER_KEYS + review_keys(QUESTIONNAIRE))
    assert code == 0, err
    best = assess(MODEL, evidence_from_answers(QUESTIONNAIRE, ANSWERS)).best.role
    assert " ".join(out.split()).count(f"{best.name}") >= 1
    assert "is the most likely role for you" in " ".join(out.split())
    assert "Where you stand" in out


def test_review_can_go_back_and_change_an_answer(type_keys: TypeKeys) -> None:
    # The changed question starts on its old answer; move to "not sure".
    change = review_keys(QUESTIONNAIRE, WORK_PRODUCT.id) + choose(WORK_PRODUCT, NOT_SURE, PRODUCT)
    typed = ANSWER_KEYS + change + review_keys(QUESTIONNAIRE)
    code, out, err = run_quiz(type_keys, typed, "--json")
    assert code == 0, err
    assert json.loads(out)["work_product"] is None


def test_review_change_of_an_axis_answer(type_keys: TypeKeys) -> None:
    first = QUESTIONNAIRE.questions[0]
    change = review_keys(QUESTIONNAIRE, first.id) + choose(first, 1, ANSWERS[first.id])
    code, out, err = run_quiz(
        type_keys, ANSWER_KEYS + change + review_keys(QUESTIONNAIRE), "--json"
    )
    assert code == 0, err
    changed = axis_means(QUESTIONNAIRE, {**ANSWERS, first.id: 1}).value(first.axis)
    assert changed < axis_means(QUESTIONNAIRE, ANSWERS).value(first.axis)
    assert json.loads(out)["profile"][first.axis] == pytest.approx(changed, abs=1e-3)


@pytest.mark.parametrize("typed", [CTRL_C, level(3) + level(2) + CTRL_C])
def test_ctrl_c_cancels_with_130(type_keys: TypeKeys, typed: str) -> None:
    code, out, err = run_quiz(type_keys, typed)
    assert code == 130
    assert "Quiz cancelled." in err
    assert "Traceback" not in err
    assert out == ""


def test_ctrl_c_in_review(type_keys: TypeKeys) -> None:
    code, _, err = run_quiz(type_keys, ANSWER_KEYS + CTRL_C)
    assert code == 130
    assert "Quiz cancelled." in err


def test_flat_answers_warn(type_keys: TypeKeys) -> None:
    flat = answers_by_axis(QUESTIONNAIRE, {axis: (3,) for axis in AXES}, NOT_SURE)
    typed = answer_keys(QUESTIONNAIRE, flat) + review_keys(QUESTIONNAIRE)
    code, out, err = run_quiz(type_keys, typed, "--json")
    assert code == 0, err
    assert any("same level" in w for w in json.loads(out)["warnings"])


def test_interactive_quiz_saves_by_default_and_says_where(
    type_keys: TypeKeys, isolated_home: Path
) -> None:
    code, _, err = run_quiz(type_keys, ANSWER_KEYS + review_keys(QUESTIONNAIRE))
    assert code == 0, err
    (saved,) = (isolated_home / "results").glob("result-*.json")
    assert f"Saved this result to {saved}" in err


def test_interactive_quiz_with_no_save(type_keys: TypeKeys, isolated_home: Path) -> None:
    code, _, err = run_quiz(type_keys, ANSWER_KEYS + review_keys(QUESTIONNAIRE), "--no-save")
    assert code == 0, err
    assert not (isolated_home / "results").exists()
    assert "Saved" not in err


def test_cancelled_quiz_saves_nothing(type_keys: TypeKeys, isolated_home: Path) -> None:
    code, _, _ = run_quiz(type_keys, level(3) + CTRL_C)
    assert code == 130
    assert not (isolated_home / "results").exists()


@pytest.mark.parametrize("typed", ["", level(3), ANSWER_KEYS])
def test_running_out_of_keys_cancels_instead_of_waiting(type_keys: TypeKeys, typed: str) -> None:
    """A test that sends too few keys must fail, not hang: the closed input
    ends the prompt that is waiting for more."""
    code, out, err = run_quiz(type_keys, typed)
    assert code == 130
    assert "Quiz cancelled." in err
    assert out == ""


LEFT = "\x1b[D"


def test_number_keys_pick_a_level(type_keys: TypeKeys) -> None:
    """A digit moves to that choice (1 = the first); Enter takes it."""
    digits = "".join(
        str([c.value for c in q.choices].index(ANSWERS[q.id]) + 1) + ENTER
        for q in QUESTIONNAIRE.questions
    )
    code, out, err = run_quiz(type_keys, digits + review_keys(QUESTIONNAIRE), "--json")
    assert code == 0, err
    assert_profile_is_the_answers(json.loads(out))


def test_left_goes_back_to_the_previous_question(
    type_keys: TypeKeys,
) -> None:
    first = QUESTIONNAIRE.questions[0]
    top = len(first.choices)
    # Answer the first question with level 1, go back from the second, change it
    # to the top level, then answer everything as ANSWERS does.
    typed = ENTER + LEFT + str(top) + ENTER + ANSWER_KEYS[len(choose(first, ANSWERS[first.id])) :]
    code, out, err = run_quiz(type_keys, typed + review_keys(QUESTIONNAIRE), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["unknown_items"] == []
    answers = dict(ANSWERS) | {first.id: first.choices[-1].value}
    assert data["best"] == assess(MODEL, evidence_from_answers(QUESTIONNAIRE, answers)).best.role.id
