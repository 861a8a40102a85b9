"""The chart: a place on the machine-learning, software-engineering and
communication axes, and the distance between two places."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Axis = Literal["machine_learning", "software_engineering", "communication"]
AXES: tuple[Axis, ...] = ("machine_learning", "software_engineering", "communication")
AXIS_LABELS: dict[Axis, str] = {
    "machine_learning": "ML",
    "software_engineering": "SWE",
    "communication": "Comm",
}
AXIS_TITLES: dict[Axis, str] = {
    "machine_learning": "Machine learning",
    "software_engineering": "Software engineering",
    "communication": "Communication",
}
SCALE_MIN = 0.0
SCALE_MAX = 10.0
# A gap smaller than this reads as "level" (explanations) or "met" (path).
NEGLIGIBLE_GAP = 0.25

# The chart's two axes are what the source compares roles by; the bubble
# (communication) is a secondary signal, so it counts half as much.
WEIGHTS: dict[Axis, float] = {
    "machine_learning": 1.0,
    "software_engineering": 1.0,
    "communication": 0.5,
}
MAX_DISTANCE = math.sqrt(sum(w * (SCALE_MAX - SCALE_MIN) ** 2 for w in WEIGHTS.values()))


@dataclass(frozen=True)
class Position:
    machine_learning: float
    software_engineering: float
    communication: float

    def value(self, axis: str) -> float:
        if axis not in AXES:
            raise KeyError(axis)
        return float(getattr(self, axis))

    def as_dict(self) -> dict[str, float]:
        return {axis: self.value(axis) for axis in AXES}


def as_axis(name: str) -> Axis:
    """The axis with this name; a KeyError for any other text."""
    for axis in AXES:
        if axis == name:
            return axis
    raise KeyError(name)


def distance(a: Position, b: Position, axes: tuple[Axis, ...] = AXES) -> float:
    """Weighted Euclidean distance between two places on the chart, over the
    given axes (the ones that are known)."""
    return math.sqrt(sum(WEIGHTS[ax] * (a.value(ax) - b.value(ax)) ** 2 for ax in axes))
