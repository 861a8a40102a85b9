"""Every page a command shows (and the quiz's Markdown report), each behind a
function that imports its view only when it is called. Commands build their
pages through here, so importing this module costs nothing and a command
that prints JSON never loads rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from mlroles.core.axes import Position
    from mlroles.core.catalog import Catalog, Role
    from mlroles.core.movement import Movement
    from mlroles.core.path import PathPlan
    from mlroles.core.posting import PostingReading
    from mlroles.core.questionnaire import Questionnaire
    from mlroles.core.reading import Reading as TextReading
    from mlroles.core.saved import SavedResult
    from mlroles.core.scoring import Assessment
    from mlroles.core.survey import Survey
    from mlroles.core.team import TeamReport
    from mlroles.core.verdict import Verdict
    from mlroles.files.data_files import FileCheck


def result(
    assessment: Assessment,
    verdict: Verdict,
    catalog: Catalog,
    previous: SavedResult | None = None,
    moved: Movement | None = None,
) -> RenderableType:
    from mlroles.views.result import result_page

    return result_page(assessment, verdict, catalog, previous, moved)


def result_markdown(assessment: Assessment, verdict: Verdict, catalog: Catalog) -> str:
    from mlroles.views.markdown import markdown_report

    return markdown_report(assessment, verdict, catalog)


def roles(catalog: Catalog) -> RenderableType:
    from mlroles.views.reference import roles_table

    return roles_table(catalog)


def role(catalog: Catalog, found: Role, survey: Survey | None = None) -> RenderableType:
    from mlroles.views.reference import role_page

    return role_page(catalog, found, survey)


def questions(questionnaire: Questionnaire) -> RenderableType:
    from mlroles.views.reference import questions_view

    return questions_view(questionnaire)


def checked(checks: Sequence[FileCheck]) -> str:
    """Plain text: the page prints it unwrapped, so the paths stay whole. Only
    the files that are OK are named here; the problems go to stderr."""
    return "\n".join(c.summary() for c in checks if c.ok)


def path(plan: PathPlan) -> RenderableType:
    from mlroles.views.path import path_page

    return path_page(plan)


def compare(found: list[Role], survey: Survey | None = None) -> RenderableType:
    from mlroles.views.compare import CompareView

    return CompareView(found, survey)


def chart(catalog: Catalog, me: Position | None = None) -> RenderableType:
    from mlroles.views.reference import chart_page

    return chart_page(catalog, me)


def survey_chart(catalog: Catalog, survey: Survey | None) -> RenderableType:
    from mlroles.views.survey import survey_chart_page

    return survey_chart_page(catalog, survey)


def history(results: tuple[SavedResult, ...], catalog: Catalog, first: int = 0) -> RenderableType:
    from mlroles.views.result import history_table

    return history_table(results, catalog, first)


def saved_result(
    result: SavedResult, number: int, catalog: Catalog, questionnaire: Questionnaire
) -> RenderableType:
    from mlroles.views.result import saved_result_page

    return saved_result_page(result, number, catalog, questionnaire)


def team(report: TeamReport, catalog: Catalog) -> RenderableType:
    from mlroles.views.team import team_page

    return team_page(report, catalog)


def posting(
    reading: PostingReading,
    verdict: Verdict,
    catalog: Catalog,
    text: TextReading | None = None,
    questionnaire: Questionnaire | None = None,
) -> RenderableType:
    from mlroles.views.result import posting_page

    return posting_page(reading, verdict, catalog, text, questionnaire)


def posting_markdown(
    reading: PostingReading,
    verdict: Verdict,
    text: TextReading | None,
    questionnaire: Questionnaire,
) -> str:
    from mlroles.views.markdown import posting_markdown

    return posting_markdown(reading, verdict, text, questionnaire)
