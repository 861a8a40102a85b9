"""Saved results: saving rules, the history command, movement, and faults."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mlroles.core.axes import AXES, Position
from mlroles.core.movement import (
    NOISE_FLOOR_ITEM,
    REAL_CHANGE_Z,
    axis_noise,
    default_noise,
    movement,
)
from mlroles.core.saved import SavedResult
from mlroles.core.scoring import Evidence, assess, build_model
from mlroles.files.history import History, parse_record, record

from .conftest import CATALOG, NEW_QUESTION, QUESTIONNAIRE, REPO, Run, TypeKeys, with_table

DIRECT = ["quiz", "--ml", "6", "--swe", "7", "--comm", "3"]


def results_dir(home: Path) -> Path:
    return home / "results"


def saved_files(home: Path) -> list[Path]:
    return sorted(results_dir(home).glob("result-*.json"))


def test_non_interactive_quiz_saves_only_with_save(run: Run, isolated_home: Path) -> None:
    assert run(*DIRECT).exit_code == 0
    assert saved_files(isolated_home) == []
    result = run(*DIRECT, "--save")
    assert result.exit_code == 0
    (path,) = saved_files(isolated_home)
    assert f"Saved this result to {path}" in result.stderr
    data = json.loads(path.read_text())
    assert data["best"] == "ml-engineer"
    assert data["profile"] == {
        "machine_learning": 6.0,
        "software_engineering": 7.0,
        "communication": 3.0,
    }


def test_history_lists_results_human_and_json(run: Run) -> None:
    assert "No saved results" in run("history").stderr
    assert json.loads(run("history", "--json").stdout) == []
    run(*DIRECT, "--save")
    run("quiz", "--ml", "2", "--swe", "1", "--comm", "8", "--product", "ds", "--save")
    out = run("history").stdout
    assert "ML engineer" in out and "Data scientist" in out
    data = json.loads(run("history", "--json").stdout)
    assert [d["best"] for d in data] == ["ml-engineer", "data-scientist"]
    for entry in data:
        assert set(entry) >= {"when", "profile", "best", "confidence"}
        assert datetime.fromisoformat(entry["when"]).tzinfo is not None


def test_retake_shows_movement(run: Run) -> None:
    run("quiz", "--ml", "2", "--swe", "7", "--comm", "3", "--save")
    result = run("quiz", "--ml", "6.5", "--swe", "7.2", "--comm", "3", "--json")
    moved = json.loads(result.stdout)["movement"]
    assert moved["axes"]["machine_learning"]["change"] == 4.5
    assert moved["axes"]["machine_learning"]["real"] is True
    assert moved["axes"]["software_engineering"]["real"] is False
    model = build_model(CATALOG, QUESTIONNAIRE)
    before = assess(model, Evidence(axes=Position(2, 7, 3))).best.role.id
    assert moved["best_before"] == before
    assert moved["best_after"] == assess(model, Evidence(axes=Position(6.5, 7.2, 3))).best.role.id
    noise = default_noise(QUESTIONNAIRE.items_per_axis).machine_learning
    threshold = REAL_CHANGE_Z * math.hypot(noise, noise)  # a direct place, before and after
    assert 1 < threshold < 4.5
    page = run("quiz", "--ml", "6.5", "--swe", "7.2", "--comm", "3").stdout
    assert "Since your last result" in page
    said = " ".join(page.split())
    assert (
        f"ML: 2.0 → 6.5, up 4.5: a real change (a retake alone moves less than "
        f"{threshold:.1f}, 19 times in 20)" in said
    )
    assert "±" not in said and "-0.0" not in said and "+0.0" not in said
    assert "SWE: 7.0 → 7.2, up 0.2: within chance" in said
    assert "Comm: 3.0 → 3.0, no change" in said
    assert "○ before" in page or "before ○" in page


def test_noise_is_estimated_from_item_spread() -> None:
    assert axis_noise([5.0, 5.0, 5.0]) == pytest.approx(NOISE_FLOOR_ITEM / 3**0.5)
    assert axis_noise([0.0, 5.0, 10.0]) == pytest.approx(5.0 / 3**0.5)
    noisy = Position(2.9, 2.9, 2.9)
    moved = movement(Position(5, 5, 5), noisy, Position(8, 5, 5), noisy, "a", "b")
    assert not moved.axes[0].real  # 3.0 < 1.96 * sqrt(2) * 2.9
    calm_noise = Position(*(axis_noise([5.0] * 3) for _ in AXES))
    calm = movement(Position(5, 5, 5), calm_noise, Position(8, 5, 5), calm_noise, "a", "a")
    assert calm.axes[0].real


def test_a_place_given_directly_is_as_noisy_as_agreeing_answers() -> None:
    """--ml/--swe/--comm: the floor, for as many items as each axis has."""
    counts = QUESTIONNAIRE.items_per_axis
    assert counts == {a: len([q for q in QUESTIONNAIRE.questions if q.axis == a]) for a in AXES}
    noise = default_noise(counts)
    for axis in AXES:
        assert noise.value(axis) == pytest.approx(axis_noise([5.0] * counts[axis]))
    uneven = default_noise({"machine_learning": 4, "software_engineering": 1, "communication": 9})
    assert uneven == Position(NOISE_FLOOR_ITEM / 2, NOISE_FLOOR_ITEM, NOISE_FLOOR_ITEM / 3)


def test_direct_placement_noise_follows_the_questionnaire_in_use(
    run: Run, isolated_home: Path, questions_text: str, write_questions: Callable[[str], Path]
) -> None:
    path = write_questions(with_table(questions_text, NEW_QUESTION))  # one more ML question
    run(*DIRECT, "--save")
    run("--questions", str(path), *DIRECT, "--save")
    before, after = (json.loads(p.read_text())["noise"] for p in saved_files(isolated_home))
    items = QUESTIONNAIRE.items_per_axis["machine_learning"]
    assert before["machine_learning"] == pytest.approx(NOISE_FLOOR_ITEM / items**0.5)
    assert after["machine_learning"] == pytest.approx(NOISE_FLOOR_ITEM / (items + 1) ** 0.5)
    assert before["communication"] == after["communication"]


def test_record_round_trip() -> None:
    saved = SavedResult(
        datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        Position(1, 2, 3),
        default_noise(QUESTIONNAIRE.items_per_axis),
        None,
        "ml-devops",
        "clear",
    )
    assert parse_record(json.loads(json.dumps(record(saved)))) == saved


@pytest.mark.parametrize(
    "content",
    [
        '{"schema_version": 1, "when": "2026-01-0',
        "not json at all",
        '{"hello": "world"}',
        '{"schema_version": 1, "when": "x", "profile": {}, "noise": {}, "work_product": null,'
        ' "best": "x", "confidence": "clear"}',
    ],
    ids=["truncated", "invalid-json", "not-a-record", "bad-fields"],
)
def test_corrupt_file_is_moved_aside_and_quiz_still_works(
    run: Run, isolated_home: Path, content: str
) -> None:
    run(*DIRECT, "--save")
    bad = results_dir(isolated_home) / "result-20990101T000000000000Z-1-bad.json"
    bad.write_text(content)
    result = run(*DIRECT, "--save")
    assert result.exit_code == 0
    assert "ML engineer is the most likely role for you" in " ".join(result.stdout.split())
    assert f"Saved result {bad} could not be read" in result.stderr
    assert "moved it to result-20990101T000000000000Z-1-bad.json.corrupt" in result.stderr
    assert not bad.exists()
    assert (bad.parent / (bad.name + ".corrupt")).read_text() == content
    assert len(saved_files(isolated_home)) == 2
    assert len(json.loads(run("history", "--json").stdout)) == 2


def test_history_folder_that_is_a_file(run: Run, isolated_home: Path) -> None:
    isolated_home.mkdir()
    results_dir(isolated_home).write_text("I am not a folder")
    result = run(*DIRECT, "--save")
    assert result.exit_code == 2  # --save was asked for and did not happen
    assert "ML engineer is the most likely role for you" in " ".join(result.stdout.split())
    assert "is a file, not a folder" in result.stderr and "File exists" not in result.stderr
    assert "The result was not saved." in result.stderr


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """chmod stops other users; root ignores it, so as root use the immutable flag."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode
    ):
        pytest.skip("running as root, and this file system cannot make a folder read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_read_only_history_folder(tmp_path: Path, isolated_home: Path) -> None:
    results = results_dir(isolated_home)
    results.mkdir(parents=True)
    env = {**os.environ, "MLROLES_HOME": str(isolated_home)}
    with read_only(results):
        result = subprocess.run(
            [sys.executable, "-m", "mlroles", *DIRECT, "--save"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 2, result.stderr  # --save was asked for and did not happen
    assert "ML engineer is the most likely role for you" in " ".join(result.stdout.split())
    assert f"Cannot write {results}" in result.stderr
    assert "The result was not saved." in result.stderr
    assert "Traceback" not in result.stderr
    assert list(results.iterdir()) == []


@pytest.mark.slow
def test_eight_concurrent_quizzes_lose_nothing(tmp_path: Path, isolated_home: Path) -> None:
    start = tmp_path / "go"
    script = (
        "import os, sys, time\n"
        f"while not os.path.exists({str(start)!r}): time.sleep(0.001)\n"
        "from mlroles.cli.entry import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                script,
                "quiz",
                "--ml",
                str(i),
                "--swe",
                "5",
                "--comm",
                "5",
                "--save",
                "--json",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        for i in range(8)
    ]
    time.sleep(1.0)  # let every process reach the start line
    start.touch()
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert len(saved_files(isolated_home)) == 8
    saved = History(results_dir(isolated_home)).load()
    assert saved.problems == ()
    assert sorted(r.profile.machine_learning for r in saved.results) == [float(i) for i in range(8)]
    assert not list(results_dir(isolated_home).glob(".*tmp"))


def test_history_numbers_shows_and_keeps_the_answers(run: Run, tmp_path: Path) -> None:
    import json as json_module

    from .conftest import write_answers

    path = write_answers(
        tmp_path / "answers.json",
        {"software_engineering": [4], "machine_learning": [3], "communication": [2]},
        "not-sure",
    )
    answers = json_module.loads(path.read_text(encoding="utf-8"))
    assert run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save").exit_code == 0
    assert run("quiz", "--answers", str(path), "--save").exit_code == 0
    listed = json_module.loads(run("history", "--json").stdout)
    assert [r["number"] for r in listed] == [1, 2]
    assert listed[0]["answers"] == {} and listed[1]["answers"] == answers
    assert 0 < listed[1]["probability"] <= 1
    shown = run("history", "show", "2")
    assert shown.exit_code == 0
    first = QUESTIONNAIRE.questions[0]
    assert first.label_for(answers[first.id]) in " ".join(shown.stdout.split())
    assert run("history", "show", "3").exit_code == 2
    assert run("history", "show").exit_code == 2


def test_history_delete_asks_first_and_never_hangs_without_a_terminal(run: Run) -> None:
    for _ in range(3):
        run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save")
    refused = run("history", "delete", "1")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert len(json.loads(run("history", "--json").stdout)) == 3  # nothing deleted
    assert run("history", "delete", "2", "--yes").exit_code == 0
    assert len(json.loads(run("history", "--json").stdout)) == 2
    assert run("history", "clear").exit_code == 2
    assert run("history", "clear", "--yes").exit_code == 0
    assert json.loads(run("history", "--json").stdout) == []


def test_a_result_from_a_newer_version_is_skipped_and_left_alone(
    run: Run, isolated_home: Path
) -> None:
    run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save")
    folder = isolated_home / "results"
    newer = folder / "result-29990101T000000000000Z-1-abcdef.json"
    newer.write_text('{"schema_version": 99, "something": "new"}\n', encoding="utf-8")
    result = run("history")
    assert result.exit_code == 0
    assert "newer mlroles" in result.stderr
    assert newer.exists() and newer.read_text(encoding="utf-8").startswith('{"schema_version": 99')
    assert not list(folder.glob("*.corrupt*"))


@pytest.mark.parametrize(("key", "left"), [("n", 2), ("y", 1)])
def test_history_delete_asks_in_a_terminal(
    run: Run, run_tty: Run, type_keys: TypeKeys, key: str, left: int
) -> None:
    for _ in range(2):
        run("quiz", "--ml", "5", "--swe", "5", "--comm", "5", "--save")
    type_keys(key)
    result = run_tty("history", "delete", "1")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(run("history", "--json").stdout)) == left


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["history", "shwo", "1"], "Did you mean 'show'?"),
        (["history", "show", "0"], "a whole number from 1"),
        (["history", "delete"], "needs a result's number"),
        (["history", "clear", "2"], "takes no number"),
    ],
)
def test_history_mistakes_are_explained_in_our_words(run: Run, args: list[str], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert said in result.stderr and "Invalid value" not in result.stderr


def test_history_knows_every_confidence_label() -> None:
    from mlroles.core.scoring import Confidence
    from mlroles.files.history import CONFIDENCES

    assert set(CONFIDENCES) == {c.value for c in Confidence}


@pytest.mark.parametrize(
    "change",
    [
        {
            "profile": {
                "machine_learning": float("nan"),
                "software_engineering": 5,
                "communication": 5,
            }
        },
        {
            "noise": {
                "machine_learning": float("inf"),
                "software_engineering": 1,
                "communication": 1,
            }
        },
        {"profile": {"machine_learning": 11, "software_engineering": 5, "communication": 5}},
        {"best": "Not an id!"},
        {"confidence": "sure"},
    ],
)
def test_a_saved_result_with_impossible_values_is_set_aside_not_a_crash(
    run: Run, isolated_home: Path, change: dict[str, object]
) -> None:
    assert run(*DIRECT, "--save").exit_code == 0
    (saved,) = (isolated_home / "results").glob("result-*.json")
    saved.write_text(json.dumps(json.loads(saved.read_text()) | change), encoding="utf-8")
    for args in (["chart", "--me"], [*DIRECT, "--save", "--json"]):
        result = run(*args)
        assert "internal error" not in result.stderr
        assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    assert "could not be read" in run("history").stderr or list(
        (isolated_home / "results").glob("*.corrupt")
    )
    assert len(list((isolated_home / "results").glob("result-*.json"))) == 1  # the new one


def test_stale_temporary_files_of_killed_saves_are_removed(run: Run, isolated_home: Path) -> None:
    assert run(*DIRECT, "--save").exit_code == 0
    folder = isolated_home / "results"
    old = folder / ".result-20200101T000000000000Z-1-aaaaaa.json.x1.tmp"
    fresh = folder / ".result-20200101T000000000000Z-2-bbbbbb.json.x2.tmp"
    for tmp in (old, fresh):
        tmp.write_text('{"half": ', encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    assert run("history").exit_code == 0
    assert old.exists()  # a command that only reads the history leaves it as it is
    assert run(*DIRECT, "--save").exit_code == 0
    assert not old.exists() and fresh.exists()  # a save may still be writing the fresh one


def test_only_a_command_that_writes_history_moves_a_bad_file_aside(
    run: Run, isolated_home: Path
) -> None:
    assert run(*DIRECT, "--save").exit_code == 0
    folder = isolated_home / "results"
    bad = folder / "result-20200101T000000000000Z-1-abcdef.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in (["history"], ["chart", "--me"], ["path", "mle"], [*DIRECT, "--no-save"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "skipped" in result.stderr and bad.exists(), args  # reported, left alone
    assert run(*DIRECT, "--save").exit_code == 0
    assert not bad.exists() and list(folder.glob("*.corrupt"))  # a saving quiz moves it


def test_an_unreadable_history_folder_is_not_called_empty(
    run: Run, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlroles.files import history

    def refuse(self: object, pattern: str) -> object:
        raise PermissionError(13, "Permission denied")

    assert run(*DIRECT, "--save").exit_code == 0
    monkeypatch.setattr(Path, "glob", refuse)
    result = run("history")
    assert "Cannot read the history folder" in result.stderr
    assert "No saved results" not in result.stderr + result.stdout
    assert history  # the module whose folder listing failed


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux")
def test_a_relative_xdg_data_home_and_an_empty_home_are_handled() -> None:
    import pwd

    from mlroles.files.io import data_dir

    account_home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    assert data_dir({"HOME": "/h", "XDG_DATA_HOME": "relative/x"}) == Path(
        "/h/.local/share/mlroles"
    )
    assert data_dir({"HOME": "/h", "XDG_DATA_HOME": "/abs"}) == Path("/abs/mlroles")
    assert data_dir({"HOME": ""}) == account_home / ".local" / "share" / "mlroles"


def test_history_lists_the_latest_by_default_and_all_with_all(
    run: Run, isolated_home: Path
) -> None:
    from mlroles.cli.commands.history import LATEST

    assert run(*DIRECT, "--save").exit_code == 0
    (saved,) = (isolated_home / "results").glob("result-*.json")
    record_text = saved.read_text(encoding="utf-8")
    for n in range(LATEST + 4):  # copies with distinct times
        data = json.loads(record_text) | {"when": f"2025-01-01T00:{n:02d}:00+00:00"}
        (saved.parent / f"result-2025{n:04d}.json").write_text(json.dumps(data), "utf-8")
    total = LATEST + 5
    page = run("history")
    numbers = [line.split()[0] for line in page.stdout.splitlines() if line[:4].strip().isdigit()]
    assert numbers == [str(n) for n in range(total - LATEST + 1, total + 1)]
    assert f"latest {LATEST} of {total}" in page.stderr
    everything = run("history", "--all")
    assert len([ln for ln in everything.stdout.splitlines() if ln[:4].strip().isdigit()]) == total
    assert len(json.loads(run("history", "--json").stdout)) == total


@pytest.mark.parametrize("chunk", [1, 2, 5])
@pytest.mark.parametrize("ascii_only", [False, True])
def test_streamed_history_json_is_the_same_to_the_byte(chunk: int, ascii_only: bool) -> None:
    from mlroles.views.json_data import dumps, history_data, history_json_chunks

    results = tuple(
        SavedResult(
            datetime(2026, 1, 2, 3, i, tzinfo=UTC),
            Position(i / 2, 2, 3),
            default_noise(QUESTIONNAIRE.items_per_axis),
            None,
            "ml-devops",
            "clear",
        )
        for i in range(7)
    )
    whole = dumps(history_data(results), pretty=False, ascii_only=ascii_only)
    assert "".join(history_json_chunks(results, ascii_only, chunk)) == whole
    assert "".join(history_json_chunks((), ascii_only, chunk)) == dumps([], pretty=False)
