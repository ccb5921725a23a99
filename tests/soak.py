"""Soak test (`make soak`, not part of `make test`): the real bot process against the fake Bot API.

For --minutes (default 10) at --rate updates a second (default 50): private questions, group /ask,
inline queries and button presses (votes and "Whole section"); a corpus edit every 30 s; the
feedback database locked by another connection for 20 s in the middle. At the end it prints, and
checks: no lost update, no reply later than 2 s, the bot's RSS at 1, 5 and 10 minutes (flat after
warm-up: within 10% of the 1-minute figure), and no log line above WARNING. Exit status 1 on a miss.

The mix keeps messages under Telegram's 30 a second for a whole bot (python-telegram-bot's rate
limiter holds the bot to it): at 50 updates a second, 30% private, 14% group, 36% inline, 12%
votes, 8% "Whole section" is 26 messages a second.
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.fake_bot_api import FakeBotApi
from tests.conftest import ROOT, project_config
from tests.test_telegram_e2e import TOKEN, _message, _start_bot, _stop

ARTICLE = ROOT / "corpus" / "the-effects-of-magnesium-on-the-nervous-system.md"
MIX = (("private", 30), ("group", 14), ("inline", 36), ("vote", 12), ("section", 8))
LATEST_REPLY_SECONDS = 2.0
EDIT_EVERY_SECONDS = 30.0
LOCK_SECONDS = 20.0
RSS_AT_MINUTES = (1, 5, 10)
USER = {"id": 900, "is_bot": False, "first_name": "Soak"}


@dataclass
class Sent:
    """One pushed update and the call that answers it."""

    kind: str
    key: tuple[str, str]  # (Bot API method, the id that call names)
    at: float = field(default_factory=time.monotonic)


def _questions() -> list[str]:
    cases = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text(encoding="utf-8"))
    return [c["q"] for c in cases if c.get("kind") in ("in", "nearmiss", "offtopic")]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Soak:
    """Pushes the mixed updates and keeps what it needs to check the answers."""

    def __init__(self, fake: FakeBotApi, questions: list[str]) -> None:
        self.fake, self.questions = fake, questions
        self.sent: list[Sent] = []
        self.buttons: list[str] = []  # callback data seen on earlier answers
        self._ids = itertools.count(1)
        self._random = random.Random(7)
        self._kinds = [kind for kind, share in MIX for _ in range(share)]

    def push_one(self) -> None:
        kind = self._random.choice(self._kinds)
        if kind in ("vote", "section") and not self.buttons:
            kind = "private"
        number, question = next(self._ids), self._random.choice(self.questions)
        if kind == "private":
            update, _ = _message(10_000_000 + number, question, user_id=10_000_000 + number)
            self.sent.append(Sent(kind, ("sendMessage", str(10_000_000 + number))))
        elif kind == "group":
            chat = -10_000_000 - number
            update, _ = _message(chat, f"/ask {question}", chat_type="supergroup", user_id=20_000_000 + number)
            self.sent.append(Sent(kind, ("sendMessage", str(chat))))
        elif kind == "inline":
            update = {"inline_query": {"id": f"i{number}", "from": {**USER, "id": 40_000_000 + number},
                                       "query": question[:200], "offset": ""}}
            self.sent.append(Sent(kind, ("answerInlineQuery", f"i{number}")))
        else:
            wanted = [b for b in self.buttons if b[0] == ("u" if kind == "vote" else "s")] or self.buttons
            chat = 30_000_000 + number
            message = {"message_id": 1, "date": int(time.time()), "chat": {"id": chat, "type": "private"}, "text": "x"}
            update = {"callback_query": {"id": f"c{number}", "from": {**USER, "id": chat}, "chat_instance": "1",
                                         "message": message, "data": self._random.choice(wanted)}}
            self.sent.append(Sent(kind, ("answerCallbackQuery", f"c{number}")))
        self.fake.push(update)

    def answered_at(self) -> dict[tuple[str, str], float]:
        """When each update was first answered; button data collected on the way."""
        first: dict[tuple[str, str], float] = {}
        with self.fake._lock:
            calls = list(self.fake.calls)
        for call in calls:
            name = {"sendMessage": "chat_id", "answerInlineQuery": "inline_query_id",
                    "answerCallbackQuery": "callback_query_id"}.get(call.method)
            if name:
                first.setdefault((call.method, str(call.params.get(name))), call.at)
            markup = call.params.get("reply_markup") if call.method == "sendMessage" else None
            if markup and len(self.buttons) < 200:
                self.buttons += [b["callback_data"] for row in markup["inline_keyboard"] for b in row
                                 if b["callback_data"][0] in "us"]
        return first


def _edit_corpus(article: Path, stop: threading.Event) -> None:
    """Change one figure of the article every EDIT_EVERY_SECONDS."""
    original = article.read_text(encoding="utf-8")
    for turn in itertools.count(1):
        if stop.wait(EDIT_EVERY_SECONDS):
            return
        article.write_text(original.replace("400-420mg", f"{400 + turn % 2}-420mg"), encoding="utf-8")


def _lock_database(database: Path, after: float, stop: threading.Event) -> None:
    """Hold the feedback database with an exclusive transaction for LOCK_SECONDS, `after` seconds in."""
    if stop.wait(after):
        return
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    print(f"  {time.strftime('%H:%M:%S')} feedback database locked for {LOCK_SECONDS:.0f}s", flush=True)
    stop.wait(LOCK_SECONDS)
    holder.execute("ROLLBACK")
    holder.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=float, default=50, help="updates a second")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    database = folder / "feedback.sqlite3"
    fake = FakeBotApi(TOKEN).start()
    config = project_config(folder, corpus={"path": str(corpus)},
                            telegram={"api_base_url": fake.base_url, "repeat_window_seconds": 0},
                            feedback={"database": str(database), "buttons": True, "weak_below": 1.0},
                            reload={"poll_seconds": 1.0, "settle_seconds": 0.5})
    log_path = folder / "bot.log"
    process = _start_bot(config, log_path)
    fake.wait_ready()
    soak, stop = Soak(fake, _questions()), threading.Event()
    duration = args.minutes * 60
    helpers = [threading.Thread(target=_edit_corpus, args=(corpus / ARTICLE.name, stop), daemon=True),
               threading.Thread(target=_lock_database, args=(database, duration / 2 - LOCK_SECONDS / 2, stop),
                                daemon=True)]
    for helper in helpers:
        helper.start()
    print(f"soak: {args.minutes:g} min at {args.rate:g} updates/s; bot log {log_path}", flush=True)
    started, rss = time.monotonic(), {}
    marks = [m for m in RSS_AT_MINUTES if m * 60 <= duration] or [args.minutes]
    for number in itertools.count():
        due = started + number / args.rate
        now = time.monotonic()
        if due - started >= duration:
            break
        if due > now:
            time.sleep(due - now)
        soak.push_one()
        if number % int(args.rate * 5) == 0:
            soak.answered_at()  # collect buttons as they appear
        elapsed = (time.monotonic() - started) / 60
        for mark in marks:
            if mark not in rss and elapsed >= mark:
                rss[mark] = _rss_mb(process.pid)
                print(f"  {mark:g} min: RSS {rss[mark]:.1f} MB, {len(soak.sent)} updates sent", flush=True)
    for mark in marks:  # the last mark falls on the end of the run
        rss.setdefault(mark, _rss_mb(process.pid))
    stop.set()
    time.sleep(LATEST_REPLY_SECONDS + 1)
    answered = soak.answered_at()
    _stop(process)
    fake.stop()
    lost = [s for s in soak.sent if s.key not in answered]
    late = sorted((answered[s.key] - s.at for s in soak.sent if s.key in answered), reverse=True)
    too_late = [d for d in late if d > LATEST_REPLY_SECONDS]
    loud = [line for line in log_path.read_text(encoding="utf-8").splitlines()
            if " ERROR " in line or " CRITICAL " in line]
    warnings = sum(" WARNING " in line for line in log_path.read_text(encoding="utf-8").splitlines())
    p99 = late[len(late) // 100] if late else float("nan")
    print(f"updates sent {len(soak.sent)}; lost {len(lost)}; reply p99 {p99 * 1000:.0f} ms, slowest "
          f"{(late[0] if late else 0) * 1000:.0f} ms, later than {LATEST_REPLY_SECONDS:g}s: {len(too_late)}")
    print("RSS " + ", ".join(f"{m:g} min {v:.1f} MB" for m, v in rss.items()))
    print(f"log: {warnings} warnings, {len(loud)} lines above WARNING")
    for line in loud[:10]:
        print(f"  {line}")
    first = rss[marks[0]] if rss else 0.0
    flat = all(v <= first * 1.10 for v in rss.values())
    ok = not lost and not too_late and not loud and flat
    print("soak: PASS" if ok else "soak: FAIL" + ("" if flat else " (memory grew more than 10% after warm-up)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
