"""A team: each member's best role, and who covers each role.

The scoring loop is a lean copy of scoring.rank for speed on large files
(100,000 members); tests check that it agrees with scoring.assess."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mlroles.core.axes import AXES, WEIGHTS
from mlroles.core.catalog import Catalog, Role
from mlroles.core.scoring import PRODUCT_BONUS, confidence_for, fit_from_distance


@dataclass(frozen=True, slots=True)
class Member:
    row: int  # line number in the file; the header is line 1
    name: str
    machine_learning: float
    software_engineering: float
    communication: float
    work_product: str | None


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    message: str


@dataclass(frozen=True)
class Roster:
    members: tuple[Member, ...]
    errors: tuple[RowError, ...]


@dataclass(frozen=True, slots=True)
class MemberFit:
    member: Member
    best: str
    fit: float
    confidence: str


@dataclass(frozen=True)
class Coverage:
    role: Role
    count: int  # members whose best fit this role is
    closest: Member | None  # the member nearest the role, best fit or not
    closest_distance: float | None

    @property
    def closest_fit(self) -> float | None:
        d = self.closest_distance
        return None if d is None else fit_from_distance(d)


@dataclass(frozen=True)
class TeamReport:
    fits: tuple[MemberFit, ...]
    coverage: tuple[Coverage, ...]
    errors: tuple[RowError, ...]


def score_team(catalog: Catalog, roster: Roster) -> TeamReport:
    w_ml, w_swe, w_comm = (WEIGHTS[axis] for axis in AXES)
    table = [
        (
            i,
            r.id,
            r.position.machine_learning,
            r.position.software_engineering,
            r.position.communication,
        )
        for i, r in enumerate(catalog.roles)
    ]
    counts = [0] * len(table)
    closest: list[Member | None] = [None] * len(table)
    closest_d = [math.inf] * len(table)
    fits: list[MemberFit] = []
    for m in roster.members:
        x, y, z, product = (
            m.machine_learning,
            m.software_engineering,
            m.communication,
            m.work_product,
        )
        best_i, best_d, second_d = 0, math.inf, math.inf
        for i, role_id, a, b, c in table:
            d = math.sqrt(w_ml * (x - a) ** 2 + w_swe * (y - b) ** 2 + w_comm * (z - c) ** 2)
            if role_id == product:
                d = max(0.0, d - PRODUCT_BONUS)
            if d < best_d:
                best_i, best_d, second_d = i, d, best_d
            elif d < second_d:
                second_d = d
            if d < closest_d[i]:
                closest_d[i], closest[i] = d, m
        counts[best_i] += 1
        fits.append(
            MemberFit(
                m, table[best_i][1], fit_from_distance(best_d), confidence_for(second_d - best_d)
            )
        )
    coverage = tuple(
        Coverage(role, counts[i], closest[i], None if closest[i] is None else closest_d[i])
        for i, role in enumerate(catalog.roles)
    )
    return TeamReport(tuple(fits), coverage, roster.errors)
