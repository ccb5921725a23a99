"""Operators update the corpus from Telegram, end to end: the running bot against the fake Bot API
(documents fetched with getFile and downloaded over HTTP), previews, Publish, Discard, /rollback."""

from __future__ import annotations

import html
import re
import time

import pytest

from .fake_bot_api import BOT_USER, FakeBotApi

from .test_operators import ARTICLE, EXTRA
from .test_operators_e2e import corpus_bot
from .test_telegram_e2e import _message, _replies

ADMIN, OTHER_ADMIN, USER = 42, 43, 501
COPPER = "# Copper notes\n\n## Copper\n\nCopper helps the body make red blood cells. Cashews are rich in copper.\n"
SELENIUM = "# Selenium notes\n\n## Selenium\n\nSelenium protects cells from damage. Brazil nuts are rich in selenium.\n"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with corpus_bot(tmp_path_factory.mktemp("upload"), admin_ids=[ADMIN, OTHER_ADMIN], max_upload_kb=64) as running:
        yield running


def _exchange(fake: FakeBotApi, chat: int, update: dict, expect: str) -> dict:
    """Push an update; return the chat's first new message containing `expect`."""
    start = len(_replies(fake, chat))

    def new() -> list[dict]:
        return [r for r in _replies(fake, chat)[start:] if expect in r["text"]]

    fake.push(update)
    fake.wait_for(lambda calls: bool(new()), timeout=20)
    return new()[0]


def _document(fake: FakeBotApi, user: int, data: bytes, name: str, expect: str, **options) -> dict:
    update, _ = _message(user, user_id=user, document=fake.put_file(data, name, **options))
    return _exchange(fake, user, update, expect)


def _command(fake: FakeBotApi, user: int, text: str, expect: str) -> dict:
    return _exchange(fake, user, _message(user, text, user_id=user)[0], expect)


def _buttons(reply: dict) -> dict[str, str]:
    return {b["text"]: b["callback_data"] for row in reply["reply_markup"]["inline_keyboard"] for b in row}


def _callback(user: int, data: str) -> dict:
    message = {"message_id": 1, "date": int(time.time()), "chat": {"id": user, "type": "private"},
               "from": BOT_USER, "text": "preview"}
    return {"callback_query": {"id": f"{user}-{time.monotonic_ns()}", "chat_instance": "1", "message": message,
                               "from": {"id": user, "is_bot": False, "first_name": "Ann"}, "data": data}}


def _press(fake: FakeBotApi, user: int, data: str, expect: str) -> dict:
    return _exchange(fake, user, _callback(user, data), expect)


def _press_refused(fake: FakeBotApi, user: int, data: str) -> str:
    """Press a button that must not act; return the callback answer's notice."""
    start = len(fake.sent("answerCallbackQuery"))
    fake.push(_callback(user, data))
    fake.wait_for(lambda calls: len(fake.sent("answerCallbackQuery")) > start)
    return fake.sent("answerCallbackQuery")[start].params["text"]


def _answer(fake: FakeBotApi, chat: int, question: str) -> str:
    """The bot's answer to a question, as the user reads it (HTML tags dropped)."""
    return html.unescape(re.sub(r"<[^<>]*>", "", _exchange(fake, chat, _message(chat, question)[0], "")["text"]))


def _files(corpus) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir())}


def test_an_admin_uploads_a_document_sees_the_preview_publishes_and_it_is_answered(live):
    fake, corpus = live
    before = _files(corpus)
    preview = _document(fake, ADMIN, COPPER.encode(), "copper.md", "Preview")
    assert 'copper.md: a new document, "Copper notes"' in preview["text"]
    assert "17 -> 18 (1 added, 0 removed, 0 changed)" in preview["text"]
    assert "+ Copper helps the body make red blood cells." in preview["text"]
    assert set(_buttons(preview)) == {"Publish", "Discard"}
    assert _files(corpus) == before and "Cashews" not in _answer(fake, 5001, "are cashews rich in copper?")

    done = _press(fake, ADMIN, _buttons(preview)["Publish"], "Done")
    assert "upload of copper.md" in done["text"] and "2 documents, 18 passages" in done["text"]
    fake.wait_for(lambda calls: any("copper.md" in r["text"] for r in _replies(fake, OTHER_ADMIN)))
    notice = next(r for r in _replies(fake, OTHER_ADMIN) if "copper.md" in r["text"])
    assert notice["text"].startswith("Admin 42 (Ann) published the upload of copper.md: now 2 documents")
    assert fake.sent("editMessageReplyMarkup"), "the preview's buttons are taken away"
    assert (corpus / "copper.md").read_text() == COPPER
    assert "admin 42 published the upload of copper.md" in (corpus.parent / "bot.log").read_text()
    assert "Cashews are rich in copper" in _answer(fake, 5002, "are cashews rich in copper?")


def test_a_non_admins_document_gets_the_usual_reply_and_changes_nothing(live):
    fake, corpus = live
    before, downloads = _files(corpus), len(fake.sent("getFile"))
    _document(fake, USER, EXTRA.encode(), "zinc.md", "Please send me your question as text.")
    for command in ("/history", "/rollback", "/remove copper.md"):
        refused = _command(fake, USER, command, "not allowed")
        assert refused["text"].startswith(f"Sorry, {command.split()[0]} is for the bot's operators only")
    assert _files(corpus) == before and len(fake.sent("getFile")) == downloads


@pytest.mark.parametrize("name, data, options, reason, downloaded", [
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", {}, "binary.md: is not UTF-8 text", True),
    ("empty.md", b"", {}, "empty.md: has no text to quote", True),
    ("big.md", b"Magnesium is a mineral. " * 3000, {}, "big.md is 71 KB, over the limit of 64 KB", False),
    ("unstated.md", b"Magnesium is a mineral. " * 3000, {"state_size": False}, "unstated.md is 71 KB", True),
    ("notes.pdf", b"%PDF-1.4", {}, "notes.pdf is not a .md or .txt file", False),
])
def test_an_invalid_file_is_rejected_with_its_reason_and_the_corpus_is_untouched(live, name, data, options, reason,
                                                                                 downloaded):
    fake, corpus = live
    before, calls, downloads = _files(corpus), len(fake.sent()), len(fake.sent("getFile"))
    rejected = _document(fake, ADMIN, data, name, "Not accepted", **options)
    assert reason in rejected["text"] and rejected["text"].endswith("Nothing has changed.")
    assert "reply_markup" not in rejected and len(fake.sent("getFile")) - downloads == downloaded
    time.sleep(0.1)
    assert len([c for c in fake.sent()[calls:] if str(c.params.get("chat_id")) == str(ADMIN)]) == 1  # one message
    assert _files(corpus) == before


def test_a_publish_then_rollback_restores_the_earlier_answer(live):
    fake, corpus = live
    original = (corpus / ARTICLE.name).read_bytes()
    question = "how much magnesium should I take per day?"
    assert "400-420mg" in _answer(fake, 5003, question)
    preview = _document(fake, ADMIN, original.replace(b"400-420mg", b"350-360mg"), ARTICLE.name, "Preview")
    assert "replaces" in preview["text"] and "(0 added, 0 removed, 1 changed)" in preview["text"]
    _press(fake, ADMIN, _buttons(preview)["Publish"], "Done")
    assert "350-360mg" in _answer(fake, 5004, question)

    undo = _command(fake, ADMIN, "/rollback", "Preview")
    assert f"This rolls back the upload of {ARTICLE.name} by admin 42" in undo["text"]
    _press(fake, ADMIN, _buttons(undo)["Publish"], "Done: rollback")
    assert "400-420mg" in _answer(fake, 5005, question) and (corpus / ARTICLE.name).read_bytes() == original
    history = _command(fake, ADMIN, "/history", "Recent changes")["text"].splitlines()
    assert f"rollback of {ARTICLE.name} by admin 42" in history[1]
    assert f"upload of {ARTICLE.name} by admin 42" in history[2]


def test_discard_leaves_everything_as_it_was(live):
    fake, corpus = live
    before = _files(corpus)
    preview = _document(fake, ADMIN, EXTRA.encode(), "zinc.md", "Preview")
    _press(fake, ADMIN, _buttons(preview)["Discard"], "Discarded")
    assert _files(corpus) == before
    assert "Oysters" not in _answer(fake, 5006, "are oysters rich in zinc?")
    notice = _press_refused(fake, ADMIN, _buttons(preview)["Publish"])  # the same preview, after Discard
    assert "no longer pending" in notice and _files(corpus) == before


def test_two_admins_previewing_at_once_cannot_publish_each_others_file(live):
    fake, corpus = live
    mine = _document(fake, ADMIN, SELENIUM.encode(), "selenium.md", "Preview")
    theirs = _document(fake, OTHER_ADMIN, EXTRA.encode(), "zinc.md", "Preview")
    assert "no longer pending" in _press_refused(fake, OTHER_ADMIN, _buttons(mine)["Publish"])
    assert "no longer pending" in _press_refused(fake, ADMIN, _buttons(theirs)["Publish"])
    assert not (corpus / "selenium.md").exists() and not (corpus / "zinc.md").exists()

    _press(fake, ADMIN, _buttons(mine)["Publish"], "Done: upload of selenium.md")
    assert not (corpus / "zinc.md").exists()
    again = _press(fake, OTHER_ADMIN, _buttons(theirs)["Publish"], "The corpus changed since that preview")
    assert 'zinc.md: a new document, "Zinc notes"' in again["text"]
    _press(fake, OTHER_ADMIN, _buttons(again)["Publish"], "Done: upload of zinc.md")
    assert (corpus / "selenium.md").exists() and (corpus / "zinc.md").exists()
    assert "Brazil nuts" in _answer(fake, 5007, "are brazil nuts rich in selenium?")
    assert "Oysters" in _answer(fake, 5008, "are oysters rich in zinc?")


def test_remove_previews_then_removes_a_document(live):
    fake, corpus = live
    usage = _command(fake, ADMIN, "/remove", "Usage")
    assert "copper.md" in usage["text"] and ARTICLE.name in usage["text"]
    assert "is not a document" in _command(fake, ADMIN, "/remove nothing.md", "Not accepted")["text"]
    preview = _command(fake, ADMIN, "/remove copper.md", "Preview")
    assert 'removing copper.md: "Copper notes"' in preview["text"] and "(0 added, 1 removed" in preview["text"]
    _press(fake, ADMIN, _buttons(preview)["Publish"], "Done: removal of copper.md")
    assert not (corpus / "copper.md").exists()
    assert "Cashews" not in _answer(fake, 5009, "are cashews rich in copper?")
