"""Make docs/chart.svg, the chart shown in the README, from the real program.

python docs/make_chart_svg.py [OUTPUT]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from mlroles.cli.main import app

DEFAULT = Path(__file__).resolve().parent / "chart.svg"


def make(output: Path) -> None:
    with tempfile.TemporaryDirectory() as home:
        result = CliRunner().invoke(
            app,
            ["chart", "--svg", str(output)],
            env={"COLUMNS": "72", "NO_COLOR": "", "MLROLES_HOME": home},
        )
    if result.exit_code != 0:
        raise SystemExit(result.output)


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
