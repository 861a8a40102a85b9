"""What a job posting really asks for: which role its requirements describe,
and whether its title points somewhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlroles.core.catalog import Catalog, Role, normalize
from mlroles.core.scoring import Assessment, Evidence, Model, assess

# Words that say how senior a job is, not which job it is.
SENIORITY = frozenset(
    [
        "senior",
        "junior",
        "lead",
        "staff",
        "principal",
        "sr",
        "jr",
        "head",
        "chief",
        "associate",
        "intern",
        "graduate",
        "entry",
        "level",
        "mid",
        "i",
        "ii",
        "iii",
        "iv",
    ]
)


def _without_seniority(title: str) -> str:
    words = re.split(r"[\s,/()\-_.]+", title.casefold())
    return " ".join(w for w in words if w and w not in SENIORITY)


def title_role(catalog: Catalog, title: str) -> Role | None:
    """The role a job title names: an id, alias or name, ignoring seniority
    words, or one of the other titles a broad role's kinds are searched under."""
    for candidate in (title, _without_seniority(title)):
        role = catalog.find(candidate)
        if role is not None:
            return role
    key = normalize(_without_seniority(title))
    for role in catalog.roles:
        for variant in role.variants:
            if key in (normalize(t) for t in variant.search_titles):
                return catalog.get(variant.overlaps) if variant.overlaps else role
    return None


@dataclass(frozen=True)
class PostingReading:
    assessment: Assessment
    title: str | None
    title_role: Role | None
    search_titles: tuple[str, ...]  # what candidates for the role found will search for

    @property
    def title_matches(self) -> bool | None:
        if self.title is None:
            return None
        return self.title_role is not None and self.title_role.id == self.assessment.best.role.id


def read_posting(model: Model, evidence: Evidence, title: str | None) -> PostingReading:
    """Score a posting's requirements with the same model as a person's answers."""
    catalog = model.catalog
    assessment = assess(model, evidence)
    best = assessment.best.role
    titles = [best.name]
    if assessment.title_advice is not None:
        titles += assessment.title_advice.variant.search_titles
    unique = tuple(dict.fromkeys(titles, None))
    found = title_role(catalog, title) if title is not None else None
    return PostingReading(assessment, title, found, unique)


def article(name: str) -> str:
    """'an ML engineer', 'a data scientist'."""
    spoken_vowel = name[:1].lower() in "aeiou" or re.match(r"[FHLMNRSX][A-Z]", name[:2])
    return "an" if spoken_vowel else "a"
