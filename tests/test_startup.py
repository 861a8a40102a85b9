"""Commands that do not prompt never load the prompt libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("questionary", "prompt_toolkit", "pydantic")

PROBE = """
import io, json, sys, contextlib
from mlroles.cli.entry import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["describe", "ml-engineer"],
        ["roles"],
        ["roles", "--json"],
        ["quiz", "--ml", "5", "--swe", "5", "--comm", "5"],
        ["questions", "--json"],
    ],
)
def test_reference_commands_do_not_import_prompt_libraries(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    loaded = {m.split(".")[0] for m in report["modules"]}
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)
