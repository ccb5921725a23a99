"""A word the corpus lacks, looked up: the corpus words WordNet relates it to ("renal" -> kidney) or the
plain words it is made of ("neuralgia" -> nerve pain); bot.query then reads it as focus or context."""

from __future__ import annotations

from dataclasses import dataclass

from bot import lexicon
from bot.grammar import _names_action
from bot.spelling import _FAMILY_PREFIX
from bot.text import is_english_word, lemma, question_stems, stem, stop_words, words

# Adjectives WordNet puts beside "possible" ("achievable", "feasible", "doable") ask whether a thing
# can be done, as "possible" does: how a question asks, not a thing it asks about.
_POSSIBLE = "possible"
_MIND_AND_BODY = frozenset({"noun.state", "noun.process", "noun.feeling", "noun.cognition"})


@dataclass(frozen=True)
class Unknown:
    """How a word the corpus lacks was read."""

    english: str  # the word (misspellings are fixed before it is read)
    entry: lexicon.Entry | None
    ways: tuple[tuple[str, ...], ...]  # corpus terms of related words ("renal" -> (kidney,))
    gloss: tuple[str, ...] = ()  # the plain words it is made of ("neuralgia" -> nerve, pain)
    asks: bool = False  # an adjective of possibility ("achievable", "feasible"): how a question asks
    states: tuple[tuple[str, ...], ...] = ()  # of a verb: corpus terms of the states it names ("remember": memory)

    def focus(self, in_question: bool) -> bool:
        """Whether it restricts what is asked (see bot.lexicon)."""
        return lexicon.is_focus(self.entry, in_question)


def _names_state(word: str) -> bool:
    """Whether a word is mainly a noun naming a state, process, feeling or cognition ("memory")."""
    found = lexicon.entry(word) if " " not in word else None
    return found is not None and found.main == "n" and found.category in _MIND_AND_BODY


class UnknownWords:
    """The unknown-word half of a QueryReader: reads its surface words and their lemmas and prefixes
    (built in QueryReader.__init__)."""

    surface_words: frozenset[str]
    _lemmas: frozenset[str]
    _surface_by_prefix: dict[str, list[str]]

    def _phrasing_relative(self, reading: Unknown) -> str:
        """The index term of a corpus word that is how questions ask ("adults", "daily") and that
        WordNet relates an adjective to ("grown" -> adult), else "" (a noun is a thing asked about:
        "growth")."""
        related = reading.entry.related if reading.entry is not None and reading.entry.main == "a" else ()
        return next((stem(r) for r in related if " " not in r and stem(r) in question_stems()
                     and (r in self.surface_words or lemma(r) in self._lemmas)), "")

    def _unknown_word(self, english: str) -> Unknown:
        """How a word the corpus lacks is read (see _read_unknown)."""
        found = lexicon.entry(english)
        if found is not None and found.main == "a" and _POSSIBLE in found.related:
            return Unknown(english, found, (), asks=True)
        ways: list[tuple[str, ...]] = []
        if found is not None and (found.main == "a" or lexicon.is_focus(found, True)):
            # A thing is not known through what one does with it ("thinner" -> reduce).
            related = [r for r in found.related if found.main != "n" or not _names_action(r)]
            ways = [way for way in map(self._corpus_terms, related) if way]
        states: list[tuple[str, ...]] = []
        if found is not None and found.main == "v":  # "remember": memory (see QueryReader._helped_to)
            states = [way for way in map(self._corpus_terms, filter(_names_state, found.related)) if way]
        plain = None
        if not ways and " " not in english:
            plain = lexicon.gloss(english, self._whole_word, root_needed=found is not None)
        return Unknown(english, found, tuple(dict.fromkeys(ways)), plain or (), states=tuple(dict.fromkeys(states)))

    def _whole_word(self, piece: str) -> str | None:
        """The word a piece of a compound stands for: an English word, or the corpus word it begins
        ("magnes" in "hypomagnesemia" -> magnesium)."""
        if piece in stop_words():
            return None
        if is_english_word(piece):
            return piece
        if len(piece) < _FAMILY_PREFIX:
            return None
        starting = (w for w in self._surface_by_prefix.get(piece[:_FAMILY_PREFIX], ()) if w.startswith(piece))
        return min(starting, key=lambda w: (len(w), w), default=None)

    def _corpus_terms(self, phrase: str) -> tuple[str, ...]:
        """The index terms of a phrase if the corpus has every one of its words (in some inflection:
        "physic" is not "physical", though both stem to physic) and none is a phrasing word
        ("learning" -> get, "grammar" -> well-formed), else ()."""
        content = [w for w in words(phrase) if w not in stop_words()]
        known = content and all((w in self.surface_words or lemma(w) in self._lemmas)
                                and stem(w) not in question_stems() for w in content)
        return tuple(stem(w) for w in content) if known else ()
