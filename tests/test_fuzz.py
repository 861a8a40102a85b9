"""Fuzzing every file mlroles reads, bounded in time: whatever the bytes, the
exit code is 0 or 2, there is no internal error, and no escape byte reaches
stdout or stderr."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import QUESTIONNAIRE, ROLES_TOML, mlroles

FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Characters that break parsers or terminals, mixed with ordinary text.
nasty = st.text(
    alphabet=st.sampled_from(
        [*"ab,;\t\n\r\"'=[]{}#0123456789.-_ ", "\x1b", "\x00", "\u202e", "\x9b", "é"]
    ),
    max_size=200,
)


def check(*args: str, input: str | None = None) -> None:
    result = mlroles(*args, input=input)
    assert result.exit_code in (0, 2), (args, result.output[-500:])
    assert "internal error" not in result.stderr, result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    assert "\x9b" not in result.stdout + result.stderr


def mutate(text: str, seed: int, cuts: int) -> str:
    """The text with a few slices replaced by other slices of itself or junk."""
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(cuts):
        at = rng.randrange(len(chars))
        junk = rng.choice(['"', "]", "[[roles]]", "\x1b[2J", "=", "\n", "nan", "-1e999", ""])
        chars[at : at + rng.randrange(1, 40)] = list(junk)
    return "".join(chars)


CATALOG_TEXT = ROLES_TOML.read_text(encoding="utf-8")


@FUZZ
@given(seed=st.integers(0, 2**32), cuts=st.integers(1, 6))
def test_mutated_catalogs(seed: int, cuts: int) -> None:
    folder = Path(os.environ["MLROLES_HOME"]).parent
    path = folder / "fuzz-roles.toml"
    path.write_text(mutate(CATALOG_TEXT, seed, cuts), encoding="utf-8")
    check("--roles", str(path), "roles")
    check("check", str(path))


@FUZZ
@given(
    values=st.dictionaries(
        st.sampled_from([q.id for q in QUESTIONNAIRE.questions]) | nasty,
        st.integers(-3, 9) | nasty | st.floats(allow_nan=True),
        max_size=12,
    )
)
def test_random_answers(values: dict[str, object]) -> None:
    folder = Path(os.environ["MLROLES_HOME"]).parent
    path = folder / "fuzz-answers.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    check("quiz", "--answers", str(path), "--no-save")


@FUZZ
@given(
    body=nasty,
    header=st.sampled_from(
        ["name,ml,swe,comm", "name;ml;swe;comm;work_product", "name\tml\tswe\tcomm", ""]
    ),
)
def test_random_team_files(body: str, header: str) -> None:
    check("team", "-", input=f"{header}\n{body}")


@FUZZ
@given(
    record=st.dictionaries(
        st.sampled_from(
            [
                "schema_version",
                "when",
                "profile",
                "noise",
                "best",
                "confidence",
                "work_product",
                "answers",
                "probability",
            ]
        ),
        st.none()
        | st.integers(-5, 99)
        | nasty
        | st.floats(allow_nan=True)
        | st.dictionaries(nasty, st.floats(allow_nan=True), max_size=3),
        max_size=9,
    )
)
def test_random_history_records(record: dict[str, object]) -> None:
    folder = Path(os.environ["MLROLES_HOME"]) / "results"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "result-20260101T000000000000Z-1-abcdef.json").write_text(json.dumps(record))
    check("history")
    check("chart", "--me")
