"""mlroles questions: the questionnaire, for answering from a file."""

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import FormatOption, HtmlOption, JsonOption, SvgOption, chosen_output
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Every question and its answer levels", "mlroles questions"),
    Example("Question ids and values, to write an answers file", "mlroles questions --json"),
)


def questions_command(
    ctx: typer.Context,
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

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import questions_data

        return questions_data(questionnaire)

    state.emit(out, data=data, page=lambda: pages.questions(questionnaire))
