"""mlroles posting: which role a job posting really describes."""

from typing import Annotated

import typer

from mlroles.cli.app import app
from mlroles.cli.options import (
    CommOption,
    JsonOption,
    MlOption,
    SweOption,
    product_option,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError


@app.command("posting")
def posting_command(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Option("--title", show_default=False, help="The posting's job title."),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Answer the questionnaire about the posting."),
    ] = False,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    product: Annotated[
        str | None, product_option("The role whose work product the hire will own.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check which role a job posting really describes."""
    from mlroles.cli import profile_input as where
    from mlroles.core.posting import read_posting

    state = state_of(ctx)
    catalog = state.catalog()
    direct = any(v is not None for v in (ml, swe, comm, product))
    if interactive and direct:
        raise UserError("Give either --interactive or --ml/--swe/--comm, not both.")
    if interactive:
        placed = where.interactive_placement(state.questionnaire(catalog), state.env, posting=True)
    elif direct:
        placed = where.direct_placement(
            catalog, state.questionnaire(catalog), ml, swe, comm, product
        )
    else:
        raise UserError(
            "Say what the posting asks for: --ml X --swe Y --comm Z (0-10 each),",
            "or answer questions about it with --interactive.",
            'Example: mlroles posting --title "Data Scientist" --ml 7 --swe 7 --comm 3',
        )
    reading = read_posting(catalog, placed.profile, placed.work_product, title)
    if as_json:
        from mlroles.views.json_data import posting_data

        state.print_json(posting_data(reading))
        return
    from mlroles.views.result import posting_page

    state.show(posting_page(reading))
