"""Every --json output has the shape its TypedDict in views/json_data.py
declares: mypy checks the code that builds it, and these tests check what
the commands really print."""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Any, NotRequired, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from mlroles.core.axes import AXES
from mlroles.views import json_data as shapes

from .conftest import Run

TEAM = "name,ml,swe,comm,work_product\nAna,5.5,6,3,\nBo,1.5,9,2.5,mlops\nBad,x,1,1,\n"


def problems(value: Any, hint: Any, where: str = "$") -> list[str]:
    """Where value does not have the declared type; empty when it conforms."""
    origin = get_origin(hint)
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        fields = get_type_hints(hint, include_extras=True)
        required = {k for k, h in fields.items() if get_origin(h) is not NotRequired}
        found = [f"{where}: missing {k!r}" for k in sorted(required - value.keys())]
        found += [f"{where}: undeclared {k!r}" for k in sorted(value.keys() - fields.keys())]
        for key, field in fields.items():
            if key in value:
                inner = get_args(field)[0] if get_origin(field) is NotRequired else field
                found += problems(value[key], inner, f"{where}.{key}")
        return found
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list"]
        return [
            p
            for i, item in enumerate(value)
            for p in problems(item, get_args(hint)[0], f"{where}[{i}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        return [p for k, v in value.items() for p in problems(v, get_args(hint)[1], f"{where}.{k}")]
    if origin in (Union, types.UnionType):
        options = [problems(value, option, where) for option in get_args(hint)]
        return [] if any(not found for found in options) else options[0]
    if hint is type(None):
        return [] if value is None else [f"{where}: expected null"]
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected a number"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected an integer"]
    return [] if isinstance(value, hint) else [f"{where}: expected {hint.__name__}"]


def test_the_checker_finds_a_wrong_shape() -> None:
    assert problems({"machine_learning": 1.0, "communication": "x"}, shapes.AxesData) == [
        "$: missing 'software_engineering'",
        "$.communication: expected a number",
    ]
    assert problems([{"row": 1, "message": "m", "extra": 1}], list[shapes.RowErrorData]) == [
        "$[0]: undeclared 'extra'"
    ]


def test_axes_data_has_the_chart_s_axes_in_order() -> None:
    assert tuple(get_type_hints(shapes.AxesData)) == AXES


def output(run: Run, *args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "shape"),
    [
        (["roles"], list[shapes.RoleData]),
        (["describe", "ds"], shapes.RoleDetailData),
        (["describe", "mle"], shapes.RoleDetailData),
        (["compare", "de", "mle", "mlops"], shapes.CompareData),
        (["chart"], shapes.ChartData),
        (["check"], shapes.CheckData),
        (["questions"], list[shapes.QuestionData]),
        (["quiz", "--ml", "6", "--swe", "7.5", "--comm", "3", "--product", "mle"], shapes.QuizData),
        (["quiz", "--ml", "1", "--swe", "1", "--comm", "1"], shapes.QuizData),
        (["path", "mle", "--ml", "4", "--swe", "5", "--comm", "3"], shapes.PathData),
        (
            ["posting", "--title", "Data Scientist", "--ml", "7", "--swe", "7", "--comm", "3"],
            shapes.PostingData,
        ),
        (["posting", "--ml", "2", "--swe", "2", "--comm", "9"], shapes.PostingData),
    ],
)
def test_json_output_has_its_declared_shape(run: Run, args: list[str], shape: Any) -> None:
    assert problems(output(run, *args, "--json"), shape) == []


def test_history_and_movement_have_their_declared_shapes(run: Run) -> None:
    run("quiz", "--ml", "6", "--swe", "7.5", "--comm", "3", "--save")
    quiz = output(run, "quiz", "--ml", "2", "--swe", "5", "--comm", "5", "--json")
    assert quiz["movement"] is not None
    assert problems(quiz, shapes.QuizData) == []
    assert problems(output(run, "history", "--json"), list[shapes.SavedResultData]) == []
    chart = output(run, "chart", "--me", "--json")
    assert chart["you"] is not None
    assert problems(chart, shapes.ChartData) == []


def test_team_json_has_its_declared_shape(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(TEAM, encoding="utf-8")
    data = output(run, "team", str(path), "--json")
    assert data["errors"]
    assert problems(data, shapes.TeamData) == []
