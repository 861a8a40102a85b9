from __future__ import annotations

from dataclasses import replace
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlroles.core.axes import AXES, Position, distance
from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import profile_from_answers
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
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.questionnaire_file import load_questionnaire

from .conftest import ROLES_TOML

CATALOG: Catalog = load_catalog(ROLES_TOML)
QUESTIONNAIRE = load_questionnaire(data_file("questions.toml"), CATALOG)

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
    ranking = rank(catalog, Position(2, 8, 3), None)
    assert ranking[0].distance == ranking[1].distance
    assert [ranking[0].role.id, ranking[1].role.id] == [first.id, second.id]
    swapped = replace(catalog, roles=(twin, first, *CATALOG.roles[2:]))
    assert rank(swapped, Position(2, 8, 3), None)[0].role.id == second.id


def test_work_product_lowers_distance_by_the_documented_bonus() -> None:
    profile = Position(5, 5, 5)
    plain = {s.role.id: s for s in rank(CATALOG, profile, None)}
    chosen = {s.role.id: s for s in rank(CATALOG, profile, "ml-engineer")}
    assert chosen["ml-engineer"].distance == pytest.approx(
        plain["ml-engineer"].distance - PRODUCT_BONUS
    )
    assert chosen["data-scientist"].distance == plain["data-scientist"].distance


def test_work_product_separates_devops_from_data_engineer() -> None:
    devops, de = CATALOG.get("ml-devops").position, CATALOG.get("data-engineer").position
    middle = Position(*((devops.value(a) + de.value(a)) / 2 for a in AXES))
    assert assess(CATALOG, middle, "ml-devops").best.role.id == "ml-devops"
    assert assess(CATALOG, middle, "data-engineer").best.role.id == "data-engineer"


def analyst_answers() -> list[dict[str, int | str]]:
    """The source's data scientist: Excel and databases, answers business
    questions with trained models, reports to management; wants reports."""
    grid = product([1, 2], [1, 2], [2], [2, 3], [1, 2], [1, 2], [3, 4, 5], [4, 5], [3, 4])
    ids = [q.id for q in QUESTIONNAIRE.axis_questions]
    return [
        {**dict(zip(ids, levels, strict=True)), "work-product": "data-scientist"} for levels in grid
    ]


def test_the_sources_analyst_comes_out_as_a_data_scientist() -> None:
    for answers in analyst_answers():
        profile, work_product = profile_from_answers(QUESTIONNAIRE, answers)
        assessment = assess(CATALOG, profile, work_product)
        assert assessment.best.role.id == "data-scientist", answers
        assert assessment.title_advice is not None
        assert assessment.title_advice.variant.id == "analytics"


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


def test_gaps_are_role_minus_you() -> None:
    score = rank(CATALOG, Position(5, 5, 5), None)
    mle = next(s for s in score if s.role.id == "ml-engineer")
    assert mle.gaps.software_engineering == pytest.approx(7.1 - 5)
    assert mle.raw_distance == pytest.approx(distance(Position(5, 5, 5), mle.role.position))


@pytest.mark.parametrize(
    ("profile", "kind"),
    [(Position(8.5, 4.0, 6.0), "research"), (Position(6.5, 6.5, 3.0), "engineering")],
)
def test_data_scientist_advice_when_an_overlapping_role_ranks_high(
    profile: Position, kind: str
) -> None:
    assessment = assess(CATALOG, profile, None)
    assert assessment.title_advice is not None
    assert assessment.title_advice.role.id == "data-scientist"
    assert assessment.title_advice.variant.id == kind


def test_no_data_scientist_advice_for_an_ops_profile() -> None:
    assert assess(CATALOG, Position(1, 9.5, 2), "ml-devops").title_advice is None
