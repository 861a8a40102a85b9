"""Survey figures: the aggregates file against the catalog, the pages and JSON
that show them, the credit line, and the derivation script's input checks."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlroles.core.axes import AXES
from mlroles.core.catalog import Role
from mlroles.core.survey import ChartCheck, Spread, Survey
from mlroles.files.paths import optional_data_file
from mlroles.files.survey_file import SurveyDataError, load_survey
from mlroles.views.survey import agreement
from tests.conftest import CATALOG, REPO, Run


def shipped_survey() -> Survey:
    path = optional_data_file("survey_2022.json")
    survey = None if path is None else load_survey(path)
    assert survey is not None, "data/survey_2022.json ships with mlroles"
    return survey


SURVEY = shipped_survey()
SCRIPT = REPO / "scripts" / "survey_facts.py"
WITH_TITLES = [r for r in CATALOG.roles if r.survey_titles]
WITHOUT_TITLES = [r for r in CATALOG.roles if not r.survey_titles]


def words(text: str) -> str:
    """Text with its line breaks and padding folded, as one line."""
    return " ".join(text.split())


def test_every_group_names_a_catalog_role_or_kind_with_the_same_titles() -> None:
    assert SURVEY.groups
    for group in SURVEY.groups:
        role = CATALOG.get(group.role)  # KeyError: a role the catalog does not have
        if group.kind is None:
            assert set(group.titles) == set(role.survey_titles)
        else:
            kind = next(k for k in role.variants if k.id == group.kind)
            assert set(group.titles) == set(kind.survey_titles)


def test_every_role_with_survey_titles_has_figures() -> None:
    for role in WITH_TITLES:
        group = SURVEY.for_role(role)
        assert group is not None and group.respondents > 0, role.id


def test_figures_are_shares_and_quartiles_in_order() -> None:
    for group in SURVEY.groups:
        for share in (*group.activities, *group.languages, *group.tools, group.in_production):
            assert 0 <= share.share <= 1 and 0 < share.answered <= group.respondents
        assert group.placed <= group.respondents
        for axis, spread in group.chart:
            assert axis != "communication"  # the survey does not ask: never placed
            assert spread.low <= spread.median <= spread.high


@pytest.mark.parametrize("role", WITH_TITLES, ids=lambda r: r.id)
def test_describe_shows_the_figures_with_the_credit_line(run: Run, role: Role) -> None:
    result = run("describe", role.id)
    group = SURVEY.for_role(role)
    assert result.exit_code == 0 and group is not None
    page = words(result.stdout)
    assert f"n = {group.respondents:,}" in page
    assert "What people with this title report" in page
    assert words(SURVEY.credit) in page
    assert f"{group.activities[0].share:.0%}" in page


@pytest.mark.parametrize("role", WITHOUT_TITLES, ids=lambda r: r.id)
def test_a_role_without_a_survey_title_gets_no_figures(run: Run, role: Role) -> None:
    result = run("describe", role.id)
    page = words(result.stdout)
    assert "there are no survey figures" in page
    assert "n = " not in page and SURVEY.credit not in page
    data = json.loads(run("describe", role.id, "--json").stdout)
    assert data["survey"]["role"] is None and data["survey"]["kinds"] == []


def test_describe_json_carries_the_survey_section(run: Run) -> None:
    role = WITH_TITLES[0]
    data = json.loads(run("describe", role.id, "--json").stdout)
    section = data["survey"]
    assert section["credit"] == SURVEY.credit
    group = SURVEY.for_role(role)
    assert group is not None
    assert section["role"]["respondents"] == group.respondents
    assert section["role"]["years_coding"]["median"] == group.years_coding.median
    assert section["role"]["chart"]["communication"] is None


def test_compare_shows_figures_side_by_side_with_the_credit(run: Run) -> None:
    ids = [r.id for r in CATALOG.roles[:3]]
    result = run("compare", *ids, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert words(SURVEY.credit) in words(result.stdout)
    data = json.loads(run("compare", *ids, "--json").stdout)
    assert [s["role"] and s["role"]["role"] for s in data["survey"]] == [
        r.id if SURVEY.for_role(r) else None for r in CATALOG.roles[:3]
    ]


def test_chart_survey_draws_medians_and_says_where_it_disagrees(run: Run) -> None:
    result = run("chart", "--survey", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    page = words(result.stdout)
    assert "◇" in result.stdout and words(SURVEY.credit) in page
    assert "Communication is not placed" in page
    data = json.loads(run("chart", "--survey", "--json").stdout)
    checks = data["survey"]["checks"]
    inside = sum(c["inside"] for c in checks)
    assert f"{inside} of the {len(checks)} chart places" in page
    assert all(c["axis"] != "communication" for c in checks)


def test_chart_survey_at_60_columns_fits(run: Run) -> None:
    result = run("chart", "--survey", env={"COLUMNS": "60"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_without_the_figures_file_pages_have_no_survey(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mlroles.files.survey_file.load_survey", lambda path: None)
    role = WITH_TITLES[0].id
    assert "What people with this title report" not in run("describe", role).stdout
    assert json.loads(run("describe", role, "--json").stdout)["survey"] is None
    missing = run("chart", "--survey")
    assert missing.exit_code == 2 and "No survey figures" in missing.stderr


def test_a_custom_catalog_without_survey_titles_works_unchanged(
    run: Run, tmp_path: Path, catalog_text: str
) -> None:
    custom = tmp_path / "roles.toml"
    custom.write_text(re.sub(r"(?m)^survey_titles = .*\n", "", catalog_text), encoding="utf-8")
    for args in (("describe", WITH_TITLES[0].id), ("chart", "--survey"), ("compare", "de", "mle")):
        result = run("--roles", str(custom), *args)
        assert result.exit_code == 0, result.stderr
        assert "n = " not in result.stdout
    page = words(run("--roles", str(custom), "chart", "--survey").stdout)
    assert "cannot check the chart" in page


def test_figures_made_from_other_titles_are_not_shown(tmp_path: Path, catalog_text: str) -> None:
    from mlroles.files.catalog_file import parse_catalog

    role = WITH_TITLES[0]
    text = catalog_text.replace(
        f"survey_titles = {json.dumps(list(role.survey_titles))}",
        'survey_titles = ["Statistician"]',
    )
    other = parse_catalog(text, "test").get(role.id)
    assert other.survey_titles == ("Statistician",)
    assert SURVEY.for_role(other) is None


spreads = st.tuples(*[st.floats(0, 10)] * 3).map(lambda t: Spread(*sorted(t)))


@given(st.lists(st.tuples(st.floats(0, 10), spreads), max_size=8))
def test_agreement_counts_what_is_inside(pairs: list[tuple[float, Spread]]) -> None:
    checks = tuple(ChartCheck("Role", "machine_learning", v, s) for v, s in pairs)
    text = agreement(checks)
    inside = [c for c in checks if c.spread.low <= c.chart <= c.spread.high]
    if checks:
        assert text.startswith(f"{len(inside)} of the {len(checks)} chart places")
        assert ("outside it" in text) == (len(inside) < len(checks))


def test_a_broken_figures_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "survey.json"
    bad.write_text('{"schema_version": 1, "name": "x", "credit": "c", "groups": [{"role": "x"}]}')
    with pytest.raises(SurveyDataError, match="groups\\[0\\]"):
        load_survey(bad)
    bad.write_text("{not json")
    with pytest.raises(SurveyDataError, match="not valid JSON"):
        load_survey(bad)
    assert load_survey(tmp_path / "absent.json") is None


# The derivation script, on small files of our own (the real survey is not in
# the repository).
MAPPING_COLUMNS = (
    "title", "years_coding", "years_ml", "education", "activities", "languages",
    "ml_frameworks", "bigdata_products", "cloud_platforms", "n_mlops_tools", "research_used_ml",
    "employer_uses_ml", "bi_tools", "model_serving_tools", "ml_monitoring_tools",
)  # fmt: skip


def survey_csv(path: Path, columns: tuple[str, ...], rows: int) -> None:
    sample = {
        "title": WITH_TITLES[0].survey_titles[0],
        "years_coding": "3-5 years",
        "years_ml": "1-2 years",
        "education": "Master's degree",
        "activities": "Analyze and understand data to influence product or business decisions",
        "languages": "Python|SQL",
        "ml_frameworks": "Scikit-learn",
        "bigdata_products": "MySQL",
        "cloud_platforms": "",
        "n_mlops_tools": "0",
        "research_used_ml": "",
        "employer_uses_ml": "I do not know",
        "bi_tools": "Tableau",
        "model_serving_tools": "",
        "ml_monitoring_tools": "",
    }
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for index in range(rows):
            writer.writerow(
                sample
                | {
                    "employer_uses_ml": [
                        "No (we do not use ML methods)",
                        sample["employer_uses_ml"],
                    ][index % 2]
                }
            )


def test_the_script_refuses_a_file_without_the_columns_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    survey_csv(path, tuple(c for c in MAPPING_COLUMNS if c not in ("activities", "bi_tools")), 3)
    out = tmp_path / "out.toml"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--csv", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "activities" in done.stderr and "bi_tools" in done.stderr
    assert not out.exists()


def test_the_script_writes_a_file_the_package_reads(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    survey_csv(path, MAPPING_COLUMNS, 40)
    out = tmp_path / "out.toml"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--csv", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    written = load_survey(out)
    assert isinstance(written, Survey)
    (group,) = written.groups
    assert group.role == WITH_TITLES[0].id and group.respondents == 40
    assert group.years_coding.median == "3-5 years"
    assert group.in_production.share == 0 and group.in_production.answered == 20
    assert {axis for axis, _ in group.chart} <= set(AXES) - {"communication"}


@pytest.mark.parametrize("columns", ["250", "60"])
def test_compare_side_by_side_or_stacked_shows_every_roles_survey_rows(
    run: Run, columns: str
) -> None:
    """Roles with and without a survey title, in either order, line up."""
    order = [*WITH_TITLES[:2], *WITHOUT_TITLES[:1]]
    for roles in (order, order[::-1]):
        result = run("compare", *(r.id for r in roles), env={"COLUMNS": columns})
        assert result.exit_code == 0, result.stderr
        page = words(result.stdout)
        for role in roles:
            group = SURVEY.for_role(role)
            if group is not None:
                assert f"{group.respondents:,}" in page
        assert "no survey title" in page
