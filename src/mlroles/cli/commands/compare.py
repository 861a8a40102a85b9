"""mlroles compare: roles side by side."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import RolesArgument
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Two roles side by side", "mlroles compare data-engineer ml-engineer"),
    Example(
        "Data engineer, ML engineer and ML DevOps, as JSON", "mlroles compare de mle mlops --json"
    ),
)


def compare_command(
    ctx: typer.Context,
    roles: RolesArgument,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Put two or more roles side by side."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    found = list(dict.fromkeys(catalog.resolve(name) for name in roles))
    if len(found) < 2:
        raise UserError("Compare needs at least two different roles, e.g. mlroles compare de mle.")
    survey = state.survey()

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import compare_data

        return compare_data(found, survey)

    state.emit(out, data=data, page=lambda: pages.compare(found, survey), wide=True)
