"""The role catalog: roles, their places on the chart, and looking them up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from mlroles.core.axes import Axis, Position, distance
from mlroles.core.errors import UserError


@dataclass(frozen=True)
class Variant:
    """One kind of job that a broad title covers at different companies."""

    id: str
    name: str
    description: str
    search_titles: tuple[str, ...]
    position: Position
    overlaps: str | None = None  # the role this kind of job is elsewhere called
    emphasis: tuple[tuple[str, float], ...] = ()  # (item id, levels), see Role
    survey_titles: tuple[str, ...] = ()  # see Role


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    function: str
    work_product: str
    tools: tuple[str, ...]
    backgrounds: tuple[str, ...]
    hiring: tuple[str, ...]
    position: Position
    label: str = ""  # short name for the chart; the loader defaults it to the name
    variants: tuple[Variant, ...] = ()
    growth: tuple[tuple[Axis, tuple[str, ...]], ...] = ()  # (axis, next steps), per axis
    # (item id, answer levels): how far above (+) or below (-) the role's place
    # on its axis a person in the role answers that question. Items of one
    # axis sum to zero, so the chart position stays the role's average.
    emphasis: tuple[tuple[str, float], ...] = ()
    titles: tuple[str, ...] = ()  # job titles postings use for the role
    # Titles in the 2022 Kaggle survey whose respondents do this job; the
    # survey figures are shown only for roles whose titles they were made from.
    survey_titles: tuple[str, ...] = ()

    def growth_steps(self, axis: Axis) -> tuple[str, ...]:
        return next((steps for name, steps in self.growth if name == axis), ())

    def lookup_keys(self) -> tuple[str, ...]:
        """Every normalised name this role answers to."""
        keys = [normalize(k) for k in (self.id, self.name, *self.aliases)]
        return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Neighbour:
    role: Role
    distance: float


@dataclass(frozen=True)
class Catalog:
    schema_version: int
    roles: tuple[Role, ...]
    source: str

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(role.id for role in self.roles)

    def get(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    @cached_property
    def _by_key(self) -> dict[str, Role]:
        table: dict[str, Role] = {}
        for role in self.roles:
            for key in role.lookup_keys():
                table.setdefault(key, role)
        return table

    def find(self, query: str) -> Role | None:
        """The role whose id, alias or name matches, ignoring case and separators."""
        return self._by_key.get(normalize(query))

    def resolve(self, query: str) -> Role:
        """Like find, but a miss is a UserError that suggests the closest id."""
        role = self.find(query)
        if role is not None:
            return role
        raise UnknownRoleError(query, self)

    def neighbours(self, role: Role) -> tuple[Neighbour, ...]:
        """The other roles, nearest first on the chart (ties in catalog order)."""
        others = [
            Neighbour(r, distance(role.position, r.position)) for r in self.roles if r != role
        ]
        return tuple(sorted(others, key=lambda n: n.distance))


class UnknownRoleError(UserError):
    def __init__(self, query: str, catalog: Catalog) -> None:
        self.query = query
        self.suggestion = suggest(query, catalog)
        first = f"Unknown role '{query}'."
        if self.suggestion:
            first += f" Did you mean '{self.suggestion}'?"
        import textwrap

        known = textwrap.fill(
            "Known roles: " + ", ".join(catalog.ids) + ".",
            width=60,
            subsequent_indent="  ",
            break_on_hyphens=False,  # never split an id
            break_long_words=False,
        )
        super().__init__(first, *known.splitlines())


def normalize(name: str) -> str:
    """Fold case and treat '-', '_' and spaces alike: 'ML_Engineer' -> 'ml-engineer'."""
    return re.sub(r"[\s_-]+", "-", name.strip().casefold()).strip("-")


def suggest(query: str, catalog: Catalog) -> str | None:
    """The id of the role whose id, alias or name is closest to a mistyped query."""
    owner = {key: role.id for role in catalog.roles for key in role.lookup_keys()}
    close = suggest_word(normalize(query), list(owner))
    return owner[close] if close else None


def suggest_word(query: str, words: list[str]) -> str | None:
    """The word closest to a mistyped one, if any is close enough."""
    import difflib  # only needed on a miss; keep it off the start-up path

    close = difflib.get_close_matches(query.casefold(), words, n=1, cutoff=0.6)
    return close[0] if close else None


def shared_tools(roles: list[Role]) -> set[str]:
    """Tools every compared role lists (case-insensitive)."""
    sets = [{t.casefold() for t in role.tools} for role in roles]
    return set.intersection(*sets) if sets else set()
