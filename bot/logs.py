"""Logging set-up: one format, HTTP libraries quiet, the bot token never printed."""

from __future__ import annotations

import logging

from bot.config import Config


class RedactToken(logging.Filter):
    """Replace the bot token in every log record (defence in depth: Bot API URLs hold the token, and
    python-telegram-bot's DEBUG lines and some error messages carry them)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg, record.args = message.replace(self.token, "[token]"), None
        return True


def setup_logging(config: Config, token: str) -> None:
    """Log to stderr at the configured level; HTTP libraries quiet; the token never printed; unless
    logging.questions allows it, python-telegram-bot's DEBUG lines (which print whole updates,
    question texts included) are held back."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    logging.basicConfig(level=config.logging.level.upper(), handlers=[handler], force=True)
    for noisy in ("aiohttp", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not config.logging.questions:
        logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLogger().level))
