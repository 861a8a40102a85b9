"""mlroles questions: the questionnaire, for answering from a file."""

from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Every question and its answer levels", "mlroles questions"),
    Example("Question ids and values, to write an answers file", "mlroles questions --json"),
    Example(
        "An answers file to fill in; save it with > answers.toml", "mlroles questions --template"
    ),
)


def questions_command(
    ctx: typer.Context,
    template: Annotated[
        bool,
        typer.Option("--template", help="Print a commented answers file to fill in (TOML)."),
    ] = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Print the questionnaire, for answering with quiz --answers."""
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    questionnaire = state.questionnaire(state.catalog())
    if template:
        if out.format != "text" or out.svg or out.html:
            raise UserError("--template prints TOML; leave out --format, --json, --svg and --html.")
        from mlroles.files.answers_file import answers_template

        state.print_text(answers_template(questionnaire))
        return

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import questions_data

        return questions_data(questionnaire)

    state.emit(out, data=data, page=lambda: pages.questions(questionnaire))
