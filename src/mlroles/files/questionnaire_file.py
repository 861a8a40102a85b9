"""The questionnaire file (data/questions.toml, or --questions): read it,
check every field, and build the core Questionnaire."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mlroles.core.axes import AXES
from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import (
    LEVELS,
    NOT_SURE,
    WORK_PRODUCT_AXIS,
    Choice,
    Question,
    Questionnaire,
    ScoringRules,
)
from mlroles.files.checks import FieldSpec, TableChecker, parse_toml, type_name
from mlroles.files.data_error import DataFileError

SCHEMA_VERSION = 2

QUESTION_FIELDS: FieldSpec = {
    "id": ("id", True),
    "axis": ("axis", True),
    "text": ("text", True),
    "posting_text": ("text", False),
    "levels": ("levels", True),
    "replaces": ("id", False),
}
POSTING_FIELDS: FieldSpec = {
    "intro": ("text", True),
    "work_product": ("text", True),
}
# Every scoring constant is required: a questionnaire file states its own
# model, and a missing value is a mistake rather than a wish for a default.
SCORING_FIELDS: FieldSpec = {
    "step_probability": ("probability", True),
    "product_weight": ("positive", True),
    "role_spread": ("positive", True),
    "retakes": ("count", True),
    "seed": ("count", True),
    "clear_at": ("probability", True),
    "leaning_at": ("probability", True),
    "contradiction_levels": ("count", True),
    "fit_zero_distance": ("positive", True),
    "far_fit": ("percent", True),
}
WORK_PRODUCT_FIELDS: FieldSpec = {
    "id": ("id", True),
    "text": ("text", True),
    "not_sure": ("text", True),
}


class QuestionnaireError(DataFileError):
    what = "questionnaire"
    fix = "Fix these, then check the file with: mlroles --questions PATH check"


def load_questionnaire(path: Path, catalog: Catalog) -> Questionnaire:
    from mlroles.files.data_error import read_data_text

    text = read_data_text(path, "Questionnaire", QuestionnaireError)
    return parse_questionnaire(text, str(path), catalog)


def parse_questionnaire(text: str, source: str, catalog: Catalog) -> Questionnaire:
    doc = parse_toml(text, source, QuestionnaireError)
    return _QuestionnaireChecker(source).questionnaire(doc, catalog)


class _QuestionnaireChecker(TableChecker):
    def questionnaire(self, doc: dict[str, Any], catalog: Catalog) -> Questionnaire:
        self.unknown_keys(
            doc,
            ("schema_version", "questions", "work_product", "posting", "scoring"),
            "top level",
        )
        self.check_schema_version(doc, SCHEMA_VERSION)
        questions: list[Question] = []
        raw_questions = doc.get("questions")
        if not isinstance(raw_questions, list):
            self.report("top level", "no questions; add [[questions]] tables.")
            raw_questions = []
        for index, raw in enumerate(raw_questions):
            where = f"questions[{index}]"
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                where = f"question '{raw['id']}'"
            values = self.fields(raw, QUESTION_FIELDS, where) if isinstance(raw, dict) else None
            if values is not None:
                levels = values.pop("levels")
                choices = tuple(Choice(i + 1, label) for i, label in enumerate(levels))
                questions.append(Question(choices=choices, **values))
        for axis in AXES:
            if not any(q.axis == axis for q in questions):
                self.report("top level", f"no question for the axis '{axis}'; add one.")
        raw_product = doc.get("work_product")
        product = None
        if isinstance(raw_product, dict):
            product = self.fields(raw_product, WORK_PRODUCT_FIELDS, "work_product")
        else:
            self.report("top level", "missing the [work_product] table.")
        ids = [q.id for q in questions] + ([product["id"]] if product else [])
        for twice in sorted({i for i in ids if ids.count(i) > 1}):
            self.report(f"question '{twice}'", "this id is used twice.")
        posting = doc.get("posting")
        if isinstance(posting, dict):
            self.fields(posting, POSTING_FIELDS, "posting")
        elif posting is not None:
            self.report("posting", "must be a table: [posting].")
        rules = None
        raw_rules = doc.get("scoring")
        if isinstance(raw_rules, dict):
            values = self.fields(raw_rules, SCORING_FIELDS, "scoring")
            if values is not None:
                rules = ScoringRules(**values)
                self.check_rules(rules)
        else:
            self.report("top level", "missing the [scoring] table.")
        if self.problems or product is None or rules is None:
            raise QuestionnaireError(self.source, self.problems)
        if isinstance(posting, dict):
            product["posting_text"] = posting["work_product"]
        products = [Choice(role.id, role.work_product) for role in catalog.roles]
        products.append(Choice(NOT_SURE, product["not_sure"]))
        questions.append(
            Question(
                product["id"],
                WORK_PRODUCT_AXIS,
                product["text"],
                tuple(products),
                product.get("posting_text", ""),
            )
        )
        posting_intro = posting["intro"] if isinstance(posting, dict) else ""
        return Questionnaire(tuple(questions), self.source, rules, posting_intro=posting_intro)

    def check_rules(self, rules: ScoringRules) -> None:
        if rules.step_probability > 0.5:
            self.report("scoring, field 'step_probability'", "must be at most 0.5 (p up, p down).")
        if rules.leaning_at > rules.clear_at:
            self.report("scoring, field 'leaning_at'", "must not be above 'clear_at'.")
        if rules.retakes == 0:
            self.report("scoring, field 'retakes'", "must be at least 1.")

    def _number(self, at: str, value: object) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.report(at, f"must be a number, not {type_name(value)}.")
            return None
        return float(value)

    def check_probability(self, at: str, value: object) -> float | None:
        number = self._number(at, value)
        if number is not None and not 0 <= number <= 1:
            self.report(at, f"{number} is out of range; use a number from 0 to 1.")
            return None
        return number

    def check_percent(self, at: str, value: object) -> float | None:
        number = self._number(at, value)
        if number is not None and not 0 <= number <= 100:
            self.report(at, f"{number} is out of range; use a number from 0 to 100.")
            return None
        return number

    def check_positive(self, at: str, value: object) -> float | None:
        number = self._number(at, value)
        if number is not None and not 0 < number < float("inf"):
            self.report(at, f"{number} must be above 0.")
            return None
        return number

    def check_count(self, at: str, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**6:
            self.report(at, "must be a whole number from 0 to 1000000.")
            return None
        return value

    def check_axis(self, at: str, value: object) -> str | None:
        if value not in AXES:
            self.report(at, f"must be one of {', '.join(AXES)}.")
            return None
        return str(value)

    def check_levels(self, at: str, value: object) -> tuple[str, ...] | None:
        levels = self.check_text_list(at, value)
        if levels is not None and len(levels) != LEVELS:
            self.report(at, f"must list exactly {LEVELS} levels, lowest first.")
            return None
        return levels
