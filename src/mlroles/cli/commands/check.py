"""mlroles check: validate the role catalog and the questionnaire."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.output import JSON, FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Check the built-in catalog and questionnaire", "mlroles check"),
    Example("Check your own catalog", "mlroles --roles my-roles.toml check"),
    Example("The same, as JSON", "mlroles --roles my-roles.toml check --json"),
)


def check_command(
    ctx: typer.Context,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Validate the role catalog and the questionnaire, and report every problem."""
    from mlroles.files.data_files import check_data_files
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    checks = check_data_files(state.roles_file(), state.questions_file())

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import check_data

        return check_data(checks)

    for checked in checks:  # what is wrong goes to stderr, whatever the format
        state.message(*checked.message)
    if out.format == JSON or any(checked.ok for checked in checks):
        state.emit(out, data=data, page=lambda: pages.checked(checks))
    if not all(checked.ok for checked in checks):
        raise typer.Exit(ExitCode.USER_ERROR)
