"""What the scoring model is told about a person or a posting: the answers
given (unknown ones left out), or a place on the chart given directly, and
the chosen work product. Kept apart from the model so that the quiz can ask
its questions before the model is even imported."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from mlroles.core.axes import Position
from mlroles.core.questionnaire import (
    Questionnaire,
    known_levels,
    unknown_items,
    work_product_of,
)


class Evidence(NamedTuple):  # a NamedTuple: team files build one per row, cheaply
    """What the model is told: answered items, or a place given directly."""

    levels: tuple[tuple[str, int], ...] = ()  # (question id, level 1-5), answered only
    axes: Position | None = None  # a place given with --ml/--swe/--comm
    work_product: str | None = None  # the chosen work product's role id
    unknown_items: tuple[str, ...] = ()  # questions left unanswered
    # The work product's prior weight when it was read from text, not chosen
    # by the person ([reading] text_product_weight); None: [scoring] product_weight.
    product_weight: float | None = None


def evidence_from_answers(
    questionnaire: Questionnaire, answers: Mapping[str, int | str]
) -> Evidence:
    return Evidence(
        levels=known_levels(questionnaire, answers),
        work_product=work_product_of(questionnaire, answers),
        unknown_items=unknown_items(questionnaire, answers),
    )
