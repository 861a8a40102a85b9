"""What survey respondents with a role's titles report: aggregates made by
scripts/survey_facts.py from the 2022 Kaggle survey, and how they meet the
catalog. Pure data; nothing here reads the survey itself."""

from __future__ import annotations

from typing import NamedTuple

from mlroles.core.axes import Axis, Position
from mlroles.core.catalog import Catalog, Role, Variant


class Share(NamedTuple):  # a NamedTuple: cheaper to define at start-up than a dataclass
    name: str
    share: float  # 0..1 of the respondents who answered the question it comes from
    answered: int


class Bands(NamedTuple):
    """A quantity the survey asks in bands (years): the bands at the quartiles."""

    answered: int
    low: str  # the band holding the 25th percentile
    median: str
    high: str  # the band holding the 75th percentile


class Spread(NamedTuple):
    """A chart axis for the placed respondents: quartiles on the 0-10 scale."""

    low: float
    median: float
    high: float


class SurveyGroup(NamedTuple):
    """Respondents whose title is one of `titles`: figures for a role or a kind."""

    role: str
    kind: str | None
    titles: tuple[str, ...]
    respondents: int
    years_coding: Bands
    years_ml: Bands
    in_production: Share  # employer runs ML models in production
    activities: tuple[Share, ...]
    languages: tuple[Share, ...]
    frameworks: tuple[Share, ...]
    tools: tuple[Share, ...]
    placed: int  # respondents the mapping could place on the questionnaire
    chart: tuple[tuple[Axis, Spread], ...]  # only the axes the survey speaks to

    def spread(self, axis: Axis) -> Spread | None:
        return next((s for a, s in self.chart if a == axis), None)


class Survey(NamedTuple):
    name: str
    credit: str  # the line the licence asks for, shown wherever a figure is
    groups: tuple[SurveyGroup, ...]

    def for_role(self, role: Role) -> SurveyGroup | None:
        """The role's figures, only when they were made from the titles the
        catalog gives it: a custom catalog without survey_titles, or with other
        ones, gets none rather than figures for some other job."""
        return self._match(role.id, None, role.survey_titles)

    def for_kind(self, role: Role, kind: Variant) -> SurveyGroup | None:
        return self._match(role.id, kind.id, kind.survey_titles)

    def _match(self, role: str, kind: str | None, titles: tuple[str, ...]) -> SurveyGroup | None:
        if not titles:
            return None
        for group in self.groups:
            if (group.role, group.kind) == (role, kind) and set(group.titles) == set(titles):
                return group
        return None


class ChartCheck(NamedTuple):
    """One chart place the survey can check: a role's (or kind's) position on
    one axis against the middle half of respondents with its titles."""

    name: str  # the role's name, or "role: kind"
    axis: Axis
    chart: float
    spread: Spread

    @property
    def inside(self) -> bool:
        return self.spread.low <= self.chart <= self.spread.high

    @property
    def direction(self) -> str:
        """'inside', or where the chart puts the role against respondents."""
        if self.inside:
            return "inside"
        return "higher" if self.chart > self.spread.high else "lower"


def chart_checks(catalog: Catalog, survey: Survey) -> tuple[ChartCheck, ...]:
    """Every (role or kind, axis) pair with both a chart place and survey figures."""
    checks: list[ChartCheck] = []
    for role in catalog.roles:
        places: list[tuple[str, Position, SurveyGroup | None]] = [
            (role.name, role.position, survey.for_role(role))
        ]
        places += [
            (f"{role.name}: {kind.name}", kind.position, survey.for_kind(role, kind))
            for kind in role.variants
        ]
        for name, position, group in places:
            if group is None:
                continue
            for axis, spread in group.chart:
                checks.append(ChartCheck(name, axis, position.value(axis), spread))
    return tuple(checks)
