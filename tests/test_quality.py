"""Lint, types and the README's generated blocks are checked with the tests,
so CI and a contributor's `pytest` catch the same things."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from .conftest import REPO, counts_of_the_data, stated_counts


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_ruff_lint_is_clean() -> None:
    result = tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    result = tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_output_is_up_to_date() -> None:
    result = tool("cogapp", "--check", "-I", "docs", "README.md")
    assert result.returncode == 0, (
        result.stdout + result.stderr + "\nRegenerate with: python -m cogapp -r -I docs README.md"
    )


def test_docs_chart_svg_is_what_its_script_makes(tmp_path: Path) -> None:
    """docs/chart.svg, the README's picture, is checked like the README's output."""
    committed = REPO / "docs" / "chart.svg"
    assert f"]({committed.relative_to(REPO)})" in (REPO / "README.md").read_text()
    made = tmp_path / "chart.svg"
    runpy.run_path(str(REPO / "docs" / "make_chart_svg.py"))["make"](made)
    assert ElementTree.parse(made).getroot().tag.endswith("svg")
    assert made.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        "docs/chart.svg is out of date. Regenerate with: python docs/make_chart_svg.py"
    )


def test_readme_prose_does_not_state_how_many_roles_or_questions_there_are() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)  # generated output may count
    stated = stated_counts(prose, counts_of_the_data(), digits=False)  # prose counts in words
    # There are three axes whatever the data says; that is not a count of the data.
    assert [found for found in stated if not found.lower().startswith("three ax")] == []


def test_readme_states_the_team_block_size_the_code_uses() -> None:
    from mlroles.core.likelihood import ROWS_PER_BLOCK

    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"in blocks of ([\d,]+) members", text) == [f"{ROWS_PER_BLOCK:,}"]


def readme_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M)


def test_readme_quick_start_is_the_first_two_blocks() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_two = re.findall(r"^```.*?\n(.*?)^```", text, re.S | re.M)[:2]
    assert "pip install .\nmlroles quiz" in first_two[0]
    assert "pip install -e '.[test]'\npytest" in first_two[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "blocks[1]" in ci


def test_readme_script_example_runs(tmp_path: Path) -> None:
    (block,) = [b for b in readme_blocks() if "answers.toml" in b]
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"best": "ml-engineer"') == 2
