"""A team: each member's most likely role, and who covers each role.

Members are scored with the quiz's model. For speed on large files (100,000
members) the batch path precomputes, per role place, what each answer level
costs in the likelihood, and skips the simulated retakes unless asked; a
property test checks that it agrees with scoring.assess."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlroles.core.axes import AXES, WEIGHTS, Position
from mlroles.core.catalog import Role
from mlroles.core.questionnaire import LEVELS, level_value
from mlroles.core.scoring import Confidence, Evidence, Model, assess, fit_from_distance


@dataclass(frozen=True, slots=True)
class Member:
    row: int  # line number in the file; the header is line 1
    name: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    message: str


@dataclass(frozen=True)
class Roster:
    members: tuple[Member, ...]
    errors: tuple[RowError, ...]
    by_items: bool = False  # members answered questions, rather than giving places


@dataclass(frozen=True, slots=True)
class MemberFit:
    member: Member
    best: str
    probability: float
    fit: float  # chart fit to the best role's place
    profile: Position
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


class BatchScorer:
    """The model's arithmetic with the per-answer costs looked up in tables."""

    def __init__(self, model: Model) -> None:
        self.model = model
        questions = model.questionnaire.axis_questions
        self.item_index = {q.id: i for i, q in enumerate(questions)}
        axis_index = {axis: i for i, axis in enumerate(AXES)}
        self.item_axis = [axis_index[q.axis] for q in questions]
        self.weights = [WEIGHTS[a] for a in AXES]
        counts = [model.questionnaire.items_on(a) for a in AXES]
        self.direct_items = sum(counts) / len(counts)
        inverse = model.inverse_variance
        values = [level_value(level) for level in range(1, LEVELS + 1)]
        self.places = []  # per role: [(position, cost[item][level - 1])]
        for places in model.places:
            self.places.append(
                [
                    (
                        tuple(p.position.value(a) for a in AXES),
                        [
                            [
                                inverse * WEIGHTS[q.axis] * (v - p.expected[q.id]) ** 2
                                for v in values
                            ]
                            for q in questions
                        ],
                    )
                    for p in places
                ]
            )
        self.log_priors = {
            product: model.log_prior(product)
            for product in (None, *(role.id for role in model.catalog.roles))
        }
        self.inverse = inverse

    def profile(self, evidence: Evidence) -> tuple[list[float], list[bool]]:
        if evidence.axes is not None:
            return [evidence.axes.value(a) for a in AXES], [True, True, True]
        sums, counts = [0.0, 0.0, 0.0], [0, 0, 0]
        for item, level in evidence.levels:
            axis = self.item_axis[self.item_index[item]]
            sums[axis] += level_value(level)
            counts[axis] += 1
        return [s / c if c else 0.0 for s, c in zip(sums, counts, strict=True)], [
            c > 0 for c in counts
        ]

    def distance2(
        self, profile: Sequence[float], known: Sequence[bool], pos: Sequence[float]
    ) -> float:
        return sum(
            w * (x - p) ** 2
            for w, x, p, k in zip(self.weights, profile, pos, known, strict=True)
            if k
        )

    def score(self, evidence: Evidence) -> tuple[list[float], list[float], list[float], bool]:
        """(posterior, chart distance per role, profile, plotted)."""
        profile, known = self.profile(evidence)
        logs, dists = [], []
        answered = [(self.item_index[i], level - 1) for i, level in evidence.levels]
        for places in self.places:
            pos, cost = places[0]
            d2 = self.distance2(profile, known, pos)
            for other_pos, other_cost in places[1:]:
                other = self.distance2(profile, known, other_pos)
                if other < d2:
                    pos, cost, d2 = other_pos, other_cost, other
            if evidence.axes is not None:
                logs.append(-self.direct_items * d2 * self.inverse)
            else:
                logs.append(-sum(cost[i][level] for i, level in answered))
            dists.append(math.sqrt(d2))
        posts = [a + b for a, b in zip(logs, self.log_priors[evidence.work_product], strict=True)]
        top = max(posts)
        exps = [math.exp(p - top) for p in posts]
        total = sum(exps)
        return [e / total for e in exps], dists, profile, known[0] and known[1]


def score_team(model: Model, roster: Roster, stability: bool = False) -> TeamReport:
    """Every member's most likely role, and for every role who is nearest to it."""
    roles = model.catalog.roles
    zero_at = model.rules.fit_zero_distance
    batch = BatchScorer(model)
    counts = [0] * len(roles)
    closest: list[Member | None] = [None] * len(roles)
    closest_d = [math.inf] * len(roles)
    fits: list[MemberFit] = []
    for member in roster.members:
        posterior, dists, profile, plotted = batch.score(member.evidence)
        best = posterior.index(max(posterior))
        counts[best] += 1
        for i, d in enumerate(dists):
            if d < closest_d[i]:
                closest_d[i], closest[i] = d, member
        stable, confidence = None, None
        if stability:
            full = assess(model, member.evidence)
            stable, confidence = full.stability, full.confidence
        fits.append(
            MemberFit(
                member,
                roles[best].id,
                posterior[best],
                fit_from_distance(dists[best], zero_at),
                Position(*profile),
                plotted,
                stable,
                confidence,
            )
        )
    coverage = tuple(
        Coverage(role, counts[i], closest[i], None if closest[i] is None else closest_d[i], zero_at)
        for i, role in enumerate(roles)
    )
    return TeamReport(tuple(fits), coverage, roster.errors)
