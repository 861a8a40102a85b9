"""mlroles history: saved quiz results."""

import typer

from mlroles.cli.options import (
    JsonOption,
)
from mlroles.cli.state import state_of


def history_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List your saved results, oldest first."""
    state = state_of(ctx)
    loaded = state.load_history()
    if as_json:
        from mlroles.views.json_data import history_data

        state.print_json(history_data(loaded.results))
        return
    if not loaded.results:
        state.message(f"No saved results in {state.history().directory} yet. Run: mlroles quiz")
        return
    from mlroles.views.result import history_table

    state.show(history_table(loaded.results, state.catalog()))
