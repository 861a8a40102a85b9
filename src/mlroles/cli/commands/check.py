"""mlroles check: validate the role catalog."""

import typer

from mlroles.cli.state import state_of


def check_command(ctx: typer.Context) -> None:
    """Validate the role catalog and report every problem in it."""
    state = state_of(ctx)
    catalog = state.catalog()
    count = len(catalog.roles)
    state.print_text(f"{catalog.source}: OK, {count} role{'s' if count != 1 else ''}.\n")
