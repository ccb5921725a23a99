"""The buttons under an answer and their callback data, encoded and decoded in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import ChatReplies

_SEPARATOR = ":"
_NEXT_SHOWN = 3  # passages "Another passage" walks through


class Press(Enum):
    """What a button under an answer asks for."""

    NEXT = "n"  # another passage: the next best
    SECTION = "s"  # the whole section of the passage
    UP = "u"  # 👍 for the passage
    DOWN = "d"  # 👎


@dataclass(frozen=True)
class ButtonData:
    """A button's callback data: what it asks for, under which corpus version, about which passages."""

    press: Press
    version: str
    passage_ids: tuple[int, ...]

    def encode(self) -> str:
        """As Telegram carries it (at most 64 bytes: a letter, 8 characters and up to 3 numbers)."""
        return _SEPARATOR.join([self.press.value, self.version, *map(str, self.passage_ids)])

    @staticmethod
    def decode(data: str | None) -> ButtonData | None:
        """The button's data, or None when it is not an answer button's."""
        press, _, rest = (data or "").partition(_SEPARATOR)
        version, _, ids = rest.partition(_SEPARATOR)
        numbers = ids.split(_SEPARATOR) if ids else []
        if press not in {p.value for p in Press} or not version or not numbers or not all(map(str.isdigit, numbers)):
            return None
        return ButtonData(Press(press), version, tuple(map(int, numbers)))


def under_answer(version: str, passage_ids: list[int], texts: ChatReplies,
                 votes: bool = False) -> InlineKeyboardMarkup | None:
    """"Another passage" (the next best) and "Whole section" for the first of `passage_ids`, and 👍/👎
    when votes are on."""
    if not passage_ids:
        return None
    first = passage_ids[:1]
    row = [InlineKeyboardButton(texts.whole_section, callback_data=ButtonData(Press.SECTION, version, first).encode())]
    if len(passage_ids) > 1:
        following = tuple(passage_ids[1:1 + _NEXT_SHOWN])
        row.insert(0, InlineKeyboardButton(texts.another_passage,
                                           callback_data=ButtonData(Press.NEXT, version, following).encode()))
    rows = [row]
    if votes:
        rows.append([InlineKeyboardButton("👍", callback_data=ButtonData(Press.UP, version, first).encode()),
                     InlineKeyboardButton("👎", callback_data=ButtonData(Press.DOWN, version, first).encode())])
    return InlineKeyboardMarkup(rows)
