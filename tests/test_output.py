"""One output path: every command that prints a result takes --format,
--json, --svg and --html, checked in one place and printed by state.emit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.main import get_command

from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.main import COMMANDS, app
from mlroles.files.catalog_file import load_catalog

from .conftest import ROLES_TOML, Result, Run

TEAM = "name,ml,swe,comm,work_product\nAna,5.5,6,3,\nBo,1.5,9,2.5,mlops\n"
DIRECT = ["--ml", "6", "--swe", "7.5", "--comm", "3"]

# The least each command needs to print a result; TEAM_FILE is replaced by a
# real file, and the history holds one saved result (see `invoke`).
RESULTS: dict[str, list[str]] = {
    "quiz": [*DIRECT],
    "roles": [],
    "describe": ["mle"],
    "questions": [],
    "check": [],
    "path": ["mle"],
    "compare": ["de", "mle"],
    "chart": ["--me"],
    "history": [],
    "team": ["TEAM_FILE"],
    "posting": [*DIRECT],
}
WITH_MARKDOWN = {"quiz", "posting"}

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(run: Run, tmp_path: Path) -> Invoke:
    """Run a command from RESULTS with extra arguments, after one saved quiz."""
    team = tmp_path / "team.csv"
    team.write_text(TEAM, encoding="utf-8")
    assert run("quiz", *DIRECT, "--save").exit_code == 0

    def call(name: str, *extra: str) -> Result:
        args = [str(team) if a == "TEAM_FILE" else a for a in RESULTS[name]]
        return run(name, *args, *extra)

    return call


def test_every_command_prints_a_result_and_takes_the_bundle() -> None:
    assert set(RESULTS) == {c.name for c in COMMANDS}
    group = get_command(app)
    for name, command in getattr(group, "commands", {}).items():
        flags = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert {"--format", "--json", "--svg", "--html"} <= flags, name


@pytest.mark.parametrize("name", RESULTS)
def test_json_and_format_json_are_the_same_pure_json(invoke: Invoke, name: str) -> None:
    shortcut = invoke(name, "--json")
    spelled = invoke(name, "--format", "json")
    assert shortcut.exit_code == 0, shortcut.output
    assert shortcut.stdout == spelled.stdout
    json.loads(shortcut.stdout)


@pytest.mark.parametrize("name", RESULTS)
def test_text_is_the_default(invoke: Invoke, name: str) -> None:
    default = invoke(name)
    assert default.exit_code == 0, default.output
    assert default.stdout == invoke(name, "--format", "text").stdout
    assert not default.stdout.startswith(("{", "["))


@pytest.mark.parametrize("name", RESULTS)
def test_markdown_or_a_clear_error(invoke: Invoke, name: str) -> None:
    result = invoke(name, "--format", "markdown")
    if name in WITH_MARKDOWN:
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("# ")
        return
    assert result.exit_code == ExitCode.USER_ERROR
    assert result.stdout == ""
    assert result.stderr == (
        f"mlroles {name} has no Markdown form; use --format text or --format json.\n"
    )


@pytest.mark.parametrize("name", RESULTS)
def test_svg_and_html_save_the_page_of_every_command(
    invoke: Invoke, name: str, tmp_path: Path
) -> None:
    svg, html = tmp_path / "page.svg", tmp_path / "page.html"
    result = invoke(name, "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result.output
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")
    assert "<html" in html.read_text(encoding="utf-8")
    assert result.stdout == invoke(name).stdout
    assert f"Wrote {svg}\nWrote {html}\n" in result.stderr


@pytest.mark.parametrize(("flag", "start"), [("--svg", "<svg"), ("--html", "<!DOCTYPE html>")])
def test_dash_sends_the_export_to_stdout_instead_of_the_page(
    run: Run, flag: str, start: str
) -> None:
    result = run("describe", "mle", flag, "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)
    assert result.stdout.endswith("\n")
    assert "Wrote" not in result.stderr


def test_one_export_to_stdout_and_one_to_a_file(run: Run, tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    result = run("chart", "--svg", "-", "--html", str(html))
    assert result.exit_code == 0, result.output
    assert ElementTree.fromstring(result.stdout).tag.endswith("svg")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stderr == f"Wrote {html}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["roles", "--format", "pdf"], "Unknown --format 'pdf'; use text or json."),
        (
            ["quiz", *DIRECT, "--format", "pdf"],
            "Unknown --format 'pdf'; use text, json or markdown.",
        ),
        (["roles", "--json", "--format", "text"], "Give either --json or --format text, not both."),
        (
            ["quiz", *DIRECT, "--json", "--format", "markdown"],
            "Give either --json or --format markdown, not both.",
        ),
        (
            ["describe", "mle", "--json", "--svg", "x.svg"],
            "--svg and --html save the page as shown; they do not go with --json.",
        ),
        (
            ["describe", "mle", "--format", "json", "--html", "x.html"],
            "--svg and --html save the page as shown; they do not go with --format json.",
        ),
        (
            ["quiz", *DIRECT, "--format", "markdown", "--svg", "x.svg"],
            "--svg and --html save the page as shown; they do not go with --format markdown.",
        ),
        (
            ["chart", "--svg", "-", "--html", "-"],
            "--svg and --html would both write to stdout; give each its own file.",
        ),
        (
            ["chart", "--svg", "page", "--html", "./page"],
            "--svg and --html would both write to page; give each its own file.",
        ),
    ],
)
def test_conflicting_output_options_are_user_errors(
    run: Run, args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == ExitCode.USER_ERROR
    assert result.stdout == ""
    assert result.stderr == message + "\n"
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_a_conflict_is_refused_before_the_quiz_asks_anything(run: Run) -> None:
    """Without a terminal the quiz would say so; the option error comes first."""
    result = run("posting", "--interactive", "--svg", "a.svg", "--format", "markdown")
    assert result.exit_code == ExitCode.USER_ERROR
    assert "--svg" in result.stderr
    assert "terminal" not in result.stderr


def test_check_json_for_a_valid_catalog(run: Run) -> None:
    result = run("check", "--json")
    assert result.exit_code == 0
    files = json.loads(result.stdout)["files"]
    assert [f["kind"] for f in files] == ["role catalog", "questionnaire"]
    checked = files[0]
    assert checked["path"] == str(ROLES_TOML)
    assert checked["valid"] is True
    assert checked["count"] == len(load_catalog(ROLES_TOML).roles)
    assert checked["problems"] == []


def test_check_json_for_an_invalid_catalog_still_exits_2(
    run: Run, catalog_text: str, write_catalog: Callable[[str], Path]
) -> None:
    path = write_catalog(catalog_text.replace('summary = "Explores', 'sumary = "Explores'))
    result = run("--roles", str(path), "check", "--json")
    assert result.exit_code == ExitCode.USER_ERROR
    checked, questionnaire = json.loads(result.stdout)["files"]
    assert questionnaire["valid"] is True
    assert checked["valid"] is False
    assert checked["count"] is None
    assert (
        "role 'ml-researcher': unknown field 'sumary'. Did you mean 'summary'?"
        in (checked["problems"])
    )
    assert f"Invalid role catalog {path}" in result.stderr


def test_check_text_never_wraps_the_path(run: Run, catalog_text: str, tmp_path: Path) -> None:
    folder = tmp_path / ("a-long-folder-name-" * 5)
    folder.mkdir()
    path = folder / "roles.toml"
    path.write_text(catalog_text, encoding="utf-8")
    result = run("--roles", str(path), "check", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}: OK, ") and first.endswith(" roles.")


PROBE = """
import io, json, sys, contextlib
from mlroles.cli.entry import main
codes = []
for args in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()):
        codes.append(main(args))
loaded = {m.split(".")[0] for m in sys.modules} | set(sys.modules)
json_data = "mlroles.views.json_data" in loaded
print(json.dumps({"codes": codes, "rich": "rich" in loaded, "json_data": json_data}))
"""


def probe(runs: list[list[str]], tmp_path: Path) -> dict[str, object]:
    """Run main() on each argument list in one fresh process; report the exit
    codes and whether rich and json_data were ever imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(runs)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "MLROLES_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def result_runs(tmp_path: Path, *extra: str) -> list[list[str]]:
    team = tmp_path / "team.csv"
    team.write_text(TEAM, encoding="utf-8")
    runs = [["quiz", *DIRECT, "--save", *extra]]
    runs += [
        [name, *(str(team) if a == "TEAM_FILE" else a for a in args), *extra]
        for name, args in RESULTS.items()
    ]
    return runs


def test_json_output_never_loads_rich(tmp_path: Path) -> None:
    runs = [*result_runs(tmp_path, "--json"), ["quiz", *DIRECT, "--format", "markdown"]]
    report = probe(runs, tmp_path)
    assert report["codes"] == [0] * len(runs)
    assert report["rich"] is False


def test_text_output_never_loads_the_json_views(tmp_path: Path) -> None:
    runs = result_runs(tmp_path)
    report = probe(runs, tmp_path)
    assert report["codes"] == [0] * len(runs)
    assert report["json_data"] is False


@pytest.mark.parametrize(
    ("name", "offered"), [("roles", "text json"), ("quiz", "text json markdown")]
)
def test_format_completion_offers_the_command_s_formats(
    name: str, offered: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "_MLROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": f"mlroles {name} --format ",
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mlroles"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.stdout.split() == offered.split()
