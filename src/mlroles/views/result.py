"""Render a quiz result (an Assessment) as rich renderables. Nothing here prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from mlroles.core.axes import AXES, AXIS_LABELS, AXIS_TITLES
from mlroles.core.catalog import Catalog
from mlroles.core.movement import AxisMove, Movement
from mlroles.core.posting import PostingReading
from mlroles.core.questionnaire import Questionnaire
from mlroles.core.reading import Reading as TextReading
from mlroles.core.sanitize import clean
from mlroles.core.saved import SavedResult
from mlroles.core.scoring import Assessment, Confidence, RoleScore
from mlroles.core.verdict import Verdict, percent
from mlroles.views.reference import bullets
from mlroles.views.terminal_chart import Marker, TerminalChart, role_marker, you_marker

CONFIDENCE_STYLE = {Confidence.CLEAR: "bold green", Confidence.LEANING: "bold yellow"}
UNKNOWN = "?"  # an axis no answer spoke to


def signed(value: float) -> str:
    return f"{value:+.1f}" if abs(value) >= 0.05 else "0.0"


def profile_line(assessment: Assessment, catalog: Catalog, who: str = "You") -> Text:
    line = Text(f"{who}: ", style="bold")
    line.append(
        "   ".join(
            f"{AXIS_LABELS[a]} "
            + (f"{assessment.profile.value(a):.1f}" if a in assessment.known_axes else UNKNOWN)
            for a in AXES
        )
    )
    if assessment.work_product:
        line.append("\nWork product: ")
        line.append(catalog.get(assessment.work_product).work_product)
    return line


def short_role_name(score: RoleScore) -> str:
    return score.role.name + (f" ({score.kind.id})" if score.kind else "")


# Narrower than this, the ranking's columns would cut role names: stack it.
RANKING_MIN_WIDTH = 60


class RankingView:
    """Every role, most likely first: a table, or one block per role when the
    terminal is too narrow for the columns."""

    def __init__(self, assessment: Assessment) -> None:
        self.assessment = assessment

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= RANKING_MIN_WIDTH:
            yield ranking_table(self.assessment)
        else:
            yield ranking_stacked(self.assessment)


class _Cells(NamedTuple):
    """One role's figures in the ranking, as both layouts print them."""

    name: str
    probability: str
    fit: str
    distance: str
    gaps: tuple[str, ...]  # in AXES order; UNKNOWN on an axis nothing spoke to


def _cells(score: RoleScore, assessment: Assessment) -> _Cells:
    return _Cells(
        short_role_name(score) + (" *" if score.product_match else ""),
        percent(score.probability),
        f"{score.fit:.0f}%",
        f"{score.distance:.1f}",
        tuple(signed(score.gaps.value(a)) if a in assessment.known_axes else UNKNOWN for a in AXES),
    )


def ranking_stacked(assessment: Assessment) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for index, score in enumerate(assessment.ranking, start=1):
        cells = _cells(score, assessment)
        gaps = "  ".join(f"{AXIS_LABELS[a]} {gap}" for a, gap in zip(AXES, cells.gaps, strict=True))
        style = "bold" if index == 1 else ""
        grid.add_row(
            Text(str(index), style=style),
            Text.assemble(
                (cells.name, style),
                f"\nProb {cells.probability}  Fit {cells.fit}  Dist {cells.distance}\n{gaps}",
            ),
        )
    return grid


def ranking_table(assessment: Assessment) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role")
    table.add_column("Prob", justify="right", no_wrap=True)
    table.add_column("Fit", justify="right", no_wrap=True)
    table.add_column("Dist", justify="right", no_wrap=True)
    for axis in AXES:
        table.add_column(AXIS_LABELS[axis], justify="right", no_wrap=True)
    for index, score in enumerate(assessment.ranking, start=1):
        cells = _cells(score, assessment)
        table.add_row(
            str(index),
            Text(cells.name),
            cells.probability,
            cells.fit,
            cells.distance,
            *cells.gaps,
            style="bold" if index == 1 else None,
        )
    return table


def ranking_legend(assessment: Assessment, whose: str = "yours") -> list[Text]:
    lines = [
        Text(
            "Prob: how likely each role is, given the answers or the place, under the model. "
            "Fit: closeness on the chart alone (100% only at the role's place). "
            f"Dist: chart distance. ML, SWE, Comm: the role's value minus {whose}.",
            style="dim",
        )
    ]
    if assessment.work_product:
        chooser = "you chose" if whose == "yours" else "the posting names"
        lines.append(Text(f"* the role whose work product {chooser}.", style="dim"))
    return lines


def verdict_lines(verdict: Verdict, assessment: Assessment) -> list[RenderableType]:
    best = assessment.best
    style = CONFIDENCE_STYLE.get(assessment.confidence, "bold red")
    parts: list[RenderableType] = [
        Text(verdict.headline, style="bold"),
        Text(best.role.summary, style="italic"),
        Text(verdict.chart),
        *(Text("  " + line) for line in verdict.axes),
    ]
    if verdict.runner_up:
        parts += [Text(), Text(verdict.runner_up)]
    label, _, rest = verdict.stability.partition(":")
    parts.append(Text.assemble((label + ":", style), rest))
    if verdict.title_advice:
        parts += [Text(), *(Text(sentence) for sentence in verdict.title_advice)]
    for caution in verdict.cautions:
        parts += [Text(), Text("! " + caution, style="yellow")]
    return parts


def move_words(move: AxisMove) -> tuple[str | tuple[str, str], ...]:
    """'5.0 → 1.0, down 4.0: a real change (a retake alone moves less than
    2.0, 19 times in 20)', in words rather than a bare '±'."""
    change = abs(move.change)
    if change < 0.05:
        return (f"{move.before:.1f} → {move.after:.1f}, no change",)
    direction = "up" if move.change > 0 else "down"
    # The threshold is the reliable-change bound: 95% of retakes move less.
    by_chance = f"(a retake alone moves less than {move.threshold:.1f}, 19 times in 20)"
    said = f"{move.before:.1f} → {move.after:.1f}, {direction} {change:.1f}: "
    if move.real:
        return (said, ("a real change", "bold green"), f" {by_chance}")
    return (said, ("within chance", "dim"), f" {by_chance}")


def movement_section(moved: Movement, previous: SavedResult, catalog: Catalog) -> list[Text]:
    lines = [
        Text(f"Since your last result ({previous.when:%Y-%m-%d %H:%M} UTC)", style="bold cyan")
    ]
    for move in moved.axes:
        lines.append(Text.assemble(f"  {AXIS_LABELS[move.axis]}: ", *move_words(move)))
    if moved.best_before != moved.best_after:
        before = catalog.find(moved.best_before)
        name = before.name if before else moved.best_before
        now = catalog.get(moved.best_after).name
        lines.append(Text(f"  The most likely role was {name}; now it is {now}."))
    if not moved.any_real:
        lines.append(Text("  No change is bigger than the questionnaire's noise.", style="dim"))
    return lines


def result_page(
    assessment: Assessment,
    verdict: Verdict,
    catalog: Catalog,
    previous: SavedResult | None = None,
    moved: Movement | None = None,
) -> Group:
    """Evidence first (chart, table), the verdict last: in a terminal the end
    of the output is what stays on screen."""
    markers = [role_marker(role) for role in catalog.roles]
    if previous is not None:
        p = previous.profile
        markers.append(Marker(p.machine_learning, p.software_engineering, "○", "before", "dim"))
    plotted = {"machine_learning", "software_engineering"} <= set(assessment.known_axes)
    if plotted:
        markers.append(you_marker(assessment.profile))
    parts: list[RenderableType] = [
        TerminalChart(markers, title="Where you stand" if plotted else "The roles"),
        Text(),
        Text("Every role, most likely first", style="bold cyan"),
        RankingView(assessment),
        *ranking_legend(assessment),
        Text(),
        profile_line(assessment, catalog),
        Text(),
    ]
    if previous is not None and moved is not None:
        parts += [*movement_section(moved, previous, catalog), Text()]
    parts += verdict_lines(verdict, assessment)
    parts += [Text(), Text(f"Read more: mlroles describe {assessment.best.role.id}", style="dim")]
    return Group(*parts)


def history_table(results: tuple[SavedResult, ...], catalog: Catalog, first: int = 0) -> Table:
    """Results from index first on, numbered as in the whole history."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("When (UTC)", no_wrap=True)
    for axis in AXES:
        table.add_column(AXIS_LABELS[axis], justify="right", no_wrap=True)
    table.add_column("Best fit")
    table.add_column("Confidence", no_wrap=True)
    for number, result in enumerate(results[first:], start=first + 1):
        role = catalog.find(result.best)
        table.add_row(
            str(number),
            f"{result.when:%Y-%m-%d %H:%M}",
            *(f"{result.profile.value(axis):.1f}" for axis in AXES),
            Text(role.name if role else result.best),
            result.confidence,
        )
    return table


def saved_result_page(
    result: SavedResult, number: int, catalog: Catalog, questionnaire: Questionnaire
) -> Group:
    """One saved result in full: its place, verdict and the answers behind it."""
    role = catalog.find(result.best)
    product = catalog.find(result.work_product) if result.work_product else None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Saved", f"{result.when:%Y-%m-%d %H:%M} UTC")
    grid.add_row(
        "Place", "   ".join(f"{AXIS_LABELS[a]} {result.profile.value(a):.1f}" for a in AXES)
    )
    best = role.name if role else result.best
    if result.probability is not None:
        best += f", {percent(result.probability)} probability"
    grid.add_row("Most likely", Text(f"{best} ({result.confidence})"))
    grid.add_row("Work product", Text(product.work_product if product else "not sure"))
    parts: list[RenderableType] = [Text(f"Saved result {number}", style="bold cyan"), grid]
    if result.answers:
        answers = Table.grid(padding=(0, 1))
        answers.add_column(no_wrap=True, style="dim")
        answers.add_column()
        for question_id, value in result.answers:
            try:
                question = questionnaire.get(question_id)
                said = f"{question.text} {question.label_for(value)}"
            except (KeyError, StopIteration):  # a question this questionnaire no longer asks
                said = f"{question_id} = {value}"
            answers.add_row(str(value), Text(said))
        parts += [Text(), Text("Answers", style="bold"), answers]
    else:
        parts += [
            Text(),
            Text(
                "No answers were kept: the place was given directly, "
                "or the result was saved before answers were kept.",
                style="dim",
            ),
        ]
    return Group(*parts)


def evidence_lines(
    text: TextReading, questionnaire: Questionnaire, names: Mapping[str, str]
) -> list[RenderableType]:
    """Per axis, the phrases that placed the posting, with their lines, and
    the work product the text names."""
    from mlroles.core.verdict import short_text, work_product_said

    lines: list[RenderableType] = [Text("What the text says", style="bold cyan")]
    for axis in AXES:
        found = [f for f in text.deciding if questionnaire.get(f.item).axis == axis]
        if not found:
            continue
        lines.append(Text(AXIS_TITLES[axis], style="bold"))
        for hit in found:
            also = sorted({h.line for h in text.found if h.item == hit.item} - {hit.line})
            more = f"; also line {', '.join(map(str, also[:5]))}" if also else ""
            kind = "" if hit.required else ", a nice-to-have"
            lines.append(
                Text(
                    f"  {short_text(questionnaire, hit.item)}: level {hit.level} from "
                    f"'{hit.phrase}' (line {hit.line}{kind}{more})"
                )
            )
    lines.append(Text(work_product_said(text, names)))
    unknown = [short_text(questionnaire, item) for item in text.unknown_items]
    if unknown:
        lines.append(Text("No evidence, so left out: " + ", ".join(unknown) + ".", style="dim"))
    if text.negated:
        said = ", ".join(f"'{h.phrase}' (line {h.line})" for h in text.negated[:6])
        lines.append(Text(f"Negated, so not counted: {said}.", style="dim"))
    return lines


def posting_page(
    reading: PostingReading,
    verdict: Verdict,
    catalog: Catalog,
    text: TextReading | None = None,
    questionnaire: Questionnaire | None = None,
) -> Group:
    from mlroles.core.posting import article

    assessment = reading.assessment
    best = assessment.best.role
    parts: list[RenderableType] = []
    if {"machine_learning", "software_engineering"} <= set(assessment.known_axes):
        markers = [role_marker(role) for role in catalog.roles]
        p = assessment.profile
        markers.append(
            Marker(p.machine_learning, p.software_engineering, "★", "posting", "bold magenta")
        )
        parts += [TerminalChart(markers, title="Where the posting stands"), Text()]
    if text is not None and questionnaire is not None:
        names = {role.id: role.name for role in catalog.roles}
        parts += [*evidence_lines(text, questionnaire, names), Text()]
    parts += [
        Text(verdict.headline, style="bold"),
        Text(verdict.chart),
    ]
    label, _, rest = verdict.stability.partition(":")
    style = CONFIDENCE_STYLE.get(assessment.confidence, "bold red")
    parts += [Text.assemble((label + ":", style), rest), Text()]
    titles = ", ".join(reading.search_titles)
    if text is None and assessment.unknown_items and questionnaire is not None:
        from mlroles.core.verdict import short_text

        unknown = ", ".join(short_text(questionnaire, i) for i in assessment.unknown_items)
        parts += [Text(f"Not rated, so left out: {unknown}.", style="dim"), Text()]
    if reading.title is not None:
        if reading.title_matches:
            parts.append(
                Text(
                    f"The title '{clean(reading.title)}' matches: "
                    f"candidates will search for {titles}."
                )
            )
        else:
            named = (
                f"names {reading.title_role.name}"
                if reading.title_role
                else "names no role in the catalog"
            )
            parts.append(
                Text(
                    f"The title {named}, but this '{clean(reading.title)}' posting reads as "
                    f"{article(best.name)} {best.name} job; candidates will search for {titles}.",
                    style="yellow",
                )
            )
    else:
        parts.append(Text(f"Candidates for it will search for {titles}."))
    for caution in verdict.cautions:
        parts += [Text(), Text("! " + caution, style="yellow")]
    parts += [Text(), Text(f"Hiring advice for {best.name}", style="bold cyan")]
    parts.append(bullets(best.hiring))
    parts += [
        Text(),
        profile_line(assessment, catalog, who="The posting"),
        Text(),
        Text("Every role, most likely first", style="bold cyan"),
        RankingView(assessment),
        *ranking_legend(assessment, whose="the posting's"),
    ]
    return Group(*parts)
