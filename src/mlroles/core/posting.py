"""What a job posting really asks for: which role its requirements describe,
and whether its title points somewhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mlroles.core.catalog import Catalog, Role, normalize
from mlroles.core.scoring import Assessment, Evidence, Model, assess

# How many of a role's own titles to suggest searching under: the first ones
# in the catalog, which lists the common ones first.
SEARCH_TITLES = 3


def _tokens(text: str, ignore: frozenset[str]) -> tuple[str, ...]:
    words = re.split(r"[\s,/()\-_.|:&]+", text.casefold())
    return tuple(w for w in words if w and w not in ignore)


def title_role(catalog: Catalog, title: str, ignore: frozenset[str] = frozenset()) -> Role | None:
    """The role a job title names, by the catalog's ids, names, aliases and
    `titles`, and its broad roles' kinds' search titles, with seniority and
    filler words (`ignore`) dropped. A known title whose words all appear in
    the title matches; the longest such title wins, so "Senior Data Scientist,
    Analytics" is a data scientist and "Platform Engineer (ML)" ML DevOps."""
    words = set(_tokens(title, ignore))
    if not words:
        return None

    def names(known: set[str]) -> bool:
        # One word ("researcher", "pm") must be the whole title, or "UX
        # Researcher" would name the ML researcher.
        return bool(known) and known <= words and (len(known) > 1 or known == words)

    best: tuple[int, Role] | None = None
    for role in catalog.roles:
        own = [role.id, role.name, *role.aliases, *role.titles]
        for variant in role.variants:
            owner = catalog.find(variant.overlaps) if variant.overlaps else role
            names_of_kind = [(t, owner or role) for t in variant.search_titles]
            for name, who in names_of_kind:
                known = set(_tokens(name, ignore))
                if names(known) and (best is None or len(known) > best[0]):
                    best = (len(known), who)
        for name in own:
            known = set(_tokens(name, ignore))
            if names(known) and (best is None or len(known) > best[0]):
                best = (len(known), role)
    return None if best is None else best[1]


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


def read_posting(
    model: Model,
    evidence: Evidence,
    title: str | None,
    ignore: frozenset[str] = frozenset(),
) -> PostingReading:
    """Score a posting's requirements with the same model as a person's answers."""
    catalog = model.catalog
    assessment = assess(model, evidence)
    best = assessment.best.role
    titles = [best.name, *best.titles[:SEARCH_TITLES]]
    advice = assessment.title_advice
    if advice is not None and best.id in (advice.role.id, advice.variant.overlaps):
        titles += advice.variant.search_titles
    firsts: dict[str, str] = {}  # one spelling of each title, the first one given
    for name in titles:
        firsts.setdefault(normalize(name), name)
    unique = tuple(firsts.values())
    found = title_role(catalog, title, ignore) if title is not None else None
    return PostingReading(assessment, title, found, unique)


def article(name: str) -> str:
    """'an ML engineer', 'a data scientist'."""
    spoken_vowel = name[:1].lower() in "aeiou" or re.match(r"[FHLMNRSX][A-Z]", name[:2])
    return "an" if spoken_vowel else "a"
