import json
import re
import subprocess
import sys
import weakref

import pytest

from bot import confidence, evaluate
from bot.answer import Kind
from bot.engine import load
from bot.safety import red_flags

from .conftest import ROOT, project_config


def test_in_scope_question_quotes_the_passage_with_source_and_disclaimer(engine):
    answer = engine.answer("How much magnesium should I take a day?")
    assert answer.answered and "400-420mg" in answer.passages[0].passage.text
    assert answer.passages[0].passage.text in answer.reply
    assert 'section "Tips for Taking Magnesium Safely"' in answer.reply
    assert answer.reply.endswith(engine.config.replies.disclaimer)


def test_off_topic_is_no_match_and_near_miss_is_weak_both_with_disclaimer(engine):
    off = engine.answer("What is the capital of Australia?")
    near = engine.answer("What are the side effects of ibuprofen?")
    assert off.kind is Kind.NO_MATCH and near.kind is Kind.WEAK
    assert off.reply != near.reply
    assert "ibuprofen" in near.reason["unknown"]
    for answer in (off, near):
        assert not answer.answered and answer.reply.endswith(engine.config.replies.disclaimer)


def test_misspellings_are_corrected_but_real_words_are_not(engine):
    assert engine.answer("magnesum headaces").reason["corrected"] == {"magnesum": "magnesium", "headaces": "headaches"}
    assert engine.answer("ibuprofen headaches").reason["corrected"] == {}


def test_synonyms_are_applied_and_shown(engine):
    answer = engine.answer("Mg for sleeplessness?")
    assert answer.answered
    assert answer.reason["expanded"] == {"mg": ["magnesium"], "sleeplessness": ["insomnia"]}
    downsides = engine.answer("any downsides tho", after="is mag good for u")  # words for drawbacks: the risks
    assert "side effects" in downsides.passages[0].text and downsides.answered


def test_follow_up_uses_the_previous_question_and_standalone_does_not(engine):
    alone = engine.answer("and for women?")
    follow = engine.answer("and for women?", after="How much magnesium should I take?")
    assert not alone.answered
    assert follow.answered and "400-420" in follow.passages[0].passage.text
    standalone = engine.answer("Can magnesium cause insomnia?", after="How much magnesium should I take?")
    assert standalone.reason["follow_up_of"] is None and "insomnia" in standalone.passages[0].passage.text


def test_contradictions_are_shown_side_by_side(engine):
    answer = engine.answer("does magnesium affect sleep")
    texts = [f.passage.text for f in answer.passages[:1] + answer.also]
    assert any("insomnia" in t for t in texts) and any("improve sleep quality" in t for t in texts)
    assert engine.config.replies.also_says in answer.reply


@pytest.mark.parametrize("message", ["hi", "Thanks!", "who are you?", "help"])
def test_small_talk_gets_a_friendly_reply_not_a_passage(engine, message):
    answer = engine.answer(message)
    assert answer.kind is Kind.SMALL_TALK and not answer.passages


@pytest.mark.parametrize("flag, example", [(f, e) for f in red_flags().signs for e in f.examples])
def test_every_red_flag_example_gets_the_urgent_notice_first(engine, flag, example):
    answer = engine.answer(example)
    replies = engine.config.replies
    assert answer.emergency is not None and answer.emergency.self_harm == flag.self_harm
    if flag.self_harm:  # the crisis message with the crisis line, and no quote
        assert answer.kind is Kind.CRISIS and not answer.passages
        assert replies.crisis_line in answer.reply and replies.disclaimer not in answer.reply
    else:
        assert answer.reply.startswith(replies.emergency.split("{")[0])
        assert replies.emergency_number in answer.reply.split("\n\n")[0]


def test_emergency_numbers_come_from_the_config(tmp_path):
    engine = load(project_config(tmp_path, replies={"emergency_number": "112", "crisis_line": "988 (call or text)"}))
    assert "call 112 now" in engine.answer("my son is having a seizure right now and is not responding").reply
    assert "988 (call or text)" in engine.answer("nobody would care if i was gone").reply


@pytest.mark.parametrize("name", ["redflags.yaml", "redflags-dev2.yaml", "redflags-probes.yaml", "redflags-dev3.yaml"])
def test_emergency_detection_on_the_labelled_messages(engine, name):
    """Emergencies and calm lookalikes written without seeing the detector (redflags-dev2.yaml: before
    it was changed; redflags-probes.yaml and redflags-dev3.yaml: each round before the changes it led
    to; all since tuned on)."""
    report = evaluate.run(engine, evaluate.read_cases(ROOT / "tests" / "eval" / name))
    recall, false_alarms = report.safety_rates()
    assert report.per_kind["emergency"][1] + report.per_kind["crisis"][1] >= 60 and report.per_kind["calm"][1] >= 60
    assert recall >= 0.95 and false_alarms <= 0.10
    assert report.rate("crisis") >= 0.85  # self-harm gets the crisis reply, not only the notice


def test_emergency_detection_on_the_fourth_rounds_messages(engine):
    """redflags-dev4.yaml: two rounds, each written before the changes it led to (first measurements in
    its header); the bars are lower than for the older sets, which were tuned on for longer."""
    report = evaluate.run(engine, evaluate.read_cases(ROOT / "tests" / "eval" / "redflags-dev4.yaml"))
    recall, false_alarms = report.safety_rates()
    assert recall >= 0.80 and false_alarms <= 0.05 and report.rate("crisis") >= 0.70


def test_emergency_detection_on_the_seventh_rounds_messages(engine):
    """redflags-dev7.yaml: emergencies that are not self-harm (clinician shorthand, someone else told
    calmly), indirect self-harm and calm lookalikes, written before the changes it led to (first
    measurement in its header: recall 87.3%, false alarms 6.7%); since tuned on."""
    report = evaluate.run(engine, evaluate.read_cases(ROOT / "tests" / "eval" / "redflags-dev7.yaml"))
    recall, false_alarms = report.safety_rates()
    assert recall >= 0.95 and false_alarms <= 0.05 and report.rate("crisis") >= 0.90


@pytest.mark.parametrize("question", [
    "Can magnesium cause chest pain?", "does magnesium help with breathing", "what is an overdose of magnesium",
    "can magnesium make you faint", "How much magnesium should I take?"])
def test_ordinary_questions_that_mention_a_symptom_are_not_flagged(engine, question):
    assert engine.answer(question).emergency is None


def test_questions_in_another_language_get_one_line(engine):
    for question in ("¿Cuánto magnesio debo tomar al día?", "Сколько магния нужно принимать?"):
        assert engine.answer(question).kind is Kind.NOT_ENGLISH


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_ask_json_has_exactly_the_documented_shape():
    result = _cli("ask", "Can magnesium cause headaches?", "--json", "--top", "2")
    data = json.loads(result.stdout)
    assert {"question", "answered", "passages", "reply"} <= set(data)
    assert data["answered"] is True and len(data["passages"]) == 2
    assert set(data["passages"][0]) == {"text", "document", "section", "score"}
    assert data["passages"][0]["score"] >= data["passages"][1]["score"]


def test_ask_keeps_the_red_flag_beginnings_beside_the_index_and_reads_them_next_time(tmp_path):
    config = str(project_config(tmp_path))
    seizure = "my son is having a seizure right now and is not responding"
    first = _cli("--config", config, "ask", seizure)
    kept = tmp_path / "cache" / "red-flag-beginnings.json"
    assert kept.exists() and (tmp_path / "cache" / "index.npz").exists()
    written = kept.stat().st_mtime_ns
    second = _cli("--config", config, "ask", seizure)
    urgent = load(config).config.replies.emergency.split("{")[0]
    assert second.stdout == first.stdout and second.stdout.startswith(urgent) and kept.stat().st_mtime_ns == written


def test_the_command_line_loads_without_collecting_and_keeps_collection_on_after():
    script = ("import gc, sys; from bot.__main__ import main; full = []; "
              "gc.callbacks.append(lambda phase, info: phase == 'stop' and full.append(info['generation'])); "
              "code = main(['ask', 'how much magnesium?']); "
              "print(code, gc.isenabled(), gc.get_freeze_count() > 50_000, full.count(2))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split()[-4:] == ["0", "True", "True", "0"]  # answered; on; nltk and the corpus frozen


def test_start_up_loads_what_a_first_question_would_then_freezes_it_and_collects_rarely():
    script = ("import gc; from bot import safety, text; from bot.engine import load, start_up; load(); start_up(); "
              "print(all(safety.red_flags().index._patterns), text._by_consonants.cache_info().currsize, "
              "gc.get_freeze_count() > 40_000, gc.get_count()[0] < 100, gc.get_threshold()[0])")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "1", "True", "True", "20000"]  # nltk's, numpy's, the corpus's objects


def test_chat_reads_piped_lines_and_remembers_the_previous_question():
    questions = "how much magnesium a day?\nand for women?\n"
    result = subprocess.run([sys.executable, "-m", "bot", "chat"], cwd=ROOT, input=questions,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.count("400-420mg") == 2


def test_bad_config_is_one_clear_line_not_a_traceback(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("corpus:\n  path: nowhere\n")
    result = _cli("--config", str(bad), "ask", "hi")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "corpus.path" in result.stderr


def test_check_and_passages_describe_the_corpus():
    check = _cli("check")
    assert check.returncode == 0 and "1 of 1 documents usable" in check.stdout
    assert "Tips for Taking Magnesium Safely" in _cli("passages").stdout


def test_check_names_a_broken_file_and_exits_non_zero(tmp_path):
    from .conftest import project_config

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("# Good\n\nA sentence about magnesium.\n")
    (corpus / "bad.md").write_text("---\ntitle: [oops\n---\nText.\n")
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    result = _cli("--config", str(project_config(tmp_path, corpus={"path": str(corpus)})), "check")
    assert result.returncode == 1
    assert re.search(r"problem: \S*bad\.md: line \d+: front matter is not valid YAML", result.stdout)
    assert "warning: " in result.stdout and "notes.pdf: skipped" in result.stdout
    assert "1 of 2 documents usable" in result.stdout



def test_a_replaced_corpus_version_is_freed(tmp_path):
    # Loaded versions are frozen out of the garbage collector's scans, so one caught in a reference
    # cycle would never be freed: every reload would leak the previous index and spelling tables.
    from bot.config import load_config
    from bot.engine import Engine
    from bot.library import load_library

    config = load_config(project_config(tmp_path))
    engine = Engine(config, load_library(config))
    engine.answer("does magnesium help with sleep?")
    old_library, old_reader = weakref.ref(engine.library), weakref.ref(engine._state.reader)
    engine.use(load_library(config))
    assert old_library() is None and old_reader() is None


def test_every_passage_of_an_answer_exposes_text_document_section_and_score(engine):
    answer = engine.answer("can magnesium cause headaches?")
    assert answer.passages
    for found in answer.passages:
        assert found.text == found.passage.text and found.section == found.passage.section
        assert found.document == found.passage.document and found.score > 0


@pytest.mark.parametrize("question, focus", [
    ("is magnesium glycinate better than citrate", "glycinate"), ("can kids take magnesium", "kids"),
    ("my 6 year old cant sleep, can she take magnesium?", "6 year old"), ("is it ok for my cat", "cat")])
def test_a_focus_the_article_lacks_makes_a_near_miss(engine, question, focus):
    answer = engine.answer(question)
    assert not answer.answered and focus in answer.not_discussed
    assert f"doesn't discuss {focus}" in answer.reply


@pytest.mark.parametrize("question, expected", [
    ("can mag make u jittery tho", "anxiety"),
    ("My husband started magnesium two weeks ago. Now he is wired and on edge all evening. "
     "Could that be the magnesium?",
     "anxiety"),
    ("magnesium in renal impairment", "kidney disease"),
    ("im always tired af does mag help w energy", "boost energy"),
    ("why does magneisum cuase headaches", "vasodilator")])
def test_context_words_slang_and_typos_do_not_make_a_near_miss(engine, question, expected):
    answer = engine.answer(question)
    assert answer.answered and expected in answer.passages[0].text


def test_a_passage_that_points_back_carries_the_sentence_it_points_to(engine):
    for passage in engine.library.passages:
        leaning = ("This can cause", "This is because", "When these", "It has also")
        assert not passage.text.startswith(leaning), passage.text
    quoted = engine.answer("does magnesium cause migraines").passages[0].text
    assert "This can cause headaches and migraines." in quoted and "vasodilator" in quoted
    article = " ".join((ROOT / "corpus" / "the-effects-of-magnesium-on-the-nervous-system.md").read_text().split())
    assert " ".join(quoted.split()) in article  # still the article's own words, in order


def test_a_passage_that_only_announces_does_not_win_over_one_that_states(engine):
    answer = engine.answer("what are the side effects of magnesium")
    assert answer.answered and "we will" not in answer.passages[0].text.casefold()
    # ...unless it covers more of the question: all the article says of gummies is what it will explore
    answer = engine.answer("Does the text address adverse effects of magnesium gummies specifically?")
    assert answer.answered and "gummies" in answer.passages[0].text


@pytest.mark.parametrize("question", ["magneisum side efects", "magnesuim sleeep cuase", "how mcuh magneisum per dya",
                                      "Which comorbidities contraindicate magnesium supplementation?"])
def test_misspelled_english_is_read_as_english(engine, question):
    assert engine.answer(question).kind is not Kind.NOT_ENGLISH


def test_readings_show_words_not_stems(engine):
    answer = engine.answer("is it absorbed well?")
    assert answer.reason["corrected"] == {"absorbed": "absorption"}
    assert answer.query is not None and answer.confidence is not None and answer.confidence.kind is answer.kind


def test_a_concept_weighs_as_its_commonest_way_of_being_said(engine):
    index = engine.library.index
    reader = engine._state.reader
    adverse = next(c for c in reader.read("adverse effects").known if "advers" in c.terms)
    assert confidence.concept_weight(index, adverse) < confidence.weight(index, ("advers",))
    # so a rare synonym of a common idea ("adverse effects": "side effects") does not outweigh the subject
    answer = engine.answer("Is restlessness listed as an adverse effect, and by what mechanism?")
    assert answer.answered and "anxiety and restlessness" in answer.passages[0].text


def test_a_summary_covering_more_only_by_common_words_does_not_win_over_the_passage_stating_it(engine):
    # "tablets" (supplements: in half the article) is how it is asked; headaches are what it is about
    answer = engine.answer("My husband started magnesium tablets last week and now he complains about "
                           "headaches every afternoon. Could the magnesium be causing them?")
    assert answer.answered and "act as a vasodilator" in answer.passages[0].text
    assert not answer.passages[0].text.startswith("In conclusion")
