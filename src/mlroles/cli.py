"""The command line: parse arguments, call the core, print, pick the exit code."""

from __future__ import annotations

import math
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mlroles import __version__
from mlroles.catalog import Catalog
from mlroles.environment import Environment
from mlroles.errors import UserError

if TYPE_CHECKING:
    from mlroles.scoring import Assessment

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


NOT_A_TERMINAL = (
    "mlroles quiz asks its questions in a terminal, and none is attached.",
    "To answer without one, pass a file of answers:",
    "  mlroles questions --json    (lists every question id and value)",
    "  mlroles quiz --answers answers.toml",
    "or place yourself on the chart directly:",
    "  mlroles quiz --ml 6 --swe 7 --comm 3 [--product ml-engineer]",
)


def _direct_assessment(
    catalog: Catalog, ml: float | None, swe: float | None, comm: float | None, product: str | None
) -> Assessment:
    from mlroles.catalog import normalize
    from mlroles.position import Position
    from mlroles.questionnaire import NOT_SURE
    from mlroles.scoring import assess

    given = {"--ml": ml, "--swe": swe, "--comm": comm}
    missing = [name for name, value in given.items() if value is None]
    if missing:
        raise UserError(
            f"--ml, --swe and --comm go together; missing: {', '.join(missing)}.",
            "Example: mlroles quiz --ml 6 --swe 7 --comm 3",
        )
    values = [float(v) for v in given.values() if v is not None]
    if not all(math.isfinite(v) for v in values):
        raise UserError("--ml, --swe and --comm take numbers from 0 to 10.")
    work_product = None
    if product is not None and normalize(product) != NOT_SURE:
        work_product = catalog.resolve(product).id
    return assess(catalog, Position(*values), work_product)


def _questionnaire_assessment(
    state: AppState, catalog: Catalog, answers_file: Path | None
) -> Assessment:
    from mlroles.datafiles import data_file
    from mlroles.loader import read_text
    from mlroles.questionnaire import (
        AnswersError,
        answers_are_flat,
        check_answers,
        load_questionnaire,
        parse_answers_file,
        profile_from_answers,
    )
    from mlroles.scoring import assess

    questionnaire = load_questionnaire(data_file("questions.toml"), catalog)
    if answers_file is not None:
        source = str(answers_file)
        raw = parse_answers_file(read_text(answers_file, "Answers file", AnswersError), source)
        answers = check_answers(questionnaire, raw, source, catalog)
    else:
        env = state.env
        if not env.stdin_isatty or not (env.stdout_isatty or env.stderr_isatty):
            raise UserError(*NOT_A_TERMINAL)
        from mlroles.prompting import run_quiz

        width = env.width or shutil.get_terminal_size().columns
        prompt_stream = None if env.stdout_isatty else env.stderr
        try:
            answers = run_quiz(questionnaire, width, prompt_stream)
        except (KeyboardInterrupt, EOFError):
            state.message("Quiz cancelled.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    profile, work_product = profile_from_answers(questionnaire, answers)
    flat = answers_are_flat(questionnaire, answers)
    return assess(catalog, profile, work_product, flat_answers=flat)


@app.command("quiz")
def quiz_command(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Answer from a TOML or JSON file of question id -> value.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    ml: Annotated[
        float | None,
        typer.Option(
            "--ml",
            min=0,
            max=10,
            show_default=False,
            help="Place yourself directly: machine learning, 0-10.",
        ),
    ] = None,
    swe: Annotated[
        float | None,
        typer.Option(
            "--swe", min=0, max=10, show_default=False, help="Software engineering, 0-10."
        ),
    ] = None,
    comm: Annotated[
        float | None,
        typer.Option(
            "--comm", min=0, max=10, show_default=False, help="Communication and writing, 0-10."
        ),
    ] = None,
    product: Annotated[
        str | None,
        typer.Option(
            "--product",
            show_default=False,
            autocompletion=_complete_role,
            help="With --ml/--swe/--comm: the role whose work product you want.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Answer a few questions and see which role fits you best."""
    state = _state(ctx)
    catalog = state.catalog()
    direct = any(v is not None for v in (ml, swe, comm, product))
    if direct and answers is not None:
        raise UserError("Give either --answers or --ml/--swe/--comm, not both.")
    if direct:
        assessment = _direct_assessment(catalog, ml, swe, comm, product)
    else:
        assessment = _questionnaire_assessment(state, catalog, answers)
    if as_json:
        from mlroles.jsonview import assessment_data

        state.print_json(assessment_data(assessment))
        return
    from mlroles.result_view import result_page

    state.print(result_page(assessment, catalog))


@app.command("questions")
def questions_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Print the questionnaire, for answering with quiz --answers."""
    from mlroles.datafiles import data_file
    from mlroles.questionnaire import load_questionnaire

    state = _state(ctx)
    questionnaire = load_questionnaire(data_file("questions.toml"), state.catalog())
    if as_json:
        from mlroles.jsonview import questions_data

        state.print_json(questions_data(questionnaire))
        return
    from mlroles.render import questions_view

    state.print(questions_view(questionnaire))


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
