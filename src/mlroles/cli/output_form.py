"""What a command prints, without Typer: the formats, and Output, the choice
made by the output options (cli/output.py declares those options). The quiz
starts from here when Typer is skipped (cli/entry.py)."""

from pathlib import Path
from typing import NamedTuple

TEXT, JSON, MARKDOWN = "text", "json", "markdown"
FORMATS = (TEXT, JSON, MARKDOWN)
STDOUT = Path("-")
# A result listing more items than this is written as compact JSON, a chunk at
# a time: indenting forces the slow encoder, and one string would hold it all.
PRETTY_JSON_LIMIT = 1_000


class Output(NamedTuple):  # a NamedTuple: a frozen dataclass costs ~1 ms of start-up
    """What a command prints: its result as text (the page), JSON or
    Markdown, and where the page is saved as SVG or HTML (STDOUT for -)."""

    format: str = TEXT
    svg: Path | None = None
    html: Path | None = None
