"""A Telegram bot that answers questions by quoting an article, with BM25 over its passages."""

__version__ = "0.1.0"
