"""The interactive quiz. The only module that imports questionary."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any, TextIO

from mlroles.core.questionnaire import AnswerValue, Question, Questionnaire

CONFIRM = "__confirm__"
BACK = "__back__"  # what a question returns when the user goes back
CHOICE_INDENT = "      "  # questionary puts " » " and the shortcut "1) " before a choice


def _wrap(text: str, width: int, indent: str) -> str:
    """Wrap by words, since the terminal would cut or split words."""
    return ("\n" + indent).join(textwrap.wrap(text, max(20, width - len(indent) - 1)))


def _select(
    message: str,
    choices: list[Any],
    default: Any,
    output: Any,
    instruction: str = " ",
    back: bool = False,
) -> Any:
    import questionary

    extra = {"output": output} if output is not None else {}
    # erase_when_done: the wrapped prompt is replaced by a one-line echo of ours.
    question = questionary.select(
        message,
        choices=choices,
        default=default,
        instruction=instruction,
        qmark="?",
        erase_when_done=True,
        use_shortcuts=any(getattr(c, "shortcut_key", None) for c in choices),
        **extra,
    )
    _add_keys(question.application, back)
    return question.unsafe_ask()  # lets Ctrl-C through as KeyboardInterrupt for the CLI


def _add_keys(app: Any, back: bool) -> None:
    """A SIGINT from outside the terminal (kill -INT, an IDE's stop button)
    cancels as Ctrl-C does: prompt_toolkit turns it into this key. With back,
    the left arrow returns to the previous question."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.SIGINT, eager=True)
    def _cancel(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if back:

        @bindings.add(Keys.Left, eager=True)
        def _go_back(event: Any) -> None:
            event.app.exit(result=BACK)

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def ask_question(
    question: Question,
    number: int,
    total: int,
    current: AnswerValue | None,
    width: int,
    output: Any,
    because: str = "",
    back: bool = False,
    changing: bool = False,
) -> AnswerValue:
    """Ask one question; BACK when the user goes back (only when back is allowed).
    changing: the question was answered before, so the echo says what changed
    rather than repeating a line the screen already shows."""
    import questionary

    # Number keys pick a choice (1 = the first), as the hint says.
    choices = [
        questionary.Choice(
            title=_wrap(c.label, width, CHOICE_INDENT), value=c.value, shortcut_key=str(i)
        )
        for i, c in enumerate(question.choices, start=1)
    ]
    message = _wrap(f"{number}/{total} {question.text}", width, "  ")
    if because:  # why the cursor starts where it does
        message += "\n  " + _wrap(because, width, "  ")
    hint = f"(1-{len(choices)} or ↑↓, then Enter{'; ← back' if back else ''})"
    answer: AnswerValue = _select(message, choices, current, output, hint, back)
    if answer == BACK:
        return answer
    label = question.label_for(answer)
    if not changing:
        _echo(f"✓ {number}/{total} {label}", width, output)
    elif answer == current:
        _echo(f"✓ {number}/{total} kept: {label}", width, output)
    else:
        _echo(f"✎ {number}/{total} changed to: {label}", width, output)
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
    position = 0
    while position < len(order):
        number, question = order[position]
        start, because = known.get(question.id, (None, ""))
        again = question.id in answers  # reached by going back
        answer = ask_question(
            question,
            number,
            len(questions),
            answers.get(question.id, start),
            width,
            output,
            because,
            back=position > 0,
            changing=again,
        )
        if answer == BACK:
            position -= 1
            continue
        answers[question.id] = answer
        position += 1
    while (choice := review(questionnaire, answers, width, output)) != CONFIRM:
        number = next(i for i, q in enumerate(questions, start=1) if q.id == choice)
        question = questions[number - 1]
        answers[choice] = ask_question(
            question, number, len(questions), answers[choice], width, output, changing=True
        )
    return answers


def confirm(question: str, env: Any) -> bool:
    """Yes or no, with no as the default; prompts on stderr when stdout is piped."""
    import questionary

    extra: dict[str, Any] = {}
    if not env.stdout_isatty:
        from prompt_toolkit.output import create_output

        extra["output"] = create_output(stdout=env.stderr)
    prompt = questionary.confirm(question, default=False, **extra)
    _add_keys(prompt.application, back=False)
    answer: bool = prompt.unsafe_ask()
    return answer
