"""`mlroles history` with 10,000 saved results, against the same with one.

Two history folders (MLROLES_HOME) are filled with results written by the
library's own History.save: one result, and --results of them (10,000 by
default). Each round runs every command once, in a rotated order; each ratio
is taken within a round (min, median and max over the rounds), and the
median wall time is printed too (target, issue 14: the text list of 10,000
in at most 2 s; the list shows the latest 20, and --json streams every one).

    python benchmarks/history_scale.py [--runs 20] [--results 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mlroles.core.axes import Position
from mlroles.core.saved import SavedResult
from mlroles.files.history import History

ROLES = ["ml-devops", "data-engineer", "ml-engineer", "ml-researcher", "data-scientist"]


def fill(home: Path, count: int) -> None:
    history = History(home / "results")
    rng = random.Random(count)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(count):
        history.save(
            SavedResult(
                when=start + timedelta(minutes=i),
                profile=Position(rng.uniform(0, 10), rng.uniform(0, 10), rng.uniform(0, 10)),
                noise=Position(0.6, 0.6, 0.8),
                work_product=None,
                best=rng.choice(ROLES),
                confidence="clear",
                probability=round(rng.random(), 4),
                answers=(("swe-production-recent", rng.randint(1, 5)),),
            )
        )


def wall(cmd: list[str], home: Path) -> float:
    env = {**os.environ, "MLROLES_HOME": str(home), "NO_COLOR": "1"}
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--results", type=int, default=10_000)
    args = parser.parse_args()
    mlroles = shutil.which("mlroles") or str(Path(sys.executable).parent / "mlroles")
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one", Path(tmp) / "many"
        fill(one, 1)
        fill(many, args.results)
        runs = {
            "text, 1 result": ([mlroles, "history"], one),
            f"text, {args.results:,} results": ([mlroles, "history"], many),
            "--json, 1 result": ([mlroles, "history", "--json"], one),
            f"--json, {args.results:,} results": ([mlroles, "history", "--json"], many),
        }
        names = list(runs)
        for cmd, home in runs.values():  # warm-up: the disk cache
            wall(cmd, home)
        rounds = []
        for r in range(args.runs):
            order = names[r % len(names) :] + names[: r % len(names)]
            rounds.append({name: wall(*runs[name]) for name in order})
    print(f"{args.runs} rounds; wall time; ratio to the same form with 1 result: min median max")
    for name, base in ((names[1], names[0]), (names[3], names[2])):
        ratios = [one_round[name] / one_round[base] for one_round in rounds]
        seconds = statistics.median(one_round[name] for one_round in rounds)
        print(
            f"{name:24} median {seconds:6.2f} s; x 1 result: {min(ratios):.2f} "
            f"{statistics.median(ratios):.2f} {max(ratios):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
