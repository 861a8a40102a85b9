"""The Typer application: its global options, how errors become exit codes,
and how a table of commands becomes the app (see COMMANDS in main.py)."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, ClassVar, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from mlroles import __version__
from mlroles.cli.environment import Environment
from mlroles.cli.examples import Example, epilog
from mlroles.cli.exit_codes import ExitCode
from mlroles.cli.failures import failure_code
from mlroles.cli.signals import Stopped
from mlroles.cli.state import AppState, state_of


class MlrolesGroup(TyperGroup):
    """Turns exceptions from any command into a message and an exit code."""

    # Words people type as commands that are options here.
    AS_OPTIONS: ClassVar[dict[str, str]] = {"version": "--version", "help": "--help"}

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from mlroles.core.catalog import suggest_word

            close = (
                f"mlroles {self.AS_OPTIONS[name]}"
                if name in self.AS_OPTIONS
                else suggest_word(name, self.list_commands(ctx))
            )
            ctx.fail(f"No such command '{name}'." + (f" Did you mean '{close}'?" if close else ""))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except (Exception, KeyboardInterrupt, Stopped) as exc:
            code = failure_code(exc, state_of(ctx), ctx.invoked_subcommand)
            raise typer.Exit(code) from None


def _file_from_env(
    ctx: typer.Context, name: str, value: Path | None, envvar: str, env: Environment
) -> Path | None:
    """A file option that an environment variable may also set. Click reads the
    variable from the process; take it from env instead, so that main(argv, env)
    sees exactly what a process with that environment would."""
    source = ctx.get_parameter_source(name)
    if source is not None and source.name == "COMMANDLINE":
        return value
    found = env.env.get(envvar)
    return Path(found) if found else None


def _show_version(value: bool) -> None:
    if value:
        print(f"mlroles {__version__}")
        raise typer.Exit(ExitCode.OK)


def _global_options(
    ctx: typer.Context,
    roles: Annotated[
        Path | None,
        typer.Option(
            "--roles",
            envvar="MLROLES_ROLES",
            show_default=False,
            dir_okay=False,
            help="Use another role catalog (TOML) instead of the built-in one.",
        ),
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            envvar="MLROLES_QUESTIONS",
            show_default=False,
            dir_okay=False,
            help="Use another questionnaire (TOML) instead of the built-in one.",
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
    ctx.obj = AppState(
        env=env,
        roles_path=_file_from_env(ctx, "roles", roles, "MLROLES_ROLES", env),
        debug=debug or env.debug,
        questions_path=_file_from_env(ctx, "questions", questions, "MLROLES_QUESTIONS", env),
    )


class Command(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~1 ms of start-up
    """One entry in the table of commands: its name, and the summary that
    `mlroles --help` lists, so that listing the commands imports none of
    them (a test holds each summary to the first paragraph of its command's
    docstring). The command lives in mlroles/cli/commands/<name>.py, as
    `<name>_command` with its EXAMPLES, imported only when it runs."""

    name: str
    summary: str

    @property
    def module(self) -> str:
        return f"mlroles.cli.commands.{self.name}"

    def _loaded(self) -> Any:
        import importlib

        return importlib.import_module(self.module)

    @property
    def function(self) -> Callable[..., None]:
        function: Callable[..., None] = getattr(self._loaded(), f"{self.name}_command")
        return function

    @property
    def examples(self) -> tuple[Example, ...]:
        examples: tuple[Example, ...] = self._loaded().EXAMPLES
        return examples


def build_app(commands: Iterable[Command]) -> typer.Typer:
    """The app with these commands, listed by `mlroles --help` in this order.
    Only the command that runs is built: Typer would otherwise turn every
    command's parameters into click options on each start (click's "lazily
    loading subcommands")."""
    table = {command.name: command for command in commands}

    class LazyGroup(MlrolesGroup):
        listing = False  # while the group's help is drawn

        def list_commands(self, ctx: Any) -> list[str]:
            return list(table)

        def format_help(self, ctx: Any, formatter: Any) -> None:
            self.listing = True
            try:
                super().format_help(ctx, formatter)
            finally:
                self.listing = False

        def get_command(self, ctx: Any, name: str) -> Any:
            if name in self.commands or name not in table:
                return self.commands.get(name)
            command = table[name]
            if self.listing:  # the help lists names and summaries: no need to build it
                return TyperCommand(name, help=command.summary, short_help=command.summary)
            import typer.main
            from typer.models import CommandInfo

            info = CommandInfo(
                name=name, callback=command.function, epilog=epilog(command.examples)
            )
            self.commands[name] = typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
            return self.commands[name]

    app = typer.Typer(
        cls=LazyGroup,
        name="mlroles",
        help="Find the machine-learning team role that fits you, and learn what each role does.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_global_options)
    return app
