"""Live corpus updates (engine level) and the feedback report."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from bot.answer import Kind
from bot.engine import load
from bot.reload import Watcher, rebuild
from bot.store import Store

from .conftest import ROOT, project_config

ARTICLE = ROOT / "corpus" / "the-effects-of-magnesium-on-the-nervous-system.md"
EXTRA = ("---\ntitle: Zinc notes\n---\n# Zinc notes\n\n## Zinc\n\n"
         "Zinc supports the immune system. Oysters are rich in zinc.\n")


@pytest.fixture
def setup(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "zinc.md").write_text(EXTRA, encoding="utf-8")
    engine = load(project_config(tmp_path, corpus={"path": str(corpus)}))
    return engine, corpus


def _zinc_answered(engine) -> bool:
    return engine.answer("are oysters rich in zinc?").answered


def test_edit_new_file_and_deletion_are_picked_up(setup):
    engine, corpus = setup
    article = corpus / ARTICLE.name
    article.write_text(article.read_text().replace("400-420mg", "310-320mg"), encoding="utf-8")
    (corpus / "iron.md").write_text("# Iron\n\n## Iron\n\nIron carries oxygen in the blood. Spinach has iron.\n")
    (corpus / "zinc.md").unlink()
    result = rebuild(engine)
    assert result.swapped and result.added == ["iron.md"] and result.removed == ["zinc.md"]
    assert result.changed == [ARTICLE.name]
    assert "310-320mg" in engine.answer("how much magnesium per day?").passages[0].passage.text
    assert engine.answer("does spinach have iron?").answered and not _zinc_answered(engine)


@pytest.mark.parametrize("damage", ["empty", "binary", "front matter", "unreadable", "no passages"])
def test_a_bad_update_keeps_the_last_good_version(setup, damage):
    engine, corpus = setup
    zinc = corpus / "zinc.md"
    if damage == "empty":
        zinc.write_text("")
    elif damage == "binary":
        zinc.write_bytes(bytes(range(256)) * 8)
    elif damage == "front matter":
        zinc.write_text("---\ntitle: [broken\n---\n# Zinc\n\nNew text.\n")
    elif damage == "unreadable":
        zinc.unlink()
        zinc.symlink_to(corpus / "missing-target.md")
    else:
        zinc.write_text("---\ntitle: only metadata\n---\n# Just a title\n")
    before = engine.library.version
    result = rebuild(engine)
    assert _zinc_answered(engine), "the last good zinc.md must still answer"
    assert engine.answer("how much magnesium per day?").answered
    assert any("zinc.md" in w for w in result.warnings), result.warnings
    assert any("last good version" in w for w in result.warnings)
    assert engine.library.version == before  # nothing new was swapped in for the bad file


def test_a_corpus_with_nothing_usable_is_never_swapped_in(setup):
    engine, corpus = setup
    for file in corpus.iterdir():
        file.unlink()
    (corpus / "new.md").write_text("")
    result = rebuild(engine)
    assert not result.swapped and "no usable document" in result.refused
    assert engine.answer("how much magnesium per day?").answered and _zinc_answered(engine)


def test_half_written_file_is_waited_for(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nDone.\n")
    watcher = Watcher(tmp_path, settle_seconds=1.0)
    growing = tmp_path / "b.md"
    growing.write_text("# B\n\nFirst half")
    assert not watcher.changed(now=0.0)
    with growing.open("a") as out:
        out.write(" and the second half.\n")
    assert not watcher.changed(now=0.6)  # still changing: wait again
    assert not watcher.changed(now=1.2)  # unchanged for 0.6 s only
    assert watcher.changed(now=1.7)  # unchanged for 1.1 s: settled
    assert not watcher.changed(now=5.0)  # nothing new since


def test_the_gate_refuses_a_corpus_that_scores_below_the_minimum(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    cases = tmp_path / "gate.yaml"
    cases.write_text("- {q: how much magnesium should I take per day, expect: ['400-420']}\n"
                     "- {q: what is the capital of australia, expect: null}\n")
    engine = load(project_config(tmp_path, corpus={"path": str(corpus)},
                                 reload={"eval": str(cases), "gate": True, "min_pass_rate": 1.0}))
    article = corpus / ARTICLE.name
    article.write_text(article.read_text().replace("400-420mg", "a suitable amount"), encoding="utf-8")
    result = rebuild(engine)
    assert not result.swapped and "below the gate" in result.refused and result.eval_rate == 0.5
    assert "400-420mg" in engine.answer("how much magnesium per day?").passages[0].passage.text


def test_report_groups_near_duplicates_and_lists_weak_answers_and_votes(tmp_path, engine):
    store = Store(tmp_path / "f.sqlite3")
    for question in ["Where can I buy magnesium?", "where to buy magnesium", "Where can I buy magnesium?",
                     "is magnesium safe for my dog", "How much magnesium per day?"]:
        store.record(engine.answer(question), "private", weak_below=0.8)
    store.record(engine.answer("magnesium deficiency and muscle relaxation"), "group", weak_below=1.01)
    store.vote("Doc", "Tips", 3, "It is important to take", up=False)
    store.vote("Doc", "Tips", 3, "It is important to take", up=True)
    store.vote("Doc", "Tips", 3, "It is important to take", up=False)
    report = store.report()
    lines = report.splitlines()
    assert lines[0] == "Unanswered questions (4 in all stored time), most frequent first:"
    assert lines[1].split()[0] == "3x" and "buy magnesium" in lines[1]
    assert "dog" in lines[2] and "How much magnesium per day" not in report.split("Weakest")[0]
    assert "muscle relaxation" in report.split("Weakest answers")[1]
    assert "👍   1  👎   2  Doc / Tips #3" in report


def test_small_talk_is_not_stored_as_unanswered(tmp_path, engine):
    store = Store(tmp_path / "f.sqlite3")
    assert engine.answer("thanks!").kind is Kind.SMALL_TALK
    assert not store.record(engine.answer("thanks!"), "private", weak_below=0.8)


def test_report_command_reads_the_configured_database(tmp_path, engine):
    config = project_config(tmp_path, feedback={"database": str(tmp_path / "fb.sqlite3")})
    store = Store(tmp_path / "fb.sqlite3")
    store.record(engine.answer("where can I buy magnesium?"), "private", weak_below=0.8)
    store.close()
    result = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "report", "--since", "7"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "1x  where can I buy magnesium?" in result.stdout


def test_questions_during_a_rebuild_are_all_answered(setup):
    import threading

    engine, corpus = setup
    article = corpus / ARTICLE.name
    article.write_text(article.read_text().replace("400-420mg", "390-400mg"), encoding="utf-8")
    answers, done = [], threading.Event()
    worker = threading.Thread(target=lambda: (rebuild(engine), done.set()))
    worker.start()
    while not done.is_set() or len(answers) < 20:
        answers.append(engine.answer("how much magnesium per day?").passages[0].passage.text)
    worker.join()
    assert len(answers) >= 20 and all(("400-420mg" in text) or ("390-400mg" in text) for text in answers)
    assert "390-400mg" in engine.answer("how much magnesium per day?").passages[0].passage.text
