"""Many regular expressions tried word by word: only those that can start where a word does.

The emergency check reads a message as " word word ..." and tries a few hundred alternatives, each
starting with a space. Trying them all at every space was most of its time. Instead, each pattern's
*beginnings* (the first few characters any match of it starts with) are worked out once from its
parse (`re._parser`), and at each space only the patterns whose beginnings the message's next few
characters start with are tried there. Nothing is listed by hand: a pattern's beginnings follow from
the pattern, and where they cannot be known (`\\w`, a wide character class) they are cut short, so no
match is ever missed; a pattern that may then start at any space (or anywhere) is searched through
the whole text once instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _constants as sre
from re import _parser
from typing import Any

START = "\0"  # the start of the text, written before a beginning: a look behind at `^` put it there
_WIDEST_CLASS = 16  # a character class of more characters (\w, [a-z]) is where a beginning is cut
_MOST_BEGINNINGS = 2000  # past this many, the beginnings are cut where they are
_TRIED_KEPT = 50_000  # the memo of which patterns to try after which characters stops growing here
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class Beginnings:
    """How the matches of a pattern read so far begin: those it may have matched whole (`ended`, shorter
    than the length looked at) and those where the pattern stops being followed (`cut`)."""

    ended: frozenset[str]
    cut: frozenset[str]

    def then(self, ended: Iterable[str], cut: Iterable[str] = ()) -> Beginnings:
        """These beginnings followed by more."""
        return Beginnings(frozenset(ended), self.cut | frozenset(cut))

    def stopped(self) -> Beginnings:
        """These beginnings, nothing more known after them."""
        return Beginnings(frozenset(), self.cut | self.ended)


def beginnings(source: str, length: int) -> frozenset[str]:
    """Strings of at most `length` characters, one of which every match of the pattern starts with
    (START first: a match only at the start of the text)."""
    parsed = _parser.parse(source)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return frozenset({""})
    found = _sequence(parsed, Beginnings(frozenset({""}), frozenset()), length)
    return found.ended | found.cut


def _sequence(items: Iterable[tuple[object, Any]], before: Beginnings, length: int) -> Beginnings:
    """The beginnings after a parsed sequence of items, from those before it."""
    for op, av in items:
        if not before.ended:
            break
        before = _item(op, av, before, length)
    return before


def _item(op: object, av: Any, before: Beginnings, length: int) -> Beginnings:
    """The beginnings after one parsed item."""
    if op is sre.LITERAL:
        return _extended(before, {chr(av)}, length)
    if op is sre.IN:
        characters = _characters(av)
        return before.stopped() if characters is None else _extended(before, characters, length)
    if op is sre.SUBPATTERN:
        return before.stopped() if av[1] & sre.SRE_FLAG_IGNORECASE else _sequence(av[3], before, length)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, before, length)
    if op is sre.BRANCH:
        return _either([_sequence(branch, before, length) for branch in av[1]])
    if op in _REPEATS:
        return _repeated(av, before, length)
    if op is sre.ASSERT and av[0] == -1:
        return _behind(list(av[1]), before)
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return before  # takes no characters
    return before.stopped()


def _either(branches: list[Beginnings]) -> Beginnings:
    """The beginnings after one of several branches."""
    return Beginnings(frozenset().union(*(b.ended for b in branches)), frozenset().union(*(b.cut for b in branches)))


def _repeated(av: Any, before: Beginnings, length: int) -> Beginnings:
    """The beginnings after a repeat: once at most ("?") is followed on; more is cut after the first."""
    least, most, repeated = av
    once = _sequence(repeated, before, length)
    skipped = before.ended if least == 0 else frozenset()
    return once.then(once.ended | skipped) if most == 1 else once.stopped().then(skipped)


def _characters(av: list) -> set[str] | None:
    """The characters a parsed character class takes, or None when they are too many to list."""
    characters: set[str] = set()
    for op, value in av:
        if op is sre.LITERAL:
            characters.add(chr(value))
        elif op is sre.RANGE:
            characters.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            characters.update("0123456789")
        else:
            return None
    return characters if len(characters) <= _WIDEST_CLASS else None


def _extended(before: Beginnings, characters: set[str], length: int) -> Beginnings:
    """The beginnings followed by one of the characters; those reaching `length` are cut there."""
    if len(before.ended) * len(characters) + len(before.cut) > _MOST_BEGINNINGS:
        return before.stopped()
    longer = {begun + character for begun in before.ended for character in characters}
    return before.then((b for b in longer if len(b) < length), (b for b in longer if len(b) >= length))


def _behind(items: list, before: Beginnings) -> Beginnings:
    """After a look behind: at `^` then the very characters matched so far ("(?<=^ )"), the match is
    at the start of the text (START is put first); any other look behind changes nothing."""
    if not items or items[0] != (sre.AT, sre.AT_BEGINNING) or not all(op is sre.LITERAL for op, _ in items[1:]):
        return before
    behind = "".join(chr(av) for _, av in items[1:])
    return before.then({START + behind}) if before.ended == {behind} else before


class PatternIndex:
    """Which of many patterns match somewhere in a text. A pattern whose matches all start at a space
    (with something known after it) or at the start of the text is tried only there, and only where
    the text's next characters start with one of its beginnings; any other pattern is searched
    through the whole text at once. Each pattern is compiled when first tried."""

    def __init__(self, sources: Sequence[str], length: int = 5) -> None:
        self.sources = tuple(sources)
        self.length = length
        self.by_beginning: dict[str, list[int]] = {}
        self.searched: list[int] = []  # the patterns searched through the whole text
        for number, source in enumerate(self.sources):
            found = beginnings(source, length)
            if not all(b.startswith(START) or (b.startswith(" ") and len(b) > 1) for b in found):
                self.searched.append(number)
                continue
            for beginning in found:
                self.by_beginning.setdefault(beginning, []).append(number)
        self._patterns: list[re.Pattern[str] | None] = [None] * len(self.sources)
        self._tried: dict[str, tuple[int, ...]] = {}

    def tried(self, ahead: str) -> tuple[int, ...]:
        """The patterns to try before these characters (at most `length`): those with a beginning
        they start with."""
        found = self._tried.get(ahead)
        if found is None:
            found = tuple(sorted({number for end in range(len(ahead) + 1)
                                  for number in self.by_beginning.get(ahead[:end], ())}))
            if len(self._tried) < _TRIED_KEPT:
                self._tried[ahead] = found
        return found

    def matching(self, text: str) -> set[int]:
        """The patterns that match somewhere in the text."""
        found = {number for number in self.searched if (self._patterns[number] or self._compiled(number)).search(text)}
        at, length = 0, self.length
        numbers = self.tried(START + text[:length - 1]) + self.tried(text[:length])
        while True:
            for number in numbers:
                if number not in found and (self._patterns[number] or self._compiled(number)).match(text, at):
                    found.add(number)
            at = text.find(" ", at + 1)
            if at < 0:
                return found
            numbers = self.tried(text[at:at + length])

    def _compiled(self, number: int) -> re.Pattern[str]:
        """A pattern, compiled and kept."""
        pattern = self._patterns[number] = re.compile(self.sources[number])
        return pattern
