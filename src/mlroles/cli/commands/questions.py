"""mlroles questions: the questionnaire, for answering from a file."""

import typer

from mlroles.cli.options import JsonOption
from mlroles.cli.state import state_of


def questions_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Print the questionnaire, for answering with quiz --answers."""
    from mlroles.cli.profile_input import load_builtin_questionnaire

    state = state_of(ctx)
    questionnaire = load_builtin_questionnaire(state.catalog())
    if as_json:
        from mlroles.views.json_data import questions_data

        state.print_json(questions_data(questionnaire))
        return
    from mlroles.views.reference import questions_view

    state.show(questions_view(questionnaire))
