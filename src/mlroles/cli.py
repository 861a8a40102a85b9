"""The command line: parse arguments, call the core, print, pick the exit code.

No `from __future__ import annotations` here: Typer would evaluate every
string annotation again on each run to build the commands."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    from mlroles.history import History, HistoryLoad
    from mlroles.placement import Placement

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 1
EXIT_INTERRUPTED = 130
PROGRESS_MIN_LINES = 20_000  # smaller inputs finish before a bar is worth drawing
PRETTY_JSON_LIMIT = 1_000  # members; larger outputs are compact JSON


@dataclass(frozen=True)
class AppState:
    env: Environment
    roles_path: Path | None
    debug: bool

    def catalog(self) -> Catalog:
        from mlroles.datafiles import data_file
        from mlroles.loader import load_catalog

        return load_catalog(self.roles_path or data_file("roles.toml"))

    def history(self) -> "History":
        from mlroles.history import History
        from mlroles.storage import data_dir

        return History(data_dir(self.env.env) / "results")

    def load_history(self) -> "HistoryLoad":
        """The saved results; problems with them are reported, never fatal."""
        loaded = self.history().load()
        self.message(*loaded.problems)
        return loaded

    def show(self, page: Any, svg: Path | None = None, html: Path | None = None) -> None:
        """Print a page, and write it as SVG or HTML to share if asked."""
        console = self.env.console(record=bool(svg or html))
        console.print(page)
        if svg or html:
            from mlroles.storage import write_atomic

            if svg:
                write_atomic(svg, console.export_svg(title="mlroles", clear=False))
                self.message(f"Wrote {svg}")
            if html:
                write_atomic(html, console.export_html(clear=False))
                self.message(f"Wrote {html}")

    @contextmanager
    def progress(self, what: str, total: int) -> Iterator[Callable[[int], None]]:
        """A progress bar on stderr for big inputs, only when stderr is a terminal."""
        if not self.env.stderr_isatty or total < PROGRESS_MIN_LINES:
            yield lambda done: None
            return
        from rich.progress import Progress

        with Progress(console=self.env.console(stderr=True), transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda done: bar.update(task, completed=done)

    def print_json(self, data: object, pretty: bool = True) -> None:
        from mlroles.jsonview import dumps

        self.env.stdout.write(dumps(data, pretty))

    def print_text(self, text: str) -> None:
        self.env.stdout.write(text)

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


RoleHelp = "A role id, alias or name, e.g. ml-engineer, MLE or 'ML engineer'."
RoleArgument = Annotated[
    str, typer.Argument(help=RoleHelp, autocompletion=_complete_role, show_default=False)
]
RolesArgument = Annotated[
    list[str],
    typer.Argument(help="Two or more roles.", autocompletion=_complete_role, show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        help="Also write the page to FILE as SVG.",
        dir_okay=False,
        metavar="FILE",
        show_default=False,
    ),
]
HtmlOption = Annotated[
    Path | None,
    typer.Option(
        "--html",
        help="Also write the page to FILE as HTML.",
        dir_okay=False,
        metavar="FILE",
        show_default=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="Answers from a TOML or JSON file of question id -> value.",
        dir_okay=False,
        metavar="FILE",
        show_default=False,
    ),
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


def _no_export_with_json(as_json: bool, svg: Path | None, html: Path | None) -> None:
    if as_json and (svg or html):
        raise UserError("--svg and --html save the page as shown; they do not go with --json.")


@app.callback()
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


@app.command("quiz")
def quiz_command(
    ctx: typer.Context,
    answers: AnswersOption = None,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    product: Annotated[
        str | None,
        typer.Option(
            "--product",
            show_default=False,
            autocompletion=_complete_role,
            help="With --ml/--swe/--comm: the role whose work product you want.",
        ),
    ] = None,
    save: Annotated[
        bool | None,
        typer.Option(
            "--save/--no-save",
            show_default=False,
            help="Keep the result in your history. Default: yes for the "
            "interactive quiz, no otherwise.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", help="text or markdown.", metavar="FORMAT"),
    ] = "text",
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Answer ten questions and see which role fits you best."""
    from mlroles import placement as where

    state = _state(ctx)
    if output_format not in ("text", "markdown"):
        raise UserError(f"Unknown --format {output_format!r}; use text or markdown.")
    if as_json and output_format != "text":
        raise UserError("Give either --json or --format markdown, not both.")
    _no_export_with_json(as_json or output_format == "markdown", svg, html)
    catalog = state.catalog()
    direct = any(v is not None for v in (ml, swe, comm, product))
    if direct and answers is not None:
        raise UserError("Give either --answers or --ml/--swe/--comm, not both.")
    if direct:
        placed = where.direct_placement(catalog, ml, swe, comm, product)
    elif answers is not None:
        placed = where.answers_placement(catalog, answers)
    else:
        try:
            placed = where.interactive_placement(catalog, state.env)
        except (KeyboardInterrupt, EOFError):
            state.message("Quiz cancelled.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    _report_quiz(
        state,
        catalog,
        placed,
        placed.interactive if save is None else save,
        as_json,
        output_format,
        svg,
        html,
    )


def _report_quiz(
    state: AppState,
    catalog: Catalog,
    placed: "Placement",
    save: bool,
    as_json: bool,
    output_format: str,
    svg: Path | None,
    html: Path | None,
) -> None:
    from datetime import UTC, datetime

    from mlroles.history import SavedResult
    from mlroles.movement import movement
    from mlroles.scoring import assess

    assessment = assess(catalog, placed.profile, placed.work_product, flat_answers=placed.flat)
    previous = state.load_history().latest
    moved = None
    if previous is not None:
        moved = movement(
            previous.profile,
            previous.noise,
            placed.profile,
            placed.noise,
            previous.best,
            assessment.best.role.id,
        )
    if as_json:
        from mlroles.jsonview import assessment_data, movement_data

        data = assessment_data(assessment)
        data["movement"] = movement_data(moved, previous) if moved and previous else None
        state.print_json(data)
    elif output_format == "markdown":
        from mlroles.markdown_report import markdown_report

        state.print_text(markdown_report(assessment, catalog))
    else:
        from mlroles.result_view import result_page

        state.show(result_page(assessment, catalog, previous, moved), svg, html)
    if save:
        result = SavedResult(
            datetime.now(UTC),
            placed.profile,
            placed.noise,
            placed.work_product,
            assessment.best.role.id,
            assessment.confidence,
        )
        try:
            path = state.history().save(result)
        except UserError as exc:
            state.message(*exc.lines, "The result above was not saved.")
        else:
            state.message(f"Saved this result to {path}")


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

    state.show(roles_table(catalog))


@app.command("describe")
def describe_command(
    ctx: typer.Context,
    role: RoleArgument,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Everything the catalog knows about one role."""
    _no_export_with_json(as_json, svg, html)
    state = _state(ctx)
    catalog = state.catalog()
    found = catalog.resolve(role)
    if as_json:
        from mlroles.jsonview import role_detail_data

        state.print_json(role_detail_data(catalog, found))
        return
    from mlroles.render import role_page

    state.show(role_page(catalog, found), svg, html)


@app.command("compare")
def compare_command(
    ctx: typer.Context,
    roles: RolesArgument,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Put two or more roles side by side."""
    _no_export_with_json(as_json, svg, html)
    state = _state(ctx)
    catalog = state.catalog()
    found = list(dict.fromkeys(catalog.resolve(name) for name in roles))
    if len(found) < 2:
        raise UserError("Compare needs at least two different roles, e.g. mlroles compare de mle.")
    if as_json:
        from mlroles.jsonview import compare_data

        state.print_json(compare_data(found))
        return
    from mlroles.compare_view import CompareView

    state.show(CompareView(found), svg, html)


@app.command("path")
def path_command(
    ctx: typer.Context,
    role: RoleArgument,
    answers: AnswersOption = None,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """The gaps between you and a role, and the next steps to close them."""
    from mlroles import placement as where
    from mlroles.growth import plan_path

    _no_export_with_json(as_json, svg, html)
    state = _state(ctx)
    catalog = state.catalog()
    target = catalog.resolve(role)
    if any(v is not None for v in (ml, swe, comm)):
        if answers is not None:
            raise UserError("Give either --answers or --ml/--swe/--comm, not both.")
        profile = where.direct_placement(catalog, ml, swe, comm).profile
    elif answers is not None:
        profile = where.answers_placement(catalog, answers).profile
    else:
        latest = state.load_history().latest
        if latest is None:
            raise UserError(
                "There is no saved result to start from.",
                "Take the quiz first (mlroles quiz), or give your place with",
                f"--answers FILE or --ml X --swe Y --comm Z, e.g. mlroles path {target.id} "
                "--ml 5 --swe 5 --comm 5",
            )
        profile = latest.profile
    plan = plan_path(target, profile)
    if as_json:
        from mlroles.jsonview import path_data

        state.print_json(path_data(plan))
        return
    from mlroles.path_view import path_page

    state.show(path_page(plan), svg, html)


@app.command("chart")
def chart_command(
    ctx: typer.Context,
    me: Annotated[bool, typer.Option("--me", help="Add your last saved result.")] = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Draw every role on the chart, as the source's figure does."""
    from mlroles.render import chart_page

    state = _state(ctx)
    catalog = state.catalog()
    mine = None
    if me:
        latest = state.load_history().latest
        if latest is None:
            raise UserError("--me needs a saved result; take the quiz first: mlroles quiz")
        mine = latest.profile
    state.show(chart_page(catalog, mine), svg, html)


@app.command("history")
def history_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List your saved results, oldest first."""
    state = _state(ctx)
    loaded = state.load_history()
    if as_json:
        from mlroles.jsonview import history_data

        state.print_json(history_data(loaded.results))
        return
    if not loaded.results:
        state.message(f"No saved results in {state.history().directory} yet. Run: mlroles quiz")
        return
    from mlroles.result_view import history_table

    state.show(history_table(loaded.results, state.catalog()))


@app.command("team")
def team_command(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV: name, ml, swe, comm[, work_product].", dir_okay=False, show_default=False
        ),
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Any bad row is an error.")] = False,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Map a whole team on the chart and see which roles it covers."""
    from mlroles.loader import read_text
    from mlroles.team import TeamFileError, parse_roster, score_team

    _no_export_with_json(as_json, svg, html)
    state = _state(ctx)
    catalog = state.catalog()
    text = read_text(file, "Team file", TeamFileError)
    with state.progress("Reading the team", total=text.count("\n") + 1) as advance:
        roster = parse_roster(text, str(file), catalog, advance)
    if roster.errors:
        lines = [f"{file}: row {e.row}: {e.message}" for e in roster.errors]
        if strict:
            raise UserError(*lines, f"{len(lines)} bad rows; fix them or drop --strict.")
        state.message(*lines[:20])
        if len(lines) > 20:
            state.message(f"... and {len(lines) - 20} more bad rows (see --json).")
        state.message(f"Skipped {len(lines)} bad rows; scored the other {len(roster.members)}.")
    if not roster.members:
        raise UserError(f"{file}: no valid rows to score.")
    report = score_team(catalog, roster)
    if as_json:
        from mlroles.jsonview import team_data

        state.print_json(team_data(report), pretty=len(report.fits) <= PRETTY_JSON_LIMIT)
        return
    from mlroles.team_view import team_page

    state.show(team_page(report, catalog), svg, html)


@app.command("posting")
def posting_command(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Option("--title", show_default=False, help="The posting's job title."),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Answer the questionnaire about the posting."),
    ] = False,
    ml: MlOption = None,
    swe: SweOption = None,
    comm: CommOption = None,
    product: Annotated[
        str | None,
        typer.Option(
            "--product",
            show_default=False,
            autocompletion=_complete_role,
            help="The role whose work product the hire will own.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check which role a job posting really describes."""
    from mlroles import placement as where
    from mlroles.posting import read_posting

    state = _state(ctx)
    catalog = state.catalog()
    direct = any(v is not None for v in (ml, swe, comm, product))
    if interactive and direct:
        raise UserError("Give either --interactive or --ml/--swe/--comm, not both.")
    if interactive:
        try:
            placed = where.interactive_placement(catalog, state.env, posting=True)
        except (KeyboardInterrupt, EOFError):
            state.message("Cancelled.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    elif direct:
        placed = where.direct_placement(catalog, ml, swe, comm, product)
    else:
        raise UserError(
            "Say what the posting asks for: --ml X --swe Y --comm Z (0-10 each),",
            "or answer questions about it with --interactive.",
            'Example: mlroles posting --title "Data Scientist" --ml 7 --swe 7 --comm 3',
        )
    reading = read_posting(catalog, placed.profile, placed.work_product, title)
    if as_json:
        from mlroles.jsonview import posting_data

        state.print_json(posting_data(reading))
        return
    from mlroles.result_view import posting_page

    state.show(posting_page(reading))


@app.command("questions")
def questions_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Print the questionnaire, for answering with quiz --answers."""
    from mlroles.placement import load_builtin_questionnaire

    state = _state(ctx)
    questionnaire = load_builtin_questionnaire(state.catalog())
    if as_json:
        from mlroles.jsonview import questions_data

        state.print_json(questions_data(questionnaire))
        return
    from mlroles.render import questions_view

    state.show(questions_view(questionnaire))


@app.command("check")
def check_command(ctx: typer.Context) -> None:
    """Validate the role catalog and report every problem in it."""
    state = _state(ctx)
    catalog = state.catalog()
    state.print_text(f"{catalog.source}: OK, {len(catalog.roles)} roles.\n")


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
