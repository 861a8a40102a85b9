"""One consistent CLI: errors in our own words, the same flags on every
command, and the rough edges a new user hit (issue: one consistent CLI)."""

from __future__ import annotations

import pytest

from .conftest import Run


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
