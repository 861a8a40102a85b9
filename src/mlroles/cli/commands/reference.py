"""The reference commands: roles, describe, questions and check."""

import typer

from mlroles.cli.app import app
from mlroles.cli.options import (
    HtmlOption,
    JsonOption,
    RoleArgument,
    SvgOption,
    no_export_with_json,
)
from mlroles.cli.state import state_of


@app.command("roles")
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


@app.command("describe")
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


@app.command("questions")
def questions_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Print the questionnaire, for answering with quiz --answers."""
    state = state_of(ctx)
    questionnaire = state.questionnaire(state.catalog())
    if as_json:
        from mlroles.views.json_data import questions_data

        state.print_json(questions_data(questionnaire))
        return
    from mlroles.views.reference import questions_view

    state.show(questions_view(questionnaire))


@app.command("check")
def check_command(ctx: typer.Context) -> None:
    """Validate the role catalog and report every problem in it."""
    state = state_of(ctx)
    catalog = state.catalog()
    count = len(catalog.roles)
    state.print_text(f"{catalog.source}: OK, {count} role{'s' if count != 1 else ''}.\n")
