"""Text that is not ours (arguments, file names, cells, keys, saved results)
never reaches the terminal as escape sequences or as characters that reorder
or hide text: every command, walked with hostile input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import QUESTIONNAIRE, Run

# Clear screen, a window title, a hidden hyperlink, a clipboard write, a
# right-to-left override, a zero-width space, a line separator and NUL.
HOSTILE = (
    "\x1b[2J\x1b]0;title\x07\x1b]8;;https://x.example/\x1b\\link\x1b]8;;\x1b\\"
    "\x1b]52;c;cHduZWQ=\x07\u202eevil\u200b\u2028\x00"
)
FILE_SAFE = HOSTILE.replace("/", "_").replace("\x00", "")  # what a file name can hold
FORBIDDEN = ("\x1b", "\u202e", "\u200b", "\u2028", "\x00", "\x9b")


def clean_output(text: str) -> bool:
    return not any(c in text for c in FORBIDDEN)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def cases(tmp: Path) -> list[list[str]]:
    first = QUESTIONNAIRE.axis_questions[0].id
    answers = write(tmp / "answers.json", json.dumps({HOSTILE: 3, first: 3}))
    team = write(tmp / "team.csv", f'name,ml,swe,comm\n"{HOSTILE}",1,9,2\n"{HOSTILE}",x,1,1\n')
    posting = write(tmp / "posting.txt", f"{HOSTILE}\nRequirements: Kubernetes and {HOSTILE}\n")
    odd_name = tmp / f"odd{FILE_SAFE}.txt"
    return [
        ["describe", HOSTILE],
        ["compare", "de", HOSTILE],
        ["path", HOSTILE, "--ml", "5", "--swe", "5", "--comm", "5"],
        ["posting", "--title", HOSTILE, "--ml", "5", "--swe", "5", "--comm", "5"],
        ["posting", "--title", HOSTILE, posting],
        ["posting", posting, "--format", "markdown"],
        ["posting", str(odd_name)],
        ["quiz", "--answers", answers, "--no-save"],
        ["quiz", "--ml", HOSTILE, "--swe", "5", "--comm", "5"],
        ["quiz", "--product", HOSTILE, "--ml", "5", "--swe", "5", "--comm", "5"],
        ["team", team],
        ["team", team, "--json"],
        ["team", team, "--strict"],
        ["check", str(odd_name)],
        [HOSTILE],
        ["history", HOSTILE],
    ]


def test_no_command_lets_hostile_text_drive_the_terminal(run: Run, tmp_path: Path) -> None:
    for args in cases(tmp_path):
        result = run(*args)
        assert result.exit_code in (0, 2), (args, result.output)
        assert "internal error" not in result.stderr, (args, result.stderr)
        assert clean_output(result.stdout), (args, result.stdout)
        assert clean_output(result.stderr), (args, result.stderr)


def test_saved_results_with_hostile_fields_are_shown_clean(run: Run, isolated_home: Path) -> None:
    assert run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save").exit_code == 0
    (saved,) = (isolated_home / "results").glob("result-*.json")
    data = json.loads(saved.read_text(encoding="utf-8"))
    data |= {"best": HOSTILE, "confidence": HOSTILE, "work_product": HOSTILE}
    data["answers"] = {HOSTILE: HOSTILE}
    saved.write_text(json.dumps(data), encoding="utf-8")
    (isolated_home / "results" / f"result-x{FILE_SAFE}.json").write_text("{")
    for args in (["history"], ["history", "show", "1"], ["history", "--json"], ["chart", "--me"]):
        result = run(*args)
        assert result.exit_code in (0, 2), (args, result.output)
        assert clean_output(result.stderr), (args, result.stderr)
        if "--json" not in args:
            assert clean_output(result.stdout), (args, result.stdout)


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\ufeff", "\u2066"])
def test_a_name_that_differs_only_by_invisible_characters_is_rejected(
    run: Run, tmp_path: Path, catalog_text: str, char: str
) -> None:
    bad = catalog_text.replace('name = "Data engineer"', f'name = "ML DevOps{char}"', 1)
    path = write(tmp_path / "roles.toml", bad)
    result = run("check", path)
    assert result.exit_code == 2  # it would look exactly like another role's name
    assert "already names role 'ml-devops'" in result.stderr


def test_markdown_reports_keep_text_from_files_inert(
    run: Run, tmp_path: Path, catalog_text: str
) -> None:
    """HTML, headings, links and table pipes from a catalog or a posting title
    come out escaped, never as Markdown or HTML structure."""
    hostile = "<img src=x onerror=alert(1)> [link](https://x.example) | *bold*"
    text = catalog_text.replace(
        'name = "Data scientist"', f'name = "Data scientist {hostile}"', 1
    ).replace(
        'summary = "The broadest title', 'summary = "\\n# Injected heading\\nThe broadest title', 1
    )
    roles = write(tmp_path / "roles.toml", text)
    args = ["--roles", roles, "quiz", "--ml", "5", "--swe", "3", "--comm", "8", "--no-save"]
    report = run(*args, "--format", "markdown")
    assert report.exit_code == 0, report.stderr
    out = report.stdout
    assert "<img" not in out and "&lt;img" in out
    assert re.search(r"(?<!\\)\[", out) is None and "\\[link\\]" in out  # no link
    assert "\n# Injected" not in out and "\n> # Injected" not in out
    posting = run(
        "posting", "--title", f"Data | {hostile}", "--ml", "5", "--swe", "5", "--comm", "5",
        "--format", "markdown",
    )  # fmt: skip
    assert posting.exit_code == 0 and "<img" not in posting.stdout
    table_rows = [line for line in posting.stdout.splitlines() if line.startswith("|")]
    assert all(line.count("|") - line.count("\\|") == 6 for line in table_rows)


# Never destroy a file: exports and the files a run reads.


def test_an_export_onto_an_input_is_refused_and_the_input_kept(
    run: Run, tmp_path: Path, catalog_text: str
) -> None:
    team = write(tmp_path / "team.csv", "name,ml,swe,comm\nAda,5,5,5\n")
    roles = write(tmp_path / "roles.toml", catalog_text)
    first = QUESTIONNAIRE.axis_questions[0].id
    answers = write(tmp_path / "answers.json", json.dumps({first: 3}))
    for args in (
        ["team", team, "--svg", team],
        ["--roles", roles, "chart", "--html", roles],
        ["quiz", "--answers", answers, "--svg", answers, "--no-save"],
        ["posting", team, "--html", team],
    ):
        before = {p: Path(p).read_bytes() for p in (team, roles, answers)}
        result = run(*args)
        assert result.exit_code == 2, args
        assert "would overwrite it" in result.stderr
        assert {p: Path(p).read_bytes() for p in before} == before


def test_exports_keep_devices_symlinks_and_read_only_files(run: Run, tmp_path: Path) -> None:
    import os
    import stat

    assert run("chart", "--svg", os.devnull).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device
    target = tmp_path / "target.svg"
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    assert run("chart", "--svg", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("<svg")
    locked = tmp_path / "locked.svg"
    locked.write_text("mine", encoding="utf-8")
    locked.chmod(0o444)
    refused = run("chart", "--svg", str(locked))
    assert refused.exit_code == 2 and "read-only" in refused.stderr
    assert locked.read_text(encoding="utf-8") == "mine"
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    import threading

    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run("chart", "--svg", str(fifo)).exit_code == 0
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and received[0].startswith(b"<svg")


def test_a_bad_export_path_fails_before_any_question(run_tty: Run, tmp_path: Path) -> None:
    """No questions are asked (stdin is empty) because the path is checked first."""
    result = run_tty("quiz", "--svg", str(tmp_path / "missing" / "x.svg"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# Never crash.


@pytest.mark.parametrize("closed", ["stdout", "stderr", "both"])
def test_closed_standard_streams_are_not_a_crash_and_the_result_is_saved(
    tmp_path: Path, closed: str
) -> None:
    import os
    import subprocess
    import sys

    redirect = {"stdout": ">&-", "stderr": "2>&-", "both": ">&- 2>&-"}[closed]
    home = tmp_path / "home"
    command = f"{sys.executable} -m mlroles quiz --ml 5 --swe 5 --comm 5 --save --json {redirect}"
    done = subprocess.run(
        ["sh", "-c", command],
        env={**os.environ, "MLROLES_HOME": str(home)},
        capture_output=True,
        text=True,
    )
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert len(list((home / "results").glob("result-*.json"))) == 1  # saved all the same
    if closed == "stderr":
        assert done.returncode == 0 and json.loads(done.stdout)["best"]
    else:
        assert done.returncode == 2
    if closed == "stdout":
        assert "Standard output is closed" in done.stderr


@pytest.mark.parametrize("columns", ["100000000000000000000", "100000000", "-5", "٣٠"])
def test_an_absurd_columns_is_clamped(columns: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": columns}
    for args in (["--help"], ["describe", "de"]):
        done = subprocess.run(
            [sys.executable, "-m", "mlroles", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert len(done.stdout) < 200_000


# Say the right thing: catalog uniqueness.


def first_role_table(catalog_text: str) -> str:
    start = catalog_text.index("[[roles]]")
    return catalog_text[start : catalog_text.index("[[roles]]", start + 1)]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda t: t + "\n" + first_role_table(t), "roles[6] ('ml-devops'), field 'id'"),
        (lambda t: t.replace('id = "ml-devops"', 'id = "not-sure"', 1), "reserved"),
        (
            lambda t: t.replace('aliases = ["mlops",', 'aliases = ["---", "mlops",', 1),
            "names nothing",
        ),
        (
            lambda t: t.replace('label = "MLOps"', 'label = "Data eng"', 1),
            "('data-engineer'), field 'label'",
        ),
        (
            lambda t: t.replace(
                "A distributed system that serves training data quickly and reliably",
                "A deployed product, and later the ML infrastructure other teams build on",
                1,
            ),
            "could not tell the choices apart",
        ),
    ],
    ids=[
        "duplicate role",
        "reserved id",
        "empty alias",
        "duplicate label",
        "duplicate work product",
    ],
)
def test_catalog_collisions_are_rejected_and_blame_the_later_role(
    run: Run, tmp_path: Path, catalog_text: str, change: object, said: str
) -> None:
    text = change(catalog_text)  # type: ignore[operator]
    result = run("check", write(tmp_path / "roles.toml", text))
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr


# Say the right thing: input parsing.


def test_json_answers_with_a_key_twice_are_refused(run: Run, tmp_path: Path) -> None:
    first = QUESTIONNAIRE.axis_questions[0].id
    path = write(tmp_path / "a.json", f'{{"{first}": 1, "{first}": 5}}')
    result = run("quiz", "--answers", path, "--no-save")
    assert result.exit_code == 2 and "answered twice" in result.stderr


def test_a_byte_order_mark_is_accepted_in_answers_and_catalogs(
    run: Run, tmp_path: Path, catalog_text: str
) -> None:
    first = QUESTIONNAIRE.axis_questions[0].id
    for name, text in (("a.json", f'{{"{first}": 3}}'), ("a.toml", f"{first} = 3\n")):
        path = tmp_path / name
        path.write_text("\ufeff" + text, encoding="utf-8")
        assert run("quiz", "--answers", str(path), "--no-save").exit_code == 0, name
    roles = tmp_path / "roles.toml"
    roles.write_text("\ufeff" + catalog_text, encoding="utf-8")
    assert run("check", str(roles)).exit_code == 0


@pytest.mark.parametrize("cell", ["1_0", "٣", "inf", "0x5"])
def test_only_plain_numbers_count_in_a_team_file(run: Run, tmp_path: Path, cell: str) -> None:
    path = write(tmp_path / "team.csv", f"name,ml,swe,comm\nAda,{cell},5,5\nBo,5,5,5\n")
    data = json.loads(run("team", path, "--json").stdout)
    assert [m["name"] for m in data["members"]] == ["Bo"]
    assert "not a number" in data["errors"][0]["message"]


def test_minus_zero_is_zero(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "team.csv", "name,ml,swe,comm\nAda,-0,5,5\n")
    member = json.loads(run("team", path, "--json").stdout)["members"][0]
    assert str(member["profile"]["machine_learning"]) == "0.0"


def test_schema_version_must_be_a_whole_number(run: Run, tmp_path: Path, catalog_text: str) -> None:
    text = catalog_text.replace("schema_version = 1", "schema_version = 1.0", 1)
    result = run("check", write(tmp_path / "roles.toml", text))
    assert result.exit_code == 2 and "schema_version" in result.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("long.json", '{"x": ' + "9" * 5000 + "}"),
        ("huge.toml", "# " + "x" * 2_000_000 + "\n"),
    ],
)
def test_parser_limits_are_user_errors(run: Run, tmp_path: Path, name: str, content: str) -> None:
    path = write(tmp_path / name, content)
    for args in (
        ["quiz", "--answers", path, "--no-save"],
        ["check", path],
        ["--roles", path, "roles"],
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "internal error" not in result.stderr


def test_an_endless_file_is_refused_not_read_for_ever(run: Run) -> None:
    import os

    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    for args in (
        ["--roles", "/dev/zero", "roles"],
        ["team", "/dev/zero"],
        ["posting", "/dev/zero"],
        ["quiz", "--from", "/dev/zero"],
    ):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "larger than" in result.stderr or "over 1 MB" in result.stderr


def test_a_header_with_thousands_of_columns_fails_fast(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "wide.csv", ",".join(f"c{i}" for i in range(50_000)) + "\n")
    result = run("team", path)
    assert result.exit_code == 2 and "more than 1,000 columns" in result.stderr


def test_a_team_file_with_cr_line_ends_reads(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes(b"name,ml,swe,comm\rAda,5,5,5\rBo,2,8,2\r")
    data = json.loads(run("team", str(path), "--json").stdout)
    assert [m["name"] for m in data["members"]] == ["Ada", "Bo"]


def test_a_record_over_several_lines_is_numbered_by_its_first(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "team.csv", 'name,ml,swe,comm\n"Ada\nLovelace",x,5,5\nBo,5,5,5\n')
    data = json.loads(run("team", path, "--json").stdout)
    assert data["errors"][0]["row"] == 2
    assert data["members"][0]["row"] == 4


def test_a_column_named_twice_is_an_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "team.csv", "name,ml,swe,comm,ml\nAda,5,5,5,9\n")
    result = run("team", path)
    assert result.exit_code == 2
    assert "'ml' (columns 2, 5) more than once" in result.stderr


@pytest.mark.parametrize("written", ["Not sure", "not_sure", "NOT-SURE"])
def test_not_sure_is_read_however_it_is_written(run: Run, tmp_path: Path, written: str) -> None:
    from .conftest import work_product_question

    first = QUESTIONNAIRE.axis_questions[0].id
    answers = {first: 3, work_product_question().id: written}
    path = write(tmp_path / "a.json", json.dumps(answers))
    result = run("quiz", "--answers", path, "--json", "--no-save")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["work_product"] is None
