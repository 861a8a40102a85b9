"""Reading a job posting's text: evidence per item, negation, nice-to-haves,
unknown items, HTML, standard input and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlroles.core.reading import read_text
from mlroles.files.paths import data_file
from mlroles.files.posting_text import strip_html
from mlroles.files.signals_file import load_lexicon

from .conftest import CATALOG, QUESTIONNAIRE, Run, TypeKeys, choose, review_keys

LEXICON = load_lexicon(data_file("signals.toml"), CATALOG, QUESTIONNAIRE)
PLATFORM = """About the team
We run the ML platform that every data scientist deploys onto.

Requirements:
- Kubernetes, Terraform and an on-call rota.
- Production code in Python.

Nice to have:
- Experience with Spark.
"""


def levels(text: str) -> dict[str, int]:
    return dict(read_text(text, LEXICON, QUESTIONNAIRE).evidence.levels)


def signal_level(item: str, phrase: str) -> int:
    return next(s.level for s in LEXICON.signals if s.item == item and phrase in s.phrases)


def test_evidence_per_item_with_its_line() -> None:
    reading = read_text(PLATFORM, LEXICON, QUESTIONNAIRE)
    ops = next(f for f in reading.deciding if f.item == "swe-operations-recent")
    assert ops.required and ops.line in (2, 5)
    assert ops.level == signal_level("swe-operations-recent", ops.phrase.casefold())
    assert {f.line for f in reading.found if f.phrase == "Kubernetes"} == {5}


def test_unknown_items_stay_unknown() -> None:
    reading = read_text(PLATFORM, LEXICON, QUESTIONNAIRE)
    answered = {item for item, _ in reading.evidence.levels}
    assert "comm-presenting" not in answered
    assert "comm-presenting" in reading.unknown_items
    assert set(reading.unknown_items) | answered == {q.id for q in QUESTIONNAIRE.axis_questions}


def test_a_nice_to_have_counts_one_level_less() -> None:
    required = levels("Requirements:\n- Spark\n")
    optional = levels("Requirements:\n- Python\n\nNice to have:\n- Spark\n")
    spark = signal_level("swe-data-systems-recent", "spark")
    assert required["swe-data-systems-recent"] == spark
    assert optional["swe-data-systems-recent"] == spark - LEXICON.nice_to_have_drop
    inline = levels("Spark is a plus.\n")
    assert inline["swe-data-systems-recent"] == spark - LEXICON.nice_to_have_drop


@pytest.mark.parametrize(
    "text",
    [
        "No PhD required.",
        "This is not a research role.",
        "A PhD is not required.",
        "You will never publish papers here.",
    ],
)
def test_negated_phrases_are_not_evidence(text: str) -> None:
    reading = read_text(text, LEXICON, QUESTIONNAIRE)
    assert reading.found == ()
    assert reading.negated


def test_a_negation_does_not_reach_into_the_next_sentence() -> None:
    found = levels("No remote work. A PhD in statistics is expected.")
    assert "ml-research" in found


def test_html_is_stripped_and_lines_are_kept() -> None:
    html = "<h2>Requirements</h2>\n<ul>\n<li>Kafka &amp; <b>Spark</b></li>\n</ul>\n"
    text = strip_html(html)
    assert text.splitlines()[2].strip().startswith("Kafka & Spark")
    reading = read_text(text, LEXICON, QUESTIONNAIRE)
    assert {f.line for f in reading.found if f.phrase in ("Kafka", "Spark")} == {3}


def test_posting_from_a_file_json(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(PLATFORM, encoding="utf-8")
    result = run("posting", "--title", "MLOps Engineer", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title_role"] == "ml-devops"
    assert {"item", "level", "phrase", "line", "required"} == set(data["evidence"][0])
    assert "comm-presenting" in data["unknown_items"]
    ranking_ids = [r["id"] for r in data["ranking"]]
    assert sorted(ranking_ids) == sorted(CATALOG.ids)


def test_posting_page_quotes_the_phrases(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text(PLATFORM, encoding="utf-8")
    out = " ".join(run("posting", str(path)).stdout.split())
    assert "What the text says" in out
    for hit in read_text(PLATFORM, LEXICON, QUESTIONNAIRE).deciding:
        assert f"'{hit.phrase}' (line {hit.line}" in out
    assert "No evidence, so left out:" in out
    assert "most likely role for this posting" in out


def test_standard_input(run: Run) -> None:
    result = run("posting", "-", "--json", input=PLATFORM)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["evidence"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\xff\xfe caf\xe9", "not UTF-8"),
        ("Great snacks and a friendly office.\n", "Nothing in"),
    ],
)
def test_bad_input_exits_2(run: Run, tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "p.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run("posting", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_directory_or_a_huge_file_exits_2(run: Run, tmp_path: Path) -> None:
    assert "is a directory" in run("posting", str(tmp_path)).stderr
    huge = tmp_path / "huge.txt"
    huge.write_text("Spark " * 200_000, encoding="utf-8")
    result = run("posting", str(huge))
    assert result.exit_code == 2 and "over 1 MB" in result.stderr


def test_no_evidence_suggests_rating_by_hand(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("We have a nice office.\n", encoding="utf-8")
    assert "mlroles posting --interactive" in run("posting", str(path)).stderr


CV = """Jo Doe
Built and ran the company's ML platform on Kubernetes, and carried the pager.
Wrote production code in Python and Golang.
"""


def test_quiz_from_a_cv_without_a_terminal_scores_the_text(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(CV, encoding="utf-8")
    result = run("quiz", "--from", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    expected = read_text(CV, LEXICON, QUESTIONNAIRE)
    assert data["unknown_items"] == list(expected.unknown_items)
    assert data["profile"]["communication"] is None  # the CV says nothing about it
    assert data["best"] == "ml-devops"
    # A CV says what someone did, not what they want to own next.
    assert expected.evidence.work_product is not None and data["work_product"] is None
    nothing = tmp_path / "empty-ish.txt"
    nothing.write_text("I like hiking.\n", encoding="utf-8")
    refused = run("quiz", "--from", str(nothing))
    assert refused.exit_code == 2 and "nothing to score" in refused.stderr


def test_quiz_from_a_cv_in_a_terminal_asks_the_unknown_first(
    run_tty: Run, type_keys: TypeKeys, tmp_path: Path
) -> None:
    """The questions the text says nothing about come first, from their first
    level; the others start on the level the text supports, so Enter keeps it."""
    path = tmp_path / "cv.txt"
    path.write_text(CV, encoding="utf-8")
    said = dict(read_text(CV, LEXICON, QUESTIONNAIRE).evidence.levels)
    questions = QUESTIONNAIRE.questions
    unknown = [q for q in questions if q.id not in said]
    known = [q for q in questions if q.id in said]
    keys = "".join(choose(q, q.choices[-1].value) for q in unknown)  # the top level
    keys += "\r" * len(known)  # keep what the text says
    type_keys(keys + review_keys(QUESTIONNAIRE))
    result = run_tty("quiz", "--from", str(path), "--json", "--no-save")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["unknown_items"] == []
    assert data["work_product"] is None  # its last choice is "not sure"
    comm = [q for q in QUESTIONNAIRE.axis_questions if q.axis == "communication"]
    assert data["profile"]["communication"] == 10.0 if comm else True
    assert data["profile"]["software_engineering"] is not None


def test_answers_may_leave_an_axis_out(run: Run, tmp_path: Path) -> None:
    answers = {q.id: 3 for q in QUESTIONNAIRE.axis_questions if q.axis != "communication"}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = run("quiz", "--answers", str(path), "--json", "--save")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["communication"] is None
    again = run("quiz", "--answers", str(path), "--json")
    moved = json.loads(again.stdout)["movement"]["axes"]["communication"]
    assert moved["real"] is False  # no measured place, so no real change


def test_posting_markdown(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text(PLATFORM, encoding="utf-8")
    out = run("posting", "--title", "MLOps Engineer", str(path), "--format", "markdown").stdout
    assert out.startswith("# mlroles: the posting 'MLOps Engineer'")
    assert "## What the text says" in out
    assert "most likely role for this posting" in out


@pytest.mark.parametrize("folder", ["postings", "postings-heldout", "postings-heldout2"])
def test_every_posting_in_the_corpus_is_labelled_and_reads(run: Run, folder: str) -> None:
    """The benchmark corpora (benchmarks/postings.py): each file is labelled
    with a known role, and `posting FILE` reads it without error."""
    import tomllib

    corpus = Path(__file__).parent / "data" / folder
    labels = tomllib.loads((corpus / "labels.toml").read_text(encoding="utf-8"))["postings"]
    files = {p.name for p in corpus.iterdir() if p.name != "labels.toml"}
    assert {label["file"] for label in labels} == files
    for label in labels:
        assert label["role"] in CATALOG.ids
        result = run("posting", str(corpus / label["file"]), "--title", label["title"], "--json")
        assert result.exit_code == 0, (label["file"], result.stderr)
        assert json.loads(result.stdout)["best"] in CATALOG.ids


def product_phrase(index: int) -> tuple[str, str]:
    """(role id, phrase): the first work-product phrase of the index-th role
    that has one which names no item too."""
    item_phrases = {p for s in LEXICON.signals for p in s.phrases}
    signal = LEXICON.products[index]
    return signal.role, next(p for p in signal.phrases if p not in item_phrases)


def test_the_work_product_a_posting_names_is_read_with_its_line() -> None:
    role, phrase = product_phrase(0)
    reading = read_text(
        f"About us\n\nRequirements:\n- You will own our {phrase}.\n", LEXICON, QUESTIONNAIRE
    )
    assert reading.evidence.work_product == role
    assert [(p.role, p.line) for p in reading.products] == [(role, 4)]


@pytest.mark.parametrize(
    "template",
    [
        "Requirements:\n- Python.\n\nNice to have:\n- You will own our {phrase}.\n",
        "Requirements:\n- There is no {phrase} work in this job.\n",
    ],
    ids=["nice-to-have", "negated"],
)
def test_a_work_product_among_nice_to_haves_or_negated_does_not_count(template: str) -> None:
    _, phrase = product_phrase(0)
    reading = read_text(template.format(phrase=phrase), LEXICON, QUESTIONNAIRE)
    assert reading.evidence.work_product is None and reading.products == ()


def test_a_tie_between_work_products_is_not_sure_and_says_so() -> None:
    from mlroles.core.verdict import work_product_said

    (first, a), (second, b) = product_phrase(0), product_phrase(1)
    text = f"Requirements:\n- Own the {a}.\n- Own the {b}.\n"
    reading = read_text(text, LEXICON, QUESTIONNAIRE)
    assert reading.evidence.work_product is None
    names = {r.id: r.name for r in CATALOG.roles}
    said = work_product_said(reading, names)
    assert "not sure" in said and names[first] in said and names[second] in said


def test_posting_json_and_page_carry_the_work_product_evidence(run: Run, tmp_path: Path) -> None:
    role, phrase = product_phrase(len(LEXICON.products) - 1)
    path = tmp_path / "posting.md"
    path.write_text(
        f"## Requirements\n- Python and SQL.\n- You own the {phrase}.\n", encoding="utf-8"
    )
    data = json.loads(run("posting", str(path), "--json").stdout)
    assert data["work_product"] == role
    assert data["work_product_evidence"] == [{"role": role, "phrase": phrase, "line": 3}]
    page = " ".join(run("posting", str(path)).stdout.split())
    assert f"Work product: {CATALOG.get(role).name}'s, named by '{phrase}' (line 3)" in page
    overridden = json.loads(run("posting", str(path), "--product", "not-sure", "--json").stdout)
    assert overridden["work_product"] is None  # the user's word over the text's


@pytest.mark.parametrize(
    ("negated", "plain"),
    [
        # the verb and its object sit between the negation and the phrase
        ("We do not expect you to invent new methods.", "We expect you to invent new methods."),
        # a list under one negation
        ("We don't need Spark, Kafka or Airflow.", "We need Spark, Kafka or Airflow."),
    ],
)
def test_a_negation_reaches_through_its_clause(negated: str, plain: str) -> None:
    said = read_text(plain, LEXICON, QUESTIONNAIRE)
    assert said.found or said.products
    reading = read_text(negated, LEXICON, QUESTIONNAIRE)
    assert reading.found == () and reading.products == ()


@pytest.mark.parametrize(
    "text",
    [
        "No PhD needed, but a PhD in statistics helps.",  # "but" ends the clause
        "No remote work: a PhD in statistics is expected.",  # so does a colon
        "You will not only use Kafka but design with it.",  # "not only" negates nothing
    ],
)
def test_a_negation_stops_at_its_clause_or_is_no_negation(text: str) -> None:
    assert read_text(text, LEXICON, QUESTIONNAIRE).found


def test_a_negation_further_back_than_the_window_is_not_read() -> None:
    window = LEXICON.negation_window
    filler = " ".join(["really"] * window)
    assert read_text(f"Not {filler} Kafka.", LEXICON, QUESTIONNAIRE).found
    assert not read_text(f"Not {filler[7:]} Kafka.", LEXICON, QUESTIONNAIRE).found


def test_a_phrase_matches_its_other_number_but_a_word_is_not_cut_to_a_verb() -> None:
    from mlroles.core.reading import number_forms

    assert number_forms("data pipelines") == {"data pipelines", "data pipeline"}
    assert number_forms("roadmap") == {"roadmap", "roadmaps"}
    assert number_forms("reports") == {"reports"}  # "report to the CTO" is not a report
    signal = next(s for s in LEXICON.products if any(" " in p for p in s.phrases))
    phrase = next(p for p in signal.phrases if " " in p)
    other = (number_forms(phrase) - {phrase}).pop()
    reading = read_text(f"Requirements:\n- You will own the {other}.\n", LEXICON, QUESTIONNAIRE)
    assert signal.role in {hit.role for hit in reading.products}


def weak_phrase() -> tuple[str, str]:
    """(role id, phrase): a generic noun that names one role's product only."""
    roles: dict[str, set[str]] = {}
    for signal in LEXICON.products:
        for phrase in (*signal.phrases, *signal.weak_phrases):
            roles.setdefault(phrase, set()).add(signal.role)
    signal = next(s for s in LEXICON.products if any(len(roles[p]) == 1 for p in s.weak_phrases))
    return signal.role, next(p for p in signal.weak_phrases if len(roles[p]) == 1)


def test_generic_work_product_nouns_weigh_less_and_alone_are_too_little() -> None:
    from mlroles.core.verdict import work_product_said

    role, weak = weak_phrase()
    assert LEXICON.weak_product_weight < LEXICON.product_min_weight
    alone = read_text(f"Requirements:\n- You will build {weak}.\n", LEXICON, QUESTIONNAIRE)
    assert [hit.role for hit in alone.products] == [role]
    assert alone.evidence.work_product is None
    names = {r.id: r.name for r in CATALOG.roles}
    said = work_product_said(alone, names)
    assert "too little to tell" in said and weak in said.casefold()
    # A generic noun does not tie with a phrase that names one role's product.
    other, strong = next(
        (s.role, s.phrases[0]) for s in LEXICON.products if s.role != role and s.phrases
    )
    both = read_text(
        f"Requirements:\n- Own the {strong}.\n- Build {weak}.\n", LEXICON, QUESTIONNAIRE
    )
    assert both.evidence.work_product == other


def test_a_work_product_read_from_text_weighs_the_measured_text_weight() -> None:
    from mlroles.core.scoring import assess, build_model

    model = build_model(CATALOG, QUESTIONNAIRE)
    role, phrase = product_phrase(0)
    reading = read_text(f"Requirements:\n- Own the {phrase}.\n", LEXICON, QUESTIONNAIRE)
    assert reading.evidence.product_weight == LEXICON.text_product_weight
    by_text = assess(model, reading.evidence).ranking
    by_person = assess(model, reading.evidence._replace(product_weight=None)).ranking
    chosen = {s.role.id: s.probability for s in by_text}[role]
    assert LEXICON.text_product_weight is not None
    # No item evidence: the posterior is the prior, 47 against 1 for each other role.
    others = len(CATALOG.roles) - 1
    assert chosen == pytest.approx(
        LEXICON.text_product_weight / (LEXICON.text_product_weight + others)
    )
    assert chosen > {s.role.id: s.probability for s in by_person}[role]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("text_product_weight = 0", "text_product_weight"),
        ("weak_product_weight = true", "weak_product_weight"),
        ("negation_window = 99", "negation_window"),
        ("negation_scope_ends = 'but'", "negation_scope_ends"),
    ],
)
def test_a_bad_reading_constant_is_named(tmp_path: Path, line: str, field: str) -> None:
    from mlroles.files.signals_file import SignalsError

    text = data_file("signals.toml").read_text(encoding="utf-8")
    key = line.split(" = ")[0]
    lines = [x for x in text.splitlines() if not x.startswith(f"{key} = ")]
    at = lines.index("[reading]") + 1
    path = tmp_path / "signals.toml"
    path.write_text("\n".join([*lines[:at], line, *lines[at:]]) + "\n", encoding="utf-8")
    with pytest.raises(SignalsError) as error:
        load_lexicon(path, CATALOG, QUESTIONNAIRE)
    assert f"field '{field}'" in str(error.value)
