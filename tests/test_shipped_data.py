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
from mlroles.core.scoring import Evidence, assess, build_model, evidence_from_answers

from .conftest import CATALOG, QUESTIONNAIRE, work_product_question

MODEL = build_model(CATALOG, QUESTIONNAIRE)


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


def test_the_closest_neighbours_on_the_chart() -> None:
    """ML DevOps and the data engineer are the closest pair (2.2 apart): the
    roles the item emphasis is there to tell apart."""
    pairs = {(a.id, n.role.id): n.distance for a in CATALOG.roles for n in CATALOG.neighbours(a)}
    closest = min(pairs, key=lambda pair: pairs[pair])
    assert set(closest) == {"ml-devops", "data-engineer"}
    assert round(pairs[closest], 1) == 2.2


def test_the_questionnaire() -> None:
    assert [q.id for q in QUESTIONNAIRE.questions] == [
        "swe-production-recent",
        "swe-operations-recent",
        "swe-data-systems-recent",
        "ml-statistics",
        "ml-modelling",
        "ml-research",
        "comm-writing",
        "comm-presenting",
        "comm-explaining",
        "work-product",
    ]
    replaced = {q.replaces: q.id for q in QUESTIONNAIRE.questions if q.replaces}
    assert replaced == {
        "swe-production": "swe-production-recent",
        "swe-operations": "swe-operations-recent",
        "swe-data-systems": "swe-data-systems-recent",
        "ml-math": "ml-statistics",
        "ml-training": "ml-modelling",
        "comm-collaboration": "comm-explaining",
    }
    assert work_product_question().text == "Which work product would you most like to own?"


def test_a_real_change_is_about_two_points_as_the_readme_says() -> None:
    noise = default_noise(QUESTIONNAIRE.items_per_axis)
    for axis in AXES:
        threshold = REAL_CHANGE_Z * math.hypot(noise.value(axis), noise.value(axis))
        assert round(threshold) == 2, axis


def test_work_product_separates_devops_from_data_engineer() -> None:
    devops, de = CATALOG.get("ml-devops").position, CATALOG.get("data-engineer").position
    middle = Position(*((devops.value(a) + de.value(a)) / 2 for a in AXES))
    for chosen in ("ml-devops", "data-engineer"):
        result = assess(MODEL, Evidence(axes=middle, work_product=chosen))
        assert result.best.role.id == chosen


def analyst_answers() -> list[dict[str, int | str]]:
    """The source's data scientist: Excel and databases, answers business
    questions with trained models, reports to management; wants reports. In
    the levels' words: scripts or tools at most, no deployment or one by a
    guide, SQL against someone else's database, a test or a regression or a
    model chosen for its assumptions, no model trained or one from a tutorial, summaries at
    most, and writing, presenting and explaining that others act on."""
    grid = product([1, 2], [1, 2], [2], [2, 3], [1, 2], [1, 2], [3, 4, 5], [4, 5], [3, 4])
    ids = [q.id for q in QUESTIONNAIRE.axis_questions]
    return [
        {**dict(zip(ids, levels, strict=True)), "work-product": "data-scientist"} for levels in grid
    ]


def test_the_sources_analyst_comes_out_as_a_data_scientist() -> None:
    for answers in analyst_answers():
        assessment = assess(MODEL, evidence_from_answers(QUESTIONNAIRE, answers))
        assert assessment.best.role.id == "data-scientist", answers
        assert assessment.best.kind is not None and assessment.best.kind.id == "analytics"
        # Unsure of the work product, the most talkative of them may read as a
        # product manager, the other high-communication role; nobody else.
        unsure = {**answers, "work-product": "not-sure"}
        best = assess(MODEL, evidence_from_answers(QUESTIONNAIRE, unsure)).best
        kind = best.kind.id if best.kind else None
        assert (best.role.id, kind) in {
            ("data-scientist", "analytics"),
            ("ml-product-manager", None),
        }


def test_data_scientist_advice_when_an_overlapping_role_ranks_high() -> None:
    for profile, kind in [
        (Position(8.5, 4.0, 6.0), "research"),
        (Position(6.5, 6.5, 3.0), "engineering"),
    ]:
        assessment = assess(MODEL, Evidence(axes=profile))
        assert assessment.title_advice is not None
        assert assessment.title_advice.role.id == "data-scientist"
        assert assessment.title_advice.variant.id == kind
