"""Saved quiz results: one JSON file per result in the history folder.

One file per result means concurrent quizzes never write the same file, so
none of them can lose another's result. A file that cannot be read is moved
aside (renamed, never deleted) and reported, and the rest of the history is
still used."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mlroles.core.axes import AXES, Position
from mlroles.core.saved import SavedResult
from mlroles.files.io import write_atomic

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class HistoryLoad:
    results: tuple[SavedResult, ...]  # oldest first
    problems: tuple[str, ...]

    @property
    def latest(self) -> SavedResult | None:
        return self.results[-1] if self.results else None


def record(result: SavedResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "when": result.when.isoformat(),
        "profile": result.profile.as_dict(),
        "noise": result.noise.as_dict(),
        "work_product": result.work_product,
        "best": result.best,
        "confidence": result.confidence,
    }


def _position(data: object) -> Position:
    if not isinstance(data, dict):
        raise ValueError("a profile must be an object")
    values = [data[axis] for axis in AXES]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise ValueError("profile values must be numbers")
    return Position(*(float(v) for v in values))


def parse_record(data: object) -> SavedResult:
    """A saved result from its JSON; ValueError or KeyError if it is not one."""
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError("not a saved mlroles result")
    when = datetime.fromisoformat(str(data["when"]))
    product = data["work_product"]
    if not (product is None or isinstance(product, str)):
        raise ValueError("work_product must be a role id or null")
    return SavedResult(
        when=when if when.tzinfo else when.replace(tzinfo=UTC),
        profile=_position(data["profile"]),
        noise=_position(data["noise"]),
        work_product=product,
        best=str(data["best"]),
        confidence=str(data["confidence"]),
    )


class History:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, result: SavedResult) -> Path:
        """Write a new result file; raises UserError if the folder is not writable."""
        from mlroles.core.errors import UserError

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                f"Cannot create the history folder {self.directory}: {exc.strerror}."
            ) from None
        stamp = result.when.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = self.directory / f"result-{stamp}-{os.getpid()}-{secrets.token_hex(3)}.json"
        write_atomic(path, json.dumps(record(result), indent=2) + "\n")
        return path

    def load(self) -> HistoryLoad:
        try:
            files = sorted(self.directory.glob("result-*.json"))
        except OSError as exc:
            return HistoryLoad(
                (), (f"Cannot read the history folder {self.directory}: {exc.strerror}.",)
            )
        results: list[SavedResult] = []
        problems: list[str] = []
        for path in files:
            try:
                results.append(parse_record(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
                problems.append(self._set_aside(path, exc))
        results.sort(key=lambda r: r.when)
        return HistoryLoad(tuple(results), tuple(problems))

    def _set_aside(self, path: Path, reason: Exception) -> str:
        what = f"Saved result {path} could not be read ({type(reason).__name__}: {reason})"
        target = path.with_name(path.name + ".corrupt")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.name}.corrupt{counter}")
        try:
            path.rename(target)
        except OSError as exc:
            return f"{what}; it could not be moved aside either ({exc.strerror})."
        return f"{what}; moved it to {target.name} and carried on without it."
