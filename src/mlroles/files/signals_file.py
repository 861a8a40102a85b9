"""The text-signals file (data/signals.toml): the phrases that are evidence
for each questionnaire item, and the words a job title may carry that name
no role."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mlroles.core.catalog import Catalog
from mlroles.core.questionnaire import LEVELS, Questionnaire
from mlroles.core.reading import Lexicon, ProductSignal, Signal
from mlroles.files.checks import FieldSpec, TableChecker, parse_toml, type_name
from mlroles.files.data_error import DataFileError

SCHEMA_VERSION = 1
MAX_WINDOW = 20  # words; a negation further back than this is in another clause
READING_FIELDS: FieldSpec = {
    "nice_to_have_drop": ("level", True),
    "nice_to_have_markers": ("text_list", True),
    "negations_before": ("text_list", True),
    "negations_after": ("text_list", True),
    "negation_window": ("count", True),
    "negation_scope_ends": ("text_list", False),
    "pseudo_negations": ("text_list", False),
    "weak_product_weight": ("weight", False),
    "product_min_weight": ("weight", False),
    "text_product_weight": ("weight", False),
}
SIGNAL_FIELDS: FieldSpec = {
    "item": ("id", True),
    "level": ("level", True),
    "phrases": ("text_list", True),
}
TITLE_FIELDS: FieldSpec = {"ignore": ("text_list", True)}
PRODUCT_FIELDS: FieldSpec = {
    "role": ("id", True),
    "phrases": ("text_list", True),
    "weak_phrases": ("text_list", False),
}


class SignalsError(DataFileError):
    what = "signals file"
    fix = "Fix these in the signals file."


def load_lexicon(path: Path, catalog: Catalog, questionnaire: Questionnaire) -> Lexicon:
    from mlroles.files.data_error import read_data_text

    text = read_data_text(path, "Signals file", SignalsError)
    doc = parse_toml(text, str(path), SignalsError)
    return _Checker(str(path)).lexicon(doc, catalog, questionnaire)


class _Checker(TableChecker):
    def lexicon(
        self, doc: dict[str, Any], catalog: Catalog, questionnaire: Questionnaire
    ) -> Lexicon:
        self.unknown_keys(
            doc, ("schema_version", "reading", "signals", "work_products", "titles"), "top level"
        )
        self.check_schema_version(doc, SCHEMA_VERSION)
        reading = doc.get("reading")
        values = (
            self.fields(reading, READING_FIELDS, "reading") if isinstance(reading, dict) else None
        )
        if not isinstance(reading, dict):
            self.report("top level", "missing the [reading] table.")
        items = {q.id for q in questionnaire.axis_questions}
        signals = []
        for index, raw in enumerate(self._tables(doc, "signals")):
            found = self.fields(raw, SIGNAL_FIELDS, f"signals[{index}]")
            if found is None:
                continue
            if found["item"] not in items:
                self.report(
                    f"signals[{index}], field 'item'", f"'{found['item']}' is not a question id."
                )
                continue
            phrases = tuple(p.casefold() for p in found["phrases"])
            signals.append(Signal(found["item"], found["level"], phrases))
        products = []
        for index, raw in enumerate(self._tables(doc, "work_products")):
            found = self.fields(raw, PRODUCT_FIELDS, f"work_products[{index}]")
            if found is None:
                continue
            if found["role"] not in catalog.ids:
                self.report(
                    f"work_products[{index}], field 'role'", f"'{found['role']}' is not a role id."
                )
                continue
            products.append(
                ProductSignal(
                    found["role"],
                    tuple(p.casefold() for p in found["phrases"]),
                    tuple(p.casefold() for p in found.get("weak_phrases", ())),
                )
            )
        ignore: tuple[str, ...] = ()
        raw_titles = doc.get("titles")
        if isinstance(raw_titles, dict):
            found = self.fields(raw_titles, TITLE_FIELDS, "titles")
            ignore = tuple(found["ignore"]) if found else ()
        elif raw_titles is not None:
            self.report("titles", "must be a table: [titles].")
        if self.problems or values is None:
            raise SignalsError(self.source, self.problems)
        return Lexicon(
            signals=tuple(signals),
            title_ignore=frozenset(w.casefold() for w in ignore),
            nice_to_have_drop=values["nice_to_have_drop"],
            nice_to_have_markers=values["nice_to_have_markers"],
            negations_before=tuple(w.casefold() for w in values["negations_before"]),
            negations_after=tuple(w.casefold() for w in values["negations_after"]),
            negation_window=values["negation_window"],
            source=self.source,
            products=tuple(products),
            negation_scope_ends=tuple(w.casefold() for w in values.get("negation_scope_ends", ())),
            pseudo_negations=tuple(w.casefold() for w in values.get("pseudo_negations", ())),
            weak_product_weight=values.get("weak_product_weight", 1.0),
            product_min_weight=values.get("product_min_weight", 0.0),
            text_product_weight=values.get("text_product_weight"),
        )

    def _tables(self, doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
        raw = doc.get(key, [])
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
            self.report(key, f"must be [[{key}]] tables, not {type_name(raw)}.")
            return []
        return raw

    def check_count(self, at: str, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WINDOW:
            self.report(at, f"must be a whole number from 0 to {MAX_WINDOW}.")
            return None
        return value

    def check_weight(self, at: str, value: object) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1000:
            self.report(at, "must be a number above 0, at most 1000.")
            return None
        return float(value)

    def check_level(self, at: str, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LEVELS:
            self.report(at, f"must be a whole number from 0 to {LEVELS}.")
            return None
        return value
