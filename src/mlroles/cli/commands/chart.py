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
    Example("Where survey respondents with each title sit", "mlroles chart --survey"),
)


def chart_command(
    ctx: typer.Context,
    me: Annotated[bool, typer.Option("--me", help="Add your last saved result.")] = False,
    survey: Annotated[
        bool,
        typer.Option(
            "--survey",
            help="Add where 2022 Kaggle survey respondents with each role's titles sit.",
        ),
    ] = False,
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
    if survey and me:
        raise UserError("--survey and --me draw different charts; give one of them.")
    figures = state.survey() if survey else None
    if survey and figures is None:
        raise UserError(
            "No survey figures ship with this install, so --survey has nothing to draw."
        )

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import chart_data

        return chart_data(catalog, mine, figures)

    if figures is not None:
        state.emit(out, data=data, page=lambda: pages.survey_chart(catalog, figures))
    else:
        state.emit(out, data=data, page=lambda: pages.chart(catalog, mine))
