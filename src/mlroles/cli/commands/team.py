"""mlroles team: map a whole team on the chart."""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from mlroles.cli.examples import Example
from mlroles.cli.output import (
    PRETTY_JSON_LIMIT,
    FormatOption,
    HtmlOption,
    JsonOption,
    SvgOption,
    chosen_output,
)
from mlroles.cli.state import state_of
from mlroles.core.errors import UserError
from mlroles.core.words import counted

EXAMPLES = (
    Example("Map a team", "mlroles team team.csv"),
    Example("Refuse a file with any bad row", "mlroles team team.csv --strict"),
    Example("Every member, as JSON", "mlroles team team.csv --json"),
)


def team_command(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV or TSV: name, ml, swe, comm[, work_product], or one column per "
            "question id; - reads standard input.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Any bad row is an error.")] = False,
    stability: Annotated[
        bool,
        typer.Option(
            "--stability",
            help="Also simulate retakes for every member (slower): stability and confidence.",
        ),
    ] = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
) -> None:
    """Map a whole team on the chart and see which roles it covers."""
    from mlroles.core.team import score_team
    from mlroles.files.io import TEAM_FILE_LIMIT, read_bytes
    from mlroles.files.team_csv import decode_team_file, parse_roster
    from mlroles.views import pages

    out = chosen_output(ctx, output_format, as_json, svg, html)
    state = state_of(ctx)
    model = state.model()
    catalog = model.catalog
    if str(file) == "-":
        text = state.env.stdin.read()
    else:
        text = decode_team_file(read_bytes(file, "Team file", TEAM_FILE_LIMIT), str(file))
    with state.progress("Reading the team", total=text.count("\n") + 1) as advance:
        roster = parse_roster(text, str(file), catalog, model.questionnaire, advance)
    if roster.errors:
        lines = [f"{file}: row {e.row}: {e.message}" for e in roster.errors]
        if strict:
            bad = counted(len(lines), "bad row")
            raise UserError(*lines, f"{bad}; fix them or drop --strict.")
        state.message(*lines[:20])
        if len(lines) > 20:
            state.message(f"... and {counted(len(lines) - 20, 'more bad row')} (see --json).")
        state.message(
            f"Skipped {counted(len(lines), 'bad row')}; scored the other "
            f"{counted(len(roster), 'member')}."
        )
    state.message(*(f"{file}: {note}" for note in roster.notes))
    if not len(roster):
        raise UserError(f"{file}: no valid rows to score.")
    report = score_team(model, roster, stability)

    def data() -> object:  # JSON is built, and json_data imported, only when asked for
        from mlroles.views.json_data import team_data

        return team_data(report)

    def chunks(ascii_only: bool) -> Iterator[str]:  # a big team's JSON, a piece at a time
        from mlroles.views.json_data import team_json_chunks

        return team_json_chunks(report, ascii_only)

    state.emit(
        out,
        data=data,
        page=lambda: pages.team(report, catalog),
        wide=True,  # tables of members and roles
        stream=chunks if len(report) > PRETTY_JSON_LIMIT else None,
    )
