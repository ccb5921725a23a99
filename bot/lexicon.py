"""General English knowledge for words the corpus lacks: WordNet 3.0's parts of speech, semantic
categories and related words (bot/data/lexicon.tsv.gz, built by scripts/build_lexicon.py), and
medical word formation (bot/data/word-parts.txt).

A question's *focus* (what it asks about, and any restriction that changes the answer) is told
from its *context* (who asks, their story, hedges, slang) by what kind of word it is: a noun that
names a condition, a substance, a food, a body part, an animal, a thing or a person of a certain
age is a focus word; verbs, adverbs, adjectives, people by their role ("husband") and abstract
nouns ("reason", "story") are context.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from bot.text import lemma_candidates

# Which unknown words restrict what a question asks, by their main part of speech and WordNet
# category. Chosen from how often each kind of word appears in in-scope and in near-miss questions
# of the development sets (tests/eval/voices.yaml, questions.yaml, the real questions): a noun in
# the question sentence is a focus word unless it is abstract, relational, about communication, a
# unit of time or a person named by relation ("husband"); a verb or an adjective only when it names
# a substance, a state, a body part or an age ("citrate", "pregnant", "renal", "older"), not another
# property ("prolonged", "cheap"); adverbs never. In the story before the question only people named
# by their age, animals and states of a person restrict the answer ("my little kids...", "my cat",
# "I'm pregnant").
CONTEXT_NOUNS = frozenset({"", "noun.Tops", "noun.motive", "noun.relation", "noun.feeling", "noun.communication",
                           "noun.group", "noun.act", "time-unit", "kin"})
FOCUS_MODIFIERS = frozenset({"noun.substance", "noun.food", "noun.state", "noun.body", "life-stage"})
# Abstract nouns (a process, an event, an idea, a property: "suppression", "synthesis",
# "disturbance", "excitability") restrict a question only when it names little else: beside two or
# more specific things the article has ("is the insomnia attributed to suppression of melatonin
# synthesis?") they say how the asker frames it, not what is asked.
ABSTRACT_NOUNS = frozenset({"noun.process", "noun.event", "noun.cognition", "noun.attribute"})
POPULATION_CATEGORIES = frozenset({"life-stage", "noun.animal"})
PERSON_STATES = frozenset({"noun.state", "life-stage"})
# The lexicographer files of noun senses, as the table codes them ("a" noun.Tops ... "z" noun.time).
_SENSE_FILES = ("noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute", "noun.body",
                "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
                "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
                "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
                "noun.substance", "noun.time")


@dataclass(frozen=True)
class Entry:
    """What the lexicon knows of a word."""

    parts: str  # parts of speech, most used first: n(oun), v(erb), a(djective), r (adverb)
    category: str  # e.g. "noun.state", "life-stage"; "" when it has no noun reading
    related: tuple[str, ...]  # synonyms, derivations, pertainyms, narrower terms (phrases)
    senses: tuple[str, ...]  # the lexicographer file of each noun sense, most used first ("stroke": act, ..., state)

    @property
    def main(self) -> str:
        """The most used part of speech."""
        return self.parts[0]


@cache
def _table() -> dict[str, str]:
    """word -> the rest of its line, parsed on use (the whole table is read once, lazily)."""
    blob = resources.files("bot.data").joinpath("lexicon.tsv.gz").read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(blob).decode("utf-8").splitlines())


@lru_cache(maxsize=8192)  # a question's words are looked up several times (reading it, judging it)
def entry(word: str) -> Entry | None:
    """The lexicon entry of a normalised word or of its base form, if any (remembered: an entry is frozen)."""
    table = _table()
    for form in lemma_candidates(word):
        line = table.get(form)
        if line is not None:
            parts, category, related, senses = line.split("\t")
            if form != word and word.endswith("s") and "n" in parts:  # a plural is a noun ("antibiotics")
                parts = "n" + parts.replace("n", "")
            elif form != word and word.endswith("ed") and "v" in parts:  # a participle is a verb ("flagged")
                parts = "v" + parts.replace("v", "")
            related_words = tuple(r for r in related.split(";") if r)
            if category == "kin" and any(_category(r) == "noun.time" for r in related_words):
                category = "life-stage"  # "baby", "infant": offspring in WordNet, a time of life by their relatives
            return Entry(parts, category, related_words, tuple(_SENSE_FILES[ord(c) - ord("a")] for c in senses))
    return None


def _category(word: str) -> str:
    """The WordNet category of a word as the table spells it, if any ("" otherwise)."""
    line = _table().get(word)
    return line.split("\t")[1] if line is not None else ""


def is_focus(found: Entry | None, in_question: bool) -> bool:
    """Whether a word the corpus lacks restricts what is asked (see the categories above); a word
    with no entry does in the question sentence (a name, a brand, a drug: "costco", "epsom")."""
    if found is None:
        return in_question
    if not in_question:  # the story: people by age, animals, and states of a person ("pregnant")
        return found.category in POPULATION_CATEGORIES if found.main == "n" else \
            found.main == "a" and found.category in PERSON_STATES
    if found.main == "n":
        return found.category not in CONTEXT_NOUNS
    return found.main in "va" and found.category in FOCUS_MODIFIERS


def names_animal(found: Entry | None) -> bool:
    """Whether a word names an animal ("cat", "puppy"): what holds for people may not for it."""
    return found is not None and found.category == "noun.animal"


def names_state_or_time(found: Entry | None) -> bool:
    """Whether a word, or a noun WordNet relates it to, names a state or a time of life
    ("breastfeeding": lactation, a time; "pregnancy"), not an act ("travelling", "bathing")."""
    return found is not None and (found.category in _CIRCUMSTANCES or any(
        _category(r) in _CIRCUMSTANCES for r in found.related))


_CIRCUMSTANCES = frozenset({"noun.state", "noun.time", "life-stage"})


@dataclass(frozen=True)
class WordParts:
    """Medical word formation (bot/data/word-parts.txt): part -> its plain words, by kind."""

    prefixes: dict[str, tuple[str, ...]]
    roots: dict[str, tuple[str, ...]]
    suffixes: dict[str, tuple[str, ...]]


@cache
def word_parts() -> WordParts:
    """The shipped table of word parts."""
    kinds: dict[str, dict[str, tuple[str, ...]]] = {"prefix": {}, "root": {}, "suffix": {}}
    for line in resources.files("bot.data").joinpath("word-parts.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, part, *meaning = line.split()
            kinds[kind][part] = tuple(meaning)
    return WordParts(kinds["prefix"], kinds["root"], kinds["suffix"])


@cache
def root_words() -> frozenset[str]:
    """The plain words the table's roots stand for ("liver", "joint"): things a clinical word names."""
    return frozenset(w for meaning in word_parts().roots.values() for w in meaning)


_LINKS = "oia"  # linking vowels after a root ("neur-o-pathy")
_MIN_WORD = 4  # letters of the shortest whole word a part of a compound may be


def gloss(word: str, whole_word: Callable[[str], str | None], root_needed: bool = False) -> tuple[str, ...] | None:
    """The plain words a word is made of, if it splits wholly into word parts (at least one from
    the table; with root_needed, a root) and whole words ("neuralgia" -> nerve, pain;
    "antiinflammatory" -> reduce, inflammatory); `whole_word(piece)` gives the word a piece of at least
    four letters stands for, or None. Of several splits, the one with the fewest pieces not from
    the table, then the fewest pieces."""
    parts = word_parts()
    # best[i] for word[:i]: (pieces not from the table, pieces, plain words, roots, only prefixes so far)
    best: list[tuple[int, int, tuple[str, ...], int, bool] | None] = [None] * (len(word) + 1)
    best[0] = (0, 0, (), 0, True)
    for i in range(len(word)):
        if best[i] is None:
            continue
        other, pieces, plain, roots, at_start = best[i]
        for j in range(i + 1, len(word) + 1):
            for end, words, kind in _pieces(word, i, j, at_start, pieces > 0, whole_word, parts):
                candidate = (other + (kind == "word"), pieces + 1, plain + words, roots + (kind == "root"),
                             at_start and kind == "prefix")
                if best[end] is None or candidate[:2] < best[end][:2]:
                    best[end] = candidate
    done = best[len(word)]
    if done is None or done[1] < 2 or done[0] == done[1] or (root_needed and not done[3]):
        return None
    return tuple(dict.fromkeys(done[2]))


def _pieces(word: str, i: int, j: int, at_start: bool, after_another: bool,
            whole_word: Callable[[str], str | None], parts: WordParts) -> list[tuple[int, tuple[str, ...], str]]:
    """What word[i:j] can be, as (where the next piece starts, the plain words, the kind of piece): a
    prefix (only at the start), a root (and its linking vowel), a suffix (only at the end, after
    another piece), or else a whole word."""
    piece, ends = word[i:j], j == len(word)
    found: list[tuple[int, tuple[str, ...], str]] = []
    if at_start and piece in parts.prefixes:
        found.append((j, parts.prefixes[piece], "prefix"))
    if piece in parts.roots:
        found.append((j, parts.roots[piece], "root"))
        if not ends and word[j] in _LINKS:
            found.append((j + 1, parts.roots[piece], "root"))
    if ends and piece in parts.suffixes and after_another:
        found.append((j, parts.suffixes[piece], "suffix"))
    if len(piece) >= _MIN_WORD and not found:
        meant = whole_word(piece)
        if meant:
            found.append((j, (meant,), "word"))
    return found
