"""Telegram pieces that need no server: HTML limits, token redaction, flood guard."""

import logging
from dataclasses import replace

from bot.answer import Answer, Found, Kind
from bot.corpus import Passage
from .fake_bot_api import html_problem, visible_length
from bot.reply import telegram_html
from bot.guard import FloodGuard
from bot.logs import RedactToken
from bot.text import stem

from .conftest import shipped


def _answer(text: str) -> Answer:
    passage = Passage(text=text, document="Doc <1>", section="S & T", position=0, path="d.md")
    return Answer(question="q", kind=Kind.ANSWER, passages=[Found(passage, 1.0, 0)],
                  highlight=frozenset({stem("magnesium")}))


def test_long_passages_are_cut_on_a_sentence_within_4096_with_valid_html():
    long = " ".join(f"Magnesium & <nerves> sentence number {i} is here." for i in range(400))
    text = telegram_html(_answer(long), shipped().replies)
    assert html_problem(text) is None and visible_length(text, "HTML") <= 4096
    quote = text.split("<blockquote>")[1].split("</blockquote>")[0]
    assert quote.endswith("here. …")
    assert "<b>Magnesium</b> &amp; &lt;nerves&gt;" in quote


def test_question_words_are_bold_without_changing_the_verbatim_text():
    text = telegram_html(_answer("Magnesium helps. MAGNESIUM's role."), shipped().replies)
    assert "<b>Magnesium</b> helps. <b>MAGNESIUM</b>'s role." in text


def test_token_is_redacted_from_log_records():
    token = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop"
    record = logging.LogRecord("httpx", logging.INFO, "", 0, "POST https://api.telegram.org/bot%s/getMe", (token,),
                               None)
    RedactToken(token).filter(record)
    assert token not in record.getMessage() and "[token]" in record.getMessage()


def test_group_flood_guard_limits_per_user_and_per_group():
    guard = FloodGuard(replace(shipped().telegram, group_messages_per_minute=3, user_messages_per_minute=2))
    assert [guard.allow(1, 10) for _ in range(3)] == [True, True, False]
    assert guard.allow(1, 11) is True and guard.allow(1, 12) is False
    assert guard.allow(2, 10) is True


def test_preview_buttons_encode_and_decode_within_telegrams_limit():
    from bot.admin import Choice, decode_choice, encode_choice

    for choice in Choice:
        data = encode_choice(choice, "Ab3_-x9QwErTyU")
        assert decode_choice(data) == (choice, "Ab3_-x9QwErTyU") and len(data.encode()) <= 64
    for other in ("s:abcd1234:3", "op:z:token", "op:p:", "op", "", None):
        assert decode_choice(other) is None


def test_a_preview_reads_counts_samples_warnings_and_the_gate():
    from bot.admin import describe
    from bot.publish import Action, Candidate, HistoryEntry, Preview

    undone = HistoryEntry(0.0, Action.UPLOAD, ("notes.md",), 42, 20, "kept")
    preview = Preview(Candidate(Action.ROLLBACK, "notes.md", b"x", undoes=undone), "v1", None, "New title", "Old title",
                      20, 19, ("a1", "a2", "a3", "a4"), ("r1", "r2"), (), warnings=("3 tokens too long",),
                      eval_before=0.95, eval_after=0.5, blocked_below=0.9)
    text = describe(preview, shipped().replies.operators)
    assert text.splitlines()[:2] == ['Preview of notes.md: replaces "New title".',
                                     "This rolls back the upload of notes.md by admin 42 at 1970-01-01 00:00 UTC."]
    assert "20 -> 19 (4 added, 2 removed, 0 changed)" in text
    assert "+ a3" in text and "+ a4" not in text and "- r2" in text  # a few first words per kind
    assert 'from "Old title" to "New title"' in text and "Warning: 3 tokens too long" in text
    assert "Eval: 95.0% -> 50.0%" in text and "Below the gate's 90%" in text and not preview.publishable


def test_button_data_round_trips_and_refuses_what_is_not_an_answer_button():
    from bot.buttons import ButtonData, Press

    data = ButtonData(Press.NEXT, "ab12cd34", (3, 7, 9))
    assert ButtonData.decode(data.encode()) == data and len(data.encode().encode()) <= 64
    for other in (None, "", "op:p:token", "x:ab12cd34:1", "s:ab12cd34:", "s:ab12cd34:1a", "s::1"):
        assert ButtonData.decode(other) is None


def test_expiring_entries_are_forgotten_and_swept(monkeypatch):
    from bot import guard

    now = [1000.0]
    monkeypatch.setattr(guard.time, "monotonic", lambda: now[0])
    memory = guard.Expiring(60)
    memory.put("a", 1)
    assert memory.get("a") == 1
    now[0] += 61
    assert memory.get("a") is None
    for chat in range(5000):  # a stream of chats that each ask once
        now[0] += 1
        memory.put(chat, chat)
    assert len(memory) < 2 * 1024 and memory.get(4999) == 4999
