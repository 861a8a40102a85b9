"""The questionnaire: questions as data, answers, and the profile they give.

Axis questions have five levels; level 1..5 maps to 0, 2.5, 5, 7.5, 10 on the
question's axis, and an axis value is the mean of its questions. The
work-product question's choices are the catalog's work products."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mlroles.core.axes import AXES, SCALE_MAX, Position
from mlroles.core.catalog import Catalog
from mlroles.files.checks import DataFileError, FieldSpec, TableChecker, parse_toml

SCHEMA_VERSION = 1
LEVELS = 5
WORK_PRODUCT_AXIS = "work_product"
NOT_SURE = "not-sure"

QUESTION_FIELDS: FieldSpec = {
    "id": ("id", True),
    "axis": ("axis", True),
    "text": ("text", True),
    "posting_text": ("text", False),
    "levels": ("levels", True),
}
POSTING_FIELDS: FieldSpec = {
    "intro": ("text", True),
    "work_product": ("text", True),
}
WORK_PRODUCT_FIELDS: FieldSpec = {
    "id": ("id", True),
    "text": ("text", True),
    "not_sure": ("text", True),
}

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


class QuestionnaireError(DataFileError):
    what = "questionnaire"
    fix = "Fix these in the questionnaire file."


class AnswersError(DataFileError):
    what = "answers file"
    fix = "See every question id and its values with: mlroles questions --json"


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


def load_questionnaire(path: Path, catalog: Catalog) -> Questionnaire:
    from mlroles.files.catalog_file import read_text

    text = read_text(path, "Questionnaire", QuestionnaireError)
    return parse_questionnaire(text, str(path), catalog)


def parse_questionnaire(text: str, source: str, catalog: Catalog) -> Questionnaire:
    doc = parse_toml(text, source, QuestionnaireError)
    return _QuestionnaireChecker(source).questionnaire(doc, catalog)


class _QuestionnaireChecker(TableChecker):
    def questionnaire(self, doc: dict[str, Any], catalog: Catalog) -> Questionnaire:
        self.unknown_keys(
            doc, ("schema_version", "questions", "work_product", "posting"), "top level"
        )
        self.check_schema_version(doc, SCHEMA_VERSION)
        questions: list[Question] = []
        raw_questions = doc.get("questions")
        if not isinstance(raw_questions, list):
            self.report("top level", "no questions; add [[questions]] tables.")
            raw_questions = []
        for index, raw in enumerate(raw_questions):
            where = f"questions[{index}]"
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                where = f"question '{raw['id']}'"
            values = self.fields(raw, QUESTION_FIELDS, where) if isinstance(raw, dict) else None
            if values is not None:
                levels = values.pop("levels")
                choices = tuple(Choice(i + 1, label) for i, label in enumerate(levels))
                questions.append(Question(choices=choices, **values))
        for axis in AXES:
            if not any(q.axis == axis for q in questions):
                self.report("top level", f"no question for the axis '{axis}'; add one.")
        raw_product = doc.get("work_product")
        product = None
        if isinstance(raw_product, dict):
            product = self.fields(raw_product, WORK_PRODUCT_FIELDS, "work_product")
        else:
            self.report("top level", "missing the [work_product] table.")
        ids = [q.id for q in questions] + ([product["id"]] if product else [])
        for twice in sorted({i for i in ids if ids.count(i) > 1}):
            self.report(f"question '{twice}'", "this id is used twice.")
        posting = doc.get("posting")
        if isinstance(posting, dict):
            self.fields(posting, POSTING_FIELDS, "posting")
        elif posting is not None:
            self.report("posting", "must be a table: [posting].")
        if self.problems or product is None:
            raise QuestionnaireError(self.source, self.problems)
        if isinstance(posting, dict):
            product["posting_text"] = posting["work_product"]
        products = [Choice(role.id, role.work_product) for role in catalog.roles]
        products.append(Choice(NOT_SURE, product["not_sure"]))
        questions.append(
            Question(
                product["id"],
                WORK_PRODUCT_AXIS,
                product["text"],
                tuple(products),
                product.get("posting_text", ""),
            )
        )
        posting_intro = posting["intro"] if isinstance(posting, dict) else ""
        return Questionnaire(tuple(questions), self.source, posting_intro=posting_intro)

    def check_axis(self, at: str, value: object) -> str | None:
        if value not in AXES:
            self.report(at, f"must be one of {', '.join(AXES)}.")
            return None
        return str(value)

    def check_levels(self, at: str, value: object) -> tuple[str, ...] | None:
        levels = self.check_text_list(at, value)
        if levels is not None and len(levels) != LEVELS:
            self.report(at, f"must list exactly {LEVELS} levels, lowest first.")
            return None
        return levels


def parse_answers_file(text: str, source: str) -> dict[str, Any]:
    """Read an answers file: JSON if it looks like JSON, TOML otherwise."""
    import json

    if source.lower().endswith(".json") or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise AnswersError(source, [f"{where}: JSON syntax error: {exc.msg}."]) from None
        if not isinstance(data, dict):
            raise AnswersError(source, ["the JSON must be an object of question id -> value."])
        return data
    return parse_toml(text, source, AnswersError)


def check_answers(
    questionnaire: Questionnaire, raw: Mapping[str, object], source: str, catalog: Catalog
) -> dict[str, AnswerValue]:
    """Validate answers against the questions; report every problem at once."""
    problems: list[str] = []
    known = {q.id for q in questionnaire.questions}
    for key in raw:
        if key not in known:
            problems.append(f"unknown question id '{key}'.")
    answers: dict[str, AnswerValue] = {}
    for question in questionnaire.questions:
        value = raw.get(question.id)
        at = f"key '{question.id}'"
        if value is None:
            problems.append(f"{at}: missing; every question needs an answer.")
        elif question.axis == WORK_PRODUCT_AXIS:
            role = catalog.find(value) if isinstance(value, str) else None
            if value == NOT_SURE:
                answers[question.id] = NOT_SURE
            elif role is None:
                problems.append(
                    f"{at}: {value!r} is not a role id; use one of "
                    f"{', '.join(catalog.ids)} or '{NOT_SURE}'."
                )
            else:
                answers[question.id] = role.id
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= LEVELS:
            problems.append(
                f"{at}: {value!r} is not a level; use a whole number from 1 to {LEVELS}."
            )
        else:
            answers[question.id] = value
    if problems:
        raise AnswersError(source, problems)
    return answers


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
