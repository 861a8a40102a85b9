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
    python benchmarks/postings.py --measure

--measure prints how strongly a work product read from a text points to the
labelled role, on the development corpora only (tests/data/postings and
tests/data/postings-heldout, which was spent as a held-out set before the
weight existed): [reading] text_product_weight in data/signals.toml is that
likelihood ratio. Corpora kept for a later held-out check never go in.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from mlroles.core.posting import read_posting
from mlroles.core.questionnaire import Questionnaire
from mlroles.core.reading import Lexicon, read_text
from mlroles.core.scoring import build_model
from mlroles.files.catalog_file import load_catalog
from mlroles.files.paths import data_file
from mlroles.files.posting_text import looks_like_html, strip_html
from mlroles.files.questionnaire_file import load_questionnaire
from mlroles.files.signals_file import load_lexicon

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "postings"
DEVELOPMENT = (CORPUS, CORPUS.with_name("postings-heldout"))


def corpus_texts(corpus: Path) -> list[tuple[dict[str, Any], str]]:
    """(label, text with any HTML stripped) for every posting in a corpus."""
    labels = tomllib.loads((corpus / "labels.toml").read_text(encoding="utf-8"))["postings"]
    texts = []
    for label in labels:
        raw = (corpus / label["file"]).read_text(encoding="utf-8")
        texts.append((label, strip_html(raw) if looks_like_html(raw) else raw))
    return texts


def measure_product_weight(
    lexicon: Lexicon, questionnaire: Questionnaire, role_ids: list[str]
) -> None:
    """The likelihood ratio of 'the reader names role r's work product'
    between postings labelled r and postings labelled otherwise."""
    same = other = n_same = n_other = 0
    for corpus in DEVELOPMENT:
        for label, text in corpus_texts(corpus):
            read = read_text(text, lexicon, questionnaire).evidence.work_product
            for role in role_ids:
                if role == label["role"]:
                    n_same, same = n_same + 1, same + (read == role)
                else:
                    n_other, other = n_other + 1, other + (read == role)
    hit, false = same / n_same, other / n_other
    print(f"{n_same} development postings, {len(role_ids)} roles")
    print(f"Reader names the labelled role's work product: {same}/{n_same} = {hit:.1%}")
    print(f"Reader names a given other role's: {other}/{n_other} = {false:.2%}")
    print(f"Likelihood ratio (text_product_weight): {hit / false:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with labels.toml")
    parser.add_argument(
        "--measure", action="store_true", help="measure text_product_weight on the dev corpora"
    )
    args = parser.parse_args()
    corpus = args.corpus
    catalog = load_catalog(data_file("roles.toml"))
    questionnaire = load_questionnaire(data_file("questions.toml"), catalog)
    model = build_model(catalog, questionnaire)
    lexicon = load_lexicon(data_file("signals.toml"), catalog, questionnaire)
    if args.measure:
        measure_product_weight(lexicon, questionnaire, [role.id for role in catalog.roles])
        return
    right, named, agree_ok, agree_n, disagree_ok, disagree_n = 0, 0, 0, 0, 0, 0
    known_items: list[int] = []
    products_read = products_right = 0
    misses: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    texts = []
    labelled = corpus_texts(corpus)
    labels = [label for label, _ in labelled]
    for label, text in labelled:
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
