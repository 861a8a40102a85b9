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
from mlroles.cli.state import EXIT_USER_ERROR, AppState, state_of


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
    """Validate the role catalog and the questionnaire, and report every problem."""
    if not check_files(state_of(ctx)):
        raise typer.Exit(EXIT_USER_ERROR)


def check_files(state: AppState) -> bool:
    """Say for each data file that it is OK, or print its problems; True if all are OK."""
    from mlroles.files.data_files import check_data_files

    checks = check_data_files(state.roles_file(), state.questions_file())
    for checked in checks:
        if checked.ok:
            state.print_text(checked.summary() + "\n")
        else:
            state.message(*checked.problems)
    return all(checked.ok for checked in checks)
