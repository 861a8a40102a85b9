"""Scoring of a place given directly (--ml/--swe/--comm), as properties:
these hold for any catalog, so they take the roles from the loaded data."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlroles.core.axes import AXES, Position, distance
from mlroles.core.scoring import Assessment, Evidence, assess, build_model, fit_from_distance
from mlroles.core.verdict import verdict

from .conftest import CATALOG, QUESTIONNAIRE

MODEL = build_model(CATALOG, QUESTIONNAIRE)
values = st.floats(min_value=0, max_value=10, allow_nan=False)
profiles = st.builds(Position, values, values, values)
products = st.sampled_from([None, *CATALOG.ids])
role_ids = st.sampled_from(CATALOG.ids)
FEW = settings(max_examples=30, deadline=None)


def placed(profile: Position, work_product: str | None = None) -> Assessment:
    return assess(MODEL, Evidence(axes=profile, work_product=work_product))


@FEW
@given(role_ids)
def test_standing_on_a_role_with_its_product_ranks_it_first(role_id: str) -> None:
    role = CATALOG.get(role_id)
    assessment = placed(role.position, role.id)
    assert assessment.best.role.id == role_id
    assert assessment.best.fit == 100.0


@FEW
@given(profiles, products, role_ids, st.floats(min_value=0, max_value=1))
def test_moving_toward_a_role_never_lowers_its_fit(
    profile: Position, work_product: str | None, role_id: str, step: float
) -> None:
    role = CATALOG.get(role_id)
    if role.variants:  # a broad role is scored at its nearest kind, which may change
        return
    target = role.position
    moved = Position(
        *(profile.value(a) + step * (target.value(a) - profile.value(a)) for a in AXES)
    )
    before = {s.role.id: s.fit for s in placed(profile, work_product).ranking}[role_id]
    after = {s.role.id: s.fit for s in placed(moved, work_product).ranking}[role_id]
    assert after >= before - 1e-9


@FEW
@given(profiles, products)
def test_same_input_same_output(profile: Position, work_product: str | None) -> None:
    assert placed(profile, work_product) == placed(profile, work_product)


def test_ties_keep_catalog_order() -> None:
    first, second = CATALOG.roles[0], CATALOG.roles[1]
    twin = replace(second, position=first.position, variants=(), emphasis=first.emphasis)
    lone = replace(first, variants=())
    catalog = replace(CATALOG, roles=(lone, twin, *CATALOG.roles[2:]))
    near = Position(*(first.position.value(a) + 0.1 for a in AXES))
    ranking = assess(build_model(catalog, QUESTIONNAIRE), Evidence(axes=near)).ranking
    assert ranking[0].probability == ranking[1].probability
    assert [ranking[0].role.id, ranking[1].role.id] == [first.id, second.id]


def test_fit_from_distance() -> None:
    zero_at = MODEL.rules.fit_zero_distance
    assert fit_from_distance(0, zero_at) == 100
    assert fit_from_distance(zero_at / 2, zero_at) == 50
    assert fit_from_distance(zero_at * 2, zero_at) == 0


def test_flat_answers_warn() -> None:
    flat = Evidence(levels=tuple((q.id, 3) for q in QUESTIONNAIRE.axis_questions))
    assert any("same level" in c for c in verdict(assess(MODEL, flat), MODEL).cautions)
    assert not any("same level" in c for c in verdict(placed(Position(5, 5, 5)), MODEL).cautions)


def test_far_profile_warns() -> None:
    far = Position(0, 0, 0)
    assessment = placed(far)
    nearest = min(s.distance for s in assessment.ranking)
    expected = fit_from_distance(nearest, MODEL.rules.fit_zero_distance) < MODEL.rules.far_fit
    assert assessment.far == expected
    cautions = verdict(assessment, MODEL).cautions
    assert any("No role is close" in c for c in cautions) == expected


@pytest.mark.parametrize("role_id", CATALOG.ids)
def test_gaps_are_the_scored_place_minus_you(role_id: str) -> None:
    you = Position(5, 5, 5)
    score = next(s for s in placed(you).ranking if s.role.id == role_id)
    for axis in AXES:
        assert score.gaps.value(axis) == pytest.approx(score.place.value(axis) - 5)
    assert score.distance == pytest.approx(distance(you, score.place))
    places = [CATALOG.get(role_id).position, *(v.position for v in score.role.variants)]
    assert score.distance == pytest.approx(min(distance(you, p) for p in places))


def test_no_data_scientist_advice_far_from_every_kind() -> None:
    """Title advice only when a broad role, or a role one of its nearest kind
    overlaps, is in the top two."""
    for role in CATALOG.roles:
        assessment = placed(role.position, role.id)
        advice = assessment.title_advice
        top = {s.role.id for s in assessment.ranking[:2]}
        if advice is not None:
            assert advice.role.id in top or advice.variant.overlaps in top
