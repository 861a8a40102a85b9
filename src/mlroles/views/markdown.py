"""A quiz result as a Markdown report, for notes or a pull request."""

from __future__ import annotations

import re

from mlroles.core.axes import AXES, AXIS_LABELS, AXIS_TITLES
from mlroles.core.catalog import Catalog
from mlroles.core.posting import PostingReading
from mlroles.core.questionnaire import Questionnaire
from mlroles.core.reading import Reading as TextReading
from mlroles.core.scoring import Assessment
from mlroles.core.verdict import Verdict, percent, role_name

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def _md(text: str) -> str:
    """Text from a data file or a user, as inert Markdown on one line: no HTML
    (<, > and & become entities), no emphasis, links, headings, lists or
    table cells (their characters are escaped), and no new lines."""
    flat = " ".join(text.split())
    flat = "".join(_ENTITIES.get(c, c) for c in flat)
    flat = _SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(r"\1\\\2", flat)


def _cell(text: str) -> str:
    """A table cell: the same as any other text from outside."""
    return _md(text)


def markdown_report(assessment: Assessment, verdict: Verdict, catalog: Catalog) -> str:
    best = assessment.best
    lines = [
        "# mlroles result",
        "",
        f"**{_md(verdict.headline)}**",
        "",
        f"> {_md(best.role.summary)}",
        "",
        "## Your profile",
        "",
        "| axis | you |",
        "|---|---:|",
        *(
            f"| {AXIS_TITLES[a]} | "
            + (f"{assessment.profile.value(a):.1f}" if a in assessment.known_axes else "?")
            + " |"
            for a in AXES
        ),
    ]
    if assessment.work_product:
        product = catalog.get(assessment.work_product).work_product
        lines += ["", f"Work product you want to own: {_cell(product)}"]
    lines += ["", "## Why", "", _md(verdict.chart)]
    lines += [f"- {_md(line)}" for line in verdict.axes]
    if verdict.runner_up:
        lines += ["", _md(verdict.runner_up)]
    lines += ["", _md(verdict.stability)]
    for sentence in verdict.title_advice:
        lines += ["", _md(sentence)]
    for caution in verdict.cautions:
        lines += ["", f"**Note:** {_md(caution)}"]
    header = " | ".join(f"{AXIS_LABELS[a]} gap" for a in AXES)
    lines += [
        "",
        "## Every role, most likely first",
        "",
        f"| # | role | probability | chart fit | distance | {header} |",
        "|---:|---|---:|---:|---:|" + "---:|" * len(AXES),
    ]
    for index, score in enumerate(assessment.ranking, start=1):
        gaps = " | ".join(
            f"{score.gaps.value(a):+.1f}" if a in assessment.known_axes else "?" for a in AXES
        )
        lines.append(
            f"| {index} | {_cell(role_name(score))} | {percent(score.probability)} | "
            f"{score.fit:.0f}% | {score.distance:.2f} | {gaps} |"
        )
    lines += [
        "",
        "Probability: how likely each role is given the answers, under the model. Chart fit "
        "and distance: closeness on the chart alone. Gaps are the role's value minus yours, "
        "on a 0-10 scale.",
        "",
    ]
    return "\n".join(lines)


def posting_markdown(
    reading: PostingReading,
    verdict: Verdict,
    text: TextReading | None,
    questionnaire: Questionnaire,
) -> str:
    """A posting's reading as Markdown, for a hiring discussion or a ticket."""
    from mlroles.core.verdict import short_text, work_product_said

    assessment = reading.assessment
    title = f" '{_cell(reading.title)}'" if reading.title else ""
    lines = [f"# mlroles: the posting{title}", "", f"**{_md(verdict.headline)}**", ""]
    lines += [_md(verdict.chart), "", _md(verdict.stability), ""]
    if reading.title is not None:
        named = reading.title_role.name if reading.title_role else "no role in the catalog"
        agrees = "agrees" if reading.title_matches else "does not agree"
        lines += [_md(f"The title names {named}; it {agrees} with the text."), ""]
    lines += [_md(f"Candidates will search for: {', '.join(reading.search_titles)}."), ""]
    if text is not None:
        lines += ["## What the text says", ""]
        for hit in text.deciding:
            kind = "" if hit.required else ", a nice-to-have"
            lines.append(
                f"- {_md(short_text(questionnaire, hit.item))}: level {hit.level} from "
                f"'{_cell(hit.phrase)}' (line {hit.line}{kind})"
            )
        names = {s.role.id: s.role.name for s in assessment.ranking}
        lines += ["", _cell(work_product_said(text, names))]
        unknown = [short_text(questionnaire, i) for i in text.unknown_items]
        if unknown:
            lines += ["", _md(f"No evidence, so left out: {', '.join(unknown)}.")]
        lines.append("")
    lines += [
        "## Every role, most likely first",
        "",
        "| # | role | probability | chart fit | distance |",
        "|---:|---|---:|---:|---:|",
    ]
    for index, score in enumerate(assessment.ranking, start=1):
        lines.append(
            f"| {index} | {_cell(role_name(score))} | {percent(score.probability)} | "
            f"{score.fit:.0f}% | {score.distance:.2f} |"
        )
    lines.append("")
    return "\n".join(lines)
