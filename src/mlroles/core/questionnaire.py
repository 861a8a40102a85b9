"""The questionnaire: questions as data, answers, and the profile they give.

Axis questions have five levels; level 1..5 maps to 0, 2.5, 5, 7.5, 10 on the
question's axis, and an axis value is the mean of its questions. The
work-product question's choices are the catalog's work products."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from mlroles.core.axes import AXES, SCALE_MAX, Position

LEVELS = 5
WORK_PRODUCT_AXIS = "work_product"
NOT_SURE = "not-sure"

AnswerValue = int | str


@dataclass(frozen=True)
class Choice:
    value: AnswerValue
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    axis: str
    text: str
    choices: tuple[Choice, ...]
    posting_text: str = ""  # the question asked about a job posting

    def label_for(self, value: AnswerValue) -> str:
        return next(c.label for c in self.choices if c.value == value)


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]
    source: str
    intro: str = "Use ↑ ↓ and Enter. Ctrl-C quits."
    posting_intro: str = ""

    def get(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    @property
    def axis_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.axis != WORK_PRODUCT_AXIS)

    @property
    def items_per_axis(self) -> dict[str, int]:
        """How many questions measure each axis."""
        return {axis: sum(q.axis == axis for q in self.questions) for axis in AXES}


def for_posting(questionnaire: Questionnaire) -> Questionnaire:
    """The same questions asked about a job posting instead of about yourself."""
    reworded = tuple(
        replace(q, text=q.posting_text or f"{q.text} (for the role)")
        for q in questionnaire.questions
    )
    intro = f"{questionnaire.posting_intro} {questionnaire.intro}".strip()
    return replace(questionnaire, questions=reworded, intro=intro)


def level_value(level: int) -> float:
    """Answer level 1..5 -> axis value 0..10."""
    return (level - 1) * SCALE_MAX / (LEVELS - 1)


def item_values(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> dict[str, list[float]]:
    """Each axis's answers, as axis values (0-10)."""
    return {
        axis: [
            level_value(int(answers[q.id])) for q in questionnaire.axis_questions if q.axis == axis
        ]
        for axis in AXES
    }


def profile_from_answers(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> tuple[Position, str | None]:
    """The place on the chart, and the chosen work product's role id (or None)."""
    items = item_values(questionnaire, answers)
    position = Position(*(sum(items[axis]) / len(items[axis]) for axis in AXES))
    product = next(
        (answers[q.id] for q in questionnaire.questions if q.axis == WORK_PRODUCT_AXIS), NOT_SURE
    )
    return position, None if product == NOT_SURE else str(product)


def answers_are_flat(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> bool:
    """True when every axis question got the same level."""
    return len({answers[q.id] for q in questionnaire.axis_questions}) == 1
