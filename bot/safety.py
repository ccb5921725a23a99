"""What a message is before it is a question: an emergency, small talk, or not English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from bot import crisis
from bot.config import parse_yaml
from bot.pattern_index import PatternIndex, with_parts
from bot.text import english_words, frequency, is_english_word, message_words, stop_words, text_speak, words


@dataclass(frozen=True)
class Calm:
    """A reading that says a sign is not happening now (the past, a hypothetical, fiction...), unless
    a `now` pattern it is overruled by matches too (see bot/data/red-flags.yaml `calm`)."""

    name: str
    source: str  # the pattern, its {parts} filled in: compiled only once a sign it calms is shown
    overruled_by: tuple[str, ...]  # the `now` patterns' sources, likewise
    examples: tuple[str, ...]
    sign_only: bool = False  # calms only the signs that list it, not the self-harm model

    @property
    def pattern(self) -> re.Pattern[str]:
        """The reading's pattern, compiled."""
        return compiled(self.source)

    def holds(self, seen: str) -> bool:
        """Whether the message reads this way and says nothing that overrules it."""
        return self.pattern.search(seen) is not None and not any(compiled(now).search(seen)
                                                                 for now in self.overruled_by)


@dataclass(frozen=True)
class RedFlag:
    """A sign that a message describes an emergency (see bot/data/red-flags.yaml)."""

    name: str
    alternatives: tuple[str, ...]  # the pattern's alternatives, their {parts} filled in
    examples: tuple[str, ...]
    calmed_by: tuple[Calm, ...]
    self_harm: bool = False  # gets the crisis reply, no article quote
    after_swallowing: bool = False  # only when the message also says pills or the like were swallowed
    together: int = 1  # how many alternatives must match: more than one for quieter cues, each too weak alone


@dataclass(frozen=True)
class RedFlags:
    """The signs in the order they are tried, the calm readings, and the words the patterns name."""

    signs: tuple[RedFlag, ...]
    calm: tuple[Calm, ...]
    swallowed: str  # the source of the pattern saying pills or the like were swallowed (see `compiled`)
    vocabulary: frozenset[str]  # the words the patterns name: what a typo is corrected to
    index: PatternIndex  # every sign's alternatives, tried word by word
    owners: tuple[int, ...]  # the sign of each alternative in `index`

    def shown(self, seen: str) -> list[RedFlag]:
        """The signs a message (as the patterns read it) shows, in order: those with at least
        `together` of their alternatives matching."""
        matched = Counter(self.owners[number] for number in self.index.matching(seen))
        return [self.signs[sign] for sign in sorted(matched) if matched[sign] >= self.signs[sign].together]

    # The typo tables are built when a message first has a word to correct, not at every cold start.
    @cached_property
    def _commonest_first(self) -> list[str]:
        """The words the patterns name, the commonest first: a typo is read as the commonest word."""
        return sorted(self.vocabulary, key=lambda w: (-frequency(w), w))

    @cached_property
    def left_out(self) -> dict[str, str]:
        """Each word the patterns name with one letter left out, to the word."""
        left_out: dict[str, str] = {}
        for word in self._commonest_first:
            for i in range(len(word)):
                left_out.setdefault(word[:i] + word[i + 1:], word)
        return left_out

    @cached_property
    def undoubled(self) -> dict[str, str]:
        """Each word the patterns name with its doubled letters single, to the word."""
        undoubled: dict[str, str] = {}
        for word in self._commonest_first:
            single = _undoubled(word)
            if single != word:
                undoubled.setdefault(single, word)
        return undoubled


@dataclass(frozen=True)
class Emergency:
    """An emergency a message describes: the sign that raised it, and whether it is self-harm intent."""

    reason: str
    self_harm: bool = False


_NAMED_MIN = 4  # a typo is read as a pattern word of at least 4 letters: shorter ones are too often meant
_TYPO_MIN = 3  # shorter words are left as they are


def warm() -> None:
    """Load the red-flag patterns and compile every one of them now, as a long-running bot does at
    start-up (a one-off command compiles only those a message tries), and build its typo tables."""
    flags = red_flags()
    flags.index.compile_all()
    for calm in flags.calm:  # the calm readings too, which a one-off command compiles once a sign is shown
        for source in (calm.source, *calm.overruled_by):
            compiled(source)
    flags.left_out, flags.undoubled  # noqa: B018 (cached on first use)


_KEPT_FILE = "red-flag-beginnings.json"  # what reading the sign patterns works out, kept between starts
_kept_in: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep what reading the sign patterns works out (some 45 ms of every cold start) in this folder,
    for later starts: the index cache's. Call it before the first message; None keeps nothing."""
    global _kept_in
    _kept_in = folder / _KEPT_FILE if folder else None


@cache
def red_flags() -> RedFlags:
    """The shipped, reviewable signs (bot/data/red-flags.yaml), their {parts} filled in."""
    text = resources.files("bot.data").joinpath("red-flags.yaml").read_text(encoding="utf-8")
    data = parse_yaml(text)
    parts, sources = {**data["parts"], **cue_words(), "start": "(?<=^ )"}, []

    def filled(pattern: str | list[str]) -> str:
        """One pattern (a list: its alternatives) with its {parts} filled in."""
        source = with_parts(pattern if isinstance(pattern, str) else "|".join(pattern), parts)
        sources.append(source)
        return source

    now = {name: filled(pattern) for name, pattern in data["now"].items()}
    calm = {name: Calm(name, filled(e["pattern"]), tuple(now[n] for n in e["overruled_by"]), tuple(e["examples"]),
                       bool(e.get("sign_only")))
            for name, e in data["calm"].items()}
    signs = tuple(RedFlag(e["name"], tuple(map(filled, _listed(e["pattern"]))), tuple(e["examples"]),
                          tuple(calm[name] for name in e["calmed_by"]), bool(e.get("self_harm")),
                          bool(e.get("after_swallowing")), e.get("together", 1))
                  for e in data["signs"])
    swallowed = filled("{swallowed}")
    named = {w for source in sources for w in re.findall(r"[a-z]+", re.sub(r"\\[a-zA-Z]", " ", source))}
    vocabulary = frozenset(w for w in named | _whole_words(named) | set(text_speak()) if len(w) >= _NAMED_MIN)
    index = PatternIndex([_at_a_word(a) for e in data["signs"] for a in _listed(e["pattern"])], parts,
                         kept_in=_kept_in)
    owners = tuple(number for number, sign in enumerate(signs) for _ in sign.alternatives)
    return RedFlags(signs, tuple(calm.values()), swallowed, vocabulary, index, owners)


def _listed(pattern: str | list[str]) -> list[str]:
    """A pattern's alternatives: the list's entries, or the one pattern."""
    return [pattern] if isinstance(pattern, str) else pattern


def _at_a_word(source: str) -> str:
    """A filled-in pattern, tried where a word starts and ending where one ends: after a space (the
    message is matched with one in front, which lets `re` skip ahead to the spaces)."""
    return rf" (?:{source})\b"


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A filled-in pattern at a word (`_at_a_word`), compiled once, when first needed: the calm
    readings only once a sign is shown (compiling them would slow every cold start)."""
    return re.compile(_at_a_word(source))


@cache
def cue_words() -> dict[str, str]:
    """The word families the patterns name as `{w_...}` ("w_die": die, perish, pass away, croaked...),
    each as one alternative, longest first, behind a look at the first letter (the family's dozens of
    words are not tried one by one where none can start) (bot/data/cue-words.txt, built by
    scripts/build_cue_words.py)."""
    text = resources.files("bot.data").joinpath("cue-words.txt").read_text(encoding="utf-8")
    families = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: _alternatives([" ".join(words(w)) for w in family.split(";")]) for name, family in families}


def _alternatives(phrases: list[str]) -> str:
    """Phrases as one alternative in their order, after a look-ahead for the letters they start with
    (one group: bot/pattern_index.py reads such a part once)."""
    first = "".join(sorted({phrase[0] for phrase in phrases}))
    return f"(?:(?=[{re.escape(first)}])(?:" + "|".join(map(re.escape, phrases)) + "))"


_ENDINGS = ("e", "s", "es", "al", "ed", "ing", "ion")


def _whole_words(named: set[str]) -> set[str]:
    """The English words that the patterns name by a stem or one form ("suicid\\w*" -> suicide, suicidal;
    "seizures?" -> seizure), so that their typos are read too."""
    english = english_words()
    forms = {w + ending for w in named for ending in _ENDINGS} | {w[:-1] for w in named if w.endswith("s")}
    return forms & english


_DOUBLED = re.compile(r"(.)\1+")


def _undoubled(word: str) -> str:
    """A word with each doubled letter written once ("disappear" -> "disapear")."""
    return _DOUBLED.sub(r"\1", word)


_JOINED = (re.compile(r"\b(ca|wo|do|does|did|is|are|was|were|could|would|should|have|has|had|must|need)n ?t\b"),
           re.compile(r"\b(i|you|he|she|it|we|they|that|there|who|what|where|how|when|this|here) (m|re|s|ve|ll|d)\b"),
           re.compile(r"\bcannot\b"), re.compile(r"\b(no|any|some|sum|every) 1\b"))
_FULL = {"sum": "some", "ca": "can", "wo": "will", "m": "am", "re": "are", "s": "is", "ve": "have", "ll": "will",
         "d": "would"}
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@cache
def _neighbouring_keys() -> dict[str, str]:
    """Each letter's neighbours on a QWERTY keyboard (same row, and the touching keys above and below)."""
    near: dict[str, str] = {}
    for row, keys in enumerate(_KEYBOARD):
        for i, key in enumerate(keys):
            above = _KEYBOARD[row - 1][i:i + 2] if row else ""
            below = _KEYBOARD[row + 1][max(i - 1, 0):i + 1] if row < 2 else ""
            near[key] = keys[max(i - 1, 0):i] + keys[i + 1:i + 2] + above + below
    return near


@lru_cache(maxsize=8192)
def _typo_fixed(word: str) -> str:
    """A word that is neither English nor named by the patterns, read as the pattern word one cheap
    edit away ("swalowed", "tooj", "respnd", "tookk", "dissapear"), else as it is."""
    flags = red_flags()
    if len(word) < _TYPO_MIN or not word.isalpha() or word in flags.vocabulary or word in english_words() \
            or word in stop_words():
        return word
    return next((c for c in _cheap_edits(word, flags) if c in flags.vocabulary), word)


def _cheap_edits(word: str, flags: RedFlags) -> Iterator[str]:
    """Swapped neighbours, a letter left out, a letter doubled in the wrong place ("dissapear"), a
    neighbouring key hit instead, a letter too many."""
    near = _neighbouring_keys()
    yield from (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
    yield flags.left_out.get(word, "")
    yield flags.undoubled.get(_undoubled(word), "")
    yield from (word[:i] + key + word[i + 1:] for i in range(len(word)) for key in near.get(word[i], ""))
    yield from (word[:i] + word[i + 1:] for i in range(len(word)))


@lru_cache(maxsize=64)  # a message is read by the emergency check, then by the small-talk check
def plain_words(text: str) -> str:
    """The message as patterns see it: normalised words, cheap typos fixed, text-speak spelled out,
    contractions joined ("can't" -> "can not", "he's" -> "he is"), separated by single spaces."""
    seen = " ".join(message_words(text, fixed=_typo_fixed))
    seen = _JOINED[0].sub(lambda m: f"{_FULL.get(m.group(1), m.group(1))} not", seen)
    seen = _JOINED[1].sub(lambda m: f"{m.group(1)} {_FULL[m.group(2)]}", seen)
    seen = _JOINED[3].sub(lambda m: f"{_FULL.get(m.group(1), m.group(1))} one", seen)
    return _JOINED[2].sub("can not", seen)


def red_flag_reading(text: str) -> str:
    """The message as the red-flag patterns read it: its plain words after a space (a pattern starts
    where a word does)."""
    return " " + plain_words(text)


CRISIS_MODEL = "self-harm read by the model"  # the reason given when only bot/crisis.py raises it


def emergency(text: str) -> Emergency | None:
    """The first sign of an emergency the message shows that none of the sign's calm readings holds
    for (bot/data/red-flags.yaml: self-harm signs come first and are calmed only by fiction); else
    self-harm if the model of bot/crisis.py reads it so and no calm reading holds."""
    flags = red_flags()
    seen = red_flag_reading(text)
    for flag in flags.shown(seen):
        if flag.after_swallowing and compiled(flags.swallowed).search(seen) is None:
            continue
        if not any(calm.holds(seen) for calm in flag.calmed_by):
            return Emergency(flag.name, flag.self_harm)
    if crisis.in_crisis(seen.split()) and not reads_calm(seen):
        return Emergency(CRISIS_MODEL, self_harm=True)
    return None


def reads_calm(seen: str) -> bool:
    """Whether any calm reading holds for a message as the patterns read it (the past, a hypothetical,
    fiction, a routine...): the model, the weaker sign, raises nothing then. A reading made for one
    sign (`sign_only`: a faint last week, a lick of a tablet) does not calm the model."""
    return any(calm.holds(seen) for calm in red_flags().calm if not calm.sign_only)


class SmallTalk(str, Enum):
    """A message that is only a greeting, thanks, "who are you" or a call for help."""

    GREETING = "greeting"
    THANKS = "thanks"
    ABOUT_ME = "about_me"
    HELP = "help"


_SMALL_TALK = {
    SmallTalk.GREETING: re.compile(r"^(hi|hello|hey|hiya|howdy|yo|hola|good (morning|afternoon|evening|day)|greetings)"
                                   r"( there| bot| all| everyone)?$"),
    SmallTalk.THANKS: re.compile(r"^((many |big )?(thanks|thank you|thank u|thx|ty|cheers)"
                                 r"( (so|very) much| a lot| again)?( bot)?"
                                 r"|(great|awesome|perfect|cool|ok|okay|nice|got it)( thanks| thank you)?)$"),
    SmallTalk.ABOUT_ME: re.compile(r"^(who|what) are (you|u)|^(what|who) is this( bot)?$|^are you (a bot|human|real)"
                                   r"|^what (can|do) (you|u) do$"),
    SmallTalk.HELP: re.compile(r"^(help|help me|how does this work|how do i use (this|you)|what do i (do|ask)|\? ?)$"),
}


def small_talk(text: str) -> SmallTalk | None:
    """What kind of small talk the whole message is, if it is only that."""
    seen = plain_words(text)
    return next((kind for kind, pattern in _SMALL_TALK.items() if pattern.search(seen)), None)


def not_english(text: str, familiar: Callable[[str], bool] = lambda word: False) -> bool:
    """Whether a question is clearly in another language (script, or too few English words).

    `familiar(word)` says whether the reader knows a word anyway (a corpus word, or a misspelling it
    can correct: "magneisum side efects" is English)."""
    if not text.isascii():
        letters = [ch for ch in text if ch.isalpha()]
        if letters and sum(ch.isascii() for ch in letters) / len(letters) < 0.5:
            return True
    alphabetic = [w for w in words(text) if w.isalpha() and len(w) > 1]
    if len(alphabetic) < 3:
        return False
    common = stop_words()
    unfamiliar = [w for w in alphabetic if w not in common and not familiar(w)]
    if len(unfamiliar) <= len(alphabetic) / 2:
        return False
    return sum(map(is_english_word, alphabetic)) / len(alphabetic) < 0.5
