"""mlroles roles: every role with its place on the chart."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Every role and its place on the chart", "mlroles roles"),
    Example("The same as JSON, for scripts", "mlroles roles --json"),
)


def roles_command(
    ctx: typer.Context,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """List every role with its place on the chart."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import role_data

        return [role_data(role) for role in catalog.roles]

    state.emit(out, data=data, page=lambda: pages.roles(catalog), wide=True)  # a table
