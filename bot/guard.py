"""Group flood limits and repeated-question memory: a group is never spammed."""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Hashable

from bot.config import TelegramConfig

_MINUTE = 60.0
_SWEEP_FROM = 1024  # entries kept before the first sweep of expired ones


class Expiring:
    """A mapping whose entries expire `seconds` after they were put; expired ones are swept out
    whenever the mapping has doubled since the last sweep, so memory follows the active chats."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._items: dict[Hashable, tuple[object, float]] = {}
        self._sweep_at = _SWEEP_FROM

    def get(self, key: Hashable) -> object | None:
        """The value put under key, unless it has expired."""
        found = self._items.get(key)
        return found[0] if found and time.monotonic() - found[1] < self.seconds else None

    def put(self, key: Hashable, value: object) -> None:
        """Put a value, which expires `seconds` from now."""
        now = time.monotonic()
        if len(self._items) >= self._sweep_at:
            self._items = {k: v for k, v in self._items.items() if now - v[1] < self.seconds}
            self._sweep_at = max(_SWEEP_FROM, 2 * len(self._items))
        self._items[key] = (value, now)

    def __len__(self) -> int:
        return len(self._items)


class FloodGuard:
    """Group flood limits (per group and per user, per minute) and repeated-question memory."""

    def __init__(self, settings: TelegramConfig) -> None:
        self.settings = settings
        self.sent = Expiring(_MINUTE)  # (chat) or (chat, user) -> times of the last minute's answers
        self.recent = Expiring(settings.repeat_window_seconds)  # (chat, question) -> the answer's message id

    def allow(self, chat_id: int, user_id: int) -> bool:
        """Whether the bot may answer this user in this group now (and count it if so)."""
        now = time.monotonic()
        limits = [(("chat", chat_id), self.settings.group_messages_per_minute),
                  (("user", chat_id, user_id), self.settings.user_messages_per_minute)]
        windows = []
        for key, limit in limits:
            window: deque[float] = self.sent.get(key) or deque()
            while window and now - window[0] > _MINUTE:
                window.popleft()
            if len(window) >= limit:
                return False
            windows.append((key, window))
        for key, window in windows:
            window.append(now)
            self.sent.put(key, window)
        return True

    def repeated(self, chat_id: int, question: str) -> int | None:
        """The message id of the bot's answer to the same question in this group, if recent."""
        return self.recent.get((chat_id, fingerprint(question)))

    def remember(self, chat_id: int, question: str, message_id: int) -> None:
        """Remember the answer to a question in a group, for the repeat window."""
        self.recent.put((chat_id, fingerprint(question)), message_id)


def fingerprint(question: str) -> str:
    """A question's words, case-folded: the same question however it is punctuated."""
    return " ".join(re.findall(r"\w+", question.casefold()))
