"""Lint, types and the README's generated blocks are checked with the tests,
so CI and a contributor's `pytest` catch the same things."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import REPO


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
        result.stdout + result.stderr + "\nRegenerate with: python -m cogapp -r README.md"
    )
