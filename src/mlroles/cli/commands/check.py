"""mlroles check: validate the role catalog and the questionnaire."""

from pathlib import Path
from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.output import JSON, FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Check the built-in catalog and questionnaire", "mlroles check"),
    Example("Check your own catalog", "mlroles check my-roles.toml"),
    Example(
        "Check a catalog with your own questionnaire",
        "mlroles check my-roles.toml my-questions.toml",
    ),
    Example("The same, as JSON", "mlroles --roles my-roles.toml check --json"),
)


def check_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Data files to check instead of the ones in use: a role catalog, a "
            "questionnaire, or one of each. Which is which is read from the file.",
            metavar="[FILE]...",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Validate the role catalog and the questionnaire, and report every problem."""
    from mlroles.files.data_files import check_data_files, kind_of
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    chosen: dict[str, Path] = {}
    for path in files or ():
        kind = kind_of(path)
        if kind in chosen:
            what = "role catalogs" if kind == "roles" else "questionnaires"
            raise UserError(f"{chosen[kind]} and {path} are both {what}; check one at a time.")
        chosen[kind] = path
    roles = chosen.get("roles") or state.roles_file()
    checks = check_data_files(roles, chosen.get("questions") or state.questions_file())

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import check_data

        return check_data(checks)

    for checked in checks:  # what is wrong goes to stderr, whatever the format
        state.message(*checked.message)
    if out.format == JSON or any(checked.ok for checked in checks):
        state.emit(out, data=data, page=lambda: pages.checked(checks))
    if not all(checked.ok for checked in checks):
        raise typer.Exit(ExitCode.USER_ERROR)
