"""Write data/survey_2022.json: what 2022 Kaggle survey respondents with each
role's titles report. Re-run by hand when the catalog's survey_titles or the
mapping change; the package reads only the small file this writes.

    python scripts/survey_facts.py [--csv PATH] [--out data/survey_2022.json]

Which titles stand for which role is data (survey_titles in data/roles.toml);
a role without them gets no figures. The chart places come from the mapping in
scripts/survey_mapping.py and the product's own placement (profile_of). The
survey asks nothing about communication, so that axis is never placed.

Source: Kaggle Machine Learning & Data Science Survey 2022 (CC BY 2.0).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from mlroles.core.axes import AXES
from mlroles.core.evidence import Evidence
from mlroles.core.scoring import Model, build_model, profile_of
from mlroles.files.catalog_file import load_catalog
from mlroles.files.questionnaire_file import load_questionnaire
from survey_mapping import (
    CODING_YEARS,
    COLUMNS,
    DATA,
    ML_YEARS,
    NONE,
    SurveyFileError,
    place,
    rows,
)

ROOT = Path(__file__).resolve().parents[1]
CREDIT = "Source: Kaggle Machine Learning & Data Science Survey 2022 (CC BY 2.0)"
# The columns the facts read, beyond those the mapping reads.
FACT_COLUMNS = (
    "employer_uses_ml", "bi_tools", "model_serving_tools", "ml_monitoring_tools",
)  # fmt: skip
# Employers that run models in production, among the survey's answers.
IN_PRODUCTION = (
    "We have well established ML methods (i.e., models in production for more than 2 years)",
    "We recently started using ML methods (i.e., models in production for less than 2 years)",
)
DONT_KNOW = "I do not know"
TOOL_COLUMNS = (
    "cloud_platforms", "bigdata_products", "bi_tools", "model_serving_tools",
    "ml_monitoring_tools",
)  # fmt: skip
TOP = {"activities": 6, "languages": 5, "ml_frameworks": 5, "tools": 6}
# Fewer respondents than this make shares too noisy to print.
MIN_GROUP = 30


def shares(
    group: list[dict[str, str]], columns: Iterable[str], top: int
) -> list[dict[str, object]]:
    """The answers most respondents give, across columns, each with its share
    of the respondents who answered its question ('None' counts as an
    answer). Ranked by count, not share: questions shown to few respondents
    would otherwise rank a rare tool first."""
    counts: Counter[str] = Counter()
    answered_for: dict[str, int] = {}
    for column in columns:
        answered = [row for row in group if row[column]]
        for row in answered:
            for value in row[column].split("|"):
                if value not in NONE and value != "Other":
                    counts[value] += 1
                    answered_for[value] = len(answered)
    ranked = sorted(counts, key=lambda v: (-counts[v], v))
    return [
        {"name": v, "share": round(counts[v] / answered_for[v], 3), "answered": answered_for[v]}
        for v in ranked[:top]
    ]


def bands(group: list[dict[str, str]], column: str, order: dict[str, float]) -> dict[str, object]:
    """The answer bands at the quartiles (bands are ordered by their years)."""
    values = sorted((order[row[column]], row[column]) for row in group if row[column] in order)
    n = len(values)

    def at(q: float) -> str:
        return values[min(n - 1, int(q * n))][1]

    return {"answered": n, "low": at(0.25), "median": at(0.5), "high": at(0.75)}


def production(group: list[dict[str, str]]) -> dict[str, object]:
    knew = [row for row in group if row["employer_uses_ml"] not in ("", DONT_KNOW)]
    yes = sum(row["employer_uses_ml"] in IN_PRODUCTION for row in knew)
    return {"name": "in production", "share": round(yes / len(knew), 3), "answered": len(knew)}


def chart(group: list[dict[str, str]], model: Model, unknown: tuple[str, ...]) -> dict[str, object]:
    """Quartiles of the placed respondents on each axis the survey speaks to."""
    placed = [p for p in (place(row) for row in group) if p is not None]
    per_axis: dict[str, list[float]] = {axis: [] for axis in AXES}
    for person in placed:
        evidence = Evidence(levels=tuple(person.answers.items()), unknown_items=unknown)
        position, known = profile_of(model, evidence)
        for axis in known:
            per_axis[axis].append(position.value(axis))
    out: dict[str, object] = {"placed": len(placed)}
    for name, values in per_axis.items():
        if len(values) >= MIN_GROUP:
            low, median, high = statistics.quantiles(values, n=4, method="inclusive")
            out[name] = {"low": round(low, 2), "median": round(median, 2), "high": round(high, 2)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", type=Path, default=DATA, help="responses.derived.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "survey_2022.json")
    args = parser.parse_args()
    catalog = load_catalog(ROOT / "data" / "roles.toml")
    questionnaire = load_questionnaire(ROOT / "data" / "questions.toml", catalog)
    model = build_model(catalog, questionnaire)
    unknown = tuple(q.id for q in questionnaire.axis_questions if q.axis == "communication")
    try:
        table = list(rows(args.csv, COLUMNS + FACT_COLUMNS))
    except SurveyFileError as exc:
        print(f"survey_facts: {exc}", file=sys.stderr)
        return 2
    groups: list[tuple[str, str | None, tuple[str, ...]]] = [
        (role.id, None, role.survey_titles) for role in catalog.roles if role.survey_titles
    ]
    groups += [
        (role.id, kind.id, kind.survey_titles)
        for role in catalog.roles
        for kind in role.variants
        if kind.survey_titles
    ]
    out: list[dict[str, object]] = []
    for role_id, kind, titles in groups:
        group = [row for row in table if row["title"] in titles]
        if len(group) < MIN_GROUP:
            print(
                f"survey_facts: {role_id}: only {len(group)} respondents, left out", file=sys.stderr
            )
            continue
        fields: dict[str, object] = {"role": role_id}
        if kind:
            fields["kind"] = kind
        fields |= {
            "titles": list(titles),
            "respondents": len(group),
            "years_coding": bands(group, "years_coding", CODING_YEARS),
            "years_ml": bands(group, "years_ml", ML_YEARS),
            "in_production": production(group),
            "activities": shares(group, ["activities"], TOP["activities"]),
            "languages": shares(group, ["languages"], TOP["languages"]),
            "frameworks": shares(group, ["ml_frameworks"], TOP["ml_frameworks"]),
            "tools": shares(group, TOOL_COLUMNS, TOP["tools"]),
            "chart": chart(group, model, unknown),
        }
        out.append(fields)
    document = {
        "about": "What 2022 Kaggle survey respondents with each role's titles report. "
        "Written by scripts/survey_facts.py; do not edit by hand, re-run it.",
        "schema_version": 1,
        "name": "Kaggle survey 2022",
        "credit": CREDIT,
        "groups": out,
    }
    # JSON, not TOML: describe reads it on every run, and json parses it in a
    # fraction of the time tomllib takes.
    args.out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"Wrote {args.out} ({len(out)} groups) from {len(table)} rows.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
