"""The interactive quiz. The only module that imports questionary."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any, TextIO

from mlroles.core.questionnaire import AnswerValue, Question, Questionnaire

CONFIRM = "__confirm__"
CHOICE_INDENT = "   "  # questionary puts " » " or three spaces before a choice


def _wrap(text: str, width: int, indent: str) -> str:
    """Wrap by words, since the terminal would cut or split words."""
    return ("\n" + indent).join(textwrap.wrap(text, max(20, width - len(indent) - 1)))


def _select(message: str, choices: list[Any], default: Any, output: Any) -> Any:
    import questionary

    extra = {"output": output} if output is not None else {}
    # erase_when_done: the wrapped prompt is replaced by a one-line echo of ours.
    question = questionary.select(
        message,
        choices=choices,
        default=default,
        instruction=" ",
        qmark="?",
        erase_when_done=True,
        **extra,
    )
    return question.unsafe_ask()  # lets Ctrl-C through as KeyboardInterrupt for the CLI


def ask_question(
    question: Question,
    number: int,
    total: int,
    current: AnswerValue | None,
    width: int,
    output: Any,
    because: str = "",
) -> AnswerValue:
    import questionary

    choices = [
        questionary.Choice(title=_wrap(c.label, width, CHOICE_INDENT), value=c.value)
        for c in question.choices
    ]
    message = _wrap(f"{number}/{total} {question.text}", width, "  ")
    if because:  # why the cursor starts where it does
        message += "\n  " + _wrap(because, width, "  ")
    answer: AnswerValue = _select(message, choices, current, output)
    _echo(f"✓ {number}/{total} {question.label_for(answer)}", width, output)
    return answer


def _echo(text: str, width: int, output: Any) -> None:
    from prompt_toolkit import print_formatted_text

    print_formatted_text(_short(text, max(20, width - 1)), output=output)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def review(
    questionnaire: Questionnaire, answers: dict[str, AnswerValue], width: int, output: Any
) -> str:
    """Ask the user to confirm the answers or pick one to change."""
    import questionary

    total = len(questionnaire.questions)
    choices: list[Any] = [questionary.Choice(title="Looks right: show my result", value=CONFIRM)]
    choices.append(questionary.Separator("── or change an answer ──"))
    for number, question in enumerate(questionnaire.questions, start=1):
        label = question.label_for(answers[question.id])
        title = _short(f"{number}/{total} {label}", max(20, width - 4))
        choices.append(questionary.Choice(title=title, value=question.id))
    chosen: str = _select("Review your answers", choices, CONFIRM, output)
    return chosen


def run_quiz(
    questionnaire: Questionnaire,
    width: int = 80,
    prompt_stream: TextIO | None = None,
    prefilled: Mapping[str, tuple[AnswerValue, str]] | None = None,
) -> dict[str, AnswerValue]:
    """Ask every question, then let the user review and change answers.

    With prompt_stream the prompts are drawn there (stderr when stdout is
    piped); otherwise on the current prompt_toolkit app session's output.
    prefilled holds, per question id, the answer a text supports and the
    phrase that supports it: those questions come last, with the cursor on
    that answer, and the questions the text says nothing about come first."""
    output = None
    if prompt_stream is not None:
        from prompt_toolkit.output import create_output

        output = create_output(stdout=prompt_stream)
    from prompt_toolkit import print_formatted_text

    print_formatted_text(_wrap(questionnaire.intro, width, ""), output=output)
    questions = questionnaire.questions
    known = prefilled or {}
    numbered = list(enumerate(questions, start=1))
    order = [n for n in numbered if n[1].id not in known] + [
        n for n in numbered if n[1].id in known
    ]
    answers: dict[str, AnswerValue] = {}
    for number, question in order:
        start, because = known.get(question.id, (None, ""))
        answers[question.id] = ask_question(
            question, number, len(questions), start, width, output, because
        )
    while (choice := review(questionnaire, answers, width, output)) != CONFIRM:
        number = next(i for i, q in enumerate(questions, start=1) if q.id == choice)
        question = questions[number - 1]
        answers[choice] = ask_question(
            question, number, len(questions), answers[choice], width, output
        )
    return answers
