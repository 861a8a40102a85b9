"""Start-up time of mlroles against lean baselines, measured in one run.

Runs every command in turn (A B C D A B C D ...) so that drift in the machine's
speed hits them all alike, then prints each median and its ratio to the
baselines. Uses hyperfine instead when it is installed and --hyperfine is given.

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
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


def time_once(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def measure(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm-up: fill the disk cache, compile .pyc files
        time_once(cmd, cwd)
    for _ in range(runs):
        for name, cmd in commands.items():
            samples[name].append(time_once(cmd, cwd))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--hyperfine", action="store_true", help="use hyperfine if present")
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
        medians = measure(commands, args.runs, cwd)

    floor = medians["python -c pass"]
    lean = medians["lean typer app"]
    print(f"{'command':32} {'median ms':>10} {'x python':>9} {'x lean':>7}")
    for name, value in medians.items():
        print(f"{name:32} {value * 1000:10.1f} {value / floor:9.2f} {value / lean:7.2f}")
    describe = medians["mlroles describe ml-engineer"]
    print()
    print(f"describe vs lean app: {describe / lean:.2f}x (target <= 1.10)")
    print(f"describe vs python -c pass: {describe / floor:.1f}x (target <= 12)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
