"""mlroles posting: which role a job posting really describes."""

from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import CommOption, MlOption, SweOption, product_option
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example(
        "Rate what a posting asks for",
        'mlroles posting --title "Data Scientist" --ml 7 --swe 7.5 --comm 3',
    ),
    Example(
        "Answer the questionnaire about the posting",
        'mlroles posting --interactive --title "ML Engineer"',
        terminal=True,
    ),
)


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
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Check which role a job posting really describes."""
    from mlroles.cli import profile_input as where
    from mlroles.core.posting import read_posting
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    model = state.model()
    direct = any(v is not None for v in (ml, swe, comm, product))
    if interactive and direct:
        raise UserError("Give either --interactive or --ml/--swe/--comm, not both.")
    if interactive:
        placed = where.interactive_placement(model.questionnaire, state.env, posting=True)
    elif direct:
        placed = where.direct_placement(model.catalog, model.questionnaire, ml, swe, comm, product)
    else:
        raise UserError(
            "Say what the posting asks for: --ml X --swe Y --comm Z (0-10 each),",
            "or answer questions about it with --interactive.",
            'Example: mlroles posting --title "Data Scientist" --ml 7 --swe 7 --comm 3',
        )
    from mlroles.core.verdict import verdict

    reading = read_posting(model, placed.evidence, title)
    said = verdict(reading.assessment, model, subject="this posting")

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import posting_data

        return posting_data(reading, said)

    state.emit(out, data=data, page=lambda: pages.posting(reading, said, model.catalog))
