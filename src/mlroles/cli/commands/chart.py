"""mlroles chart: every role on the chart."""

from typing import Annotated

import typer

from mlroles.cli.options import (
    HtmlOption,
    SvgOption,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError


def chart_command(
    ctx: typer.Context,
    me: Annotated[bool, typer.Option("--me", help="Add your last saved result.")] = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Draw every role on the chart, as the source's figure does."""
    from mlroles.views.reference import chart_page

    state = state_of(ctx)
    catalog = state.catalog()
    mine = None
    if me:
        latest = state.load_history().latest
        if latest is None:
            raise UserError("--me needs a saved result; take the quiz first: mlroles quiz")
        mine = latest.profile
    state.show(chart_page(catalog, mine), svg, html)
