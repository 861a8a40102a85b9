"""Output for a stream that cannot encode our drawing characters (LANG=C on
some systems, PYTHONIOENCODING=ascii, an old Windows console): each one is
written as the nearest ASCII, and anything else unencodable as '?', never an
error."""

from __future__ import annotations

from typing import TextIO, cast

# Same width as the character it replaces, so charts and tables stay aligned.
ASCII = str.maketrans(
    {
        "│": "|", "─": "-", "└": "+", "┄": "-", "┆": ":", "·": ".", "…": ".",
        "★": "*", "•": "o", "●": "O", "◉": "@", "◇": "x", "○": "o", "▲": "^", "†": "+",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "✓": "v", "✎": "~", "»": ">", "±": "+",
        "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#",
        "≥": ">", "≤": "<", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
        "\u2013": "-", "\u2014": "-", "\u00a0": " ",
    }
)  # fmt: skip
PROBE = "│★"


def can_draw(stream: TextIO) -> bool:
    """True when the stream can encode our drawing characters (or is not bytes-backed).
    False for an AsciiStream, which exists because its stream cannot."""
    if isinstance(stream, AsciiStream):
        return False
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        PROBE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class AsciiStream:
    """Writes to a stream, translating drawing characters it cannot encode.
    Duck-typed as a text stream: what rich and print use of one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding: str = getattr(stream, "encoding", None) or "ascii"  # rich reads it

    def write(self, text: str) -> int:
        safe = text.translate(ASCII).encode(self.encoding, "replace").decode(self.encoding)
        self.stream.write(safe)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def drawable(stream: TextIO) -> TextIO:
    """The stream itself, or an ASCII-translating wrapper when it needs one."""
    return stream if can_draw(stream) else cast(TextIO, AsciiStream(stream))
