"""A team: each member's most likely role, and who covers each role.

Members are scored with the quiz's own arithmetic (core/likelihood.py); the
simulated retakes, which cost the most, are run only when asked for."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from mlroles.core.axes import AXES, Axis, Position
from mlroles.core.catalog import Role
from mlroles.core.likelihood import ROWS_PER_BLOCK, Scored
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
    """A team file's members, kept as columns: a million rows must not cost
    a million objects. `members` builds the per-row view when it is asked for."""

    rows: Sequence[int]  # each member's line in the file
    names: Sequence[str]
    places: Sequence[float]  # place files: ml, swe, comm per member, in AXES order
    levels: bytes  # item files: a level per member and asked item, 0 = empty cell
    asked: tuple[str, ...]  # item files: the question ids with a column, in column order
    never_asked: tuple[str, ...]  # question ids the file has no column for
    products: Sequence[int]  # per member: 0 = not sure, else 1 + index into product_ids
    product_ids: tuple[str, ...]
    errors: tuple[RowError, ...]
    by_items: bool = False  # members answered questions, rather than giving places
    notes: tuple[str, ...] = ()  # said once about the whole file, e.g. ignored extra cells

    def __len__(self) -> int:
        return len(self.rows)

    def evidence(self, i: int) -> Evidence:
        code = self.products[i]
        product = self.product_ids[code - 1] if code else None
        if not self.by_items:
            x = 3 * i
            return Evidence(axes=Position(*self.places[x : x + 3]), work_product=product)
        k = len(self.asked)
        pairs = tuple(zip(self.asked, self.levels[i * k : i * k + k], strict=True))
        return Evidence(
            levels=tuple((item, level) for item, level in pairs if level),
            work_product=product,
            unknown_items=(
                *(item for item, level in pairs if not level),
                *self.never_asked,
            ),
        )

    def member(self, i: int) -> Member:
        return Member(self.rows[i], self.names[i], self.evidence(i))

    @cached_property  # built only for pages and tests, never on the --json path
    def members(self) -> tuple[Member, ...]:
        return tuple(self.member(i) for i in range(len(self)))


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
    """Results as columns, one entry per member of `roster`; `fits` builds
    the per-member view for pages, and json_data streams from the columns."""

    roster: Roster
    best: Sequence[int]  # per member: index of the most probable role in catalog order
    probability: Sequence[float]
    fit: Sequence[float]
    profile: Sequence[float]  # 3 per member, AXES order; 0 on an unknown axis
    plotted: bytes  # 1 if both chart axes are known
    stability: Sequence[float] | None  # only when asked for: it costs simulated retakes
    confidence: tuple[Confidence, ...] | None
    role_ids: tuple[str, ...]
    coverage: tuple[Coverage, ...]
    errors: tuple[RowError, ...]
    item_axis: Mapping[str, Axis]  # which axis each question speaks to

    def __len__(self) -> int:
        return len(self.best)

    def fit_of(self, i: int) -> MemberFit:
        x = 3 * i
        return MemberFit(
            self.roster.member(i),
            self.role_ids[self.best[i]],
            self.probability[i],
            self.fit[i],
            (self.profile[x], self.profile[x + 1], self.profile[x + 2]),
            bool(self.plotted[i]),
            None if self.stability is None else self.stability[i],
            None if self.confidence is None else self.confidence[i],
        )

    @cached_property  # built only for pages, never on the --json path
    def fits(self) -> tuple[MemberFit, ...]:
        return tuple(self.fit_of(i) for i in range(len(self)))

    def known_axes(self, fit: MemberFit) -> tuple[Axis, ...]:
        """The axes a member's data speaks to: all of them for a place."""
        evidence = fit.member.evidence
        if evidence.axes is not None:
            return AXES
        spoken = {self.item_axis[item] for item, _ in evidence.levels}
        return tuple(a for a in AXES if a in spoken)


def score_team(
    model: Model, roster: Roster, stability: bool = False, block: int = ROWS_PER_BLOCK
) -> TeamReport:
    """Every member's most likely role, and for every role who is nearest to it.
    The arithmetic is the quiz's (model.batch, as assess uses); members are
    scored `block` at a time, and the results go into columns, not an object
    per member."""
    roles = model.catalog.roles
    zero_at = model.rules.fit_zero_distance
    counts = [0] * len(roles)
    closest: list[int | None] = [None] * len(roles)
    closest_d = [math.inf] * len(roles)
    n = len(roster)
    best_column = array("i")
    probability_column = array("d")
    fit_column = array("d")
    if roster.by_items:
        profile_column = array("d", bytes(24 * n))
        plotted_column = bytearray(n)
        scored = _scored_answers(model, roster, profile_column, plotted_column, block)
    else:  # places given directly: the profile is the place, always plotted
        profile_column = array("d", roster.places)
        plotted_column = bytearray(b"\x01" * n)
        scored = model.batch.score_places(roster.places, roster.products, roster.product_ids, block)
    for some in scored:  # a block of members, as columns
        offset = len(best_column)
        best_column.extend(some.best)
        probability_column.extend(some.probability)
        d2 = some.role_d2
        fit_column.extend(
            fit_from_distance(d2[best][i] ** 0.5, zero_at) for i, best in enumerate(some.best)
        )
        for r, column in enumerate(d2):
            counts[r] += some.best.count(r)
            nearest = min(column)
            if nearest < closest_d[r]:  # the first member at the least distance
                closest_d[r], closest[r] = nearest, offset + column.index(nearest)
    stabilities, confidences = None, None
    if stability:  # the simulated retakes: assess per member, only when asked for
        assessed = [assess(model, roster.evidence(i)) for i in range(n)]
        stabilities = array("d", (a.stability for a in assessed))
        confidences = tuple(a.confidence for a in assessed)
    coverage = tuple(
        Coverage(
            role,
            counts[r],
            None if (at := closest[r]) is None else roster.member(at),
            None if at is None else closest_d[r] ** 0.5,
            zero_at,
        )
        for r, role in enumerate(roles)
    )
    return TeamReport(
        roster,
        best_column,
        probability_column,
        fit_column,
        profile_column,
        bytes(plotted_column),
        stabilities,
        confidences,
        tuple(role.id for role in roles),
        coverage,
        roster.errors,
        model.item_axis,
    )


def _scored_answers(
    model: Model,
    roster: Roster,
    profiles: array[float],
    plotted: bytearray,
    block: int = ROWS_PER_BLOCK,
) -> Iterator[Scored]:
    """An answers file's members scored with log_posterior, in blocks as
    score_places gives them for places; each member's profile and whether it
    is plotted go into the columns given."""
    exp = math.exp
    log_posterior = model.batch.log_posterior
    n = len(roster)
    for start in range(0, n, block):
        best, probability, rows_d2 = [], [], []
        for i in range(start, min(start + block, n)):
            posts, d2, profile, known = log_posterior(roster.evidence(i))
            profiles[3 * i : 3 * i + 3] = array("d", profile)
            plotted[i] = known
            top = max(posts)
            best.append(posts.index(top))
            probability.append(1.0 / sum([exp(p - top) for p in posts]))
            rows_d2.append(d2)
        yield Scored(best, probability, [list(column) for column in zip(*rows_d2, strict=True)])
