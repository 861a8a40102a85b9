"""Adding a role and a question needs no Python: the whole CLI runs on copies
of the data files with one more role and one more question, given with
--roles/--questions or with MLROLES_ROLES/MLROLES_QUESTIONS, and put before
or after the others."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from mlroles.core.axes import AXES, distance
from mlroles.core.catalog import Catalog, Role
from mlroles.core.questionnaire import Question, Questionnaire
from mlroles.files.catalog_file import load_catalog
from mlroles.files.questionnaire_file import load_questionnaire

from .conftest import (
    CATALOG,
    NEW_QUESTION,
    NEW_ROLE,
    QUESTIONNAIRE,
    Result,
    TypeKeys,
    answer_keys,
    answers_by_axis,
    axis_means,
    mlroles,
    review_keys,
    with_table,
)

NEW_ROLE_ID = tomllib.loads(NEW_ROLE)["roles"][0]["id"]
NEW_QUESTION_ID = tomllib.loads(NEW_QUESTION)["questions"][0]["id"]
# Levels that put each axis at 5, the new role's place: 2, 4, then 3s.
AT_FIVE = {axis: (2, 4, 3) for axis in AXES}


@dataclass(frozen=True)
class DataFiles:
    roles: Path
    questions: Path
    by_env: bool  # given with environment variables rather than options

    @property
    def catalog(self) -> Catalog:
        return load_catalog(self.roles)

    @property
    def questionnaire(self) -> Questionnaire:
        return load_questionnaire(self.questions, self.catalog)

    @property
    def role(self) -> Role:
        return self.catalog.get(NEW_ROLE_ID)

    @property
    def question(self) -> Question:
        return self.questionnaire.get(NEW_QUESTION_ID)

    def run(self, *args: str, tty: bool = False) -> Result:
        if self.by_env:
            env = {"MLROLES_ROLES": str(self.roles), "MLROLES_QUESTIONS": str(self.questions)}
            return mlroles(*args, env=env, tty=tty)
        files = ("--roles", str(self.roles), "--questions", str(self.questions))
        return mlroles(*files, *args, tty=tty)


@pytest.fixture(
    params=[(False, False), (True, True)],
    ids=["appended-given-as-options", "first-given-in-the-environment"],
)
def files(
    request: pytest.FixtureRequest, tmp_path: Path, catalog_text: str, questions_text: str
) -> DataFiles:
    first, by_env = request.param
    roles, questions = tmp_path / "my-roles.toml", tmp_path / "my-questions.toml"
    roles.write_text(with_table(catalog_text, NEW_ROLE, first), encoding="utf-8")
    questions.write_text(with_table(questions_text, NEW_QUESTION, first), encoding="utf-8")
    return DataFiles(roles, questions, by_env)


def test_the_copies_hold_one_more_role_and_question(files: DataFiles) -> None:
    assert len(files.catalog.roles) == len(CATALOG.roles) + 1
    assert len(files.questionnaire.questions) == len(QUESTIONNAIRE.questions) + 1
    result = files.run("check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{files.roles}: OK, {len(files.catalog.roles)} roles.",
        f"{files.questions}: OK, {len(files.questionnaire.questions)} questions.",
    ]


def test_the_quiz_asks_the_new_question_and_offers_the_new_role(
    files: DataFiles, type_keys: TypeKeys
) -> None:
    questionnaire = files.questionnaire
    answers = answers_by_axis(questionnaire, AT_FIVE, NEW_ROLE_ID)
    answers[NEW_QUESTION_ID] = 5  # so that the new question's answer shows in the result
    type_keys(answer_keys(questionnaire, answers) + review_keys(questionnaire))
    result = files.run("quiz", "--json", "--no-save", tty=True)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    expected = axis_means(questionnaire, answers)
    assert data["profile"] == pytest.approx(expected.as_dict(), abs=1e-3)
    assert data["profile"] != pytest.approx(axis_means(QUESTIONNAIRE, answers).as_dict(), abs=1e-3)
    assert data["work_product"] == NEW_ROLE_ID
    assert sorted(r["id"] for r in data["ranking"]) == sorted(files.catalog.ids)
    new = next(r for r in data["ranking"] if r["id"] == NEW_ROLE_ID)
    assert new["product_match"] is True
    assert new["distance"] == pytest.approx(distance(expected, files.role.position), abs=1e-3)
    # Standing on the new role, with its work product, it is the most likely.
    place = [str(files.role.position.value(a)) for a in AXES]
    direct = files.run(
        "quiz", "--ml", place[0], "--swe", place[1], "--comm", place[2],
        "--product", NEW_ROLE_ID, "--json",
    )  # fmt: skip
    assert json.loads(direct.stdout)["best"] == NEW_ROLE_ID


def test_answers_files_know_the_new_question(files: DataFiles, tmp_path: Path) -> None:
    listed = json.loads(files.run("questions", "--json").stdout)
    assert [q["id"] for q in listed] == [q.id for q in files.questionnaire.questions]
    answers = {q["id"]: q["choices"][0]["value"] for q in listed}
    complete, short = tmp_path / "complete.json", tmp_path / "short.json"
    complete.write_text(json.dumps(answers))
    short.write_text(json.dumps({k: v for k, v in answers.items() if k != NEW_QUESTION_ID}))
    full = files.run("quiz", "--answers", str(complete), "--json")
    assert full.exit_code == 0, full.stderr
    assert json.loads(full.stdout)["unknown_items"] == []
    result = files.run("quiz", "--answers", str(short), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["unknown_items"] == [NEW_QUESTION_ID]
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps({**answers, NEW_QUESTION_ID + "x": 1}))
    assert files.run("quiz", "--answers", str(typo)).exit_code == 2


def test_describe_the_new_role(files: DataFiles) -> None:
    result = files.run("describe", "generalist")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    role = files.role
    for text in (role.name, role.summary, role.work_product, *role.tools, *role.hiring):
        assert text in out
    assert files.catalog.neighbours(role)[0].role.name in out
    data = json.loads(files.run("describe", role.name, "--json").stdout)
    assert data["id"] == NEW_ROLE_ID
    roles = json.loads(files.run("roles", "--json").stdout)
    assert [r["id"] for r in roles] == list(files.catalog.ids)


def test_a_team_covers_the_new_role(files: DataFiles, tmp_path: Path) -> None:
    mle = CATALOG.get("ml-engineer").position
    team = tmp_path / "team.csv"
    team.write_text(
        "name,ml,swe,comm,work_product\n"
        f"Gen One,5,5,5,{NEW_ROLE_ID}\n"
        "Gen Two,5.2,4.9,5,\n"
        f"Ana Lima,{mle.machine_learning},{mle.software_engineering},{mle.communication},mle\n",
        encoding="utf-8",
    )
    data = json.loads(files.run("team", str(team), "--json").stdout)
    assert [m["best"] for m in data["members"]] == [NEW_ROLE_ID, NEW_ROLE_ID, "ml-engineer"]
    coverage = {c["role"]: c for c in data["coverage"]}
    assert list(coverage) == list(files.catalog.ids)
    assert coverage[NEW_ROLE_ID]["count"] == 2
    assert coverage[NEW_ROLE_ID]["best_member"] == "Gen One"
    page = files.run("team", str(team))
    assert page.exit_code == 0, page.stderr
    assert files.role.name in page.stdout


def test_a_posting_for_the_new_role(files: DataFiles, type_keys: TypeKeys) -> None:
    place = ["--ml", "5", "--swe", "5", "--comm", "5"]
    data = json.loads(
        files.run("posting", "--title", "Senior ML generalist", *place, "--json").stdout
    )
    assert data["best"] == data["title_role"] == NEW_ROLE_ID
    assert data["title_matches"] is True

    questionnaire = files.questionnaire
    answers = answers_by_axis(questionnaire, AT_FIVE, NEW_ROLE_ID)
    type_keys(answer_keys(questionnaire, answers) + review_keys(questionnaire))
    result = files.run("posting", "-i", "--title", "ML generalist", "--json", tty=True)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["best"] == NEW_ROLE_ID


def test_the_chart_draws_the_new_role(files: DataFiles, tmp_path: Path) -> None:
    svg = tmp_path / "chart.svg"
    result = files.run("chart", "--svg", str(svg))
    assert result.exit_code == 0, result.stderr
    for role in files.catalog.roles:
        assert role.label in result.stdout and role.name in result.stdout
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")


def test_the_path_and_compare_know_the_new_role(files: DataFiles) -> None:
    data = json.loads(
        files.run("path", "mlg", "--ml", "3", "--swe", "5", "--comm", "5", "--json").stdout
    )
    assert data["target"] == NEW_ROLE_ID
    assert data["gaps"]["machine_learning"] == pytest.approx(2.0)
    compared = json.loads(files.run("compare", "mlg", "mle", "--json").stdout)
    assert [r["id"] for r in compared["roles"]] == [NEW_ROLE_ID, "ml-engineer"]
