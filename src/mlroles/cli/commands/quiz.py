"""mlroles quiz: place yourself on the chart and see which role fits."""

from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import AnswersOption, CommOption, MlOption, SweOption, product_option
from mlroles.cli.output import (
    HtmlOption,
    JsonOption,
    MarkdownFormatOption,
    SvgOption,
    chosen_output,
)
from mlroles.cli.state import state_of

EXAMPLES = (
    Example("Take the quiz in a terminal", "mlroles quiz", terminal=True),
    Example(
        "Place yourself directly, with the work product you want",
        "mlroles quiz --ml 6 --swe 7.5 --comm 3 --product ml-engineer",
    ),
    Example("Answer from a file and print JSON", "mlroles quiz --answers answers.toml --json"),
    Example("A Markdown report", "mlroles quiz --ml 6 --swe 7.5 --comm 3 --format markdown"),
    Example(
        "Start from your CV; without a terminal it is scored as it is", "mlroles quiz --from cv.txt"
    ),
)


def quiz_command(
    ctx: typer.Context,
    answers: AnswersOption = None,
    from_text: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="FILE",
            show_default=False,
            help="Start from a CV or notes (text, Markdown or HTML; - for stdin). On a "
            "terminal the quiz asks first what the text does not say, with the rest "
            "pre-selected; otherwise the text alone is scored. Nothing leaves this machine.",
        ),
    ] = None,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    product: Annotated[
        str | None, product_option("With --ml/--swe/--comm: the role whose work product you want.")
    ] = None,
    save: Annotated[
        bool | None,
        typer.Option(
            "--save/--no-save",
            show_default=False,
            help="Keep the result in your history. Default: yes for the "
            "interactive quiz, no otherwise.",
        ),
    ] = None,
    output_format: MarkdownFormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Answer the questionnaire and see which role fits you best."""
    from mlroles.cli.quiz_flow import take_quiz

    out = chosen_output(ctx, output_format, as_json, svg, html, markdown=True)
    code = take_quiz(state_of(ctx), out, answers, from_text, ml, swe, comm, product, save)
    if code:
        raise typer.Exit(code)
