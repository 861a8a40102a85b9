"""The source's bubble chart drawn with characters: x is machine learning,
y is software engineering, and the marker's glyph shows the bubble size
(how much communication the role needs)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from mlroles.core.axes import SCALE_MAX, Position
from mlroles.core.catalog import Role
from mlroles.core.survey import SurveyGroup

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

# Communication thresholds for the three glyph sizes, and the glyphs.
BUBBLES: tuple[tuple[float, str, str], ...] = (
    (4.0, "•", "under 4"),
    (7.0, "●", "4-7"),
    (float("inf"), "◉", "7+"),
)
YOU_GLYPH = "★"
SURVEY_GLYPH = "◇"
SURVEY_LEGEND = (
    "◇ median of survey respondents with the role's titles; "
    "┄ and ┆ their middle half on machine learning and software engineering"
)
MAX_WIDTH = 64
HEIGHT = 13
GUTTER = 5  # "10 │"


def bubble_glyph(communication: float) -> str:
    return next(glyph for limit, glyph, _ in BUBBLES if communication < limit)


@dataclass(frozen=True)
class Marker:
    machine_learning: float
    software_engineering: float
    glyph: str
    label: str
    style: str
    # The middle half of a group, drawn as ┄ (ML) and ┆ (SWE) through the
    # marker: (ml low, ml high, swe low, swe high).
    band: tuple[float, float, float, float] | None = None


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells: list[list[tuple[str, str]]] = [[(" ", "")] * width for _ in range(height)]
        self.markers: set[tuple[int, int]] = set()

    def marker(self, row: int, col: int, glyph: str, style: str) -> None:
        self.put(row, col, glyph, style)
        self.markers.add((row, col))

    def free(self, row: int, col: int, length: int) -> bool:
        if row < 0 or row >= self.height or col < 0 or col + length > self.width:
            return False
        return all(self.cells[row][c][0] == " " for c in range(col, col + length))

    def fill(self, row: int, col: int, char: str, style: str) -> None:
        """Draw into an empty cell only: bands never hide markers or labels."""
        if 0 <= row < self.height and 0 <= col < self.width and self.cells[row][col] == (" ", ""):
            self.cells[row][col] = (char, style)

    def put(self, row: int, col: int, text: str, style: str) -> None:
        """Write text, never over a marker: labels may crowd, markers stay visible."""
        for offset, char in enumerate(text):
            if 0 <= col + offset < self.width and (row, col + offset) not in self.markers:
                self.cells[row][col + offset] = (char, style)

    def label(self, row: int, col: int, text: str, style: str) -> None:
        """Put a label beside its marker where it overlaps nothing."""
        n = len(text)
        spots = [
            (row, col + 2),
            (row, col - n - 1),
            (row - 1, col - n // 2),
            (row + 1, col - n // 2),
            (row - 1, col + 1),
            (row + 1, col + 1),
            (row - 1, col - n),
            (row + 1, col - n),
        ]
        for r, c in spots:
            if self.free(r, c - (1 if c > 0 else 0), n + (2 if c > 0 else 1)):
                self.put(r, c, text, style)
                return
        r, c = spots[0] if col + 2 + n <= self.width else spots[1]
        self.put(r, max(0, c), text, style)  # crowded: overlap rather than hide


class TerminalChart:
    """A rich renderable that sizes itself to the space it is given."""

    def __init__(self, markers: list[Marker], title: str = "") -> None:
        self.markers = markers
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(min(options.max_width, MAX_WIDTH))

    def lines(self, width: int) -> Iterator[Text]:
        from rich.text import Text

        plot_w = max(20, width - GUTTER)
        canvas = _Canvas(plot_w, HEIGHT)
        spots: dict[tuple[int, int], list[Marker]] = {}

        def column(ml: float) -> int:
            return round(ml / SCALE_MAX * (plot_w - 1))

        def row_of(swe: float) -> int:
            return HEIGHT - 1 - round(swe / SCALE_MAX * (HEIGHT - 1))

        for marker in self.markers:
            spots.setdefault(
                (row_of(marker.software_engineering), column(marker.machine_learning)), []
            ).append(marker)
        for (row, col), here in spots.items():
            # Markers on one cell are counted, not hidden behind each other.
            glyph = here[0].glyph if len(here) == 1 else (str(len(here)) if len(here) < 10 else "+")
            canvas.marker(row, col, glyph, here[-1].style)
        for (row, col), here in spots.items():
            labels = [m.label for m in here if m.label]
            label = ",".join(labels) if len(labels) <= 3 else f"{len(here)} here"
            if label:
                canvas.label(row, col, label, here[-1].style)
        for marker in self.markers:
            if marker.band is None:
                continue
            ml_low, ml_high, swe_low, swe_high = marker.band
            row, col = row_of(marker.software_engineering), column(marker.machine_learning)
            for c in range(column(ml_low), column(ml_high) + 1):
                canvas.fill(row, c, "┄", marker.style)
            for r in range(row_of(swe_high), row_of(swe_low) + 1):
                canvas.fill(r, col, "┆", marker.style)

        if self.title:
            yield Text(self.title, style="bold")
        yield Text("SWE")
        for row_index, cells in enumerate(canvas.cells):
            tick = "10" if row_index == 0 else ("0" if row_index == HEIGHT - 1 else "")
            line = Text(f"{tick:>3} │")
            for style, run in groupby(cells, key=lambda cell: cell[1]):
                line.append("".join(char for char, _ in run), style=style or None)
            yield line
        yield Text("    └" + "─" * plot_w)
        axis = "0".ljust(plot_w - 2) + "10"
        yield Text("     " + axis)
        yield Text("     " + "Machine learning →".center(plot_w).rstrip())
        legend = "  ".join(f"{glyph} {text}" for _, glyph, text in BUBBLES)
        yield Text(f"Communication: {legend}", style="dim")


def role_marker(role: Role) -> Marker:
    p = role.position
    return Marker(
        p.machine_learning,
        p.software_engineering,
        bubble_glyph(p.communication),
        role.label,
        "cyan",
    )


def survey_marker(label: str, group: SurveyGroup) -> Marker | None:
    """Where respondents with the titles sit, or None without both axes."""
    ml, swe = group.spread("machine_learning"), group.spread("software_engineering")
    if ml is None or swe is None:
        return None
    band = (ml.low, ml.high, swe.low, swe.high)
    return Marker(ml.median, swe.median, SURVEY_GLYPH, label.lower(), "yellow", band)


def you_marker(profile: Position) -> Marker:
    return Marker(
        profile.machine_learning, profile.software_engineering, YOU_GLYPH, "you", "bold magenta"
    )
