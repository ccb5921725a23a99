"""The second sign of self-harm: a small linear model over what a message says, not its exact words.

The rules of bot/safety.py read self-harm from patterns; images and idioms no pattern names slip
past them ("logged off permanently", "taking up space"). This model reads a message as the general
ideas it touches (bot/data/crisis-words.txt: the writer, finality, leaving, a future denied, being a
burden, a means or a place, a farewell, death and despair from the Empath and VADER lexicons and the
word families; against them questions, a question about a product's safety, worth or cost, other people
("my son" is not the writer), the past, fiction, laughter, tiredness, a dose), each pair
of them, and ideas said under a negation ("no future"), and weighs them (bot/data/crisis-weights.txt,
logistic regression trained by scripts/build_crisis_model.py on the development eval files).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.weights import read_weights

NEGATORS = frozenset({"not", "never", "no", "nothing", "nobody", "noone", "none", "without", "nor", "neither"})
_NEGATION_REACH = 3  # a negator this many words before an idea says it is denied ("no real future")
_NEXT_REACH = 2  # an idea this many words after another's end is read as following it ("gone>finality")
LONG = 40  # words: a long message, where a crisis may be buried in other questions


@dataclass(frozen=True)
class Lexicon:
    """Each word or phrase (as plain words) to the ideas it names and to them denied ("not:future"),
    and every phrase's beginnings."""

    ideas: dict[str, tuple[str, ...]]
    denied: dict[str, tuple[str, ...]]
    beginnings: frozenset[str]


@dataclass(frozen=True)
class Model:
    """The weight of each feature, the bias, and the score at which a message is read as a crisis."""

    weights: dict[str, float]
    bias: float
    threshold: float
    pairs: dict[str, dict[str, float]]  # the weight of "a|b" as pairs["a"]["b"], of "a>b" as pairs["a>"]["b"]


def read_lexicon(text: str) -> Lexicon:
    """A lexicon from its file's text: `idea <TAB> word;phrase;...` a line."""
    ideas: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, entries = line.split("\t")
            for entry in entries.split(";"):
                ideas.setdefault(entry, []).append(name)
    beginnings = {" ".join(e.split()[:n]) for e in ideas if " " in e for n in range(1, len(e.split()))}
    named = {e: tuple(names) for e, names in ideas.items()}
    # Entries share their ideas: each set of ideas is denied once (this runs at every cold start).
    denied = {names: tuple("not:" + n for n in names) for names in set(named.values())}
    return Lexicon(named, {e: denied[names] for e, names in named.items()}, frozenset(beginnings))


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (bot/data/crisis-words.txt, built by scripts/build_crisis_model.py)."""
    return read_lexicon(resources.files("bot.data").joinpath("crisis-words.txt").read_text(encoding="utf-8"))


def read_model(text: str) -> Model:
    """A model from its file's text: `# bias`, `# threshold` lines, then `feature <TAB> weight`."""
    weights, settings = read_weights(text)
    pairs: dict[str, dict[str, float]] = {}
    for name, weight in weights.items():
        if "|" in name:
            first, second = name.split("|")
            pairs.setdefault(first, {})[second] = weight
        elif ">" in name:
            first, second = name.split(">")
            pairs.setdefault(first + ">", {})[second] = weight
    return Model(weights, settings["bias"], settings["threshold"], pairs)


@cache
def model() -> Model:
    """The shipped weights (bot/data/crisis-weights.txt)."""
    return read_model(resources.files("bot.data").joinpath("crisis-weights.txt").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Reading:
    """What the model reads in a message: its ideas, and which idea follows which ("a>b")."""

    ideas: frozenset[str]
    following: frozenset[tuple[str, str]]


def read(seen: list[str], found: Lexicon) -> Reading:
    """The ideas a message's plain words name, longest phrase first at each word, `not:` those said
    within a few words after a negator, `long` for a long message; and each idea of a phrase with
    each of the phrase just before it (at most one word between)."""
    named: set[str] = {"long"} if len(seen) > LONG else set()
    following: set[tuple[str, str]] = set()
    last_negator = -_NEGATION_REACH - 1
    before: tuple[str, ...] = ()
    last_at = -_NEXT_REACH - 1
    for i, word in enumerate(seen):
        if word in NEGATORS:
            last_negator = i
        entry, matched, end = word, None, i + 1
        while True:
            if entry in found.ideas:
                matched = entry
            if entry not in found.beginnings or end >= len(seen):
                break
            entry += " " + seen[end]
            end += 1
        if matched is not None:
            here = found.ideas[matched]
            named.update(here)
            if i - last_negator <= _NEGATION_REACH and word not in NEGATORS:
                named.update(found.denied[matched])
            if i - last_at <= _NEXT_REACH:
                following.update((a, b) for a in before for b in here)
            before, last_at = here, end - 1
    return Reading(frozenset(named), frozenset(following))


def features(seen: list[str], found: Lexicon) -> list[str]:
    """The model's features: each idea, each idea following another ("a>b"), and each pair of ideas
    together ("a|b", sorted)."""
    reading = read(seen, found)
    named = sorted(reading.ideas)
    return (named + sorted(f"{a}>{b}" for a, b in reading.following)
            + [f"{a}|{b}" for i, a in enumerate(named) for b in named[i + 1:]])


def score(seen: list[str]) -> float:
    """The model's log-odds that a message (its plain words) is a self-harm crisis: the bias and the
    weights of its `features`, those of two ideas read from `Model.pairs` without building names."""
    found = model()
    reading = read(seen, lexicon())
    weights, pairs = found.weights, found.pairs
    total = found.bias + sum(weights.get(name, 0.0) for name in reading.ideas)
    total += sum(pairs.get(first + ">", {}).get(second, 0.0) for first, second in reading.following)
    named = sorted(reading.ideas)
    for i, first in enumerate(named):
        row = pairs.get(first)
        if row:
            total += sum(filter(None, map(row.get, named[i + 1:])))  # the pairs it weighs (None: not one)
    return total


def in_crisis(seen: list[str]) -> bool:
    """Whether the model reads a message (its plain words) as a self-harm crisis."""
    return score(seen) >= model().threshold
