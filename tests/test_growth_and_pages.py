"""path, compare, chart, exports and the Markdown report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from mlroles.core.axes import AXES, Position
from mlroles.core.path import plan_path

from .conftest import CATALOG, QUESTIONNAIRE, Run

ZERO_AT = QUESTIONNAIRE.rules.fit_zero_distance


def test_every_role_has_growth_steps_on_every_axis() -> None:
    for role in CATALOG.roles:
        for axis in AXES:
            assert role.growth_steps(axis), (role.id, axis)
    assert any(
        "behind an API with monitoring and a rollback plan" in step
        for step in CATALOG.get("ml-engineer").growth_steps("software_engineering")
    )


def test_plan_orders_gaps_and_picks_steps() -> None:
    mle = CATALOG.get("ml-engineer").position
    you = Position(mle.machine_learning, mle.software_engineering - 5.1, mle.communication + 2.2)
    plan = plan_path(CATALOG.get("ml-engineer"), you, ZERO_AT)
    assert [g.axis for g in plan.gaps] == [
        "software_engineering",
        "communication",
        "machine_learning",
    ]
    swe, comm, ml = plan.gaps
    assert swe.gap == pytest.approx(5.1) and swe.steps
    assert comm.gap == pytest.approx(-2.2) and comm.steps == ()
    assert ml.gap == pytest.approx(0.0) and ml.steps == ()
    assert plan.readiness_after > plan.readiness_now
    assert plan.first_gap is swe


def test_plan_when_nothing_to_close() -> None:
    role = CATALOG.get("ml-devops")
    plan = plan_path(role, Position(5, 10, 5), ZERO_AT)
    assert plan.first_gap is None
    assert plan.readiness_after == plan.readiness_now


def test_path_needs_a_profile(run: Run) -> None:
    result = run("path", "mle")
    assert result.exit_code == 2
    assert "There is no saved result" in result.stderr
    assert "mlroles quiz" in result.stderr


def test_path_from_direct_values_json(run: Run) -> None:
    result = run("path", "mle", "--ml", "4", "--swe", "7", "--comm", "3", "--json")
    data = json.loads(result.stdout)
    mle = CATALOG.get("ml-engineer").position
    assert data["target"] == "ml-engineer"
    assert data["gaps"]["machine_learning"] == pytest.approx(mle.machine_learning - 4)
    assert data["gaps"]["communication"] == pytest.approx(mle.communication - 3)
    assert next(iter(data["gaps"])) == "machine_learning"
    assert {s["axis"] for s in data["steps"]} == {"machine_learning"}
    assert 0 <= data["readiness"] <= data["readiness_after_largest_gap"] <= 100
    assert set(data) >= {"target", "profile", "gaps", "steps", "readiness"}


def test_path_from_the_last_saved_result(run: Run) -> None:
    run("quiz", "--ml", "2", "--swe", "2", "--comm", "9", "--save")
    out = run("path", "researcher").stdout
    role = CATALOG.get("ml-researcher")
    ml = role.position.machine_learning
    assert f"Your path to {role.name}" in out
    assert f"Machine learning: you 2.0, role {ml:.1f}, +{ml - 2:.1f} to go" in out
    assert "Readiness now:" in out and "Close the machine learning gap first" in out


def test_being_above_a_role_is_no_gap_in_readiness(run: Run) -> None:
    """Readiness counts shortfalls only: above the role on every axis is 100%."""
    role = CATALOG.get("ml-devops").position
    above = [str(min(10.0, role.value(a) + 1)) for a in AXES]
    result = run("path", "mlops", "--ml", above[0], "--swe", above[1], "--comm", above[2])
    out = " ".join(result.stdout.split())
    assert "Readiness now: 100%. You meet or exceed this role on every axis." in out
    data = json.loads(
        run(
            "path", "mlops", "--ml", above[0], "--swe", above[1], "--comm", above[2], "--json"
        ).stdout
    )
    assert data["readiness"] == 100.0


def test_path_from_answers(run: Run, tmp_path: Path) -> None:
    questions = json.loads(run("questions", "--json").stdout)
    path = tmp_path / "a.json"
    path.write_text(json.dumps({q["id"]: q["choices"][0]["value"] for q in questions}))
    data = json.loads(run("path", "ds", "--answers", str(path), "--json").stdout)
    assert data["profile"] == {
        "machine_learning": 0.0,
        "software_engineering": 0.0,
        "communication": 0.0,
    }


def test_compare_side_by_side_and_json(run: Run) -> None:
    wide = run("compare", "de", "mle", env={"COLUMNS": "120"}).stdout
    header = next(line for line in wide.splitlines() if "Data engineer" in line)
    assert "ML engineer" in header
    data = json.loads(run("compare", "de", "mle", "mlops", "--json").stdout)
    assert [r["id"] for r in data["roles"]] == ["data-engineer", "ml-engineer", "ml-devops"]
    assert data["shared_tools"] == []


def test_compare_stacks_at_60_columns(run: Run) -> None:
    out = run("compare", "de", "mle", "mlops", env={"COLUMNS": "60"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 60
    assert not any("Data engineer" in line and "ML engineer" in line for line in out.splitlines())
    for name in ("Data engineer", "ML engineer", "ML DevOps", "Hiring notes"):
        assert name in out


def test_compare_highlights_differences(run_tty: Run) -> None:
    env = {"COLUMNS": "120", "TERM": "xterm-256color"}
    out = run_tty("compare", "ml-researcher", "data-scientist", env=env).stdout
    bold_yellow = re.compile(r"\x1b\[1;33m([^\x1b]+)")
    highlighted = {match.strip() for match in bold_yellow.findall(out)}
    assert {"PyTorch†", "SQL†", "9.4 ▲", "7.8 ▲"} <= highlighted  # unique tools, highest values
    assert "TensorFlow" not in highlighted  # both roles list it


def test_compare_needs_two_roles(run: Run) -> None:
    assert run("compare", "mle", "MLE").exit_code == 2
    assert run("compare", "mle", "chef").exit_code == 2


def test_chart_and_me(run: Run) -> None:
    out = run("chart").stdout
    for role in CATALOG.roles:
        assert role.label in out and role.name in out
    assert "Bubble size" in out and "you" not in out
    assert run("chart", "--me").exit_code == 2
    run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save")
    assert "★ you" in run("chart", "--me").stdout or "you ★" in run("chart", "--me").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["chart"],
        ["describe", "ds"],
        ["compare", "de", "mle"],
        ["path", "mle", "--ml", "3", "--swe", "3", "--comm", "3"],
        ["quiz", "--ml", "3", "--swe", "3", "--comm", "3"],
    ],
)
def test_svg_and_html_exports(run: Run, tmp_path: Path, args: list[str]) -> None:
    svg, html = tmp_path / "page.svg", tmp_path / "page.html"
    result = run(*args, "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result.output
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "<html" in html.read_text()
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind
    assert f"Wrote {svg}" in result.stderr


def test_export_replaces_a_file_atomically(run: Run, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    svg.write_text("old")
    svg.chmod(0o640)
    assert run("chart", "--svg", str(svg)).exit_code == 0
    assert svg.read_text().startswith("<svg")
    assert svg.stat().st_mode & 0o777 == 0o640


def test_export_into_a_missing_folder_is_a_user_error(run: Run, tmp_path: Path) -> None:
    result = run("chart", "--svg", str(tmp_path / "nope" / "c.svg"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_export_does_not_go_with_json(run: Run, tmp_path: Path) -> None:
    result = run("describe", "mle", "--json", "--svg", str(tmp_path / "x.svg"))
    assert result.exit_code == 2


def test_markdown_report(run: Run) -> None:
    result = run(
        "quiz", "--ml", "6", "--swe", "7", "--comm", "3", "--product", "mle", "--format", "markdown"
    )
    out = result.stdout
    assert out.startswith("# mlroles result\n")
    assert "**ML engineer is the most likely role for you: " in out
    assert "| 1 | ML engineer |" in out
    assert run("quiz", "--ml", "1", "--swe", "1", "--comm", "1", "--format", "pdf").exit_code == 2
