"""A quiz result as a Markdown report, for notes or a pull request."""

from __future__ import annotations

from mlroles.core import explain
from mlroles.core.axes import AXES, AXIS_LABELS, AXIS_TITLES
from mlroles.core.catalog import Catalog
from mlroles.core.scoring import Assessment


def _cell(text: str) -> str:
    """Table cells: no pipes or newlines from data files."""
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_report(assessment: Assessment, catalog: Catalog) -> str:
    best = assessment.best
    lines = [
        "# mlroles result",
        "",
        f"**Best fit: {best.role.name}** ({best.fit:.0f}% fit, {assessment.confidence})",
        "",
        f"> {best.role.summary}",
        "",
        "## Your profile",
        "",
        "| axis | you |",
        "|---|---:|",
        *(f"| {AXIS_TITLES[a]} | {assessment.profile.value(a):.1f} |" for a in AXES),
    ]
    if assessment.work_product:
        product = catalog.get(assessment.work_product).work_product
        lines += ["", f"Work product you want to own: {_cell(product)}"]
    lines += ["", "## Why", "", explain.why_best(assessment)]
    lines += [f"- {explain.gap_phrase(axis, assessment.profile, best)}" for axis in AXES]
    runner_up = explain.why_runner_up(assessment)
    if runner_up:
        lines += ["", runner_up]
    lines += ["", explain.confidence_sentence(assessment)]
    for sentence in explain.title_sentences(assessment):
        lines += ["", sentence]
    for warning in assessment.warnings:
        lines += ["", f"**Warning:** {warning}"]
    header = " | ".join(f"{AXIS_LABELS[a]} gap" for a in AXES)
    lines += [
        "",
        "## Every role",
        "",
        f"| # | role | fit | distance | {header} |",
        "|---:|---|---:|---:|" + "---:|" * len(AXES),
    ]
    for index, score in enumerate(assessment.ranking, start=1):
        gaps = " | ".join(f"{score.gaps.value(a):+.1f}" for a in AXES)
        lines.append(
            f"| {index} | {_cell(score.role.name)} | {score.fit:.0f}% | "
            f"{score.distance:.2f} | {gaps} |"
        )
    lines += ["", "Gaps are the role's value minus yours, on a 0-10 scale.", ""]
    return "\n".join(lines)
