"""The survey aggregates (data/survey_2022.json, written by
scripts/survey_facts.py). Optional: without the file, pages simply carry no
survey figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mlroles.core.axes import AXES
from mlroles.core.survey import Bands, Share, Spread, Survey, SurveyGroup
from mlroles.files.data_error import DataFileError

SCHEMA_VERSION = 1


class SurveyDataError(DataFileError):
    what = "survey figures file"
    fix = "Re-create it with: python scripts/survey_facts.py"


def load_survey(path: Path) -> Survey | None:
    """The survey figures, or None when the file is not there."""
    import json

    from mlroles.files.data_error import read_data_text

    if not path.is_file():
        return None
    source = str(path)
    try:
        doc = json.loads(read_data_text(path, "Survey figures file", SurveyDataError))
    except ValueError as exc:
        raise SurveyDataError(source, [f"not valid JSON: {exc}."]) from None
    if not isinstance(doc, dict):
        raise SurveyDataError(source, ["the file must hold a JSON object."])
    if doc.get("schema_version") != SCHEMA_VERSION:
        raise SurveyDataError(source, [f"schema_version must be {SCHEMA_VERSION}."])
    groups = []
    for index, raw in enumerate(doc.get("groups", [])):
        try:
            groups.append(_group(raw))
        except (KeyError, TypeError, ValueError) as exc:
            raise SurveyDataError(
                source, [f"groups[{index}]: missing or bad field {exc}."]
            ) from None
    try:
        return Survey(name=str(doc["name"]), credit=str(doc["credit"]), groups=tuple(groups))
    except KeyError as exc:
        raise SurveyDataError(source, [f"top level: missing {exc}."]) from None


def _shares(raw: list[dict[str, Any]]) -> tuple[Share, ...]:
    return tuple(_share(item) for item in raw)


def _share(raw: dict[str, Any]) -> Share:
    share = float(raw["share"])
    if not 0.0 <= share <= 1.0:
        raise ValueError("share")
    return Share(name=str(raw["name"]), share=share, answered=int(raw["answered"]))


def _bands(raw: dict[str, Any]) -> Bands:
    return Bands(int(raw["answered"]), str(raw["low"]), str(raw["median"]), str(raw["high"]))


def _group(raw: dict[str, Any]) -> SurveyGroup:
    chart = raw["chart"]
    spreads = tuple(
        (
            axis,
            Spread(
                float(chart[axis]["low"]), float(chart[axis]["median"]), float(chart[axis]["high"])
            ),
        )
        for axis in AXES
        if axis in chart
    )
    kind = raw.get("kind")
    return SurveyGroup(
        role=str(raw["role"]),
        kind=str(kind) if kind is not None else None,
        titles=tuple(str(t) for t in raw["titles"]),
        respondents=int(raw["respondents"]),
        years_coding=_bands(raw["years_coding"]),
        years_ml=_bands(raw["years_ml"]),
        in_production=_share(raw["in_production"]),
        activities=_shares(raw["activities"]),
        languages=_shares(raw["languages"]),
        frameworks=_shares(raw["frameworks"]),
        tools=_shares(raw["tools"]),
        placed=int(chart["placed"]),
        chart=spreads,
    )
