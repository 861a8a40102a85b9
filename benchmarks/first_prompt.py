"""Time from starting `mlroles quiz` to its first prompt on screen, against a
minimal questionary app that asks one select question, in one run: each round
runs every command once in a rotated order, and each ratio is taken within a
round (min, median and max over the rounds). A bare `mlroles quiz` starts
without Typer (cli/entry.py); `mlroles --debug quiz` goes through the Typer
app, and the same select behind a two-command Typer app shows Typer's share.

Both run in a pseudo-terminal (pexpect), so prompt_toolkit starts for real.

    python benchmarks/first_prompt.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

MINIMAL_APP = """
import questionary

questionary.select(
    "1/10 Production code: what is the most you have done?",
    choices=["one", "two", "three", "four", "five"],
).unsafe_ask()
"""

# The same question behind a one-command Typer app: how much of the gap is Typer's.
TYPER_APP = """
import typer

app = typer.Typer()


@app.command()
def quiz() -> None:
    import questionary

    questionary.select(
        "1/10 Production code: what is the most you have done?",
        choices=["one", "two", "three", "four", "five"],
    ).unsafe_ask()


@app.command()
def other(value: str) -> None:
    print(value)


app()
"""


def time_to_prompt(cmd: list[str], expect: str, cwd: Path) -> float:
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    start = time.perf_counter()
    child = pexpect.spawn(
        cmd[0], cmd[1:], cwd=str(cwd), env=env, dimensions=(24, 80), encoding="utf-8", timeout=30
    )
    child.expect(expect)
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    mlroles = shutil.which("mlroles") or str(Path(sys.executable).parent / "mlroles")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        app = cwd / "minimal_select.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        typer_app = cwd / "typer_select.py"
        typer_app.write_text(TYPER_APP, encoding="utf-8")
        commands = {
            "minimal questionary app": ([sys.executable, str(app)], "1/10 Production"),
            "typer + questionary app": (
                [sys.executable, str(typer_app), "quiz"],
                "1/10 Production",
            ),
            "mlroles quiz": ([mlroles, "quiz"], "1/10 Production"),
            "mlroles --debug quiz (app)": ([mlroles, "--debug", "quiz"], "1/10 Production"),
        }
        names = list(commands)
        rounds: list[dict[str, float]] = []
        for cmd, expect in commands.values():  # warm-up
            time_to_prompt(cmd, expect, cwd)
        for r in range(args.runs):  # the order rotates, so drift hits all alike
            order = names[r % len(names) :] + names[: r % len(names)]
            rounds.append({name: time_to_prompt(*commands[name], cwd) for name in order})

    base = "minimal questionary app"
    print(f"{args.runs} rounds; ratio to the minimal app within each round: min median max")
    print(f"{'command':26} {'median ms':>10} {'ratio min':>10} {'median':>7} {'max':>6}")
    for name in names:
        ratios = [one[name] / one[base] for one in rounds]
        median = statistics.median(one[name] for one in rounds)
        print(
            f"{name:26} {median * 1000:10.1f} {min(ratios):10.2f}"
            f" {statistics.median(ratios):7.2f} {max(ratios):6.2f}"
        )
    ratios = [one["mlroles quiz"] / one[base] for one in rounds]
    print(
        f"\nmlroles quiz vs minimal app: {statistics.median(ratios):.2f}x median "
        "(target <= 1.20); a bare quiz skips Typer, --debug quiz goes through the app"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
