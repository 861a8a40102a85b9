"""The model against 2022 Kaggle survey respondents, placed without their titles.

Each usable respondent with a title that is evidence for a role (ML engineer,
data engineer, research scientist, data scientist and data analyst) is placed
on the questionnaire by benchmarks/kaggle_mapping.py; communication is never
asked, so it is unknown. The script reports the balanced accuracy (the mean of
the per-title recalls, so the many data scientists do not dominate) with the
work product read from the activities and with it "not sure", the confusion
table, and what the survey says about item emphasis: per title, how far each
item sits above or below its axis's mean, relative to all respondents.

Source: Kaggle Machine Learning & Data Science Survey 2022 (CC BY 2.0).

    python benchmarks/survey_check.py [--csv PATH]
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from accuracy import load_model
from kaggle_mapping import DATA, Respondent, respondents
from mlroles.core.axes import AXES
from mlroles.core.scoring import Evidence, Model


def balanced_accuracy(model: Model, people: list[Respondent], with_product: bool) -> None:
    batch = model.batch
    roles = [r.id for r in model.catalog.roles]
    unknown = tuple(q.id for q in model.questionnaire.axis_questions if q.axis == "communication")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for person in people:
        assert person.role is not None
        evidence = Evidence(
            levels=tuple(person.answers.items()),
            work_product=person.work_product if with_product else None,
            unknown_items=unknown,
        )
        posterior, *_ = batch.score(evidence)
        table[person.role][roles[posterior.index(max(posterior))]] += 1
    recalls = {title: table[title][title] / sum(table[title].values()) for title in table}
    mode = "work product from activities" if with_product else "work product 'not sure'"
    print(f"Balanced accuracy, {mode}: {statistics.fmean(recalls.values()):.3f}")
    print("  title role      n     " + "  ".join(f"{r[:10]:>10}" for r in roles))
    for title in sorted(table):
        row = table[title]
        print(
            f"  {title[:14]:14} {sum(row.values()):5}  "
            + "  ".join(f"{row[r] / sum(row.values()):10.0%}" for r in roles)
        )


def emphasis(model: Model, people: list[Respondent]) -> None:
    """Per title: item mean minus its axis's mean, minus the same for everyone."""
    axis_of = model.item_axis

    def deviations(group: list[Respondent]) -> dict[str, float]:
        means = {i: statistics.fmean(p.answers[i] for p in group) for i in group[0].answers}
        axis_mean = {
            a: statistics.fmean(m for i, m in means.items() if axis_of[i] == a)
            for a in AXES
            if any(axis_of[i] == a for i in means)
        }
        return {i: m - axis_mean[axis_of[i]] for i, m in means.items()}

    overall = deviations(people)
    by_role: dict[str, list[Respondent]] = defaultdict(list)
    for person in people:
        by_role[str(person.role)].append(person)
    print("\nItem emphasis the survey shows (levels, relative to all respondents):")
    for role, group in sorted(by_role.items()):
        own = deviations(group)
        shown = ", ".join(f"{i} {own[i] - overall[i]:+.2f}" for i in own)
        print(f"  {role}: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", type=Path, default=DATA, help="responses.derived.csv")
    args = parser.parse_args()
    model = load_model()
    people = [p for p in respondents(args.csv) if p.role is not None]
    print(f"{len(people)} respondents with a title that names a role, placed by the mapping.")
    print("Chance (always one role) is 0.25 balanced accuracy over these four roles.\n")
    balanced_accuracy(model, people, with_product=True)
    balanced_accuracy(model, people, with_product=False)
    emphasis(model, people)


if __name__ == "__main__":
    main()
