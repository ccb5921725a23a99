"""What users asked that the article lacks, and their votes: an embedded SQLite file, and its report.

Stored: the question text, the time, the kind of chat, the best score and confidence. Never a user
or chat id.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from bot.answer import Answer, Kind
from bot.text import tokens

log = logging.getLogger("bot.store")

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    at REAL NOT NULL, kind TEXT NOT NULL, chat_type TEXT NOT NULL, question TEXT NOT NULL,
    score REAL, confidence REAL, section TEXT);
CREATE TABLE IF NOT EXISTS votes (
    at REAL NOT NULL, document TEXT NOT NULL, section TEXT NOT NULL, position INTEGER NOT NULL,
    first_words TEXT NOT NULL, up INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
"""
COLUMNS = {"questions": ["at", "kind", "chat_type", "question", "score", "confidence", "section"],
           "votes": ["at", "document", "section", "position", "first_words", "up"]}
DAY = 86_400
WAITING = 10_000  # records queued for the writer at most; beyond, new ones are dropped with a warning
BUSY_SECONDS = 5.0  # how long the writer waits for a database another process has locked


class StoreError(Exception):
    """A feedback database that cannot be used (corrupt, truncated, another schema), named."""


class Store:
    """The feedback database (created on first use). Writes go through a queue to one writer
    thread: a slow or locked database delays the record, never the reply."""

    def __init__(self, path: Path, retention_days: int = 90) -> None:
        self.path = path
        self.retention_days = retention_days
        self._lock = threading.Lock()
        self._waiting: queue.Queue[tuple[str, tuple] | None] = queue.Queue(WAITING)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=BUSY_SECONDS, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
            _check_schema(self._db, path)
            self.purge()
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"{path}: not a usable feedback database ({error})") from None
        self._writer = threading.Thread(target=self._write, name="feedback-writer", daemon=True)
        self._writer.start()

    def record(self, answer: Answer, chat_type: str, weak_below: float) -> bool:
        """Queue an unanswered question, or an answer whose confidence is below `weak_below`, for storing."""
        confidence = round(answer.confidence.coverage, 3) if answer.confidence else None
        if answer.answered:
            if confidence is None or confidence >= weak_below:
                return False
            kind = "weak"
        elif answer.kind in (Kind.WEAK, Kind.NO_MATCH):
            kind = "unanswered"
        else:
            return False  # small talk, other languages, empty messages are not questions the article lacks
        best = answer.passages[0] if answer.passages else None
        return self._queue("INSERT INTO questions VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (time.time(), kind, chat_type, answer.question.strip(), best.score if best else None,
                            confidence, best.passage.section if best else None))

    def vote(self, document: str, section: str, position: int, first_words: str, up: bool) -> None:
        """Queue a 👍 or 👎 for a passage."""
        self._queue("INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?)",
                    (time.time(), document, section, position, first_words, int(up)))

    def flush(self) -> None:
        """Wait until every queued record is written (or dropped)."""
        self._waiting.join()

    def _queue(self, statement: str, row: tuple) -> bool:
        try:
            self._waiting.put_nowait((statement, row))
            return True
        except queue.Full:
            log.warning("feedback database %s is not keeping up: a record was dropped", self.path)
            return False

    def _write(self) -> None:
        """The writer thread: one queued record at a time; a failure drops that record with a warning."""
        while (item := self._waiting.get()) is not None:
            try:
                with self._lock:
                    self._db.execute(*item)
            except sqlite3.Error as error:
                log.warning("could not record feedback in %s (%s): one record dropped", self.path, error)
            finally:
                self._waiting.task_done()
        self._waiting.task_done()

    def purge(self) -> None:
        """Forget what is older than the retention period."""
        cutoff = time.time() - self.retention_days * DAY
        with self._lock:
            self._db.execute("DELETE FROM questions WHERE at < ?", (cutoff,))
            self._db.execute("DELETE FROM votes WHERE at < ?", (cutoff,))

    def report(self, since_days: float | None = None, limit: int = 20) -> str:
        """The most frequent unanswered questions (near-duplicates grouped), the weakest answers,
        and the votes per passage."""
        cutoff = time.time() - since_days * DAY if since_days else 0.0
        self.flush()
        try:
            with self._lock:
                unanswered = self._db.execute("SELECT question FROM questions WHERE kind = 'unanswered' AND at >= ?",
                                              (cutoff,)).fetchall()
                weak = self._db.execute("SELECT question, confidence, section FROM questions WHERE kind = 'weak' "
                                        "AND at >= ? ORDER BY confidence ASC LIMIT ?", (cutoff, limit)).fetchall()
                votes = self._db.execute("SELECT document, section, position, first_words, SUM(up), SUM(1 - up) "
                                         "FROM votes WHERE at >= ? GROUP BY document, section, position "
                                         "ORDER BY SUM(1 - up) DESC, SUM(up) DESC", (cutoff,)).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot be read ({error})") from None
        period = f"the last {since_days:g} days" if since_days else "all stored time"
        lines = [f"Unanswered questions ({len(unanswered)} in {period}), most frequent first:"]
        groups: dict[str, list[str]] = defaultdict(list)
        for (question,) in unanswered:
            groups[" ".join(sorted(set(tokens(question)))) or question.casefold()].append(question)
        ranked = sorted(groups.values(), key=lambda g: (-len(g), g[0].casefold()))[:limit]
        for group in ranked:
            common = Counter(group).most_common()
            others = [q for q, _ in common[1:3]]
            lines.append(f"  {len(group):>4}x  {common[0][0]}" + (f"   (also: {' | '.join(others)})" if others else ""))
        if not ranked:
            lines.append("  (none)")
        lines.append("\nWeakest answers (lowest confidence first):")
        lines += [f"  {confidence:>5.2f}  {question}   -> {section}"
                  for question, confidence, section in weak] or ["  (none)"]
        lines.append("\nVotes per passage (most 👎 first):")
        lines += [f"  👍 {up:>3}  👎 {down:>3}  {document} / {section} #{position}: {words}"
                  for document, section, position, words, up, down in votes] or ["  (none)"]
        return "\n".join(lines)

    def close(self) -> None:
        """Write what is queued, then close the database."""
        self._waiting.put(None)
        self._writer.join()
        self._db.close()


def problem(path: Path) -> str | None:
    """Why an existing feedback database cannot be used, or None (opened read-only: changes nothing)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _check_schema(db, path)
            (verdict,), *_ = db.execute("PRAGMA quick_check").fetchall()
        finally:
            db.close()
    except (sqlite3.Error, StoreError) as error:
        return str(error) if isinstance(error, StoreError) else f"{path}: not a usable feedback database ({error})"
    return None if verdict == "ok" else f"{path}: damaged ({verdict})"


def _check_schema(db: sqlite3.Connection, path: Path) -> None:
    for table, columns in COLUMNS.items():
        found = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        if found and found != columns:
            raise StoreError(f"{path}: table {table} has columns {found}, expected {columns}")
