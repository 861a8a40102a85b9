"""The Typer app's entry point, and the table of commands it runs. The
console script (cli/entry.py) comes here for everything but a bare
`mlroles quiz`."""

import typer

from mlroles.cli.app import Command, build_app
from mlroles.cli.environment import Environment, run_in
from mlroles.cli.exit_codes import ExitCode
from mlroles.core.errors import UserError
from mlroles.core.sanitize import clean

__all__ = ["COMMANDS", "app", "main"]

# The order here is the order of `mlroles --help`; each summary is the first
# paragraph of the command's docstring (a test holds them together).
COMMANDS = (
    Command("quiz", "Answer the questionnaire and see which role fits you best."),
    Command("roles", "List every role with its place on the chart."),
    Command("describe", "Everything the catalog knows about one role."),
    Command("questions", "Print the questionnaire, for answering with quiz --answers."),
    Command("check", "Validate the role catalog and the questionnaire, and report every problem."),
    Command("path", "The gaps between you and a role, and the next steps to close them."),
    Command("compare", "Put two or more roles side by side."),
    Command("chart", "Draw every role on the chart, as the source's figure does."),
    Command("history", "List your saved results, oldest first; show, delete or clear them."),
    Command("team", "Map a whole team on the chart and see which roles it covers."),
    Command("posting", "Check which role a job posting really describes."),
)


app = build_app(COMMANDS)


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Console-script entry point: run mlroles with these arguments and return
    the exit code.

    env is where the program reads and writes and which environment variables
    it sees; by default the process's. Tests pass their own, as httpie does.
    What Typer itself prints (help, usage errors) goes to env's streams too."""
    return run_in(env, lambda chosen: _run(argv, chosen))


def _run(argv: list[str] | None, env: Environment) -> int:
    try:
        result = app(args=argv, prog_name="mlroles", standalone_mode=False, obj=env)
    except (typer.Abort, KeyboardInterrupt):
        env.stderr.write("Cancelled.\n")
        return ExitCode.INTERRUPTED
    except typer.Exit as exc:
        return exc.exit_code
    except UserError as exc:  # from an option's own parser, before a command runs
        env.stderr.write(clean("\n".join(exc.lines)) + "\n")
        return ExitCode.USER_ERROR
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            # Bare `mlroles`: the help is already on stdout, and asking for it
            # is not an error (clig.dev). Matched by name: the class is private.
            return ExitCode.OK
        import io

        shown = io.StringIO()  # Typer's message may quote the argument as typed
        exc.show(file=shown)  # type: ignore[attr-defined]
        env.stderr.write(clean(shown.getvalue()))
        return exc.exit_code
    return result if isinstance(result, int) else ExitCode.OK
