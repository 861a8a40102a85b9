"""mlroles history: saved quiz results."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import (
    TEXT,
    FormatOption,
    HtmlOption,
    JsonOption,
    SvgOption,
    chosen_output,
)
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Your saved results", "mlroles history"),
    Example("The same, as JSON", "mlroles history --json"),
)


def history_command(
    ctx: typer.Context,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """List your saved results, oldest first."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    loaded = state.load_history()
    if not loaded.results and out.format == TEXT:
        state.message(f"No saved results in {state.history().directory} yet. Run: mlroles quiz")
        return

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import history_data

        return history_data(loaded.results)

    state.emit(out, data=data, page=lambda: pages.history(loaded.results, state.catalog()))
