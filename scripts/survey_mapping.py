"""Place a 2022 Kaggle survey respondent on the questionnaire, without their title.

Our code for the mapping described in words in the shared data folder's
MAPPING.md (written before anything was scored, fitted to nothing). Changes:
- Questionnaire version 2 renamed the items: swe-production ->
  swe-production-recent (and the same for operations and data systems),
  ml-math -> ml-statistics, ml-training -> ml-modelling. The survey asks about
  the respondent's current role, so the three-year window holds.
- "Warehouse or distributed products" are BigQuery, Redshift, Snowflake,
  DynamoDB and MongoDB among the survey's choices (Databricks is not offered).
- Communication is never asked, so those items stay unknown.

Which role a survey title is evidence for is data: `survey_titles` in
data/roles.toml (see roles_by_title). Used by scripts/survey_facts.py and
benchmarks/survey_validity.py.

Source: Kaggle Machine Learning & Data Science Survey 2022 (CC BY 2.0).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mlroles.core.catalog import Catalog

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "kaggle-survey-2022"
    / "responses.derived.csv"
)

ANALYZE = "Analyze and understand data to influence product or business decisions"
INFRA = (
    "Build and/or run the data infrastructure that my business uses for storing, "
    "analyzing, and operationalizing data"
)
PROTO = "Build prototypes to explore applying machine learning to new areas"
SERVICE = (
    "Build and/or run a machine learning service that operationally improves my product "
    "or workflows"
)
EXPERIM = "Experimentation and iteration to improve existing ML models"
RESEARCH = "Do research that advances the state of the art of machine learning"
PRODUCT_OF = {RESEARCH: "ml-researcher", SERVICE: "ml-engineer", INFRA: "data-engineer"}
PRODUCT_OF[ANALYZE] = "data-scientist"

CODING_YEARS = {
    "I have never written code": 0.0,
    "< 1 years": 0.5,
    "1-3 years": 2.0,
    "3-5 years": 4.0,
    "5-10 years": 7.5,
    "10-20 years": 15.0,
    "20+ years": 25.0,
}
ML_YEARS = {
    "I do not use machine learning methods": 0.0,
    "Under 1 year": 0.5,
    "1-2 years": 1.5,
    "2-3 years": 2.5,
    "3-4 years": 3.5,
    "4-5 years": 4.5,
    "5-10 years": 7.5,
    "10-20 years": 15.0,
    "20 or more years": 25.0,
}
GENERAL_LANGUAGES = {
    "Java", "C", "C++", "C#", "Javascript", "TypeScript", "Go", "Scala", "PHP", "Swift", "Ruby",
}  # fmt: skip
STATS_LANGUAGES = {"R", "MATLAB", "Julia"}
WAREHOUSES = {
    "Google Cloud BigQuery", "Amazon Redshift", "Snowflake", "Amazon DynamoDB", "MongoDB",
}  # fmt: skip
DEEP_LEARNING = {"TensorFlow", "Keras", "PyTorch", "PyTorch Lightning", "JAX", "Fast.ai"}
DEEP_LEARNING.add("Huggingface")
NONE = {"", "No / None", "None"}


@dataclass(frozen=True)
class Respondent:
    title: str
    answers: dict[str, int]  # question id -> level, software and ML items only
    work_product: str | None


def _set(value: str) -> set[str]:
    return {v for v in value.split("|") if v not in NONE}


def _cap(level: int) -> int:
    return min(5, level)


def place(row: dict[str, str]) -> Respondent | None:
    """The respondent's answers, or None when the mapping cannot use the row."""
    activities = _set(row["activities"])
    coding = CODING_YEARS.get(row["years_coding"])
    never_coded = coding == 0.0
    ml_years = 0.0 if never_coded and not row["years_ml"] else ML_YEARS.get(row["years_ml"])
    if not activities or coding is None or ml_years is None:
        return None
    languages = _set(row["languages"])
    frameworks = _set(row["ml_frameworks"])
    products = _set(row["bigdata_products"])
    clouds = _set(row["cloud_platforms"])
    mlops = int(row["n_mlops_tools"] or 0)
    doctor = row["education"] == "Doctoral degree"
    uses_ml = ml_years > 0 or bool(frameworks)

    production = 1 + (coding >= 1) + (coding >= 5) + bool(languages & GENERAL_LANGUAGES)
    production += bool({SERVICE, INFRA} & activities)
    operations = 1 + bool(clouds) + (SERVICE in activities) + (INFRA in activities)
    operations += "Bash" in languages or mlops > 0
    data = 1 + ("SQL" in languages or bool(products))
    data += len(products) >= 2 or bool(products & WAREHOUSES) or "Scala" in languages
    data += 2 * (INFRA in activities)
    if never_coded:
        production, operations, data = 1, min(2, operations), min(2, data)

    maths = 1 + (uses_ml or bool(languages & STATS_LANGUAGES)) + (ml_years >= 2)
    maths += (RESEARCH in activities) + doctor
    training = 1 + uses_ml + (ml_years >= 2 or bool({PROTO, EXPERIM} & activities))
    training += EXPERIM in activities or ml_years >= 5
    training += bool(frameworks & DEEP_LEARNING) and ml_years >= 2
    published_ml = row["research_used_ml"].startswith("Yes")
    research = 1 + uses_ml + bool({PROTO, RESEARCH} & activities or doctor)
    research += (RESEARCH in activities) + (published_ml or (RESEARCH in activities and doctor))
    if not uses_ml:
        training, research = 1, min(2, research)

    named = [PRODUCT_OF[a] for a in PRODUCT_OF if a in activities]
    return Respondent(
        title=row["title"],
        answers={
            "swe-production-recent": _cap(production),
            "swe-operations-recent": _cap(operations),
            "swe-data-systems-recent": _cap(data),
            "ml-statistics": _cap(maths),
            "ml-modelling": _cap(training),
            "ml-research": _cap(research),
        },
        work_product=named[0] if len(named) == 1 else None,
    )


# The columns place() reads; a file without them is refused, naming them.
COLUMNS = (
    "title", "years_coding", "years_ml", "education", "activities", "languages",
    "ml_frameworks", "bigdata_products", "cloud_platforms", "n_mlops_tools", "research_used_ml",
)  # fmt: skip


class SurveyFileError(Exception):
    """The survey file cannot be used; the message says why."""


def rows(path: Path, needed: tuple[str, ...] = COLUMNS) -> Iterator[dict[str, str]]:
    """The survey's rows, after checking that the header has every needed column."""
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise SurveyFileError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in needed if c not in (reader.fieldnames or ())]
        if missing:
            raise SurveyFileError(f"{path} lacks the columns: {', '.join(missing)}")
        yield from reader


def respondents(path: Path = DATA) -> Iterator[Respondent]:
    for row in rows(path):
        placed = place(row)
        if placed is not None:
            yield placed


def roles_by_title(catalog: Catalog) -> dict[str, str]:
    """Survey title -> the role id it is evidence for, from the catalog's
    survey_titles (a kind's titles count for its role)."""
    table: dict[str, str] = {}
    for role in catalog.roles:
        for title in (*role.survey_titles, *(t for v in role.variants for t in v.survey_titles)):
            table[title] = role.id
    return table
