"""The text of a job posting: a file or standard input, as plain text,
Markdown or HTML. HTML tags are removed in place, so line numbers still point
into the file the user has open."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TextIO

from mlroles.core.errors import UserError

MAX_BYTES = 1_000_000  # a posting is a few kB; a megabyte is a wrong file
STDIN = "-"
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|tr|ul|ol)\s*>|<br\s*/?>", re.IGNORECASE)


def read_posting_text(name: str, stdin: TextIO) -> str:
    """The posting's text, or a UserError that says what is wrong with it."""
    if name == STDIN:
        text = stdin.read(MAX_BYTES + 1)
        where = "standard input"
        if len(text.encode("utf-8", "replace")) > MAX_BYTES:
            raise UserError(f"The posting on {where} is over 1 MB; give the posting's text only.")
    else:
        path = Path(name)
        where = str(path)
        try:
            if path.is_dir():
                raise UserError(f"{where} is a directory; give the posting's file.")
            with path.open("rb") as handle:  # bounded: /dev/zero or a pipe may never end
                data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise UserError(f"{where} is over 1 MB; give the posting's text only.")
        except FileNotFoundError:
            raise UserError(f"Posting file not found: {where}", "Check the path.") from None
        except OSError as exc:
            raise UserError(f"Cannot read {where}: {exc.strerror}.") from None
        if b"\x00" in data:
            raise UserError(f"{where} is a binary file, not a posting's text.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(f"{where} is not UTF-8 text (byte {exc.start}).") from None
    if "\x00" in text:
        raise UserError(f"The posting on {where} is binary, not text.")
    if not text.strip():
        raise UserError(f"The posting in {where} is empty.")
    return strip_html(text) if looks_like_html(text) else text


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(html|body|p|div|ul|li|h[1-6]|br)\b", text, re.IGNORECASE))


def strip_html(text: str) -> str:
    """Tags out, entities decoded, and every line where it was: a tag that
    spans lines leaves its newlines, and a block end starts a new sentence."""

    def keep_lines(match: re.Match[str]) -> str:
        newlines = match.group(0).count("\n")
        end = ". " if _BLOCK_END.fullmatch(match.group(0)) else ""
        return "\n" * newlines if newlines else end

    return html.unescape(_TAG.sub(keep_lines, text))
