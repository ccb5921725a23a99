"""Question analysis: synonyms, spelling correction and the concepts a question asks about."""

from __future__ import annotations

import dataclasses
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nltk.metrics.distance import edit_distance

from bot.text import english_words, is_english_word, question_stems, stem, stop_words, words

# A question that leans on the one before: opens with a connector, or points back with a pronoun.
_CONNECTOR_RE = re.compile(
    r"^\s*(and|but|or|so|also|then|plus|what about|how about|what if|why|how come|is it|is that|"
    r"does it|does that|can it|could it|will it|would it|for|with|without|in|same)\b", re.IGNORECASE)
_FAMILY_PREFIX = 5  # letters a word-family relative must share at least
_FAMILY_SHARE = 0.8  # ...and this share of the shorter stem
_REMEMBERED = 4096  # corrections and word families kept per corpus version
_POINTER_WORDS = frozenset({"it", "that", "this", "they", "them", "those", "these", "its"})


@dataclass(frozen=True)
class Concept:
    """One thing a question asks about: a word and its synonyms, as index terms."""

    word: str
    terms: tuple[str, ...]
    known: bool  # at least one term is in the corpus
    alternatives: tuple[tuple[str, ...], ...] = ()  # ways to match: the words, or one synonym, in full
    weight: float = 1.0  # 2.0 for the current question's own words in a follow-up
    phrasing: bool = False  # a phrasing word ("help", "take"): steers ranking, never decides coverage


@dataclass
class Query:
    """What the engine searches for, and how the question was read."""

    text: str
    concepts: list[Concept]
    corrected: dict[str, str] = field(default_factory=dict)
    expanded: dict[str, list[str]] = field(default_factory=dict)
    follow_up_of: str | None = None

    @property
    def known(self) -> list[Concept]:
        """Subjects of the question that the corpus has words for."""
        return [c for c in self.concepts if c.known and not c.phrasing]

    @property
    def unknown(self) -> list[Concept]:
        """Subjects the corpus has no word for (e.g. another drug)."""
        return [c for c in self.concepts if not c.known]

    @property
    def terms(self) -> list[str]:
        """The BM25 query: every term of every concept the corpus knows, the current question's twice."""
        out: list[str] = []
        for concept in self.concepts:
            if concept.known:
                out.extend(concept.terms * int(concept.weight))
        return out


class QueryReader:
    """Reads questions against one corpus vocabulary."""

    def __init__(self, vocabulary: Iterable[str], surface_words: Iterable[str],
                 synonyms: dict[str, list[str]], max_distance: int = 2) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.surface_words = frozenset(surface_words)
        self.max_distance = max_distance
        self.synonyms = {tuple(words(k)): [words(v) for v in vs] for k, vs in synonyms.items() if words(k)}
        self.longest_synonym = max((len(k) for k in self.synonyms), default=1)
        self._synonym_starts = frozenset(k[0] for k in self.synonyms)
        english_words(), question_stems()  # loaded here rather than while answering a question
        # Spelling candidates: every corpus and stop word under each of its one-letter deletions,
        # built here (off the event loop when a reload builds a reader) rather than on first use.
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for known in self.surface_words | stop_words():
            if len(known) >= 2:
                for key in _deletions(known) | {known}:
                    self._deletes[key].add(known)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in self.vocabulary:
            if len(term) >= _FAMILY_PREFIX:
                self._by_prefix[term[:_FAMILY_PREFIX]].append(term)
        # People repeat their misspellings ("magnesum"): each is worked out once per corpus version.
        self._corrections: dict[str, str | None] = {}
        self._families: dict[str, str | None] = {}

    def read(self, question: str, after: str | None = None) -> Query:
        """Read a question; with `after`, a question that leans on it borrows its concepts."""
        query = self._read_alone(question)
        if after and self.leans_on_previous(question, query):
            previous = self._read_alone(after)
            own = [dataclasses.replace(c, weight=2.0) for c in query.concepts]
            seen = {c.terms for c in own}
            query.concepts = own + [c for c in previous.concepts if c.terms not in seen]
            query.follow_up_of = after
        return query

    def leans_on_previous(self, question: str, query: Query) -> bool:
        """Whether a question needs the previous one to make sense."""
        if _CONNECTOR_RE.match(question) or not query.known:
            return True
        pointers = _POINTER_WORDS.intersection(words(question))
        return bool(pointers) and len(query.known) <= 1

    def _read_alone(self, question: str) -> Query:
        """Concepts of one question on its own."""
        tokens = words(question)
        query = Query(text=question, concepts=[])
        stops, generic = stop_words(), question_stems()
        i = 0
        while i < len(tokens):
            span = self._synonym_at(tokens, i)
            if span:
                phrase = tokens[i:i + span]
                alternatives = self.synonyms[tuple(phrase)]
                ways = [[stem(w) for w in way if w not in stops] for way in [phrase, *alternatives]]
                terms = [t for way in ways for t in way]
                query.expanded[" ".join(phrase)] = [" ".join(alt) for alt in alternatives]
                if any(t not in generic for way in ways[1:] for t in way):  # else a phrasing expression
                    self._add(query, " ".join(phrase), [t for t in terms if t not in generic],
                              ways=[[t for t in way if t not in generic] for way in ways])
                self._add(query, " ".join(phrase), [t for t in terms if t in generic], phrasing=True)
                i += span
                continue
            word = tokens[i]
            i += 1
            if word in stops or len(word) == 1 and not word.isdigit():
                continue
            if word[0].isdigit() and stem(word) not in self.vocabulary:
                continue  # a quantity the corpus does not mention names no subject
            term = stem(word)
            if term not in generic and term not in self.vocabulary:
                correction = self.correct(word)
                if correction:
                    query.corrected[word] = correction
                    if correction in stops:
                        continue
                    word, term = correction, stem(correction)
            if term in generic:
                self._add(query, word, [term], phrasing=True)
                continue
            if term not in self.vocabulary:
                relative = self.word_family(term)
                if relative:
                    query.corrected[word] = relative
                    term = relative
            self._add(query, word, [term])
        return query

    def _add(self, query: Query, word: str, terms: list[str], phrasing: bool = False,
             ways: list[list[str]] | None = None) -> None:
        """Add a concept unless it repeats one already there; unknown phrasing words are dropped."""
        unique = tuple(dict.fromkeys(t for t in terms if t))
        if not unique or any(c.terms == unique for c in query.concepts):
            return
        known = any(t in self.vocabulary for t in unique)
        if phrasing and not known:
            return
        usable = tuple(tuple(w) for w in (ways or [[t] for t in unique])
                       if w and all(t in self.vocabulary for t in w))
        for i, other in enumerate(query.concepts):
            if not phrasing and not other.phrasing and set(other.terms) & set(unique):
                # "overdose" and "too much" both mean excess: one concept, matched either way
                query.concepts[i] = dataclasses.replace(
                    other, word=f"{other.word}/{word}", terms=tuple(dict.fromkeys(other.terms + unique)),
                    known=other.known or known, alternatives=tuple(dict.fromkeys(other.alternatives + usable)))
                return
        query.concepts.append(Concept(word, unique, known, alternatives=usable, phrasing=phrasing))

    def _synonym_at(self, tokens: list[str], i: int) -> int:
        """Length of the longest synonym phrase starting at tokens[i], or 0."""
        if tokens[i] not in self._synonym_starts:
            return 0
        for span in range(min(self.longest_synonym, len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + span]) in self.synonyms:
                return span
        return 0

    def word_family(self, term: str) -> str | None:
        """A corpus stem of the same word family ("absorb" -> "absorpt"), remembered."""
        return _remembered(self._families, term, self._word_family)

    def correct(self, word: str) -> str | None:
        """A close corpus word for a misspelled one; None for real words the corpus lacks. Remembered."""
        return _remembered(self._corrections, word, self._correct)

    def _word_family(self, term: str) -> str | None:
        """A corpus stem of the same word family ("absorb" -> "absorpt"): most of the stem shared,
        and what differs is a suffix, not another word ("heartburn" is not "heart")."""
        best = None
        for candidate in self._by_prefix.get(term[:_FAMILY_PREFIX], ()):
            shared = len(os.path.commonprefix([term, candidate]))
            tail = max(term, candidate, key=len)[shared:]
            if (shared >= _FAMILY_SHARE * min(len(term), len(candidate)) and len(tail) <= 5
                    and not (len(tail) >= 3 and is_english_word(tail)) and (best is None or shared > best[0])):
                best = (shared, candidate)
        return best[1] if best else None

    def _correct(self, word: str) -> str | None:
        """A close corpus word for a misspelled one; None for real words the corpus lacks."""
        if len(word) < 3 or word.isdigit() or is_english_word(word):
            return None
        limit = 1 if len(word) <= 4 else self.max_distance
        best: tuple[int, int, str] | None = None
        for candidate in self._candidates(word):
            distance = edit_distance(word, candidate, transpositions=True)
            if distance <= limit:
                rank = (distance, -len(candidate), candidate)
                if best is None or rank < best:
                    best = rank
        return best[2] if best else None

    def _candidates(self, word: str) -> set[str]:
        """Corpus and stop words within two edits (one deletion on each side)."""
        found: set[str] = set()
        for key in _deletions(word) | {word}:
            found |= self._deletes.get(key, set())
        return found


def _remembered(memo: dict[str, str | None], key: str, work_out: Callable[[str], str | None]) -> str | None:
    """memo[key], worked out on first use (a full memo is emptied)."""
    if key not in memo:
        if len(memo) >= _REMEMBERED:
            memo.clear()
        memo[key] = work_out(key)
    return memo[key]


def _deletions(word: str) -> set[str]:
    """The word with one letter deleted, every way."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def surface_words(texts: Iterable[str]) -> set[str]:
    """The normalised alphabetic words of texts, for spelling correction."""
    return {w for text in texts for w in words(text) if w.isalpha()}
