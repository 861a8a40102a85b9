from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mlroles.core.axes import AXES

from .conftest import CATALOG, QUESTIONNAIRE, Run, first_question, work_product_question

ANSI = re.compile(r"\x1b\[")
ML_QUESTION = first_question("machine_learning").id


def answers(
    level: int = 3, product: str = "ml-engineer", **overrides: int | str
) -> dict[str, object]:
    data: dict[str, object] = {q.id: level for q in QUESTIONNAIRE.axis_questions}
    data[work_product_question().id] = product
    data.update(overrides)
    return data


def place(role_id: str, ml_off: float = 0.0) -> list[str]:
    """--ml/--swe/--comm at a role's place on the chart, or this far left of it."""
    ml, swe, comm = CATALOG.get(role_id).position.as_dict().values()
    return ["--ml", str(ml - ml_off), "--swe", str(swe), "--comm", str(comm)]


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def write_file(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write_file


def test_direct_placement_human(run: Run) -> None:
    mle = CATALOG.get("ml-engineer")
    result = run("quiz", *place(mle.id, ml_off=0.5))  # near it, not on it
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{mle.name} is the most likely role for you" in " ".join(out.split())
    assert "Every role, most likely first" in out
    assert "Where you stand" in out and "★" in out and "you" in out
    swe = mle.position.software_engineering
    assert f"SWE: you {swe:.1f}, role {swe:.1f}, level" in out
    assert not ANSI.search(out)


def test_direct_placement_json_has_the_documented_keys(run: Run) -> None:
    result = run("quiz", *place("data-scientist"), "--product", "DS", "--json")
    data = json.loads(result.stdout)
    assert set(data) >= {"profile", "work_product", "ranking", "best", "confidence", "warnings"}
    assert data["profile"] == CATALOG.get("data-scientist").position.as_dict()
    assert data["work_product"] == "data-scientist"
    assert data["best"] == "data-scientist" == data["ranking"][0]["id"]
    assert data["confidence"] in {"clear", "leaning", "toss-up"}
    entry = data["ranking"][0]
    assert set(entry) >= {"id", "name", "distance", "fit", "gaps"}
    assert set(entry["gaps"]) == {"machine_learning", "software_engineering", "communication"}
    distances = [r["distance"] for r in data["ranking"]]
    assert distances == sorted(distances)
    assert sorted(r["id"] for r in data["ranking"]) == sorted(CATALOG.ids)


def test_not_sure_product_is_null(run: Run) -> None:
    result = run(
        "quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--product", "not-sure", "--json"
    )
    assert json.loads(result.stdout)["work_product"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ml", "5", "--swe", "5"], "missing: --comm"),
        (["--ml", "11", "--swe", "5", "--comm", "5"], "a number from 0 to 10"),
        (["--ml", "-1", "--swe", "5", "--comm", "5"], "a number from 0 to 10"),
        (["--ml", "nan", "--swe", "5", "--comm", "5"], "a number from 0 to 10"),
        (["--ml", "x", "--swe", "5", "--comm", "5"], "a number from 0 to 10"),
        (["--ml", "5", "--swe", "5", "--comm", "5", "--product", "chef"], "Unknown role 'chef'"),
        (["--product", "mle"], "missing: --ml, --swe, --comm"),
    ],
)
def test_bad_direct_values_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run("quiz", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_answers_toml(run: Run, write: Callable[[str, str], Path]) -> None:
    text = "\n".join(f'"{k}" = {json.dumps(v)}' for k, v in answers(4, "mle").items())
    result = run("quiz", "--answers", str(write("a.toml", text)), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["profile"]["machine_learning"] == 7.5
    assert data["work_product"] == "ml-engineer"
    assert data["warnings"] and "same level" in data["warnings"][0]


def test_answers_json(run: Run, write: Callable[[str, str], Path]) -> None:
    path = write("a.json", json.dumps(answers(2, "not-sure", **{ML_QUESTION: 5})))
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 0, result.output
    assert "is the most likely role for you" in " ".join(result.stdout.split())
    assert "same level" not in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps({**answers(3), ML_QUESTION: 9}), f"key '{ML_QUESTION}': 9 is not a level"),
        (
            json.dumps({k: v for k, v in answers().items() if k.startswith("work")}),
            "no question is answered",
        ),
        (json.dumps({**answers(), "mlmath": 3}), "unknown question id 'mlmath'"),
        ('{"ml-math": 3,\n "x": }', "line 2, column 7: JSON syntax error"),
    ],
)
def test_bad_answers_file(
    run: Run, write: Callable[[str, str], Path], content: str, message: str
) -> None:
    path = write("a.json", content)
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 2
    assert f"Invalid answers file {path}" in result.stderr
    assert message in result.stderr
    assert "mlroles questions --json" in result.stderr


def test_missing_answers_file(run: Run, tmp_path: Path) -> None:
    result = run("quiz", "--answers", str(tmp_path / "none.toml"))
    assert result.exit_code == 2
    assert "Answers file not found" in result.stderr


def test_answers_and_direct_conflict(run: Run, write: Callable[[str, str], Path]) -> None:
    path = write("a.json", json.dumps(answers()))
    result = run("quiz", "--answers", str(path), "--ml", "3")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_no_terminal_and_no_input_exits_2_with_help(run: Run) -> None:
    result = run("quiz", input="")
    assert result.exit_code == 2
    assert "--answers" in result.stderr and "--ml" in result.stderr
    assert result.stdout == ""


def test_questions_json(run: Run) -> None:
    data = json.loads(run("questions", "--json").stdout)
    assert [q["id"] for q in data] == [q.id for q in QUESTIONNAIRE.questions]
    for question in data:
        assert set(question) == {"id", "axis", "text", "choices"}
        assert question["axis"] in {*AXES, "work_product"}
        if question["axis"] != "work_product":
            assert [c["value"] for c in question["choices"]] == [1, 2, 3, 4, 5]
    product = data[-1]
    assert product["axis"] == "work_product"
    assert product["choices"][-1]["value"] == "not-sure"


def test_questions_json_feeds_answers(run: Run, write: Callable[[str, str], Path]) -> None:
    questions = json.loads(run("questions", "--json").stdout)
    chosen = {q["id"]: q["choices"][-2]["value"] for q in questions}
    result = run("quiz", "--answers", str(write("a.json", json.dumps(chosen))), "--json")
    assert result.exit_code == 0, result.output


def test_questions_human(run: Run) -> None:
    out = run("questions").stdout
    first, total = QUESTIONNAIRE.questions[0], len(QUESTIONNAIRE.questions)
    assert f"1/{total} " in out and f"{total}/{total} " in out and first.id in out
    assert "mlroles quiz --answers FILE" in out


@pytest.mark.parametrize(
    "args",
    [
        ["quiz", "--ml", "4", "--swe", "2", "--comm", "7", "--product", "ds"],
        ["quiz", "--ml", "9", "--swe", "4", "--comm", "5"],
        ["questions"],
    ],
)
def test_quiz_output_fits_60_columns(run: Run, args: list[str]) -> None:
    result = run(*args, env={"COLUMNS": "60"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_data_scientist_advice_in_output(run: Run) -> None:
    out = run("quiz", "--ml", "2", "--swe", "1.5", "--comm", "8", "--product", "ds").stdout
    assert "Data analyst" in out
    assert "The kind nearest to you: Analytics and reporting." in " ".join(out.split())


def test_custom_questionnaire_from_option_and_env(
    run: Run, tmp_path: Path, questions_text: str, write_questions: Callable[[str], Path]
) -> None:
    text = questions_text.replace('id = "ml-research"', 'id = "ml-papers"')
    path = write_questions(text.replace("The state of the art:", "Papers, my own wording:"))
    by_option = json.loads(run("--questions", str(path), "questions", "--json").stdout)
    by_env = json.loads(run("questions", "--json", env={"MLROLES_QUESTIONS": str(path)}).stdout)
    assert by_option == by_env
    assert "ml-papers" in [q["id"] for q in by_option]
    assert any(q["text"].startswith("Papers, my own wording:") for q in by_option)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({q["id"]: q["choices"][0]["value"] for q in by_option}))
    for args in (["quiz", "--answers", str(answers)], ["path", "mle", "--answers", str(answers)]):
        assert run("--questions", str(path), *args).exit_code == 0
        builtin = run(*args)
        assert builtin.exit_code == 2
        assert "unknown question id 'ml-papers'" in builtin.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["questions"],
        ["quiz", "--ml", "5", "--swe", "5", "--comm", "5"],
        ["quiz"],
        ["path", "mle", "--ml", "5", "--swe", "5", "--comm", "5"],
        ["posting", "--ml", "5", "--swe", "5", "--comm", "5"],
        ["posting", "-i"],
    ],
)
def test_bad_questionnaire_exits_2_for_every_command_that_reads_it(
    run: Run, questions_text: str, write_questions: Callable[[str], Path], args: list[str]
) -> None:
    path = write_questions(questions_text.replace('axis = "communication"', 'axis = "charm"', 1))
    result = run("--questions", str(path), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Invalid questionnaire {path} (1 problem):" in result.stderr
    assert "field 'axis': must be one of" in result.stderr
    assert "mlroles --questions PATH check" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_questionnaire_file(run: Run, tmp_path: Path) -> None:
    result = run("questions", env={"MLROLES_QUESTIONS": str(tmp_path / "nope.toml")})
    assert result.exit_code == 2
    assert f"Questionnaire not found: {tmp_path / 'nope.toml'}" in result.stderr


def test_check_reports_an_emphasis_the_questionnaire_does_not_ask(
    run: Run, tmp_path: Path, questions_text: str, write_questions: Callable[[str], Path]
) -> None:
    """A questionnaire that renames an item the catalog's emphasis names still
    runs the quiz (the emphasis is left out and the rest centred), but check
    says so and exits 2."""
    emphasised = next(item for role in CATALOG.roles for item, _ in role.emphasis)
    renamed = write_questions(questions_text.replace(f'id = "{emphasised}"', 'id = "renamed"'))
    result = run("--questions", str(renamed), "check")
    assert result.exit_code == 2
    assert f"emphasis on '{emphasised}'" in result.stderr and "does not ask" in result.stderr
    quiz = run("--questions", str(renamed), "quiz", "--ml", "5", "--swe", "5", "--comm", "5")
    assert quiz.exit_code == 0, quiz.stderr
