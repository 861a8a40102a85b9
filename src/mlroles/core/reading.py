"""Reading text (a job posting): which questionnaire items it gives evidence
for, at which level, quoted with the line it came from. Pure: text in,
evidence out. The lexicon is data (data/signals.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from mlroles.core.evidence import Evidence
from mlroles.core.questionnaire import Questionnaire

_T = TypeVar("_T")


@dataclass(frozen=True)
class Signal:
    item: str  # a question id
    level: int  # the answer level its phrases are evidence for
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class ProductSignal:
    role: str  # a role id: its work product is what these phrases name
    phrases: tuple[str, ...]
    weak_phrases: tuple[str, ...] = ()  # generic nouns: each counts weak_product_weight


@dataclass(frozen=True)
class Lexicon:
    signals: tuple[Signal, ...]
    title_ignore: frozenset[str]  # seniority and filler words in job titles
    nice_to_have_drop: int
    nice_to_have_markers: tuple[str, ...]
    negations_before: tuple[str, ...]
    negations_after: tuple[str, ...]
    negation_window: int
    source: str
    products: tuple[ProductSignal, ...] = ()
    negation_scope_ends: tuple[str, ...] = ()  # words that end a negation's clause
    pseudo_negations: tuple[str, ...] = ()  # "not only": a negation word that negates nothing
    weak_product_weight: float = 1.0
    product_min_weight: float = 0.0  # below this, the text names no work product
    text_product_weight: float | None = None  # a work product read from text; None: the quiz's

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every item phrase, singular or plural, as a whole word or words,
        longest first."""
        return _whole_words(set(self.by_phrase))

    @cached_property
    def product_pattern(self) -> re.Pattern[str]:
        """The work-product phrases: a pass of their own, so that they never
        hide an item's phrase inside a longer one."""
        return _whole_words(set(self.product_by_phrase))

    @cached_property
    def by_phrase(self) -> dict[str, list[Signal]]:
        return _with_number_forms(
            [(phrase, signal) for signal in self.signals for phrase in signal.phrases]
        )

    @cached_property
    def product_by_phrase(self) -> dict[str, list[tuple[str, float, str]]]:
        """Phrase or its other number -> (role, weight, the phrase as listed):
        a generic noun weighs weak_product_weight."""
        pairs = [
            (phrase, (signal.role, weight, phrase))
            for signal in self.products
            for phrases, weight in (
                (signal.phrases, 1.0),
                (signal.weak_phrases, self.weak_product_weight),
            )
            for phrase in phrases
        ]
        return _with_number_forms(pairs)


def number_forms(phrase: str) -> set[str]:
    """A phrase as written plus its other number: "data pipeline" and "data
    pipelines", "roadmap" and "roadmaps". A single word is never cut to a
    singular, which is often a verb ("reports" -> "report to"); words of two
    letters or fewer ("r", "ml") are left alone."""
    forms = {phrase}
    if len(phrase) <= 2:
        return forms
    if not phrase.endswith("s"):
        forms.add(phrase + "s")
    elif " " in phrase and not phrase.endswith("ss"):
        forms.add(phrase[:-1])
    return forms


def _with_number_forms(pairs: list[tuple[str, _T]]) -> dict[str, list[_T]]:
    """A lookup by phrase (case ignored) that also finds each phrase's other
    number, unless that form is a phrase of its own."""
    table: dict[str, list[_T]] = {}
    for phrase, value in pairs:
        table.setdefault(phrase.casefold(), []).append(value)
    written = set(table)
    for phrase, value in pairs:
        for form in number_forms(phrase.casefold()) - written:
            table.setdefault(form, []).append(value)
    return table


def _whole_words(phrases: set[str]) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!)")  # matches nothing
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w/+-])(?:{body})(?![\w/+-])", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """One phrase that is evidence for an item."""

    item: str
    level: int  # after the nice-to-have drop
    phrase: str  # as written in the text
    line: int  # 1-based line number in the text
    required: bool  # False when it stands among the nice-to-haves


@dataclass(frozen=True)
class ProductFound:
    """A required, unnegated phrase that names a role's work product."""

    role: str
    phrase: str
    line: int
    weight: float = 1.0  # weak_product_weight for a generic noun
    listed: str = ""  # the lexicon's phrase it matched ("data pipeline" for "data pipelines")


@dataclass(frozen=True)
class Reading:
    evidence: Evidence
    found: tuple[Found, ...]  # every phrase that counted, in text order
    negated: tuple[Found, ...]  # phrases that were there but negated
    deciding: tuple[Found, ...]  # per item, the phrase that set its level
    products: tuple[ProductFound, ...] = ()  # work-product phrases among the requirements

    @property
    def unknown_items(self) -> tuple[str, ...]:
        return self.evidence.unknown_items

    def product_phrases(self) -> dict[str, tuple[ProductFound, ...]]:
        """Per role, the distinct work-product phrases the text uses, each where
        it first appears."""
        return product_phrases(self.products)


_SENTENCE_END = re.compile(r"[.;!?]\s|[.;!?]$")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\*\*.+\*\*\s*:?\s*$|[A-Z][^.!?]{0,60}:\s*$)")


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def _sentence_around(line: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before and after a match, within its line."""
    before = line[:start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = line[end:]
    stop = _SENTENCE_END.search(after)
    return before, after[: stop.start()] if stop else after


_CLAUSE_BREAK = re.compile(r"[:;()\u2013\u2014]|\s-\s")


def _negated(lexicon: Lexicon, before: str, after: str) -> bool:
    """A negation word in the phrase's clause, at most negation_window words
    before it ("we do not expect you to invent new methods"), or a "not
    required" right behind it. A clause ends at a colon, a dash or a word
    like "but"; "not only" and the like negate nothing."""
    clause = _CLAUSE_BREAK.split(before.casefold())[-1]
    for pseudo in lexicon.pseudo_negations:
        clause = clause.replace(pseudo, " ")
    words = re.findall(r"[\w']+", clause)
    ends = [i for i, word in enumerate(words) if word in lexicon.negation_scope_ends]
    if ends:
        words = words[ends[-1] + 1 :]
    if any(word in lexicon.negations_before for word in words[-lexicon.negation_window :]):
        return True
    tail = " ".join(re.findall(r"[\w']+", after.casefold())[:4])
    return any(tail.startswith(n) or f" {n}" in f" {tail}" for n in lexicon.negations_after)


def read_text(text: str, lexicon: Lexicon, questionnaire: Questionnaire) -> Reading:
    """Evidence for every item the text speaks to; the rest are unknown."""
    markers = tuple(m.casefold() for m in lexicon.nice_to_have_markers)
    found: list[Found] = []
    negated: list[Found] = []
    products: list[ProductFound] = []
    in_nice = False
    for number, line in enumerate(text.splitlines(), start=1):
        lowered = line.casefold()
        marked = any(m in lowered for m in markers)
        if _is_heading(line):
            in_nice = marked
        nice = in_nice or marked
        for match in lexicon.pattern.finditer(line):
            before, after = _sentence_around(line, match.start(), match.end())
            is_negated = _negated(lexicon, before, after)
            for signal in lexicon.by_phrase[match.group(0).casefold()]:
                level = signal.level - (lexicon.nice_to_have_drop if nice else 0)
                hit = Found(signal.item, max(1, level), match.group(0), number, not nice)
                (negated if is_negated else found).append(hit)
        if nice:
            continue
        for match in lexicon.product_pattern.finditer(line):
            if not _negated(lexicon, *_sentence_around(line, match.start(), match.end())):
                for role, weight, listed in lexicon.product_by_phrase[match.group(0).casefold()]:
                    products.append(ProductFound(role, match.group(0), number, weight, listed))
    deciding: dict[str, Found] = {}
    for hit in found:
        if hit.item not in deciding or hit.level > deciding[hit.item].level:
            deciding[hit.item] = hit
    items = [q.id for q in questionnaire.axis_questions]
    levels = tuple((i, deciding[i].level) for i in items if i in deciding)
    unknown = tuple(i for i in items if i not in deciding)
    product = work_product(products, lexicon.product_min_weight)
    evidence = Evidence(
        levels=levels,
        unknown_items=unknown,
        work_product=product,
        product_weight=lexicon.text_product_weight if product else None,
    )
    ordered = tuple(deciding[i] for i in items if i in deciding)
    return Reading(evidence, tuple(found), tuple(negated), ordered, tuple(products))


def product_phrases(
    products: list[ProductFound] | tuple[ProductFound, ...],
) -> dict[str, tuple[ProductFound, ...]]:
    """Per role, its distinct lexicon phrases (in whatever case and number the
    text used them), each at its first line."""
    first: dict[str, dict[str, ProductFound]] = {}
    for hit in products:
        first.setdefault(hit.role, {}).setdefault(hit.listed or hit.phrase.casefold(), hit)
    return {role: tuple(hits.values()) for role, hits in first.items()}


def product_weights(products: list[ProductFound] | tuple[ProductFound, ...]) -> dict[str, float]:
    """Per role, how strongly the text names its work product: its distinct
    phrases, a generic noun counting weak_product_weight."""
    return {
        role: round(sum(hit.weight for hit in hits), 6)
        for role, hits in product_phrases(products).items()
    }


def most_named(products: list[ProductFound] | tuple[ProductFound, ...]) -> list[str]:
    """The roles whose work product the text names most strongly (ties kept)."""
    return _leaders(product_weights(products))


def work_product(products: list[ProductFound], min_weight: float = 0.0) -> str | None:
    """The role whose work product the requirements name most strongly, if at
    least min_weight; a tie, too little, or none is "not sure"."""
    weights = product_weights(products)
    leaders = _leaders(weights)
    return leaders[0] if len(leaders) == 1 and weights[leaders[0]] >= min_weight else None


def _leaders(weights: dict[str, float]) -> list[str]:
    return [role for role, w in weights.items() if w == max(weights.values())]


def quoted_phrases(text: Reading, role: str, most: int = 4) -> str:
    """ "'roadmap' (line 8), 'backlog' (line 15)": the role's work-product phrases."""
    hits = text.product_phrases().get(role, ())[:most]
    return ", ".join(f"'{hit.phrase}' (line {hit.line})" for hit in hits)
