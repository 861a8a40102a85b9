"""The verdict: the sentences that explain an assessment, written once for the
terminal page, the Markdown report and the JSON. Pure: returns strings.

Every sentence must be true of the model: "nearest on the chart" is said only
of the nearest role, a probability only as the model computes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mlroles.core.axes import AXES, AXIS_LABELS, AXIS_TITLES, NEGLIGIBLE_GAP, Axis, Position
from mlroles.core.questionnaire import Questionnaire
from mlroles.core.reading import Reading
from mlroles.core.scoring import Assessment, Confidence, Model, RoleScore


@dataclass(frozen=True)
class Verdict:
    headline: str  # the best role and its probability
    chart: str  # where the best role is on the chart, and why it won if not nearest
    axes: tuple[str, ...]  # one line per known axis: you, the role, the gap
    runner_up: str | None
    stability: str  # the simulated retakes, in words, with the label
    title_advice: tuple[str, ...]
    cautions: tuple[str, ...]  # contradictions, unknown items, far or flat answers


def percent(probability: float) -> str:
    """0.004 -> '<1%', 0.996 -> '>99%': never claim certainty the model lacks."""
    value = 100 * probability
    if 0 < value < 0.5:
        return "<1%"
    if 99.5 <= value < 100:
        return ">99%"
    return f"{value:.0f}%"


def role_name(score: RoleScore) -> str:
    """'Data scientist (analytics and reporting kind)' when a kind was scored."""
    if score.kind is None:
        return score.role.name
    return f"{score.role.name} ({score.kind.name.lower()} kind)"


def work_product_said(text: Reading, names: Mapping[str, str]) -> str:
    """What a text says about the work product, with the phrases and lines."""
    from mlroles.core.reading import most_named, quoted_phrases

    chosen = text.evidence.work_product
    if chosen is not None:
        return (
            f"Work product: {names.get(chosen, chosen)}'s, named by {quoted_phrases(text, chosen)}."
        )
    if not text.products:
        return "Work product: not sure; the text names none."
    leaders = most_named(text.products)
    if len(leaders) == 1:
        role = leaders[0]
        return (
            f"Work product: not sure; the text names only {quoted_phrases(text, role)}, "
            f"which may be {names.get(role, role)}'s: too little to tell."
        )
    tied = " and ".join(names.get(r, r) for r in leaders)
    return f"Work product: not sure; the text names those of {tied} equally strongly."


def short_text(questionnaire: Questionnaire, question_id: str) -> str:
    """A question's topic: its text up to the first colon or comma."""
    text = questionnaire.get(question_id).text
    return text.split(":")[0].split(",")[0].strip()


def gap_phrase(axis: Axis, profile: Position, score: RoleScore) -> str:
    """'SWE: you 7.5, role 9.3, 1.8 below'."""
    you, role = profile.value(axis), score.place.value(axis)
    gap = role - you
    where = "level"
    if abs(gap) >= NEGLIGIBLE_GAP:
        where = f"{abs(gap):.1f} {'below' if gap > 0 else 'above'}"
    return f"{AXIS_LABELS[axis]}: you {you:.1f}, role {role:.1f}, {where}"


def _chart_sentence(assessment: Assessment, model: Model, subject: str) -> str:
    best, nearest = assessment.best, assessment.nearest
    if nearest.role.id == best.role.id or nearest.distance >= best.distance:
        return (
            f"It is also the nearest role to {subject} on the chart "
            f"({best.distance:.1f} away; chart fit {best.fit:.0f}%)."
        )
    against = f"({nearest.distance:.1f} against {best.distance:.1f})"
    # A kind is named: its place, not the role's bubble, is the nearer one.
    lead = f"{role_name(nearest)} is nearer on the chart {against}, but "
    if assessment.likelihood_best != best.role.id:
        owner = "you chose" if subject == "you" else "the posting names"
        return lead + f"the work product {owner} is {best.role.name}'s."
    return (
        lead
        + f"the answers to single questions fit {best.role.name} better: "
        + (_telling_item(assessment, model, best, nearest) + ".")
    )


def _telling_item(assessment: Assessment, model: Model, best: RoleScore, other: RoleScore) -> str:
    """The answered question that separates two roles most."""
    from mlroles.core.questionnaire import level_value

    def expected(score: RoleScore, item: str) -> float:
        places = model.places[model.catalog.roles.index(score.role)]
        place = next(p for p in places if p.variant == score.kind)
        return place.expected[item]

    levels = dict(assessment.levels)
    if not levels:
        return "the place given"
    item = max(
        levels,
        key=lambda i: (
            (level_value(levels[i]) - expected(other, i)) ** 2
            - (level_value(levels[i]) - expected(best, i)) ** 2
        ),
    )
    return f"'{short_text(model.questionnaire, item)}' at level {levels[item]}"


def _stability_sentence(assessment: Assessment, retakes: int) -> str:
    label = {
        Confidence.CLEAR: "Clear",
        Confidence.LEANING: "Leaning",
        Confidence.TOSS_UP: "Toss-up",
    }[assessment.confidence]
    if len(assessment.ranking) == 1:
        return f"{label}: there is only one role in the catalog."
    kept = round(retakes * assessment.stability)  # stability is kept / retakes
    best = assessment.best.role.name
    if assessment.direct:
        return (
            f"{label}: moved at random by the questionnaire's noise floor, this place "
            f"keeps {best} first in {kept} of {retakes} simulations."
        )
    return (
        f"{label}: in {kept} of {retakes} simulated retakes of the questions, {best} stays first."
    )


def _runner_up_sentence(assessment: Assessment) -> str | None:
    second = assessment.runner_up
    if second is None:
        return None
    text = (
        f"{role_name(second)} comes next ({percent(second.probability)}, "
        f"{second.distance:.1f} away on the chart)."
    )
    known = [a for a in AXES if a in assessment.known_axes]
    widest = max(known, key=lambda a: abs(second.gaps.value(a)), default=None)
    if widest is not None and abs(second.gaps.value(widest)) >= NEGLIGIBLE_GAP:
        gap = second.gaps.value(widest)
        direction = "below" if gap > 0 else "above"
        text += (
            f" The main difference is {AXIS_LABELS[widest]}: you are {abs(gap):.1f} {direction} it."
        )
    if second.product_match:
        text += " Its work product is the one chosen."
    return text


def _cautions(assessment: Assessment, model: Model, subject: str) -> tuple[str, ...]:
    answers = "Your answers" if subject == "you" else f"The answers about {subject}"
    q = model.questionnaire
    notes = []
    for c in assessment.contradictions:
        notes.append(
            f"{answers} on {AXIS_TITLES[c.axis].lower()} disagree: "
            f"'{short_text(q, c.high[0])}' at level {c.high[1]} but "
            f"'{short_text(q, c.low[0])}' at level {c.low[1]}. "
            "Your place on that axis is uncertain."
        )
    if assessment.unknown_items and subject == "you":  # a posting's page lists them itself
        names = ", ".join(f"'{short_text(q, i)}'" for i in assessment.unknown_items)
        notes.append(f"Not answered, so left out of the scoring: {names}.")
    missing = [AXIS_TITLES[a].lower() for a in AXES if a not in assessment.known_axes]
    if missing:
        notes.append(
            f"Nothing was said about {' or '.join(missing)}; distances and fits use "
            "the other axes only."
        )
    if assessment.flat_answers:
        notes.append(
            "Every question got the same level. Answers like that say little about "
            "where anyone stands; try placing each answer against its level's description."
        )
    if assessment.far:
        nearest = assessment.nearest
        notes.append(
            f"No role is close on the chart: the nearest, {nearest.role.name}, has a chart "
            f"fit of {nearest.fit:.0f}%. Read the ranking as a direction, not a match."
        )
    return tuple(notes)


def title_sentences(assessment: Assessment) -> tuple[str, ...]:
    advice = assessment.title_advice
    if advice is None:
        return ()
    titles = ", ".join(advice.variant.search_titles)
    search = f"Search for: {titles}."
    if advice.role.id in {s.role.id for s in assessment.ranking[:2]}:
        search = f"Search for '{advice.role.name}' and also for: {titles}."
    return (
        f"'{advice.role.name}' means different jobs at different companies. "
        f"The kind nearest to you: {advice.variant.name}. {advice.variant.description}",
        search,
    )


def verdict(assessment: Assessment, model: Model, subject: str = "you") -> Verdict:
    best = assessment.best
    return Verdict(
        headline=(
            f"{role_name(best)} is the most likely role for {subject}: "
            f"{percent(best.probability)} probability under the model."
        ),
        chart=_chart_sentence(assessment, model, subject),
        axes=tuple(
            gap_phrase(axis, assessment.profile, best)
            for axis in AXES
            if axis in assessment.known_axes
        ),
        runner_up=_runner_up_sentence(assessment),
        stability=_stability_sentence(assessment, model.rules.retakes),
        title_advice=title_sentences(assessment),
        cautions=_cautions(assessment, model, subject),
    )
