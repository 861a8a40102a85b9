"""One consistent CLI: errors in our own words, the same flags on every
command, and the rough edges a new user hit (issue: one consistent CLI)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import CATALOG, QUESTIONNAIRE, Run, write_answers


@pytest.mark.parametrize("value", ["abc", "11", "-1", "nan"])
@pytest.mark.parametrize("flag", ["--ml", "--swe", "--comm"])
def test_a_bad_axis_value_is_explained_in_our_words(run: Run, flag: str, value: str) -> None:
    args = {"--ml": "5", "--swe": "5", "--comm": "5"} | {flag: value}
    result = run("quiz", *[x for pair in args.items() for x in pair], "--no-save")
    assert result.exit_code == 2
    assert f"{flag} takes a number from 0 to 10" in result.stderr and repr(value) in result.stderr
    assert "float range" not in result.stderr and "Traceback" not in result.stderr


def test_posting_help_says_the_numbers_describe_the_posting(run: Run) -> None:
    text = " ".join(run("posting", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "Place yourself" not in text
    assert "Rate the posting directly" in text


@pytest.mark.parametrize(("word", "option"), [("version", "--version"), ("help", "--help")])
def test_a_command_that_is_an_option_points_at_the_option(run: Run, word: str, option: str) -> None:
    result = run(word)
    assert result.exit_code == 2
    assert f"Did you mean 'mlroles {option}'?" in result.stderr
    assert "questions" not in result.stderr


def test_usage_names_arguments_in_words_not_braces(run: Run) -> None:
    result = run("describe")
    assert result.exit_code == 2
    assert "{role}" not in result.stderr and "ROLE" in result.stderr


def test_path_takes_product_and_reports_the_models_standing(run: Run) -> None:
    import json

    place = ["--ml", "4", "--swe", "5", "--comm", "3"]
    target = CATALOG.roles[0].id
    flat = json.loads(run("path", target, *place, "--json").stdout)
    chosen = json.loads(run("path", target, *place, "--product", target, "--json").stdout)
    assert flat["work_product"] is None and chosen["work_product"] == target
    assert chosen["probability"] > flat["probability"]
    assert 1 <= chosen["rank"] <= flat["rank"]
    page = " ".join(run("path", target, *place, "--product", target).stdout.split())
    assert f"at rank {chosen['rank']} of {len(CATALOG.roles)}" in page


def test_posting_takes_answers_like_the_quiz(run: Run, tmp_path: Path) -> None:
    import json

    path = write_answers(
        tmp_path / "answers.json",
        {"software_engineering": [4], "machine_learning": [2], "communication": [2]},
        "not-sure",
    )
    from_file = json.loads(run("posting", "--answers", str(path), "--json").stdout)
    from_quiz = json.loads(run("quiz", "--answers", str(path), "--json", "--no-save").stdout)
    assert from_file["best"] == from_quiz["best"]
    assert from_file["ranking"] == from_quiz["ranking"]
    both = run("posting", "--answers", str(path), "--ml", "5", "--swe", "5", "--comm", "5")
    assert both.exit_code == 2 and "Give one of" in both.stderr


def test_posting_interactive_without_a_terminal_suggests_posting_options(run: Run) -> None:
    result = run("posting", "--interactive")
    assert result.exit_code == 2
    assert "mlroles posting --answers" in result.stderr
    assert "quiz --answers" not in result.stderr


def test_questions_template_lists_every_question_and_fills_in(run: Run, tmp_path: Path) -> None:
    import re

    result = run("questions", "--template")
    assert result.exit_code == 0
    for question in QUESTIONNAIRE.questions:
        assert re.search(rf"^# {re.escape(question.id)} = ", result.stdout, re.M)
    unfilled = tmp_path / "unfilled.toml"
    unfilled.write_text(result.stdout, encoding="utf-8")
    assert run("quiz", "--answers", str(unfilled), "--no-save").exit_code == 2  # nothing chosen
    filled = tmp_path / "filled.toml"
    filled.write_text(re.sub(r"^# (\S+ = )", r"\1", result.stdout, flags=re.M), encoding="utf-8")
    done = run("quiz", "--answers", str(filled), "--json", "--no-save")
    assert done.exit_code == 0, done.stderr
    assert run("questions", "--template", "--json").exit_code == 2


def test_check_takes_files_and_tells_which_is_which(
    run: Run, tmp_path: Path, catalog_text: str
) -> None:
    from .conftest import QUESTIONS_TOML, ROLES_TOML

    both = run("check", str(QUESTIONS_TOML), str(ROLES_TOML))
    assert both.exit_code == 0, both.stderr
    assert f"{ROLES_TOML}: OK" in both.stdout and f"{QUESTIONS_TOML}: OK" in both.stdout
    broken = tmp_path / "mine.toml"
    broken.write_text(catalog_text.replace('id = "ml-devops"', 'id = "ML DevOps!"'), "utf-8")
    result = run("check", str(broken))
    assert result.exit_code == 2 and str(broken) in result.stderr
    other = tmp_path / "notes.toml"
    other.write_text('title = "not a data file"\n', encoding="utf-8")
    neither = run("check", str(other))
    assert neither.exit_code == 2 and "neither a role catalog" in neither.stderr
    twice = run("check", str(ROLES_TOML), str(broken))
    assert twice.exit_code == 2 and "both role catalogs" in twice.stderr


def test_compare_marks_only_tools_no_other_compared_role_lists(run: Run) -> None:
    """Marked with † (which survives without colour) exactly when no other
    compared role lists the tool; a tool two of three share is not marked."""
    import itertools

    for trio in itertools.combinations(CATALOG.roles, 3):
        result = run("compare", *(r.id for r in trio), env={"COLUMNS": "250", "NO_COLOR": "1"})
        page = " ".join(result.stdout.split())
        for role in trio:
            others = {t.casefold() for r in trio if r != role for t in r.tools}
            for tool in role.tools:
                marked = f"{tool}†" in page
                assert marked == (tool.casefold() not in others), (role.id, tool)
        assert "† a tool only that role lists" in page


def test_one_member_and_one_bad_row_are_singular(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("name,ml,swe,comm\nAda,5,5,5\nBob,x,1,1\n", encoding="utf-8")
    result = run("team", str(path))
    assert result.exit_code == 0, result.stderr
    assert "1 member scored" in result.stdout and "1 members" not in result.stdout
    assert "Skipped 1 bad row;" in result.stderr and "1 bad rows" not in result.stderr
    strict = run("team", str(path), "--strict")
    assert "1 bad row;" in strict.stderr


def test_no_role_text_points_at_roles_above_or_below(run: Run) -> None:
    """A role's own page stands alone: 'above' means nothing on it."""
    for role in CATALOG.roles:
        text = " ".join([role.function, role.summary, role.work_product, *role.hiring])
        assert "role above" not in text and "roles above" not in text, role.id


@pytest.mark.parametrize(
    "args",
    [["describe", "mle"], ["quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--no-save"]],
)
def test_prose_stays_under_100_columns_on_a_wide_terminal(run: Run, args: list[str]) -> None:
    result = run(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


@pytest.mark.parametrize(
    "args", [["describe", "mle"], ["roles"], ["compare", "de", "mle"], ["chart", "--survey"]]
)
def test_piped_pages_have_no_trailing_spaces(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == []


def test_a_narrow_terminal_stacks_the_ranking_with_whole_role_names(run: Run) -> None:
    args = ("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--no-save")
    narrow = run(*args, env={"COLUMNS": "40"}).stdout
    for role in CATALOG.roles:
        assert role.name in narrow, role.name
    assert "…" not in narrow.split("Every role, most likely first")[1].split("Prob:")[0]
    wide = run(*args, env={"COLUMNS": "80"}).stdout
    assert any(line.split()[:2] == ["#", "Role"] for line in wide.splitlines() if line.strip())


HEADER = "name,ml,swe,comm,work_product"


def team_members(run: Run, path: Path) -> list[dict[str, Any]]:
    import json

    result = run("team", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    members: list[dict[str, Any]] = json.loads(result.stdout)["members"]
    return members


def test_team_reads_utf16_from_excel(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes(f"{HEADER}\nZoë,5,6,3,\n".encode("utf-16"))
    assert [m["name"] for m in team_members(run, path)] == ["Zoë"]


def test_a_team_file_in_another_encoding_names_the_row_and_the_fix(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes(f"{HEADER}\nAda,5,5,5,\nZoë,5,6,3,\n".encode("cp1252"))
    result = run("team", str(path))
    assert result.exit_code == 2
    assert "row 3" in result.stderr and "CSV UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_tsv_and_standard_input_and_not_sure(run: Run, tmp_path: Path) -> None:
    import json

    tsv = f"{HEADER}\nAda\t5\t6\t3\tnot-sure\nBo\t2\t8\t2\tNot sure\n".replace(",", "\t")
    result = run("team", "-", "--json", input=tsv)
    assert result.exit_code == 0, result.stderr
    members = json.loads(result.stdout)["members"]
    assert [m["name"] for m in members] == ["Ada", "Bo"]
    assert [m["work_product"] for m in members] == [None, None]
    assert members[0]["profile"] == {
        "machine_learning": 5.0,
        "software_engineering": 6.0,
        "communication": 3.0,
    }


def test_extra_cells_are_reported_once(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(f"{HEADER}\nAda,5,5,5,,x\nBo,5,5,5,,y\nCy,5,5,5,\n", encoding="utf-8")
    result = run("team", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("more cells than the header") == 1
    assert "2 rows have" in result.stderr and "row 2" in result.stderr


def test_team_json_gives_null_for_an_axis_no_answer_spoke_to(run: Run, tmp_path: Path) -> None:
    swe = [q.id for q in QUESTIONNAIRE.axis_questions if q.axis == "software_engineering"]
    path = tmp_path / "team.csv"
    path.write_text(f"name,{','.join(swe)}\nAda,{','.join('4' for _ in swe)}\n", "utf-8")
    (member,) = team_members(run, path)
    assert member["profile"]["software_engineering"] == 10 * 3 / 4
    assert member["profile"]["machine_learning"] is None


def ascii_run(*args: str, input: str = "") -> tuple[int, str, str]:
    """Run with stdout and stderr that can only encode ASCII, as LANG=C may give."""
    import io
    import os

    from mlroles.cli.entry import main
    from mlroles.cli.environment import Environment

    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="ascii", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="ascii", write_through=True)
    variables = {"MLROLES_HOME": os.environ["MLROLES_HOME"], "COLUMNS": "80"}
    env = Environment.from_streams(io.StringIO(input), stdout, stderr, variables)
    code = main(list(args), env)
    return code, out.getvalue().decode("ascii"), err.getvalue().decode("ascii")


@pytest.mark.parametrize(
    "args",
    [
        ["chart", "--survey"],
        ["describe", "data-scientist"],
        ["compare", "de", "mle"],
        ["quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--no-save"],
    ],
)
def test_a_stream_that_only_takes_ascii_gets_ascii_drawing(args: list[str]) -> None:
    code, out, err = ascii_run(*args)
    assert code == 0, err
    assert "internal error" not in err and out.strip()
    assert "|" in out or "-" in out


def test_json_on_an_ascii_stream_keeps_every_character(tmp_path: Path) -> None:
    import json

    code, out, err = ascii_run("team", "-", "--json", input="name,ml,swe,comm\nZoë,5,5,5\n")
    assert code == 0, err
    assert json.loads(out)["members"][0]["name"] == "Zoë"


def test_svg_export_is_self_contained_and_keeps_its_spaces(run: Run, tmp_path: Path) -> None:
    import re
    import xml.etree.ElementTree as ET

    path = tmp_path / "chart.svg"
    assert run("chart", "--svg", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed XML
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert not re.search(r"url\(\s*['\"]?https?:|@import", text)  # nothing from the network


def test_html_export_has_a_title(run: Run, tmp_path: Path) -> None:
    from html.parser import HTMLParser

    path = tmp_path / "chart.html"
    assert run("chart", "--html", str(path)).exit_code == 0
    titles: list[str] = []

    class Titles(HTMLParser):
        inside = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.inside = tag == "title"

        def handle_data(self, data: str) -> None:
            if self.inside:
                titles.append(data)
                self.inside = False

    Titles().feed(path.read_text(encoding="utf-8"))
    assert titles == ["mlroles"]


@pytest.mark.skipif(not shutil.which("rsvg-convert"), reason="rsvg-convert is not installed")
def test_librsvg_renders_the_svg(run: Run, tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "chart.svg"
    run("chart", "--svg", str(path))
    done = subprocess.run(
        ["rsvg-convert", str(path), "-o", str(tmp_path / "chart.png")], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "chart.png").stat().st_size > 1000


CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium is installed")
def test_headless_chromium_renders_the_html(run: Run, tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "chart.html"
    run("chart", "--html", str(path))
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "<title>mlroles</title>" in done.stdout and "Machine learning" in done.stdout


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mlroles describe de --format ", {"text", "json"}),
        ("mlroles posting --format ", {"text", "json", "markdown"}),
        ("mlroles quiz --product not", {"not-sure"}),
    ],
)
def test_shell_completion_offers_values_not_file_names(words: str, expected: set[str]) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "_MLROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = subprocess.run(
        [sys.executable, "-m", "mlroles"], env=env, capture_output=True, text=True
    )
    offered = set(done.stdout.split())
    assert expected <= offered, done.stdout + done.stderr
    assert not any("/" in o or o.endswith((".toml", ".py")) for o in offered)


def test_posting_page_explains_its_star_and_shows_its_place(run: Run) -> None:
    result = run("posting", "--ml", "7", "--swe", "7", "--comm", "3", "--product", "mle")
    assert result.exit_code == 0, result.stderr
    page = " ".join(result.stdout.split())
    assert "* the role whose work product the posting names" in page
    assert "Where the posting stands" in page and "★" in result.stdout


@pytest.mark.parametrize("columns", ["40", "200"])
def test_identifiers_and_paths_are_never_broken(run: Run, columns: str) -> None:
    unknown = run("describe", "no-such-role", env={"COLUMNS": columns})
    for role_id in CATALOG.ids:
        assert role_id in unknown.stderr.replace("\n  ", " ")
    saved = run(
        "quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save", env={"COLUMNS": columns}
    )
    line = next(x for x in saved.stderr.splitlines() if x.startswith("Saved this result to"))
    assert line.endswith(".json")  # the whole path on one line


def test_a_mistyped_command_gets_a_suggestion(run: Run) -> None:
    result = run("descrbe", "de")
    assert result.exit_code == 2
    assert "Did you mean 'describe'?" in result.stderr
