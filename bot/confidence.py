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
   A concept's weight is log((N + 1) / df), so a word found in every passage ("magnesium" in an
   article about magnesium) weighs almost nothing and rare words weigh most. A concept counts
   as matched when any of its terms (the word, its synonyms) is in the passage.
   Coverage >= min_coverage -> ANSWER, else WEAK.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum

import numpy as np

from bot.config import ConfidenceConfig
from bot.query import Query
from bot.search import Index

_ASKS_TIME_OR_PLACE = re.compile(
    r"\b(how long|how soon|how fast|how quickly|when|what time|where|which (time|store|shop|brand))\b",
    re.IGNORECASE)
_TIME_OR_PLACE = re.compile(
    r"\b(\d+\s*(minutes?|hours?|days?|weeks?|months?|years?)|morning|evening|night|bedtime|before|after|"
    r"pharmac\w*|store|shop)\b", re.IGNORECASE)


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
    """How informative a concept is: log((N + 1) / df) of its rarest known term."""
    frequencies = [index.document_frequency(t) for t in terms]
    return max((math.log((index.size + 1) / df) for df in frequencies if df), default=0.0)


def judge(query: Query, index: Index, best: int | None, best_text: str, rules: ConfidenceConfig) -> Confidence:
    """Apply the rule above to the best passage (its number in the index) for a query."""
    unknown = [c.word for c in query.unknown]
    if best is None or not query.known:
        return Confidence(Verdict.NO_MATCH, 0.0, [], [], unknown, "no word of the question is in the corpus")
    matched, missing, total, covered = [], [], 0.0, 0.0
    for concept in query.known:
        w = weight(index, concept.terms) * concept.weight
        hit = any(_contains(index, t, best) for t in concept.terms)
        total += w
        covered += w if hit else 0.0
        (matched if hit else missing).append(concept.word)
    coverage = covered / total if total else 1.0
    if unknown:
        return Confidence(Verdict.WEAK, coverage, matched, missing, unknown,
                          f"the corpus has no word for: {', '.join(unknown)}")
    if _ASKS_TIME_OR_PLACE.search(query.text) and not _TIME_OR_PLACE.search(best_text):
        return Confidence(Verdict.WEAK, coverage, matched, missing, unknown,
                          "asks when, how long or where, and the passage does not say")
    if coverage < rules.min_coverage:
        return Confidence(Verdict.WEAK, coverage, matched, missing, unknown,
                          f"the passage covers {coverage:.0%} of the question's weight "
                          f"(needs {rules.min_coverage:.0%})")
    return Confidence(Verdict.ANSWER, coverage, matched, missing, unknown,
                      f"the passage covers {coverage:.0%} of the question's weight")


def _contains(index: Index, term: str, passage: int) -> bool:
    """Whether a passage contains a term."""
    postings = index.postings(term)
    at = int(np.searchsorted(postings, passage))
    return at < len(postings) and int(postings[at]) == passage
