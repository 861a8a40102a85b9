"""mlroles roles: every role with its place on the chart."""

import typer

from mlroles.cli.options import JsonOption
from mlroles.cli.state import state_of


def roles_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List every role with its place on the chart."""
    state = state_of(ctx)
    catalog = state.catalog()
    if as_json:
        from mlroles.views.json_data import role_data

        state.print_json([role_data(role) for role in catalog.roles])
        return
    from mlroles.views.reference import roles_table

    state.show(roles_table(catalog))
