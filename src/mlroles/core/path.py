"""A growth path toward a target role: the gap on each axis, largest first,
with the catalog's next steps for each axis where the user is below the role.

Readiness is the chart fit counting only shortfalls: being above a role on an
axis is no gap. (Which role is yours is the quiz's question; whether you are
ready for this one is a different question.)"""

from __future__ import annotations

from dataclasses import dataclass

from mlroles.core.axes import AXES, NEGLIGIBLE_GAP, Axis, Position, distance
from mlroles.core.catalog import Role
from mlroles.core.scoring import Assessment, fit_from_distance


@dataclass(frozen=True)
class AxisGap:
    axis: Axis
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
class Standing:
    """Where the quiz's own scoring puts the target role for you today."""

    probability: float
    rank: int  # 1 = the most probable role
    roles: int
    work_product: str | None  # the role whose work product counted; None: not sure


@dataclass(frozen=True)
class PathPlan:
    role: Role
    profile: Position
    gaps: tuple[AxisGap, ...]  # largest absolute gap first
    readiness_now: float
    readiness_after: float  # once the largest gap to close is closed
    standing: Standing | None = None

    @property
    def first_gap(self) -> AxisGap | None:
        return next((g for g in self.gaps if g.to_close), None)


def shortfall(profile: Position, role: Position) -> Position:
    """How far below the role the profile is on each axis (0 where at or above)."""
    return Position(*(max(0.0, role.value(a) - profile.value(a)) for a in AXES))


def readiness(profile: Position, role: Position, fit_zero_distance: float) -> float:
    gaps = shortfall(profile, role)
    origin = Position(0.0, 0.0, 0.0)
    return fit_from_distance(distance(origin, gaps), fit_zero_distance)


def standing_of(assessment: Assessment, role: Role) -> Standing:
    ids = [score.role.id for score in assessment.ranking]
    index = ids.index(role.id)
    return Standing(
        assessment.ranking[index].probability, index + 1, len(ids), assessment.work_product
    )


def plan_path(
    role: Role, profile: Position, fit_zero_distance: float, assessment: Assessment | None = None
) -> PathPlan:
    gaps = []
    for axis in AXES:
        you, target = profile.value(axis), role.position.value(axis)
        steps = role.growth_steps(axis) if target - you >= NEGLIGIBLE_GAP else ()
        gaps.append(AxisGap(axis, you, target, steps))
    gaps.sort(key=lambda g: abs(g.gap), reverse=True)
    now = readiness(profile, role.position, fit_zero_distance)
    first = next((g for g in gaps if g.to_close), None)
    after = now
    if first is not None:
        closed = Position(*(first.role if a == first.axis else profile.value(a) for a in AXES))
        after = readiness(closed, role.position, fit_zero_distance)
    standing = None if assessment is None else standing_of(assessment, role)
    return PathPlan(role, profile, tuple(gaps), now, after, standing)
