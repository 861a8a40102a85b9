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
    str,
    typer.Argument(help=RoleHelp, autocompletion=complete_role, show_default=False, metavar="ROLE"),
]
RolesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Two or more roles.",
        autocompletion=complete_role,
        show_default=False,
        metavar="ROLE...",
    ),
]


def _file_option(flag: str, help: str) -> Any:  # typer.Option is typed as Any
    return typer.Option(flag, help=help, dir_okay=False, metavar="FILE", show_default=False)


def complete_product(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The catalog's roles, and not-sure, which --product takes too."""
    from mlroles.core.questionnaire import NOT_SURE

    offered = complete_role(ctx, incomplete)
    if NOT_SURE.startswith(incomplete.lower()):
        offered.append((NOT_SURE, "No work product chosen"))
    return offered


def product_option(help: str) -> Any:  # typer.Option is typed as Any
    """--product: a role id, alias or name, or not-sure, completed from the catalog."""
    return typer.Option("--product", help=help, autocompletion=complete_product, show_default=False)


def answers_option(help: str) -> Any:  # typer.Option is typed as Any
    return _file_option("--answers", help)


AnswersOption = Annotated[
    Path | None, answers_option("Answers from a TOML or JSON file of question id -> value.")
]


def _axis_parser(flag: str) -> Any:
    def parse(text: str) -> float:
        """A chart value, 0-10; anything else is a user error in our words."""
        from mlroles.core.errors import UserError

        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not 0 <= value <= 10:  # also false for nan
            raise UserError(f"{flag} takes a number from 0 to 10, e.g. {flag} 6.5; got {text!r}.")
        return value

    return parse


def axis_option(flag: str, help: str) -> Any:  # typer.Option is typed as Any
    """--ml, --swe or --comm: a place on one axis of the chart, 0-10."""
    return typer.Option(
        flag, help=help, parser=_axis_parser(flag), metavar="0-10", show_default=False
    )


MlOption = Annotated[
    float | None, axis_option("--ml", "Place yourself directly: machine learning, 0-10.")
]
SweOption = Annotated[float | None, axis_option("--swe", "Software engineering, 0-10.")]
CommOption = Annotated[float | None, axis_option("--comm", "Communication and writing, 0-10.")]
# The same for a posting: the numbers describe what the posting asks for.
PostingMlOption = Annotated[
    float | None, axis_option("--ml", "Rate the posting directly: machine learning, 0-10.")
]
PostingSweOption = Annotated[
    float | None, axis_option("--swe", "The software engineering it asks for, 0-10.")
]
PostingCommOption = Annotated[
    float | None, axis_option("--comm", "The communication and writing it asks for, 0-10.")
]
