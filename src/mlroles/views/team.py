"""Render a team report: members, coverage of each role, the team chart, gaps."""

from __future__ import annotations

from collections import Counter

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlroles.core.catalog import Catalog
from mlroles.core.scoring import CLEAR, LEANING, TOSS_UP
from mlroles.core.team import TeamReport
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
            sentences.append(f"Nobody fits {cover.role.name}.")
        else:
            sentences.append(
                f"Nobody fits {cover.role.name} best; the nearest is {cover.closest.name}, "
                f"{cover.closest_distance:.1f} away."
            )
    return sentences


def team_page(report: TeamReport, catalog: Catalog) -> Group:
    names = {role.id: role.name for role in catalog.roles}
    total = len(report.fits)
    parts: list[RenderableType] = [
        Text.assemble(("Team: ", "bold"), f"{total} members scored"),
    ]
    if total <= MEMBER_TABLE_LIMIT:
        members = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for column in ("Member", "Best fit", "Fit", "Confidence"):
            members.add_column(column, justify="right" if column == "Fit" else "left")
        for fit in report.fits:
            members.add_row(
                Text(fit.member.name), names[fit.best], f"{fit.fit:.0f}%", fit.confidence
            )
        parts += [Text(), members]
    else:
        confidence = Counter(fit.confidence for fit in report.fits)
        parts.append(
            Text(
                f"Confidence: {confidence[CLEAR]} clear, {confidence[LEANING]} leaning, "
                f"{confidence[TOSS_UP]} toss-up. Use --json for every member.",
                style="dim",
            )
        )

    coverage = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    coverage.add_column("Role")
    coverage.add_column("Best fit for", justify="right", no_wrap=True)
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
        m = fit.member
        label = initials(m.name) if labelled else ""
        markers.append(Marker(m.machine_learning, m.software_engineering, "*", label, "magenta"))
    parts += [Text(), TerminalChart(markers, title="The team on the chart")]
    parts.append(Text("* a member; a digit counts members that share a spot.", style="dim"))
    gaps = gap_sentences(report)
    if gaps:
        parts += [Text(), Text("Gaps", style="bold yellow"), *(Text(g) for g in gaps)]
    return Group(*parts)
