"""mlroles compare: roles side by side."""

import typer

from mlroles.cli.options import (
    HtmlOption,
    JsonOption,
    RolesArgument,
    SvgOption,
    no_export_with_json,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError


def compare_command(
    ctx: typer.Context,
    roles: RolesArgument,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Put two or more roles side by side."""
    no_export_with_json(as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    found = list(dict.fromkeys(catalog.resolve(name) for name in roles))
    if len(found) < 2:
        raise UserError("Compare needs at least two different roles, e.g. mlroles compare de mle.")
    if as_json:
        from mlroles.views.json_data import compare_data

        state.print_json(compare_data(found))
        return
    from mlroles.views.compare import CompareView

    state.show(CompareView(found), svg, html)
