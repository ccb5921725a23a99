"""Operators, end to end: the running bot picks up corpus edits, tells admins, guards admin commands."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
import shutil
import time

import pytest

from .fake_bot_api import FakeBotApi

from .conftest import project_config
from .test_operators import ARTICLE
from .test_telegram_e2e import TOKEN, _ask, _message, _replies, _wait_reply, bot_running

ADMIN = 42


@contextmanager
def corpus_bot(folder: Path, **telegram) -> Iterator[tuple[FakeBotApi, Path]]:
    """The real bot over a copy of the article in `folder`/corpus, watching it, against a fake Bot API;
    `telegram` settings (admins, limits) on top."""
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    with FakeBotApi(TOKEN) as fake:
        config = project_config(folder, corpus={"path": str(corpus)},
                                telegram={"api_base_url": fake.base_url, **telegram},
                                reload={"poll_seconds": 0.2, "settle_seconds": 0.3})
        with bot_running(config, folder / "bot.log", fake):
            yield fake, corpus


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with corpus_bot(tmp_path_factory.mktemp("ops"), admin_ids=[ADMIN]) as running:
        yield running


def test_an_edit_is_answered_without_a_restart(live):
    fake, corpus = live
    article = corpus / ARTICLE.name
    article.write_text(article.read_text().replace("400-420mg", "350-360mg"), encoding="utf-8")
    deadline = time.monotonic() + 30
    for chat in itertools.count(40_001):
        reply, _ = _ask(fake, chat, "how much magnesium should I take per day?")
        if "350-360mg" in reply["text"] or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert "350-360mg" in reply["text"]


def test_a_bad_file_is_reported_to_the_admins_and_changes_nothing(live):
    fake, corpus = live
    (corpus / "broken.md").write_bytes(b"\xff\xfe not text \x00\x01")
    notice = _wait_reply(fake, ADMIN, timeout=20)[-1]["text"]
    assert "broken.md" in notice and "not UTF-8" in notice
    reply, _ = _ask(fake, 4200, "can magnesium cause headaches?")
    assert "headaches" in reply["text"]


def test_reload_and_status_are_for_admins_only(live):
    fake, _ = live
    refused, _ = _ask(fake, 4300, "/reload", user_id=7)
    assert "not allowed" in refused["text"]
    refused, _ = _ask(fake, 4301, "/status", user_id=7)
    assert "not allowed" in refused["text"]
    update, _ = _message(4302, "/reload", user_id=ADMIN)
    fake.push(update)
    summary = _wait_reply(fake, 4302)[-1]["text"]
    assert "Corpus reloaded in" in summary and "1 documents" in summary
    update, _ = _message(4303, "/status", user_id=ADMIN)
    fake.push(update)
    status = _wait_reply(fake, 4303)[-1]["text"]
    assert "Index age:" in status and "Passages: 17" in status and "questions answered" in status
    assert len(_replies(fake, 4300)) == 1


def test_votes_are_counted_per_passage_in_the_report(tmp_path):
    import subprocess
    import sys

    from .conftest import ROOT

    database = tmp_path / "fb.sqlite3"
    with FakeBotApi(TOKEN) as fake:
        config = project_config(tmp_path, telegram={"api_base_url": fake.base_url},
                                feedback={"buttons": True, "database": str(database)})
        with bot_running(config, tmp_path / "bot.log", fake):
            reply, _ = _ask(fake, 4400, "can magnesium cause insomnia?")
            data = {b["text"]: b["callback_data"] for row in reply["reply_markup"]["inline_keyboard"] for b in row}
            message = {"message_id": 1, "date": int(time.time()), "chat": {"id": 4400, "type": "private"}, "text": "x"}
            sender = {"id": 501, "is_bot": False, "first_name": "Ann"}
            for number, button in enumerate(["👎", "👎", "👍"]):
                fake.push({"callback_query": {"id": f"v{number}", "from": sender, "chat_instance": "1",
                                              "message": message, "data": data[button]}})
            fake.wait_for(lambda calls: sum(c.method == "answerCallbackQuery" for c in calls) >= 3)
            _ask(fake, 4401, "where can I buy magnesium?")
    report = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "report"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60).stdout
    assert "👍   1  👎   2  The Effects of Magnesium on the Nervous System / Introduction" in report
    assert "1x  where can I buy magnesium?" in report


def test_a_locked_feedback_database_never_delays_a_reply(tmp_path):
    import sqlite3

    database = tmp_path / "fb.sqlite3"
    with FakeBotApi(TOKEN) as fake:
        config = project_config(tmp_path, telegram={"api_base_url": fake.base_url},
                                feedback={"database": str(database)})
        with bot_running(config, tmp_path / "bot.log", fake):
            holder = sqlite3.connect(database, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")  # another process holds the database
            for chat in (4500, 4501, 4502):
                started = time.monotonic()
                reply, _ = _ask(fake, chat, "where can I buy magnesium?")
                assert time.monotonic() - started < 2 and "not medical advice" in reply["text"]
            holder.execute("ROLLBACK")
            holder.close()
    stored = sqlite3.connect(database).execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    assert stored == 3  # the writer waited for the lock, then wrote them


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other schema"])
def test_an_unusable_feedback_database_is_one_line_and_the_bot_answers(tmp_path, damage):
    import sqlite3
    import subprocess
    import sys

    from .conftest import ROOT

    database = tmp_path / "fb.sqlite3"
    if damage == "garbage":
        database.write_bytes(b"not a database at all " * 100)
    elif damage == "truncated":
        connection = sqlite3.connect(database)
        connection.executescript("CREATE TABLE t (x); " + "INSERT INTO t VALUES (randomblob(4000));" * 20)
        connection.close()
        database.write_bytes(database.read_bytes()[:1500])
    else:
        sqlite3.connect(database).executescript("CREATE TABLE questions (who TEXT, what TEXT);")
    with FakeBotApi(TOKEN) as fake:
        config = project_config(tmp_path, telegram={"api_base_url": fake.base_url},
                                feedback={"database": str(database)})
        report = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "report"], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert report.returncode == 1 and "Traceback" not in report.stderr
        assert report.stderr.count("\n") == 1 and str(database) in report.stderr
        with bot_running(config, tmp_path / "bot.log", fake):
            reply, _ = _ask(fake, 4600, "can magnesium cause headaches?")
    assert "headaches" in reply["text"]
    log = (tmp_path / "bot.log").read_text()
    assert "feedback is not recorded" in log and "Traceback" not in log
