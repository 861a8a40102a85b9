"""Answers files (quiz --answers): TOML or JSON of question id -> value,
checked against the questionnaire."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlroles.core.catalog import Catalog, normalize
from mlroles.core.questionnaire import (
    LEVELS,
    NOT_SURE,
    WORK_PRODUCT_AXIS,
    AnswerValue,
    Questionnaire,
)
from mlroles.core.sanitize import clean
from mlroles.files.checks import parse_toml
from mlroles.files.data_error import DataFileError


class AnswersError(DataFileError):
    what = "answers file"
    fix = "See every question id and its values with: mlroles questions --json"


def parse_answers_file(text: str, source: str) -> dict[str, Any]:
    """Read an answers file: JSON if it looks like JSON, TOML otherwise."""
    import json

    text = text.removeprefix("\ufeff")  # editors on Windows add a byte-order mark
    if source.lower().endswith(".json") or text.lstrip().startswith("{"):
        twice: list[str] = []

        def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            keys = [k for k, _ in pairs]
            twice.extend(k for k in dict.fromkeys(keys) if keys.count(k) > 1)
            return dict(pairs)

        try:
            data = json.loads(text, object_pairs_hook=no_duplicates)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise AnswersError(source, [f"{where}: JSON syntax error: {exc.msg}."]) from None
        except RecursionError:
            raise AnswersError(source, ["the JSON is nested too deeply to be answers."]) from None
        except ValueError as exc:  # e.g. an integer too long to convert
            raise AnswersError(source, [f"a value cannot be read: {exc}."]) from None
        if twice:
            listed = ", ".join(repr(clean(k)) for k in twice)
            raise AnswersError(source, [f"{listed} answered twice; keep one answer each."])
        if not isinstance(data, dict):
            raise AnswersError(source, ["the JSON must be an object of question id -> value."])
        return data
    return parse_toml(text, source, AnswersError)


def check_answers(
    questionnaire: Questionnaire, raw: Mapping[str, object], source: str, catalog: Catalog
) -> dict[str, AnswerValue]:
    """Validate answers against the questions; report every problem at once.
    A question left out is unknown (the result says so), but at least one
    axis question must be answered."""
    problems: list[str] = []
    known = {q.id for q in questionnaire.questions}
    for key in raw:
        if key in known:
            continue
        successor = questionnaire.replaced(key)
        if successor is not None:
            problems.append(
                f"'{clean(key)}' is a question from an older questionnaire; it is now "
                f"'{successor.id}', with new wording. Answer it again (mlroles questions)."
            )
        else:
            problems.append(f"unknown question id '{clean(key)}'.")
    answers: dict[str, AnswerValue] = {}
    for question in questionnaire.questions:
        value = raw.get(question.id)
        at = f"key '{question.id}'"
        if value is None:
            continue
        if question.axis == WORK_PRODUCT_AXIS:
            role = catalog.find(value) if isinstance(value, str) else None
            if isinstance(value, str) and normalize(value) == NOT_SURE:  # "Not sure", not_sure
                answers[question.id] = NOT_SURE
            elif role is None:
                problems.append(
                    f"{at}: {clean(repr(value))} is not a role id; use one of "
                    f"{', '.join(catalog.ids)} or '{NOT_SURE}'."
                )
            else:
                answers[question.id] = role.id
        elif isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= LEVELS:
            problems.append(
                f"{at}: {clean(repr(value))} is not a level; use a whole number from 1 to {LEVELS}."
            )
        else:
            answers[question.id] = value
    if not problems and not any(q.id in answers for q in questionnaire.axis_questions):
        problems.append("no question is answered; answer at least one (mlroles questions).")
    if problems:
        raise AnswersError(source, problems)
    return answers


def answers_template(questionnaire: Questionnaire) -> str:
    """A commented answers file to fill in: every question, its levels, and
    its line commented out, so that an unfilled question stays unknown rather
    than taking a level nobody chose."""

    def comment(text: str) -> str:
        return "# " + " ".join(clean(text).split())

    lines = [
        "# mlroles answers: for `mlroles quiz --answers FILE` (or posting --answers).",
        "# For each question, remove the '#' before its id and put the value that",
        "# fits. A question left commented out is unknown and left out of the",
        "# scoring; it is never read as a low answer.",
    ]
    for number, question in enumerate(questionnaire.questions, start=1):
        lines += ["", comment(f"{number}. {question.text}")]
        lines += [comment(f"  {c.value}: {c.label}") for c in question.choices]
        example = question.choices[0].value
        value = f'"{example}"' if isinstance(example, str) else str(example)
        lines.append(f"# {question.id} = {value}")
    return "\n".join(lines) + "\n"
