"""Issue 12: nothing a user, an operator or the network does can exhaust, stall or corrupt the bot."""

from __future__ import annotations

import time
import tracemalloc

from bot.engine import LONGEST_QUESTION, load
from bot.library import load_library
from bot.config import load_config
from bot.reload import rebuild
from bot.text import LONGEST_WORD, words

from .conftest import write_config

FACT = "# Notes\n\n## Zinc\n\nZinc supports the immune system. Oysters are rich in zinc.\n"


def test_tokens_longer_than_a_word_are_not_words():
    assert words("a " + "x" * (LONGEST_WORD + 1) + " b") == ["a", "b"]
    assert words("pneumonoultramicroscopicsilicovolcanoconiosis") == ["pneumonoultramicroscopicsilicovolcanoconiosis"]


def test_a_corpus_file_with_a_huge_token_costs_little_and_is_named(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.md").write_text(FACT + "\nThe sequence " + "acgt" * 12_500 + " was read.\n", encoding="utf-8")
    tracemalloc.start()
    engine = load(write_config(tmp_path, corpus))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50_000_000  # a 50,000-letter token once cost 2.4 GB
    assert any("long.md" in w and "not indexed" in w for w in engine.library.warnings)
    assert engine.answer("are oysters rich in zinc?").answered


def test_a_megabyte_question_is_answered_quickly(engine):
    for question in ("a" * 1_000_000, "magnesium " * 100_000, "why does magnesium cause insomnia? " * 30_000):
        started = time.perf_counter()
        answer = engine.answer(question)
        assert time.perf_counter() - started < 0.5  # the bench prints the figure; this only catches a regression
        assert len(answer.question) <= LONGEST_QUESTION


def test_a_long_story_keeps_the_question_at_its_end(engine):
    story = "My neighbour told me about her garden and her trip to the lake last summer. " * 80
    answer = engine.answer(story + "Can magnesium cause insomnia?")
    assert answer.answered and "insomnia" in answer.passages[0].text


def test_same_file_names_in_two_subfolders_are_two_documents(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "notes.md").write_text(FACT, encoding="utf-8")
    (corpus / "b" / "notes.md").write_text("# Iron\n\n## Iron\n\nIron carries oxygen in the blood.\n", encoding="utf-8")
    config_path = write_config(tmp_path, corpus)
    engine = load(config_path)
    assert sorted(d.path for d in engine.library.documents) == ["a/notes.md", "b/notes.md"]
    (corpus / "b" / "notes.md").write_text("# Iron\n\n## Iron\n\nSpinach has iron in it.\n", encoding="utf-8")
    result = rebuild(engine)
    assert result.changed == ["b/notes.md"]
    assert engine.answer("does spinach have iron?").answered and engine.answer("are oysters rich in zinc?").answered
    restarted = load_library(load_config(config_path))  # from the cache, which must hold both
    assert restarted.from_cache and {d.path for d in restarted.documents} == {"a/notes.md", "b/notes.md"}
    assert any("Spinach" in p.text for p in restarted.passages)


def test_a_record_the_locked_database_cannot_take_is_dropped_with_a_warning(tmp_path, engine, monkeypatch, caplog):
    import sqlite3

    from bot import store

    monkeypatch.setattr(store, "BUSY_SECONDS", 0.1)
    feedback = store.Store(tmp_path / "fb.sqlite3")
    holder = sqlite3.connect(tmp_path / "fb.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    started = time.perf_counter()
    assert feedback.record(engine.answer("where can I buy magnesium?"), "private", weak_below=0.8)
    assert time.perf_counter() - started < 0.05
    feedback.flush()
    assert "one record dropped" in caplog.text
    holder.execute("ROLLBACK")
    feedback.record(engine.answer("where can I buy magnesium?"), "private", weak_below=0.8)
    feedback.close()
    assert holder.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 1


def _cli(*args: str):
    import subprocess
    import sys

    from .conftest import ROOT

    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_nonsense_numbers_on_the_command_line_are_one_clear_error():
    import subprocess
    import sys

    from .conftest import ROOT

    for args, option in ((("report", "--since", "-5"), "--since"),
                         (("report", "--since", "nan"), "--since"), (("ask", "x", "--top", "0"), "--top")):
        result = _cli(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert f"argument {option}: must be above 0" in result.stderr
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--sizes", "0"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "must be above 0" in result.stderr


def test_a_yaml_error_in_an_eval_file_is_one_line(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text('- {q: "a", expect: [x]}\n- {q: b\n', encoding="utf-8")
    result = _cli("eval", str(path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "line " in result.stderr


def test_passages_after_the_best_are_in_score_order(engine):
    scores = [f.score for f in engine.answer("can magnesium cause insomnia", top=30).passages]
    assert len(scores) > 10 and scores[1:] == sorted(scores[1:], reverse=True)


def test_only_emoji_or_punctuation_does_not_re_answer_the_previous_question(engine):
    for message in ("👍👍", "?!", "...", "🙂"):
        answer = engine.answer(message, after="can magnesium cause insomnia?")
        assert not answer.passages and answer.kind.value == "empty"


def test_a_refused_question_has_a_low_confidence(engine):
    answer = engine.answer("can magnesium cure cancer?")
    assert not answer.answered and answer.reason["confidence"] < 0.5
