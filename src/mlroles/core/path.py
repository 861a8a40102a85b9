"""A growth path toward a target role: the gap on each axis, largest first,
with the catalog's next steps for each axis where the user is below the role."""

from __future__ import annotations

from dataclasses import dataclass

from mlroles.core.axes import AXES, NEGLIGIBLE_GAP, Position, distance
from mlroles.core.catalog import Role
from mlroles.core.scoring import fit_from_distance


@dataclass(frozen=True)
class AxisGap:
    axis: str
    you: float
    role: float
    steps: tuple[str, ...]  # empty where the gap is met or the user is above

    @property
    def gap(self) -> float:
        """The role's value minus the user's."""
        return self.role - self.you

    @property
    def to_close(self) -> bool:
        return self.gap >= NEGLIGIBLE_GAP

    @property
    def above(self) -> bool:
        return self.gap <= -NEGLIGIBLE_GAP


@dataclass(frozen=True)
class PathPlan:
    role: Role
    profile: Position
    gaps: tuple[AxisGap, ...]  # largest absolute gap first
    fit_now: float
    fit_after: float  # once the largest gap to close is closed

    @property
    def first_gap(self) -> AxisGap | None:
        return next((g for g in self.gaps if g.to_close), None)


def plan_path(role: Role, profile: Position) -> PathPlan:
    gaps = []
    for axis in AXES:
        you, target = profile.value(axis), role.position.value(axis)
        steps = role.growth_steps(axis) if target - you >= NEGLIGIBLE_GAP else ()
        gaps.append(AxisGap(axis, you, target, steps))
    gaps.sort(key=lambda g: abs(g.gap), reverse=True)
    fit_now = fit_from_distance(distance(profile, role.position))
    first = next((g for g in gaps if g.to_close), None)
    fit_after = fit_now
    if first is not None:
        closed = Position(*(first.role if a == first.axis else profile.value(a) for a in AXES))
        fit_after = fit_from_distance(distance(closed, role.position))
    return PathPlan(role, profile, tuple(gaps), fit_now, fit_after)
