"""General English knowledge for words the corpus lacks: WordNet 3.0's parts of speech, semantic
categories and related words (bot/data/lexicon.tsv.gz, built by scripts/build_lexicon.py).

A question's *focus* (what it asks about, and any restriction that changes the answer) is told
from its *context* (who asks, their story, hedges, slang) by what kind of word it is: a noun that
names a condition, a substance, a food, a body part, an animal, a thing or a person of a certain
age is a focus word; verbs, adverbs, adjectives, people by their role ("husband") and abstract
nouns ("reason", "story") are context.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.text import lemma_candidates

# Which unknown words restrict what a question asks, by their main part of speech and WordNet
# category. Chosen from how often each kind of word appears in in-scope and in near-miss questions
# of the development sets (tests/eval/voices.yaml, questions.yaml, the real questions): a noun in
# the question sentence is a focus word unless it is abstract, relational, about communication, a
# unit of time or a person named by relation ("husband"); a verb or an adjective only when it names a substance or a
# property ("citrate", "pregnant", "older"); adverbs never. In the story before the question only
# people named by their age and animals restrict the answer ("my little kids...", "my cat").
CONTEXT_NOUNS = frozenset({"", "noun.Tops", "noun.motive", "noun.relation", "noun.feeling", "noun.communication",
                           "noun.group", "noun.act", "time-unit", "kin"})
FOCUS_MODIFIERS = frozenset({"noun.substance", "noun.food", "noun.state", "noun.attribute", "noun.body",
                             "noun.artifact", "life-stage"})
POPULATION_CATEGORIES = frozenset({"life-stage", "noun.animal"})


@dataclass(frozen=True)
class Entry:
    """What the lexicon knows of a word."""

    parts: str  # parts of speech, most used first: n(oun), v(erb), a(djective), r (adverb)
    category: str  # e.g. "noun.state", "life-stage"; "" when it has no noun reading
    related: tuple[str, ...]  # synonyms, derivations, pertainyms, narrower terms (phrases)

    @property
    def main(self) -> str:
        """The most used part of speech."""
        return self.parts[0]


@cache
def _table() -> dict[str, str]:
    """word -> the rest of its line, parsed on use (the whole table is read once, lazily)."""
    blob = resources.files("bot.data").joinpath("lexicon.tsv.gz").read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(blob).decode("utf-8").splitlines())


def entry(word: str) -> Entry | None:
    """The lexicon entry of a normalised word or of its base form, if any."""
    table = _table()
    for form in lemma_candidates(word):
        line = table.get(form)
        if line is not None:
            parts, category, related = line.split("\t")
            return Entry(parts, category, tuple(r for r in related.split(";") if r))
    return None


def is_focus(found: Entry | None, in_question: bool) -> bool:
    """Whether a word the corpus lacks restricts what is asked (see the categories above); a word
    with no entry does in the question sentence (a name, a brand, a drug: "costco", "epsom")."""
    if found is None:
        return in_question
    if not in_question:
        return found.main == "n" and found.category in POPULATION_CATEGORIES
    if found.main == "n":
        return found.category not in CONTEXT_NOUNS
    return found.main in "va" and found.category in FOCUS_MODIFIERS
