"""Many regular expressions tried word by word: only those that can start where a word does.

The emergency check reads a message as " word word ..." and tries a few hundred alternatives, each
starting with a space. Trying them all at every space was most of its time. Instead, each pattern's
*beginnings* (the first few characters any match of it starts with) are worked out once from its
parse (`re._parser`), and at each space only the patterns whose beginnings the message's next few
characters start with are tried there. Nothing is listed by hand: a pattern's beginnings follow from
the pattern, and where they cannot be known (`\\w`, a wide character class) they are cut short, so no
match is ever missed; a pattern that may then start at any space (or anywhere) is searched through
the whole text once instead. Working the beginnings out parses every pattern (about 45 ms for the
red flags); a program given a file to keep them in reads them from it while the patterns, their
parts, this code and Python's version stay the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre
from re import _parser
from typing import Any

_PART = re.compile(r"\{([a-z_]+)\}")  # a part named in a pattern
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


def with_parts(source: str, parts: Mapping[str, str]) -> str:
    """A pattern with each `{name}` in it replaced by `parts[name]`, itself filled in."""
    while _PART.search(source):
        source = _PART.sub(lambda m: parts[m.group(1)], source)
    return source


def beginnings(source: str, length: int, parts: Mapping[str, str] | None = None) -> frozenset[str]:
    """Strings of at most `length` characters, one of which every match of the pattern (its `{parts}`
    filled in) starts with."""
    found = _Reader(parts or {}, length).read(source)
    return found.ended | found.cut


_NOTHING_YET = Beginnings(frozenset({""}), frozenset())


class _Reader:
    """Works out the beginnings of patterns, each `{part}` once: a part is parsed on its own and its
    beginnings put after those before it, where it stands in a pattern parsed without it."""

    def __init__(self, parts: Mapping[str, str], length: int) -> None:
        self.parts = parts
        self.length = length
        self._known: dict[str, Beginnings] = {}  # each part's beginnings
        self._items: dict[str, tuple[Any, dict[int, str]] | None] = {}  # each part parsed, if one item

    def read(self, source: str) -> Beginnings:
        """The beginnings of a pattern, from its start."""
        parsed, placed = self._parsed(source)
        if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
            return Beginnings(frozenset(), frozenset({""}))
        return self._sequence(parsed, _NOTHING_YET, placed)

    def _parsed(self, source: str, after: str = "") -> tuple[Any, dict[int, str]]:
        """A pattern (then `after`) parsed with each part that is one item as an empty group, and the
        part each such group stands for; other parts are filled in."""
        names: list[str] = []

        def placeholder(part: re.Match[str]) -> str:
            """An empty group standing for a part that is one item (numbered in order), else the part."""
            if self._item(part.group(1)) is None:
                return self.parts[part.group(1)]
            names.append(part.group(1))
            return f"(?P<_part{len(names)}>)"

        skeleton = source
        while _PART.search(skeleton):
            skeleton = _PART.sub(placeholder, skeleton)
        parsed = _parser.parse(skeleton + after)
        groups = parsed.state.groupdict
        if all(f"_part{n}" in groups for n in range(1, len(names) + 1)):
            return parsed, {groups[f"_part{n}"]: name for n, name in enumerate(names, 1)}
        return _parser.parse(with_parts(source, self.parts) + after), {}  # a {part} in a character class

    def _item(self, name: str) -> tuple[Any, dict[int, str]] | None:
        """A part parsed, if it is one item (a group, a class, a character): one that a quantifier after
        it repeats whole and that nothing around it splits, so that it reads the same wherever it
        stands. Parsed with a repeat after it, which shows both."""
        if name not in self._items:
            try:
                parsed, placed = self._parsed(self.parts[name], "{2}")
            except re.error:
                parsed, placed = (), {}
            one = len(parsed) == 1 and parsed[0][0] is sre.MAX_REPEAT and parsed[0][1][:2] == (2, 2)
            self._items[name] = (parsed[0][1][2], placed) if one else None
        return self._items[name]

    def _part(self, name: str) -> Beginnings:
        """The beginnings of a part that is one item, read once."""
        if name not in self._known:
            items, placed = self._items[name]
            self._known[name] = self._sequence(items, _NOTHING_YET, placed)
        return self._known[name]

    def _sequence(self, items: Iterable[tuple[object, Any]], before: Beginnings, placed: dict[int, str]) -> Beginnings:
        """The beginnings after a parsed sequence of items, from those before it (`placed`: the groups
        standing for parts). Literal characters in a row are put after them at once."""
        literal = ""
        for op, av in items:
            if op is sre.LITERAL:
                literal += chr(av)
                continue
            if literal:
                before, literal = _extended(before, {literal}, self.length), ""
            if not before.ended:
                return before
            before = self._step(op, av, before, placed)
        return _extended(before, {literal}, self.length) if literal else before

    def _step(self, op: object, av: Any, before: Beginnings, placed: dict[int, str]) -> Beginnings:
        """The beginnings after one parsed item."""
        if op is sre.IN:
            characters = _characters(av)
            return before.stopped() if characters is None else _extended(before, characters, self.length)
        if op is sre.SUBPATTERN and av[0] in placed:
            return _followed(before, self._part(placed[av[0]]), self.length)
        if op is sre.SUBPATTERN:
            return before.stopped() if av[1] & sre.SRE_FLAG_IGNORECASE else self._sequence(av[3], before, placed)
        if op is sre.ATOMIC_GROUP:
            return self._sequence(av, before, placed)
        if op is sre.BRANCH:
            return _either([self._sequence(branch, before, placed) for branch in av[1]])
        if op in _REPEATS:
            least, most, repeated = av
            once = self._sequence(repeated, before, placed)
            skipped = before.ended if least == 0 else frozenset()  # once at most ("?") is followed on
            return once.then(once.ended | skipped) if most == 1 else once.stopped().then(skipped)
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            return before  # takes no characters
        return before.stopped()


def _either(branches: list[Beginnings]) -> Beginnings:
    """The beginnings after one of several branches."""
    return Beginnings(frozenset().union(*(b.ended for b in branches)), frozenset().union(*(b.cut for b in branches)))


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


def _extended(before: Beginnings, texts: set[str], length: int) -> Beginnings:
    """The beginnings followed by one of the texts (characters, literal runs); those reaching `length`
    are cut there."""
    return _followed(before, Beginnings(frozenset(texts), frozenset()), length)


def _followed(before: Beginnings, after: Beginnings, length: int) -> Beginnings:
    """The beginnings followed by a part's; those reaching `length` are cut there."""
    if len(before.ended) * (len(after.ended) + len(after.cut)) + len(before.cut) > _MOST_BEGINNINGS:
        return before.stopped()
    longer = {begun + then for begun in before.ended for then in after.ended}
    cut = {(begun + then)[:length] for begun in before.ended for then in after.cut}
    return before.then((b for b in longer if len(b) < length), cut | {b[:length] for b in longer if len(b) >= length})


@dataclass(frozen=True)
class _Kept:
    """What PatternIndex works out from the patterns: which to try at which beginnings, which to search."""

    by_beginning: dict[str, list[int]]
    searched: list[int]


def _worked_out(patterns: Sequence[str], parts: Mapping[str, str], length: int) -> _Kept:
    """Each pattern's beginnings, or that it is searched through the whole text."""
    by_beginning: dict[str, list[int]] = {}
    searched: list[int] = []
    reader = _Reader(parts, length)
    for number, pattern in enumerate(patterns):
        found = reader.read(pattern)
        if not all(b.startswith(" ") and len(b) > 1 for b in found.ended | found.cut):
            searched.append(number)
            continue
        for beginning in found.ended | found.cut:
            by_beginning.setdefault(beginning, []).append(number)
    return _Kept(by_beginning, searched)


def _key(patterns: Sequence[str], parts: Mapping[str, str], length: int) -> str:
    """What the beginnings follow from: the patterns, their parts, this code, and Python's parser."""
    shape = json.dumps([list(patterns), dict(parts), length, sys.version], sort_keys=True).encode("utf-8")
    return hashlib.sha256(shape + Path(__file__).read_bytes()).hexdigest()


def _read_kept(path: Path, key: str) -> _Kept | None:
    """The beginnings kept in a file for these patterns; None if it is missing, stale or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        return _Kept({str(k): [int(n) for n in v] for k, v in data["by_beginning"].items()},
                     [int(n) for n in data["searched"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _keep(path: Path, key: str, kept: _Kept) -> None:
    """Write the beginnings atomically; a failure only costs the next start the time to work them out."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"key": key, "by_beginning": kept.by_beginning, "searched": kept.searched}, out)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


class PatternIndex:
    """Which of many patterns (`{parts}` filled in from `parts`) match somewhere in a text. A pattern
    whose matches all start at a space with something known after it is tried only at the spaces where
    the text's next characters start with one of its beginnings; any other pattern is searched through
    the whole text at once. Each pattern is compiled when first tried. With `kept_in`, the
    beginnings are read from that file when it holds them for these patterns, else written to it."""

    def __init__(self, patterns: Sequence[str], parts: Mapping[str, str], length: int = 5,
                 kept_in: Path | None = None) -> None:
        self.sources = tuple(with_parts(pattern, parts) for pattern in patterns)
        self.length = length
        key = _key(patterns, parts, length)
        kept = _read_kept(kept_in, key) if kept_in else None
        if kept is None:
            kept = _worked_out(patterns, parts, length)
            if kept_in:
                _keep(kept_in, key, kept)
        self.by_beginning: dict[str, list[int]] = kept.by_beginning
        self.searched: list[int] = kept.searched  # the patterns searched through the whole text
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
        numbers = self.tried(text[:length])
        while True:
            for number in numbers:
                if number not in found and (self._patterns[number] or self._compiled(number)).match(text, at):
                    found.add(number)
            at = text.find(" ", at + 1)
            if at < 0:
                return found
            numbers = self.tried(text[at:at + length])

    def compile_all(self) -> None:
        """Compile every pattern now (a long-running program's start-up), not when first tried."""
        for number, pattern in enumerate(self._patterns):
            if pattern is None:
                self._compiled(number)

    def _compiled(self, number: int) -> re.Pattern[str]:
        """A pattern, compiled and kept."""
        pattern = self._patterns[number] = re.compile(self.sources[number])
        return pattern
