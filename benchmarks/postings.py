"""How well `mlroles posting FILE` reads postings, on a labelled corpus.

`tests/data/postings/` holds postings written in our own words from public
job archetypes (none copied from a job board or a data set), and
`labels.toml` the role each text describes, labelled before anything was run
by someone who had not seen the lexicon. Reported (the README quotes this):
- top-1 agreement: the most probable role is the labelled one (target 80%);
- the title-match rate: titles that name a role, and whether the reading
  agrees with the title where the labeller said it should, and disagrees
  where the labeller said the title is wrong;
- how many questionnaire items per posting had evidence, and how often the
  text names a work product (and whether it is the labelled role's);
- the time to read a 20 kB posting and score it, beyond start-up (target
  under 50 ms).

    python benchmarks/postings.py [--corpus tests/data/postings-heldout]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tomllib
from collections import Counter
from pathlib import Path

from mlroles.core.posting import read_posting
from mlroles.core.reading import read_text
from mlroles.core.scoring import build_model
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.posting_text import looks_like_html, strip_html
from mlroles.files.questionnaire_file import load_questionnaire
from mlroles.files.signals_file import load_lexicon

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "postings"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with labels.toml")
    corpus = parser.parse_args().corpus
    catalog = load_catalog(data_file("roles.toml"))
    questionnaire = load_questionnaire(data_file("questions.toml"), catalog)
    model = build_model(catalog, questionnaire)
    lexicon = load_lexicon(data_file("signals.toml"), catalog, questionnaire)
    labels = tomllib.loads((corpus / "labels.toml").read_text(encoding="utf-8"))["postings"]
    right, named, agree_ok, agree_n, disagree_ok, disagree_n = 0, 0, 0, 0, 0, 0
    known_items: list[int] = []
    products_read = products_right = 0
    misses: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    texts = []
    for label in labels:
        raw = (corpus / label["file"]).read_text(encoding="utf-8")
        text = strip_html(raw) if looks_like_html(raw) else raw
        texts.append(text)
        reading = read_text(text, lexicon, questionnaire)
        result = read_posting(model, reading.evidence, label["title"], lexicon.title_ignore)
        best = result.assessment.best.role.id
        right += best == label["role"]
        confusion[(label["role"], best)] += 1
        if best != label["role"]:
            misses.append(f"{label['file']} ({label['role']} -> {best})")
        known_items.append(len(reading.evidence.levels))
        product = reading.evidence.work_product
        products_read += product is not None
        products_right += product == label["role"]
        named += result.title_role is not None
        if label["title_agrees"]:
            agree_n += 1
            agree_ok += result.title_role is not None and result.title_role.id == label["role"]
        else:
            disagree_n += 1
            disagree_ok += result.title_matches is False
    n = len(labels)
    print(f"{n} postings in {corpus}")
    print(f"Top-1 agreement with the labels: {right}/{n} = {right / n:.0%} (target 80%)")
    print("  misses: " + ("; ".join(misses) or "none"))
    print(f"Titles that name a role: {named}/{n}")
    print(f"Titles the labeller says agree with the text, named as that role: {agree_ok}/{agree_n}")
    print(f"Titles the labeller says disagree, flagged as not matching: {disagree_ok}/{disagree_n}")
    print(
        f"Work product read from the text: {products_read}/{n}; "
        f"it is the labelled role's in {products_right}"
    )
    items = len(questionnaire.axis_questions)
    print(
        f"Items with evidence per posting: median {statistics.median(known_items)} of {items} "
        f"(min {min(known_items)}, max {max(known_items)})"
    )
    big = ""
    while len(big.encode("utf-8")) < 20_000:
        big += "\n\n".join(texts)
    big = big.encode("utf-8")[:20_000].decode("utf-8", "ignore")
    times = []
    for _ in range(20):
        start = time.perf_counter()
        reading = read_text(big, lexicon, questionnaire)
        read_posting(model, reading.evidence, "ML Engineer", lexicon.title_ignore)
        times.append(time.perf_counter() - start)
    print(
        f"Reading and scoring a 20 kB posting: median {statistics.median(times) * 1000:.1f} ms "
        "beyond start-up (target under 50 ms)"
    )


if __name__ == "__main__":
    main()
