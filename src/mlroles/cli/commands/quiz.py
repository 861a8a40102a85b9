"""mlroles quiz: place yourself on the chart and see which role fits."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlroles.cli.app import app
from mlroles.cli.options import (
    AnswersOption,
    CommOption,
    HtmlOption,
    JsonOption,
    MlOption,
    SvgOption,
    SweOption,
    no_export_with_json,
    product_option,
)
from mlroles.cli.state import AppState, state_of
from mlroles.core.catalog import Catalog
from mlroles.core.errors import UserError

if TYPE_CHECKING:
    from mlroles.cli.profile_input import Placement


@app.command("quiz")
def quiz_command(
    ctx: typer.Context,
    answers: AnswersOption = None,
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
    output_format: Annotated[
        str,
        typer.Option("--format", help="text or markdown.", metavar="FORMAT"),
    ] = "text",
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Answer the questionnaire and see which role fits you best."""
    from mlroles.cli import profile_input as where

    state = state_of(ctx)
    if output_format not in ("text", "markdown"):
        raise UserError(f"Unknown --format {output_format!r}; use text or markdown.")
    if as_json and output_format != "text":
        raise UserError("Give either --json or --format markdown, not both.")
    no_export_with_json(as_json, svg, html)
    no_export_with_json(output_format == "markdown", svg, html, other="--format markdown")
    catalog = state.catalog()
    questionnaire = state.questionnaire(catalog)
    placed = where.given_placement(catalog, questionnaire, answers, ml, swe, comm, product)
    if placed is None:
        placed = where.interactive_placement(questionnaire, state.env)
    _report_quiz(
        state,
        catalog,
        placed,
        placed.interactive if save is None else save,
        as_json,
        output_format,
        svg,
        html,
    )


def _report_quiz(
    state: AppState,
    catalog: Catalog,
    placed: "Placement",
    save: bool,
    as_json: bool,
    output_format: str,
    svg: Path | None,
    html: Path | None,
) -> None:
    from datetime import UTC, datetime

    from mlroles.core.movement import movement
    from mlroles.core.saved import SavedResult
    from mlroles.core.scoring import assess

    assessment = assess(catalog, placed.profile, placed.work_product, flat_answers=placed.flat)
    previous = state.load_history().latest
    moved = None
    if previous is not None:
        moved = movement(
            previous.profile,
            previous.noise,
            placed.profile,
            placed.noise,
            previous.best,
            assessment.best.role.id,
        )
    if as_json:
        from mlroles.views.json_data import assessment_data, movement_data

        data = assessment_data(assessment)
        data["movement"] = movement_data(moved, previous) if moved and previous else None
        state.print_json(data)
    elif output_format == "markdown":
        from mlroles.views.markdown import markdown_report

        state.print_text(markdown_report(assessment, catalog))
    else:
        from mlroles.views.result import result_page

        state.show(result_page(assessment, catalog, previous, moved), svg, html)
    if save:
        result = SavedResult(
            datetime.now(UTC),
            placed.profile,
            placed.noise,
            placed.work_product,
            assessment.best.role.id,
            assessment.confidence,
        )
        try:
            path = state.history().save(result)
        except UserError as exc:
            state.message(*exc.lines, "The result above was not saved.")
        else:
            state.message(f"Saved this result to {path}")
