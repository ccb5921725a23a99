"""What every handler shares: python-telegram-bot's bot_data, typed (see ContextTypes)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import TypeVar

from telegram.ext import CallbackContext, ExtBot

from bot.engine import Engine
from bot.guard import Expiring, FloodGuard
from bot.reload import Watcher, snapshot
from bot.store import Store

T = TypeVar("T")


class BotData:
    """The engine and the bot's own state; python-telegram-bot creates it empty, the wiring fills it."""

    engine: Engine
    guard: FloodGuard
    conversations: Expiring  # (chat, user) -> what their next question may lean on, for a while

    def __init__(self) -> None:
        self.store: Store | None = None  # the feedback database, when on and usable
        self.watcher: Watcher | None = None  # the corpus watcher, when live reloads are on
        self.watch_task: asyncio.Task | None = None
        self.answered = 0  # questions since start, for /status
        self.unanswered = 0
        self._corpus_lock = asyncio.Lock()

    def count(self, answered: bool) -> None:
        """Count one question, answered or not."""
        if answered:
            self.answered += 1
        else:
            self.unanswered += 1

    async def change_corpus(self, work: Callable[[], T], changed: bool = True) -> T:
        """Run `work` (a rebuild, a preview, a publish) off the event loop, one corpus change at a
        time; when it may have changed the corpus, the new version is frozen out of garbage
        collection (it lives as long as it answers) and the folder as it is now becomes the
        watcher's baseline."""
        async with self._corpus_lock:
            result = await asyncio.to_thread(work)
            if changed:
                gc.freeze()
                if self.watcher:
                    self.watcher.seen = snapshot(self.watcher.path)
        return result


Context = CallbackContext[ExtBot, dict, dict, BotData]
