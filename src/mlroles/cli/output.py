"""The output options of every command that prints a result, and the one
place that checks them: --format text|json|markdown, --json (short for
--format json), and --svg FILE / --html FILE to save the page, where FILE
may be - for stdout. AppState.emit prints what they chose."""

from pathlib import Path
from typing import Annotated, Any

import typer

from mlroles.cli.output_form import (
    FORMATS,
    JSON,
    MARKDOWN,
    PRETTY_JSON_LIMIT,
    STDOUT,
    TEXT,
    Output,
)
from mlroles.core.errors import UserError

__all__ = ["FORMATS", "JSON", "MARKDOWN", "PRETTY_JSON_LIMIT", "STDOUT", "TEXT", "Output"]


def _format_option(names: tuple[str, ...]) -> Any:  # typer.Option is typed as Any
    def complete(incomplete: str) -> list[str]:
        return [name for name in names if name.startswith(incomplete)]

    listed = ", ".join(names[1:-1])
    return typer.Option(
        "--format",
        metavar="FORMAT",
        help=f"{names[0]} (the default){', ' + listed if listed else ''} or {names[-1]}.",
        autocompletion=complete,
        show_default=False,
    )


def _export_option(flag: str, kind: str) -> Any:  # typer.Option is typed as Any
    return typer.Option(
        flag,
        metavar="FILE",
        dir_okay=False,
        allow_dash=True,
        show_default=False,
        help=f"Also save the page as {kind} to FILE; - prints the {kind} instead of the page.",
    )


FormatOption = Annotated[str | None, _format_option((TEXT, JSON))]
MarkdownFormatOption = Annotated[str | None, _format_option(FORMATS)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON: short for --format json.")]
SvgOption = Annotated[Path | None, _export_option("--svg", "SVG")]
HtmlOption = Annotated[Path | None, _export_option("--html", "HTML")]


def chosen_output(
    ctx: typer.Context,
    output_format: str | None,
    as_json: bool,
    svg: Path | None,
    html: Path | None,
    *,
    markdown: bool = False,
) -> Output:
    """Check the output options against each other and against what this
    command can print (markdown: whether it has a Markdown form). Commands
    call this first, so a bad combination fails before any question is asked."""
    command = ctx.command_path or "mlroles"
    if output_format is not None and output_format not in FORMATS:
        names = FORMATS if markdown else (TEXT, JSON)
        raise UserError(
            f"Unknown --format {output_format!r}; use {', '.join(names[:-1])} or {names[-1]}."
        )
    if as_json and output_format not in (None, JSON):
        raise UserError(f"Give either --json or --format {output_format}, not both.")
    chosen = JSON if as_json else output_format or TEXT
    if chosen == MARKDOWN and not markdown:
        raise UserError(f"{command} has no Markdown form; use --format text or --format json.")
    if chosen != TEXT and (svg or html):
        flag = "--json" if as_json else f"--format {chosen}"
        raise UserError(f"--svg and --html save the page as shown; they do not go with {flag}.")
    if svg is not None and html is not None and _same_target(svg, html):
        where = "stdout" if svg == STDOUT else str(svg)
        raise UserError(f"--svg and --html would both write to {where}; give each its own file.")
    exports = [p for p in (svg, html) if p is not None and p != STDOUT]
    if exports:
        from mlroles.files.io import check_writable_target

        for path in exports:
            check_writable_target(path, _inputs(ctx))
    return Output(chosen, svg, html)


def _inputs(ctx: typer.Context) -> list[Path]:
    """Every file this run reads: the catalog and questionnaire in use, and
    the command's own file arguments (--answers, FILE)."""
    found: list[Path] = []
    root = ctx.find_root().obj
    for name in ("roles_path", "questions_path"):
        value = getattr(root, name, None)
        if isinstance(value, Path):
            found.append(value)
    # Typer hands the command strings here; its parameters say which are
    # files: a path type, or FILE in the name shown for the value.
    for param in ctx.command.params:
        is_file = type(param.type).__name__.endswith("Path") or "FILE" in (param.metavar or "")
        if param.name in ("svg", "html") or not is_file:
            continue
        value = ctx.params.get(param.name or "")
        values = value if isinstance(value, list | tuple) else [value]
        found += [Path(v) for v in values if isinstance(v, str | Path) and str(v) != "-"]
    return found


def _same_target(a: Path, b: Path) -> bool:
    if STDOUT in (a, b):
        return a == b
    return a.expanduser().resolve() == b.expanduser().resolve()
