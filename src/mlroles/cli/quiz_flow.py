"""The quiz's work once its options are parsed: place the person (from the
prompts, a file, a text or --ml/--swe/--comm), score, save and print. It
needs no Typer, so a bare `mlroles quiz` can start without it (cli/entry.py);
`mlroles quiz` with options comes here through cli/commands/quiz.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.output_form import Output
from mlroles.cli.state import AppState
from mlroles.core.errors import UserError

if TYPE_CHECKING:
    from mlroles.cli.profile_input import Placement
    from mlroles.core.scoring import Model


def take_quiz(
    state: AppState,
    out: Output,
    answers: Path | None = None,
    from_text: str | None = None,
    ml: float | None = None,
    swe: float | None = None,
    comm: float | None = None,
    product: str | None = None,
    save: bool | None = None,
) -> int:
    """Run the quiz as its options ask and return the exit code."""
    from mlroles.cli import profile_input as where

    catalog = state.catalog()
    questionnaire = state.questionnaire(catalog)
    if from_text is not None:
        placed = _from_text(state, from_text, answers, ml, swe, comm, product)
    else:
        given = where.given_placement(catalog, questionnaire, answers, ml, swe, comm, product)
        # ask first: the model is built once the answers are in
        placed = given or where.interactive_placement(questionnaire, state.env)
    from mlroles.core.scoring import build_model

    model = build_model(catalog, questionnaire)
    return _report_quiz(
        state, model, placed, placed.interactive if save is None else save, out, bool(save)
    )


def _from_text(
    state: AppState,
    name: str,
    answers: object,
    ml: float | None,
    swe: float | None,
    comm: float | None,
    product: str | None,
) -> Placement:
    """Read a CV or notes; prompt with it pre-filled on a terminal, or score it."""
    from mlroles.cli import profile_input as where
    from mlroles.core.reading import read_text
    from mlroles.files.posting_text import read_posting_text

    if answers is not None or any(v is not None for v in (ml, swe, comm)):
        raise UserError("Give --from or --answers or --ml/--swe/--comm, not several.")
    catalog = state.catalog()
    questionnaire = state.questionnaire(catalog)
    lexicon = state.lexicon(catalog, questionnaire)
    reading = read_text(read_posting_text(name, state.env.stdin), lexicon, questionnaire)
    if where.can_prompt(state.env):
        prefilled = where.prefill(reading, questionnaire, work_product=False)
        return where.interactive_placement(questionnaire, state.env, prefilled=prefilled)
    if not reading.found:
        raise UserError(
            f"Nothing in {'standard input' if name == '-' else name} is evidence for any "
            "question, so there is nothing to score without a terminal.",
            "Take the quiz in a terminal, or answer from a file: mlroles quiz --answers FILE",
        )
    from mlroles.core.catalog import normalize
    from mlroles.core.questionnaire import NOT_SURE, WORK_PRODUCT_AXIS

    levels: dict[str, int | str] = dict(reading.evidence.levels)
    if product is not None and normalize(product) != NOT_SURE:
        asked = next(q for q in questionnaire.questions if q.axis == WORK_PRODUCT_AXIS)
        levels[asked.id] = catalog.resolve(product).id
    return where.from_answers(questionnaire, levels, interactive=False)


def _report_quiz(
    state: AppState,
    model: Model,
    placed: Placement,
    save: bool,
    out: Output,
    asked_to_save: bool = False,  # --save given: a failed save is then an error
) -> int:
    from datetime import UTC, datetime

    from mlroles.core.movement import movement
    from mlroles.core.saved import SavedResult
    from mlroles.core.scoring import assess
    from mlroles.core.verdict import verdict
    from mlroles.views import pages

    catalog = model.catalog
    assessment = assess(model, placed.evidence)
    said = verdict(assessment, model)
    previous = state.load_history(writing=save).latest
    moved = None
    if previous is not None:
        moved = movement(
            previous.profile,
            previous.noise,
            assessment.profile,
            placed.noise,
            previous.best,
            assessment.best.role.id,
        )

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import quiz_data

        return quiz_data(assessment, said, moved, previous)

    # Saved before the page is drawn, so that a failed export or a closed
    # stdout never loses a finished quiz.
    saved: str | None = None
    failed_save = False
    if save:
        result = SavedResult(
            datetime.now(UTC),
            assessment.profile,
            placed.noise,
            placed.evidence.work_product,
            assessment.best.role.id,
            assessment.confidence,
            assessment.best.probability,
            tuple((placed.answers or {}).items()),
        )
        try:
            saved = f"Saved this result to {state.history().save(result)}"
        except UserError as exc:
            state.message(*exc.lines, "The result was not saved.")
            failed_save = asked_to_save
    try:
        state.emit(
            out,
            data=data,
            page=lambda: pages.result(assessment, said, catalog, previous, moved),
            markdown=lambda: pages.result_markdown(assessment, said, catalog),
        )
    finally:
        if saved is not None:
            state.message(saved)
    # --save was asked for and did not happen: say so in the exit code
    return ExitCode.USER_ERROR if failed_save else ExitCode.OK
