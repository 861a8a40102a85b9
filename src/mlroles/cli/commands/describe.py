"""mlroles describe: everything about one role."""

import typer

from mlroles.cli.options import (
    HtmlOption,
    JsonOption,
    RoleArgument,
    SvgOption,
    no_export_with_json,
)
from mlroles.cli.state import state_of


def describe_command(
    ctx: typer.Context,
    role: RoleArgument,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Everything the catalog knows about one role."""
    no_export_with_json(as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    found = catalog.resolve(role)
    if as_json:
        from mlroles.views.json_data import role_detail_data

        state.print_json(role_detail_data(catalog, found))
        return
    from mlroles.views.reference import role_page

    state.show(role_page(catalog, found), svg, html)
