"""Scoring: rank every role by its distance from the user's profile.

- Distance is the chart's weighted Euclidean distance (see position.WEIGHTS).
- Choosing a role's work product lowers the distance to that role by
  PRODUCT_BONUS (never below 0). It is about the distance between the closest
  neighbours on the chart (data scientist to ML product manager is 3.2), so
  the answer decides between neighbours such as ML DevOps and data engineer,
  but cannot pull in a role from across the chart.
- Fit is 100 at distance 0 and falls linearly to 0 at FIT_ZERO_DISTANCE, about
  the distance from ML DevOps to ML researcher, the two ends of the chart.
- Confidence comes from the margin between the first two distances.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlroles.core.axes import AXES, Position, distance
from mlroles.core.catalog import Catalog, Role, Variant

PRODUCT_BONUS = 3.0
FIT_ZERO_DISTANCE = 10.0
CLEAR_MARGIN = 1.5
LEANING_MARGIN = 0.5
FAR_FIT = 40.0

CLEAR, LEANING, TOSS_UP = "clear", "leaning", "toss-up"


@dataclass(frozen=True)
class RoleScore:
    role: Role
    raw_distance: float
    distance: float
    fit: float
    gaps: Position  # role minus user, per axis
    product_match: bool


@dataclass(frozen=True)
class TitleAdvice:
    """Which kind of job a broad title (data scientist) would be for this user."""

    role: Role
    variant: Variant


@dataclass(frozen=True)
class Assessment:
    profile: Position
    work_product: str | None
    ranking: tuple[RoleScore, ...]
    margin: float
    confidence: str
    warnings: tuple[str, ...]
    title_advice: TitleAdvice | None

    @property
    def best(self) -> RoleScore:
        return self.ranking[0]

    @property
    def runner_up(self) -> RoleScore | None:
        return self.ranking[1] if len(self.ranking) > 1 else None


def fit_from_distance(d: float) -> float:
    return max(0.0, 100.0 * (1.0 - d / FIT_ZERO_DISTANCE))


def gaps(role: Position, profile: Position) -> Position:
    return Position(*(role.value(axis) - profile.value(axis) for axis in AXES))


def score_role(role: Role, profile: Position, work_product: str | None) -> RoleScore:
    raw = distance(profile, role.position)
    match = work_product == role.id
    adjusted = max(0.0, raw - PRODUCT_BONUS) if match else raw
    return RoleScore(
        role, raw, adjusted, fit_from_distance(adjusted), gaps(role.position, profile), match
    )


def rank(catalog: Catalog, profile: Position, work_product: str | None) -> tuple[RoleScore, ...]:
    """Every role, nearest first; sorted() is stable, so ties keep catalog order."""
    scores = [score_role(role, profile, work_product) for role in catalog.roles]
    return tuple(sorted(scores, key=lambda s: s.distance))


def confidence_for(margin: float) -> str:
    if margin >= CLEAR_MARGIN:
        return CLEAR
    if margin >= LEANING_MARGIN:
        return LEANING
    return TOSS_UP


def title_advice(
    catalog: Catalog, ranking: tuple[RoleScore, ...], profile: Position
) -> TitleAdvice | None:
    """When a broad role, or a role its variants overlap with, is in the top two,
    the variant nearest the profile says which kind of that job fits."""
    top = {score.role.id for score in ranking[:2]}
    for role in catalog.roles:
        related = {role.id} | {v.overlaps for v in role.variants if v.overlaps}
        if role.variants and top & related:
            variant = min(role.variants, key=lambda v: distance(profile, v.position))
            return TitleAdvice(role, variant)
    return None


def assess(
    catalog: Catalog,
    profile: Position,
    work_product: str | None = None,
    *,
    flat_answers: bool = False,
) -> Assessment:
    ranking = rank(catalog, profile, work_product)
    margin = ranking[1].distance - ranking[0].distance if len(ranking) > 1 else float("inf")
    warnings: list[str] = []
    if flat_answers:
        warnings.append(
            "You gave every question the same level. Answers like that say little about "
            "where you stand; try placing yourself against each level's description."
        )
    if ranking[0].fit < FAR_FIT:
        warnings.append(
            f"No role is close to your profile (best fit {ranking[0].fit:.0f}%). "
            "Read the nearest roles as directions, not matches."
        )
    return Assessment(
        profile=profile,
        work_product=work_product,
        ranking=ranking,
        margin=margin,
        confidence=confidence_for(margin),
        warnings=tuple(warnings),
        title_advice=title_advice(catalog, ranking, profile),
    )
