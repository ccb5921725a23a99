"""Group flood limits and repeated-question memory: a group is never spammed."""

from __future__ import annotations

import re
import time
from collections import defaultdict, deque

from bot.config import TelegramConfig

_MINUTE = 60.0


class FloodGuard:
    """Group flood limits (per group and per user, per minute) and repeated-question memory."""

    def __init__(self, settings: TelegramConfig) -> None:
        self.settings = settings
        self.sent: dict[tuple, deque[float]] = defaultdict(deque)
        self.recent: dict[tuple[int, str], tuple[int, float]] = {}

    def allow(self, chat_id: int, user_id: int) -> bool:
        """Whether the bot may answer this user in this group now (and count it if so)."""
        now = time.monotonic()
        keys = [(("chat", chat_id), self.settings.group_messages_per_minute),
                (("user", chat_id, user_id), self.settings.user_messages_per_minute)]
        for key, limit in keys:
            window = self.sent[key]
            while window and now - window[0] > _MINUTE:
                window.popleft()
            if len(window) >= limit:
                return False
        for key, _ in keys:
            self.sent[key].append(now)
        return True

    def repeated(self, chat_id: int, question: str) -> int | None:
        """The message id of the bot's answer to the same question in this group, if recent."""
        seen = self.recent.get((chat_id, fingerprint(question)))
        if seen and time.monotonic() - seen[1] < self.settings.repeat_window_seconds:
            return seen[0]
        return None

    def remember(self, chat_id: int, question: str, message_id: int) -> None:
        """Remember the answer to a question in a group (and forget the old ones)."""
        now = time.monotonic()
        self.recent = {k: v for k, v in self.recent.items() if now - v[1] < self.settings.repeat_window_seconds}
        self.recent[(chat_id, fingerprint(question))] = (message_id, now)


def fingerprint(question: str) -> str:
    """A question's words, case-folded: the same question however it is punctuated."""
    return " ".join(re.findall(r"\w+", question.casefold()))
