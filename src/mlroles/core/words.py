"""Small helpers for English on the page."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 member', '2 members', '1 bad row'; plural defaults to noun + 's'."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
