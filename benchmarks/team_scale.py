"""`mlroles team FILE --json` on 1k, 10k and 100k members, against the I/O floor.

Two kinds of team file: places on the chart (ml, swe, comm) and questionnaire
answers (one column per question id, some cells empty). The floor reads the
same CSV with csv.reader and writes one JSON record per member with a single
json.dumps, doing no scoring. Each pair runs in turn so
drift on a shared machine hits both; the script prints median times, the
ratio to the floor (target: at most 3x) and peak memory (which should grow
linearly with the number of members).

    python benchmarks/team_scale.py [--runs 3] [--kind places|answers]
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

SIZES = (1_000, 10_000, 100_000)
FLOOR = """
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
members = [{"row": i + 2, "name": r[0], "cells": r[1:]} for i, r in enumerate(rows[1:])]
sys.stdout.write(json.dumps({"members": members}))
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


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kind", choices=("places", "answers"), default="places")
    args = parser.parse_args()
    make = make_answers_csv if args.kind == "answers" else make_csv
    mlroles = shutil.which("mlroles") or str(Path(sys.executable).parent / "mlroles")
    print(f"{'members':>8} {'floor s':>8} {'mlroles s':>10} {'ratio':>6} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        for size in SIZES:
            csv_path = Path(tmp) / f"team{size}.csv"
            make(csv_path, size)
            commands = {
                "floor": [sys.executable, str(floor), str(csv_path)],
                "mlroles": [mlroles, "team", str(csv_path), "--json"],
            }
            times: dict[str, list[float]] = {name: [] for name in commands}
            peak = 0
            for _ in range(args.runs):
                for name, cmd in commands.items():
                    seconds, kib = run(cmd)
                    times[name].append(seconds)
                    if name == "mlroles":
                        peak = max(peak, kib)
            f, m = statistics.median(times["floor"]), statistics.median(times["mlroles"])
            print(f"{size:>8} {f:8.3f} {m:10.3f} {m / f:6.2f} {peak / 1024:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
