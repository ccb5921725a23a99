"""A message's sentences: where they end, which is the question and which the story told before it."""

from __future__ import annotations

import re

from bot import intent, lexicon
from bot.text import message_words, normalise, words

_BREAK_RE = re.compile(r"\s[\u2013\u2014-]+\s|:\s|\s*/\s*|\s*[\u2192>]\s*")  # " — ", ": ", "/", "→" between words
# Sentences end at . ! ? (also before a closing quote: "'a thing.' Does...").
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]['\"’”)])\s+|\n+")
# A question joined to a story by a semicolon or by ", so" / ", but" ("...stressed on game days,
# so could magnesium help?") is a sentence of its own; one joined to another question is not.
_ASKING_START = r"(?:could|can|does|do|did|is|are|would|should|will|might|may|what|whats|why|how|which|who)\b"
_ASKING_START_RE = re.compile(_ASKING_START)
_CLAUSE_RE = re.compile(rf";\s*(?={_ASKING_START})|,\s+(?=(?:so|but)\s+{_ASKING_START})")
_LABEL_RE = re.compile(r"^\s*((?:[\w'-]+ ){0,3}[\w'-]+):\s+(?=\S)")  # "Med student q: how does..."
_QUESTION_WORDS = frozenset({"how", "what", "why", "when", "where", "who", "which"})


def _sentences(question: str) -> list[tuple[list[str], bool]]:
    """The words of each sentence, and whether it is the question (those ending with "?", else the
    last sentence)."""
    parts = _parts(question)
    asking = _asking(parts)
    return [(message_words(p, hedges=False), a) for p, a in zip(parts, asking, strict=True)] or [([], True)]


def _chunks(sentence: str, tokens: list[str]) -> list[list[str]]:
    """A sentence's words in the pieces a dash, a colon or a slash between words sets apart
    ("Sleep: helps or harms?", "Essential mineral — systems involved?"); the sentence whole if
    its pieces do not spell the same words (text-speak spelled out across them)."""
    pieces = [message_words(piece, hedges=False) for piece in _BREAK_RE.split(sentence)]
    pieces = [piece for piece in pieces if piece]
    return pieces if len(pieces) > 1 and [w for piece in pieces for w in piece] == tokens else [tokens]


def _parts(question: str) -> list[str]:
    """The sentences of a message that have words; a label naming who asks ("Med student q: ...") is one
    of its own, told, not asked."""
    sentences = [c for p in _SENTENCE_RE.split(question.strip()) for c in _labelled(p)]
    return [c for p in sentences for c in ([p] if _ASKING_START_RE.match(normalise(p)) else _CLAUSE_RE.split(p))
            if words(c)]


def _labelled(sentence: str) -> list[str]:
    """A sentence parted after a short label before a colon that names a person ("Med student q:",
    "Pharmacist question:"), else whole."""
    label = _LABEL_RE.match(sentence)
    if not label or not any((found := lexicon.entry(w)) is not None and found.main == "n"
                            and found.category == "noun.person" for w in words(label.group(1))):
        return [sentence]
    return [label.group(1), sentence[label.end():]]


def _asking(parts: list[str]) -> list[bool]:
    """Which sentences are the question: those ending with "?" that are more than a reaction ("fr?",
    "really?": no word, or only adverbs), else the last one."""
    asking = [p.rstrip().endswith("?") and not _reacts(p) for p in parts]
    return asking if any(asking) else [i == len(parts) - 1 for i in range(len(parts))]


def _reacts(sentence: str) -> bool:
    """Whether a sentence only reacts to what was said: no words but fillers, or only adverbs ("seriously?")."""
    return all(w not in _QUESTION_WORDS and (found := lexicon.entry(w)) is not None and found.main == "r"
               for w in message_words(sentence, hedges=False))


def _asked_words(question: str, asking: list[str]) -> list[str]:
    """The words of the question sentences (`asking`) that say what is asked, without an opening
    condition ("When body don't have enough magnesium, it is connected with which illness?")."""
    if "," not in question:  # a condition clause ends with a comma: most questions have none
        return asking
    parts = _parts(question)
    return [w for p, a in zip(parts, _asking(parts), strict=True) if a
            for w in message_words(intent.without_condition(p), hedges=False)]
