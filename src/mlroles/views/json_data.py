"""Plain-data views of results, for --json: the public JSON contract.

Every --json shape is a TypedDict below, and every function here returns
one, so mypy checks the contract wherever it is built. To add a key, add it
to the TypedDict and to the function that builds it. Key order is output
order: keep new keys after the existing ones.

No `from __future__ import annotations` here: string annotations would make
every TypedDict compile its fields at import, which costs milliseconds of
start-up. Names imported only for type checking are quoted instead."""

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from mlroles.core.catalog import Catalog, Role, Variant

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from mlroles.core.axes import Axis, Position
    from mlroles.core.movement import Movement
    from mlroles.core.path import PathPlan
    from mlroles.core.posting import PostingReading
    from mlroles.core.questionnaire import Questionnaire
    from mlroles.core.reading import Reading as TextReading
    from mlroles.core.saved import SavedResult
    from mlroles.core.scoring import Assessment, RoleScore
    from mlroles.core.survey import Bands, Share, Spread, Survey, SurveyGroup
    from mlroles.core.team import MemberFit, TeamReport
    from mlroles.core.verdict import Verdict
    from mlroles.files.data_files import FileCheck


class AxesData(TypedDict):
    """A place on the chart, or a gap per axis; the keys are core.axes.AXES."""

    machine_learning: float
    software_engineering: float
    communication: float


class MeasuredAxesData(TypedDict):
    """A place measured by answers: null on an axis that no answer spoke to."""

    machine_learning: float | None
    software_engineering: float | None
    communication: float | None


# roles, describe, compare, chart and check


class VariantData(TypedDict):
    id: str
    name: str
    description: str
    search_titles: list[str]
    chart: AxesData


class RoleData(TypedDict):
    id: str
    name: str
    aliases: list[str]
    summary: str
    function: str
    work_product: str
    tools: list[str]
    backgrounds: list[str]
    hiring: list[str]
    chart: AxesData
    variants: NotRequired[list[VariantData]]
    growth: NotRequired[dict[str, list[str]]]  # axis -> next steps


class NeighbourData(TypedDict):
    id: str
    name: str
    distance: float


class ShareData(TypedDict):
    name: str
    share: float  # of the respondents who answered the question
    answered: int


class BandsData(TypedDict):
    answered: int
    low: str  # the survey's answer band at the 25th percentile
    median: str
    high: str  # at the 75th percentile


class SpreadData(TypedDict):
    low: float
    median: float
    high: float


class SurveyChartData(TypedDict):
    placed: int
    machine_learning: SpreadData | None
    software_engineering: SpreadData | None
    communication: SpreadData | None  # always null: the survey does not ask


class SurveyGroupData(TypedDict):
    role: str
    kind: str | None
    titles: list[str]
    respondents: int
    years_coding: BandsData
    years_ml: BandsData
    in_production: ShareData
    activities: list[ShareData]
    languages: list[ShareData]
    frameworks: list[ShareData]
    tools: list[ShareData]
    chart: SurveyChartData


class RoleSurveyData(TypedDict):
    source: str
    credit: str
    role: SurveyGroupData | None  # null: no survey title stands for the role
    kinds: list[SurveyGroupData]


class RoleDetailData(RoleData):
    neighbours: list[NeighbourData]
    survey: "RoleSurveyData | None"  # null when no survey figures ship


class CompareData(TypedDict):
    roles: list[RoleData]
    shared_tools: list[str]
    survey: list[RoleSurveyData] | None  # per role, in the order of roles


class ChartCheckData(TypedDict):
    name: str
    axis: str
    chart: float
    survey: SpreadData
    inside: bool


class ChartSurveyData(TypedDict):
    source: str
    credit: str
    groups: list[SurveyGroupData]
    checks: list[ChartCheckData]
    summary: str


class ChartRoleData(TypedDict):
    id: str
    name: str
    label: str
    chart: AxesData


class ChartData(TypedDict):
    roles: list[ChartRoleData]
    you: AxesData | None  # with --me: your last saved result
    survey: NotRequired[ChartSurveyData]  # with --survey


class CheckedFileData(TypedDict):
    path: str
    kind: str  # "role catalog" or "questionnaire"
    valid: bool
    count: int | None  # roles or questions in a valid file
    problems: list[str]


class CheckData(TypedDict):
    files: list[CheckedFileData]


# quiz and posting


class RankedRoleData(TypedDict):
    id: str
    name: str
    distance: float  # chart distance to the role's place (or its kind's), never adjusted
    fit: float  # chart fit: a function of that distance alone
    product_match: bool  # the chosen work product is this role's
    gaps: MeasuredAxesData  # the role's value minus the user's
    probability: float  # 0-1; the ranking is ordered by it
    kind: str | None  # the kind of a broad role that was scored; null for its bubble


class VerdictData(TypedDict):
    headline: str
    chart: str
    axes: list[str]
    runner_up: str | None
    stability: str
    title_advice: list[str]


class TitleAdviceData(TypedDict):
    role: str
    kind: str
    name: str
    search_titles: list[str]


class AssessmentData(TypedDict):
    profile: MeasuredAxesData
    work_product: str | None
    ranking: list[RankedRoleData]  # most probable first
    best: str  # ranking[0].id
    confidence: str  # from stability: clear, leaning or toss-up
    warnings: list[str]
    title_advice: TitleAdviceData | None
    stability: float  # share of simulated retakes that keep the best role
    unknown_items: list[str]  # questions left unanswered, left out of the scoring
    verdict: VerdictData


class AxisMoveData(TypedDict):
    before: float
    after: float
    change: float
    noise: float
    real: bool


class MovementData(TypedDict):
    since: str  # ISO 8601
    axes: dict[str, AxisMoveData]
    best_before: str
    best_after: str


class QuizData(AssessmentData):
    movement: MovementData | None  # None without an earlier saved result


class EvidenceData(TypedDict):
    item: str  # a question id
    level: int
    phrase: str
    line: int
    required: bool  # False for a nice-to-have


class ProductEvidenceData(TypedDict):
    role: str  # the role whose work product the phrase names
    phrase: str
    line: int


class PostingData(TypedDict):
    best: str
    title: str | None
    title_role: str | None
    title_matches: bool | None  # None without --title
    search_titles: list[str]
    advice: list[str]
    confidence: str
    needs: MeasuredAxesData
    work_product: str | None
    ranking: list[RankedRoleData]
    stability: float
    evidence: list[EvidenceData]  # phrases read from a posting's text; empty otherwise
    unknown_items: list[str]
    work_product_evidence: list[ProductEvidenceData]  # required, unnegated phrases


# questions, path, history and team


class ChoiceData(TypedDict):
    value: int | str
    label: str


class QuestionData(TypedDict):
    id: str
    axis: str
    text: str
    choices: list[ChoiceData]


class PathStepData(TypedDict):
    axis: str
    text: str


class PathData(TypedDict):
    target: str
    profile: AxesData
    gaps: dict[str, float]  # axis -> gap, largest first
    steps: list[PathStepData]
    readiness: float  # chart fit counting only shortfalls
    readiness_after_largest_gap: float
    probability: float | None  # the target's probability under the quiz's model
    rank: int | None  # 1 = the most probable role
    work_product: str | None


class SavedResultData(TypedDict):
    when: str  # ISO 8601
    profile: AxesData
    best: str
    confidence: str
    work_product: str | None
    number: int  # as `mlroles history` lists it: 1 is the oldest
    probability: float | None  # null for results saved before it was kept
    answers: dict[str, int | str]  # empty for a place given directly


class MemberData(TypedDict):
    row: int
    name: str
    best: str
    fit: float
    confidence: str | None  # only with --stability: it needs the simulated retakes
    probability: float
    stability: NotRequired[float]  # only with --stability
    profile: MeasuredAxesData  # the member's place; null on an axis no answer spoke to
    work_product: str | None


class CoverageData(TypedDict):
    role: str
    count: int
    best_member: str | None
    best_fit: float | None


class RowErrorData(TypedDict):
    row: int
    message: str


class TeamData(TypedDict):
    members: list[MemberData]
    coverage: list[CoverageData]
    errors: list[RowErrorData]


def dumps(data: Any, pretty: bool = True, ascii_only: bool = False) -> str:
    """Indented JSON, or compact for big outputs: indenting forces the slow
    pure-Python encoder. ascii_only escapes every other character (\\u00eb),
    for a stream that cannot encode it: the data stays exact."""
    import json

    return json.dumps(data, indent=2 if pretty else None, ensure_ascii=ascii_only) + "\n"


def _round(value: float) -> float:
    return round(value, 3)


def axes_data(position: "Position", rounded: bool = False) -> AxesData:
    def value(axis: str) -> float:
        number = position.value(axis)
        return _round(number) if rounded else number

    return {
        "machine_learning": value("machine_learning"),
        "software_engineering": value("software_engineering"),
        "communication": value("communication"),
    }


def variant_data(variant: Variant) -> VariantData:
    return {
        "id": variant.id,
        "name": variant.name,
        "description": variant.description,
        "search_titles": list(variant.search_titles),
        "chart": axes_data(variant.position),
    }


def role_data(role: Role) -> RoleData:
    data: RoleData = {
        "id": role.id,
        "name": role.name,
        "aliases": list(role.aliases),
        "summary": role.summary,
        "function": role.function,
        "work_product": role.work_product,
        "tools": list(role.tools),
        "backgrounds": list(role.backgrounds),
        "hiring": list(role.hiring),
        "chart": axes_data(role.position),
    }
    if role.variants:
        data["variants"] = [variant_data(v) for v in role.variants]
    if role.growth:
        data["growth"] = {axis: list(steps) for axis, steps in role.growth}
    return data


def role_detail_data(
    catalog: Catalog, role: Role, survey: "Survey | None" = None
) -> RoleDetailData:
    return {
        **role_data(role),
        "neighbours": [
            {"id": n.role.id, "name": n.role.name, "distance": round(n.distance, 3)}
            for n in catalog.neighbours(role)
        ],
        "survey": None if survey is None else role_survey_data(survey, role),
    }


def compare_data(roles: list[Role], survey: "Survey | None" = None) -> CompareData:
    from mlroles.core.catalog import shared_tools

    return {
        "roles": [role_data(r) for r in roles],
        "shared_tools": sorted(shared_tools(roles)),
        "survey": None if survey is None else [role_survey_data(survey, r) for r in roles],
    }


def chart_data(
    catalog: Catalog, me: "Position | None", survey: "Survey | None" = None
) -> ChartData:
    data: ChartData = {
        "roles": [
            {"id": r.id, "name": r.name, "label": r.label, "chart": axes_data(r.position)}
            for r in catalog.roles
        ],
        "you": None if me is None else axes_data(me, rounded=True),
    }
    if survey is not None:
        from mlroles.core.survey import chart_checks
        from mlroles.views.survey import agreement

        checks = chart_checks(catalog, survey)
        groups = [survey.for_role(r) for r in catalog.roles]
        groups += [survey.for_kind(r, k) for r in catalog.roles for k in r.variants]
        data["survey"] = {
            "source": survey.name,
            "credit": survey.credit,
            "groups": [survey_group_data(g) for g in groups if g is not None],
            "checks": [
                {
                    "name": c.name,
                    "axis": c.axis,
                    "chart": c.chart,
                    "survey": spread_data(c.spread),
                    "inside": c.inside,
                }
                for c in checks
            ],
            "summary": agreement(checks),
        }
    return data


def role_survey_data(survey: "Survey", role: Role) -> RoleSurveyData:
    group = survey.for_role(role)
    kinds = [survey.for_kind(role, kind) for kind in role.variants]
    return {
        "source": survey.name,
        "credit": survey.credit,
        "role": None if group is None else survey_group_data(group),
        "kinds": [survey_group_data(k) for k in kinds if k is not None],
    }


def share_data(share: "Share") -> ShareData:
    return {"name": share.name, "share": share.share, "answered": share.answered}


def bands_data(bands: "Bands") -> BandsData:
    return {
        "answered": bands.answered,
        "low": bands.low,
        "median": bands.median,
        "high": bands.high,
    }


def spread_data(spread: "Spread") -> SpreadData:
    return {"low": spread.low, "median": spread.median, "high": spread.high}


def survey_group_data(group: "SurveyGroup") -> SurveyGroupData:
    def axis(name: "Axis") -> SpreadData | None:
        spread = group.spread(name)
        return None if spread is None else spread_data(spread)

    return {
        "role": group.role,
        "kind": group.kind,
        "titles": list(group.titles),
        "respondents": group.respondents,
        "years_coding": bands_data(group.years_coding),
        "years_ml": bands_data(group.years_ml),
        "in_production": share_data(group.in_production),
        "activities": [share_data(s) for s in group.activities],
        "languages": [share_data(s) for s in group.languages],
        "frameworks": [share_data(s) for s in group.frameworks],
        "tools": [share_data(s) for s in group.tools],
        "chart": {
            "placed": group.placed,
            "machine_learning": axis("machine_learning"),
            "software_engineering": axis("software_engineering"),
            "communication": axis("communication"),
        },
    }


def check_data(checks: "Sequence[FileCheck]") -> CheckData:
    return {
        "files": [
            {
                "path": c.source,
                "kind": c.kind,
                "valid": c.ok,
                "count": c.count,
                "problems": list(c.problems),
            }
            for c in checks
        ]
    }


def measured_data(position: "Position", known: tuple[str, ...]) -> MeasuredAxesData:
    def value(axis: str) -> float | None:
        return _round(position.value(axis)) if axis in known else None

    return {
        "machine_learning": value("machine_learning"),
        "software_engineering": value("software_engineering"),
        "communication": value("communication"),
    }


def ranked_role_data(score: "RoleScore", known: tuple[str, ...]) -> RankedRoleData:
    return {
        "id": score.role.id,
        "name": score.role.name,
        "distance": _round(score.distance),
        "fit": round(score.fit, 1),
        "product_match": score.product_match,
        "gaps": measured_data(score.gaps, known),
        "probability": round(score.probability, 4),
        "kind": score.kind.id if score.kind else None,
    }


def assessment_data(assessment: "Assessment", verdict: "Verdict") -> AssessmentData:
    advice = assessment.title_advice
    known = assessment.known_axes
    return {
        "profile": measured_data(assessment.profile, known),
        "work_product": assessment.work_product,
        "ranking": [ranked_role_data(s, known) for s in assessment.ranking],
        "best": assessment.best.role.id,
        "confidence": str(assessment.confidence),
        "warnings": list(verdict.cautions),
        "title_advice": None
        if advice is None
        else {
            "role": advice.role.id,
            "kind": advice.variant.id,
            "name": advice.variant.name,
            "search_titles": list(advice.variant.search_titles),
        },
        "stability": round(assessment.stability, 4),
        "unknown_items": list(assessment.unknown_items),
        "verdict": {
            "headline": verdict.headline,
            "chart": verdict.chart,
            "axes": list(verdict.axes),
            "runner_up": verdict.runner_up,
            "stability": verdict.stability,
            "title_advice": list(verdict.title_advice),
        },
    }


def movement_data(moved: "Movement", previous: "SavedResult") -> MovementData:
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


def quiz_data(
    assessment: "Assessment",
    verdict: "Verdict",
    moved: "Movement | None",
    previous: "SavedResult | None",
) -> QuizData:
    return {
        **assessment_data(assessment, verdict),
        "movement": movement_data(moved, previous) if moved and previous else None,
    }


def posting_data(
    reading: "PostingReading", verdict: "Verdict", text: "TextReading | None" = None
) -> PostingData:
    data = assessment_data(reading.assessment, verdict)
    return {
        "best": data["best"],
        "title": reading.title,
        "title_role": reading.title_role.id if reading.title_role else None,
        "title_matches": reading.title_matches,
        "search_titles": list(reading.search_titles),
        "advice": list(reading.assessment.best.role.hiring),
        "confidence": data["confidence"],
        "needs": data["profile"],
        "work_product": data["work_product"],
        "ranking": data["ranking"],
        "stability": data["stability"],
        "evidence": []
        if text is None
        else [
            {
                "item": f.item,
                "level": f.level,
                "phrase": f.phrase,
                "line": f.line,
                "required": f.required,
            }
            for f in text.found
        ],
        "unknown_items": data["unknown_items"],
        "work_product_evidence": []
        if text is None
        else [{"role": p.role, "phrase": p.phrase, "line": p.line} for p in text.products],
    }


def questions_data(questionnaire: "Questionnaire") -> list[QuestionData]:
    return [
        {
            "id": q.id,
            "axis": q.axis,
            "text": q.text,
            "choices": [{"value": c.value, "label": c.label} for c in q.choices],
        }
        for q in questionnaire.questions
    ]


def path_data(plan: "PathPlan") -> PathData:
    return {
        "target": plan.role.id,
        "profile": axes_data(plan.profile, rounded=True),
        "gaps": {g.axis: _round(g.gap) for g in plan.gaps},
        "steps": [{"axis": g.axis, "text": step} for g in plan.gaps for step in g.steps],
        "readiness": round(plan.readiness_now, 1),
        "readiness_after_largest_gap": round(plan.readiness_after, 1),
        "probability": None if plan.standing is None else round(plan.standing.probability, 4),
        "rank": None if plan.standing is None else plan.standing.rank,
        "work_product": None if plan.standing is None else plan.standing.work_product,
    }


def history_data(results: "tuple[SavedResult, ...]") -> list[SavedResultData]:
    return [saved_result_data(r, number) for number, r in enumerate(results, start=1)]


def history_json_chunks(
    results: "tuple[SavedResult, ...]", ascii_only: bool = False, chunk: int = 1_000
) -> "Iterator[str]":
    """The compact JSON of history_data(results), the same to the byte, a
    chunk of results at a time."""
    import json

    yield "["
    for start in range(0, len(results), chunk):
        part = [
            saved_result_data(results[i], i + 1)
            for i in range(start, min(start + chunk, len(results)))
        ]
        yield (", " if start else "") + json.dumps(part, ensure_ascii=ascii_only)[1:-1]
    yield "]\n"


def saved_result_data(r: "SavedResult", number: int) -> SavedResultData:
    return {
        "when": r.when.isoformat(),
        "profile": axes_data(r.profile, rounded=True),
        "best": r.best,
        "confidence": str(r.confidence),
        "work_product": r.work_product,
        "number": number,
        "probability": None if r.probability is None else round(r.probability, 4),
        "answers": dict(r.answers),
    }


def _member_data(fit: "MemberFit", report: "TeamReport") -> MemberData:
    from mlroles.core.axes import Position

    data: MemberData = {
        "row": fit.member.row,
        "name": fit.member.name,
        "best": fit.best,
        "fit": round(fit.fit, 1),
        "confidence": None if fit.confidence is None else str(fit.confidence),
        "probability": round(fit.probability, 4),
        "profile": measured_data(Position(*fit.profile), report.known_axes(fit)),
        "work_product": fit.member.evidence.work_product,
    }
    if fit.stability is not None:
        data["stability"] = round(fit.stability, 4)
    return data


def team_json_chunks(
    report: "TeamReport", ascii_only: bool = False, chunk: int = 10_000
) -> "Iterator[str]":
    """The compact JSON of team_data(report), the same to the byte, written a
    chunk of members at a time: a million members never sit in memory as
    dicts or as one string."""
    import json

    yield '{"members": ['
    for start in range(0, len(report), chunk):
        stop = min(start + chunk, len(report))
        yield (", " if start else "") + ", ".join(_member_json(report, start, stop, ascii_only))
    rest = json.dumps(_team_summary(report), ensure_ascii=ascii_only)
    yield "], " + rest[1:] + "\n"


def _member_json(report: "TeamReport", start: int, stop: int, ascii_only: bool) -> "Iterator[str]":
    """Each member's compact JSON, written as json.dumps writes _member_data's
    dict (the same keys in the same order, floats by repr, null for None),
    but straight from the report's columns, with no object per member; a
    test holds the two to the byte."""
    from json.encoder import encode_basestring, encode_basestring_ascii

    from mlroles.core.axes import AXES

    quote = encode_basestring_ascii if ascii_only else encode_basestring
    roster = report.roster
    roles = [quote(role_id) for role_id in report.role_ids]
    products = ["null", *(quote(p) for p in roster.product_ids)]
    # Column by column: each cell's text for the whole chunk at once.
    rows = map(str, roster.rows[start:stop])
    names = map(quote, roster.names[start:stop])
    best = [roles[b] for b in report.best[start:stop]]
    fits = [repr(round(f, 1)) for f in report.fit[start:stop]]
    probabilities = [repr(round(p, 4)) for p in report.probability[start:stop]]
    wanted = [products[code] for code in roster.products[start:stop]]
    values = [repr(_round(v)) for v in report.profile[3 * start : 3 * stop]]
    if roster.by_items:  # an axis no answered question speaks to is null
        axis_of = [AXES.index(report.item_axis[item]) for item in roster.asked]
        width = len(roster.asked)
        for i in range(stop - start):
            levels = roster.levels[(start + i) * width : (start + i + 1) * width]
            spoken = {axis_of[k] for k, level in enumerate(levels) if level}
            for a in range(3):
                if a not in spoken:
                    values[3 * i + a] = "null"
    ml, swe, comm = values[0::3], values[1::3], values[2::3]
    confidence, stability = report.confidence, report.stability
    said = (
        ["null"] * (stop - start)
        if confidence is None
        else [quote(str(c)) for c in confidence[start:stop]]
    )
    tails = (
        ["}"] * (stop - start)
        if stability is None
        else [f', "stability": {round(x, 4)!r}}}' for x in stability[start:stop]]
    )
    for row, name, role, fit, said_, probability, x, y, z, product, tail in zip(
        rows, names, best, fits, said, probabilities, ml, swe, comm, wanted, tails, strict=True
    ):
        yield (
            f'{{"row": {row}, "name": {name}, "best": {role}, "fit": {fit}, '
            f'"confidence": {said_}, "probability": {probability}, '
            f'"profile": {{"machine_learning": {x}, "software_engineering": {y}, '
            f'"communication": {z}}}, "work_product": {product}' + tail
        )


def team_data(report: "TeamReport") -> TeamData:
    return {"members": [_member_data(f, report) for f in report.fits], **_team_summary(report)}


class TeamSummaryData(TypedDict):
    coverage: list[CoverageData]
    errors: list[RowErrorData]


def _team_summary(report: "TeamReport") -> TeamSummaryData:
    return {
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
