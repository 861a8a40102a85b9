"""mlroles chart: every role on the chart."""

from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Every role on the chart", "mlroles chart"),
    Example("With your last saved result", "mlroles chart --me"),
    Example("Save the chart as a picture", "mlroles chart --svg chart.svg"),
)


def chart_command(
    ctx: typer.Context,
    me: Annotated[bool, typer.Option("--me", help="Add your last saved result.")] = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Draw every role on the chart, as the source's figure does."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    mine = None
    if me:
        latest = state.load_history().latest
        if latest is None:
            raise UserError("--me needs a saved result; take the quiz first: mlroles quiz")
        mine = latest.profile

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import chart_data

        return chart_data(catalog, mine)

    state.emit(out, data=data, page=lambda: pages.chart(catalog, mine))
