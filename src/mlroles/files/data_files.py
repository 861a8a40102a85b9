"""Check the data files mlroles reads, each on its own: the role catalog and
the questionnaire. Nothing is printed here; `mlroles check` reports the result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlroles.core.catalog import Catalog
from mlroles.core.errors import UserError


@dataclass(frozen=True)
class FileCheck:
    """One data file: how many items it holds, or the lines that say what is wrong."""

    source: str
    kind: str  # what the file is: "role catalog", "questionnaire"
    noun: str  # what the file holds, singular: "role", "question"
    count: int | None  # None when the file cannot be used
    problems: tuple[str, ...] = ()  # each problem, as "where: what"
    message: tuple[str, ...] = ()  # the lines that report them, for stderr

    @property
    def ok(self) -> bool:
        return self.count is not None

    def summary(self) -> str:
        """For example "data/roles.toml: OK, 6 roles."."""
        plural = "" if self.count == 1 else "s"
        return f"{self.source}: OK, {self.count} {self.noun}{plural}."


def check_data_files(roles: Path, questions: Path) -> tuple[FileCheck, FileCheck]:
    """Check the catalog, then the questionnaire. A broken catalog does not stop
    the questionnaire's own fields from being checked: its work-product
    question is then checked against no roles."""
    from mlroles.files.catalog_file import SCHEMA_VERSION, load_catalog
    from mlroles.files.questionnaire_file import load_questionnaire

    try:
        catalog = load_catalog(roles)
    except UserError as exc:
        roles_check = _failed(str(roles), "role catalog", "role", exc)
        catalog = Catalog(schema_version=SCHEMA_VERSION, roles=(), source=str(roles))
    else:
        roles_check = FileCheck(catalog.source, "role catalog", "role", len(catalog.roles))
    try:
        questionnaire = load_questionnaire(questions, catalog)
    except UserError as exc:
        questions_check = _failed(str(questions), "questionnaire", "question", exc)
    else:
        questions_check = FileCheck(
            questionnaire.source, "questionnaire", "question", len(questionnaire.questions)
        )
        if roles_check.ok:  # the catalog's item emphases must fit this questionnaire
            from mlroles.core.scoring import emphasis_problems

            problems = emphasis_problems(catalog, questionnaire)
            if problems:
                error = UserError(
                    f"The role catalog {catalog.source} does not fit the questionnaire "
                    f"{questionnaire.source} ({len(problems)} problems):",
                    *(f"  - {p}" for p in problems),
                    "Fix the [roles.emphasis] tables, or use the questionnaire they were "
                    "written for; the quiz leaves such emphases out until then.",
                )
                roles_check = _failed(catalog.source, "role catalog", "role", error)
    return roles_check, questions_check


def _failed(source: str, kind: str, noun: str, error: UserError) -> FileCheck:
    from mlroles.files.data_error import DataFileError

    problems = error.problems if isinstance(error, DataFileError) else error.lines[1:]
    return FileCheck(source, kind, noun, None, tuple(p.strip() for p in problems), error.lines)


def kind_of(path: Path) -> str:
    """ "roles" or "questions": which data file this looks like, by its tables.
    Read loosely (a file with a syntax error is still recognised), since the
    point is to report what is wrong with it."""
    import re

    from mlroles.files.catalog_file import CatalogError
    from mlroles.files.data_error import read_data_text

    text = read_data_text(path, "Data file", CatalogError)
    for kind in ("roles", "questions"):
        if re.search(rf"^\s*\[\[\s*{kind}\s*\]\]", text, re.M):
            return kind
    raise UserError(
        f"{path} is neither a role catalog (no [[roles]] tables) nor a questionnaire "
        "(no [[questions]] tables).",
        "mlroles check FILE checks data files: data/roles.toml or data/questions.toml "
        "and copies of them.",
    )
