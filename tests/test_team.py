"""mlroles team: messy CSV, coverage, JSON, scale properties."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mlroles.core.axes import AXES
from mlroles.core.likelihood import Scored
from mlroles.core.scoring import assess, build_model
from mlroles.core.team import Roster, score_team
from mlroles.files.team_csv import TeamFileError, parse_roster

from .conftest import CATALOG, QUESTIONNAIRE, Run

MODEL = build_model(CATALOG, QUESTIONNAIRE)
ITEMS = [q.id for q in QUESTIONNAIRE.axis_questions]

GOOD = (
    "name,machine_learning,software_engineering,communication,work_product\n"
    "Ana Lima,6.5,7.1,2.8,mle\n"
    "Bo,1.3,9.3,2.8,\n"
    "Cy,9.4,3.7,5,researcher\n"
)

WriteCsv = Callable[[str | bytes], Path]


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    def write(content: str | bytes) -> Path:
        path = tmp_path / "team.csv"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


def test_team_human(run: Run, write_csv: WriteCsv) -> None:
    result = run("team", str(write_csv(GOOD)), env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 members scored" in out
    assert "Ana Lima" in out and "ML engineer" in out
    assert "The team on the chart" in out and "AL" in out
    said = "Data engineer is nobody's most likely role; the nearest on the chart is Bo"
    assert said in " ".join(out.split())
    assert max(len(line) for line in out.splitlines()) <= 60


def test_team_json(run: Run, write_csv: WriteCsv) -> None:
    data = json.loads(run("team", str(write_csv(GOOD)), "--json").stdout)
    assert [m["row"] for m in data["members"]] == [2, 3, 4]
    assert [m["best"] for m in data["members"]] == ["ml-engineer", "ml-devops", "ml-researcher"]
    assert set(data["members"][0]) == {
        "row", "name", "best", "fit", "confidence", "probability", "profile", "work_product"
    }  # fmt: skip
    assert all(None not in m["profile"].values() for m in data["members"])  # places: all axes
    assert all(m["confidence"] is None for m in data["members"])  # only with --stability
    assert all(0 < m["probability"] <= 1 for m in data["members"])
    assert [c["role"] for c in data["coverage"]] == list(CATALOG.ids)
    coverage = {c["role"]: c for c in data["coverage"]}
    assert coverage["ml-engineer"] == {
        "role": "ml-engineer",
        "count": 1,
        "best_member": "Ana Lima",
        "best_fit": 100.0,
    }
    assert coverage["data-engineer"]["count"] == 0
    assert coverage["data-engineer"]["best_member"] == "Bo"
    assert data["errors"] == []


def test_messy_csv_is_accepted(run: Run, write_csv: WriteCsv) -> None:
    messy = (
        "\ufeff Name ; SWE ; ML ; Comm \r\n"
        "\r\n"
        "  Ana Lima ;  7.1 ; 6.5 ; 2.8 \r\n"
        "   \r\n"
        "Bo;9.3;1.3;2.8\r\n"
    )
    data = json.loads(run("team", str(write_csv(messy)), "--json").stdout)
    assert [(m["row"], m["name"], m["best"]) for m in data["members"]] == [
        (3, "Ana Lima", "ml-engineer"),
        (5, "Bo", "ml-devops"),
    ]
    assert data["errors"] == []


def test_a_bad_cell_is_named_as_the_header_names_its_column(run: Run, write_csv: WriteCsv) -> None:
    path = write_csv("name,ml,SWE,comm\nAna,6,7,3\nBo,eleven,7,3\nCy,5,5,\n")
    errors = json.loads(run("team", str(path), "--json").stdout)["errors"]
    assert errors == [
        {"row": 3, "message": "'ml' is 'eleven', not a number."},
        {"row": 4, "message": "'comm' is missing."},
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Dee,5,5", "'communication' is missing."),
        ("Dee,five,5,5", "'machine_learning' is 'five', not a number."),
        ("Dee,5,11,5", "'software_engineering' is 11; use a number from 0 to 10."),
        ("Dee,5,-1,5", "'software_engineering' is -1; use a number from 0 to 10."),
        ("Dee,nan,5,5", "'machine_learning' is 'nan', not a number."),
        (",5,5,5", "'name' is missing."),
        ("Dee,5,5,5,chef", "'work_product' 'chef' is not a role id."),
    ],
)
def test_bad_rows_are_reported_with_their_line(
    run: Run, write_csv: WriteCsv, row: str, message: str
) -> None:
    text = GOOD.replace("Bo,1.3,9.3,2.8,\n", f"Bo,1.3,9.3,2.8,\n\n{row}\n")
    path = write_csv(text)
    result = run("team", str(path), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["errors"] == [{"row": 5, "message": message}]
    assert len(data["members"]) == 3
    assert f"{path}: row 5: {message}" in result.stderr
    strict = run("team", str(path), "--strict")
    assert strict.exit_code == 2
    assert f"row 5: {message}" in strict.stderr
    assert strict.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ('{"members": []}\n', "no usable header"),
        ("name,ml,swe\nAna,1,2\n", "no usable header; missing communication"),
        ("name,ml,swe,comm,ml-research\nAna,1,2,3,4\n", "both places on the chart and question"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        ("name,ml,swe,comm\n", "no valid rows"),
    ],
)
def test_unusable_files_exit_2(
    run: Run, write_csv: WriteCsv, content: str | bytes, message: str
) -> None:
    result = run("team", str(write_csv(content)))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_big_team_gets_a_summary_and_counted_markers(run: Run, write_csv: WriteCsv) -> None:
    rows = "".join(f"Member {i},6.5,7.1,2.8,\n" for i in range(40))
    out = run("team", str(write_csv("name,ml,swe,comm,work_product\n" + rows))).stdout
    assert "40 members scored" in out
    assert "Member 0" in out  # ties for closest member go to the first in the file
    assert "Use --json for every member" not in out  # no confidence without --stability
    stable = run("team", str(write_csv("name,ml,swe,comm,work_product\n" + rows)), "--stability")
    assert "Confidence: 40 clear" in stable.stdout
    assert "Use --json for every member" in stable.stdout
    assert "+" in out  # 40 markers (plus the role) share one spot: counted, not hidden


def test_json_lists_every_member_however_many(run: Run, write_csv: WriteCsv) -> None:
    rows = "".join(f"M{i},{i % 11},{(i * 7) % 11},{(i * 3) % 11}\n" for i in range(1500))
    data = json.loads(run("team", str(write_csv("name,ml,swe,comm\n" + rows)), "--json").stdout)
    assert len(data["members"]) == 1500


members = st.lists(
    st.tuples(
        st.floats(0, 10),
        st.floats(0, 10),
        st.floats(0, 10),
        st.sampled_from(["", "mle", "ds", "mlops", "researcher", "de", "pm"]),
    ),
    max_size=30,
)


def _roster(rows: list[tuple[float, float, float, str]]) -> Roster:
    text = "name,ml,swe,comm,work_product\n" + "".join(
        f"m{i},{a!r},{b!r},{c!r},{p}\n" for i, (a, b, c, p) in enumerate(rows)
    )
    return parse_roster(text, "t.csv", CATALOG, QUESTIONNAIRE)


@settings(max_examples=150)
@given(members)
def test_coverage_counts_add_up_to_valid_rows(rows: list[tuple[float, float, float, str]]) -> None:
    roster = _roster(rows)
    report = score_team(MODEL, roster)
    assert sum(c.count for c in report.coverage) == len(roster.members) == len(rows)


def _agrees(report_stability: bool, roster: Roster) -> None:
    report = score_team(MODEL, roster, report_stability)
    for fit in report.fits:
        expected = assess(MODEL, fit.member.evidence)
        assert fit.best == expected.best.role.id
        assert fit.probability == pytest.approx(expected.best.probability)
        assert fit.fit == pytest.approx(expected.best.fit)
        if report_stability:
            assert fit.stability == expected.stability
            assert fit.confidence == expected.confidence
        else:
            assert fit.stability is None and fit.confidence is None


@settings(max_examples=100, deadline=None)
@given(members, st.booleans())
def test_team_scoring_agrees_with_the_quiz(
    rows: list[tuple[float, float, float, str]], stability: bool
) -> None:
    _agrees(stability, _roster(rows))


answer_rows = st.lists(
    st.tuples(
        st.lists(
            st.sampled_from(["", "1", "2", "3", "4", "5"]), min_size=len(ITEMS), max_size=len(ITEMS)
        ),
        st.sampled_from(["", "not-sure", "mle", "ds", "mlops", "researcher", "de", "pm"]),
    ),
    max_size=20,
)


def _answers_csv(rows: list[tuple[list[str], str]]) -> str:
    header = ",".join(["name", *ITEMS, "work-product"])
    lines = [",".join([f"m{i}", *cells, product]) for i, (cells, product) in enumerate(rows)]
    return "\n".join([header, *lines]) + "\n"


@settings(max_examples=100, deadline=None)
@given(answer_rows)
def test_item_columns_are_scored_exactly_as_the_quiz(rows: list[tuple[list[str], str]]) -> None:
    roster = parse_roster(_answers_csv(rows), "t.csv", CATALOG, QUESTIONNAIRE)
    empty = [i for i, (cells, _) in enumerate(rows) if not any(cells)]
    assert [e.row - 2 for e in roster.errors] == empty
    for member in roster.members:
        cells, _ = rows[member.row - 2]
        unknown = [item for item, cell in zip(ITEMS, cells, strict=True) if not cell]
        assert list(member.evidence.unknown_items) == unknown
        assert dict(member.evidence.levels) == {
            item: int(cell) for item, cell in zip(ITEMS, cells, strict=True) if cell
        }
    _agrees(False, roster)


def test_item_columns_end_to_end(run: Run, write_csv: WriteCsv) -> None:
    cells = {"swe-operations-recent": "5", "swe-data-systems-recent": "3"}
    row = [cells.get(item, "4" if item.startswith("swe") else "1") for item in ITEMS]
    no_comm = [c if not i.startswith("comm") else "" for i, c in zip(ITEMS, row, strict=True)]
    text = _answers_csv([(row, "mlops"), (no_comm, "")])
    data = json.loads(run("team", str(write_csv(text)), "--json", "--stability").stdout)
    first, second = data["members"]
    assert first["best"] == second["best"] == "ml-devops"
    assert 0 <= first["stability"] <= 1 and first["confidence"] in {"clear", "leaning", "toss-up"}
    page = run("team", str(write_csv(text))).stdout
    assert "2 members scored" in page


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("6", "is '6'; use a level from 1 to 5, or leave it empty if it was not asked."),
        ("x", "is 'x'; use a level from 1 to 5"),
    ],
)
def test_a_bad_level_names_the_row_and_the_column(
    run: Run, write_csv: WriteCsv, cell: str, message: str
) -> None:
    good = ["3"] * len(ITEMS)
    bad = [cell, *good[1:]]
    path = write_csv(_answers_csv([(good, ""), (bad, "")]))
    result = run("team", str(path), "--strict")
    assert result.exit_code == 2
    assert f"row 3: '{ITEMS[0]}' {message}" in result.stderr


def test_a_row_with_every_question_empty_is_an_error(run: Run, write_csv: WriteCsv) -> None:
    path = write_csv(_answers_csv([(["3"] * len(ITEMS), ""), ([""] * len(ITEMS), "mle")]))
    result = run("team", str(path), "--json")
    assert json.loads(result.stdout)["errors"] == [
        {"row": 3, "message": "every question is empty; answer at least one."}
    ]


def test_parse_roster_rejects_a_header_only_of_junk() -> None:
    with pytest.raises(TeamFileError):
        parse_roster("a,b,c\n1,2,3\n", "t.csv", CATALOG, QUESTIONNAIRE)


def test_progress_bar_only_when_stderr_is_a_terminal(
    run: Run, run_tty: Run, write_csv: WriteCsv
) -> None:
    rows = "".join(f"M{i},5,5,5\n" for i in range(25_000))
    path = write_csv("name,ml,swe,comm\n" + rows)
    result = run_tty("team", str(path), "--json", env={"TERM": "xterm"})
    assert result.exit_code == 0
    assert "Reading the team" in result.stderr
    piped = run("team", str(path), "--json")
    assert "Reading the team" not in piped.stderr


@settings(max_examples=60, deadline=None)
@given(members, st.integers(min_value=1, max_value=7), st.booleans())
def test_streamed_team_json_is_the_same_to_the_byte(
    rows: list[tuple[float, float, float, str]], chunk: int, ascii_only: bool
) -> None:
    from mlroles.views.json_data import dumps, team_data, team_json_chunks

    report = score_team(MODEL, _roster(rows))
    whole = dumps(team_data(report), pretty=False, ascii_only=ascii_only)
    assert "".join(team_json_chunks(report, ascii_only, chunk)) == whole


def test_a_big_team_streams_the_same_json(run: Run, tmp_path: Path) -> None:
    from mlroles.cli.output import PRETTY_JSON_LIMIT

    path = tmp_path / "big.csv"
    lines = [
        f"Mémber {i},{i % 11},{(i * 7) % 11},{(i * 3) % 11}" for i in range(PRETTY_JSON_LIMIT + 5)
    ]
    path.write_text("name,ml,swe,comm\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("team", str(path), "--json")
    data = json.loads(result.stdout)
    assert len(data["members"]) == PRETTY_JSON_LIMIT + 5
    assert data["members"][-1]["name"] == f"Mémber {PRETTY_JSON_LIMIT + 4}"
    assert sum(c["count"] for c in data["coverage"]) == PRETTY_JSON_LIMIT + 5


@settings(max_examples=60, deadline=None)
@given(answer_rows, st.integers(min_value=1, max_value=7), st.booleans())
def test_streamed_json_of_answers_is_the_same_to_the_byte(
    rows: list[tuple[list[str], str]], chunk: int, stability: bool
) -> None:
    from mlroles.views.json_data import dumps, team_data, team_json_chunks

    roster = parse_roster(_answers_csv(rows), "t.csv", CATALOG, QUESTIONNAIRE)
    report = score_team(MODEL, roster, stability)
    whole = dumps(team_data(report), pretty=False)
    assert "".join(team_json_chunks(report, False, chunk)) == whole


def _flat(blocks: Iterable[Scored]) -> tuple[list[int], list[float], list[list[float]]]:
    """Blocks of scored members, as one list per column; distances per member."""
    best: list[int] = []
    probability: list[float] = []
    d2: list[list[float]] = []
    for block in blocks:
        best += block.best
        probability += block.probability
        d2 += [list(row) for row in zip(*block.role_d2, strict=True)]
    return best, probability, d2


@settings(max_examples=100, deadline=None)
@given(members, st.integers(min_value=1, max_value=5))
def test_the_fast_path_for_places_agrees_with_the_general_one(
    rows: list[tuple[float, float, float, str]], block: int
) -> None:
    """Scored a column at a time, in blocks of any size, places give exactly
    what log_posterior gives member by member."""
    from array import array

    from mlroles.core.team import _scored_answers

    roster = _roster(rows)
    fast = MODEL.batch.score_places(roster.places, roster.products, roster.product_ids, block)
    profiles, plotted = array("d", bytes(24 * len(roster))), bytearray(len(roster))
    general = _scored_answers(MODEL, roster, profiles, plotted, block=1)  # log_posterior each
    assert _flat(fast) == _flat(general)
    assert list(profiles) == list(roster.places)
    assert all(plotted)


def _same_in_blocks(roster: Roster, block: int) -> None:
    """Counts, the nearest member to each role (the first, on a tie) and every
    member's result do not depend on where the blocks fall."""
    whole, blocks = score_team(MODEL, roster), score_team(MODEL, roster, block=block)
    assert list(blocks.best) == list(whole.best)
    assert list(blocks.probability) == list(whole.probability)
    assert list(blocks.fit) == list(whole.fit)
    assert list(blocks.profile) == list(whole.profile)
    assert blocks.coverage == whole.coverage


@settings(max_examples=50, deadline=None)
@given(members, st.integers(min_value=1, max_value=4))
def test_places_scored_in_blocks_are_the_team_scored_at_once(
    rows: list[tuple[float, float, float, str]], block: int
) -> None:
    _same_in_blocks(_roster(rows), block)


@settings(max_examples=50, deadline=None)
@given(answer_rows, st.integers(min_value=1, max_value=4))
def test_answers_scored_in_blocks_are_the_team_scored_at_once(
    rows: list[tuple[list[str], str]], block: int
) -> None:
    roster = parse_roster(_answers_csv(rows), "t.csv", CATALOG, QUESTIONNAIRE)
    assume(len(roster) > 0)
    _same_in_blocks(roster, block)


@settings(max_examples=500)
@given(
    st.one_of(
        st.text(max_size=8),
        st.text(alphabet="0123456789.+-eE_ infa", max_size=8),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    )
)
def test_a_number_cell_is_read_as_the_plain_decimal_rule_says(cell: str) -> None:
    import math

    from mlroles.files.team_csv import NUMBER, _number

    value = cell.strip()
    got = _number(value, "ml")
    if NUMBER.fullmatch(value) and math.isfinite(float(value)) and 0 <= float(value) <= 10:
        assert got == float(value) + 0.0 and not isinstance(got, str)
    else:
        assert isinstance(got, str)


def test_a_member_on_a_role_s_place_is_counted_with_it(run: Run, write_csv: WriteCsv) -> None:
    """The chart counts every marker on a spot, roles as well as members, and
    its legend says so."""
    role = CATALOG.roles[0]
    ml, swe, comm = (role.position.value(axis) for axis in AXES)
    path = write_csv(f"name,ml,swe,comm\nAna,{ml},{swe},{comm}\n")
    page = run("team", str(path)).stdout
    chart = page[page.index("The team on the chart") : page.index("Communication:")]
    assert "2" in chart and "*" not in chart  # the member and the role, as one count
    assert "a digit counts the members and roles that share a spot" in page
