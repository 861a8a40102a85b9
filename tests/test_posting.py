"""mlroles posting: which role a job posting describes, and its title."""

from __future__ import annotations

import json

import pytest

from mlroles.core.axes import Axis
from mlroles.core.posting import article, title_role
from mlroles.files.paths import data_file
from mlroles.files.signals_file import load_lexicon

from .conftest import (
    CATALOG,
    QUESTIONNAIRE,
    Run,
    TypeKeys,
    answer_keys,
    answers_by_axis,
    review_keys,
)

LEXICON = load_lexicon(data_file("signals.toml"), CATALOG, QUESTIONNAIRE)


def test_data_scientist_title_on_an_ml_engineer_posting(run: Run) -> None:
    args = ["posting", "--title", "Data Scientist", "--ml", "7", "--swe", "7.5", "--comm", "3"]
    out = " ".join(run(*args).stdout.split())
    assert "ML engineer is the most likely role for this posting" in out
    assert (
        "this 'Data Scientist' posting reads as an ML engineer job; candidates will search "
        "for ML engineer" in out
    )
    assert "hire strong software engineers with a real interest in ML" in out
    data = json.loads(run(*args, "--json").stdout)
    assert data["best"] == "ml-engineer"
    assert data["title_role"] == "data-scientist"
    assert data["title_matches"] is False
    assert data["ranking"][0]["id"] == "ml-engineer"


def test_matching_title(run: Run) -> None:
    data = json.loads(
        run(
            "posting",
            "--title",
            "Senior Data Scientist",
            "--ml",
            "3",
            "--swe",
            "2",
            "--comm",
            "8",
            "--product",
            "ds",
            "--json",
        ).stdout
    )
    assert data["best"] == "data-scientist"
    assert data["title_role"] == "data-scientist"
    assert data["title_matches"] is True


def test_no_title_gives_null_title_keys(run: Run) -> None:
    data = json.loads(run("posting", "--ml", "5", "--swe", "5", "--comm", "5", "--json").stdout)
    assert data["title_role"] is None and data["title_matches"] is None


def test_title_that_names_no_role(run: Run) -> None:
    data = json.loads(
        run(
            "posting", "--title", "Astronaut", "--ml", "5", "--swe", "5", "--comm", "5", "--json"
        ).stdout
    )
    assert data["title_role"] is None and data["title_matches"] is False


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("ML Engineer", "ml-engineer"),
        ("Staff Machine Learning Engineer", "ml-engineer"),
        ("Sr. Data Engineer", "data-engineer"),
        ("MLOps Engineer II", "ml-devops"),
        ("MLOps Engineer", "ml-devops"),
        ("Senior Data Scientist, Analytics", "data-scientist"),
        ("Product Manager, ML", "ml-product-manager"),
        ("Research Scientist", "ml-researcher"),
        ("AI Engineer", "ml-engineer"),
        ("Analytics Engineer", "data-scientist"),
        ("BI Analyst", "data-scientist"),
        ("Platform Engineer (ML)", "ml-devops"),
        ("Machine Learning Researcher", "ml-researcher"),
        ("UX Researcher", None),
        ("Senior Software Engineer", None),
        ("Astronaut", None),
        ("Data Analyst", "data-scientist"),
        ("Applied Scientist", "ml-researcher"),
        ("Lead ML-PM", "ml-product-manager"),
    ],
)
def test_title_role(title: str, role: str | None) -> None:
    found = title_role(CATALOG, title, LEXICON.title_ignore)
    assert (found.id if found else None) == role


def test_article() -> None:
    assert article("ML engineer") == "an"
    assert article("Data scientist") == "a"


def test_posting_needs_input(run: Run) -> None:
    result = run("posting")
    assert result.exit_code == 2
    assert "--interactive" in result.stderr


def test_interactive_posting_asks_about_the_role(run_tty: Run, type_keys: TypeKeys) -> None:
    levels: dict[Axis, tuple[int, ...]] = {
        "software_engineering": (4,),
        "machine_learning": (4,),
        "communication": (1,),
    }
    answers = answers_by_axis(QUESTIONNAIRE, levels, "ml-engineer")
    type_keys(answer_keys(QUESTIONNAIRE, answers) + review_keys(QUESTIONNAIRE))
    result = run_tty("posting", "-i", "--title", "ML engineer", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["best"] == "ml-engineer"
    assert data["title_matches"] is True


def test_ctrl_c_in_interactive_posting_exits_130(run_tty: Run, type_keys: TypeKeys) -> None:
    type_keys("\r\x03")
    result = run_tty("posting", "-i")
    assert result.exit_code == 130
    assert "Posting cancelled." in result.stderr
    assert result.stdout == ""
