"""Start-up time of mlroles against lean baselines, measured in one run.

Each round runs every command once, in an order rotated from round to round,
so that drift in the machine's speed hits them all alike. A command's time is
the CPU time of its process (user + system, from os.wait4), which is far
steadier than wall time on a shared machine; --wall uses wall time instead.
Each ratio is taken within a round, and the script prints its min, median
and max over the rounds. Targets (issue 14): describe at most 1.05x a lean
Typer + rich app with as many commands, and at most 11x `python -c pass`.
Benchmark from a wheel install, or compileall the checkout first.

    python benchmarks/startup.py [--runs 30] [--wall]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LEAN_APP = '''
import tomllib
import typer

app = typer.Typer()
ROLES = tomllib.loads("""
[[roles]]
id = "ml-engineer"
name = "ML engineer"
work_product = "A prediction system serving real data in production"
[[roles]]
id = "data-scientist"
name = "Data scientist"
work_product = "A prediction model, or a report"
""")["roles"]


@app.command()
def describe(role: str) -> None:
    from rich.console import Console
    from rich.table import Table

    found = next(r for r in ROLES if r["id"] == role)
    table = Table("Field", "Value")
    for key, value in found.items():
        table.add_row(key, value)
    Console().print(table)

{extra}
if __name__ == "__main__":
    app()
'''

EXTRA_COMMAND = """
@app.command()
def command_{n}(value: str) -> None:
    print(value)
"""


def command_count() -> int:
    """How many commands mlroles has, so the lean app can match it."""
    from mlroles.cli.main import COMMANDS

    return len(COMMANDS)


def lean_app(directory: Path, commands: int) -> Path:
    extra = "".join(EXTRA_COMMAND.format(n=n) for n in range(commands - 1))
    path = directory / "lean_app.py"
    path.write_text(LEAN_APP.format(extra=extra), encoding="utf-8")
    return path


def time_once(cmd: list[str], cwd: Path, wall: bool = False) -> float:
    """CPU seconds (or wall seconds) of one run of cmd."""
    start = time.perf_counter()
    process = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {process.returncode}")
    if wall:
        return time.perf_counter() - start
    return usage.ru_utime + usage.ru_stime


def measure(
    commands: dict[str, list[str]], runs: int, cwd: Path, wall: bool = False
) -> list[dict[str, float]]:
    """One {name: seconds} per round, the order rotated every round."""
    names = list(commands)
    for cmd in commands.values():  # warm-up: fill the disk cache, compile .pyc files
        time_once(cmd, cwd, wall)
    rounds = []
    for r in range(runs):
        order = names[r % len(names) :] + names[: r % len(names)]
        rounds.append({name: time_once(commands[name], cwd, wall) for name in order})
    return rounds


def spread(rounds: list[dict[str, float]], name: str, base: str) -> str:
    ratios = [one[name] / one[base] for one in rounds]
    return f"{min(ratios):5.2f} {statistics.median(ratios):6.2f} {max(ratios):5.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hyperfine", action="store_true", help="use hyperfine if present")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    args = parser.parse_args()

    mlroles = shutil.which("mlroles") or str(Path(sys.executable).parent / "mlroles")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        app = lean_app(cwd, command_count())
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "lean typer app": [sys.executable, str(app), "describe", "ml-engineer"],
            "mlroles describe ml-engineer": [mlroles, "describe", "ml-engineer"],
            "mlroles --help": [mlroles, "--help"],
        }
        if args.hyperfine and shutil.which("hyperfine"):
            quoted = [" ".join(cmd) for cmd in commands.values()]
            subprocess.run(
                ["hyperfine", "-N", "--warmup", "3", "--runs", str(args.runs), *quoted],
                cwd=cwd,
                check=True,
            )
            return 0
        rounds = measure(commands, args.runs, cwd, args.wall)

    print(f"{args.runs} rounds; {'wall' if args.wall else 'CPU'} time; ratios min median max")
    print(f"{'command':32} {'median ms':>10} {'x python -c pass':>19} {'x lean app':>19}")
    for name in commands:
        median = statistics.median(one[name] for one in rounds)
        print(
            f"{name:32} {median * 1000:10.1f} {spread(rounds, name, 'python -c pass'):>19}"
            f" {spread(rounds, name, 'lean typer app'):>19}"
        )
    print()
    describe = "mlroles describe ml-engineer"
    print(f"describe / lean app (target <= 1.05): {spread(rounds, describe, 'lean typer app')}")
    print(f"describe / python -c pass (target <= 11): {spread(rounds, describe, 'python -c pass')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
