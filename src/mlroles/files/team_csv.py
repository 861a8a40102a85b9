"""Team files: CSV with a name per member and either a place on the chart
(ml, swe, comm) or answers to the questionnaire (one column per question id,
levels 1-5, an empty cell for a question not asked). Bad rows are collected
with what is wrong with them; a file with no usable header is an error."""

from __future__ import annotations

import csv
import math
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from mlroles.core.axes import AXES, SCALE_MAX, SCALE_MIN
from mlroles.core.catalog import Catalog, normalize
from mlroles.core.questionnaire import LEVELS, NOT_SURE, Questionnaire
from mlroles.core.sanitize import clean
from mlroles.core.team import Roster, RowError
from mlroles.files.data_error import DataFileError

AXIS_COLUMNS = {
    "machine_learning": "machine_learning",
    "ml": "machine_learning",
    "software_engineering": "software_engineering",
    "swe": "software_engineering",
    "communication": "communication",
    "comm": "communication",
}
PRODUCT_COLUMNS = ("work_product",)  # the questionnaire's own id is added per file
PROGRESS_EVERY = 5000
# More columns than this is not a team file: a question per column is a dozen.
MAX_COLUMNS = 1000
# Plain ASCII decimals, as spreadsheets write them (1e-3 too).
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class TeamFileError(DataFileError):
    what = "team file"
    fix = (
        "A team file is CSV with a header row: name, then either machine_learning (or ml), "
        "software_engineering (or swe) and communication (or comm), or one column per "
        "question id (see mlroles questions --json); optionally work_product."
    )


def _column(name: str) -> str:
    return "_".join(name.strip().casefold().replace("-", " ").split())


def _delimiter(header: str) -> str:
    """Tab, semicolon (Excel in many locales) or comma: whichever the header has most of."""
    counts = {d: header.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def decode_team_file(data: bytes, source: str) -> str:
    """The text of a team file: UTF-8 (with or without a BOM) or UTF-16 with
    its BOM, as Excel saves "Unicode text". Other bytes are an error that
    names the row and says how to save the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TeamFileError(source, ["the file says it is UTF-16 but is not."]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise TeamFileError(
            source,
            [
                f"row {row} is not UTF-8 text (byte {exc.start}); the file may come from "
                "Excel in another encoding. Save it as 'CSV UTF-8 (Comma delimited)' and "
                "try again."
            ],
        ) from None


def _number(value: str, column: str) -> float | str:
    """The value as a number on the chart scale, or what is wrong with it."""
    if value.isascii() and "_" not in value:  # the common case, without the regex
        try:
            number = float(value) + 0.0
        except ValueError:
            pass
        else:  # float() also reads inf and nan: those take the path below
            if SCALE_MIN <= number <= SCALE_MAX:
                return number
    if not value:
        return f"'{column}' is missing."
    if not NUMBER.fullmatch(value):  # float() would take 1_0, ٣ and inf
        return f"'{column}' is {clean(repr(value))}, not a number."
    number = float(value) + 0.0  # + 0.0 turns -0 into 0
    if not math.isfinite(number) or not SCALE_MIN <= number <= SCALE_MAX:
        return f"'{column}' is {clean(value)}; use a number from 0 to 10."
    return number


@dataclass(frozen=True)
class _Header:
    line: int
    name: int
    axes: tuple[int, ...]  # column of each axis, in AXES order; empty for item files
    items: tuple[tuple[str, int], ...]  # (question id, column) for item files
    product: int | None
    width: int


def _header(line: int, header: list[str], questionnaire: Questionnaire, source: str) -> _Header:
    keys = [_column(h) for h in header]
    item_ids = {_column(q.id): q.id for q in questionnaire.axis_questions}
    product_keys = {
        *PRODUCT_COLUMNS,
        *(_column(q.id) for q in questionnaire.questions if q.id not in item_ids.values()),
    }

    def first(wanted: set[str]) -> int | None:
        return next((i for i, k in enumerate(keys) if k in wanted), None)

    twice = sorted(
        {k for k in keys if k and keys.count(k) > 1 and _known(k, item_ids, product_keys)}
    )
    if twice:
        named = ", ".join(
            f"'{clean(k)}' (columns {', '.join(str(i + 1) for i, x in enumerate(keys) if x == k)})"
            for k in twice
        )
        raise TeamFileError(source, [f"line {line}: the header names {named} more than once."])
    name = first({"name"})
    axis_at = {AXIS_COLUMNS[k]: i for i, k in reversed(list(enumerate(keys))) if k in AXIS_COLUMNS}
    items = tuple((item_ids[k], i) for i, k in enumerate(keys) if k in item_ids)
    found = ", ".join(repr(clean(h.strip())) for h in header[:8]) or "nothing"
    problems = []
    if name is None:
        problems.append(f"line {line}: no 'name' column (found {found}).")
    if axis_at and items:
        axis_name = header[min(axis_at.values())].strip()
        problems.append(
            f"line {line}: the header has both places on the chart and question answers "
            f"(e.g. {clean(axis_name)!r} and {items[0][0]!r}); a team file holds one kind. "
            "Split it into two files."
        )
    elif not items:
        missing = [a for a in AXES if a not in axis_at]
        if missing:
            problems.append(
                f"line {line}: no usable header; missing {', '.join(missing)}, or question "
                f"id columns (found {found})."
            )
    if problems:
        raise TeamFileError(source, problems)
    columns = [name or 0, *(i for _, i in items), *axis_at.values()]
    product = first(product_keys)
    if product is not None:
        columns.append(product)
    return _Header(
        line,
        name or 0,
        tuple(axis_at[a] for a in AXES) if not items else (),
        items,
        product,
        max(columns) + 1,
    )


def parse_roster(
    text: str,
    source: str,
    catalog: Catalog,
    questionnaire: Questionnaire,
    progress: Callable[[int], None] | None = None,
) -> Roster:
    """Read members from CSV text. Bad rows become RowErrors; a file with no
    usable header raises TeamFileError."""
    # Old Mac files end lines with CR alone; the csv module would stop on them.
    # (Only copied when needed: the text of a million rows is tens of MB.)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = next((line for line in _lines(text) if line.strip()), "")
    delimiter = _delimiter(first)
    if first.count(delimiter) >= MAX_COLUMNS:
        raise TeamFileError(
            source,
            [f"the header has more than {MAX_COLUMNS:,} columns; a team file needs a few."],
        )
    reader = csv.reader(_lines(text, ends=True), delimiter=delimiter, skipinitialspace=True)
    rows = _nonblank(reader)
    try:
        header_line, raw_header = next(rows)
    except StopIteration:
        raise TeamFileError(source, ["the file is empty; it needs a header row."]) from None
    except csv.Error as exc:
        raise TeamFileError(source, [f"not readable as CSV: {exc}."]) from None
    header = _header(header_line, raw_header, questionnaire, source)
    products: dict[str, str | None] = {"": None, NOT_SURE: None}  # cell -> role id, once
    levels = {str(level): level for level in range(1, LEVELS + 1)}
    asked = {item for item, _ in header.items}
    never_asked = [q.id for q in questionnaire.axis_questions if q.id not in asked]
    # a bad cell is named by its column as the file's header writes it (ml, or machine_learning)
    axis_labels = [clean(raw_header[i].strip()) for i in header.axes]
    # Columns, not an object per member (see Roster).
    line_column = array("l")
    names: list[str] = []
    places = array("d")
    levels_column = bytearray()
    product_column = array("i")
    product_ids = tuple(role.id for role in catalog.roles)
    product_code = {role_id: i + 1 for i, role_id in enumerate(product_ids)}
    errors: list[RowError] = []
    longer: list[int] = []  # rows with more cells than the header names
    try:
        for count, (line, row) in enumerate(rows):
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(line)
            if len(row) > len(raw_header) and any(cell.strip() for cell in row[len(raw_header) :]):
                longer.append(line)
            if len(row) < header.width:
                row = row + [""] * (header.width - len(row))
            problems: list[str] = []
            name = row[header.name].strip()
            if not name:
                problems.append("'name' is missing.")
            raw = row[header.product].strip() if header.product is not None else ""
            if raw not in products:
                role = catalog.find(raw)
                products[raw] = role.id if role else None
            product = products[raw]
            if product is None and raw and normalize(raw) != NOT_SURE:
                problems.append(f"'work_product' {clean(repr(raw))} is not a role id.")
            if header.items:
                row_levels = bytearray(len(header.items))
                empty = 0
                for k, (item, column) in enumerate(header.items):
                    cell = row[column].strip()
                    empty += not cell
                    if cell in levels:
                        row_levels[k] = levels[cell]
                    elif cell:
                        problems.append(
                            f"'{item}' is {clean(repr(cell))}; use a level from 1 to {LEVELS}, "
                            "or leave it empty if it was not asked."
                        )
                if empty == len(header.items):
                    problems.append("every question is empty; answer at least one.")
                if not problems:
                    levels_column += row_levels
            else:
                values = [
                    _number(row[i].strip(), label)
                    for i, label in zip(header.axes, axis_labels, strict=True)
                ]
                said = [v for v in values if isinstance(v, str)]
                if said:
                    problems += said
                elif not problems:  # every value is a number
                    places.extend(cast(list[float], values))
            if problems:
                errors.append(RowError(line, " ".join(problems)))
            else:
                line_column.append(line)
                names.append(clean(name))
                product_column.append(product_code[product] if product else 0)
    except csv.Error as exc:
        raise TeamFileError(source, [f"not readable as CSV: {exc}."]) from None
    notes: tuple[str, ...] = ()
    if longer:
        rows_said = "1 row has" if len(longer) == 1 else f"{len(longer):,} rows have"
        notes = (
            f"{rows_said} more cells than the header names (first: row {longer[0]}); "
            "the extra cells were ignored.",
        )
    return Roster(
        rows=line_column,
        names=names,
        places=places,
        levels=bytes(levels_column),
        asked=tuple(item for item, _ in header.items),
        never_asked=tuple(never_asked) if header.items else (),
        products=product_column,
        product_ids=product_ids,
        errors=tuple(errors),
        by_items=bool(header.items),
        notes=notes,
    )


def _lines(text: str, ends: bool = False) -> Iterator[str]:
    """The text's lines, one at a time (splitlines, or a StringIO, would copy
    a huge file); with ends, each keeps its newline, as csv.reader wants."""
    start = 0
    keep = 1 if ends else 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            if start < len(text) or not ends:
                yield text[start:]
            return
        yield text[start : end + keep]
        start = end + 1


def _known(key: str, item_ids: dict[str, str], product_keys: set[str]) -> bool:
    return key == "name" or key in AXIS_COLUMNS or key in item_ids or key in product_keys


def _nonblank(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows with something in them, each with the line it starts on (a quoted
    cell may run over several lines)."""
    ended = 0  # the line the previous record ended on
    for row in reader:
        start, ended = ended + 1, reader.line_num  # type: ignore[attr-defined]
        if row and (row[0].strip() or any(cell.strip() for cell in row[1:])):
            yield start, row
