"""mlroles path: the way from you to a target role."""

import typer

from mlroles.cli.app import app
from mlroles.cli.options import (
    AnswersOption,
    CommOption,
    HtmlOption,
    JsonOption,
    MlOption,
    RoleArgument,
    SvgOption,
    SweOption,
    no_export_with_json,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError


@app.command("path")
def path_command(
    ctx: typer.Context,
    role: RoleArgument,
    answers: AnswersOption = None,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """The gaps between you and a role, and the next steps to close them."""
    from mlroles.cli import profile_input as where
    from mlroles.core.path import plan_path

    no_export_with_json(as_json, svg, html)
    state = state_of(ctx)
    catalog = state.catalog()
    target = catalog.resolve(role)
    placed = where.given_placement(catalog, state.questionnaire(catalog), answers, ml, swe, comm)
    if placed is not None:
        profile = placed.profile
    else:
        latest = state.load_history().latest
        if latest is None:
            raise UserError(
                "There is no saved result to start from.",
                "Take the quiz first (mlroles quiz), or give your place with",
                f"--answers FILE or --ml X --swe Y --comm Z, e.g. mlroles path {target.id} "
                "--ml 5 --swe 5 --comm 5",
            )
        profile = latest.profile
    plan = plan_path(target, profile)
    if as_json:
        from mlroles.views.json_data import path_data

        state.print_json(path_data(plan))
        return
    from mlroles.views.path import path_page

    state.show(path_page(plan), svg, html)
