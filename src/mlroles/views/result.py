"""Render a quiz result (an Assessment) as rich renderables. Nothing here prints."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlroles.core import explain
from mlroles.core.axes import AXES, AXIS_LABELS
from mlroles.core.catalog import Catalog
from mlroles.core.movement import Movement
from mlroles.core.posting import PostingReading
from mlroles.core.saved import SavedResult
from mlroles.core.scoring import CLEAR, LEANING, Assessment
from mlroles.views.reference import bullets
from mlroles.views.terminal_chart import Marker, TerminalChart, role_marker, you_marker

CONFIDENCE_STYLE = {CLEAR: "bold green", LEANING: "bold yellow"}


def signed(value: float) -> str:
    return f"{value:+.1f}" if abs(value) >= 0.05 else "0.0"


def profile_line(assessment: Assessment, catalog: Catalog) -> Text:
    line = Text("You: ", style="bold")
    line.append("   ".join(f"{AXIS_LABELS[a]} {assessment.profile.value(a):.1f}" for a in AXES))
    if assessment.work_product:
        line.append("\nWork product: ")
        line.append(catalog.get(assessment.work_product).work_product)
    return line


def ranking_table(assessment: Assessment) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role")
    table.add_column("Fit", justify="right", no_wrap=True)
    table.add_column("Dist", justify="right", no_wrap=True)
    for axis in AXES:
        table.add_column(AXIS_LABELS[axis], justify="right", no_wrap=True)
    for index, score in enumerate(assessment.ranking, start=1):
        style = "bold" if index == 1 else None
        table.add_row(
            str(index),
            Text(score.role.name + (" *" if score.product_match else "")),
            f"{score.fit:.0f}%",
            f"{score.distance:.1f}",
            *(signed(score.gaps.value(axis)) for axis in AXES),
            style=style,
        )
    return table


def movement_section(moved: Movement, previous: SavedResult, catalog: Catalog) -> list[Text]:
    lines = [
        Text(f"Since your last result ({previous.when:%Y-%m-%d %H:%M} UTC)", style="bold cyan")
    ]
    for move in moved.axes:
        verdict = ("a real change", "bold green") if move.real else ("within noise", "dim")
        lines.append(
            Text.assemble(
                f"  {AXIS_LABELS[move.axis]}: {move.before:.1f} → {move.after:.1f} "
                f"({move.change:+.1f}; noise ±{move.threshold:.1f}) ",
                verdict,
            )
        )
    if moved.best_before != moved.best_after:
        before = catalog.find(moved.best_before)
        name = before.name if before else moved.best_before
        lines.append(Text(f"  Best fit was {name}; now {catalog.get(moved.best_after).name}."))
    if not moved.any_real:
        lines.append(Text("  No change is bigger than the questionnaire's noise.", style="dim"))
    return lines


def result_page(
    assessment: Assessment,
    catalog: Catalog,
    previous: SavedResult | None = None,
    moved: Movement | None = None,
) -> Group:
    """Evidence first (chart, table), the verdict last: in a terminal the end
    of the output is what stays on screen."""
    best = assessment.best
    markers = [role_marker(role) for role in catalog.roles]
    if previous is not None:
        p = previous.profile
        markers.append(Marker(p.machine_learning, p.software_engineering, "○", "before", "dim"))
    markers.append(you_marker(assessment.profile))
    parts: list[RenderableType] = [
        TerminalChart(markers, title="Where you stand"),
        Text(),
        Text("Every role, nearest first", style="bold cyan"),
        ranking_table(assessment),
        Text("ML, SWE, Comm: the role's value minus yours.", style="dim"),
    ]
    if assessment.work_product:
        parts.append(Text("* the role whose work product you chose.", style="dim"))
    parts += [Text(), profile_line(assessment, catalog), Text()]
    if previous is not None and moved is not None:
        parts += [*movement_section(moved, previous, catalog), Text()]

    confidence = assessment.confidence
    parts += [
        Text.assemble(
            ("Best fit: ", "bold"),
            (best.role.name, "bold cyan"),
            f"  {best.fit:.0f}% fit, ",
            (confidence, CONFIDENCE_STYLE.get(confidence, "bold red")),
        ),
        Text(best.role.summary, style="italic"),
        Text(explain.why_best(assessment)),
    ]
    for axis in AXES:
        parts.append(Text("  " + explain.gap_phrase(axis, assessment.profile, best)))
    runner_up = explain.why_runner_up(assessment)
    parts += [Text(), Text(runner_up or "")] if runner_up else []
    parts.append(Text(explain.confidence_sentence(assessment)))
    advice = explain.title_sentences(assessment)
    if advice:
        parts += [Text(), *(Text(sentence) for sentence in advice)]
    for warning in assessment.warnings:
        parts += [Text(), Text("! " + warning, style="yellow")]
    parts += [Text(), Text(f"Read more: mlroles describe {best.role.id}", style="dim")]
    return Group(*parts)


def history_table(results: tuple[SavedResult, ...], catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("When (UTC)", no_wrap=True)
    for axis in AXES:
        table.add_column(AXIS_LABELS[axis], justify="right", no_wrap=True)
    table.add_column("Best fit")
    table.add_column("Confidence", no_wrap=True)
    for result in results:
        role = catalog.find(result.best)
        table.add_row(
            f"{result.when:%Y-%m-%d %H:%M}",
            *(f"{result.profile.value(axis):.1f}" for axis in AXES),
            Text(role.name if role else result.best),
            result.confidence,
        )
    return table


def posting_page(reading: PostingReading) -> Group:
    from mlroles.core.posting import article

    assessment = reading.assessment
    best = assessment.best.role
    parts: list[RenderableType] = [
        Text.assemble(
            ("This posting reads as: ", "bold"),
            (best.name, "bold cyan"),
            f"  {assessment.best.fit:.0f}% fit, ",
            (assessment.confidence, CONFIDENCE_STYLE.get(assessment.confidence, "bold red")),
        ),
        Text(explain.confidence_sentence(assessment)),
        Text(),
    ]
    titles = ", ".join(reading.search_titles)
    if reading.title is not None:
        if reading.title_matches:
            parts.append(
                Text(f"The title '{reading.title}' matches: candidates will search for {titles}.")
            )
        else:
            named = (
                f"names {reading.title_role.name}"
                if reading.title_role
                else "names no role in the catalog"
            )
            parts.append(
                Text(
                    f"The title {named}, but this '{reading.title}' posting reads as "
                    f"{article(best.name)} {best.name} job; candidates will search for {titles}.",
                    style="yellow",
                )
            )
    else:
        parts.append(Text(f"Candidates for it will search for {titles}."))
    parts += [Text(), Text(f"Hiring advice for {best.name}", style="bold cyan")]
    parts.append(bullets(best.hiring))
    parts += [
        Text(),
        Text("Every role, nearest first", style="bold cyan"),
        ranking_table(assessment),
    ]
    parts.append(Text("ML, SWE, Comm: the role's value minus the posting's.", style="dim"))
    return Group(*parts)
