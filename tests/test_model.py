"""The scoring model: probabilities, chart fit, stability, and the verdict's
sentences, checked as properties over any answers the questionnaire allows."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlroles.core.axes import AXES, WEIGHTS, Position, distance
from mlroles.core.catalog import Catalog
from mlroles.core.likelihood import BatchScorer
from mlroles.core.questionnaire import LEVELS, Questionnaire, level_value
from mlroles.core.scoring import (
    Confidence,
    Evidence,
    Model,
    assess,
    build_model,
    confidence_for,
    emphasis_problems,
    fit_from_distance,
    profile_of,
)
from mlroles.core.verdict import verdict
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.questionnaire_file import load_questionnaire

CATALOG: Catalog = load_catalog(data_file("roles.toml"))
QUESTIONNAIRE: Questionnaire = load_questionnaire(data_file("questions.toml"), CATALOG)
MODEL: Model = build_model(CATALOG, QUESTIONNAIRE)
ITEMS = [q.id for q in QUESTIONNAIRE.axis_questions]

values = st.floats(min_value=0, max_value=10, allow_nan=False)
places = st.builds(Position, values, values, values)
products = st.sampled_from([None, *CATALOG.ids])
levels = st.integers(min_value=1, max_value=LEVELS)


@st.composite
def item_evidence(draw: st.DrawFn) -> Evidence:
    """Any answers, some of them unknown (at least one answered)."""
    answered = draw(st.lists(st.sampled_from(ITEMS), min_size=1, unique=True))
    given = tuple((i, draw(levels)) for i in ITEMS if i in answered)
    unknown = tuple(i for i in ITEMS if i not in answered)
    return Evidence(levels=given, work_product=draw(products), unknown_items=unknown)


direct_evidence = st.builds(lambda p, w: Evidence(axes=p, work_product=w), places, products)
any_evidence = st.one_of(item_evidence(), direct_evidence)
FEW = settings(max_examples=40, deadline=None)  # each assessment simulates retakes


def full_answers(level: int, product: str | None = None) -> Evidence:
    return Evidence(levels=tuple((i, level) for i in ITEMS), work_product=product)


@FEW
@given(any_evidence)
def test_probabilities_sum_to_one_and_rank_the_roles(evidence: Evidence) -> None:
    result = assess(MODEL, evidence)
    probabilities = [s.probability for s in result.ranking]
    assert math.isclose(sum(probabilities), 1.0, rel_tol=1e-9)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert probabilities == sorted(probabilities, reverse=True)
    assert {s.role.id for s in result.ranking} == set(CATALOG.ids)


@FEW
@given(any_evidence)
def test_fit_is_a_function_of_the_chart_distance_alone(evidence: Evidence) -> None:
    result = assess(MODEL, evidence)
    zero_at = MODEL.rules.fit_zero_distance
    for score in result.ranking:
        assert score.distance == pytest.approx(
            distance(result.profile, score.place, result.known_axes)
        )
        assert score.fit == fit_from_distance(score.distance, zero_at)
        assert (score.fit == 100.0) == (score.distance == 0.0)


@given(st.sampled_from(CATALOG.ids), products)
def test_fit_is_100_only_at_the_role_itself(role_id: str, product: str | None) -> None:
    role = CATALOG.get(role_id)
    result = assess(MODEL, Evidence(axes=role.position, work_product=product))
    score = next(s for s in result.ranking if s.role.id == role_id)
    assert score.fit == 100.0
    others = [s for s in result.ranking if s.role.id != role_id and s.distance > 0]
    assert all(s.fit < 100.0 for s in others)


@FEW
@given(places)
def test_with_a_flat_prior_a_direct_place_ranks_by_chart_distance(place: Position) -> None:
    """No work product and no items: the most probable role is the nearest."""
    result = assess(MODEL, Evidence(axes=place))
    distances = [s.distance for s in result.ranking]
    assert distances == sorted(distances)


@FEW
@given(any_evidence)
def test_nearest_is_said_only_of_the_nearest_role(evidence: Evidence) -> None:
    result = assess(MODEL, evidence)
    said = verdict(result, MODEL)
    nearest = min(s.distance for s in result.ranking)
    if "also the nearest role" in said.chart:
        assert result.best.distance == pytest.approx(nearest)
    else:
        from mlroles.core.verdict import role_name

        named = said.chart.split(" is nearer on the chart")[0]
        # the role, with its kind when the kind's place is the one scored
        score = next(s for s in result.ranking if role_name(s) == named)
        assert score.distance == nearest
        assert result.best.distance > nearest
    for sentence in (said.headline, said.runner_up or "", *said.cautions):
        assert "nearest role" not in sentence


@FEW
@given(any_evidence)
def test_the_batch_path_agrees_with_assess(evidence: Evidence) -> None:
    """Team files read the tables directly (BatchScorer.score); what they get
    must be what assess() reports, and a fresh table must agree with the
    model's cached one."""
    full = assess(MODEL, evidence)
    posterior, distances, profile, _ = BatchScorer(MODEL).score(evidence)
    assert MODEL.batch.score(evidence)[0] == posterior
    by_id = {s.role.id: s for s in full.ranking}
    for index, role in enumerate(CATALOG.roles):
        assert posterior[index] == pytest.approx(by_id[role.id].probability, abs=1e-12)
        assert distances[index] == pytest.approx(by_id[role.id].distance, abs=1e-9)
    best = CATALOG.roles[posterior.index(max(posterior))].id
    assert best == full.best.role.id
    known = [a for a in AXES if a in full.known_axes]
    assert [profile[AXES.index(a)] for a in known] == [full.profile.value(a) for a in known]


def reference_posterior(model: Model, evidence: Evidence) -> dict[str, float]:
    """The documented model written out plainly, place by place and item by
    item, to check the table-driven arithmetic against."""
    profile, known = profile_of(model, evidence)
    counts = model.questionnaire.items_per_axis
    mean_items = sum(counts.values()) / len(counts)
    logs = {}
    for role, places in zip(model.catalog.roles, model.places, strict=True):
        place = min(places, key=lambda p: distance(profile, p.position, known))
        if evidence.axes is not None:
            squares = sum(
                WEIGHTS[a] * (evidence.axes.value(a) - place.position.value(a)) ** 2 for a in AXES
            )
            loglik = -mean_items * squares * model.inverse_variance
        else:
            loglik = (
                -sum(
                    WEIGHTS[model.item_axis[i]] * (level_value(lv) - place.expected[i]) ** 2
                    for i, lv in evidence.levels
                )
                * model.inverse_variance
            )
        weight = model.rules.product_weight if role.id == evidence.work_product else 1.0
        logs[role.id] = loglik + math.log(weight)
    top = max(logs.values())
    total = sum(math.exp(v - top) for v in logs.values())
    return {r: math.exp(v - top) / total for r, v in logs.items()}


@FEW
@given(any_evidence)
def test_probabilities_follow_the_documented_model(evidence: Evidence) -> None:
    expected = reference_posterior(MODEL, evidence)
    for score in assess(MODEL, evidence).ranking:
        assert score.probability == pytest.approx(expected[score.role.id], abs=1e-9)


def test_the_work_product_settles_a_close_call_but_not_a_far_one() -> None:
    devops, data = CATALOG.get("ml-devops"), CATALOG.get("data-engineer")
    halfway = Position(*((devops.position.value(a) + data.position.value(a)) / 2 for a in AXES))
    for chosen in (devops.id, data.id):
        assert assess(MODEL, Evidence(axes=halfway, work_product=chosen)).best.role.id == chosen
    researcher = CATALOG.get("ml-researcher").position
    far = assess(MODEL, Evidence(axes=researcher, work_product=devops.id))
    assert far.best.role.id == "ml-researcher"


def test_a_product_that_outweighs_the_chart_is_said_in_words() -> None:
    devops, data = CATALOG.get("ml-devops"), CATALOG.get("data-engineer")
    # a little nearer data engineer, choosing ML DevOps's work product
    near_data = Position(
        *(0.6 * data.position.value(a) + 0.4 * devops.position.value(a) for a in AXES)
    )
    result = assess(MODEL, Evidence(axes=near_data, work_product=devops.id))
    said = verdict(result, MODEL)
    assert result.best.role.id == devops.id
    assert said.chart.startswith(f"{data.name} is nearer on the chart (")
    assert said.chart.endswith(f"the work product you chose is {devops.name}'s.")


def test_an_analyst_lands_on_the_analytics_data_scientist() -> None:
    """SQL against someone else's database, spreadsheets, tests and regressions,
    dashboards and reports: the levels' own wording for a data analyst."""
    answers = {
        "swe-production-recent": 2,
        "swe-operations-recent": 1,
        "swe-data-systems-recent": 2,
        "ml-statistics": 2,
        "ml-modelling": 2,
        "ml-research": 1,
        "comm-writing": 3,
        "comm-presenting": 4,
        "comm-explaining": 3,
    }
    result = assess(MODEL, Evidence(levels=tuple(answers.items())))
    assert result.best.role.id == "data-scientist"
    assert result.best.kind is not None and result.best.kind.id == "analytics"
    assert "Data analyst" in verdict(result, MODEL).title_advice[-1]


def test_devops_and_data_engineers_are_told_apart_by_the_kind_of_engineering() -> None:
    base = {i: 1 for i in ITEMS} | {"swe-production-recent": 4}
    ops = base | {"swe-operations-recent": 5, "swe-data-systems-recent": 3}
    pipes = base | {"swe-operations-recent": 3, "swe-data-systems-recent": 5}
    best = {
        name: assess(MODEL, Evidence(levels=tuple(a.items()))).best.role.id
        for name, a in (("ops", ops), ("pipes", pipes))
    }
    assert best == {"ops": "ml-devops", "pipes": "data-engineer"}


@FEW
@given(any_evidence)
def test_stability_is_deterministic_and_sets_the_label(evidence: Evidence) -> None:
    first, again = assess(MODEL, evidence), assess(MODEL, evidence)
    assert first.stability == again.stability
    assert 0.0 <= first.stability <= 1.0
    assert first.confidence == confidence_for(first.stability, MODEL.rules)


def test_the_seed_and_the_draws_come_from_the_data() -> None:
    evidence = Evidence(levels=tuple((i, 3) for i in ITEMS))
    results = set()
    for seed in range(5):
        rules = replace(MODEL.rules, seed=seed, retakes=50)
        model = replace(MODEL, questionnaire=replace(QUESTIONNAIRE, rules=rules))
        results.add(assess(model, evidence).stability)
        assert assess(model, evidence).stability == assess(model, evidence).stability
    assert len(results) > 1  # another seed draws other retakes


def test_labels_follow_the_thresholds_in_the_data() -> None:
    rules = MODEL.rules
    assert confidence_for(rules.clear_at, rules) is Confidence.CLEAR
    assert confidence_for(rules.leaning_at, rules) is Confidence.LEANING
    assert confidence_for(rules.leaning_at - 0.01, rules) is Confidence.TOSS_UP


def test_stability_is_said_in_words() -> None:
    result = assess(MODEL, full_answers(3))
    retakes = MODEL.rules.retakes
    kept = round(retakes * result.stability)
    assert abs(kept - retakes * result.stability) < 1e-6  # a count of retakes, not a share
    assert f"in {kept} of {retakes} simulated retakes" in verdict(result, MODEL).stability


def test_contradicting_items_are_named() -> None:
    answers = {i: 3 for i in ITEMS} | {"ml-statistics": 5, "ml-modelling": 1}
    result = assess(MODEL, Evidence(levels=tuple(answers.items())))
    assert [c.axis for c in result.contradictions] == ["machine_learning"]
    caution = verdict(result, MODEL).cautions[0]
    assert "'Statistics and the maths of models' at level 5" in caution
    assert "'Training and evaluating models' at level 1" in caution
    assert "uncertain" in caution
    about = verdict(result, MODEL, subject="this posting").cautions[0]
    assert about.startswith("The answers about this posting on machine learning disagree")


def test_unknown_items_are_left_out_not_read_as_level_one() -> None:
    known = tuple((i, 4) for i in ITEMS if not i.startswith("comm-"))
    unknown = tuple(i for i in ITEMS if i.startswith("comm-"))
    result = assess(MODEL, Evidence(levels=known, unknown_items=unknown))
    assert "communication" not in result.known_axes
    as_ones = assess(MODEL, Evidence(levels=known + tuple((i, 1) for i in unknown)))
    assert [s.probability for s in result.ranking] != [s.probability for s in as_ones.ranking]
    said = verdict(result, MODEL)
    assert any("Not answered" in c for c in said.cautions)
    assert all(not line.startswith("Comm") for line in said.axes)


def test_emphasis_that_does_not_fit_is_reported_and_centred() -> None:
    role = CATALOG.roles[0]
    typo = replace(role, emphasis=(("ml-maths", 0.5), ("ml-research", 0.5)))
    catalog = replace(CATALOG, roles=(typo, *CATALOG.roles[1:]))
    problems = "\n".join(emphasis_problems(catalog, QUESTIONNAIRE))
    assert "'ml-maths', which" in problems and "does not ask" in problems
    assert "add up to 0.5" in problems
    model = build_model(catalog, QUESTIONNAIRE)  # the quiz still runs
    place = model.places[0][0]
    ml_items = [q.id for q in QUESTIONNAIRE.axis_questions if q.axis == "machine_learning"]
    average = sum(place.expected[i] for i in ml_items) / len(ml_items)
    assert average == pytest.approx(role.position.machine_learning)
    assert emphasis_problems(CATALOG, QUESTIONNAIRE) == []


def test_an_old_item_id_in_the_emphasis_names_its_successor() -> None:
    role = replace(CATALOG.roles[0], emphasis=(("ml-math", 0.5), ("ml-research", -0.5)))
    problems = emphasis_problems(replace(CATALOG, roles=(role, *CATALOG.roles[1:])), QUESTIONNAIRE)
    assert any("it is now 'ml-statistics'" in p for p in problems)


def test_the_chart_sentence_names_the_kind_when_a_kind_is_nearer() -> None:
    """A role with kinds is scored at its nearest place; when that place is a
    kind, the page must not let the reader look for the role's bubble."""
    from mlroles.core.verdict import role_name

    found = 0
    for ml in range(0, 11, 2):
        for swe in range(0, 11, 2):
            for product in (None, *(r.id for r in CATALOG.roles)):
                evidence = Evidence(axes=Position(ml, swe, 5.0), work_product=product)
                result = assess(MODEL, evidence)
                nearest, best = result.nearest, result.best
                if nearest.kind is None or nearest.distance >= best.distance:
                    continue
                if nearest.role.id == best.role.id:
                    continue
                found += 1
                sentence = verdict(result, MODEL).chart
                assert sentence.startswith(f"{role_name(nearest)} is nearer on the chart")
                assert nearest.kind.name.lower() in sentence
    assert found  # the grid reaches such a place
