"""Survey figures as renderables: the section on a role's page, the rows in
compare, and the chart against what respondents report. Every block that
shows a figure ends with the survey's credit line."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlroles.core.axes import AXIS_TITLES
from mlroles.core.catalog import Catalog, Role
from mlroles.core.survey import Bands, ChartCheck, Share, Survey, SurveyGroup, chart_checks

HEADING = "bold cyan"
DIM = "dim"
NO_TITLE = "No survey title stands for this role in the catalog, so there are no survey figures."


def percent(share: float) -> str:
    return f"{share:.0%}"


def years(bands: Bands) -> str:
    return f"median {bands.median} (middle half {bands.low} to {bands.high})"


def inline(shares: tuple[Share, ...]) -> str:
    return ", ".join(f"{s.name} {percent(s.share)}" for s in shares)


def group_heading(survey: Survey, group: SurveyGroup, name: str) -> Text:
    titles = " / ".join(f"'{t}'" for t in group.titles)
    return Text.assemble(
        (f"What people with this title report ({survey.name}, n = {group.respondents:,})", HEADING),
        "\n",
        (f"{name}: {titles}", DIM),
    )


def group_facts(group: SurveyGroup, activities: int = 4) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column()

    grid.add_row("Years coding", "", Text(years(group.years_coding)))
    grid.add_row("Years of ML", "", Text(years(group.years_ml)))
    production = group.in_production
    grid.add_row(
        "In production",
        percent(production.share),
        Text(f"of employers run ML models in production ({production.answered:,} who knew)"),
    )
    for index, share in enumerate(group.activities[:activities]):
        grid.add_row("Activities" if index == 0 else "", percent(share.share), Text(share.name))
    for label, shares in (
        ("Languages", group.languages),
        ("Frameworks", group.frameworks),
        ("Tools", group.tools),
    ):
        grid.add_row(label, "", Text(inline(shares)))
    return grid


def role_section(survey: Survey | None, role: Role) -> list[RenderableType]:
    """The survey part of a role's page: nothing without the figures file."""
    if survey is None:
        return []
    group = survey.for_role(role)
    if group is None:
        return [Text(), Text("What people with this title report", style=HEADING), Text(NO_TITLE)]
    parts: list[RenderableType] = [
        Text(),
        group_heading(survey, group, role.name),
        group_facts(group),
    ]
    for kind in role.variants:
        kind_group = survey.for_kind(role, kind)
        if kind_group is not None:
            parts += [
                Text(),
                group_heading(survey, kind_group, kind.name),
                group_facts(kind_group, 3),
            ]
    parts.append(Text(survey.credit, style=DIM))
    return parts


COMPARE_LABELS = (
    "Survey n", "Years coding", "Years of ML", "ML in production", "Top activity", "Languages",
)  # fmt: skip


def compare_rows(survey: Survey | None, role: Role) -> list[tuple[str, RenderableType]]:
    """Rows for compare's table; the credit line is printed under the table."""
    if survey is None:
        return []
    group = survey.for_role(role)
    if group is None:  # the same rows as the others, so columns line up side by side
        first, *rest = COMPARE_LABELS
        return [
            (first, Text("no survey title", style=DIM)),
            *((label, Text("-", style=DIM)) for label in rest),
        ]
    values = (
        f"{group.respondents:,}",
        f"{group.years_coding.median} (median)",
        f"{group.years_ml.median} (median)",
        f"{percent(group.in_production.share)} of employers",
        f"{group.activities[0].name} ({percent(group.activities[0].share)})",
        inline(group.languages[:3]),
    )
    return [(label, Text(value)) for label, value in zip(COMPARE_LABELS, values, strict=True)]


def agreement(checks: tuple[ChartCheck, ...]) -> str:
    """One or two sentences: where the survey agrees with the chart, and where not."""
    if not checks:
        return "The survey has figures for none of these roles, so it cannot check the chart."
    inside = sum(c.inside for c in checks)
    first = (
        f"{inside} of the {len(checks)} chart places the survey can check fall inside the "
        "middle half of respondents with the role's titles."
    )
    outside = [c for c in checks if not c.inside]
    if not outside:
        return first
    listed = "; ".join(
        f"{c.name} is {c.direction} on {AXIS_TITLES[c.axis].lower()} "
        f"({c.chart:.1f} against {c.spread.low:.1f}-{c.spread.high:.1f})"
        for c in outside
    )
    return f"{first} The chart puts these outside it: {listed}."


def checks_table(checks: tuple[ChartCheck, ...]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_row(Text("Role"), Text("Axis"), Text("Chart"), Text("Survey (middle half)"))
    for check in checks:
        spread = check.spread
        table.add_row(
            Text(check.name),
            Text(AXIS_TITLES[check.axis]),
            Text(f"{check.chart:.1f}"),
            Text(
                f"{spread.median:.1f} ({spread.low:.1f}-{spread.high:.1f})",
                style="" if check.inside else "bold yellow",
            ),
        )
    return table


def survey_chart_page(catalog: Catalog, survey: Survey | None) -> Group:
    """The source's chart with where respondents with each title sit."""
    from mlroles.views.terminal_chart import (
        SURVEY_LEGEND,
        TerminalChart,
        role_marker,
        survey_marker,
    )

    if survey is None:
        return Group(Text("No survey figures ship with this install; nothing to compare."))
    checks = chart_checks(catalog, survey)
    markers = [role_marker(role) for role in catalog.roles]
    for role in catalog.roles:
        groups = [(role.label, survey.for_role(role))]
        groups += [(kind.id, survey.for_kind(role, kind)) for kind in role.variants]
        placed = (survey_marker(label, g) for label, g in groups if g is not None)
        markers += [m for m in placed if m is not None]
    return Group(
        TerminalChart(markers, title="The chart against the 2022 Kaggle survey"),
        Text(SURVEY_LEGEND, style=DIM),
        Text(),
        checks_table(checks),
        Text(),
        Text(agreement(checks)),
        Text(
            "Communication is not placed: the survey asks nothing about writing, "
            "presenting or working with people.",
            style=DIM,
        ),
        Text(
            "Respondents are placed from their survey answers by a fixed mapping (see the README), "
            "never from their title.",
            style=DIM,
        ),
        Text(survey.credit, style=DIM),
    )
