"""Where the user's place on the chart comes from: the values given on the
command line, an answers file, the interactive quiz, or the last saved result."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mlroles.cli.environment import Environment
from mlroles.core.axes import SCALE_MAX, SCALE_MIN, Position
from mlroles.core.catalog import Catalog, normalize
from mlroles.core.errors import UserError
from mlroles.core.evidence import Evidence
from mlroles.core.questionnaire import WORK_PRODUCT_AXIS, AnswerValue, Questionnaire

if TYPE_CHECKING:
    from mlroles.core.reading import Reading

NOT_A_TERMINAL = (
    "mlroles quiz asks its questions in a terminal, and none is attached.",
    "To answer without one, pass a file of answers:",
    "  mlroles questions --json    (lists every question id and value)",
    "  mlroles quiz --answers answers.toml",
    "or place yourself on the chart directly:",
    "  mlroles quiz --ml 6 --swe 7 --comm 3 [--product ml-engineer]",
)
POSTING_NOT_A_TERMINAL = (
    "mlroles posting --interactive asks its questions in a terminal, and none is attached.",
    "Without one, let mlroles read the posting's text:",
    "  mlroles posting posting.txt",
    "or answer the questions about it in a file:",
    "  mlroles questions --template > answers.toml   (then fill it in)",
    "  mlroles posting --answers answers.toml",
    "or rate it directly:",
    '  mlroles posting --title "Data Scientist" --ml 7 --swe 7 --comm 3',
)


@dataclass(frozen=True)
class Placement:
    evidence: Evidence  # what the scoring model is told
    noise: Position  # standard error per axis, see movement.py
    interactive: bool
    answers: Mapping[str, AnswerValue] | None = None  # the answers, when there were any


def direct_placement(
    catalog: Catalog,
    questionnaire: Questionnaire,
    ml: float | None,
    swe: float | None,
    comm: float | None,
    product: str | None = None,
) -> Placement:
    from mlroles.core.movement import default_noise

    given = {"--ml": ml, "--swe": swe, "--comm": comm}
    missing = [name for name, value in given.items() if value is None]
    if missing:
        raise UserError(
            f"--ml, --swe and --comm go together; missing: {', '.join(missing)}.",
            "Example: --ml 6 --swe 7 --comm 3",
        )
    values = [float(v) for v in given.values() if v is not None]
    if not all(SCALE_MIN <= v <= SCALE_MAX for v in values):  # also rejects nan and inf
        raise UserError("--ml, --swe and --comm take numbers from 0 to 10.")
    evidence = Evidence(axes=Position(*values), work_product=product_id(catalog, product))
    noise = default_noise(questionnaire.items_per_axis)
    return Placement(evidence, noise, interactive=False)


def product_id(catalog: Catalog, product: str | None) -> str | None:
    """The role id a --product names; None for none given or "not sure"."""
    from mlroles.core.questionnaire import NOT_SURE

    if product is None or normalize(product) == NOT_SURE:
        return None
    return catalog.resolve(product).id


def given_placement(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers_file: Path | None,
    ml: float | None,
    swe: float | None,
    comm: float | None,
    product: str | None = None,
) -> Placement | None:
    """The place given on the command line (--answers, or --ml/--swe/--comm),
    or None when neither was given."""
    direct = any(v is not None for v in (ml, swe, comm, product))
    if direct and answers_file is not None:
        raise UserError("Give either --answers or --ml/--swe/--comm, not both.")
    if direct:
        return direct_placement(catalog, questionnaire, ml, swe, comm, product)
    if answers_file is not None:
        return answers_placement(catalog, questionnaire, answers_file)
    return None


def from_answers(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue], interactive: bool
) -> Placement:
    from mlroles.core.evidence import evidence_from_answers
    from mlroles.core.movement import answers_noise
    from mlroles.core.questionnaire import item_values

    noise = answers_noise(item_values(questionnaire, answers))
    return Placement(evidence_from_answers(questionnaire, answers), noise, interactive, answers)


def answers_placement(
    catalog: Catalog, questionnaire: Questionnaire, answers_file: Path
) -> Placement:
    from mlroles.files.answers_file import AnswersError, check_answers, parse_answers_file
    from mlroles.files.data_error import read_data_text

    source = str(answers_file)
    raw = parse_answers_file(read_data_text(answers_file, "Answers file", AnswersError), source)
    answers = check_answers(questionnaire, raw, source, catalog)
    return from_answers(questionnaire, answers, interactive=False)


def interactive_placement(
    questionnaire: Questionnaire,
    env: Environment,
    posting: bool = False,
    prefilled: Mapping[str, tuple[AnswerValue, str]] | None = None,
) -> Placement:
    """Run the quiz in the terminal, about the user or about a job posting.
    Ctrl-C raises KeyboardInterrupt; the app turns it into
    ExitCode.INTERRUPTED."""
    from mlroles.core.questionnaire import for_posting

    if posting:
        questionnaire = for_posting(questionnaire)
    if not can_prompt(env):
        raise UserError(*(POSTING_NOT_A_TERMINAL if posting else NOT_A_TERMINAL))
    from mlroles.cli.prompting import run_quiz

    width = env.width or shutil.get_terminal_size().columns
    prompt_stream = None if env.stdout_isatty else env.stderr
    from mlroles.cli.signals import stop_on_signals

    with stop_on_signals():
        answers = run_quiz(questionnaire, width, prompt_stream, prefilled)
    return from_answers(questionnaire, answers, interactive=True)


def prefill(
    reading: Reading, questionnaire: Questionnaire, work_product: bool
) -> dict[str, tuple[AnswerValue, str]]:
    """The answer a text supports for each question, and the phrase why.
    work_product: also the work product a posting names (a CV says what
    someone did, not what they want to own next, so the quiz leaves it)."""
    answers: dict[str, tuple[AnswerValue, str]] = {
        hit.item: (hit.level, f"The text says: '{hit.phrase}' (line {hit.line}).")
        for hit in reading.deciding
    }
    product = reading.evidence.work_product
    if work_product and product is not None:
        from mlroles.core.reading import quoted_phrases

        question = next(q for q in questionnaire.questions if q.axis == WORK_PRODUCT_AXIS)
        answers[question.id] = (product, f"The text says: {quoted_phrases(reading, product)}.")
    return answers


def can_prompt(env: Environment) -> bool:
    return env.stdin_isatty and (env.stdout_isatty or env.stderr_isatty)
