"""Arguments and options that several commands share. The output options
are in output.py."""

from pathlib import Path
from typing import Annotated, Any

import typer

from mlroles.cli.environment import Environment
from mlroles.cli.state import AppState


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        roles = ctx.find_root().params.get("roles")
        state = AppState(Environment.from_process(), Path(roles) if roles else None, False)
        catalog = state.catalog()
    except Exception:  # completion must never crash the shell
        return []
    return [(r.id, r.name) for r in catalog.roles if r.id.startswith(incomplete.lower())]


RoleHelp = "A role id, alias or name, e.g. ml-engineer, MLE or 'ML engineer'."
RoleArgument = Annotated[
    str, typer.Argument(help=RoleHelp, autocompletion=complete_role, show_default=False)
]
RolesArgument = Annotated[
    list[str],
    typer.Argument(help="Two or more roles.", autocompletion=complete_role, show_default=False),
]


def _file_option(flag: str, help: str) -> Any:  # typer.Option is typed as Any
    return typer.Option(flag, help=help, dir_okay=False, metavar="FILE", show_default=False)


def product_option(help: str) -> Any:  # typer.Option is typed as Any
    """--product: a role id, alias or name, completed from the catalog."""
    return typer.Option("--product", help=help, autocompletion=complete_role, show_default=False)


AnswersOption = Annotated[
    Path | None,
    _file_option("--answers", "Answers from a TOML or JSON file of question id -> value."),
]
MlOption = Annotated[
    float | None,
    typer.Option(
        "--ml",
        min=0,
        max=10,
        show_default=False,
        help="Place yourself directly: machine learning, 0-10.",
    ),
]
SweOption = Annotated[
    float | None,
    typer.Option("--swe", min=0, max=10, show_default=False, help="Software engineering, 0-10."),
]
CommOption = Annotated[
    float | None,
    typer.Option(
        "--comm", min=0, max=10, show_default=False, help="Communication and writing, 0-10."
    ),
]
