"""The questionnaire: questions as data, answers, and the profile they give.

Axis questions have five levels; level 1..5 maps to 0, 2.5, 5, 7.5, 10 on the
question's axis, and an axis value is the mean of the questions answered on
it. A question left unanswered is unknown: it is left out, never read as a
level. The work-product question's choices are the catalog's work products."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from mlroles.core.axes import AXES, SCALE_MAX

LEVELS = 5
WORK_PRODUCT_AXIS = "work_product"
NOT_SURE = "not-sure"

AnswerValue = int | str


@dataclass(frozen=True)
class Choice:
    value: AnswerValue
    label: str


@dataclass(frozen=True)
class ScoringRules:
    """The scoring constants; data/questions.toml's [scoring] table says why
    each has its value."""

    step_probability: float  # retake: an answer moves one level down, or up, with this each
    product_weight: float  # the chosen work product's prior weight; 1 for every other role
    role_spread: float  # sd, in answer levels, of how people in one role answer an item
    retakes: int  # simulated retakes behind the stability figure
    seed: int
    clear_at: float  # stability at or above which the result is "clear"
    leaning_at: float  # ... "leaning"; below it, "toss-up"
    contradiction_levels: int  # two items of one axis this far apart disagree
    fit_zero_distance: float  # chart distance at which chart fit reaches 0%
    far_fit: float  # below this chart fit for the nearest role, no role is close


@dataclass(frozen=True)
class Question:
    id: str
    axis: str
    text: str
    choices: tuple[Choice, ...]
    posting_text: str = ""  # the question asked about a job posting
    replaces: str | None = None  # the id this question had in an older version

    def label_for(self, value: AnswerValue) -> str:
        return next(c.label for c in self.choices if c.value == value)


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]
    source: str
    rules: ScoringRules
    intro: str = "Use ↑ ↓ or a number, then Enter; ← goes back. Ctrl-C quits."
    posting_intro: str = ""

    def get(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    @property
    def axis_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.axis != WORK_PRODUCT_AXIS)

    def items_on(self, axis: str) -> int:
        """How many questions measure this axis."""
        return sum(1 for q in self.axis_questions if q.axis == axis)

    @property
    def items_per_axis(self) -> dict[str, int]:
        """How many questions measure each axis."""
        return {axis: self.items_on(axis) for axis in AXES}

    def replaced(self, old_id: str) -> Question | None:
        """The question that took over an id from an older questionnaire."""
        return next((q for q in self.questions if q.replaces == old_id), None)


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


def known_levels(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> tuple[tuple[str, int], ...]:
    """(question id, level) for every axis question answered, in order."""
    return tuple(
        (q.id, int(answers[q.id])) for q in questionnaire.axis_questions if q.id in answers
    )


def unknown_items(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> tuple[str, ...]:
    return tuple(q.id for q in questionnaire.axis_questions if q.id not in answers)


def item_values(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> dict[str, list[float]]:
    """Each axis's answered items, as axis values (0-10); unknown items are left out."""
    values: dict[str, list[float]] = {axis: [] for axis in AXES}
    for question in questionnaire.axis_questions:
        if question.id in answers:
            values[question.axis].append(level_value(int(answers[question.id])))
    return values


def work_product_of(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> str | None:
    """The chosen work product's role id, or None for "not sure" or no answer."""
    product = next(
        (answers.get(q.id) for q in questionnaire.questions if q.axis == WORK_PRODUCT_AXIS),
        None,
    )
    return None if product in (None, NOT_SURE) else str(product)


def answers_are_flat(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> bool:
    """True when every axis question was answered, all at the same level."""
    levels = [answers.get(q.id) for q in questionnaire.axis_questions]
    return None not in levels and len(set(levels)) == 1
