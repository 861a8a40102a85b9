"""Turn catalog objects into rich renderables. Nothing here prints.

Every string from a data file goes into a Text object, never through markup."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlroles.catalog import Catalog, Role
from mlroles.position import AXES, AXIS_LABELS, AXIS_TITLES, SCALE_MAX

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


def roles_table(catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
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


def bullet_list(items: tuple[str, ...]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def role_page(catalog: Catalog, role: Role) -> Group:
    title = Text.assemble((role.name, "bold"), "  ", (role.id, DIM))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=LABEL, no_wrap=True)
    facts.add_column()
    facts.add_row("Also called", Text(", ".join(role.aliases) or "-"))
    facts.add_row("Function", Text(role.function))
    facts.add_row("Work product", Text(role.work_product))
    facts.add_row("Tools", Text(", ".join(role.tools)))
    facts.add_row("Backgrounds", bullet_list(role.backgrounds))
    facts.add_row("Hiring notes", bullet_list(role.hiring))

    parts: list[RenderableType] = [
        title,
        Text(role.summary, style="italic"),
        Text(),
        facts,
        Text(),
        heading("On the chart (0-10)"),
        Padding(chart_bars(role), (0, 0, 0, 1)),
    ]
    if role.variants:
        parts += [Text(), heading(f"What '{role.name}' can mean"), variants_table(role)]
    parts += [Text(), heading("Nearest roles on the chart"), Padding(neighbours_table(catalog, role), (0, 0, 0, 1))]
    return Group(*parts)


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
