"""Used by cog to paste real mlroles output into README.md and docs/cli.md.

Regenerate:  python -m cogapp -r -I docs README.md docs/cli.md
Check:       python -m cogapp --check -I docs README.md docs/cli.md   (run by the tests)
"""

from __future__ import annotations

import shlex
import tempfile

import cog  # type: ignore[import-not-found]
from typer.testing import CliRunner

from mlroles.cli.main import app

COLUMNS = 72


def show(command: str, columns: int = COLUMNS) -> None:
    """Run `mlroles COMMAND` in-process and paste its output as a code block."""
    with tempfile.TemporaryDirectory() as home:  # no saved results: a first run
        result = CliRunner().invoke(
            app,
            shlex.split(command),
            env={"COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb", "MLROLES_HOME": home},
            prog_name="mlroles",
        )
    text = result.stdout + result.stderr
    lines = [line.rstrip() for line in text.rstrip().splitlines()]
    cog.outl("```")
    cog.outl(f"$ mlroles {command}")
    for line in lines:
        cog.outl(line)
    cog.outl("```")


SAMPLE_POSTING = """## ML Platform Engineer
You will run the ML platform our data scientists deploy onto.

Requirements:
- Production code in Python; Docker and CI/CD.
- Kubernetes and Terraform; you share the on-call rota.
- Work closely with the data science team. No PhD required.

Nice to have:
- Airflow or Spark.
"""


def show_posting_from_text() -> None:
    """A short posting (ours), and the evidence part of what posting FILE says."""
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posting.md"
        path.write_text(SAMPLE_POSTING, encoding="utf-8")
        result = CliRunner().invoke(
            app,
            ["posting", "--title", "MLOps Engineer", str(path)],
            env={"COLUMNS": str(COLUMNS), "NO_COLOR": "1", "MLROLES_HOME": tmp},
        )
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    start = lines.index("What the text says")
    end = next(i for i, line in enumerate(lines) if line.startswith("Hiring advice"))
    cog.outl("```")
    cog.outl("$ cat posting.md")
    cog.out(SAMPLE_POSTING)
    cog.outl('$ mlroles posting --title "MLOps Engineer" posting.md')
    cog.outl("...")
    for line in lines[start:end]:
        cog.outl(line)
    cog.outl("...")
    cog.outl("```")


def show_broken_catalog() -> None:
    """Break the built-in catalog in two places and show what `check` says."""
    from pathlib import Path

    from mlroles.files.paths import data_file

    text = data_file("roles.toml").read_text(encoding="utf-8")
    text = text.replace("software_engineering = 7.1", "software_engineering = 71")
    text = text.replace('summary = "Explores', 'sumary = "Explores')
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "my-roles.toml"
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["--roles", str(path), "check"])
    cog.outl("```")
    cog.outl("$ mlroles --roles my-roles.toml check")
    cog.outl(result.stderr.replace(str(path), "my-roles.toml").rstrip())
    # The questionnaire is checked too; show where it is as in a checkout.
    cog.outl(result.stdout.replace(str(data_file("questions.toml").parent), "data").rstrip())
    cog.outl(f"$ echo $?\n{result.exit_code}")
    cog.outl("```")


# The answers in the README's scripted example, per axis in question order; an
# axis's further questions repeat its last level. They describe an ML engineer.
EXAMPLE_LEVELS = {
    "software_engineering": (4, 3, 3),
    "machine_learning": (4, 4, 3),
    "communication": (2, 2, 3),
}
EXAMPLE_PRODUCT = "ml-engineer"


def show_answers_example() -> None:
    """The scripted quiz, with an answers file for every question there is."""
    from mlroles.core.questionnaire import NOT_SURE, WORK_PRODUCT_AXIS
    from mlroles.files.catalog_file import load_catalog
    from mlroles.files.paths import data_file
    from mlroles.files.questionnaire_file import load_questionnaire

    questionnaire = load_questionnaire(
        data_file("questions.toml"), load_catalog(data_file("roles.toml"))
    )
    cog.outl("```sh")
    cog.outl("mlroles questions --json > questions.json   # every question id and value")
    cog.outl("cat > answers.toml <<'TOML'")
    asked: dict[str, int] = {}
    for question in questionnaire.questions:
        if question.axis == WORK_PRODUCT_AXIS:
            hint = f'a role id, or "{NOT_SURE}"'
            cog.outl(f'{question.id} = "{EXAMPLE_PRODUCT}"   # {hint}')
            continue
        levels = EXAMPLE_LEVELS[question.axis]
        index = asked[question.axis] = asked.get(question.axis, -1) + 1
        cog.outl(f"{question.id} = {levels[min(index, len(levels) - 1)]}")
    cog.outl("TOML")
    cog.outl("mlroles quiz --answers answers.toml --json")
    cog.outl("mlroles quiz --ml 6 --swe 7.5 --comm 3 --product mle --json")
    cog.outl("```")


def show_model_parameters() -> None:
    """The scoring constants, read from the data files so the README cannot drift."""
    import math

    from mlroles.core.axes import AXIS_TITLES, WEIGHTS
    from mlroles.core.questionnaire import level_value
    from mlroles.files.catalog_file import load_catalog
    from mlroles.files.paths import data_file
    from mlroles.files.questionnaire_file import load_questionnaire

    catalog = load_catalog(data_file("roles.toml"))
    rules = load_questionnaire(data_file("questions.toml"), catalog).rules
    share = rules.product_weight / (rules.product_weight + len(catalog.roles) - 1)
    sd = math.sqrt(2 * rules.step_probability)
    cog.outl("| parameter | value |")
    cog.outl("|---|---|")
    levels = ", ".join(f"{level} → {level_value(level):g}" for level in range(1, 6))
    cog.outl(f"| answer level → axis value | {levels} |")
    for axis, weight in WEIGHTS.items():
        cog.outl(
            f"| weight of {AXIS_TITLES[axis].lower()}, in distance and likelihood | {weight} |"
        )
    cog.outl(
        f"| likelihood: how much people in one role differ on an item (`role_spread`) | "
        f"sd {rules.role_spread:g} levels |"
    )
    cog.outl(
        f"| retake noise: an answer moves one level down, or up, with | "
        f"{rules.step_probability:g} each (sd {sd:.2f} levels) |"
    )
    cog.outl(
        f"| work product's prior weight (`product_weight`) | {rules.product_weight:g} "
        f"against 1: a prior share of {share:.2f} with {len(catalog.roles)} roles |"
    )
    cog.outl(f"| simulated retakes (`retakes`), seed | {rules.retakes}, {rules.seed} |")
    cog.outl(f"| stability for `clear` | ≥ {rules.clear_at:g} |")
    cog.outl(f"| stability for `leaning` | ≥ {rules.leaning_at:g} (below: `toss-up`) |")
    cog.outl(
        f"| two items of one axis that contradict each other | "
        f"≥ {rules.contradiction_levels} levels apart |"
    )
    cog.outl(f"| chart distance at which chart fit reaches 0% | {rules.fit_zero_distance:g} |")
    cog.outl(f"| chart fit of the nearest role below which you are warned | {rules.far_fit:g}% |")


def show_team_example() -> None:
    """A small team file, and what `mlroles team` says about it."""
    from pathlib import Path

    team = (
        "name,ml,swe,comm,work_product\n"
        "Ana Lima,5.5,6,3,\n"
        "Bo Chen,1.5,9,2.5,mlops\n"
        "Cy Diaz,9,3.5,6,researcher\n"
        "Dee Ek,4,2,8,ds\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "team.csv"
        path.write_text(team, encoding="utf-8")
        result = CliRunner().invoke(
            app, ["team", str(path)], env={"COLUMNS": "72", "NO_COLOR": "1", "MLROLES_HOME": tmp}
        )
    cog.outl("```")
    cog.outl("$ cat team.csv")
    cog.out(team)
    cog.outl("$ mlroles team team.csv")
    for line in result.stdout.rstrip().splitlines():
        cog.outl(line.rstrip())
    cog.outl("```")


def show_exit_codes() -> None:
    """The exit codes, read from the enum every command exits through."""
    from mlroles.cli.exit_codes import ExitCode

    cog.outl("| code | name | meaning |")
    cog.outl("|---:|---|---|")
    for code in ExitCode:
        cog.outl(f"| {code.value} | `{code.name}` | {code.meaning} |")


def show_command_reference(columns: int = 80) -> None:
    """Each command's --help, in the order of the table of commands."""
    from mlroles.cli.main import COMMANDS

    cog.outl("## mlroles")
    cog.outl()
    show("--help", columns=columns)
    for command in COMMANDS:
        cog.outl()
        cog.outl(f"## mlroles {command.name}")
        cog.outl()
        show(f"{command.name} --help", columns=columns)
