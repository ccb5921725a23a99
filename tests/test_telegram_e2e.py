"""End to end: `python -m bot run` against a fake Bot API server on 127.0.0.1, over real HTTP."""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .fake_bot_api import BOT_USER, FakeBotApi, html_problem

from .conftest import ROOT, project_config

TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop"
USERNAME = BOT_USER["username"]
_ids = itertools.count(1)


def _message(chat_id: int, text: str | None = None, chat_type: str = "private", user_id: int = 501,
             reply_to: dict | None = None, **extra) -> tuple[dict, int]:
    message_id = next(_ids)
    chat = {"id": chat_id, "type": chat_type, **({"title": "Group"} if chat_type != "private" else {})}
    message = {"message_id": message_id, "date": int(time.time()), "chat": chat,
               "from": {"id": user_id, "is_bot": False, "first_name": "Ann"}, **extra}
    if text is not None:
        message["text"] = text
        entities = []
        if text.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        at = text.casefold().find("@" + USERNAME.casefold())
        if at >= 0 and not text.startswith("/"):
            entities.append({"type": "mention", "offset": at, "length": len(USERNAME) + 1})
        if entities:
            message["entities"] = entities
    if reply_to:
        message["reply_to_message"] = reply_to
    return {"message": message}, message_id


def _start_bot(config, log_path) -> subprocess.Popen:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN}
    log = open(log_path, "w")
    return subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def bot_running(config: Path, log_path: Path, fake: FakeBotApi, ready: bool = True) -> Iterator[subprocess.Popen]:
    """The real bot (`python -m bot run`) against `fake`, started (and, unless ready=False, waited
    for) and stopped at the end."""
    process = _start_bot(config, log_path)
    try:
        if ready:
            fake.wait_ready()
        yield process
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def fake():
    api = FakeBotApi(TOKEN).start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def running(fake, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bot")
    config = project_config(folder, telegram={"api_base_url": fake.base_url, "repeat_window_seconds": 60},
                            logging={"level": "DEBUG"})
    log_path = folder / "bot.log"
    with bot_running(config, log_path, fake):
        yield fake, log_path


def _replies(fake: FakeBotApi, chat_id: int) -> list[dict]:
    return [c.params for c in fake.sent() if str(c.params.get("chat_id")) == str(chat_id)]


def _wait_reply(fake: FakeBotApi, chat_id: int, count: int = 1, timeout: float = 15) -> list[dict]:
    fake.wait_for(lambda calls: len(_replies(fake, chat_id)) >= count, timeout)
    return _replies(fake, chat_id)


def _ask(fake, chat_id, text, **kwargs) -> tuple[dict, int]:
    update, message_id = _message(chat_id, text, **kwargs)
    fake.push(update)
    return _wait_reply(fake, chat_id)[-1], message_id


def test_start_registers_commands_and_description(running):
    fake, _ = running
    commands = fake.sent("setMyCommands")
    assert {c.params["scope"]["type"] for c in commands} == {"all_private_chats", "all_group_chats"}
    assert "not medical advice" in fake.sent("setMyDescription")[0].params["description"].lower() or \
        "consult your doctor" in fake.sent("setMyDescription")[0].params["description"].lower()


def test_private_question_gets_quote_source_disclaimer_and_buttons(running):
    fake, _ = running
    reply, _ = _ask(fake, 1001, "How much magnesium should I take per day?")
    text = reply["text"]
    assert reply["parse_mode"] == "HTML" and html_problem(text) is None
    assert "<blockquote>" in text and "400-420mg" in text and "Tips for Taking Magnesium Safely" in text
    assert "not medical advice" in text
    buttons = [b for row in reply["reply_markup"]["inline_keyboard"] for b in row]
    assert {b["text"] for b in buttons} == {"Another passage", "Whole section"}
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)


def test_start_and_help_commands(running):
    fake, _ = running
    start, _ = _ask(fake, 1002, "/start")
    assert "not medical advice" in start["text"]
    help_reply, _ = _ask(fake, 1003, "/help")
    assert "/ask" in help_reply["text"] and "@" + USERNAME in help_reply["text"]


def test_off_topic_question_is_declined_politely(running):
    fake, _ = running
    reply, _ = _ask(fake, 1004, "What is the capital of Australia?")
    assert "doesn't cover" in reply["text"] and "not medical advice" in reply["text"]
    assert "reply_markup" not in reply


def test_group_ask_and_ask_at_botname_are_threaded(running):
    fake, _ = running
    reply, asked = _ask(fake, -2001, "/ask can magnesium cause headaches?", chat_type="supergroup")
    assert reply["reply_parameters"]["message_id"] == asked and "headaches" in reply["text"]
    reply, asked = _ask(fake, -2002, f"/ask@{USERNAME} can magnesium cause insomnia?", chat_type="group")
    assert reply["reply_parameters"]["message_id"] == asked and "insomnia" in reply["text"]


def test_group_mention_in_any_case_and_reply_to_the_bot(running):
    fake, _ = running
    reply, asked = _ask(fake, -2003, f"@{USERNAME.lower()} does magnesium help with stress?", chat_type="supergroup")
    assert reply["reply_parameters"]["message_id"] == asked and "stress" in reply["text"]
    bot_message = {"message_id": 99, "date": int(time.time()), "chat": {"id": -2003, "type": "supergroup"},
                   "from": BOT_USER, "text": "earlier answer"}
    update, asked = _message(-2003, "and what about sleep?", chat_type="supergroup", reply_to=bot_message)
    fake.push(update)
    reply = _wait_reply(fake, -2003, count=2)[-1]
    assert reply["reply_parameters"]["message_id"] == asked


def test_group_chatter_is_ignored_and_bare_ask_gets_a_hint(running):
    fake, _ = running
    chatter, chatter_id = _message(-2004, "magnesium is great, how much do you all take?", chat_type="supergroup")
    fake.push(chatter)
    reply, _ = _ask(fake, -2004, "/ask", chat_type="supergroup")
    assert reply["text"].startswith("Usage: /ask")
    time.sleep(0.3)
    assert all(r.get("reply_parameters", {}).get("message_id") != chatter_id for r in _replies(fake, -2004))
    assert len(_replies(fake, -2004)) == 1


def test_same_question_in_a_group_is_not_answered_twice_in_full(running):
    fake, _ = running
    first, _ = _ask(fake, -2005, "/ask what are the benefits of magnesium?", chat_type="supergroup")
    update, _ = _message(-2005, "/ask What are the benefits of magnesium", chat_type="supergroup", user_id=502)
    fake.push(update)
    second = _wait_reply(fake, -2005, count=2)[-1]
    assert "<blockquote>" in first["text"] and "answered this just above" in second["text"]


def test_inline_query_returns_sections_with_disclaimer(running):
    fake, _ = running
    fake.push({"inline_query": {"id": "iq1", "from": {"id": 501, "is_bot": False, "first_name": "Ann"},
                                "query": "magnesium headaches", "offset": ""}})
    calls = fake.wait_for(lambda calls: any(c.method == "answerInlineQuery" for c in calls))
    results = [c for c in calls if c.method == "answerInlineQuery"][0].params["results"]
    assert results
    assert all("not medical advice" in r["input_message_content"]["message_text"] for r in results)
    assert results[0]["title"] in {"Introduction", "Tips for Taking Magnesium Safely", "The Benefits of Magnesium"}


def test_emergencies_in_groups_private_chats_and_inline_results(running):
    fake, _ = running
    reply, asked = _ask(fake, -2010, "/ask my flatmate won't wake up and there are pills everywhere", chat_type="group")
    assert reply["reply_parameters"]["message_id"] == asked and reply["text"].startswith("⚠️")
    reply, _ = _ask(fake, 1020, "going to take everything in the cabinet tonight")
    assert "crisis line" in reply["text"] and "<blockquote>" not in reply["text"] and "reply_markup" not in reply
    fake.push({"inline_query": {"id": "iq9", "from": {"id": 501, "is_bot": False, "first_name": "Ann"},
                                "query": "my son ate a bunch of magnesium gummies", "offset": ""}})
    calls = fake.wait_for(lambda calls: any(c.method == "answerInlineQuery" and c.params.get("inline_query_id") == "iq9"
                                            for c in calls))
    results = [c for c in calls if c.method == "answerInlineQuery" and c.params.get("inline_query_id") == "iq9"][0]
    assert all(r["input_message_content"]["message_text"].startswith("⚠️") for r in results.params["results"])


def test_buttons_and_stale_buttons(running):
    fake, _ = running
    reply, _ = _ask(fake, 1005, "can magnesium cause anxiety?")
    data = {b["text"]: b["callback_data"] for row in reply["reply_markup"]["inline_keyboard"] for b in row}
    message = {"message_id": 5000, "date": int(time.time()), "chat": {"id": 1005, "type": "private"},
               "from": BOT_USER, "text": "x"}
    sender = {"id": 501, "is_bot": False, "first_name": "Ann"}
    for query_id, callback in (("cb1", data["Another passage"]), ("cb2", data["Whole section"])):
        fake.push({"callback_query": {"id": query_id, "from": sender, "chat_instance": "1", "message": message,
                                      "data": callback}})
    replies = _wait_reply(fake, 1005, count=3)
    assert all("<blockquote>" in r["text"] for r in replies[1:])
    whole = max(replies[1:], key=lambda r: len(r["text"]))
    assert "Introduction" in whole["text"]
    for query_id, stale_data in (("cb3", "n:00000000:1"), ("cb4", "garbage")):
        fake.push({"callback_query": {"id": query_id, "from": sender, "chat_instance": "1", "message": message,
                                      "data": stale_data}})
        calls = fake.wait_for(lambda calls, query_id=query_id: any(
            c.method == "answerCallbackQuery" and c.params["callback_query_id"] == query_id for c in calls))
        stale = [c for c in calls if c.method == "answerCallbackQuery" and c.params["callback_query_id"] == query_id]
        assert "older" in stale[0].params["text"]
    assert len(_replies(fake, 1005)) == 3


def test_photo_gets_a_text_please(running):
    fake, _ = running
    update, _ = _message(1006, photo=[{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}])
    fake.push(update)
    assert "as text" in _wait_reply(fake, 1006)[-1]["text"]


def test_html_injection_and_a_4096_character_message_are_handled(running):
    fake, _ = running
    reply, _ = _ask(fake, 1007, "<b>x</b> & <script>alert(1)</script> magnesium headaches?")
    assert html_problem(reply["text"]) is None and "<script>" not in reply["text"]
    reply, _ = _ask(fake, 1008, ("how much magnesium should I take " * 200)[:4096])
    assert html_problem(reply["text"]) is None
    assert not fake.rejected


def test_429_is_waited_out_and_502s_are_retried(running):
    fake, _ = running
    fake.fail_next("sendMessage", (429, {"ok": False, "error_code": 429,
                                         "description": "Too Many Requests: retry after 1",
                                         "parameters": {"retry_after": 1}}))
    started = time.monotonic()
    reply, _ = _ask(fake, 1009, "does magnesium help memory?")
    assert "memory" in reply["text"] and time.monotonic() - started >= 1.0
    fake.fail_next("sendMessage", (502, "<html>Bad Gateway</html>"), (502, "<html>Bad Gateway</html>"))
    reply, _ = _ask(fake, 1010, "does magnesium help memory?")
    assert "memory" in reply["text"]


def test_token_never_appears_in_the_logs(running):
    fake, log_path = running
    _ask(fake, 1011, "is magnesium good for blood pressure?")
    time.sleep(0.2)
    log = log_path.read_text()
    assert "answered chat=private" in log and f"bot @{USERNAME} ready: 1 documents" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "blood pressure" not in log  # questions are not logged unless logging.questions is on


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode_accepts_the_right_secret_only(fake, tmp_path):
    port = _free_port()
    config = project_config(tmp_path, telegram={"api_base_url": fake.base_url, "webhook": {
        "url": "https://bot.example.org", "secret_token": "s3cret-Token", "listen": "127.0.0.1", "port": port}})
    process = _start_bot(config, tmp_path / "bot.log")
    try:
        fake.wait_for(lambda calls: fake.webhook is not None, timeout=60)
        assert fake.webhook["url"] == "https://bot.example.org/telegram"
        update, _ = _message(3001, "can magnesium cause headaches?")

        def post(secret: str) -> int:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/telegram", data=json.dumps(
                {"update_id": 900000 + next(_ids), **update}).encode(), headers={
                "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
            try:
                return urllib.request.urlopen(request, timeout=10).status
            except urllib.error.HTTPError as error:
                return error.code

        deadline = time.monotonic() + 30
        while True:
            try:
                status = post("wrong")
                break
            except urllib.error.URLError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert status == 403
        assert post("s3cret-Token") == 200
        assert "headaches" in _wait_reply(fake, 3001)[-1]["text"]
        assert len(_replies(fake, 3001)) == 1
    finally:
        _stop(process)


@pytest.mark.parametrize("token, message", [("", "is not set"), ("not-a-token", "does not look like a bot token")])
def test_missing_or_malformed_token_is_one_clear_line(token, message):
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "TELEGRAM_BOT_TOKEN": token}, timeout=60)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_no_network_at_start_up_is_waited_out_one_line_per_attempt(tmp_path):
    port = _free_port()
    fake = FakeBotApi(TOKEN)
    config = project_config(tmp_path, telegram={"api_base_url": f"http://127.0.0.1:{port}/bot"})
    try:
        with bot_running(config, tmp_path / "bot.log", fake, ready=False):
            deadline = time.monotonic() + 30
            while (tmp_path / "bot.log").read_text().count("Telegram is unreachable") < 2 \
                    and time.monotonic() < deadline:
                time.sleep(0.2)
            fake.start(port)  # the network comes up
            fake.wait_ready()
            reply, _ = _ask(fake, 1501, "can magnesium cause headaches?")
    finally:
        fake.stop()  # after the bot
    assert "headaches" in reply["text"]
    log = (tmp_path / "bot.log").read_text()
    attempts = [line for line in log.splitlines() if "Telegram is unreachable" in line]
    assert len(attempts) >= 2 and "attempt 1," in attempts[0] and "attempt 2," in attempts[1]
    assert "Traceback" not in log and "Unclosed" not in log and TOKEN not in log
