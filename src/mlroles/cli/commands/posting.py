"""mlroles posting: which role a job posting really describes."""

from pathlib import Path
from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.options import (
    PostingCommOption,
    PostingMlOption,
    PostingSweOption,
    answers_option,
    product_option,
)
from mlroles.cli.output import (
    HtmlOption,
    JsonOption,
    MarkdownFormatOption,
    SvgOption,
    chosen_output,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError

EXAMPLES = (
    Example("Read a posting's text", 'mlroles posting --title "ML Engineer" posting.txt'),
    Example(
        "Rate what a posting asks for",
        'mlroles posting --title "Data Scientist" --ml 7 --swe 7.5 --comm 3',
    ),
    Example(
        "Read a posting, then confirm or change each answer",
        "mlroles posting --interactive posting.txt",
        terminal=True,
    ),
    Example(
        "Answer the questionnaire about the posting",
        'mlroles posting --interactive --title "ML Engineer"',
        terminal=True,
    ),
)


def posting_command(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            help="The posting's text: plain, Markdown or HTML; - reads standard input.",
            metavar="[FILE]",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", show_default=False, help="The posting's job title."),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Answer the questionnaire about the posting."),
    ] = False,
    answers: Annotated[
        Path | None,
        answers_option("Answers about the posting, from a TOML or JSON file (see questions)."),
    ] = None,
    ml: PostingMlOption = None,
    swe: PostingSweOption = None,
    comm: PostingCommOption = None,
    product: Annotated[
        str | None, product_option("The role whose work product the hire will own.")
    ] = None,
    output_format: MarkdownFormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Check which role a job posting really describes."""
    from mlroles.cli import profile_input as where
    from mlroles.core.posting import read_posting
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html, markdown=True)
    state = state_of(ctx)
    model = state.model()
    sources = [file is not None or interactive, answers is not None]
    sources.append(any(v is not None for v in (ml, swe, comm)))
    if sum(sources) > 1:
        raise UserError("Give one of FILE, --interactive, --answers or --ml/--swe/--comm.")
    direct = any(v is not None for v in (ml, swe, comm, product))
    if product is not None and interactive:
        raise UserError("--interactive asks for the work product; leave out --product.")
    text_reading = None
    lexicon = state.lexicon(model.catalog, model.questionnaire)
    if file is not None:
        from mlroles.core.reading import read_text
        from mlroles.files.posting_text import read_posting_text

        text = read_posting_text(file, state.env.stdin)
        text_reading = read_text(text, lexicon, model.questionnaire)
        if not text_reading.found:
            raise UserError(
                f"Nothing in {'standard input' if file == '-' else file} is evidence for any "
                "question: no skill, tool or duty the reader knows.",
                "Rate the posting yourself instead: mlroles posting --interactive",
            )
        evidence = text_reading.evidence
        if interactive:  # confirm or change what the text says, item by item
            prefilled = where.prefill(text_reading, model.questionnaire, work_product=True)
            evidence = where.interactive_placement(
                model.questionnaire, state.env, posting=True, prefilled=prefilled
            ).evidence
    elif answers is not None:
        evidence = where.answers_placement(model.catalog, model.questionnaire, answers).evidence
    elif interactive:
        evidence = where.interactive_placement(
            model.questionnaire, state.env, posting=True
        ).evidence
    elif direct:
        evidence = where.direct_placement(
            model.catalog, model.questionnaire, ml, swe, comm, product
        ).evidence
    else:
        raise UserError(
            "Give the posting's text as FILE (or - for standard input), say what it asks",
            "for with --ml X --swe Y --comm Z (0-10 each), or answer questions about it",
            "with --interactive.",
            'Example: mlroles posting --title "Data Scientist" --ml 7 --swe 7 --comm 3',
        )
    if product is not None:  # the user's word over what the text or the file says
        evidence = evidence._replace(work_product=where.product_id(model.catalog, product))
    from mlroles.core.verdict import verdict

    reading = read_posting(model, evidence, title, lexicon.title_ignore)
    said = verdict(reading.assessment, model, subject="this posting")

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import posting_data

        return posting_data(reading, said, text_reading)

    state.emit(
        out,
        data=data,
        page=lambda: pages.posting(reading, said, model.catalog, text_reading, model.questionnaire),
        markdown=lambda: pages.posting_markdown(reading, said, text_reading, model.questionnaire),
    )
