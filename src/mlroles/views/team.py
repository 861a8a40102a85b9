"""Render a team report: members, coverage of each role, the team chart, gaps."""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlroles.core.catalog import Catalog
from mlroles.core.scoring import Confidence
from mlroles.core.team import TeamReport
from mlroles.core.verdict import percent
from mlroles.core.words import counted
from mlroles.views.terminal_chart import Marker, TerminalChart, role_marker

MEMBER_TABLE_LIMIT = 25  # more members than this get a summary instead
LABEL_LIMIT = 30  # more members than this are drawn as counts only


def initials(name: str) -> str:
    parts = name.split()
    letters = "".join(p[0] for p in parts[:2]) if len(parts) > 1 else name[:2]
    return letters.upper()


def gap_sentences(report: TeamReport) -> list[str]:
    sentences = []
    for cover in report.coverage:
        if cover.count:
            continue
        if cover.closest is None or cover.closest_distance is None:
            sentences.append(f"Nobody is placed near {cover.role.name}.")
        else:
            sentences.append(
                f"{cover.role.name} is nobody's most likely role; the nearest on the chart "
                f"is {cover.closest.name}, {cover.closest_distance:.1f} away."
            )
    return sentences


def team_page(report: TeamReport, catalog: Catalog) -> Group:
    names = {role.id: role.name for role in catalog.roles}
    total = len(report.fits)
    parts: list[RenderableType] = [
        Text.assemble(("Team: ", "bold"), f"{counted(total, 'member')} scored"),
    ]
    stability = any(fit.confidence is not None for fit in report.fits)
    if total <= MEMBER_TABLE_LIMIT:
        members = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        columns = ["Member", "Most likely", "Prob", "Fit"] + (["Confidence"] if stability else [])
        for column in columns:
            members.add_column(column, justify="right" if column in ("Prob", "Fit") else "left")
        for fit in report.fits:
            cells: list[Text | str] = [
                Text(fit.member.name),
                names[fit.best],
                percent(fit.probability),
            ]
            cells.append(f"{fit.fit:.0f}%")
            if stability:
                cells.append(str(fit.confidence))
            members.add_row(*cells)
        parts += [Text(), members]
        parts.append(
            Text(
                "Prob: how likely the role is given the member's data, under the model. "
                "Fit: chart fit to that role.",
                style="dim",
            )
        )
    elif stability:
        confidence = Counter(fit.confidence for fit in report.fits)
        parts.append(
            Text(
                f"Confidence: {confidence[Confidence.CLEAR]} clear, "
                f"{confidence[Confidence.LEANING]} leaning, "
                f"{confidence[Confidence.TOSS_UP]} toss-up. Use --json for every member.",
                style="dim",
            )
        )

    coverage = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    coverage.add_column("Role")
    coverage.add_column("Most likely for", justify="right", no_wrap=True)
    coverage.add_column("Closest member")
    coverage.add_column("Fit", justify="right", no_wrap=True)
    for cover in report.coverage:
        closest_fit = cover.closest_fit
        coverage.add_row(
            cover.role.name,
            str(cover.count),
            Text(cover.closest.name if cover.closest else "-"),
            "-" if closest_fit is None else f"{closest_fit:.0f}%",
        )
    parts += [Text(), Text("Roles", style="bold cyan"), coverage]

    markers = [role_marker(role) for role in catalog.roles]
    labelled = total <= LABEL_LIMIT
    for fit in report.fits:
        if not fit.plotted:
            continue
        label = initials(fit.member.name) if labelled else ""
        ml, swe, _ = fit.profile
        markers.append(Marker(ml, swe, "*", label, "magenta"))
    parts += [Text(), TerminalChart(markers, title="The team on the chart")]
    parts.append(
        Text(
            "* a member; a digit counts the members and roles that share a spot; + is 10 or more.",
            style="dim",
        )
    )
    gaps = gap_sentences(report)
    if gaps:
        parts += [Text(), Text("Gaps", style="bold yellow"), *(Text(g) for g in gaps)]
    return Group(*parts)
