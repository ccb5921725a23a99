"""Whether a word the corpus lacks is a question's focus: a small linear model over what kind of
word it is and where it stands, never which word it is.

bot/lexicon.py's `is_focus` proposes a word by its WordNet category and part of speech ("settles",
"whose", "picture", "safety" pass as readily as "zinc", "gummies", "kids"); this model, trained by
scripts/build_focus_model.py on the labelled questions of the development eval files (every word
such a question's reading proposes: context in an in-scope question, the focus of a near miss that
names one), weighs the proposal's cues (bot/data/focus-weights.txt): its part of speech and WordNet
category (of its most used noun sense, and those of its other noun senses, and whether none, some or
all of them are concrete things), its English frequency, length, number, capitals and medical word
parts, whether WordNet relates it to a corpus word, the kinds of its neighbours, how many things the
question names that the article has, and whether it tells a story first. Only words of the question
sentence are weighed: the story proposes only people by age, animals and states of a person, which
restrict the answer wherever they are said. A proposal scoring under the threshold is read as
context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot import lexicon
from bot.text import frequency, is_english_word, lemma
from bot.weights import read_weights

# Neighbours read by what they are (closed classes of function words; any other word by its kind).
_PREPOSITIONS = frozenset({"for", "with", "in", "of", "on", "about", "to", "from", "after", "before", "during",
                           "while", "than", "vs", "versus", "like", "without", "at", "into", "by", "or", "and"})
_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their", "its"})
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "any"})
_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them"})
_TAKING = frozenset({"take", "use", "try", "mix", "combine", "give", "add", "swap", "switch", "get", "buy"})
OF_SUBJECT = "of-subject"
PLACED = "placed"
KEPT = frozenset({OF_SUBJECT, PLACED, *(f"category:{c}" for c in lexicon.POPULATION_CATEGORIES)})  # see is_focus
# Noun senses that name a thing one can hold, eat or point at (the share of them is a cue).
_CONCRETE = frozenset({"noun.artifact", "noun.object", "noun.substance", "noun.food", "noun.body", "noun.animal",
                       "noun.plant"})
# A question tag ending the sentence ("...with energy drinks or nah", "or not?", "or what"): the word before it ends
# what is asked, no choice.
_TAGS = [["or", tag] for tag in ("not", "no", "nah", "nope", "what", "something", "smth", "anything")]
_ASKING = frozenset({"what", "which", "how", "why", "when", "where", "who", "is", "are", "does", "do", "can",
                     "could", "should", "would", "will"})


@dataclass(frozen=True)
class Model:
    """The weight of each cue, the bias, and the score at which a proposed word is a focus."""

    weights: dict[str, float]
    bias: float
    threshold: float


def read_model(text: str) -> Model:
    """A model from its file's text: `# bias = x`, `# threshold = x` lines, then `cue <TAB> weight`."""
    weights, settings = read_weights(text)
    return Model(weights, settings["bias"], settings["threshold"])


@cache
def model() -> Model:
    """The shipped weights (bot/data/focus-weights.txt)."""
    return read_model(resources.files("bot.data").joinpath("focus-weights.txt").read_text(encoding="utf-8"))


def _kind(word: str, corpus: bool) -> str:
    """What a neighbouring word is: a function word of a closed class as itself, else its kind."""
    if word in _PREPOSITIONS or word in _ASKING:
        return word
    if word in _POSSESSIVES:
        return "possessive"
    if word in _ARTICLES:
        return "determiner"
    if word in _PRONOUNS:
        return "pronoun"
    if lemma(word) in _TAKING:
        return "taking"
    if word[:1].isdigit():
        return "number"
    if corpus:
        return "corpus"
    found = lexicon.entry(word)
    return "word:" + found.main if found is not None else "other"


def cues(word: str, tokens: list[str], i: int, related: bool, capitalised: bool,
         placed: bool, corpus_words: frozenset[str] | set[str], of_subject: bool) -> tuple[str, ...]:
    """The cues of a word proposed in the question sentence (tokens[i]): what kind of word it is and where it stands;
    `related`: WordNet relates it to a corpus word; `corpus_words`: the neighbours that are corpus
    words; `of_subject`: "of" and the article's subject follow it ("types of magnesium")."""
    found = lexicon.entry(word)
    zipf = frequency(word)
    before = tokens[i - 1] if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1:] not in _TAGS else ""
    parts = lexicon.word_parts()
    said = [
        f"main:{found.main}" if found is not None else "main:none",
        f"category:{found.category or 'none'}" if found is not None else "category:unknown",
        f"zipf:{min(int(zipf), 6)}",
        f"length:{min(len(word) // 3, 4)}",
        "english" if is_english_word(word) or found is not None else "not-english",
        "before:" + (_kind(before, before in corpus_words) if before else "start"),
        "after:" + (_kind(after, after in corpus_words) if after else "end"),
    ]
    if found is not None:
        said += [f"also:{p}" for p in found.parts[1:]]
        said += _sense_cues(found.senses)
    if word.endswith("s") and lemma(word) != word:
        said.append("plural")
    if capitalised:
        said.append("capitalised")
    if any(word.endswith(s) and len(word) > len(s) + 2 for s in parts.suffixes if len(s) >= 3):
        said.append("medical-suffix")
    if related:
        said.append("related-to-corpus")
    if placed:
        said.append(PLACED)
    if of_subject:
        said.append(OF_SUBJECT)
    return tuple(said)


def _sense_cues(senses: tuple[str, ...]) -> list[str]:
    """Cues of a word's other noun senses than its most used (whose category is a cue of its own):
    each category among them ("stroke": an act first, a state too), and whether none, some or all
    of its noun senses are concrete things."""
    if not senses:
        return []
    concrete = sum(s in _CONCRETE for s in senses)
    share = "all" if concrete == len(senses) else "some" if concrete else "none"
    return [*(f"sense:{s}" for s in sorted(set(senses[1:]) - {senses[0]})), f"concrete:{share}"]


def question_cues(specific: int, story: bool) -> tuple[str, ...]:
    """Cues of the whole question: how many specific things it names that the corpus has, and
    whether it tells a story before asking."""
    return (f"specific:{min(specific, 3)}", "story" if story else "no-story")


def score(said: tuple[str, ...]) -> float:
    """The model's log-odds that a proposed word with these cues is a focus."""
    found = model()
    return found.bias + sum(found.weights.get(name, 0.0) for name in said)


def is_focus(said: tuple[str, ...]) -> bool:
    """Whether the model reads a proposed word with these cues as the question's focus; a population
    (a person by age, an animal: "for toddlers?", "lethal for a dog?"), a word naming a thing of the
    article's subject ("types of magnesium", "brands of mag") and a word its place makes the focus
    (an adjective a yes-no question ends on, what a comparison is with: see bot.query) always are
    (the labelled questions have too few of them to weigh)."""
    return not KEPT.isdisjoint(said) or score(said) >= model().threshold
