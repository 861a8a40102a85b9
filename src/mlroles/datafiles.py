"""Find the data files that ship with mlroles.

In a wheel they sit inside the package (mlroles/data/). In an editable
install or a plain checkout the package lives in src/, and the only copy is
data/ at the top of the repository, so look there second."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from mlroles.errors import UserError


def data_file(name: str) -> Path:
    packaged = Path(str(files("mlroles"))) / "data" / name
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data" / name
    if checkout.is_file():
        return checkout
    raise UserError(
        f"The data file {name!r} that ships with mlroles is missing "
        f"(looked in {packaged.parent} and {checkout.parent}).",
        "Reinstall mlroles, or pass a catalog with --roles PATH.",
    )
