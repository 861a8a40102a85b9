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

from mlroles.core.axes import AXES, SCALE_MAX, SCALE_MIN, Position
from mlroles.core.questionnaire import LEVELS
from mlroles.core.saved import SavedResult
from mlroles.files.checks import ID_PATTERN
from mlroles.files.io import write_atomic

SCHEMA_VERSION = 1
# A save takes milliseconds; a temporary file this old was left by a killed one.
STALE_SECONDS = 3600
# The confidence labels a result can carry (core.scoring.Confidence's values).
CONFIDENCES = ("clear", "leaning", "toss-up")


@dataclass(frozen=True)
class HistoryLoad:
    results: tuple[SavedResult, ...]  # oldest first
    problems: tuple[str, ...]
    paths: tuple[Path, ...] = ()  # each result's file, in the same order
    folder_readable: bool = True  # False: the results could not even be listed

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
        "probability": result.probability,
        "answers": dict(result.answers),
    }


def _position(data: object) -> Position:
    if not isinstance(data, dict):
        raise ValueError("a profile must be an object")
    values = [data[axis] for axis in AXES]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise ValueError("profile values must be numbers")
    if not all(SCALE_MIN <= v <= SCALE_MAX for v in values):  # also false for NaN
        raise ValueError(f"profile values must be from {SCALE_MIN:g} to {SCALE_MAX:g}")
    return Position(*(float(v) for v in values))


def _is_id(value: object) -> bool:
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


class NewerResult(Exception):
    """A result written by a newer mlroles: left alone, not read."""


def parse_record(data: object) -> SavedResult:
    """A saved result from its JSON; NewerResult for a newer schema, and
    ValueError or KeyError if it is not one."""
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise NewerResult(version)
    if not isinstance(data, dict) or version != SCHEMA_VERSION:
        raise ValueError("not a saved mlroles result")
    when = datetime.fromisoformat(str(data["when"]))
    product, best, confidence = data["work_product"], data["best"], data["confidence"]
    if not (product is None or _is_id(product)):
        raise ValueError("work_product must be a role id or null")
    if not _is_id(best):
        raise ValueError("best must be a role id")
    if confidence not in CONFIDENCES:
        raise ValueError(f"confidence must be one of {', '.join(CONFIDENCES)}")
    probability = data.get("probability")  # absent in results saved before it was kept
    if probability is not None and not isinstance(probability, int | float):
        raise ValueError("probability must be a number or null")
    answers = data.get("answers") or {}
    if not isinstance(answers, dict) or not all(
        _is_id(k) and (_is_id(v) or (type(v) is int and 1 <= v <= LEVELS))
        for k, v in answers.items()
    ):
        raise ValueError("answers must map question ids to levels or role ids")
    return SavedResult(
        when=when if when.tzinfo else when.replace(tzinfo=UTC),
        profile=_position(data["profile"]),
        noise=_position(data["noise"]),
        work_product=product,
        best=str(best),
        confidence=str(confidence),
        probability=None if probability is None else float(probability),
        answers=tuple((str(k), v) for k, v in answers.items()),
    )


class History:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, result: SavedResult) -> Path:
        """Write a new result file; raises UserError if the folder is not writable."""
        from mlroles.core.errors import UserError

        if self.directory.exists() and not self.directory.is_dir():
            raise UserError(
                f"The history folder {self.directory} is a file, not a folder.",
                "Move that file away, or set MLROLES_HOME to another folder.",
            )
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

    def load(self, set_aside: bool = False) -> HistoryLoad:
        """Every result, oldest first. A file that is not a result is moved
        aside only with set_aside (a command that writes the history);
        otherwise it is reported and left where it is."""
        try:
            files = sorted(self.directory.glob("result-*.json"))
        except OSError as exc:
            return HistoryLoad(
                (),
                (f"Cannot read the history folder {self.directory}: {exc.strerror}.",),
                folder_readable=False,
            )
        if set_aside:  # only a command that writes the history tidies it
            self._remove_stale_temporaries()
        results: list[tuple[SavedResult, Path]] = []
        problems: list[str] = []
        for path in files:
            try:
                raw = path.read_bytes()
            except OSError as exc:  # unreadable now is not corrupt: leave it where it is
                problems.append(f"Saved result {path} could not be read: {exc.strerror}.")
                continue
            try:
                results.append((parse_record(json.loads(raw.decode("utf-8"))), path))
            except NewerResult as newer:
                problems.append(
                    f"Saved result {path} was written by a newer mlroles (schema version "
                    f"{newer}); left as it is and skipped. Upgrade mlroles to read it."
                )
            except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
                if set_aside:
                    problems.append(self._set_aside(path, exc))
                else:
                    problems.append(
                        f"Saved result {path} could not be read ({type(exc).__name__}: {exc}); "
                        "skipped. The next saved quiz moves it aside."
                    )
        results.sort(key=lambda pair: pair[0].when)
        return HistoryLoad(
            tuple(r for r, _ in results), tuple(problems), tuple(p for _, p in results)
        )

    def _remove_stale_temporaries(self) -> None:
        """A save killed half way leaves its temporary file; one older than
        STALE_SECONDS belongs to no save still running."""
        import time

        cutoff = time.time() - STALE_SECONDS
        for tmp in self.directory.glob(".result-*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
            except OSError:
                pass  # another run removed it, or it cannot be: not worth a word

    def delete(self, path: Path) -> None:
        """Remove one result file; only ever a result-*.json inside the folder."""
        from mlroles.core.errors import UserError

        if path.parent != self.directory or not path.name.startswith("result-"):
            raise ValueError(f"not a result file of this history: {path}")
        try:
            path.unlink()
        except FileNotFoundError:
            pass  # already gone: what was asked for is true
        except OSError as exc:
            raise UserError(f"Cannot delete {path}: {exc.strerror}.") from None

    def _set_aside(self, path: Path, reason: Exception) -> str:
        what = f"Saved result {path} could not be read ({type(reason).__name__}: {reason})"
        target = path.with_name(path.name + ".corrupt")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.name}.corrupt{counter}")
        try:
            path.rename(target)
        except FileNotFoundError:  # another run moved it first
            return f"{what}; another mlroles moved it aside meanwhile."
        except OSError as exc:
            return f"{what}; it could not be moved aside either ({exc.strerror})."
        return f"{what}; moved it to {target.name} and carried on without it."
