"""Spelling by the noisy channel: the corpus or English word a typed word most likely means
(corrections, typos, word families), each worked out once per corpus version."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

from bot import lexicon
from bot.text import damerau, english_start, english_words, frequency, is_english_word, lemma, stem, stop_words, \
    without_vowels

_FAMILY_PREFIX = 5  # letters a word-family relative must share at least
_FAMILY_SHARE = 0.8  # ...and this share of the shorter stem
_REMEMBERED = 4096  # corrections and word families kept per corpus version
_EDIT_RARITY = 3.0  # an edit, in powers of ten of word frequency (see Speller._unlikeliness)
_RARE_WORD = 4.0  # a real word rarer than this (Zipf) may be a slip of a far commoner one...
_FAR_COMMONER = 1.5  # ...this many powers of ten commoner ("daly": daily)
_CORPUS_LIKELIER = 1.5  # a word of the article, likewise (people ask about the article)
_SHORTEST_PART = 3  # letters of the shortest word of two run together ("howmuch")...
_COMMON_PART = 4.0  # ...and the Zipf frequency of the rarer one


class Speller:
    """The spelling half of a QueryReader: reads its vocabulary, surface words, synonym words and
    spelling indexes (built in QueryReader.__init__)."""

    vocabulary: frozenset[str]
    surface_words: frozenset[str]
    max_distance: int
    _synonym_words: frozenset[str]
    _deletes: dict[str, set[str]]
    _by_prefix: dict[str, list[str]]
    _corrections: dict[str, str | None]
    _families: dict[str, str | None]
    _typos: dict[str, tuple[str, ...]]

    def familiar(self, word: str) -> bool:
        """Whether a word is a corpus word, a misspelling of one ("magneisum") or a word WordNet
        knows in some form (clinical words: "contraindicate", "supplementation")."""
        return word in self.surface_words or self.correct(word) is not None or lexicon.entry(word) is not None

    def _in_phrase(self, word: str, before: str, after: str) -> str | None:
        """The correction of a misspelling that makes a dictionary phrase with the word before or
        after it ("blood suger": sugar), if any."""
        return next((c for c in (self.correct(word), *self.english_typos(word)) if c and (
            before and lexicon.entry(f"{before} {c}") is not None
            or after and lexicon.entry(f"{c} {after}") is not None)), None)

    def _likeliest(self, word: str) -> str | None:
        """The corpus or English word most likely meant by a word that is neither, if any; failing
        that, a common word it spells without vowels ("wrk": work), a word of the article first."""
        corpus = self.correct(word)
        if corpus and _in_use(word) and self._unlikeliness(word, corpus) >= -frequency(word):
            corpus = None  # an English word likelier meant as written ("properties", not "proper")
        candidates = [c for c in (corpus, *self.english_typos(word), *self._left_out_of(word)) if c]
        if not candidates and lexicon.entry(word) is None:
            return max(without_vowels(word), default=None,
                       key=lambda c: frequency(c) + _CORPUS_LIKELIER * (stem(c) in self.vocabulary)) \
                or _run_together(word)
        return min(candidates, key=lambda c: self._unlikeliness(word, c), default=None)

    def _left_out_of(self, word: str) -> list[str]:
        """The article's words and the stop words that a rare English word is with one letter (not the
        first) left out, if they are far commoner: "daly" is daily, "wen" when (a real-word slip); and
        for a word too rare to be in the frequency list, any one edit from a common word of the
        article's in some inflection by one of the commonest slips ("felling": feeling, as in "feelings")."""
        if frequency(word) >= _RARE_WORD:
            return []
        found = [c for c in self._candidates(word) if len(c) == len(word) + 1 and c[0] == word[0]
                 and word in _deletions(c) and frequency(c) >= frequency(word) + _FAR_COMMONER
                 and lemma(c) != lemma(word)]
        if frequency(word) == 0 and len(word) > 4:
            found += [c for c in _edits(word, len(word)) if c[0] == word[0] and len(c) == len(word)
                      and frequency(c) >= _RARE_WORD and stem(c) in self.vocabulary
                      and lemma(c) != lemma(word) and _typing_cost(word, c) < 1]  # the costly test last
        return found

    def _unlikeliness(self, typed: str, meant: str) -> float:
        """How unlikely it is that `meant` was typed as `typed`, in powers of ten: the slip (an edit
        is about as unlikely as a word a thousand times rarer; the commonest slips half that), less
        how common the word is, and a word of the article or of the synonyms table ("pills") some
        thirty times likelier (noisy-channel spelling)."""
        return (_EDIT_RARITY * _typing_cost(typed, meant) - frequency(meant)
                - _CORPUS_LIKELIER * (stem(meant) in self.vocabulary or meant in self._synonym_words))

    def english_typos(self, word: str) -> tuple[str, ...]:
        """The English words one edit away (Damerau: a swap, a missing, extra or wrong letter) from a
        word that is not English; remembered."""
        return _remembered(self._typos, word, _english_typos)

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
        if len(word) < 3 or word.isdigit() or word in stop_words() or lexicon.entry(word) is not None and _in_use(word):
            return None
        limit = 1 if len(word) <= 4 else self.max_distance
        best: tuple[int, int, str] | None = None
        for candidate in self._candidates(word):
            distance = damerau(word, candidate)
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


def _run_together(word: str) -> str | None:
    """Two common words typed without the space between ("sideeffects": side effects, "howmuch": how
    much), each of three letters or more and no medical word part ("neurocognitive" is read by its
    parts), the split whose rarer word is commonest; None if none, or if the word is English."""
    if _in_use(word):
        return None
    parts = lexicon.word_parts()
    splits = [(word[:at], word[at:]) for at in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1)]
    found = [(min(frequency(a), frequency(b)), f"{a} {b}") for a, b in splits
             if min(frequency(a), frequency(b)) >= _COMMON_PART
             and not any(p in parts.prefixes or p in parts.roots for p in (a, b))]
    return max(found)[1] if found else None


def _english_typos(word: str) -> tuple[str, ...]:
    """See QueryReader.english_typos."""
    if len(word) < 3 or _in_use(word):
        return ()
    if len(word) == 3:  # too short to guess at, but for the silent e left off the end ("giv", "hav")
        return (word + "e",) if _in_use(word + "e") else ()
    edits = _edits(word, english_start(word))  # none past the letters an English word starts with
    listed = english_words().intersection(edits)
    # Failing a word in use, a rarer one WordNet knows ("antidepresant": antidepressant).
    found = [w for w in listed if frequency(w) > 0] or [w for w in listed if lexicon.entry(w) is not None]
    return tuple(sorted(found, key=edits.index))  # in the order of _edits


@lru_cache(maxsize=4096)
def _in_use(word: str) -> bool:
    """Whether a word is English as written: listed, in use, or a dictionary word in its own form;
    an ending nobody writes on a listed word ("triger": trig + er) is likelier a slip ("trigger")."""
    if word in english_words() or word in stop_words() or frequency(word) > 0:
        return True
    return (is_english_word(word) or lexicon.entry(word) is not None) and lemma(word) == word


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOUR_KEYS = {key: {other for r, row in enumerate(_KEYBOARD_ROWS) for c, other in enumerate(row)
                         if abs(r - row_number) <= 1 and abs(c - column + (r - row_number) * 0.5) <= 1 and other != key}
                   for row_number, keys in enumerate(_KEYBOARD_ROWS) for column, key in enumerate(keys)}


def _typing_cost(typed: str, meant: str) -> float:
    """How far a typed word is from the word meant, in Damerau edits, where the commonest slips
    count half: two neighbours swapped ("cuase"), a letter doubled or undoubled ("sleeep", "hapen") or
    the doubling put on the letter beside ("felling"), a key next to the right one ("magnesiun"), a
    silent e left off the end ("wher", "giv") and a vowel left out ("startd", "lowr"); "ie" for
    "ei" or the reverse ("wierd") a quarter."""
    distance = damerau(typed, meant)
    if distance != 1:
        return float(distance)
    at = next((i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b), min(len(typed), len(meant)))
    if len(typed) == len(meant):
        swapped = typed[at + 1:at + 2] == meant[at:at + 1] and typed[at:at + 1] == meant[at + 1:at + 2]
        if swapped and typed[at:at + 2] in ("ie", "ei"):
            return 0.25  # "i before e" the wrong way round ("wierd", "recieve"): the commonest confusion of all
        moved = _doubled_at(typed, at) and _doubled_at(meant, at)  # the doubling on the letter beside: "felling"
        slip = swapped or moved or meant[at] in _NEIGHBOUR_KEYS.get(typed[at], ())
    else:
        longer = max(typed, meant, key=len)  # the letter typed twice, or once where it is double
        slip = longer[at] in longer[max(0, at - 1):at] + longer[at + 1:at + 2] or meant == typed + "e" \
            or len(meant) > len(typed) and meant[at] in "aeiou"  # a vowel left out, as fast thumbs do: "startd"
    return 0.5 if slip else 1.0


def _doubled_at(word: str, at: int) -> bool:
    """Whether word[at] is one of a doubled letter ("ll" of "felling")."""
    return word[at] in word[max(0, at - 1):at] + word[at + 1:at + 2]


def _edits(word: str, upto: int) -> list[str]:
    """Words one edit away, the edit at letter `upto` or before: swapped neighbours first, then a
    letter missing, extra or wrong (lists rather than generators: made faster, hundreds at a time)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(min(upto, len(word)) + 1)]
    return ([a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
            + [a + b[1:] for a, b in splits if b]
            + [a + c + b for a, b in splits for c in letters]
            + [a + c + b[1:] for a, b in splits if b for c in letters])


def _remembered(memo: dict, key: str, work_out: Callable):
    """memo[key], worked out on first use (a full memo is emptied)."""
    if key not in memo:
        if len(memo) >= _REMEMBERED:
            memo.clear()
        memo[key] = work_out(key)
    return memo[key]


def _deletions(word: str) -> set[str]:
    """The word with one letter deleted, every way."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}
