"""Roles side by side, or stacked when the terminal is too narrow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from mlroles.core.axes import AXES, AXIS_TITLES
from mlroles.core.catalog import Role, shared_tools
from mlroles.core.survey import Survey
from mlroles.views.survey import compare_rows

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

LABEL_WIDTH = 12
MIN_COLUMN = 20  # narrower than this, a role's text is unreadable side by side
SHARED = "dim"
UNIQUE = "bold yellow"
# Marks that survive without colour (NO_COLOR, a pipe), as the legend says.
ONLY_HERE = "†"
HIGHEST = "▲"
LEGEND = f"{ONLY_HERE} a tool only that role lists; {HIGHEST} the highest value on an axis."


def _tools(role: Role, roles: list[Role]) -> Text:
    """The role's tools: those every compared role lists dimmed, those no
    other compared role lists marked."""
    shared = shared_tools(roles)
    others = {t.casefold() for r in roles if r != role for t in r.tools}
    text = Text()
    for index, tool in enumerate(role.tools):
        if index:
            text.append(", ")
        key = tool.casefold()
        if key in shared:
            text.append(tool, style=SHARED)
        elif key not in others:
            text.append(tool + ONLY_HERE, style=UNIQUE)
        else:
            text.append(tool)
    return text


def _axis(role: Role, axis: str, roles: list[Role]) -> Text:
    values = [r.position.value(axis) for r in roles]
    value = role.position.value(axis)
    if value == max(values) and min(values) != max(values):
        return Text(f"{value:.1f} {HIGHEST}", style=UNIQUE)
    return Text(f"{value:.1f}")


def _rows(
    role: Role, roles: list[Role], survey: Survey | None
) -> Iterator[tuple[str, RenderableType]]:
    yield "Function", Text(role.function)
    yield "Work product", Text(role.work_product)
    yield "Tools", _tools(role, roles)
    yield "Backgrounds", Text("\n".join(f"• {b}" for b in role.backgrounds))
    for axis in AXES:
        yield AXIS_TITLES[axis], _axis(role, axis, roles)
    yield "Hiring notes", Text("\n".join(f"• {h}" for h in role.hiring))
    yield from compare_rows(survey, role)


class CompareView:
    def __init__(self, roles: list[Role], survey: Survey | None = None) -> None:
        self.roles = roles
        self.survey = survey

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        needed = LABEL_WIDTH + len(self.roles) * (MIN_COLUMN + 3)
        yield self.side_by_side() if options.max_width >= needed else self.stacked()
        yield Text(LEGEND, style="dim")
        if self.survey is not None and any(self.survey.for_role(r) for r in self.roles):
            yield Text(self.survey.credit, style="dim")

    def side_by_side(self) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_lines=True)
        table.add_column("", style="bold", no_wrap=True)
        for role in self.roles:
            table.add_column(Text(role.name, style="bold cyan"), ratio=1)
        columns = [list(_rows(role, self.roles, self.survey)) for role in self.roles]
        for index, (label, _) in enumerate(columns[0]):
            table.add_row(label, *(column[index][1] for column in columns))
        return table

    def stacked(self) -> Group:
        parts: list[RenderableType] = []
        for role in self.roles:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column()
            for label, value in _rows(role, self.roles, self.survey):
                grid.add_row(label, value)
            parts += [Text.assemble((role.name, "bold cyan"), "  ", (role.id, "dim")), grid, Text()]
        return Group(*parts)
