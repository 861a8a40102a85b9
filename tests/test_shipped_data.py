"""What the shipped data files say, pinned on purpose.

Edit these when you change data/ on purpose.

Every other test takes the ids, counts and key presses it needs from the
loaded catalog and questionnaire, so adding a role to data/roles.toml or a
question to data/questions.toml breaks none of them. The tests here state
what data/roles.toml and data/questions.toml hold and the claims the README
makes about them: the roles, the positions measured on the source's charts,
the source's analyst, and so on."""

from __future__ import annotations

import math
from itertools import product

from mlroles.core.axes import AXES, Position
from mlroles.core.movement import REAL_CHANGE_Z, default_noise
from mlroles.core.questionnaire import profile_from_answers
from mlroles.core.scoring import assess

from .conftest import CATALOG, QUESTIONNAIRE, work_product_question


def test_the_six_roles() -> None:
    assert CATALOG.ids == (
        "ml-devops",
        "data-engineer",
        "ml-engineer",
        "ml-researcher",
        "data-scientist",
        "ml-product-manager",
    )
    assert CATALOG.schema_version == 1


def test_positions_follow_the_measured_charts() -> None:
    mle = CATALOG.get("ml-engineer").position
    assert (mle.machine_learning, mle.software_engineering) == (6.5, 7.1)
    de = CATALOG.get("data-engineer").position
    assert (de.machine_learning, de.software_engineering) == (2.8, 7.7)
    comm = {r.id: r.position.communication for r in CATALOG.roles}
    order = sorted(comm, key=lambda rid: comm[rid], reverse=True)
    assert order[:3] == ["ml-product-manager", "data-scientist", "ml-researcher"]


def test_the_aliases_people_type() -> None:
    for alias, role_id in [
        ("mlops", "ml-devops"),
        ("ml-platform", "ml-devops"),
        ("de", "data-engineer"),
        ("mle", "ml-engineer"),
        ("researcher", "ml-researcher"),
        ("ds", "data-scientist"),
        ("pm", "ml-product-manager"),
        ("ml-pm", "ml-product-manager"),
    ]:
        assert alias in CATALOG.get(role_id).aliases


def test_the_kinds_of_data_scientist() -> None:
    ds = CATALOG.get("data-scientist")
    assert {v.id for v in ds.variants} == {"analytics", "research", "engineering"}
    assert all(v.search_titles for v in ds.variants)


def test_the_data_scientists_nearest_neighbour_is_the_product_manager() -> None:
    """The README sizes the work-product bonus by this distance (3.2)."""
    nearest = CATALOG.neighbours(CATALOG.get("data-scientist"))[0]
    assert nearest.role.id == "ml-product-manager"
    assert round(nearest.distance, 1) == 3.2


def test_the_questionnaire() -> None:
    assert [q.id for q in QUESTIONNAIRE.questions] == [
        "swe-production",
        "swe-operations",
        "swe-data-systems",
        "ml-math",
        "ml-training",
        "ml-research",
        "comm-writing",
        "comm-presenting",
        "comm-collaboration",
        "work-product",
    ]
    assert work_product_question().text == "Which work product would you most like to own?"


def test_a_real_change_is_about_two_points_as_the_readme_says() -> None:
    noise = default_noise(QUESTIONNAIRE.items_per_axis)
    for axis in AXES:
        threshold = REAL_CHANGE_Z * math.hypot(noise.value(axis), noise.value(axis))
        assert round(threshold) == 2, axis


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


def test_data_scientist_advice_when_an_overlapping_role_ranks_high() -> None:
    for profile, kind in [
        (Position(8.5, 4.0, 6.0), "research"),
        (Position(6.5, 6.5, 3.0), "engineering"),
    ]:
        assessment = assess(CATALOG, profile, None)
        assert assessment.title_advice is not None
        assert assessment.title_advice.role.id == "data-scientist"
        assert assessment.title_advice.variant.id == kind
