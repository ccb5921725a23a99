"""What a message is before it is a question: an emergency, small talk, or not English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources


from bot.config import parse_yaml
from bot.text import is_english_word, message_words, stop_words, words


@dataclass(frozen=True)
class RedFlag:
    """A sign that a message describes an emergency (see bot/data/red-flags.yaml)."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    self_harm: bool = False  # gets the crisis reply, no article quote
    after_swallowing: bool = False  # only when the message also says pills or the like were swallowed


@dataclass(frozen=True)
class RedFlags:
    """The signs, the patterns that calm them (not now, hypothetical, general, fiction), and "now"."""

    signs: tuple[RedFlag, ...]
    calm: dict[str, re.Pattern[str]]
    now: re.Pattern[str]
    swallowed: re.Pattern[str]


@dataclass(frozen=True)
class Emergency:
    """An emergency a message describes: the sign that raised it, and whether it is self-harm intent."""

    reason: str
    self_harm: bool = False


@cache
def red_flags() -> RedFlags:
    """The shipped, reviewable signs (bot/data/red-flags.yaml), their {parts} filled in."""
    text = resources.files("bot.data").joinpath("red-flags.yaml").read_text(encoding="utf-8")
    data = parse_yaml(text)
    parts = data["parts"]

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(re.sub(r"\{([a-z_]+)\}", lambda m: parts[m.group(1)], pattern))

    signs = tuple(RedFlag(e["name"], compiled(e["pattern"]), tuple(e["examples"]), bool(e.get("self_harm")),
                          bool(e.get("after_swallowing"))) for e in data["signs"])
    return RedFlags(signs, {name: compiled(p) for name, p in data["calm"].items()}, compiled(data["now"]),
                    compiled(r"\b{took}\b(?:\s\w+){0,6}\s{substance}\b"))


_JOINED = (re.compile(r"\b(ca|wo|do|does|did|is|are|was|were|could|would|should|have|has|had)n t\b"),
           re.compile(r"\b(i|he|she|it|that|there|who) (m|s|ve|ll|d)\b"))
_FULL = {"ca": "can", "wo": "will", "m": "am", "s": "is", "ve": "have", "ll": "will", "d": "would"}


def _typo_fixed(word: str) -> str:
    """A word that is not English, read as the English word one cheap edit away (a swapped, missing
    or doubled letter: "swalowed", "botle", "haveing"), else as it is."""
    if len(word) < 4 or not word.isalpha() or is_english_word(word):
        return word
    return next((c for c in _cheap_edits(word) if is_english_word(c)), word)


def _cheap_edits(word: str) -> Iterator[str]:
    """Swapped neighbours, then a doubled letter typed once, then a letter too many."""
    yield from (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
    yield from (word[:i + 1] + word[i] + word[i + 1:] for i in range(len(word)))
    yield from (word[:i] + word[i + 1:] for i in range(len(word)))


def plain_words(text: str) -> str:
    """The message as patterns see it: normalised words, text-speak spelled out, contractions joined
    ("can't" -> "can not", "he's" -> "he is"), separated by single spaces."""
    seen = " ".join(map(_typo_fixed, message_words(text)))
    seen = _JOINED[0].sub(lambda m: f"{_FULL.get(m.group(1), m.group(1))} not", seen)
    return _JOINED[1].sub(lambda m: f"{m.group(1)} {_FULL[m.group(2)]}", seen)


def emergency(text: str) -> Emergency | None:
    """The first sign of an emergency the message shows, unless it is calmed: fiction always; the
    past, a hypothetical or a general question unless the message also says it is happening now.
    Self-harm is calmed only by fiction (a false alarm costs a line, a miss can cost a life)."""
    flags = red_flags()
    seen = plain_words(text)
    for flag in flags.signs:
        if not flag.pattern.search(seen) or (flag.after_swallowing and not flags.swallowed.search(seen)):
            continue
        if flags.calm["fiction"].search(seen):
            continue
        if not flag.self_harm and not flags.now.search(seen) and any(
                flags.calm[name].search(seen) for name in ("past", "hypothetical", "general")):
            continue
        return Emergency(flag.name, flag.self_harm)
    return None


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
