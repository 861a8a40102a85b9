"""Plain-data views of results, for --json."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mlroles.core.axes import AXES, Position
from mlroles.core.catalog import Catalog, Role, Variant

if TYPE_CHECKING:
    from mlroles.core.movement import Movement
    from mlroles.core.path import PathPlan
    from mlroles.core.posting import PostingReading
    from mlroles.core.questionnaire import Questionnaire
    from mlroles.core.saved import SavedResult
    from mlroles.core.scoring import Assessment
    from mlroles.core.team import TeamReport
    from mlroles.core.verdict import Verdict


def dumps(data: Any, pretty: bool = True) -> str:
    """Indented JSON, or compact for big outputs: indenting forces the slow
    pure-Python encoder."""
    return json.dumps(data, indent=2 if pretty else None, ensure_ascii=False) + "\n"


def variant_data(variant: Variant) -> dict[str, Any]:
    return {
        "id": variant.id,
        "name": variant.name,
        "description": variant.description,
        "search_titles": list(variant.search_titles),
        "chart": variant.position.as_dict(),
    }


def role_data(role: Role) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": role.id,
        "name": role.name,
        "aliases": list(role.aliases),
        "summary": role.summary,
        "function": role.function,
        "work_product": role.work_product,
        "tools": list(role.tools),
        "backgrounds": list(role.backgrounds),
        "hiring": list(role.hiring),
        "chart": role.position.as_dict(),
    }
    if role.variants:
        data["variants"] = [variant_data(v) for v in role.variants]
    if role.growth:
        data["growth"] = {axis: list(steps) for axis, steps in role.growth}
    return data


def role_detail_data(catalog: Catalog, role: Role) -> dict[str, Any]:
    data = role_data(role)
    data["neighbours"] = [
        {"id": n.role.id, "name": n.role.name, "distance": round(n.distance, 3)}
        for n in catalog.neighbours(role)
    ]
    return data


def _round(value: float) -> float:
    return round(value, 3)


def _axes(values: Position, known: tuple[str, ...]) -> dict[str, float | None]:
    """Axis values, with null for an axis that no answer spoke to."""
    return {a: (_round(values.value(a)) if a in known else None) for a in AXES}


def assessment_data(assessment: Assessment, verdict: Verdict) -> dict[str, Any]:
    advice = assessment.title_advice
    known = assessment.known_axes
    return {
        "profile": _axes(assessment.profile, known),
        "work_product": assessment.work_product,
        "unknown_items": list(assessment.unknown_items),
        "ranking": [
            {
                "id": s.role.id,
                "name": s.role.name,
                "kind": s.kind.id if s.kind else None,
                "probability": round(s.probability, 4),
                "distance": _round(s.distance),
                "fit": round(s.fit, 1),
                "product_match": s.product_match,
                "gaps": _axes(s.gaps, known),
            }
            for s in assessment.ranking
        ],
        "best": assessment.best.role.id,
        "stability": round(assessment.stability, 4),
        "confidence": str(assessment.confidence),
        "warnings": list(verdict.cautions),
        "verdict": {
            "headline": verdict.headline,
            "chart": verdict.chart,
            "axes": list(verdict.axes),
            "runner_up": verdict.runner_up,
            "stability": verdict.stability,
            "title_advice": list(verdict.title_advice),
        },
        "title_advice": None
        if advice is None
        else {
            "role": advice.role.id,
            "kind": advice.variant.id,
            "name": advice.variant.name,
            "search_titles": list(advice.variant.search_titles),
        },
    }


def questions_data(questionnaire: Questionnaire) -> list[dict[str, Any]]:
    return [
        {
            "id": q.id,
            "axis": q.axis,
            "text": q.text,
            "choices": [{"value": c.value, "label": c.label} for c in q.choices],
        }
        for q in questionnaire.questions
    ]


def movement_data(moved: Movement, previous: SavedResult) -> dict[str, Any]:
    return {
        "since": previous.when.isoformat(),
        "axes": {
            m.axis: {
                "before": _round(m.before),
                "after": _round(m.after),
                "change": _round(m.change),
                "noise": _round(m.threshold),
                "real": m.real,
            }
            for m in moved.axes
        },
        "best_before": moved.best_before,
        "best_after": moved.best_after,
    }


def path_data(plan: PathPlan) -> dict[str, Any]:
    return {
        "target": plan.role.id,
        "profile": {k: _round(v) for k, v in plan.profile.as_dict().items()},
        "gaps": {g.axis: _round(g.gap) for g in plan.gaps},
        "steps": [{"axis": g.axis, "text": step} for g in plan.gaps for step in g.steps],
        "readiness": round(plan.readiness_now, 1),
        "readiness_after_largest_gap": round(plan.readiness_after, 1),
    }


def compare_data(roles: list[Role]) -> dict[str, Any]:
    from mlroles.core.catalog import shared_tools

    return {"roles": [role_data(r) for r in roles], "shared_tools": sorted(shared_tools(roles))}


def history_data(results: tuple[SavedResult, ...]) -> list[dict[str, Any]]:
    return [
        {
            "when": r.when.isoformat(),
            "profile": {k: _round(v) for k, v in r.profile.as_dict().items()},
            "best": r.best,
            "confidence": r.confidence,
            "work_product": r.work_product,
        }
        for r in results
    ]


def team_data(report: TeamReport) -> dict[str, Any]:
    return {
        "members": [
            {
                "row": f.member.row,
                "name": f.member.name,
                "best": f.best,
                "probability": round(f.probability, 4),
                "fit": round(f.fit, 1),
                "confidence": None if f.confidence is None else str(f.confidence),
                **({} if f.stability is None else {"stability": round(f.stability, 4)}),
            }
            for f in report.fits
        ],
        "coverage": [
            {
                "role": c.role.id,
                "count": c.count,
                "best_member": c.closest.name if c.closest else None,
                "best_fit": None if c.closest_fit is None else round(c.closest_fit, 1),
            }
            for c in report.coverage
        ],
        "errors": [{"row": e.row, "message": e.message} for e in report.errors],
    }


def posting_data(reading: PostingReading, verdict: Verdict) -> dict[str, Any]:
    data = assessment_data(reading.assessment, verdict)
    return {
        "best": data["best"],
        "title": reading.title,
        "title_role": reading.title_role.id if reading.title_role else None,
        "title_matches": reading.title_matches,
        "search_titles": list(reading.search_titles),
        "advice": list(reading.assessment.best.role.hiring),
        "confidence": data["confidence"],
        "stability": data["stability"],
        "needs": data["profile"],
        "work_product": data["work_product"],
        "ranking": data["ranking"],
    }
