from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlroles.core.axes import AXES, Position, distance
from mlroles.core.scoring import (
    CLEAR,
    CLEAR_MARGIN,
    LEANING,
    LEANING_MARGIN,
    PRODUCT_BONUS,
    TOSS_UP,
    assess,
    confidence_for,
    fit_from_distance,
    rank,
)

from .conftest import CATALOG

values = st.floats(min_value=0, max_value=10, allow_nan=False)
profiles = st.builds(Position, values, values, values)
products = st.sampled_from([None, *CATALOG.ids])
role_ids = st.sampled_from(CATALOG.ids)


@given(role_ids)
def test_standing_on_a_role_with_its_product_ranks_it_first(role_id: str) -> None:
    role = CATALOG.get(role_id)
    assessment = assess(CATALOG, role.position, role.id)
    assert assessment.best.role.id == role_id
    assert assessment.best.fit == 100.0


@given(profiles, products)
def test_fit_is_always_between_0_and_100(profile: Position, work_product: str | None) -> None:
    for score in rank(CATALOG, profile, work_product):
        assert 0.0 <= score.fit <= 100.0


@given(profiles, products, role_ids, st.floats(min_value=0, max_value=1))
def test_moving_toward_a_role_never_lowers_its_fit(
    profile: Position, work_product: str | None, role_id: str, step: float
) -> None:
    target = CATALOG.get(role_id).position
    moved = Position(
        *(
            p + step * (t - p)
            for p, t in zip(
                (profile.value(a) for a in AXES), (target.value(a) for a in AXES), strict=True
            )
        )
    )
    before = {s.role.id: s.fit for s in rank(CATALOG, profile, work_product)}[role_id]
    after = {s.role.id: s.fit for s in rank(CATALOG, moved, work_product)}[role_id]
    assert after >= before - 1e-9


@given(profiles, products)
def test_ranking_holds_every_role_once_sorted(profile: Position, work_product: str | None) -> None:
    ranking = rank(CATALOG, profile, work_product)
    assert sorted(s.role.id for s in ranking) == sorted(CATALOG.ids)
    distances = [s.distance for s in ranking]
    assert distances == sorted(distances)


@given(profiles, products)
def test_same_input_same_output(profile: Position, work_product: str | None) -> None:
    assert assess(CATALOG, profile, work_product) == assess(CATALOG, profile, work_product)


def test_ties_keep_catalog_order() -> None:
    first, second = CATALOG.roles[0], CATALOG.roles[1]
    twin = replace(second, position=first.position)
    catalog = replace(CATALOG, roles=(first, twin, *CATALOG.roles[2:]))
    near = Position(*(first.position.value(a) + 0.1 for a in AXES))  # nearer the twins than any
    ranking = rank(catalog, near, None)
    assert ranking[0].distance == ranking[1].distance
    assert [ranking[0].role.id, ranking[1].role.id] == [first.id, second.id]
    swapped = replace(catalog, roles=(twin, first, *CATALOG.roles[2:]))
    assert rank(swapped, near, None)[0].role.id == second.id


def test_work_product_lowers_distance_by_the_documented_bonus() -> None:
    profile = Position(5, 5, 5)
    plain = {s.role.id: s for s in rank(CATALOG, profile, None)}
    chosen = {s.role.id: s for s in rank(CATALOG, profile, "ml-engineer")}
    assert chosen["ml-engineer"].distance == pytest.approx(
        plain["ml-engineer"].distance - PRODUCT_BONUS
    )
    assert chosen["data-scientist"].distance == plain["data-scientist"].distance


def test_confidence_thresholds() -> None:
    assert confidence_for(CLEAR_MARGIN) == CLEAR
    assert confidence_for(CLEAR_MARGIN - 0.01) == LEANING
    assert confidence_for(LEANING_MARGIN) == LEANING
    assert confidence_for(LEANING_MARGIN - 0.01) == TOSS_UP


def test_fit_from_distance() -> None:
    assert fit_from_distance(0) == 100
    assert fit_from_distance(5) == 50
    assert fit_from_distance(25) == 0


def test_flat_answers_warn() -> None:
    assessment = assess(CATALOG, Position(5, 5, 5), None, flat_answers=True)
    assert any("same level" in w for w in assessment.warnings)
    assert not assess(CATALOG, Position(5, 5, 5), None).warnings


def test_far_profile_warns() -> None:
    assessment = assess(CATALOG, Position(0, 0, 0), None)
    assert any("No role is close" in w for w in assessment.warnings)


@pytest.mark.parametrize("role_id", CATALOG.ids)
def test_gaps_are_role_minus_you(role_id: str) -> None:
    you = Position(5, 5, 5)
    score = next(s for s in rank(CATALOG, you, None) if s.role.id == role_id)
    for axis in AXES:
        assert score.gaps.value(axis) == pytest.approx(score.role.position.value(axis) - 5)
    assert score.raw_distance == pytest.approx(distance(you, score.role.position))


def test_no_data_scientist_advice_for_an_ops_profile() -> None:
    assert assess(CATALOG, Position(1, 9.5, 2), "ml-devops").title_advice is None
