"""What a message is before it is a question: an emergency, small talk, or not English."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources


from bot.config import parse_yaml
from bot.text import is_english_word, stop_words, words


@dataclass(frozen=True)
class RedFlag:
    """A pattern that marks a message as describing an emergency."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]


@cache
def red_flags() -> tuple[RedFlag, ...]:
    """The shipped, reviewable red-flag list (bot/data/red-flags.yaml)."""
    text = resources.files("bot.data").joinpath("red-flags.yaml").read_text(encoding="utf-8")
    return tuple(RedFlag(e["name"], re.compile(e["pattern"]), tuple(e["examples"])) for e in parse_yaml(text))


def plain_words(text: str) -> str:
    """The message as patterns see it: normalised words separated by single spaces."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Emergency:
    """An emergency a message describes: what raised it, and whether it is self-harm intent."""

    reason: str
    self_harm: bool = False


def emergency(text: str) -> Emergency | None:
    """The first red flag the message raises, if any."""
    seen = plain_words(text)
    name = next((flag.name for flag in red_flags() if flag.pattern.search(seen)), None)
    return Emergency(name, name == "suicidal thoughts") if name else None


_SMALL_TALK = {
    "greeting": re.compile(r"^(hi|hello|hey|hiya|howdy|yo|hola|good (morning|afternoon|evening|day)|greetings)"
                           r"( there| bot| all| everyone)?$"),
    "thanks": re.compile(r"^((many |big )?(thanks|thank you|thank u|thx|ty|cheers)( (so|very) much| a lot| again)?"
                         r"( bot)?|(great|awesome|perfect|cool|ok|okay|nice|got it)( thanks| thank you)?)$"),
    "about_me": re.compile(r"^(who|what) are (you|u)|^(what|who) is this( bot)?$|^are you (a bot|human|real)"
                           r"|^what (can|do) (you|u) do$"),
    "help": re.compile(r"^(help|help me|how does this work|how do i use (this|you)|what do i (do|ask)|\? ?)$"),
}


def small_talk(text: str) -> str | None:
    """"greeting", "thanks", "about_me" or "help" when the whole message is just that."""
    seen = plain_words(text)
    return next((kind for kind, pattern in _SMALL_TALK.items() if pattern.search(seen)), None)


def not_english(text: str, familiar: Collection[str] = frozenset()) -> bool:
    """Whether a question is clearly in another language (script, or too few English words).

    `familiar` words (the corpus's own) count as English without consulting the word list."""
    if not text.isascii():
        letters = [ch for ch in text if ch.isalpha()]
        if letters and sum(ch.isascii() for ch in letters) / len(letters) < 0.5:
            return True
    alphabetic = [w for w in words(text) if w.isalpha() and len(w) > 1]
    if len(alphabetic) < 3:
        return False
    common = stop_words()
    unfamiliar = [w for w in alphabetic if w not in common and w not in familiar]
    if len(unfamiliar) <= len(alphabetic) / 2:
        return False
    return sum(map(is_english_word, alphabetic)) / len(alphabetic) < 0.5
