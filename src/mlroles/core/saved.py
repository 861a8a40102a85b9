"""A quiz result as it is kept in the history: enough to compare a retake
with it (place, noise and verdict), without the catalog it was scored on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mlroles.core.axes import Position


@dataclass(frozen=True)
class SavedResult:
    when: datetime
    profile: Position
    noise: Position
    work_product: str | None
    best: str
    confidence: str
    probability: float | None = None  # the best role's, when the result was saved
    answers: tuple[tuple[str, int | str], ...] = ()  # (question id, value), when answered
