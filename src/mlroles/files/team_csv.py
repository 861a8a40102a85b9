"""Team files: CSV with a name and a place on the chart per member. Bad rows
are collected with what is wrong with them; a file with no usable header is
an error."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator

from mlroles.core.axes import AXES, SCALE_MAX, SCALE_MIN
from mlroles.core.catalog import Catalog
from mlroles.core.team import Member, Roster, RowError
from mlroles.files.checks import DataFileError

COLUMNS = {
    "name": "name",
    "machine_learning": "machine_learning",
    "ml": "machine_learning",
    "software_engineering": "software_engineering",
    "swe": "software_engineering",
    "communication": "communication",
    "comm": "communication",
    "work_product": "work_product",
}
REQUIRED = ("name", *AXES)
PROGRESS_EVERY = 5000


class TeamFileError(DataFileError):
    what = "team file"
    fix = (
        "A team file is CSV with a header row: name, machine_learning (or ml), "
        "software_engineering (or swe), communication (or comm), and optionally work_product."
    )


def _column(name: str) -> str:
    return "_".join(name.strip().casefold().replace("-", " ").split())


def _delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def _number(value: str, column: str) -> float | str:
    """The value as a number on the chart scale, or what is wrong with it."""
    if not value:
        return f"'{column}' is missing."
    try:
        number = float(value)
    except ValueError:
        return f"'{column}' is {value!r}, not a number."
    if not math.isfinite(number) or not SCALE_MIN <= number <= SCALE_MAX:
        return f"'{column}' is {value}; use a number from 0 to 10."
    return number


def parse_roster(
    text: str, source: str, catalog: Catalog, progress: Callable[[int], None] | None = None
) -> Roster:
    """Read members from CSV text. Bad rows become RowErrors; a file with no
    usable header raises TeamFileError."""
    text = text.removeprefix("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first), skipinitialspace=True)
    rows = _nonblank(reader)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise TeamFileError(source, ["the file is empty; it needs a header row."]) from None
    except csv.Error as exc:
        raise TeamFileError(source, [f"not readable as CSV: {exc}."]) from None
    index = {
        COLUMNS[_column(h)]: i
        for i, h in reversed(list(enumerate(header)))
        if _column(h) in COLUMNS
    }
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        found = ", ".join(repr(h.strip()) for h in header[:8]) or "nothing"
        raise TeamFileError(
            source,
            [
                f"line {header_line}: no usable header; missing "
                f"{', '.join(missing)} (found {found})."
            ],
        )
    width = max(index.values()) + 1
    name_at, ml_at, swe_at, comm_at = (index[c] for c in REQUIRED)
    product_at = index.get("work_product")
    products: dict[str, str | None] = {"": None}  # raw cell -> role id, looked up once
    members: list[Member] = []
    errors: list[RowError] = []
    try:
        for count, (line, row) in enumerate(rows):
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(line)
            if len(row) < width:
                row = row + [""] * (width - len(row))
            # Fast path for good rows; _row_error explains every problem in a bad one.
            try:
                name = row[name_at].strip()
                ml, swe, comm = float(row[ml_at]), float(row[swe_at]), float(row[comm_at])
            except ValueError:
                errors.append(_row_error(line, row, index, catalog))
                continue
            raw = row[product_at].strip() if product_at is not None else ""
            if raw not in products:
                role = catalog.find(raw)
                products[raw] = role.id if role else None
            product = products[raw]
            if (
                name
                and 0 <= ml <= 10
                and 0 <= swe <= 10
                and 0 <= comm <= 10
                and (product or not raw)
            ):
                members.append(Member(line, name, ml, swe, comm, product))
            else:
                errors.append(_row_error(line, row, index, catalog))
    except csv.Error as exc:
        raise TeamFileError(source, [f"not readable as CSV: {exc}."]) from None
    return Roster(tuple(members), tuple(errors))


def _row_error(line: int, row: list[str], index: dict[str, int], catalog: Catalog) -> RowError:
    """Every problem with a row that did not parse."""
    cells = [cell.strip() for cell in row]
    problems: list[str] = []
    if not cells[index["name"]]:
        problems.append("'name' is missing.")
    for axis in AXES:
        value = _number(cells[index[axis]], axis)
        if isinstance(value, str):
            problems.append(value)
    raw_product = cells[index["work_product"]] if "work_product" in index else ""
    if raw_product and catalog.find(raw_product) is None:
        problems.append(f"'work_product' {raw_product!r} is not a role id.")
    return RowError(line, " ".join(problems))


def _nonblank(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    for row in reader:
        if row and (row[0].strip() or any(cell.strip() for cell in row[1:])):
            yield reader.line_num, row  # type: ignore[attr-defined]
