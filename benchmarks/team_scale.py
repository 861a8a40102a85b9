"""`mlroles team FILE --json` on 10^4, 10^5 and 10^6 members, against the I/O floor.

Two kinds of team file: places on the chart (ml, swe, comm) and questionnaire
answers (one column per question id, some cells empty). The floor is what a
user would write without us, in a fresh process: csv.reader reads the file
into a list and one json.dumps writes it out, no scoring. Each pair runs in
turn so drift on a shared machine hits both; the script prints the ratio of
each run's time to its floor's (min, median and max over --runs) and the
peak resident memory of mlroles and of the floor (target at 10^6: at most
300 MB; at 10^5 the time ratio's target is 2.5).

    python benchmarks/team_scale.py [--runs 20] [--kind places|answers] [--sizes 10000 100000]

With --phases it says where mlroles' time goes instead: reading, scoring and
writing the JSON, each timed in one process and divided by the floor's time
in the same round.

    python benchmarks/team_scale.py --phases [--runs 10] [--sizes 100000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (10_000, 100_000, 1_000_000)
FLOOR = """
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
sys.stdout.write(json.dumps(rows))
"""
# Runs a command and prints its peak resident memory (KiB) on stderr.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""


PRODUCTS = ["", "", "ml-engineer", "data-scientist", "ml-devops"]


def make_csv(path: Path, members: int) -> None:
    rng = random.Random(members)
    lines = ["name,machine_learning,software_engineering,communication,work_product"]
    lines += [
        f"Member {i},{rng.uniform(0, 10):.2f},{rng.uniform(0, 10):.2f},"
        f"{rng.uniform(0, 10):.2f},{rng.choice(PRODUCTS)}"
        for i in range(members)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_answers_csv(path: Path, members: int) -> None:
    """Answers to the shipped questionnaire; about one cell in ten left empty."""
    from mlroles.files.catalog_file import load_catalog
    from mlroles.files.paths import data_file
    from mlroles.files.questionnaire_file import load_questionnaire

    catalog = load_catalog(data_file("roles.toml"))
    ids = [q.id for q in load_questionnaire(data_file("questions.toml"), catalog).axis_questions]
    rng = random.Random(members)
    lines = [",".join(["name", *ids, "work_product"])]
    for i in range(members):
        cells = ["" if rng.random() < 0.1 else str(rng.randint(1, 5)) for _ in ids]
        lines.append(",".join([f"Member {i}", *cells, rng.choice(PRODUCTS)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak memory (KiB) of one run."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1])


# Times the three phases of `team --json` in one process (seconds, one line).
PHASES = """
import io, sys, time
from mlroles.cli.environment import Environment
from mlroles.cli.state import AppState
from mlroles.core.team import score_team
from mlroles.files.team_csv import decode_team_file, parse_roster
from mlroles.views.json_data import team_json_chunks

model = AppState(env=Environment.from_process(), roles_path=None, debug=False).model()
start = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    text = decode_team_file(f.read(), sys.argv[1])
roster = parse_roster(text, sys.argv[1], model.catalog, model.questionnaire)
read = time.perf_counter()
report = score_team(model, roster)
scored = time.perf_counter()
out = io.StringIO()
for piece in team_json_chunks(report):
    out.write(piece)
written = time.perf_counter()
print(read - start, scored - read, written - scored)
"""


def phases(csv_path: Path, floor: Path, runs: int) -> None:
    """Each phase's time over the floor's, within a round (min, median, max)."""
    shares: dict[str, list[float]] = {"read": [], "score": [], "write JSON": []}
    for _ in range(runs):
        floor_seconds = run([sys.executable, str(floor), str(csv_path)])[0]
        done = subprocess.run(
            [sys.executable, "-c", PHASES, str(csv_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        for name, seconds in zip(shares, done.stdout.split(), strict=True):
            shares[name].append(float(seconds) / floor_seconds)
    for name, ratios in shares.items():
        print(
            f"{name:>12} / floor: {min(ratios):.2f} {statistics.median(ratios):.2f}"
            f" {max(ratios):.2f}"
        )


def compare(csv_path: Path, floor: Path, mlroles: str, size: int, runs: int) -> None:
    """`team --json` against the floor, in turn: the ratios and peak memory."""
    commands = {
        "floor": [sys.executable, str(floor), str(csv_path)],
        "mlroles": [mlroles, "team", str(csv_path), "--json"],
    }
    ratios: list[float] = []
    peak = {name: 0 for name in commands}
    for _ in range(runs):
        seconds = {}
        for name, cmd in commands.items():
            seconds[name], kib = run(cmd)
            peak[name] = max(peak[name], kib)
        ratios.append(seconds["mlroles"] / seconds["floor"])
    print(
        f"{size:>9} {min(ratios):9.2f} {statistics.median(ratios):7.2f}"
        f" {max(ratios):6.2f} {peak['mlroles'] / 1024:9.0f} {peak['floor'] / 1024:10.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--kind", choices=("places", "answers"), default="places")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--phases", action="store_true", help="time each phase against the floor")
    args = parser.parse_args()
    make = make_answers_csv if args.kind == "answers" else make_csv
    mlroles = shutil.which("mlroles") or str(Path(sys.executable).parent / "mlroles")
    if not args.phases:
        print(f"{args.kind} files, {args.runs} runs per size; ratio = mlroles time / floor time")
        print(
            f"{'members':>9} {'ratio min':>9} {'median':>7} {'max':>6}"
            f" {'peak MiB':>9} {'floor MiB':>10}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        for size in args.sizes:
            csv_path = Path(tmp) / f"team{size}.csv"
            make(csv_path, size)
            if args.phases:
                print(f"{args.kind}, {size} members, {args.runs} rounds: min median max")
                phases(csv_path, floor, args.runs)
            else:
                compare(csv_path, floor, mlroles, size, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
