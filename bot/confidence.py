"""Whether the best passage answers the question: a documented rule, not a BM25 cut-off.

BM25 scores are not comparable across questions, so the rule looks at what the best passage
*matches* instead:

1. No concept of the question is a corpus word            -> NO_MATCH ("no word matched").
   Nor does a question that names neither the corpus's subject (a word in nearly every passage
   or in a document title: "magnesium", "nervous system") nor points at it or at the article
   ("does it...", "what dose is recommended", "how much should I take")
   ("how do I improve my memory for exams")                -> NO_MATCH.
2. The question names a subject the corpus has no word for
   (a real word that is neither a stop word nor a phrasing word such as "take" or "daily",
   e.g. "ibuprofen", "pregnancy", "epsom")                  -> WEAK (a near miss).
3. The question asks when / how long / where / how fast,
   and the passage says nothing of time or place            -> WEAK.
4. Coverage: the share of the question's informative weight that the best passage contains.
   A concept's weight is log((N + 1) / df), of its rarest term found in under half of the
   passages, else of its most common one, taken for its commonest way of being said ("adverse
   effects" weighs as "side effects"), times the concept's own weight (the question sentence
   weighs more than the story, a borrowed follow-up word less); so a word found in every passage
   ("magnesium" in an article about magnesium) weighs almost nothing and rare words weigh most. A
   word the corpus lacks weighs as a word found in no passage, and is never matched. A concept counts
   as matched when the passage has all the words of one of its alternatives (the question's
   words, or one synonym; an alternative with a word the corpus lacks never matches).
   Coverage >= min_coverage -> ANSWER, else WEAK; a passage holding the whole question sentence
   of a longer message, when that sentence names something specific, asks what a thing is or
   does, or asks a kind of answer the passage gives (people, a number), covers enough too (the
   story's words it lacks are the asker's: "...bottles and stores. How much do adults need?").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bot import intent
from bot.answer import Kind
from bot.config import ConfidenceConfig
from bot.query import Concept, Query
from bot.search import Index


@dataclass(frozen=True)
class Confidence:
    """The verdict and the figures behind it."""

    kind: Kind  # ANSWER, WEAK or NO_MATCH
    coverage: float
    matched: list[str]
    missing: list[str]
    unknown: list[str]
    why: str


@dataclass(frozen=True)
class Candidates:
    """Figures for a question's candidate passages, computed together."""

    passages: np.ndarray  # their passage ids, best BM25 score first
    texts: list[str]
    coverage: np.ndarray  # share of the question's informative weight in each passage
    in_text: np.ndarray  # the question sentence's concepts found in the passage's own text (not only its heading)
    hits: np.ndarray  # concepts x passages: which concept each passage matches
    specific: np.ndarray  # share of the weight of the question's specific concepts (see SPECIFIC) in each
    asked: np.ndarray  # share of the weight of the question sentence's own concepts (not the story's) in each
    whole: np.ndarray  # whether each has all of a question sentence naming something specific (a story aside)

    def enough(self, position: int, min_coverage: float) -> bool:
        """Whether a passage covers enough of the question: min_coverage of its weight, or the whole
        question sentence when that names something specific ("How much do adults need each day?"
        after a story of bottles and stores: the story's words the passage lacks are the asker's)."""
        return bool(self.coverage[position] >= min_coverage or self.whole[position])


# A concept found in under this share of the passages says what a question is about; a commoner one
# ("supplements" in an article about taking supplements) says more how it is asked.
SPECIFIC = 1 / 3
# A question sentence naming a thing found in under this share ("anxious", in 6 passages of 17) names
# something of its own: a passage holding it whole covers enough, whatever of the story it lacks.
NAMED = 1 / 2


def weight(index: Index, terms: tuple[str, ...]) -> float:
    """How informative a concept is: log((N + 1) / df), of its rarest term found in under half
    of the passages, else of its most common term ("mg" or "magnesium" weighs as "mg")."""
    frequencies = [df for df in map(index.document_frequency, terms) if df]
    rare = [df for df in frequencies if df < index.size / 2]
    df = min(rare) if rare else max(frequencies, default=0)
    return math.log((index.size + 1) / df) if df else 0.0


def concept_weight(index: Index, concept: Concept) -> float:
    """How informative a concept is: as its commonest way of being said ("adverse effects" weighs as
    "side effects", which the article says often), so that a rare synonym of a common idea does not
    outweigh the question's own subject."""
    return min((weight(index, way) for way in concept.alternatives), default=weight(index, concept.terms))


def assess(query: Query, index: Index, passages: list[int], texts: list[str],
           heading_counts: list[dict[str, int]], kinds: tuple[intent.Intent, ...] = ()) -> Candidates:
    """Coverage and own-text matches of each candidate passage (ids and texts), vectorised over the
    candidates.

    `heading_counts[i]` tells how often each term occurs in passage i's indexed section heading,
    so that a term counts as in the passage's own text only when it occurs more often than that.
    `kinds` are the kinds of answer the question asks for (people, a number: not only a direction);
    a passage giving them holds a question sentence that names nothing specific as a whole.
    """
    ids = np.asarray(passages, dtype=np.int64)
    concepts = query.known
    terms = list(dict.fromkeys(t for c in concepts for way in c.alternatives for t in way))
    row_of = {term: row for row, term in enumerate(terms)}
    frequencies = index.frequencies_in(terms, ids)
    in_heading = np.array([[counts.get(term, 0) for counts in heading_counts] for term in terms], dtype=np.int64)
    present, in_own_text = frequencies > 0, frequencies > in_heading.reshape(frequencies.shape)
    hits = np.zeros((len(concepts), len(ids)), dtype=bool)
    in_text = np.zeros(len(ids), dtype=np.int64)
    informative = np.array([concept_weight(index, c) for c in concepts])
    weights = informative * np.array([c.weight for c in concepts])
    for row, concept in enumerate(concepts):
        own = np.zeros(len(ids), dtype=bool)
        for way in concept.alternatives:
            rows = [row_of[term] for term in way]
            hits[row] |= _every(present, rows)
            own |= _every(in_own_text, rows)
        in_text += own if concept.weight >= 1.0 else 0  # the story's words say nothing of where it is said
    # A word the corpus lacks weighs as a word found in no passage: coverage counts it as missing.
    total = weights.sum() + len(query.unknown) * math.log(index.size + 1)
    coverage = (weights @ hits) / total if total else np.ones(len(ids))
    rare = informative > math.log((index.size + 1) / (SPECIFIC * index.size))
    pointed = weights * rare
    pointed_total = pointed.sum()
    specific = (pointed @ hits) / pointed_total if pointed_total else np.zeros(len(ids))
    own = weights * (np.array([c.weight for c in concepts]) >= 1.0)
    own_total = own.sum()
    asked = (own @ hits) / own_total if own_total else coverage
    # ...or asks what a thing is or does ("My son is 20... What does magnesium actually do?")
    named = (own * (informative > math.log((index.size + 1) / (NAMED * index.size)))).sum() > 0 \
        or intent.defined_word(query.asking) is not None
    # ...or asks a kind of answer the passage gives ("Are there people who shouldn't take magnesium? I'm
    # buying a big tub for the household": the people, whatever of the story the passage lacks)
    gives = np.array([bool(kinds) and all(intent.answers(k, text) for k in kinds) for text in texts], dtype=bool)
    whole = (asked >= 1.0 - 1e-9) & (bool(named) | gives)
    return Candidates(ids, texts, coverage, in_text, hits, specific, asked, whole)


def _every(matrix: np.ndarray, rows: list[int]) -> np.ndarray:
    """Per column, whether all the given rows are true (one row, the usual case, is read as is)."""
    return matrix[rows[0]] if len(rows) == 1 else matrix[rows].all(axis=0)


def judge(query: Query, candidates: Candidates, position: int | None, wanted: list[intent.Intent],
          rules: ConfidenceConfig) -> Confidence:
    """Apply the rule above to one candidate, by its position in `candidates` (None: there is none)."""
    unknown = [c.word for c in query.unknown]
    if position is None or not query.known:
        return Confidence(Kind.NO_MATCH, 0.0, [], [], unknown, "no word of the question is in the corpus")
    if not query.on_subject:
        return Confidence(Kind.NO_MATCH, 0.0, [], [], unknown,
                          "the question names neither the article's subject nor the article")
    share = float(candidates.coverage[position])
    matched = [c.word for c, row in zip(query.known, candidates.hits, strict=True) if row[position]]
    missing = [c.word for c, row in zip(query.known, candidates.hits, strict=True) if not row[position]]
    if unknown:
        return Confidence(Kind.WEAK, share, matched, missing, unknown,
                          f"the corpus has no word for: {', '.join(unknown)}")
    if query.unrelated > query.asked:
        return Confidence(Kind.WEAK, share, matched, missing, unknown,
                          "most of what the question names is not in the corpus: " + ", ".join(query.context))
    for shape in wanted:
        if shape.required and not intent.answers(shape, candidates.texts[position]):
            return Confidence(Kind.WEAK, share, matched, missing, unknown,
                              f"asks for a {shape.name}, and the passage gives none")
    if not candidates.enough(position, rules.min_coverage):
        return Confidence(Kind.WEAK, share, matched, missing, unknown,
                          f"the passage covers {share:.0%} of the question's weight "
                          f"(needs {rules.min_coverage:.0%})")
    if share < rules.min_coverage:  # enough by the whole question sentence
        return Confidence(Kind.ANSWER, share, matched, missing, unknown,
                          f"the passage covers the whole question sentence ({share:.0%} of the message's weight)")
    return Confidence(Kind.ANSWER, share, matched, missing, unknown,
                      f"the passage covers {share:.0%} of the question's weight")
