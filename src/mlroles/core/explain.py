"""Plain-language explanations of a ranking. Pure: returns strings."""

from __future__ import annotations

from mlroles.core.axes import AXES, AXIS_LABELS, NEGLIGIBLE_GAP, Position
from mlroles.core.scoring import CLEAR, LEANING, Assessment, RoleScore


def gap_phrase(axis: str, profile: Position, score: RoleScore) -> str:
    """'SWE: you 7.5, role 9.3, 1.8 below'."""
    you, role = profile.value(axis), score.role.position.value(axis)
    gap = role - you
    where = "level"
    if abs(gap) >= NEGLIGIBLE_GAP:
        where = f"{abs(gap):.1f} {'below' if gap > 0 else 'above'}"
    return f"{AXIS_LABELS[axis]}: you {you:.1f}, role {role:.1f}, {where}"


def _largest_gaps(score: RoleScore) -> list[str]:
    return sorted(AXES, key=lambda axis: abs(score.gaps.value(axis)), reverse=True)


def why_best(assessment: Assessment) -> str:
    best = assessment.best
    closest = min(AXES, key=lambda axis: abs(best.gaps.value(axis)))
    widest = _largest_gaps(best)[0]
    away = f"{best.raw_distance:.1f} away"
    if best.product_match:
        away += f", {best.distance:.1f} counting your work-product choice"
    parts = [
        f"{best.role.name} is the nearest role to you on the chart ({away}).",
        f"You are closest on {AXIS_LABELS[closest]}",
    ]
    if abs(best.gaps.value(widest)) >= NEGLIGIBLE_GAP:
        gap = best.gaps.value(widest)
        direction = "below" if gap > 0 else "above"
        parts[-1] += f" and furthest on {AXIS_LABELS[widest]}, {abs(gap):.1f} {direction} it."
    else:
        parts[-1] += "; you are level with it on every axis."
    return " ".join(parts)


def why_runner_up(assessment: Assessment) -> str | None:
    second = assessment.runner_up
    if second is None:
        return None
    widest = _largest_gaps(second)[0]
    gap = second.gaps.value(widest)
    direction = "below" if gap > 0 else "above"
    text = (
        f"{second.role.name} comes next, {assessment.margin:.1f} further away. "
        f"The main difference is {AXIS_LABELS[widest]}: you are {abs(gap):.1f} {direction} it."
    )
    if second.product_match:
        text += " You chose its work product."
    return text


def confidence_sentence(assessment: Assessment) -> str:
    runner = assessment.runner_up
    if runner is None:
        return "There is only one role in the catalog."
    margin = f"{assessment.margin:.1f}"
    if assessment.confidence == CLEAR:
        return f"Clear: the runner-up is {margin} further away."
    if assessment.confidence == LEANING:
        return f"Leaning: {runner.role.name} is only {margin} further away."
    return f"Toss-up: {runner.role.name} is about as close ({margin} further away)."


def title_sentences(assessment: Assessment) -> list[str]:
    advice = assessment.title_advice
    if advice is None:
        return []
    titles = ", ".join(advice.variant.search_titles)
    return [
        f"'{advice.role.name}' means different jobs at different companies. "
        f"The kind nearest to you: {advice.variant.name}. {advice.variant.description}",
        f"Search for '{advice.role.name}' and also for: {titles}.",
    ]
