"""mlroles history: saved quiz results, and showing or deleting them."""

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import (
    PRETTY_JSON_LIMIT,
    TEXT,
    FormatOption,
    HtmlOption,
    JsonOption,
    SvgOption,
    chosen_output,
)
from mlroles.cli.state import AppState, state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Your saved results, numbered", "mlroles history"),
    Example("One result in full, with its answers", "mlroles history show 1"),
    Example("Delete one without being asked", "mlroles history delete 1 --yes"),
    Example("The list as JSON", "mlroles history --json"),
)


# The text list shows this many results, the latest; --all and --json give all.
LATEST = 20


class Action(StrEnum):
    LIST = "list"
    SHOW = "show"
    DELETE = "delete"
    CLEAR = "clear"


def _action(text: str) -> Action:
    try:
        return Action(text.lower())
    except ValueError:
        from mlroles.core.catalog import suggest_word

        close = suggest_word(text, [a.value for a in Action])
        hint = f" Did you mean '{close}'?" if close else ""
        raise UserError(
            f"Unknown history action '{text}'.{hint}",
            "Use one of: list, show N, delete N, clear.",
        ) from None


def _number(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise UserError(f"A result's number is a whole number from 1; got '{text}'.")
    return int(text)


def history_command(
    ctx: typer.Context,
    action: Annotated[
        Action,
        typer.Argument(
            help="list (the default), show N, delete N, or clear (every saved result).",
            show_default=False,
            metavar="[ACTION]",
            parser=_action,
        ),
    ] = Action.LIST,
    number: Annotated[
        int | None,
        typer.Argument(
            help="A result's number, as `mlroles history` lists it.",
            metavar="[N]",
            parser=_number,
            show_default=False,
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking first.")] = False,
    show_all: Annotated[
        bool,
        typer.Option("--all", help=f"List every result, not only the latest {LATEST}."),
    ] = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """List your saved results, oldest first; show, delete or clear them."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    needs_number = action in (Action.SHOW, Action.DELETE)
    if needs_number and number is None:
        raise UserError(
            f"history {action} needs a result's number, e.g. mlroles history {action} 1"
        )
    if not needs_number and number is not None:
        raise UserError(f"history {action} takes no number.")
    if action in (Action.DELETE, Action.CLEAR):
        _delete(state, action, number, yes)
        return
    loaded = state.load_history()
    if action == Action.SHOW:
        index = _index(state, number, len(loaded.results))
        result = loaded.results[index]

        def one() -> object:  # JSON is built, and json_data imported, only when asked for
            from mlroles.views.json_data import saved_result_data

            return saved_result_data(result, index + 1)

        catalog = state.catalog()
        questionnaire = state.questionnaire(catalog)
        page = lambda: pages.saved_result(result, index + 1, catalog, questionnaire)  # noqa: E731
        state.emit(out, data=one, page=page)
        return
    if not loaded.results and out.format == TEXT and loaded.folder_readable:
        state.message(f"No saved results in {state.history().directory} yet. Run: mlroles quiz")
        return

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import history_data

        return history_data(loaded.results)

    def chunks(ascii_only: bool) -> Iterator[str]:  # a long history's JSON, a piece at a time
        from mlroles.views.json_data import history_json_chunks

        return history_json_chunks(loaded.results, ascii_only)

    first = 0 if show_all else max(0, len(loaded.results) - LATEST)
    state.emit(
        out,
        data=data,
        page=lambda: pages.history(loaded.results, state.catalog(), first),
        stream=chunks if len(loaded.results) > PRETTY_JSON_LIMIT else None,
    )
    if first and out.format == TEXT:
        state.message(
            f"Showing the latest {LATEST} of {len(loaded.results)} results; --all lists every one."
        )


def _index(state: AppState, number: int | None, count: int) -> int:
    if count == 0:
        raise UserError(f"No saved results in {state.history().directory} yet.")
    if number is None or not 1 <= number <= count:
        raise UserError(
            f"There is no result {number}; the saved results are numbered 1 to {count}.",
            "See them with: mlroles history",
        )
    return number - 1


def _delete(state: AppState, action: Action, number: int | None, yes: bool) -> None:
    loaded = state.load_history(writing=True)
    if action == Action.DELETE:
        index = _index(state, number, len(loaded.results))
        paths = [loaded.paths[index]]
        when = loaded.results[index].when
        question = f"Delete result {index + 1}, saved {when:%Y-%m-%d %H:%M} UTC?"
    else:
        if not loaded.results:
            state.message("There are no saved results to clear.")
            return
        paths = list(loaded.paths)
        question = f"Delete all {len(paths)} saved results in {state.history().directory}?"
    if not yes:
        from mlroles.cli.profile_input import can_prompt

        if not can_prompt(state.env):
            raise UserError(
                f"history {action} asks before deleting, and no terminal is attached to ask.",
                f"Add --yes to delete without asking: mlroles history {action}"
                + (f" {number}" if number is not None else "")
                + " --yes",
            )
        from mlroles.cli.prompting import confirm
        from mlroles.cli.signals import stop_on_signals

        with stop_on_signals():
            agreed = confirm(question, state.env)
        if not agreed:
            state.message("Nothing was deleted.")
            return
    history = state.history()
    for path in paths:
        history.delete(path)
    said = "1 saved result" if len(paths) == 1 else f"{len(paths)} saved results"
    state.message(f"Deleted {said}.")
