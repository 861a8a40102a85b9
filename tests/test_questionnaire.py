from __future__ import annotations

import re

import pytest

from mlroles.core.axes import Position
from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import (
    NOT_SURE,
    WORK_PRODUCT_AXIS,
    AnswerValue,
    Questionnaire,
    answers_are_flat,
    level_value,
    work_product_of,
)
from mlroles.core.scoring import build_model, evidence_from_answers, profile_of
from mlroles.files.answers_file import AnswersError, check_answers, parse_answers_file
from mlroles.files.questionnaire_file import QuestionnaireError, parse_questionnaire

from .conftest import (
    CATALOG,
    NEW_QUESTION,
    QUESTIONNAIRE,
    first_question,
    with_table,
    work_product_question,
)

BARE_ADJECTIVES = re.compile(
    r"\b(beginner|basic|intermediate|advanced|expert|novice|proficient|good|bad|strong|weak)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return QUESTIONNAIRE


WORK_PRODUCT = work_product_question().id
SWE = first_question("software_engineering").id
ML = first_question("machine_learning").id
COMM = first_question("communication").id


def answers_at(
    questionnaire: Questionnaire, level: int, product: str = NOT_SURE
) -> dict[str, int | str]:
    answers: dict[str, int | str] = {q.id: level for q in questionnaire.axis_questions}
    answers[WORK_PRODUCT] = product
    return answers


def test_enough_items_per_axis(questionnaire: Questionnaire) -> None:
    axes = [q.axis for q in questionnaire.questions]
    assert axes.count("software_engineering") >= 3
    assert axes.count("machine_learning") >= 3
    assert axes.count("communication") >= 2
    assert axes.count(WORK_PRODUCT_AXIS) == 1


def test_axis_questions_have_five_concrete_levels(questionnaire: Questionnaire) -> None:
    for question in questionnaire.axis_questions:
        assert [c.value for c in question.choices] == [1, 2, 3, 4, 5]
        for choice in question.choices:
            assert not BARE_ADJECTIVES.search(choice.label), choice.label
            assert choice.label.startswith("I ") or question.id == "comm-collaboration"


def test_work_product_choices_come_from_the_catalog(
    questionnaire: Questionnaire, catalog: Catalog
) -> None:
    question = questionnaire.get(WORK_PRODUCT)
    assert question is questionnaire.questions[-1]
    assert [c.value for c in question.choices] == [*catalog.ids, NOT_SURE]
    labels = [c.label for c in question.choices]
    assert labels[:-1] == [role.work_product for role in catalog.roles]


def test_levels_map_to_the_axis_scale() -> None:
    assert [level_value(level) for level in range(1, 6)] == [0.0, 2.5, 5.0, 7.5, 10.0]


def profile_from_answers(
    questionnaire: Questionnaire, answers: dict[str, AnswerValue]
) -> tuple[Position, str | None]:
    model = build_model(CATALOG, questionnaire)
    profile, _ = profile_of(model, evidence_from_answers(questionnaire, answers))
    return profile, work_product_of(questionnaire, answers)


def test_profile_is_the_mean_of_each_axis(questionnaire: Questionnaire) -> None:
    answers = answers_at(questionnaire, 1, "ml-engineer")
    answers.update({SWE: 5, ML: 2})  # level 5 is 10, level 2 is 2.5, level 1 is 0
    profile, product = profile_from_answers(questionnaire, answers)
    items = questionnaire.items_per_axis
    assert profile.software_engineering == pytest.approx(10 / items["software_engineering"])
    assert profile.machine_learning == pytest.approx(2.5 / items["machine_learning"])
    assert profile.communication == 0.0
    assert product == "ml-engineer"


def test_every_question_on_an_axis_counts(catalog: Catalog, questions_text: str) -> None:
    text = with_table(questions_text, NEW_QUESTION)  # one more machine-learning question
    longer = parse_questionnaire(text, "q.toml", catalog)
    extra = next(q for q in longer.questions if q.id not in {q.id for q in QUESTIONNAIRE.questions})
    answers = {**answers_at(longer, 1), extra.id: 5}
    profile, _ = profile_from_answers(longer, answers)
    assert longer.items_per_axis[extra.axis] == QUESTIONNAIRE.items_per_axis[extra.axis] + 1
    assert profile.value(extra.axis) == pytest.approx(10 / longer.items_per_axis[extra.axis])


def test_not_sure_gives_no_work_product(questionnaire: Questionnaire) -> None:
    _, product = profile_from_answers(questionnaire, answers_at(questionnaire, 3))
    assert product is None


def test_flat_answers_are_detected(questionnaire: Questionnaire) -> None:
    answers = answers_at(questionnaire, 3)
    assert answers_are_flat(questionnaire, answers)
    answers[ML] = 4
    assert not answers_are_flat(questionnaire, answers)


def test_check_answers_reports_every_problem(
    questionnaire: Questionnaire, catalog: Catalog
) -> None:
    raw: dict[str, object] = dict(answers_at(questionnaire, 2))
    del raw[ML]
    raw[SWE] = 6
    raw[COMM] = True
    raw[WORK_PRODUCT] = "astronaut"
    raw["typo-question"] = 3
    with pytest.raises(AnswersError) as info:
        check_answers(questionnaire, raw, "a.toml", catalog)
    problems = info.value.problems
    assert "unknown question id 'typo-question'." in problems
    assert f"key '{SWE}': 6 is not a level; use a whole number from 1 to 5." in problems
    assert f"key '{COMM}': True is not a level; use a whole number from 1 to 5." in problems
    not_a_role = f"key '{WORK_PRODUCT}': 'astronaut' is not a role id"
    assert any(p.startswith(not_a_role) for p in problems)
    assert len(problems) == 4  # the question left out is unknown, not a problem


def test_a_question_left_out_is_unknown(questionnaire: Questionnaire, catalog: Catalog) -> None:
    raw: dict[str, object] = dict(answers_at(questionnaire, 2))
    del raw[ML]
    answers = check_answers(questionnaire, raw, "a.toml", catalog)
    assert ML not in answers and len(answers) == len(raw)
    nothing = {WORK_PRODUCT: "not-sure"}
    with pytest.raises(AnswersError) as info:
        check_answers(questionnaire, nothing, "a.toml", catalog)
    assert info.value.problems == [
        "no question is answered; answer at least one (mlroles questions)."
    ]


def test_an_old_question_id_names_its_successor(
    questionnaire: Questionnaire, catalog: Catalog
) -> None:
    renamed = next(q for q in questionnaire.axis_questions if q.replaces)
    raw: dict[str, object] = {**answers_at(questionnaire, 2), str(renamed.replaces): 3}
    with pytest.raises(AnswersError) as info:
        check_answers(questionnaire, raw, "a.toml", catalog)
    assert f"it is now '{renamed.id}'" in info.value.problems[0]


def test_work_product_accepts_aliases(questionnaire: Questionnaire, catalog: Catalog) -> None:
    answers = check_answers(questionnaire, answers_at(questionnaire, 2, "MLE"), "a", catalog)
    assert answers[WORK_PRODUCT] == "ml-engineer"


def test_answers_file_json_error_names_line() -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_file('{\n  "ml-math": 3,\n  oops\n}', "a.json")
    assert info.value.problems[0].startswith("line 3, column 3: JSON syntax error")


def test_answers_file_toml_error_names_line() -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_file("ml-math = 3\nswe = = 4\n", "a.toml")
    assert info.value.problems[0].startswith("line 2, column")


def test_answers_json_must_be_an_object() -> None:
    with pytest.raises(AnswersError):
        parse_answers_file("[1, 2]", "a.json")


def test_questionnaire_validation(catalog: Catalog) -> None:
    text = """
schema_version = 1
[[questions]]
id = "q1"
axis = "cooking"
text = "How well do you cook?"
levels = ["a", "b", "c"]
[work_product]
id = "wp"
text = "Which?"
"""
    with pytest.raises(QuestionnaireError) as info:
        parse_questionnaire(text, "q.toml", catalog)
    problems = info.value.problems
    assert (
        "question 'q1', field 'axis': must be one of machine_learning, "
        "software_engineering, communication." in problems
    )
    assert "work_product, field 'not_sure': is missing." in problems
    assert any("no question for the axis 'machine_learning'" in p for p in problems)
    assert "question 'q1', field 'levels': must list exactly 5 levels, lowest first." in problems
