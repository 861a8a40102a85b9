"""mlroles check: validate the role catalog."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import JSON, FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Check the built-in catalog", "mlroles check"),
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
    """Validate the role catalog and report every problem in it."""
    from mlroles.files.checks import DataFileError
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    try:
        catalog = state.catalog()
    except DataFileError as exc:
        if out.format == JSON:  # the problems are the result; the error still exits 2
            from mlroles.views.json_data import CheckData, invalid_file_data

            found = invalid_file_data(exc.source, exc.what, exc.problems)
            state.print_json(CheckData(files=[found]))
        raise

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import CheckData, checked_catalog_data

        return CheckData(files=[checked_catalog_data(catalog)])

    state.emit(out, data=data, page=lambda: pages.checked(catalog))
