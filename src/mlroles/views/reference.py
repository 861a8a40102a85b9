"""Turn catalog objects into rich renderables. Nothing here prints.

Every string from a data file goes into a Text object, never through markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlroles.core.axes import AXES, AXIS_LABELS, AXIS_TITLES, SCALE_MAX, Position, as_axis
from mlroles.core.catalog import Catalog, Role
from mlroles.views.survey import role_section

if TYPE_CHECKING:  # kept off describe's start-up path
    from mlroles.core.questionnaire import Questionnaire
    from mlroles.core.survey import Survey

HEADING = "bold cyan"
LABEL = "bold"
DIM = "dim"


def bar(value: float, width: int = 10) -> Text:
    """A horizontal bar for a 0-10 value, in eighths of a cell."""
    eighths = round(value / SCALE_MAX * width * 8)
    full, part = divmod(eighths, 8)
    blocks = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return Text(blocks.ljust(width, "·")[:width], style="green")


def heading(text: str) -> Text:
    return Text(text, style=HEADING)


def bullets(items: tuple[str, ...], indent: str = "") -> Table:
    """A bulleted list whose items wrap with a hanging indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(f"{indent}•", Text(item))
    return grid


def roles_table(catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Role")
    for axis in AXES:
        table.add_column(AXIS_LABELS[axis], justify="right", no_wrap=True)
    table.add_column("Work product")
    for role in catalog.roles:
        table.add_row(
            Text.assemble((role.name, LABEL), "\n", (role.id, "cyan")),
            *(Text(f"{role.position.value(axis):.1f}") for axis in AXES),
            Text(role.work_product),
        )
    return table


def role_page(catalog: Catalog, role: Role, survey: Survey | None = None) -> Group:
    title = Text.assemble((role.name, "bold"), "  ", (role.id, DIM))
    # One flat grid (label, bullet, text) rather than nested tables: it wraps
    # list items with a hanging indent and renders much faster.
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style=LABEL, no_wrap=True)
    facts.add_column(no_wrap=True)
    facts.add_column()
    rows: list[tuple[str, tuple[str, ...], bool]] = [
        ("Also called", (", ".join(role.aliases) or "-",), False),
        ("Function", (role.function,), False),
        ("Work product", (role.work_product,), False),
        ("Tools", (", ".join(role.tools),), False),
        ("Backgrounds", role.backgrounds, True),
        ("Hiring notes", role.hiring, True),
    ]
    for label, items, bulleted in rows:
        for index, item in enumerate(items):
            facts.add_row(label if index == 0 else "", "•" if bulleted else "", Text(item))

    parts: list[RenderableType] = [
        title,
        Text(role.summary, style="italic"),
        Text(),
        facts,
        Text(),
        heading("On the chart (0-10)"),
        chart_bars(role),
    ]
    if role.variants:
        parts += [Text(), heading(f"What '{role.name}' can mean"), variants_table(role)]
    if role.growth:
        parts += [Text(), heading("Growing into this role"), growth_grid(role)]
    parts += [Text(), heading("Nearest roles on the chart"), neighbours_table(catalog, role)]
    parts += role_section(survey, role)
    return Group(*parts)


def growth_grid(role: Role) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=LABEL, no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for axis, steps in role.growth:
        for index, step in enumerate(steps):
            grid.add_row(AXIS_LABELS[axis] if index == 0 else "", "•", Text(step))
    return grid


def chart_bars(role: Role) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for axis in AXES:
        value = role.position.value(axis)
        grid.add_row(AXIS_TITLES[axis], bar(value), f"{value:.1f}")
    return grid


def variants_table(role: Role) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Kind of job")
    table.add_column("Also search for")
    for variant in role.variants:
        table.add_row(
            Group(Text(variant.name, style=LABEL), Text(variant.description)),
            Text("\n".join(variant.search_titles)),
        )
    return table


def neighbours_table(catalog: Catalog, role: Role) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for neighbour in catalog.neighbours(role)[:3]:
        grid.add_row(
            Text(neighbour.role.name),
            Text(f"{neighbour.distance:.1f} away", style=DIM),
        )
    return grid


def questions_view(questionnaire: Questionnaire) -> Group:
    parts: list[RenderableType] = []
    total = len(questionnaire.questions)
    for number, question in enumerate(questionnaire.questions, start=1):
        axis = AXIS_TITLES[as_axis(question.axis)] if question.axis in AXES else "Work product"
        parts.append(Text.assemble((f"{number}/{total} ", DIM), (question.text, LABEL)))
        parts.append(Text(f"id: {question.id}   axis: {axis}", style=DIM))
        choices = Table.grid(padding=(0, 1))
        choices.add_column(justify="right", no_wrap=True, style="cyan")
        choices.add_column()
        for choice in question.choices:
            choices.add_row(str(choice.value), Text(choice.label))
        parts += [choices, Text()]
    parts.append(Text("Answer in a file (TOML or JSON) of id = value, then run:", style=DIM))
    parts.append(Text("mlroles quiz --answers FILE", style="bold"))
    return Group(*parts)


def chart_page(catalog: Catalog, me: Position | None = None) -> Group:
    """The whole catalog on the chart, as the source's figure draws it."""
    from mlroles.views.terminal_chart import TerminalChart, role_marker, you_marker

    markers = [role_marker(role) for role in catalog.roles]
    if me is not None:
        markers.append(you_marker(me))
    key = Table.grid(padding=(0, 2))
    key.add_column(no_wrap=True)
    key.add_column(no_wrap=True)
    key.add_column(justify="right", no_wrap=True)
    for role in catalog.roles:
        key.add_row(
            Text(role.label, style="cyan"), Text(role.name), bar(role.position.communication)
        )
    return Group(
        TerminalChart(markers, title="ML team roles: machine learning vs software engineering"),
        Text(),
        Text("Bubble size: how much communication and writing the role needs", style=DIM),
        key,
    )
