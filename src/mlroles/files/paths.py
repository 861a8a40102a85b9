"""Find the data files that ship with mlroles.

In a wheel they sit inside the package (mlroles/data/). In an editable
install or a plain checkout the package lives in src/, and the only copy is
data/ at the top of the repository, so look there second. A plain path is
used rather than importlib.resources: mlroles is never imported from a zip,
and importlib.resources costs several milliseconds of start-up."""

from __future__ import annotations

from pathlib import Path

from mlroles.core.errors import UserError

PACKAGE_DIR = Path(__file__).resolve().parent.parent
OPTION_FOR = {
    "roles.toml": "a catalog with --roles PATH",
    "questions.toml": "a questionnaire with --questions PATH",
}


def optional_data_file(name: str) -> Path | None:
    """The shipped data file, or None when neither place holds it."""
    for folder in (PACKAGE_DIR / "data", PACKAGE_DIR.parents[1] / "data"):
        if (folder / name).is_file():
            return folder / name
    return None


def data_file(name: str) -> Path:
    found = optional_data_file(name)
    if found is not None:
        return found
    packaged = PACKAGE_DIR / "data" / name
    checkout = PACKAGE_DIR.parents[1] / "data" / name
    raise UserError(
        f"The data file {name!r} that ships with mlroles is missing "
        f"(looked in {packaged.parent} and {checkout.parent}).",
        f"Reinstall mlroles, or pass {OPTION_FOR.get(name, 'your own file')}.",
    )
