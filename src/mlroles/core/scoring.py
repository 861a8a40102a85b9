"""Scoring: a probability for every role, from the answers and the work product.

- Likelihood. Someone in a role answers each question near the role's place on
  that question's axis, moved by the role's emphasis for the question (the
  catalog), give or take how much people in one role differ: a normal spread
  with sd [scoring] role_spread answer levels. Each item
  counts with its axis's chart weight, as in the chart distance, so with no
  emphasis and no work product the most probable role is the nearest one on
  the chart. Unknown items are left out, never read as a level.
- Places. A role with kinds (data scientist) is scored at the nearest of its
  bubble and its kinds; `kind` names the kind (None for the bubble).
- Prior. The chosen work product's role weighs product_weight, every other
  role 1; "not sure" is flat. Posterior = prior x likelihood, normalised.
- Chart fit depends on the chart distance alone: 100% only at the place.
- Stability. The share of simulated retakes (every answer moves -1, 0 or +1
  level with p, 1-2p, p, from a fixed seed) that keep the same best role.
  A place given as --ml/--swe/--comm moves by the noise floor instead.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from mlroles.core.axes import (
    AXES,
    SCALE_MAX,
    SCALE_MIN,
    Axis,
    Position,
    as_axis,
    distance,
)
from mlroles.core.catalog import Catalog, Role, Variant
from mlroles.core.evidence import Evidence as Evidence
from mlroles.core.evidence import evidence_from_answers as evidence_from_answers
from mlroles.core.movement import LEVEL_STEP, default_noise

if TYPE_CHECKING:
    from mlroles.core.likelihood import BatchScorer

from mlroles.core.questionnaire import (
    LEVELS,
    Questionnaire,
    ScoringRules,
    level_value,
)

# Emphases of one role on one axis must cancel, to this rounding.
EMPHASIS_TOLERANCE = 1e-6


class Confidence(StrEnum):
    CLEAR = "clear"
    LEANING = "leaning"
    TOSS_UP = "toss-up"


@dataclass(frozen=True)
class Place:
    """Where the model expects a person in a role (or one of its kinds)."""

    role: Role
    variant: Variant | None
    position: Position
    expected: Mapping[str, float]  # question id -> expected axis value, 0-10


@dataclass(frozen=True)
class Model:
    catalog: Catalog
    questionnaire: Questionnaire
    places: tuple[tuple[Place, ...], ...]  # per role: its bubble, then its kinds
    item_axis: Mapping[str, Axis]
    inverse_variance: float  # 1 / (2 sd^2), sd in axis points

    @property
    def rules(self) -> ScoringRules:
        return self.questionnaire.rules

    @cached_property
    def batch(self) -> BatchScorer:
        """The lookup tables the arithmetic runs on, built once per model."""
        from mlroles.core.likelihood import BatchScorer

        return BatchScorer(self)

    def log_prior(self, work_product: str | None, weight: float | None = None) -> list[float]:
        """The chosen work product's role weighs `weight` (by default
        [scoring] product_weight), every other role 1."""
        chosen = self.rules.product_weight if weight is None else weight
        weights = [chosen if role.id == work_product else 1.0 for role in self.catalog.roles]
        total = sum(weights)
        return [math.log(w / total) for w in weights]


def build_model(catalog: Catalog, questionnaire: Questionnaire) -> Model:
    """Put a catalog and a questionnaire together. An emphasis on a question
    this questionnaire does not ask is left out, and each axis's emphases are
    centred, so a role's average on an axis is always its chart position;
    `mlroles check` reports such mismatches (emphasis_problems)."""
    item_axis = {q.id: as_axis(q.axis) for q in questionnaire.axis_questions}
    places = tuple(
        tuple(_place(role, variant, item_axis) for variant in (None, *role.variants))
        for role in catalog.roles
    )
    sd = questionnaire.rules.role_spread * LEVEL_STEP
    inverse = 1 / (2 * sd * sd) if sd > 0 else 1e6
    return Model(catalog, questionnaire, places, item_axis, inverse)


def emphasis_problems(catalog: Catalog, questionnaire: Questionnaire) -> list[str]:
    """Emphases that name no question of this questionnaire, or that do not
    add up to zero on an axis as written."""
    item_axis = {q.id: as_axis(q.axis) for q in questionnaire.axis_questions}
    problems = []
    for role in catalog.roles:
        for variant in (None, *role.variants):
            owner = role if variant is None else variant
            where = f"role '{role.id}'" + (f", variant '{variant.id}'" if variant else "")
            sums = dict.fromkeys(AXES, 0.0)
            for item, levels in owner.emphasis:
                if item not in item_axis:
                    successor = questionnaire.replaced(item)
                    hint = f"; it is now '{successor.id}'" if successor else ""
                    problems.append(
                        f"{where}: emphasis on '{item}', which {questionnaire.source} "
                        f"does not ask{hint}."
                    )
                else:
                    sums[item_axis[item]] += levels
            problems += [
                f"{where}: the emphases on {axis} add up to {total:g}; make them add up to 0, "
                "so that the chart position stays the role's average."
                for axis, total in sums.items()
                if abs(total) > EMPHASIS_TOLERANCE
            ]
    return problems


def _place(role: Role, variant: Variant | None, item_axis: Mapping[str, Axis]) -> Place:
    owner = role if variant is None else variant
    emphasis = {item: levels for item, levels in owner.emphasis if item in item_axis}
    shift = {}
    for axis in AXES:
        items = [item for item, a in item_axis.items() if a == axis]
        shift[axis] = sum(emphasis.get(i, 0.0) for i in items) / len(items) if items else 0.0
    expected = {
        item: _clamp(
            owner.position.value(axis) + (emphasis.get(item, 0.0) - shift[axis]) * LEVEL_STEP
        )
        for item, axis in item_axis.items()
    }
    return Place(role, variant, owner.position, expected)


def _clamp(value: float, low: float = SCALE_MIN, high: float = SCALE_MAX) -> float:
    return min(high, max(low, value))


@dataclass(frozen=True)
class RoleScore:
    role: Role
    kind: Variant | None  # the kind of the role this person is nearest to
    place: Position  # the role's place (or its kind's) that was scored
    distance: float  # chart distance to that place, over the known axes
    fit: float  # chart fit, 0-100: a function of the distance alone
    gaps: Position  # place minus profile, per axis (0 on unknown axes)
    probability: float
    product_match: bool


@dataclass(frozen=True)
class TitleAdvice:
    """Which kind of job a broad title (data scientist) would be for this user."""

    role: Role
    variant: Variant


@dataclass(frozen=True)
class Contradiction:
    axis: Axis
    high: tuple[str, int]  # (question id, level)
    low: tuple[str, int]


@dataclass(frozen=True)
class Assessment:
    profile: Position  # 0 on unknown axes: check known_axes
    known_axes: tuple[Axis, ...]
    work_product: str | None
    ranking: tuple[RoleScore, ...]  # most probable first
    stability: float
    confidence: Confidence
    direct: bool  # placed with --ml/--swe/--comm, not by answers
    flat_answers: bool
    contradictions: tuple[Contradiction, ...]
    unknown_items: tuple[str, ...]
    levels: tuple[tuple[str, int], ...]  # the answers scored, (question id, level)
    likelihood_best: str  # the best role with a flat prior (answers alone)
    title_advice: TitleAdvice | None
    far: bool  # the nearest role is further than [scoring] far_fit allows

    @property
    def best(self) -> RoleScore:
        return self.ranking[0]

    @property
    def runner_up(self) -> RoleScore | None:
        return self.ranking[1] if len(self.ranking) > 1 else None

    @property
    def nearest(self) -> RoleScore:
        """The role nearest on the chart (ties go to the more probable)."""
        return min(self.ranking, key=lambda s: s.distance)


def fit_from_distance(d: float, zero_at: float) -> float:
    return max(0.0, 100.0 * (1.0 - d / zero_at))


def profile_of(model: Model, evidence: Evidence) -> tuple[Position, tuple[Axis, ...]]:
    """The place on the chart, and the axes that any answer speaks to."""
    if evidence.axes is not None:
        return evidence.axes, AXES
    sums = dict.fromkeys(AXES, 0.0)
    counts = dict.fromkeys(AXES, 0)
    for item, level in evidence.levels:
        axis = model.item_axis[item]
        sums[axis] += level_value(level)
        counts[axis] += 1
    known = tuple(a for a in AXES if counts[a])
    return Position(*(sums[a] / counts[a] if counts[a] else 0.0 for a in AXES)), known


def assess(model: Model, evidence: Evidence) -> Assessment:
    """The one scoring function: quiz, team, posting and path all use it."""
    rules = model.rules
    batch = model.batch
    posts, d2, _, _ = batch.log_posterior(evidence)
    top = max(posts)
    exps = [math.exp(p - top) for p in posts]
    posterior = [e / sum(exps) for e in exps]
    chosen = batch.nearest_places(evidence)
    profile, known_axes = profile_of(model, evidence)
    scores = []
    for r, role in enumerate(model.catalog.roles):
        place = model.places[r][chosen[r]]
        d = d2[r] ** 0.5
        gaps = Position(
            *(place.position.value(a) - profile.value(a) if a in known_axes else 0.0 for a in AXES)
        )
        scores.append(
            RoleScore(
                role,
                place.variant,
                place.position,
                d,
                fit_from_distance(d, rules.fit_zero_distance),
                gaps,
                posterior[r],
                role.id == evidence.work_product,
            )
        )
    # sorted() is stable: ties keep catalog order.
    ranking = tuple(sorted(scores, key=lambda s: -s.probability))
    best_index = model.catalog.roles.index(ranking[0].role)
    stability = _stability(model, evidence, best_index)
    prior = model.log_prior(evidence.work_product, evidence.product_weight)
    logs = [p - q for p, q in zip(posts, prior, strict=True)]
    levels = [level for _, level in evidence.levels]
    nearest = min(ranking, key=lambda s: s.distance)
    return Assessment(
        profile=profile,
        known_axes=known_axes,
        work_product=evidence.work_product,
        ranking=ranking,
        stability=stability,
        confidence=confidence_for(stability, rules),
        direct=evidence.axes is not None,
        flat_answers=len(evidence.levels) == len(model.item_axis) and len(set(levels)) == 1,
        contradictions=contradictions(model, evidence),
        unknown_items=evidence.unknown_items,
        levels=evidence.levels,
        likelihood_best=model.catalog.roles[logs.index(max(logs))].id,
        title_advice=title_advice(model.catalog, ranking, profile, known_axes),
        far=nearest.fit < rules.far_fit,
    )


def confidence_for(stability: float, rules: ScoringRules) -> Confidence:
    if stability >= rules.clear_at:
        return Confidence.CLEAR
    if stability >= rules.leaning_at:
        return Confidence.LEANING
    return Confidence.TOSS_UP


def _stability(model: Model, evidence: Evidence, best: int) -> float:
    """The share of simulated retakes whose best role is `best`: every answer
    moves one level down or up with p each (clamped to the scale), or a place
    given directly moves by the noise floor."""
    rules = model.rules
    if len(model.catalog.roles) == 1:
        return 1.0
    rng = random.Random(rules.seed)
    p = rules.step_probability
    batch = model.batch
    same = 0
    if evidence.axes is not None:
        place = [evidence.axes.value(a) for a in AXES]
        floor = default_noise(model.questionnaire.items_per_axis)  # the documented noise floor
        spreads = [floor.value(a) for a in AXES]
        for _ in range(rules.retakes):
            moved = Position(
                *(_clamp(x + rng.gauss(0.0, s)) for x, s in zip(place, spreads, strict=True))
            )
            same += batch.best(evidence._replace(axes=moved)) == best
        return same / rules.retakes
    for _ in range(rules.retakes):
        retaken = []
        for item, level in evidence.levels:
            u = rng.random()
            if u < p:
                level = max(1, level - 1)
            elif u < 2 * p:
                level = min(LEVELS, level + 1)
            retaken.append((item, level))
        same += batch.best(evidence._replace(levels=tuple(retaken))) == best
    return same / rules.retakes


def contradictions(model: Model, evidence: Evidence) -> tuple[Contradiction, ...]:
    """Axes whose answered items are far apart: they describe different people."""
    found = []
    for axis in AXES:
        on_axis = [(i, lv) for i, lv in evidence.levels if model.item_axis[i] == axis]
        if len(on_axis) < 2:
            continue
        high = max(on_axis, key=lambda pair: pair[1])
        low = min(on_axis, key=lambda pair: pair[1])
        if high[1] - low[1] >= model.rules.contradiction_levels:
            found.append(Contradiction(axis, high, low))
    return tuple(found)


def title_advice(
    catalog: Catalog,
    ranking: tuple[RoleScore, ...],
    profile: Position,
    known_axes: tuple[Axis, ...] = AXES,
) -> TitleAdvice | None:
    """When a broad role is in the top two, or a role that one of its kinds is
    elsewhere called is in the top two and that kind is the nearest, say which
    kind of that job fits."""
    top = {score.role.id for score in ranking[:2]}
    for role in catalog.roles:
        if not role.variants:
            continue
        variant = min(role.variants, key=lambda v: distance(profile, v.position, known_axes))
        if role.id in top or variant.overlaps in top:
            return TitleAdvice(role, variant)
    return None
