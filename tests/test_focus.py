"""The focus model (bot/focus.py): whether a word the corpus lacks is what a question asks about."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from bot import focus, lexicon
from bot.answer import Kind

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_model_loads_with_a_bias_a_threshold_and_general_cues_only():
    found = focus.model()
    assert math.isfinite(found.bias) and math.isfinite(found.threshold)
    assert len(found.weights) > 20
    kinds = {name.split(":")[0] for name in found.weights}
    assert kinds <= {"main", "category", "zipf", "length", "english", "not-english", "before", "after", "also",
                     "plural", "capitalised", "medical-suffix", "related-to-corpus", "placed", "of-subject",
                     "specific", "story", "no-story", "sense", "concrete"}


def test_a_model_file_is_read_as_bias_threshold_and_weights():
    found = focus.read_model("# note\n# bias = -0.5\n# threshold = 0.25 (out of fold)\nzipf:3\t1.5\n")
    assert (found.bias, found.threshold, found.weights) == (-0.5, 0.25, {"zipf:3": 1.5})


def test_a_substance_weighs_towards_the_focus_and_an_idea_towards_context():
    weights = focus.model().weights
    assert weights["category:noun.substance"] > 0 > weights["category:noun.cognition"]


@pytest.mark.parametrize("question", [
    "is it fine to take magnesium alongside ibuprofen?",
    "would magnesium be safe with a glass of wine?",
    "does magnesium help children who have autism?",
    "can a magnesium bath with epsom flakes calm the nerves?",
    "is magnesium okay for my cat?",
    "which brands of magnesium are best?",
])
def test_a_question_about_something_else_stays_a_near_miss(engine, question):
    answer = engine.answer(question)
    assert answer.kind is Kind.WEAK and answer.query.unknown, question


def test_a_question_tag_ends_what_is_asked_it_offers_no_choice():
    tokens = "can i take it with energy drinks or nah".split()
    tagged = focus.cues("drinks", tokens, 6, False, False, False, {"energy"}, False)
    plain = focus.cues("drinks", tokens[:7], 6, False, False, False, {"energy"}, False)
    assert tagged == plain and "after:end" in tagged
    choice = focus.cues("drinks", "with drinks or food".split(), 1, False, False, False, set(), False)
    assert "after:or" in choice


@pytest.mark.parametrize(("question", "word"), [
    ("what's the general principle for taking magnesium safely?", "principle"),
    ("ok so it settles the nerves, but can it also cause insomnia?", "settles"),
    ("which direction does magnesium push sleep, better or worse?", "direction"),
    ("I'm dead tired every afternoon, could it be low magnesium?", "afternoon"),
])
def test_an_everyday_word_of_the_asking_is_context(engine, question, word):
    answer = engine.answer(question)
    assert word in answer.query.context and word not in [c.word for c in answer.query.unknown]
    assert answer.answered, question


def test_a_proposal_only_the_model_turns_away_is_context_in_the_reply(engine, monkeypatch):
    question = "which direction does magnesium push sleep, better or worse?"
    assert engine.answer(question).answered
    monkeypatch.setattr(focus, "is_focus", lambda said: True)  # the lexicon's proposal as it stands
    assert not engine.answer(question).answered


def test_the_build_script_reproduces_the_shipped_weights():
    build = _build_script()
    shipped = (ROOT / "bot" / "data" / "focus-weights.txt").read_text(encoding="utf-8")
    assert build.weights_text(build.paths()) == shipped


def _build_script():
    """scripts/build_focus_model.py, loaded from its file (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_focus_model", ROOT / "scripts" / "build_focus_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_lexicon_gives_every_noun_sense_its_category():
    stroke = lexicon.entry("stroke")
    assert stroke.category == "noun.act" and stroke.senses[0] == "noun.act" and "noun.state" in stroke.senses
    assert lexicon.entry("zinc").senses == ("noun.substance",)
    assert lexicon.entry("quickly").senses == ()  # no noun sense


def test_a_proposal_is_also_weighed_by_its_other_noun_senses():
    said = focus.cues("stroke", ["prevent", "a", "stroke"], 2, False, False, False, frozenset(), False)
    assert "sense:noun.state" in said and "sense:noun.act" not in said  # the most used sense is its category
    assert "concrete:none" in said  # an act, an event, a state, a person, a message...: no thing
    said = focus.cues("zinc", ["with", "zinc"], 1, False, False, False, frozenset(), False)
    assert "concrete:all" in said and not any(c.startswith("sense:") for c in said)
