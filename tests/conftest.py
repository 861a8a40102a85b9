from __future__ import annotations

import io
import os
import re
import statistics
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

from mlroles.cli.entry import main
from mlroles.cli.environment import Environment
from mlroles.core.axes import AXES, Axis, Position
from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import (
    WORK_PRODUCT_AXIS,
    AnswerValue,
    Question,
    Questionnaire,
    level_value,
)
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.questionnaire_file import load_questionnaire

REPO = Path(__file__).resolve().parents[1]
ROLES_TOML = REPO / "data" / "roles.toml"
QUESTIONS_TOML = REPO / "data" / "questions.toml"

# The shipped data, loaded. Tests take ids, counts and key presses from these,
# so that adding a role or a question breaks none of them; the few that pin
# the shipped data on purpose are in test_shipped_data.py.
CATALOG: Catalog = load_catalog(ROLES_TOML)
QUESTIONNAIRE: Questionnaire = load_questionnaire(QUESTIONS_TOML, CATALOG)


def work_product_question(questionnaire: Questionnaire = QUESTIONNAIRE) -> Question:
    return next(q for q in questionnaire.questions if q.axis == WORK_PRODUCT_AXIS)


def first_question(axis: str, questionnaire: Questionnaire = QUESTIONNAIRE) -> Question:
    return next(q for q in questionnaire.questions if q.axis == axis)


def answers_by_axis(
    questionnaire: Questionnaire, levels: Mapping[Axis, Sequence[int]], product: str
) -> dict[str, AnswerValue]:
    """Answers that give each axis's questions these levels, in order; an
    axis's further questions repeat its last level."""
    answers: dict[str, AnswerValue] = {}
    for axis, axis_levels in levels.items():
        on_axis = [q for q in questionnaire.axis_questions if q.axis == axis]
        for index, question in enumerate(on_axis):
            answers[question.id] = axis_levels[min(index, len(axis_levels) - 1)]
    answers[work_product_question(questionnaire).id] = product
    return answers


def write_answers(path: Path, levels: Mapping[Axis, Sequence[int]], product: str) -> Path:
    """An answers file (JSON) with answers_by_axis(QUESTIONNAIRE, levels, product)."""
    import json

    path.write_text(json.dumps(answers_by_axis(QUESTIONNAIRE, levels, product)), encoding="utf-8")
    return path


def axis_means(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> Position:
    """The place these answers should give: each axis the mean of its levels' values."""
    return Position(
        *(
            statistics.mean(
                level_value(int(answers[q.id])) for q in questionnaire.axis_questions if q.axis == a
            )
            for a in AXES
        )
    )


# Keys for the prompts (questionary's select lists).
DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"


def choose(question: Question, value: AnswerValue, start: AnswerValue | None = None) -> str:
    """The keys that move from the start choice (the first by default) to the
    choice with this value, then press Enter."""
    values = [c.value for c in question.choices]
    steps = values.index(value) - (values.index(start) if start is not None else 0)
    return (DOWN * steps if steps >= 0 else UP * -steps) + ENTER


def answer_keys(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> str:
    """The keys that give these answers, question by question."""
    return "".join(choose(q, answers[q.id]) for q in questionnaire.questions)


def review_keys(questionnaire: Questionnaire, change: str | None = None) -> str:
    """In the review list: confirm, or go down past "Looks right" to the
    question to change (the separator is skipped) and pick it."""
    if change is None:
        return ENTER
    return DOWN * (1 + [q.id for q in questionnaire.questions].index(change)) + ENTER


class TtyStream(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@dataclass(frozen=True)
class Result:
    """What one run of mlroles did."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def mlroles(
    *args: str,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    tty: bool = False,
) -> Result:
    """Run mlroles in-process through its real entry point, main(argv, env), as
    httpie's tests do: with its own streams (terminals if tty) and only these
    environment variables, plus the test's history folder and 80 columns."""
    stream = TtyStream if tty else io.StringIO
    stdin, stdout, stderr = stream(input or ""), stream(), stream()
    variables = {"MLROLES_HOME": os.environ["MLROLES_HOME"], "COLUMNS": "80", **(env or {})}
    code = main(list(args), Environment.from_streams(stdin, stdout, stderr, variables))
    return Result(code, stdout.getvalue(), stderr.getvalue())


class Run(Protocol):
    def __call__(
        self, *args: str, env: Mapping[str, str] | None = None, input: str | None = None
    ) -> Result: ...


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty history folder, never the user's."""
    home = tmp_path / "mlroles-home"
    monkeypatch.setenv("MLROLES_HOME", str(home))
    monkeypatch.delenv("MLROLES_ROLES", raising=False)
    monkeypatch.delenv("MLROLES_QUESTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def run() -> Run:
    """Run mlroles with stdin, stdout and stderr that are not terminals."""

    def invoke(
        *args: str, env: Mapping[str, str] | None = None, input: str | None = None
    ) -> Result:
        return mlroles(*args, env=env, input=input)

    return invoke


@pytest.fixture
def run_tty() -> Run:
    """Run mlroles as if in a terminal: stdin, stdout and stderr are all terminals."""

    def invoke(
        *args: str, env: Mapping[str, str] | None = None, input: str | None = None
    ) -> Result:
        return mlroles(*args, env=env, input=input, tty=True)

    return invoke


TypeKeys = Callable[[str], None]


@pytest.fixture
def type_keys() -> Iterator[TypeKeys]:
    """Type keys into the prompts of the next run. The input is closed after
    them, so a prompt that wants more keys fails at once (EOFError: the quiz
    is cancelled with exit code 130) instead of waiting for ever."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def type_and_close(keys: str) -> None:
            pipe.send_text(keys)
            pipe.close()

        yield type_and_close


@pytest.fixture
def catalog_text() -> str:
    return data_file("roles.toml").read_text(encoding="utf-8")


@pytest.fixture
def write_catalog(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "roles.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def questions_text() -> str:
    return data_file("questions.toml").read_text(encoding="utf-8")


@pytest.fixture
def write_questions(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "questions.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def counts_of_the_data() -> set[int]:
    """How many roles, questions and questions per axis the shipped data has.
    Help and prose must not state these numbers: they change with the data."""
    return {
        len(CATALOG.roles),
        len(QUESTIONNAIRE.questions),
        len(QUESTIONNAIRE.axis_questions),
        *QUESTIONNAIRE.items_per_axis.values(),
    }


def stated_counts(text: str, counts: set[int], digits: bool = True) -> list[str]:
    """The places where text states one of these counts, in words (and digits,
    unless digits is False); scales such as 0-10 or "0 to 10" are not counts."""
    text = re.sub(r"\d+(?:\.\d+)?\s*(?:-|to|<=x<=)\s*\d+", "", text)
    text = re.sub(r"--[\w-]+[ =][\d.]+", "", text)  # an option's value in an example
    numbers = [NUMBER_WORDS[n] for n in counts if n < len(NUMBER_WORDS)]
    numbers += [str(n) for n in counts] if digits else []
    pattern = rf"\b(?:{'|'.join(numbers)})\b\W+\w+"  # the number and the word after it
    return [m.group(0) for m in re.finditer(pattern, text, re.I)]


# A question that data/questions.toml does not have, for tests that must work
# with any questionnaire. Its id is one the real data will not use.
NEW_QUESTION = """
[[questions]]
id = "test-only-ml-evaluation"
axis = "machine_learning"
text = "Evaluating models: what is the most you have done?"
posting_text = "Evaluating models: what must the hire have done?"
levels = [
  "I have not evaluated a model myself.",
  "I have read a model's accuracy off someone else's report.",
  "I have chosen the metrics and the test set for a model.",
  "I have designed an offline evaluation that predicted results in production.",
  "I have built the evaluation suite that a team's models are judged by.",
]
"""


# A role that data/roles.toml does not have, in the middle of the chart.
NEW_ROLE = """
[[roles]]
id = "test-only-generalist"
label = "Generalist"
name = "ML generalist"
aliases = ["generalist", "mlg"]
summary = "Does a bit of everything on a small ML team."
function = "Moves between data, models and deployment as the team needs."
work_product = "Whatever the small team needs next, from a pipeline to a model"
tools = ["Python", "SQL", "A cloud notebook"]
backgrounds = ["Engineers and scientists from small start-ups"]
hiring = ["Hire for range and curiosity rather than depth in one area."]

[roles.chart]
machine_learning = 5.0
software_engineering = 5.0
communication = 5.0

[roles.growth]
machine_learning = ["Train a model end to end on your team's data."]
software_engineering = ["Deploy a small service with tests and monitoring."]
communication = ["Write up a project so that another team can take it over."]
"""


def with_table(text: str, table: str, first: bool = False) -> str:
    """A TOML data file with one more array-of-tables entry, such as a
    [[questions]] or [[roles]] table: after the others, or before them."""
    if not first:
        return text + table  # an array of tables may go on after other tables
    header = table.split("\n", 2)[1]  # "[[questions]]" or "[[roles]]"
    at = text.index(header)
    return text[:at] + table.lstrip() + "\n" + text[at:]
