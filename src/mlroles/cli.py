"""The command line: parse arguments, call the core, print, pick the exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mlroles import __version__
from mlroles.catalog import Catalog
from mlroles.environment import Environment
from mlroles.errors import UserError

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 1
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class AppState:
    env: Environment
    roles_path: Path | None
    debug: bool

    def catalog(self) -> Catalog:
        from mlroles.datafiles import data_file
        from mlroles.loader import load_catalog

        return load_catalog(self.roles_path or data_file("roles.toml"))

    def print(self, renderable: Any) -> None:
        self.env.console().print(renderable)

    def print_json(self, data: object) -> None:
        from mlroles.jsonview import dumps

        self.env.stdout.write(dumps(data))

    def message(self, *lines: str) -> None:
        for line in lines:
            self.env.stderr.write(line + "\n")
        self.env.stderr.flush()


def _state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if isinstance(root.obj, AppState):
        return root.obj
    env = root.obj if isinstance(root.obj, Environment) else Environment.from_process()
    return AppState(env=env, roles_path=None, debug=env.debug)


class MlrolesGroup(TyperGroup):
    """Turns exceptions from any command into a message and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except UserError as exc:
            _state(ctx).message(*exc.lines)
            raise typer.Exit(EXIT_USER_ERROR) from None
        except KeyboardInterrupt:
            _state(ctx).message("Cancelled.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            state = _state(ctx)
            if state.debug:
                import traceback

                state.message(traceback.format_exc().rstrip())
            state.message(
                f"mlroles: internal error: {type(exc).__name__}: {exc}",
                "This is a bug. Run again with --debug (or MLROLES_DEBUG=1) "
                "to see the traceback, and please report it.",
            )
            raise typer.Exit(EXIT_INTERNAL_ERROR) from None


app = typer.Typer(
    cls=MlrolesGroup,
    name="mlroles",
    help="Find the machine-learning team role that fits you, and learn what each role does.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"mlroles {__version__}")
        raise typer.Exit()


def _complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        roles = ctx.find_root().params.get("roles")
        state = AppState(Environment.from_process(), Path(roles) if roles else None, False)
        catalog = state.catalog()
    except Exception:  # completion must never crash the shell
        return []
    return [(r.id, r.name) for r in catalog.roles if r.id.startswith(incomplete.lower())]


RoleArgument = Annotated[
    str,
    typer.Argument(
        help="A role id, alias or name, e.g. ml-engineer, MLE or 'ML engineer'.",
        autocompletion=_complete_role,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@app.callback()
def _global_options(
    ctx: typer.Context,
    roles: Annotated[
        Path | None,
        typer.Option(
            "--roles",
            envvar="MLROLES_ROLES",
            help="Use another role catalog (TOML) instead of the built-in one.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_process()
    ctx.obj = AppState(env=env, roles_path=roles, debug=debug or env.debug)


@app.command("roles")
def roles_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List every role with its place on the chart."""
    state = _state(ctx)
    catalog = state.catalog()
    if as_json:
        from mlroles.jsonview import role_data

        state.print_json([role_data(role) for role in catalog.roles])
        return
    from mlroles.render import roles_table

    state.print(roles_table(catalog))


@app.command("describe")
def describe_command(ctx: typer.Context, role: RoleArgument, as_json: JsonOption = False) -> None:
    """Everything the catalog knows about one role."""
    state = _state(ctx)
    catalog = state.catalog()
    found = catalog.resolve(role)
    if as_json:
        from mlroles.jsonview import role_detail_data

        state.print_json(role_detail_data(catalog, found))
        return
    from mlroles.render import role_page

    state.print(role_page(catalog, found))


@app.command("check")
def check_command(ctx: typer.Context) -> None:
    """Validate the role catalog and report every problem in it."""
    state = _state(ctx)
    catalog = state.catalog()
    state.env.stdout.write(f"{catalog.source}: OK, {len(catalog.roles)} roles.\n")


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point."""
    try:
        result = app(args=argv, prog_name="mlroles", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("Cancelled.\n")
        return EXIT_INTERRUPTED
    except typer.Exit as exc:
        return exc.exit_code
    except typer.TyperException as exc:
        exc.show()  # type: ignore[attr-defined]
        return exc.exit_code
    return result if isinstance(result, int) else 0
