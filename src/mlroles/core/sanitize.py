"""Make text from data files safe to show in a terminal."""

from __future__ import annotations

import re
from functools import cache

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC codes,
# and the one-byte C1 CSI.
_ESCAPE_SEQUENCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 control characters and DEL; newline is kept, tab becomes a space.
# Also characters that change how text looks without being seen: bidi
# embeddings, overrides and isolates (which can reverse a name on screen),
# zero-width characters, the byte-order mark, line and paragraph separators,
# and Unicode tag characters.
_CONTROL = (
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    r"\u2066-\u2069\ufeff\u2028\u2029\U000e0000-\U000e007f]"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_ESCAPE_SEQUENCE), re.compile(_CONTROL)


def clean(text: str) -> str:
    """Remove terminal escape sequences and control characters."""
    if text.isprintable():  # the common case: nothing to remove, no regex needed
        return text
    escapes, controls = _patterns()
    return controls.sub("", escapes.sub("", text.replace("\t", " ")))
