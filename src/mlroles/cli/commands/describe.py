"""mlroles describe: everything about one role."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import RoleArgument
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Everything about the ML engineer", "mlroles describe ml-engineer"),
    Example("Aliases and names work too", 'mlroles describe "data scientist"'),
    Example("Save the page as a picture", "mlroles describe ds --svg ds.svg"),
    Example("With survey figures, as JSON", "mlroles describe de --json"),
)


def describe_command(
    ctx: typer.Context,
    role: RoleArgument,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Everything the catalog knows about one role."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    found = catalog.resolve(role)
    survey = state.survey()

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import role_detail_data

        return role_detail_data(catalog, found, survey)

    state.emit(out, data=data, page=lambda: pages.role(catalog, found, survey))
