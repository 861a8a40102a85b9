"""How far a user moved between two results, and whether it is more than noise.

Noise is estimated from the questionnaire itself. The questions on one axis
all measure that axis, so how much a user's answers on them disagree is
measurement noise: the axis value's standard error is the sample standard
deviation of its item values divided by sqrt(number of items). Answers that
agree perfectly would claim no noise at all, so the per-item spread is never
taken below half an answer level (NOISE_FLOOR_ITEM). A placement given
directly with --ml/--swe/--comm has no items and gets that floor, for as many
items as the questionnaire asks on each axis. A change is real when it
exceeds REAL_CHANGE_Z standard errors of the difference (the reliable change
index: sqrt(se_before² + se_after²))."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlroles.core.axes import AXES, SCALE_MAX, SCALE_MIN, Axis, Position
from mlroles.core.questionnaire import level_value

LEVEL_STEP = level_value(2) - level_value(1)  # one answer level, in axis points
NOISE_FLOOR_ITEM = LEVEL_STEP / 2
REAL_CHANGE_Z = 1.96
# An axis that no answer spoke to has no measured place: its noise is the
# whole scale, so no change on it is ever called real.
UNKNOWN_AXIS_NOISE = SCALE_MAX - SCALE_MIN


def axis_noise(item_values: Sequence[float]) -> float:
    """Standard error of an axis value that is the mean of these items."""
    if not item_values:
        raise ValueError("an axis value needs at least one item")
    spread = statistics.stdev(item_values) if len(item_values) > 1 else 0.0
    return max(spread, NOISE_FLOOR_ITEM) / math.sqrt(len(item_values))


def answers_noise(items: Mapping[str, Sequence[float]]) -> Position:
    """The noise of each axis measured by these answered items."""
    return Position(
        *(axis_noise(items[axis]) if items[axis] else UNKNOWN_AXIS_NOISE for axis in AXES)
    )


def default_noise(items_per_axis: Mapping[str, int]) -> Position:
    """The noise of a place given directly, with no answers to measure it from:
    the floor, for as many items as the questionnaire asks on each axis."""
    return Position(*(NOISE_FLOOR_ITEM / math.sqrt(items_per_axis[axis]) for axis in AXES))


@dataclass(frozen=True)
class AxisMove:
    axis: Axis
    before: float
    after: float
    threshold: float

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def real(self) -> bool:
        return abs(self.change) > self.threshold


@dataclass(frozen=True)
class Movement:
    axes: tuple[AxisMove, ...]
    best_before: str
    best_after: str

    @property
    def any_real(self) -> bool:
        return any(move.real for move in self.axes)


def movement(
    before: Position,
    before_noise: Position,
    after: Position,
    after_noise: Position,
    best_before: str,
    best_after: str,
) -> Movement:
    moves = []
    for axis in AXES:
        se = math.hypot(before_noise.value(axis), after_noise.value(axis))
        moves.append(AxisMove(axis, before.value(axis), after.value(axis), REAL_CHANGE_Z * se))
    return Movement(tuple(moves), best_before, best_after)
