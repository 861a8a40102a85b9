"""A team: each member's most likely role, and who covers each role.

Members are scored with the quiz's own arithmetic (core/likelihood.py); the
simulated retakes, which cost the most, are run only when asked for."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from mlroles.core.axes import AXES, Axis
from mlroles.core.catalog import Role
from mlroles.core.scoring import (
    Confidence,
    Evidence,
    Model,
    assess,
    fit_from_distance,
)


class Member(NamedTuple):  # NamedTuples: one per row of a 100,000-row file
    row: int  # line number in the file; the header is line 1
    name: str
    evidence: Evidence


class RowError(NamedTuple):
    row: int
    message: str


@dataclass(frozen=True)
class Roster:
    members: tuple[Member, ...]
    errors: tuple[RowError, ...]
    by_items: bool = False  # members answered questions, rather than giving places
    notes: tuple[str, ...] = ()  # said once about the whole file, e.g. ignored extra cells


class MemberFit(NamedTuple):
    member: Member
    best: str
    probability: float
    fit: float  # chart fit to the best role's place
    profile: tuple[float, float, float]  # in AXES order; 0 on an unknown axis
    plotted: bool  # both chart axes are known
    stability: float | None = None  # only when asked for: it costs simulated retakes
    confidence: Confidence | None = None


@dataclass(frozen=True)
class Coverage:
    role: Role
    count: int  # members whose most likely role this is
    closest: Member | None  # the member nearest the role on the chart, best or not
    closest_distance: float | None
    fit_zero_distance: float

    @property
    def closest_fit(self) -> float | None:
        d = self.closest_distance
        return None if d is None else fit_from_distance(d, self.fit_zero_distance)


@dataclass(frozen=True)
class TeamReport:
    fits: tuple[MemberFit, ...]
    coverage: tuple[Coverage, ...]
    errors: tuple[RowError, ...]
    item_axis: Mapping[str, Axis]  # which axis each question speaks to

    def known_axes(self, fit: MemberFit) -> tuple[Axis, ...]:
        """The axes a member's data speaks to: all of them for a place."""
        evidence = fit.member.evidence
        if evidence.axes is not None:
            return AXES
        spoken = {self.item_axis[item] for item, _ in evidence.levels}
        return tuple(a for a in AXES if a in spoken)


def score_team(model: Model, roster: Roster, stability: bool = False) -> TeamReport:
    """Every member's most likely role, and for every role who is nearest to it."""
    roles = model.catalog.roles
    zero_at = model.rules.fit_zero_distance
    batch = model.batch
    counts = [0] * len(roles)
    closest: list[Member | None] = [None] * len(roles)
    closest_d = [math.inf] * len(roles)
    ids = [role.id for role in roles]
    fits: list[MemberFit] = []
    exp = math.exp
    for member in roster.members:
        posts, d2, profile, plotted = batch.log_posterior(member.evidence)
        top = max(posts)
        best = posts.index(top)
        probability = 1.0 / sum(exp(p - top) for p in posts)
        counts[best] += 1
        for i, d in enumerate(d2):
            if d < closest_d[i]:
                closest_d[i], closest[i] = d, member
        stable, confidence = None, None
        if stability:
            full = assess(model, member.evidence)
            stable, confidence = full.stability, full.confidence
        fits.append(
            MemberFit(
                member,
                ids[best],
                probability,
                fit_from_distance(d2[best] ** 0.5, zero_at),
                (profile[0], profile[1], profile[2]),
                plotted,
                stable,
                confidence,
            )
        )
    coverage = tuple(
        Coverage(
            role,
            counts[i],
            closest[i],
            None if closest[i] is None else closest_d[i] ** 0.5,
            zero_at,
        )
        for i, role in enumerate(roles)
    )
    return TeamReport(tuple(fits), coverage, roster.errors, model.item_axis)
