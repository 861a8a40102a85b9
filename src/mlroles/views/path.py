"""Render a growth path toward a target role."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from mlroles.core.axes import AXIS_TITLES
from mlroles.core.path import PathPlan
from mlroles.core.verdict import percent
from mlroles.views.reference import bullets


def path_page(plan: PathPlan) -> Group:
    parts: list[RenderableType] = [
        Text.assemble(("Your path to ", "bold"), (plan.role.name, "bold cyan")),
        Text(plan.role.summary, style="italic"),
        Text(),
    ]
    for gap in plan.gaps:
        if gap.to_close:
            verdict = Text(f"{gap.gap:+.1f} to go", style="bold yellow")
        elif gap.above:
            verdict = Text(f"{-gap.gap:.1f} above the role", style="green")
        else:
            verdict = Text("met", style="green")
        parts.append(
            Text.assemble(
                (AXIS_TITLES[gap.axis], "bold"),
                f": you {gap.you:.1f}, role {gap.role:.1f}, ",
                verdict,
            )
        )
        if gap.steps:
            parts.append(bullets(gap.steps, indent="  "))
    parts.append(Text())
    summary = Text.assemble(("Readiness now: ", "bold"), f"{plan.readiness_now:.0f}%")
    first = plan.first_gap
    if first is not None:
        summary.append(f". Close the {AXIS_TITLES[first.axis].lower()} gap first: ")
        summary.append(f"{plan.readiness_after:.0f}%", style="bold green")
        summary.append(".")
    else:
        summary.append(". You meet or exceed this role on every axis.")
    parts += [
        summary,
        Text(
            "Readiness counts only where you are below the role; being above it is no gap.",
            style="dim",
        ),
    ]
    standing = plan.standing
    if standing is not None:
        product = (
            "with the work product you chose"
            if standing.work_product
            else "with the work product 'not sure'"
        )
        parts += [
            Text(),
            Text(
                f"Today the quiz's model puts {plan.role.name} at rank {standing.rank} of "
                f"{standing.roles} for you, at {percent(standing.probability)} "
                f"probability ({product})."
            ),
        ]
    return Group(*parts)
