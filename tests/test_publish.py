"""Operators' changes at engine level: previews, publishing, the history, rollback, removal, the gate."""

from __future__ import annotations

import shutil

import pytest

from bot import publish
from bot.engine import load
from bot.publish import Action, Preview, Problem, Rejected
from bot.reload import rebuild

from .conftest import project_config
from .test_operators import ARTICLE, EXTRA

ADMIN = 42
IRON = "---\ntitle: Iron notes\n---\n# Iron notes\n\n## Iron\n\nIron carries oxygen in the blood. Spinach has iron.\n"


def _engine(tmp_path, **sections):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "zinc.md").write_text(EXTRA, encoding="utf-8")
    return load(project_config(tmp_path, corpus={"path": str(corpus), **sections.pop("corpus", {})}, **sections))


@pytest.fixture
def engine(tmp_path):
    return _engine(tmp_path)


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _publish(engine, candidate, admin=ADMIN) -> publish.Published:
    outcome = publish.publish(engine, publish.preview(engine, candidate), admin)
    assert isinstance(outcome, publish.Published)
    return outcome


def test_a_preview_of_a_new_document_changes_nothing(engine):
    corpus = engine.config.corpus.path
    before, version = _files(corpus), engine.library.version
    preview = publish.preview(engine, publish.upload(engine.config, "iron.md", IRON.encode()))
    assert preview.title == "Iron notes" and preview.title_before is None
    assert (preview.passages_before, preview.passages_after) == (18, 19)
    assert preview.added == ("Iron carries oxygen in the blood. Spinach has…",)
    assert preview.removed == preview.changed == () and preview.publishable
    assert _files(corpus) == before and engine.library.version == version
    assert not engine.answer("does spinach have iron?").answered


def test_a_replacement_names_the_changed_passage_and_the_title(engine):
    text = ARTICLE.read_text(encoding="utf-8").replace("400-420mg", "350-360mg")
    preview = publish.preview(engine, publish.upload(engine.config, ARTICLE.name, text.encode()))
    assert preview.title_before == preview.title == "The Effects of Magnesium on the Nervous System"
    assert len(preview.changed) == 1 and preview.added == preview.removed == ()
    retitled = EXTRA.replace("Zinc notes", "Zinc").encode()
    renamed = publish.preview(engine, publish.upload(engine.config, "zinc.md", retitled))
    assert (renamed.title_before, renamed.title) == ("Zinc notes", "Zinc")
    twin = publish.preview(engine, publish.upload(engine.config, "zinc2.md", EXTRA.encode()))
    assert twin.same_title == "zinc.md"


@pytest.mark.parametrize("data", [b"\xff\xfe\x00binary", b"", b"---\ntitle: [broken\n---\n# Z\n\nText here.\n",
                                  b"---\ntitle: only metadata\n---\n# Just a title\n"])
def test_an_upload_is_validated_exactly_as_a_file_on_disk(engine, data):
    with pytest.raises(Rejected) as rejected:
        publish.preview(engine, publish.upload(engine.config, "zinc.md", data))
    assert rejected.value.problem is Problem.UNUSABLE
    (engine.config.corpus.path / "zinc.md").write_bytes(data)
    on_disk = rebuild(engine).warnings  # a live reload's words for the same bytes, with the full path
    assert any(w.endswith(f"/{rejected.value.detail}") for w in on_disk), on_disk


def test_long_tokens_are_a_warning_not_a_rejection(engine):
    data = EXTRA + "\nThe sequence " + "ACGT" * 20 + " was found in oysters.\n"
    preview = publish.preview(engine, publish.upload(engine.config, "zinc.md", data.encode()))
    assert any("longer than 45 characters" in w for w in preview.warnings)


@pytest.mark.parametrize("name, size, problem", [("notes.pdf", 10, Problem.WRONG_TYPE),
                                                 (".hidden.md", 10, Problem.WRONG_TYPE),
                                                 ("big.md", 1024 * 1024 + 1, Problem.TOO_LARGE)])
def test_type_and_size_are_checked_before_downloading(engine, name, size, problem):
    with pytest.raises(Rejected) as rejected:
        publish.check_upload(engine.config, name, size)
    assert rejected.value.problem is problem
    assert publish.check_upload(engine.config, "../../etc/notes.md", 10) == "notes.md"


def test_publish_swaps_in_keeps_the_replaced_version_and_rolls_back(engine):
    corpus = engine.config.corpus.path
    original = (corpus / ARTICLE.name).read_bytes()
    changed = original.replace(b"400-420mg", b"350-360mg")
    outcome = _publish(engine, publish.upload(engine.config, ARTICLE.name, changed))
    assert outcome.result.swapped and outcome.entry.action is Action.UPLOAD and outcome.entry.admin == ADMIN
    assert (corpus / ARTICLE.name).read_bytes() == changed
    assert "350-360mg" in engine.answer("how much magnesium per day?").passages[0].passage.text
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]  # no temporary file left
    history = publish.History(engine.config.corpus)
    assert history.folder == corpus.parent / "corpus-history" and history.version_before(outcome.entry) == original

    undo = publish.rollback(engine.config)
    assert undo.action is Action.ROLLBACK and undo.undoes == outcome.entry and undo.data == original
    assert len(publish.preview(engine, undo).changed) == 1
    _publish(engine, undo)
    assert (corpus / ARTICLE.name).read_bytes() == original
    assert "400-420mg" in engine.answer("how much magnesium per day?").passages[0].passage.text
    _publish(engine, publish.rollback(engine.config))  # rolling back a rollback redoes the change
    assert (corpus / ARTICLE.name).read_bytes() == changed


def test_rolling_back_a_new_document_removes_it_and_a_removal_brings_it_back(engine):
    corpus = engine.config.corpus.path
    _publish(engine, publish.upload(engine.config, "iron.md", IRON.encode()))
    assert engine.answer("does spinach have iron?").answered
    undo = publish.preview(engine, publish.rollback(engine.config))
    assert undo.candidate.data is None and undo.title == "Iron notes" and len(undo.removed) == 1
    _publish(engine, undo.candidate)
    assert not (corpus / "iron.md").exists() and not engine.answer("does spinach have iron?").answered

    zinc = (corpus / "zinc.md").read_bytes()
    _publish(engine, publish.removal("zinc.md"))
    assert not (corpus / "zinc.md").exists() and not engine.answer("are oysters rich in zinc?").answered
    _publish(engine, publish.rollback(engine.config))
    assert (corpus / "zinc.md").read_bytes() == zinc and engine.answer("are oysters rich in zinc?").answered


def test_removal_needs_a_known_document_and_leaves_at_least_one(engine):
    with pytest.raises(Rejected) as unknown:
        publish.preview(engine, publish.removal("nothing.md"))
    assert unknown.value.problem is Problem.UNKNOWN_DOCUMENT
    _publish(engine, publish.removal("zinc.md"))
    with pytest.raises(Rejected) as last:
        publish.preview(engine, publish.removal(ARTICLE.name))
    assert last.value.problem is Problem.LAST_DOCUMENT


def test_nothing_to_roll_back_and_reloads_are_listed_but_not_undone(engine):
    with pytest.raises(Rejected) as nothing:
        publish.rollback(engine.config)
    assert nothing.value.problem is Problem.NOTHING_TO_ROLL_BACK
    (engine.config.corpus.path / "iron.md").write_text(IRON, encoding="utf-8")
    publish.record_reload(engine.config, rebuild(engine))
    publish.record_reload(engine.config, rebuild(engine))  # nothing changed: nothing recorded
    entries = publish.History(engine.config.corpus).entries()
    assert [(e.action, e.files, e.admin) for e in entries] == [(Action.RELOAD, ("iron.md",), None)]
    with pytest.raises(Rejected):
        publish.rollback(engine.config)


def test_the_history_keeps_the_last_corpus_history_changes(tmp_path):
    engine = _engine(tmp_path, corpus={"history": 2})
    for n in range(4):
        _publish(engine, publish.upload(engine.config, "zinc.md", EXTRA.replace("immune", f"immune {n}").encode()))
    history = publish.History(engine.config.corpus)
    entries = history.entries()
    assert len(entries) == 2 and sorted(p.name for p in history.folder.iterdir()) == sorted(
        ["log.jsonl", *(e.previous for e in entries)])
    assert b"immune 1" in history.version_before(entries[0]) and b"immune 2" in history.version_before(entries[1])


def test_a_stale_preview_is_previewed_again_not_published(engine):
    corpus = engine.config.corpus.path
    first = publish.preview(engine, publish.upload(engine.config, "iron.md", IRON.encode()))
    _publish(engine, publish.removal("zinc.md"))
    fresh = publish.publish(engine, first, ADMIN)
    assert isinstance(fresh, Preview) and fresh.passages_before == 17 and not (corpus / "iron.md").exists()
    assert isinstance(publish.publish(engine, fresh, ADMIN), publish.Published) and (corpus / "iron.md").exists()


def test_the_gate_blocks_publishing_and_the_file_is_put_back(tmp_path):
    cases = tmp_path / "gate.yaml"
    cases.write_text('- q: how much magnesium should I take per day?\n  expect: ["400-420mg"]\n  kind: in_scope\n')
    engine = _engine(tmp_path, reload={"eval": str(cases), "gate": True, "min_pass_rate": 1.0})
    corpus = engine.config.corpus.path
    before = _files(corpus)
    changed = (corpus / ARTICLE.name).read_bytes().replace(b"400-420mg", b"350-360mg")
    preview = publish.preview(engine, publish.upload(engine.config, ARTICLE.name, changed))
    assert (preview.eval_before, preview.eval_after, preview.blocked_below) == (1.0, 0.0, 1.0)
    assert not preview.publishable
    outcome = publish.publish(engine, preview, ADMIN)  # even if asked to, the reload's gate refuses it
    assert not outcome.result.swapped and "gate" in outcome.result.refused and outcome.entry is None
    history = publish.History(engine.config.corpus)
    assert _files(corpus) == before and history.entries() == []
    assert not history.folder.exists() or not any(history.folder.iterdir())  # the kept copy is dropped too
    assert "400-420mg" in engine.answer("how much magnesium per day?").passages[0].passage.text
    fine = publish.preview(engine, publish.upload(engine.config, "iron.md", IRON.encode()))
    assert fine.publishable and fine.eval_after == 1.0
