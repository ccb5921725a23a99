"""Whether the best passage answers the question: a documented rule, not a BM25 cut-off.

BM25 scores are not comparable across questions, so the rule looks at what the best passage
*matches* instead:

1. No concept of the question is a corpus word            -> NO_MATCH ("no word matched").
2. The question names a subject the corpus has no word for
   (a real word that is neither a stop word nor a phrasing word such as "take" or "daily",
   e.g. "ibuprofen", "pregnancy", "epsom")                  -> WEAK (a near miss).
3. The question asks when / how long / where / how fast,
   and the passage says nothing of time or place            -> WEAK.
4. Coverage: the share of the question's informative weight that the best passage contains.
   A concept's weight is log((N + 1) / df) (of its most common synonym), so a word found in every passage ("magnesium" in an
   article about magnesium) weighs almost nothing and rare words weigh most. A concept counts
   as matched when the passage has all the words of one of its alternatives (the question's
   words, or one synonym; an alternative with a word the corpus lacks never matches).
   Coverage >= min_coverage -> ANSWER, else WEAK.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np

from bot import intent
from bot.config import ConfidenceConfig
from bot.query import Query
from bot.search import Index

class Verdict(str, Enum):
    """What the engine does with a question."""

    ANSWER = "answer"
    WEAK = "weak"
    NO_MATCH = "no_match"


@dataclass(frozen=True)
class Confidence:
    """The verdict and the figures behind it."""

    verdict: Verdict
    coverage: float
    matched: list[str]
    missing: list[str]
    unknown: list[str]
    why: str


def weight(index: Index, terms: tuple[str, ...]) -> float:
    """How informative a concept is: log((N + 1) / df), of its rarest term found in under half
    of the passages, else of its most common term ("mg" or "magnesium" weighs as "mg")."""
    frequencies = [df for df in map(index.document_frequency, terms) if df]
    rare = [df for df in frequencies if df < index.size / 2]
    df = min(rare) if rare else max(frequencies, default=0)
    return math.log((index.size + 1) / df) if df else 0.0


def coverage(query: Query, index: Index, passage: int) -> tuple[float, list[str], list[str]]:
    """Share of the question's informative weight found in a passage, with the words matched and missed."""
    matched, missing, total, covered = [], [], 0.0, 0.0
    for concept in query.known:
        w = weight(index, concept.terms) * concept.weight
        hit = any(all(_contains(index, t, passage) for t in way) for way in concept.alternatives)
        total += w
        covered += w if hit else 0.0
        (matched if hit else missing).append(concept.word)
    return (covered / total if total else 1.0), matched, missing


def judge(query: Query, index: Index, best: int | None, best_text: str, rules: ConfidenceConfig) -> Confidence:
    """Apply the rule above to the best passage (its number in the index) for a query."""
    unknown = [c.word for c in query.unknown]
    if best is None or not query.known:
        return Confidence(Verdict.NO_MATCH, 0.0, [], [], unknown, "no word of the question is in the corpus")
    share, matched, missing = coverage(query, index, best)
    if unknown:
        return Confidence(Verdict.WEAK, share, matched, missing, unknown,
                          f"the corpus has no word for: {', '.join(unknown)}")
    for wanted in intent.of_question(query.text):
        if wanted.required and not intent.answers(wanted, best_text):
            return Confidence(Verdict.WEAK, share, matched, missing, unknown,
                              f"asks for a {wanted.name}, and the passage gives none")
    if share < rules.min_coverage:
        return Confidence(Verdict.WEAK, share, matched, missing, unknown,
                          f"the passage covers {share:.0%} of the question's weight "
                          f"(needs {rules.min_coverage:.0%})")
    return Confidence(Verdict.ANSWER, share, matched, missing, unknown,
                      f"the passage covers {share:.0%} of the question's weight")


def _contains(index: Index, term: str, passage: int) -> bool:
    """Whether a passage contains a term."""
    postings = index.postings(term)
    at = int(np.searchsorted(postings, passage))
    return at < len(postings) and int(postings[at]) == passage
