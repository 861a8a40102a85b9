"""Answers files (quiz --answers): TOML or JSON of question id -> value,
checked against the questionnaire."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import (
    LEVELS,
    NOT_SURE,
    WORK_PRODUCT_AXIS,
    AnswerValue,
    Questionnaire,
)
from mlroles.files.checks import DataFileError, parse_toml


class AnswersError(DataFileError):
    what = "answers file"
    fix = "See every question id and its values with: mlroles questions --json"


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
