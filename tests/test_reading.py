"""How questions are read: inflections, word formation, focus and context, follow-ups (one test per mechanism)."""

from __future__ import annotations

from bot import grammar, intent, lexicon, sentences, spelling
from bot.answer import Kind
from bot.query import QueryReader
from bot.text import is_english_word, lemma, message_words, stem, without_vowels
from bot.text import clinical_register


def reader(text: str, synonyms: dict[str, list[str]] | None = None) -> QueryReader:
    """A reader over the words of a small text."""
    surface = {w for w in text.casefold().split()}
    return QueryReader({stem(w) for w in surface}, surface, synonyms or {})


def test_irregular_and_doubled_forms_are_read_as_their_lemma_not_corrected():
    assert [lemma(w) for w in ("took", "came", "children", "upped", "stopping", "sleeping")] == \
        ["take", "come", "child", "up", "stop", "sleep"]
    assert is_english_word("took") and is_english_word("upped")
    query = reader("the same cramps come and go").read("it came back, the cramps")
    assert "came" not in query.corrected  # a real word is not "corrected" to same
    assert stem("come") in query.terms


def test_a_synonym_matches_in_any_inflection_but_a_key_keeps_its_own_meaning():
    synonyms = {"sleep problems": ["insomnia"], "cramps": ["contraction"], "tired": ["energy"]}
    read = reader("insomnia contraction energy tire", synonyms).read
    assert "insomnia" in read("can it cause sleeping problems").terms
    assert "contract" in read("my calves keep cramping").terms
    assert "energi" not in read("how do i change a flat tire").terms  # "tire" is not "tired"


def test_abbreviated_hedges_are_left_out_of_the_reading_but_contractions_stay(engine):
    assert message_words("ngl tbh what does mag do", hedges=False) == ["what", "does", "mag", "do"]
    assert message_words("im 15 rn", hedges=False) == ["i", "am", "15"]
    assert message_words("ngl") == ["not", "going", "to", "lie"]  # spelled out for the emergency check
    answer = engine.answer("ngl what does mag even do for ur body")
    assert answer.answered and "going" not in answer.reason["context"]


def test_a_related_word_counts_only_when_the_corpus_has_that_word_not_just_its_stem():
    query = reader("physical benefits of the kidney").read("is it a cathartic")  # WordNet: cathartic ~ physic
    assert [c.word for c in query.unknown] == ["cathartic"]
    assert "kidney" in reader("physical benefits of the kidney").read("renal benefits").expanded["renal"]


def test_medical_word_formation_reads_a_clinical_word_as_the_plain_words_it_is_made_of():
    def whole(piece: str) -> str | None:
        return {"therapeutic": "therapeutic", "inflammatory": "inflammatory", "magnes": "magnesium"}.get(piece)

    assert lexicon.gloss("neuralgia", whole) == ("nerve", "pain")
    assert lexicon.gloss("supratherapeutic", whole) == ("too", "much", "therapeutic")
    # anti-: what it works against; inflamm- and -atory are both parts of the table
    assert lexicon.gloss("antiinflammatory", whole) == ("reduce", "inflammation")
    assert lexicon.gloss("hypomagnesemia", whole) == ("too", "little", "magnesium")
    assert lexicon.gloss("hepatotoxic", whole) == ("liver", "toxicity")
    assert lexicon.gloss("glycinate", whole) is None and lexicon.gloss("costco", whole) is None
    assert lexicon.gloss("subway", lambda piece: piece, root_needed=True) is None  # a dictionary word needs a root


def test_a_clinical_word_is_known_when_its_parts_are_and_a_focus_when_one_part_is_not():
    read = reader("nerve pain kidney inflammation of the nerves", {"too much": ["excess"]}).read
    assert {"nerv", "pain"} <= set(read("does it help neuralgia").terms)
    assert {"kidney"} <= set(read("renoprotective effect?").terms)
    assert [c.word for c in read("is it hepatotoxic").unknown] == ["hepatotoxic"]  # liver: not in the corpus
    assert [c.word for c in read("safe in pediatric use?").unknown] == ["pediatric"]  # children


def test_adjectives_of_age_restrict_the_question_other_attributes_do_not():
    assert lexicon.is_focus(lexicon.entry("elderly"), True) and lexicon.is_focus(lexicon.entry("older"), True)
    assert not lexicon.is_focus(lexicon.entry("prolonged"), True)
    assert lexicon.entry("antibiotics").main == "n"  # a plural is a noun


def test_a_state_of_the_person_in_the_story_restricts_the_question(engine):
    answer = engine.answer("That sounds great, but I'm pregnant right now. Can I take it too?",
                           after="does magnesium help with stress")
    assert not answer.answered and "pregnant" in answer.not_discussed
    story = engine.answer("My husband is always tired and grumpy. Could magnesium help his energy?")
    assert story.answered


def test_a_question_pointing_back_asks_the_story_s_last_statement_the_rest_sets_the_scene(engine):
    answer = engine.answer("Retired teacher here, looking after my grandkids most afternoons. "
                           "My sister-in-law says magnesium eased her nerve pain. Is there any truth to it?")
    assert answer.answered and "reduce inflammation in the nerves" in answer.passages[0].text
    answer = engine.answer("Our house is chaos with exams coming up. "
                           "My friend swears magnesium takes the edge off her daughter's stress. Is that true?")
    assert answer.answered and "reduce feelings of anxiety and stress" in answer.passages[0].text


def test_a_question_naming_the_subject_and_pointing_at_a_thing_of_the_story_asks_about_that_thing(engine):
    for question, thing in [("My son has ADHD. Would magnesium help with that?", "adhd"),
                            ("She takes sertraline. Could that lower her magnesium?", "sertraline"),
                            ("My mom has eczema. Does magnesium do anything for this?", "eczema"),
                            ("I take metformin; can that drain my magnesium?", "metformin"),
                            ("I'm on warfarin. Is that a problem?", "warfarin"),
                            ("My wife has fibromyalgia. Would magnesium help with that?", "fibromyalgia")]:
        answer = engine.answer(question)
        assert not answer.answered and answer.not_discussed == (thing,), question
    # household things of the story, and a verb after its subject, are not what it asks about
    answer = engine.answer("My son is 15 and takes magnesium before bed, but he lies awake. Can magnesium do that?")
    assert answer.answered and not answer.not_discussed
    answer = engine.answer("He is on sertraline. Is magnesium good for sleep?")  # names its own subject
    assert answer.answered
    answer = engine.answer("I take iron. Can magnesium be taken with that?")  # a combination: the caution answers
    assert answer.answered


def test_a_noun_after_same_names_again_what_was_said_before():
    read = reader("magnesium headaches insomnia cause").read
    for question in ("Same culprit?", "could it be the same agent?", "same substance again?"):
        query = read(question, after="can magnesium cause headaches?")
        assert not query.unknown and query.context, question
    assert [c.word for c in read("is it the culprit?", after="can magnesium cause headaches?").unknown] == ["culprit"]


def test_the_scene_weighs_less_only_when_the_question_sentence_names_nothing_of_its_own():
    read = reader("energy sleep night gummies magnesium").read
    bare = read("I work nights now. My friend says magnesium gives energy. Is that so?")
    assert {c.word: c.weight for c in bare.known} == {"nights": 1.0, "magnesium": 2.0, "energy": 2.0}
    named = read("I work nights now. My friend gives her kids gummies. Could those ruin sleep?")
    assert {c.word: c.weight for c in named.known}["nights"] == 2.0  # the whole story is what it asks about


def test_a_follow_up_that_only_points_back_takes_the_previous_subject_whole():
    read = reader("magnesium deficiencies epilepsy depression anxiety headaches").read
    pointing = read("wait which ones exactly", after="can magnesium deficiencies cause problems")
    assert pointing.follow_up_of and all(c.weight == 1.0 for c in pointing.known)
    assert pointing.asked >= 1  # the borrowed subject counts as asked: "wait" is not most of the question
    own = read("and headaches?", after="can magnesium deficiencies cause problems")
    assert {c.word: c.weight for c in own.known} == {"headaches": 2.0, "magnesium": 0.5, "deficiencies": 0.5}


def test_a_follow_up_naming_a_person_by_relation_asks_the_previous_question_for_them(engine):
    for question in ("does that go for my grandma too?", "does that hold for my uncle as well?"):
        assert engine.answer(question, after="whats the daily dose for adults").answered, question
    # on its own, a message mostly of things the corpus lacks is still not answered
    assert not engine.answer("my grandma wants to translate good night into French").answered


def test_a_vitamin_named_by_its_letter_and_number_is_one_name(engine):
    for question, name in [("is b12 ok with mag?", "b12"), ("magnesium with B6, is it the same thing?", "b6"),
                           ("Should I take D3 with my magnesium?", "d3")]:
        answer = engine.answer(question)
        assert not answer.answered and name in answer.not_discussed, question
    assert engine.answer("Is 400 mg of magnesium a day right for adults?").answered  # a number alone names nothing


def test_a_follow_up_naming_its_own_thing_keeps_whom_the_question_before_was_for_not_what_it_lacked(engine):
    for question, after in [("and does it help anxiety?", "can I take magnesium with sertraline?"),
                            ("does it also help w focus?", "is mag good for sleep or is that just instagram hype")]:
        assert engine.answer(question, after=after).answered, question
    for question, after, whom in [("is it bad for the kidneys?", "can my dog have magnesium?", "dog"),
                                  ("does it help their sleep too?", "is magnesium safe for toddlers?", "toddlers")]:
        answer = engine.answer(question, after=after)
        assert not answer.answered and whom in answer.not_discussed, question
    how_much = engine.answer("and how much of it?", after="is glycinate better?")  # the kind of answer: no thing
    assert not how_much.answered
    at_night = engine.answer("and at night?", after="can I take magnesium with coffee?")  # a fragment: still coffee
    assert not at_night.answered and at_night.not_discussed == ("coffee",)


def test_an_adjective_ending_a_yes_no_question_about_a_person_says_how_the_person_is():
    read = reader("headaches magnesium common").read
    for question in ("my son gets headaches from it, is he just sensitive?", "or is she just unlucky?"):
        assert not read(question).unknown, question
    assert [c.word for c in read("is it addictive?").unknown] == ["addictive"]  # said of the thing: its focus
    assert [c.word for c in read("is she pregnant?").unknown] == ["pregnant"]  # a state the lexicon names


def test_a_time_after_per_is_the_unit_of_an_amount_not_a_focus(engine):
    for question, time in [("how many mg per week is safe?", "week"), ("is 3000 mg per month too much?", "month")]:
        assert time in engine.answer(question).query.context, question
    assert engine.answer("Per day or per week?", after="What is the recommended intake for adults?").answered


def test_a_short_word_in_capitals_is_an_acronym_not_a_slip(engine):
    for question, acronym in [("Can it interfere with his CPAP?", "cpap"), ("is it safe with MRSA?", "mrsa")]:
        answer = engine.answer(question, after="can magnesium help sleep?")
        assert acronym not in answer.query.corrected and acronym in answer.not_discussed, question
    assert engine.answer("CAN MAGNESIUM HELP MY SLEPP").answered  # a message all in capitals is still read


def test_which_form_asks_for_forms_named_which_the_article_does_not_name(engine):
    for question, after in [("Which form absorbs best?", "Is it better to get magnesium from supplements?"),
                            ("what form of magnesium should I buy?", None),
                            ("which forms of mag work for sleep?", None)]:
        answer = engine.answer(question, after=after)
        assert not answer.answered and "list of examples" in answer.reason["why"], question
    assert engine.answer("is it best in the form of a supplement?").answered  # the form the article names


def test_an_amount_counted_in_products_is_not_answered_by_the_daily_amount(engine):
    for question, after in [("and how much is in one gummy?", "How much magnesium do adults need a day?"),
                            ("so how many tablets is that?", "what is the daily dose for adults?"),
                            ("how many mg of magnesium per capsule?", None)]:
        answer = engine.answer(question, after=after)
        assert not answer.answered and "product's amount" in answer.reason["why"], question
    assert engine.answer("How much magnesium do adults need a day?").answered


def test_a_summary_ranks_below_the_passage_that_states_the_same(engine):
    assert intent.sums_up("In conclusion, magnesium is an important mineral.") and not intent.sums_up("Magnesium is.")
    for question in ("what does magnesium do for the body", "should I see a doctor before starting magnesium"):
        assert not engine.answer(question).passages[0].text.startswith("In conclusion"), question


def test_only_announces_holds_when_every_sentence_on_the_subject_announces():
    about = frozenset({"sleep"})
    announcing = "In this article, we will explore sleep. Magnesium is a mineral."
    assert intent.only_announces(announcing, about)
    assert not intent.only_announces(announcing + " Magnesium improves sleep.", about)  # one states it
    assert not intent.only_announces("In this article, we will explore magnesium. It helps sleep.", about)
    assert not intent.only_announces("Magnesium improves sleep. It calms nerves.", about)  # no announcement
    assert not intent.only_announces("In this article we will explore zinc.", about)  # nothing on the subject


def test_a_question_naming_a_section_heading_gets_the_passage_that_opens_it(engine):
    first = next(p for p in engine.library.passages if p.section == "Tips for Taking Magnesium Safely")
    assert engine.answer("tips for taking magnesium").passages[0].text == first.text
    # "supplements", in half the article, is how it asks; "used for" (benefits) is what it asks about
    benefits = next(p for p in engine.library.passages if p.section == "The Benefits of Magnesium")
    assert engine.answer("wht are magnesium supplements used for").passages[0].text == benefits.text


def test_word_pairs_are_matched_after_misspellings_are_fixed(engine):
    assert "blood pressure and cholesterol" in engine.answer("can magnesum help my blod presure").passages[0].text


def test_a_brand_or_other_name_is_a_focus_the_article_may_lack(engine):
    assert lexicon.entry("brand").category == "name" and lexicon.is_focus(lexicon.entry("brand"), True)
    answer = engine.answer("which magnesium brand works best?")
    assert not answer.answered and "brand" in answer.not_discussed


def test_a_question_that_names_neither_the_subject_nor_the_article_is_not_answered(engine):
    for question in ("how do I improve my memory for exams", "what is the function of the brain"):
        answer = engine.answer(question)
        assert answer.kind is Kind.NO_MATCH, question
    for question in ("does it help with memory", "how much should I take a day", "can magnesium improve memory"):
        assert engine.answer(question).answered, question
    assert engine.answer("and for memory?", after="does magnesium help concentration").answered


def test_the_question_sentence_outweighs_the_story_unless_it_only_points_at_it():
    read = reader("magnesium depression food minerals kidney problems include").read
    query = read("My sister eats badly and gets few minerals. Does magnesium help with depression?")
    weights = {c.word: c.weight for c in query.known}
    assert weights["depression"] == 2.0 and weights["minerals"] == 0.5
    again = read("My sister has depression. Does magnesium help with depression?")
    # said again in the question: it weighs as there
    assert {c.word: c.weight for c in again.known}["depression"] == 2.0
    pointing = read("He has had kidney problems for years. Does that include him?")
    assert {c.word: c.weight for c in pointing.known}["kidney"] == 2.0  # the story is what it asks about


def test_people_of_the_story_restrict_only_a_question_about_them():
    read = reader("magnesium muscles contract relax take").read
    general = read("My teenage son gets cramps after basketball. "
                   "What role does magnesium play in how muscles contract?")
    assert not general.unknown and "teenage" in general.context
    personal = read("My teenage son gets cramps after basketball. Can he take magnesium?")
    assert [c.word for c in personal.unknown] == ["teenage"]


def test_a_wordnet_phrase_the_corpus_has_no_word_of_is_read_as_one_word():
    read = reader("magnesium sleep headaches take supplement").read
    messed = read("can magnesium mess up my sleep")
    assert not messed.unknown and "mess up" in messed.context  # a verb phrase, not "mess" (a state)
    assert "mess up" in read("it messed me up").context
    assert "in the first place" in read("why does magnesium cause headaches in the first place").context
    story = read("He takes fish oil every day. Can he take magnesium?")
    assert not story.unknown and "fish oil" in story.context  # a substance, not an animal of the story
    assert [c.word for c in read("can i take magnesium with fish oil").unknown] == ["fish oil"]
    assert "birth" in [c.word for c in read("does magnesium interact with birth control").unknown]


def test_an_ing_form_after_a_form_of_be_is_read_as_a_verb():
    query = reader("magnesium head").read("my head is killing me, is it the magnesium")
    assert not query.unknown and "killing" in query.context
    assert [c.word for c in reader("magnesium").read("is magnesium ok for killing whales").unknown]


def test_shortened_kin_words_are_kin_and_contractions_are_spelled_out():
    assert message_words("bro my lil bro hes 12") == ["brother", "my", "lil", "brother", "he", "is", "12"]


def test_a_misspelling_is_read_as_the_likeliest_word_typed_with_the_commonest_slips():
    from bot.spelling import _typing_cost
    from bot.text import frequency
    assert _typing_cost("wiat", "wait") == 0.5 and _typing_cost("wiat", "what") == 1.0  # a swap, not a far key
    assert _typing_cost("hapen", "happen") == 0.5 and _typing_cost("hapen", "haven") == 1.0  # an undoubled letter
    assert _typing_cost("magnesiun", "magnesium") == 0.5  # the key next to it
    assert frequency("amount") > frequency("amour") > frequency("glycinate") == 0.0
    read = reader("magnesium insomnia recommended amount adults").read
    assert read("wiat why does that hapen tho").corrected == {"wiat": "wait", "hapen": "happen"}
    assert read("the recomended amout for adluts").corrected["amout"] == "amount"  # not amour, a key away


def test_a_follow_up_asking_what_follows_from_it_wants_a_consequence():
    shapes = [i.name for i in intent.of_question("and what if u go over that?")]
    assert shapes == ["consequence"] and not intent.of_question("what is magnesium")
    consequence = intent.INTENTS[[i.name for i in intent.INTENTS].index("consequence")]
    assert intent.answers(consequence, "Too much can lead to adverse side effects.")


def test_the_kind_of_answer_is_read_from_the_question_sentence_as_meant():
    query = reader("magnesium recommended amount adults").read(
        "My son takes 500mg tablets. whats the recomended amout?")
    assert query.asking == "what is the recommended amount"
    assert [i.name for i in intent.of_question(query.asking)] == ["quantity"]


def test_words_after_the_question_are_context_even_when_it_points_back():
    read = reader("magnesium products excess").read
    query = read("And what happens if he goes over that? He takes two products.")
    assert {c.word: c.weight for c in query.known}["products"] == 0.5


def test_a_body_part_that_says_where_a_symptom_is_is_context_not_focus():
    read = reader("magnesium nerve pain help inflammation").read
    located = read("my wrist nerve pain is so bad could magnesium help")
    assert not located.unknown and "wrist" in located.context
    assert [c.word for c in read("does magnesium help my liver").unknown] == ["liver"]
    assert [c.word for c in read("is magnesium good for bones").unknown] == ["bones"]  # next to the subject only


def test_words_pointing_at_the_article_are_not_subjects_it_lacks():
    read = reader("blood pressure cholesterol", {"lipid": ["cholesterol"]}).read
    query = read("Any claims regarding lipid profile or blood pressure modulation?")
    assert "claims" in query.context and query.unrelated == 3 == query.asked  # regarding, profile, modulation


def test_word_parts_read_a_drug_class_as_what_it_acts_on():
    assert lexicon.gloss("analgesic", lambda piece: None) == ("without", "pain")


def test_a_clinical_word_with_a_part_naming_a_thing_the_corpus_lacks_is_a_focus():
    read = reader("magnesium excess deficiencies depression", {"too little": ["deficiencies"]}).read
    assert [c.word for c in read("does it cause hyporeflexia").unknown] == ["hyporeflexia"]  # reflex: a thing
    assert not read("is it hypomagnesemia").unknown  # too little magnesium: all in the corpus


def test_clinical_shorthand_is_spelled_out_and_read_never_dropped_as_a_hedge(engine):
    assert message_words("Mg in the CNS for adult pts? lol", hedges=False) == \
        ["mg", "in", "the", "nervous", "system", "for", "adult", "patients"]
    assert engine.answer("Recommended daily intake of Mg in adult pts?").answered
    assert not engine.answer("Mg dosing in CKD pts with hepatic encephalopathy?").answered  # liver: lacking
    # an acute kidney injury is a condition of the kidneys, which the article warns about
    assert "kidney disease" in engine.answer("Mg dosing in CKD pts with an AKI?").passages[0].text
    peds = engine.answer("peds dosing?", after="RDA stated for adults?")  # not "beds": children the article lacks
    assert not peds.answered and peds.not_discussed == ("pediatric",)
    assert engine.answer("CI in renal dz?", after="Who should avoid Mg?").answered  # a contraindication


def test_a_word_ending_in_ss_is_not_read_as_a_plural(engine):
    assert [lemma(w) for w in ("mess", "stress", "masses", "cramps")] == ["mess", "stress", "mass", "cramp"]
    assert engine.answer("can too much mag mess u up").answered  # "mess up", not "mes"


def test_the_reporting_verbs_of_academic_english_point_at_the_article():
    for question in ("Is concomitant use with other medications addressed?", "Is the insomnia attributed to it?",
                     "Which effects are described?", "Is a mechanism proposed?", "Are interactions noted?"):
        assert intent.refers_to_subject(question), question
    assert not intent.refers_to_subject("how do I improve my memory for exams")


def test_a_past_participle_the_lexicon_lacks_is_read_as_its_verb_not_its_noun(engine):
    assert lexicon.entry("flagged").main == "v" and lexicon.entry("flag").main == "n"
    assert lexicon.entry("tired").main == "a"  # a word of its own keeps its own reading
    assert engine.answer("Are any drug-supplement interactions flagged?").answered


def test_too_at_the_end_of_a_clause_means_also_not_an_excess():
    read = reader("too much magnesium reduces inflammation in the nerves").read
    assert "too" not in read("in the nerves too or just the body").terms
    assert "too" in read("is 400mg too high").terms


def test_a_thing_is_not_known_through_what_one_does_with_it():
    read = reader("magnesium can reduce blood pressure").read
    assert [c.word for c in read("what about blood thinners").unknown] == ["thinners"]  # WordNet: thinner ~ reduce
    assert "kidney" in reader("the kidney").read("renal benefits").expanded["renal"]  # an adjective still is


def test_a_body_part_naming_a_kind_of_state_the_article_names_by_body_part_is_a_focus(engine):
    answer = engine.answer("What about someone with liver disease?",
                           after="Is magnesium safe for people with heart problems?")
    assert not answer.answered and answer.not_discussed == ("liver disease",)  # the article says "kidney disease"
    assert engine.answer("can magnesium help my wrist nerve pain").answered  # where the pain is, not a kind
    assert engine.library.index.preceding(stem("disease")) >= {stem("kidney")}


def test_an_abstract_noun_beside_two_specific_things_the_article_has_is_how_the_question_is_framed(engine):
    answer = engine.answer("Is the insomnia attributed to suppression of melatonin and a disturbance of sleep?")
    assert answer.answered and {"suppression", "disturbance"} <= set(answer.query.context)
    assert not engine.answer("can magnesium make you gain weight").answered  # nothing else is named
    assert not engine.answer("does magnesium help muscle growth").answered  # one specific thing only


def test_a_compound_of_the_synonyms_also_matches_turned_round_with_a_preposition():
    read = reader("insomnia sleep problems", {"sleep problems": ["insomnia"]}).read
    assert "insomnia" in read("why does it make problems with sleeping").terms
    assert "insomnia" in read("a problem for sleep").terms
    assert "insomnia" not in read("sleep with problems").terms  # the head noun comes first


def test_a_question_about_harm_wants_a_passage_saying_it_harms_also_when_it_only_points_back(engine):
    assert [i.name for i in intent.of_question("can it mess up my sleep")] == ["harm"]
    assert [i.name for i in intent.of_question("does it help me sleep")] == ["benefit"]  # not harm
    assert "harm" in [i.name for i in intent.of_question("is that possible", "he is sleeping worse than before")]
    # the story says which way: "sleeping worse" is not the passage saying it improves sleep
    answer = engine.answer("I've been giving my husband magnesium to help him sleep, but he says he's "
                           "sleeping worse than before. Is that possible?")
    assert "interfere with melatonin production" in answer.passages[0].text
    follow = engine.answer("wait how come", after="can mag mess up ur sleep")
    assert "interfere with melatonin production" in follow.passages[0].text


def test_which_people_and_contraindications_ask_who_and_cautions_point_at_taking_it(engine):
    for question in ("which patient populations should avoid it", "what kind of people should not take it",
                     "does it list contraindications"):
        assert "person" in [i.name for i in intent.of_question(question)], question
    assert intent.refers_to_subject("Any cautions for patients with cardiac disease?")
    answer = engine.answer("Which patient populations does it advise should avoid magnesium?")
    assert "kidney disease or heart problems" in answer.passages[0].text


def test_prepositions_are_not_words_the_article_lacks(engine):
    answer = engine.answer("Is insomnia listed among the adverse effects of Mg excess?")
    assert answer.answered and "among" not in answer.reason["unknown"]


def test_a_follow_up_going_past_the_amount_asked_for_asks_about_too_much(engine):
    for said in ("and if u go over that?", "what if you take more then that", "And if I take more, is it bad?",
                 "and if she takes twice that?", "what if i doubled it"):
        follow = engine.answer(said, after="How much magnesium should an adult take per day?")
        assert "avoid taking too much magnesium" in follow.passages[0].text, said
    # after a question that asks no amount, or followed by what there is more of, it is not an excess
    more = engine.answer("and for more energy?", after="How much magnesium should I take?")
    assert "too much" not in more.query.expanded
    other = engine.answer("and if I take more?", after="Does magnesium help anxiety?")
    assert "too much" not in other.query.expanded


def test_the_article_s_writer_and_versus_are_not_subjects_it_lacks(engine):
    answer = engine.answer("Does the author attribute Mg-related headache to vasodilation?")
    assert answer.answered and "act as a vasodilator" in answer.passages[0].text
    assert "versus" not in engine.answer("Is magnesium from food versus supplements better?").reason["unknown"]
    assert not engine.answer("Does the author discuss glycinate?").answered  # the focus still decides
    # nor a word to search for: "In this article, we will..." is not what "does the article list..." asks
    listed = engine.answer("Does the article list insomnia as an adverse effect?")
    assert "articl" not in listed.query.terms and "insomnia" in listed.passages[0].text


def test_the_bare_noun_of_a_compound_preposition_is_how_it_is_said_not_a_focus(engine):
    answer = engine.answer("I already take iron every morning. Is it okay to add magnesium on top of that?")
    assert answer.answered and "top" not in answer.reason["unknown"]
    assert "other supplements or medications" in answer.passages[0].text
    assert not engine.answer("does magnesium help in cases of acne").answered  # what follows still decides
    said = "is magnesium good for the top of my head".split()
    assert not grammar._in_compound_preposition(said, said.index("top"))  # not bare: bot.focus weighs it


def test_a_synonym_does_not_break_up_the_article_s_own_word_pair():
    surface = {"magnesium", "nervous", "system", "anxiety"}
    read = QueryReader({stem(w) for w in surface}, surface, {"nervous": ["anxiety"]},
                       preceding=lambda term: frozenset({"nervous"}) if term == "system" else frozenset()).read
    assert "anxieti" not in read("what does magnesium do in the nervous system").terms
    assert "anxieti" in read("does magnesium make you nervous").terms


def test_a_follow_up_swapping_what_is_asked_about_borrows_the_subject_not_the_focus(engine):
    follow = engine.answer("and what about blood presure", after="can magnesium help with migranes")
    assert "regulate blood pressure" in follow.passages[0].text
    assert "migrain" not in follow.query.terms
    # a follow-up that adds to the previous question keeps its focus
    assert "migrain" in engine.answer("and why", after="can magnesium help with migranes").query.terms


def test_a_clinical_word_whose_root_names_a_thing_the_corpus_lacks_is_a_focus_whatever_else_the_word_is(engine):
    assert "joint" in lexicon.root_words() and lexicon.entry("joint").main != "n"
    assert not engine.answer("does magnesium help with arthritis").answered  # joint inflammation
    assert engine.answer("does magnesium help with neuralgia").answered  # nerve pain


def test_between_passages_answering_the_question_sentence_the_story_s_words_do_not_decide(engine):
    answer = engine.answer("I take lots of magnesium and lately at night I feel restless. "
                           "Can magnesium make you anxious?")
    assert answer.answered and "balance of neurotransmitters" in answer.passages[0].text  # not "night", "excess"


def test_a_real_word_is_read_as_the_word_its_place_says_was_meant(engine):
    assert engine.answer("is magnesium bad for people with hart problems").query.corrected["hart"] == "heart"
    assert engine.answer("how dose it do that", after="can magnesium help nerve pain").query.corrected == \
        {"dose": "does"}
    assert "hart" not in engine.answer("is a hart an animal").query.corrected  # no corpus pair: as written
    assert "dose" not in engine.answer("what dose is right for adults").query.corrected
    # before the article's subject too, not only before a pronoun
    assert engine.answer("how dose magnesium help sleep").query.corrected == {"dose": "does"}
    assert "dose" not in engine.answer("what dose magnesium is right for adults").query.corrected


def test_a_condition_after_an_organ_the_article_names_conditions_by_is_that_condition(engine):
    renal = engine.answer("Is it safe with renal insufficiency?")
    assert renal.answered and renal.query.expanded["insufficiency"] == ["disease"]
    assert "kidney disease or heart problems" in renal.passages[0].text
    assert engine.answer("can people with heart failure take magnesium").answered
    assert engine.library.index.following("kidney") == frozenset({"diseas"})
    for lacking in ("is magnesium ok with kidney stones", "what about liver failure", "can magnesium cause diarrhea"):
        assert not engine.answer(lacking).answered, lacking  # a thing, another organ, or what is done


def test_a_lower_scoring_passage_covering_the_whole_question_is_weighed_when_the_close_ones_cover_part(engine):
    answer = engine.answer("Why magnesium is giving headache when I take too much of it?")
    assert "act as a vasodilator" in answer.passages[0].text  # not "avoid taking too much magnesium"
    follow = engine.answer("and if u go over that?", after="how much mag r u supposed to take a day")
    assert "avoid taking too much magnesium" in follow.passages[0].text


def test_needing_something_is_not_asking_how_much(engine):
    answer = engine.answer("What is magnesium and why body need it?")
    assert "essential mineral" in answer.passages[0].text
    assert "400-420mg" in engine.answer("how much magnesium do i need").passages[0].text


def test_an_opening_clause_that_sets_a_condition_is_not_what_is_asked():
    read = reader("magnesium enough disease take headaches").read
    assert read("When body don't have enough magnesium, it is connected with which illness?").asking == \
        "it is connected with which illness"
    assert not intent.of_question(read("When I take magnesium, is it connected with headaches?").asking)
    assert [i.name for i in intent.of_question(read("When should I take magnesium, morning or night?").asking)] \
        == ["time or place"]


def test_an_age_said_after_he_is_only_restricts_the_follow_up(engine):
    answer = engine.answer("And for him? He's only 9.", after="How much magnesium should an adult take?")
    assert answer.kind is Kind.WEAK
    assert engine.answer("And for him? He's 40.", after="How much magnesium should an adult take?").answered


def test_a_question_asking_for_evidence_wants_the_article_s_studies_and_its_evidence_word_is_how_it_asks(engine):
    assert [i.name for i in intent.of_question("source?")] == ["evidence"]
    assert not intent.of_question("what are the best sources of magnesium")
    follow = engine.answer("source?", after="does magnesium help depression")
    assert "Studies have shown" in follow.passages[0].text  # not "food sources"
    assert "source" in follow.query.context


def test_a_question_asking_which_foods_or_medications_needs_a_passage_naming_some(engine):
    assert engine.answer("what foods naturally contain magnesium").kind is Kind.WEAK
    assert engine.answer("Which ones?", after="Can magnesium interfere with other medications?").kind is Kind.WEAK
    listed = intent.INTENTS[[i.name for i in intent.INTENTS].index("list of examples")]
    assert intent.answers(listed, "Avoid other supplements such as zinc or iron.")
    assert not intent.answers(listed, "Be careful with other medications. Avoid it, such as with kidney disease.")
    assert engine.answer("Which ones?", after="Does magnesium have side effects?").answered


def test_a_question_sentence_naming_nothing_asks_about_the_story_before_it(engine):
    answer = engine.answer("Ever since he started magnesium my teenager seems restless. What could be going on?")
    assert answer.answered and "anxiety and restlessness" in answer.passages[0].text
    general = reader("magnesium restless take").read("My teenager seems restless. What could be going on?")
    assert general.asked >= 1 and not general.unknown


def test_a_lower_scoring_passage_with_the_kind_of_answer_asked_for_is_weighed_when_no_close_one_has_it(engine):
    answer = engine.answer("how much is too much?", after="what happens if I take too much magnesium")
    assert answer.answered and "400-420mg" in answer.passages[0].text  # a number, not only "too much"
    reason = engine.answer("Mechanism?", after="Does the article list insomnia as an adverse effect?")
    assert "interfere with melatonin production" in reason.passages[0].text


def test_include_is_how_a_follow_up_asks_not_a_subject(engine):
    answer = engine.answer("Does that include inflammation in the nerves?",
                           after="Does magnesium help with inflammation?")
    assert "reduce inflammation in the nerves" in answer.passages[0].text  # not "..., including the nervous system"
    assert all(c.phrasing for c in answer.query.concepts if c.word == "include")


def test_a_contraindication_wants_who_should_avoid_it_not_who_may_take_it(engine):
    answer = engine.answer("Any populations in whom it's contraindicated?", after="What is the stated adult dose?")
    assert "kidney disease or heart problems" in answer.passages[0].text  # not "400-420mg per day for adults"
    caution = intent.INTENTS[[i.name for i in intent.INTENTS].index("caution")]
    assert not intent.answers(caution, "The recommended daily dosage is 400-420mg per day for adults.")


def test_a_phrase_naming_a_kind_of_a_corpus_thing_by_a_word_the_corpus_lacks_is_a_focus(engine):
    answer = engine.answer("What about cluster headache specifically?", after="Does it address Mg and headache?")
    assert answer.kind is Kind.WEAK and answer.not_discussed == ("cluster headache",)
    assert engine.answer("can magnesium cause migraine headaches").answered  # both words the article's


def test_a_kin_word_related_to_a_time_of_life_names_a_person_by_age(engine):
    assert lexicon.entry("babies").category == "life-stage" and lexicon.entry("son").category == "kin"
    assert engine.answer("can babies have magnesium").kind is Kind.WEAK


def test_a_what_question_after_discourse_openers_or_another_sentence_still_asks_what():
    assert intent.asks_what("ok so what does it even do")
    assert intent.asks_what("Magnesium is good for nervous? What it does exactly?")
    assert not intent.asks_what("does it help with sleep")
    assert not intent.asks_what("so does it help? i wonder")


def test_a_general_question_opened_by_a_discourse_marker_gets_the_defining_passage(engine):
    assert "essential mineral" in engine.answer("ok so what does magnesium even do in ur body").passages[0].text


def test_a_verb_of_saying_beside_a_subject_is_how_it_is_asked_not_what(engine):
    answer = engine.answer("Is the vasodilatory effect of magnesium discussed?")
    assert "act as a vasodilator" in answer.passages[0].text  # not "We will also discuss..."
    assert "discussed" in answer.query.context
    alone = engine.answer("what does the article discuss")
    assert alone.kind is Kind.ANSWER and "We will" in alone.passages[0].text


def test_which_ones_asks_what_the_question_it_points_at_asks(engine):
    assert [i.name for i in intent.of_question("which of them?", "who should not take magnesium")] == \
        ["person", "caution"]
    assert not intent.of_question("which of them?")
    answer = engine.answer("which ones exactly?", after="Is magnesium contraindicated anywhere?")
    assert "kidney disease or heart problems" in answer.passages[0].text


def test_a_question_asking_what_to_do_wants_the_article_s_advice_to_see_a_doctor(engine):
    assert [i.name for i in intent.of_question("what should we do about it")] == ["advice"]
    assert [i.name for i in intent.of_question("should she keep taking it")] == ["advice"]
    advice = intent.INTENTS[[i.name for i in intent.INTENTS].index("advice")]
    assert intent.answers(advice, "Talk to your doctor first.")
    assert not intent.answers(advice, "Doctors have studied it.")
    answer = engine.answer("what should i do then", after="magnesium is giving me insomnia")
    assert "speak with" in answer.passages[0].text


def test_a_word_naming_the_reason_asked_for_is_how_the_question_asks_not_a_focus(engine):
    answer = engine.answer("what's the pathway?", after="Can magnesium cause headaches?")
    assert answer.answered and "act as a vasodilator" in answer.passages[0].text
    assert "pathway" in answer.query.context
    assert not intent.names_asked_kind("pathway", intent.of_question("how much a day"))  # asks no reason


def test_a_dosage_form_is_read_as_a_medication_or_a_supplement(engine):
    answer = engine.answer("is it ok to take magnesium alongside my other capsules")
    assert "other supplements or medications" in answer.passages[0].text
    assert answer.reason["expanded"]["capsules"] == ["supplement", "medications"]


def test_what_happens_after_taking_things_together_wants_what_it_interferes_with(engine):
    consequence = intent.INTENTS[[i.name for i in intent.INTENTS].index("consequence")]
    assert intent.answers(consequence, "Taken with food, zinc may interfere with it.")
    answer = engine.answer("and what would happen then", after="is magnesium ok with my other pills")
    assert answer.answered and "interfere with its effectiveness" in answer.passages[0].text


def test_a_swap_follow_up_asks_the_way_the_question_before_it_asked(engine):
    assert [i.name for i in intent.of_question("what about sleep", "can magnesium help me relax")] == ["benefit"]
    assert [i.name for i in intent.of_question("what about sleep", "can magnesium cause headaches")] == ["harm"]
    assert not intent.of_question("does it help or make it worse")  # both ways: no direction
    assert [i.name for i in intent.of_question("could it make it worse", "does it help with stress")] == ["harm"]
    helps = engine.answer("ok what about anxiety then", after="is magnesium good for stress relief")
    assert "reduce feelings of anxiety" in helps.passages[0].text  # not "can also cause anxiety"
    harms = engine.answer("what about anxiety?", after="can magnesium cause insomnia")
    assert "can also cause anxiety" in harms.passages[0].text


def test_where_in_the_body_asks_for_a_place_in_the_body_not_a_time_or_a_shop(engine):
    assert [i.name for i in intent.of_question("where in my body does it work")] == ["place in the body"]
    assert [i.name for i in intent.of_question("where can i buy it")] == ["time or place"]
    answer = engine.answer("ok but where in the body?", after="does magnesium reduce inflammation")
    assert answer.answered and "inflammation in the" in answer.passages[0].text
    assert engine.answer("which part of the brain?", after="does magnesium help with memory").kind is Kind.WEAK


def test_a_word_in_the_verb_slot_of_a_question_is_its_verb_not_a_thing_it_asks_about(engine):
    assert lexicon.entry("influence").main == "n" and "v" in lexicon.entry("influence").parts
    influence = engine.answer("How does magnesium influence nerve cells?")
    assert influence.answered and not influence.reason["unknown"]
    assert engine.answer("Does it also precipitate migraine?", after="Mechanism of Mg-induced headache?").answered
    mix = engine.answer("Is it okay to mix them?", after="My daughter takes supplements. Can she add magnesium?")
    assert mix.answered and "other supplements or medications" in mix.passages[0].text
    assert engine.answer("can mag ruin my sleep").answered  # after a synonym of the subject too
    for question in ("Does magnesium help control cholesterol?", "does magnesium help treat anxiety"):
        assert engine.answer(question).answered  # a bare verb after "help", before its object
    assert engine.answer("does magnesium help sugar cravings").kind is Kind.WEAK  # mainly a noun for a food
    # the same words elsewhere are still things asked about
    assert engine.answer("Can magnesium prevent a stroke?").kind is Kind.WEAK


def test_what_a_swap_names_is_its_focus_even_when_that_kind_of_word_is_usually_context(engine):
    panic = engine.answer("what about panic attacks", after="can mag help w anxiety")
    assert panic.kind is Kind.WEAK and "attacks" in panic.not_discussed
    assert engine.answer("And what about while breastfeeding?", after="Can magnesium help with my anxiety?").kind \
        is Kind.WEAK
    # a person named by relation or an adjective of degree in a swap is read as before: context
    assert engine.answer("what about severe anxiety?", after="Does magnesium help anxiety?").answered
    assert engine.answer("what about my husband?", after="how much magnesium should I take").answered


def test_a_substance_before_a_word_the_article_puts_after_its_subject_names_another_product(engine):
    gummies = engine.answer("what about melatonin gummies?", after="is mag good for focus")
    assert gummies.kind is Kind.WEAK and gummies.not_discussed == ("melatonin gummies",)
    assert engine.answer("can melatonin supplements help me sleep").kind is Kind.WEAK
    pills = engine.answer("what about melatonin pills?", after="does magnesium help sleep")  # read as supplements
    assert pills.kind is Kind.WEAK and pills.not_discussed == ("melatonin pills",)
    assert engine.answer("are magnesium gummies safe").answered  # the article's own product
    assert engine.answer("does magnesium affect melatonin production").answered  # the article's own pair


def test_a_large_amount_said_by_its_size_or_a_split_comparison_is_too_much(engine):
    high = engine.answer("Why can high doses of magnesium trigger headaches?")
    assert high.answered and "excess" in high.query.terms and "vasodilator" in high.passages[0].text
    more = engine.answer("Is it harmful to take more magnesium than recommended?")
    assert more.answered and "excess" in more.query.terms
    # a size before anything else, or "more" comparing something else, is no amount
    assert "excess" not in engine.answer("does magnesium give more energy than coffee").query.terms
    assert "excess" not in engine.answer("can magnesium help with high blood pressure").query.terms


def test_a_word_typed_without_its_vowels_is_read_as_the_common_word_it_spells(engine):
    assert without_vowels("wrk") == ("work",) and without_vowels("work") == ()
    assert without_vowels("brn")[:2] == ("born", "brain")
    follow = engine.answer("how does that wrk", after="can magnesum cause insomnya")
    assert follow.query.corrected["wrk"] == "work" and "melatonin production" in follow.passages[0].text
    assert engine.answer("is mag good for the brn").query.corrected["brn"] == "brain"  # the article's word first
    assert "mcg" not in engine.answer("is 300 mcg of magnesium enough").query.corrected  # a word the lexicon knows


def test_what_a_named_thing_does_is_said_where_it_opens_a_sentence(engine):
    assert intent.defined_word("What does the nervous system actually do?") == "nervous system"
    assert intent.defines("nervous system", "It helps. The nervous system is responsible for signals.")
    assert not intent.defines("nervous system", "It plays a role in many systems, including the nervous system.")
    answer = engine.answer("What does the nervous system actually do?")
    assert "transmitting signals from the brain" in answer.passages[0].text


def test_the_subject_said_to_be_absent_is_a_lack_of_it(engine):
    for question in ("When magnesium is missing in the body, what is the problem?",
                     "what happens if you dont have enough magnesium"):
        answer = engine.answer(question)
        assert "defici" in answer.query.terms and "deficiencies may be linked" in answer.passages[0].text
    assert "defici" not in engine.answer("is 400mg enough magnesium").query.terms  # enough, not a lack
    # not enough of something else is no lack of the subject
    food = engine.answer("Why the food is not enough?", after="Is better to take tablet or eat food for magnesium?")
    assert "defici" not in food.query.terms and "through food alone" in food.passages[0].text


def test_a_condition_the_article_names_only_by_an_organ_asked_without_it_is_asked_in_general(engine):
    general = engine.answer("what is the disease with low magnesium")  # the article says only "kidney disease"
    assert "disease" not in [c.word for c in general.query.known]
    heart = engine.answer("is magnesium ok with heart problems")
    assert "problems" in [c.word for c in heart.query.known] and "heart problems" in heart.passages[0].text


def test_verbs_of_damage_ask_about_harm(engine):
    for question in ("Can magnesium disturb my sleep?", "does it disrupt sleep", "can it damage nerves"):
        assert [i.name for i in intent.of_question(question)] == ["harm"]
    assert "can also cause insomnia" in engine.answer("Can magnesium disturb my sleep?").passages[0].text


def test_advice_asked_without_inversion_and_a_time_asked_as_how_much_time(engine):
    for question in ("What I must do if I have this?", "what do i need to do", "what should i do"):
        assert [i.name for i in intent.of_question(question)] == ["advice"]
    advice = engine.answer("What I must do if I have this?", after="Magnesium can give headache?")
    assert "speak with a doctor" in advice.passages[0].text
    assert [i.name for i in intent.of_question("In how much time it works?")] == ["time or place"]
    assert [i.name for i in intent.of_question("how many mg a day")] == ["quantity"]
    assert engine.answer("In how much time it works?", after="Magnesium help for memory?").kind is Kind.WEAK


def test_words_saying_harm_beside_a_specific_thing_are_how_a_question_about_harm_asks(engine):
    framed = engine.answer("What adverse CNS effects are attributed to excess Mg intake?")
    assert all(c.phrasing for c in framed.query.concepts if c.word.startswith("adverse"))
    assert framed.answered
    follow = engine.answer("wait which stuff exactly", after="can being low on mag mess w ur brain")
    assert "epilepsy, depression, and anxiety" in follow.passages[0].text
    # alone, the side effects are what is asked
    alone = engine.answer("What are the side effects of magnesium?")
    assert any(not c.phrasing and "side" in c.terms for c in alone.query.concepts)
def test_false_friends_and_other_verbs_of_causing_are_read_as_the_article_s_words(engine):
    assert "side" in engine.answer("Which are the secondary effects of magnesium?").query.terms
    tension = engine.answer("The magnesium lowers the tension of blood?")
    assert "regulate blood pressure" in tension.passages[0].text  # side by side, not "blood flow and pressure"
    produce = engine.answer("By what mechanism would excess magnesium produce headaches?")
    assert "act as a vasodilator" in produce.passages[0].text  # causing, not the melatonin "production" passage
    combine = engine.answer("Is it safe to combine magnesium with other supplements my son takes?")
    assert "other supplements or medications" in combine.passages[0].text


def test_a_preposition_put_first_before_what_goes_with_its_word(engine):
    read = reader("benefits magnesium", {"good for": ["benefits"]}).read
    assert "benefit" in read("for what is good magnesium").terms
    assert "benefit" not in read("what is good magnesium").terms  # no preposition: "good" alone
    answer = engine.answer("For what is good magnesium?")
    assert "many benefits associated" in answer.passages[0].text


def test_a_time_named_by_a_noun_of_time_asks_when(engine):
    assert [i.name for i in intent.of_question("which is the best hour of the day for take magnesium")] == \
        ["time or place"]
    assert [i.name for i in intent.of_question("at what moment should i take it")] == ["time or place"]
    assert not intent.of_question("what is the best way to take it")
    assert engine.answer("Which is the best hour of the day for take magnesium?").kind is Kind.WEAK


def test_a_verb_phrase_whose_object_is_a_focus_noun_is_read_word_by_word(engine):
    answer = engine.answer("Magnesium makes to lose weight?")
    assert answer.kind is Kind.WEAK and answer.reason["unknown"] == ["weight"]
    assert "mess up" in engine.answer("can mag mess up ur sleep").query.context  # a particle: still one phrase


def test_a_question_asking_which_the_side_effects_are_wants_them_named(engine):
    named = intent.INTENTS[[i.name for i in intent.INTENTS].index("effects named")]
    assert [i.name for i in intent.of_question("which are the secondary effects of magnesium")] == ["effects named"]
    assert intent.answers(named, "be aware of potential side effects such as headaches and insomnia")
    assert not intent.answers(named, "linked to disorders, including epilepsy, depression, and anxiety")
    for question in ("What are the side effects of magnesium?", "Which are the secondary effects of magnesium?"):
        assert "side effects such as headaches, anxiety, and insomnia" in engine.answer(question).passages[0].text
    assert "essential mineral" in engine.answer("ok so what does magnesium even do in ur body").passages[0].text


def test_problems_on_their_own_are_what_goes_wrong_and_a_turned_compound_may_keep_its_article(engine):
    read = reader("insomnia sleep", {"sleep problems": ["insomnia"]}).read
    assert "insomnia" in read("it is making problems with the sleep").terms
    assert "insomnia" in read("problems with sleep").terms
    sleep = engine.answer("Magnesium is making problems with the sleep?")
    assert "can also cause insomnia" in sleep.passages[0].text  # not "kidney disease or heart problems"
    come = engine.answer("When I take much magnesium, which problems can come?")
    assert "side effects" in come.passages[0].text
    assert "heart problems" in engine.answer("can people with heart problems take magnesium").passages[0].text


def test_a_word_related_to_how_questions_ask_is_read_as_that_not_as_a_focus(engine):
    answer = engine.answer("Which quantity of magnesium is recommended for a grown person?")
    assert answer.answered and "400-420mg per day" in answer.passages[0].text  # grown: adult, not a restriction
    assert engine.answer("why cant u get enuff magnesium from food alone").answered  # text-speak


def test_what_a_thing_does_or_is_for_wants_the_passage_saying_what_it_is(engine):
    assert intent.defined_word("which work does the nervous system make in the body") == "nervous system"
    assert intent.defined_word("what is the role of the nervous system") == "nervous system"
    assert intent.defined_word("what does magnesium actually do") == "magnesium"  # not "magnesium actually"
    assert intent.defines("nervous system", "The nervous system is responsible for transmitting signals.")
    assert not intent.defines("nervous system", "including the nervous system. It is involved in many")
    for question in ("Which work does the nervous system make in the body?", "what does the nervous system do?"):
        assert "nervous system is responsible for" in engine.answer(question).passages[0].text


def test_what_a_thing_is_for_asked_by_the_possessive_holds_for_a_child_named_in_the_story(engine):
    assert intent.defined_word("in simple terms what is magnesium s main function") == "magnesium"
    assert intent.defined_word("what is melatonin s purpose in the body") == "melatonin"
    answer = engine.answer("My 8-year-old asked me at bedtime about her body and I was stumped. "
                           "What is the nervous system's main job?")
    assert answer.answered and "nervous system is responsible for" in answer.passages[0].text
    answer = engine.answer("Our 12-year-old has a science quiz on Friday and I forgot all of this. "
                           "In simple terms, what is magnesium's role in the body?")
    assert answer.answered and "essential mineral" in answer.passages[0].text


def test_a_misspelled_dose_word_still_points_at_the_subject_and_influence_is_how_it_asks(engine):
    assert engine.answer("How much milligrams is the daily dosis?").answered  # dosis: doses, taking it
    assert engine.answer("Magnesium have influence on the neurotransmitters?").answered  # as "affect"
    assert [i.name for i in intent.of_question("can too much make the person nervous")] == ["harm"]


def test_when_it_is_too_much_sets_a_condition_and_quantity_and_too_little_are_read(engine):
    condition = intent.of_question("magnesium is bringing the headache when is too much")
    assert "time or place" not in [i.name for i in condition]
    assert [i.name for i in intent.of_question("when is it best to take it")] == ["time or place"]
    assert engine.answer("Magnesium is bringing the headache when is too much?").answered
    assert "400-420mg" in engine.answer("What quantity per day is correct for me, I am adult?").passages[0].text
    little = engine.answer("Which sicknesses are linked with too little magnesium?")
    assert "deficiencies may be linked" in little.passages[0].text
def test_words_of_the_clinical_register_are_read_as_the_plain_words_they_say(engine):
    assert clinical_register()["sequelae"] == ["effects"]
    assert "melatonin production" in engine.answer("What is the etiology of the insomnia magnesium causes?").reply
    assert "absorption" in engine.answer("Is the uptake of magnesium from food discussed?").passages[0].text
    assert engine.answer("Long-term sequelae of excessive magnesium?").answered
    assert "balance of neurotransmitters" in engine.answer("Mechanism of Mg-associated anxiety?").reply  # caused by
    # a register word whose plain word the article lacks is a near miss naming it
    assert not engine.answer("Magnesium for migraine prophylaxis?").answered


def test_a_silent_e_left_off_the_end_is_a_common_slip(engine):
    assert spelling._typing_cost("wher", "where") == 0.5 and spelling._typing_cost("wher", "when") == 1.0
    assert engine.answer("wher does magnesium work").query.corrected["wher"] == "where"  # not the commoner "when"
    assert engine.answer("can it giv u headaches").query.corrected["giv"] == "give"  # three letters, + e only
    assert "dgo" not in spelling._english_typos("dgo")


def test_an_ending_nobody_writes_on_a_listed_word_is_read_as_a_slip(engine):
    assert not spelling._in_use("triger") and spelling._in_use("creatine") and spelling._in_use("enif")
    assert engine.answer("does magnesium triger headaches").query.corrected["triger"] == "trigger"
    assert "creatine" not in engine.answer("what about creatine").query.corrected  # a dictionary word as written
    assert "enif" not in spelling._english_typos("enuf")  # a star's name nobody means


def test_a_rare_real_word_missing_a_letter_of_a_far_commoner_one_is_that_word(engine):
    assert engine.answer("how much mag daly for adults").query.corrected["daly"] == "daily"
    assert engine.answer("does it hep with stres").query.corrected["hep"] == "help"
    assert "gout" not in engine.answer("does magnesium help gout").query.corrected  # "out" lacks no g at its start
    assert "bran" not in reader("magnesium bran").read("is there magnesium in bran").corrected  # a word of the article


def test_a_word_after_an_auxiliary_and_its_subject_is_a_verb(engine):
    answer = engine.answer("can magnesium spoil my sleep")
    assert answer.answered and "spoil" in answer.query.context
    mix = engine.answer("is it safe to mix magnesium with other meds")  # after "to", before its object
    assert mix.answered and "mix" in mix.query.context
    assert "sulfate" not in engine.answer("is magnesium sulfate safe").query.context  # after "is": a noun


def test_a_clinical_word_for_too_much_or_too_little_of_a_thing_needs_a_passage_saying_so(engine):
    low = engine.answer("Does magnesium cause hypotension?")  # too little blood pressure: said nowhere
    assert not low.answered and low.not_discussed == ("hypotension",)
    assert engine.answer("Is hypomagnesemia linked to depression?").answered  # magnesium deficiencies: said
    assert engine.answer("Symptoms of hypermagnesemia?").answered  # too much magnesium: said
    assert engine.answer("Does magnesium help with neuralgia?").answered  # not an amount: nerve pain


def test_some_passage_holds_a_term_of_every_group(engine):
    index = engine.library.index
    assert index.together([[stem("deficiencies")], [stem("magnesium")]])
    assert not index.together([[stem("deficiencies")], [stem("melatonin")]])
    assert index.together([[stem("deficiencies"), stem("melatonin")], [stem("sleep")]])


def test_a_misspelling_after_a_determiner_names_a_thing_never_a_function_word(engine):
    assert engine.answer("can i give it to my dgo").query.corrected.get("dgo") != "do"
    assert not engine.answer("can i give magnesium to my dgo").answered
    assert engine.answer("dgo u take it daily").query.corrected.get("dgo") == "do"  # not after one: as before


def test_an_english_word_is_corrected_to_an_article_word_only_where_that_was_likelier_meant(engine):
    assert "avery" not in engine.answer("can avery take magnesium").query.corrected  # a name, not "very"
    assert engine.answer("magnesium for brian fog").query.corrected["brian"] == "brain"  # a swap, far likelier


def test_clinical_verbs_of_causing_and_relieving_are_read_as_plain_ones(engine):
    assert "balance of neurotransmitters" in engine.answer("Can excess Mg precipitate anxiety? Why?").reply
    assert engine.answer("Does Mg attenuate neuropathic pain?").answered
    assert "symptoms of depression" in engine.answer("Evidence for Mg in MDD?").reply


def test_a_word_of_the_synonyms_table_is_a_likelier_correction(engine):
    assert engine.answer("can i take magnesium with my other pils").query.corrected["pils"] == "pills"  # not pile
    assert reader("magnesium", {}).read("with my other pils").corrected["pils"] != "pills"  # no synonym: frequency


def test_everyday_abbreviations_of_doctor_and_night_are_spelled_out():
    assert message_words("ask ur dr about mag at nite") == ["ask", "your", "doctor", "about", "mag", "at", "night"]


def test_a_misspelling_is_read_as_the_word_making_a_dictionary_phrase_with_its_neighbour(engine):
    sugar = engine.answer("does magnesium lower blood suger")
    assert sugar.query.corrected["suger"] == "sugar" and not sugar.answered  # not "super"
    assert engine.answer("is it a suger").query.corrected["suger"] == "super"  # no phrase: the commoner word


def test_an_intake_or_its_adverse_effects_point_at_the_article_s_subject(engine):
    assert "400-420mg" in engine.answer("Adult RDA?").reply
    assert engine.answer("Insomnia as an AE?").answered  # AE: adverse effect (clinical shorthand)
    assert not engine.answer("What are the side effects of ibuprofen?").answered  # names what it lacks
    assert engine.answer("what is the function of the brain").kind is Kind.NO_MATCH  # still not about it


def test_symptoms_named_clinically_are_read_as_the_plain_ones(engine):
    assert "anxiety and restlessness" in engine.answer("Psychomotor agitation with excess Mg?").reply
    assert engine.answer("Is Mg anxiolytic?").query.expanded["anxiolytic"] == ["reduce anxiety"]


def test_an_auxiliary_slip_before_a_noun_phrase_whose_verb_is_do_is_the_auxiliary(engine):
    nervous = engine.answer("what dose the nervus system do")
    assert nervous.query.corrected["dose"] == "does" and "transmitting signals" in nervous.passages[0].text
    assert intent.defined_word(nervous.query.asking) == "nervous system"  # it asks as the auxiliary
    recommend = engine.answer("what dose the article recommend")  # no "do" later: the noun, an amount
    assert "dose" not in recommend.query.corrected and "400-420mg" in recommend.passages[0].text


def test_a_definition_question_is_read_after_discourse_openers_and_before_a_closing_adverb():
    assert intent.defined_word("wait so what does the nervous system even do again") == "nervous system"
    assert intent.defined_word("ok what is magnesium exactly") == "magnesium"
    assert intent.defined_word("so what does magnesium cause") is None  # not what it is or does
    assert intent.defined_word("what exactly is magnesium") == "magnesium"  # an adverb before the verb too
    assert intent.defined_word("whats magnesium anyway") == "magnesium"
    assert intent.defined_word("can you explain what magnesium is") == "magnesium"  # asked indirectly
    assert intent.defined_word("what is magnesium and why does the body need it") == "magnesium"  # then another
    assert intent.defined_word("what is magnesium and melatonin") is None  # not two things


def test_a_thing_asked_to_be_defined_is_taken_where_it_is_defined_not_where_it_is_summed_up(engine):
    # The long passage defining it scores below shorter ones naming it, and below the summary
    # ("In conclusion, magnesium is an important mineral"), which restates it.
    for question in ("what is magnesium", "wat is magnesim exacly", "so what is magnesium really"):
        assert engine.answer(question).passages[0].text.startswith("Magnesium is an essential mineral")


def test_the_verb_slot_in_a_statement_s_order_and_after_a_one_word_subject_the_article_has(engine):
    mix = engine.answer("I take other medicine every day. I can mix with magnesium?")
    assert mix.answered and "other supplements or medications" in mix.passages[0].text
    block = engine.answer("Does food block magnesium from being absorbed?")
    assert block.answered and "absorption" in block.passages[0].text
    assert engine.answer("Can magnesium prevent a stroke?").kind is Kind.WEAK  # still a thing it lacks


def test_low_said_of_the_subject_is_a_lack_of_it(engine):
    for question in ("can low magnesium cause anxiety", "Can being low in magnesium be tied to mood problems?",
                     "my magnesium is low, can that cause depression?"):
        answer = engine.answer(question)
        assert "lack" in answer.query.terms and "deficiencies" in answer.passages[0].text
    assert "lack" not in engine.answer("is a low dose of magnesium safe").query.terms  # a small dose


def test_bad_effects_and_what_too_much_does_want_the_effects_named(engine):
    assert [i.name for i in intent.of_question("what bad effects can it give")] == ["effects named"]
    assert "effects named" in [i.name for i in intent.of_question("what happens if u take way too much")]
    assert "effects named" not in [i.name for i in intent.of_question("what happens if I stop taking it")]
    answer = engine.answer("What negative effects can magnesium give if I take too much?")
    assert "headaches, anxiety, and insomnia" in answer.passages[0].text


def test_systemic_is_read_as_the_whole_body(engine):
    answer = engine.answer("Does Mg have a systemic anti-inflammatory effect?")
    assert answer.answered and "inflammation in the body" in answer.passages[0].text


def test_an_adverb_before_an_adjective_the_article_has_says_how_much_not_what(engine):
    tired = engine.answer("does mag give u more energy bc im dead tired all the time")
    assert "dead" in tired.query.context and "boost energy levels" in tired.passages[0].text
    assert "super" in engine.answer("im super anxious can mag help").query.context
    assert "dead" not in engine.answer("can magnesium help dead nerves").query.context  # no adjective after it


def test_a_verb_between_to_and_a_person_is_the_question_s_verb(engine):
    counsel = engine.answer("Adverse effects to counsel pt on when starting Mg?")
    assert counsel.answered and "counsel" in counsel.query.context


def test_asking_whether_something_comes_from_it_asks_about_harm(engine):
    for question in ("Is from magnesium?", "could that be due to magnesium?", "I can not be calm lately"):
        assert "harm" in [i.name for i in intent.of_question(question.lower())]
    nervous = engine.answer("After I start magnesium I feel nervous and cannot be calm. Is from magnesium?")
    assert "can also cause anxiety" in nervous.passages[0].text  # not "reduce feelings of anxiety"
    assert "harm" not in [i.name for i in intent.of_question("is magnesium from food better")]


def test_an_amount_gone_past_asks_about_too_much_not_an_amount():
    assert "quantity" not in [i.name for i in intent.of_question("risks of exceeding recommended intake")]
    assert "quantity" not in [i.name for i in intent.of_question("what if i go over the daily dose")]
    assert "quantity" in [i.name for i in intent.of_question("what is the recommended daily dose")]


def test_a_passage_holding_the_whole_question_sentence_of_a_story_covers_enough_when_a_kind_is_asked(engine):
    answer = engine.answer("The pharmacy bottle and the health store bottle print a different number. "
                           "How much do adults need each day?")
    assert answer.answered and "400-420mg" in answer.passages[0].text  # not "how to ensure proper dosage"
    assert "whole question sentence" in answer.confidence.why
    # only a direction asked ("help"), but a thing named ("the nerves", in under half the passages): the
    # passage holding the question sentence covers enough too, whatever of the story it lacks
    nerves = engine.answer("My mother's neurologist mentioned her nerve signals are slow, and she's been reading "
                           "about minerals for the nervous system. How does magnesium help the nerves do their job?")
    assert "whole question sentence" in nerves.confidence.why
    assert "regulate the activity of neurons" in nerves.passages[0].text


def test_too_many_is_too_much(engine):
    answer = engine.answer("Why magnesium is giving me the headache when I take too many?")
    assert "excess" in answer.query.terms and "vasodilator" in answer.passages[0].text


def test_which_is_preferred_wants_what_is_best_and_dietary_intake_is_no_amount(engine):
    names = [i.name for i in intent.of_question("dietary intake vs supplementation which is preferred")]
    assert "preference" in names and "quantity" not in names
    assert "quantity" in [i.name for i in intent.of_question("what is the recommended dietary intake")]
    answer = engine.answer("Food intake or supplementation: which is better?")
    assert "difficult to get the recommended daily dosage" in answer.passages[0].text


def test_a_word_of_degree_inside_a_two_word_phrase_of_the_synonyms_table_leaves_it_that_phrase(engine):
    answer = engine.answer("My husband can't focus at work. Could magnesium help him think more clearly?")
    assert "think more clearly" in answer.query.expanded and "mental clarity" in answer.passages[0].text
    assert engine.answer("does mag help u think really clearly").query.expanded["think really clearly"] == \
        ["mental clarity"]


def test_a_possessive_inside_a_two_word_phrase_of_the_synonyms_table_leaves_it_that_phrase(engine):
    # calmed or settled nerves are a state of mind (anxiety), not the nerves themselves
    for question in ("Could magnesium help calm my nerves in the evening?", "does magnesium settle your nerves"):
        answer = engine.answer(question)
        assert answer.query.expanded[next(k for k in answer.query.expanded if "nerves" in k)] == ["anxiety", "stress"]
        assert "anxiety and stress" in answer.passages[0].text, question
    assert "nerve" in engine.answer("does magnesium calm the nerves or damage them").query.expanded.get("nerves", [])


def test_someones_mind_is_the_mental_and_smart_is_thinking(engine):
    assert "mental" in engine.answer("is mag good for ur mind").passages[0].text
    assert engine.answer("is mag good for ur mind").query.expanded["your mind"] == ["mental"]
    smarter = engine.answer("does mag make u smarter")
    assert smarter.answered and "cognitive function" in smarter.passages[0].text
    assert "mental clarity" in engine.answer("will magnesium keep my mind sharper").passages[0].text
    assert "sharp" not in " ".join(engine.answer("can magnesium cause a sharp headache").query.expanded)
    # an idiom with "mind" is not the mental
    never = engine.answer("never mind, how much magnesium should I take")
    assert "mental" not in never.query.terms and "400-420mg" in never.passages[0].text


def test_an_abstract_noun_of_harm_the_article_lacks_beside_a_thing_it_has_is_how_harm_is_asked(engine):
    disturbance = engine.answer("Proposed mechanism for Mg-associated sleep disturbance?")
    assert disturbance.answered and "disturbance" in disturbance.query.context
    assert "melatonin production" in disturbance.passages[0].text
    assert engine.answer("can magnesium cause damage").kind is Kind.WEAK  # alone, still what is asked


def test_a_verb_phrase_of_a_phrasing_verb_is_read_as_what_it_means(engine):
    part = engine.answer("Which processes does magnesium take part in?")
    assert part.query.expanded["take part"] == ["involved"] and "wide range of processes" in part.passages[0].text
    assert "part" not in part.query.terms  # not the "parts of the body"
    assert "take" in engine.answer("should I take magnesium at night").query.terms  # no phrase: as before
def test_a_follow_up_borrows_what_the_question_before_asked_not_its_story(engine):
    story = "My sister began a magnesium supplement last month. Is it possible that magnesium is keeping her awake?"
    borrowed = engine.answer("What's the reason it would do that to her?", after=story)
    assert "melatonin" in borrowed.reply and "began" not in borrowed.reason["matched"]  # not "before beginning"
    # a person the story restricts the question to is still borrowed
    assert not engine.answer("and how much should he take?", after="My son is 8 years old. Can he take it?").answered


def test_a_noun_for_a_piece_of_what_was_said_points_at_the_word_before_it(engine):
    part = engine.answer("And the anxiety part, why does it cause that?",
                         after="What can happen if someone takes too much magnesium?")
    assert "balance of neurotransmitters" in part.reply and "part" in part.reason["context"]
    assert "part" not in engine.answer("which parts of the body does magnesium affect").reason["context"]


def test_a_pronoun_after_a_story_of_things_points_at_them_not_at_the_article(engine):
    yard = "Our neighbour's tree drops leaves on our lawn. It annoys my husband. Who is responsible for them?"
    assert engine.answer(yard).kind is Kind.NO_MATCH  # "them": the leaves
    assert engine.answer("It came in a tin. Is it safe to take daily?").answered  # first sentence: the subject
    assert engine.answer("My husband is stressed. Does it help with stress?").answered  # a person, not a thing


def test_a_body_part_before_a_state_the_article_names_by_its_field_names_another_kind(engine):
    bone = engine.answer("is magnesium good for bone health?")  # the article says "mental health"
    assert not bone.answered and "bone" in bone.reason["unknown"]
    assert "wrist" in engine.answer("does magnesium help my wrist nerve pain").reason["context"]  # still where


def test_a_state_or_time_of_life_after_during_or_while_restricts_the_question(engine):
    for question in ("is magnesium safe while breastfeeding", "can I take magnesium while I'm breastfeeding?",
                     "is magnesium ok during menopause"):
        assert not engine.answer(question).answered, question
    assert engine.answer("can i take magnesium while travelling").answered  # an act: context
    # so does one a person is said to be in after "if" or "when"; not one told of the past
    for question in ("can I take magnesium if I'm breastfeeding?", "is it safe when you're teething?"):
        assert not engine.answer(question).answered, question
    told = engine.answer("I nearly died when I was hospitalised for low magnesium. How do I keep my levels up?")
    assert "hospitalised" not in told.not_discussed


def test_a_question_about_how_two_things_connect_asks_for_the_mechanism(engine):
    assert [i.name for i in intent.of_question("whats melatonin got to do with it")] == ["reason"]
    assert [i.name for i in intent.of_question("what is the connection with the melatonin")] == ["reason"]
    connected = engine.answer("and what has melatonin got to do with it?", after="can magnesium keep me awake")
    assert "interfere with melatonin production" in connected.reply


def test_an_adjective_or_its_comparative_is_read_as_the_verb_it_makes_with_en(engine):
    wider = engine.answer("do the blood vessels get wider?", after="why does magnesium give me headaches")
    assert wider.query.corrected["wider"] == "widen" and "widen blood vessels" in wider.reply
    assert "bigger" not in engine.answer("do the blood vessels get bigger?").query.corrected  # no "biggen"


def test_an_adjective_judging_what_a_why_question_points_at_is_how_it_asks(engine):
    necessary = engine.answer("Why is that necessary?", after="Should I see a doctor before taking magnesium?")
    assert "necessary" in necessary.reason["context"] and "personalized advice" in necessary.reply
    assert "essenti" in engine.answer("why is magnesium necessary").query.terms  # names what it judges


def test_a_drug_someone_has_is_a_focus_not_what_its_word_parts_say_it_does(engine):
    mine = engine.answer("can i take magnesium with my antidepressant")
    assert not mine.answered and mine.reason["unknown"] == ["antidepressant"]
    assert engine.answer("is magnesium an antidepressant").query.expanded["antidepressant"] == ["reduce depression"]


def test_a_condition_named_by_a_corpus_word_and_one_it_lacks_is_one_focus(engine):
    apnea = engine.answer("does magnesium help with sleep apnea")
    assert not apnea.answered and apnea.reason["unknown"] == ["sleep apnea"]
    assert not engine.answer("can magnesium help my restless legs").answered  # not "restlessness"
    assert engine.answer("can magnesium make you restless").answered
    assert engine.answer("is magnesium safe with heart failure").query.expanded["failure"] == ["problems"]


def test_a_misspelling_of_a_rarer_word_wordnet_knows_is_corrected_when_no_commoner_one_fits(engine):
    assert engine.answer("can i take magnesium with my antidepresant").query.corrected["antidepresant"] == \
        "antidepressant"
    assert spelling._english_typos("acutally") == ("actually",)  # a word in use still first


def test_a_question_comparing_the_sexes_asks_for_a_difference_the_article_does_not_give(engine):
    dose = "how much magnesium should I take a day?"
    for question in ("is it the same for men and women?", "any sex-specific difference?",
                     "is the amount different for men?", "does it vary for females?"):
        compared = engine.answer(question, after=dose)
        assert not compared.answered and compared.reason["unknown"], question
    assert engine.answer("and for women?", after=dose).answered  # one of them: the adults' figure


def test_the_kind_of_thing_the_article_says_its_subject_is_stands_for_it(engine):
    assert engine._state.reader._classes == {"mineral": "magnesium"}  # "Magnesium is an essential mineral"
    why = engine.answer("My dad started it last week. Why would a mineral give him headaches?")
    assert "vasodilator" in why.reply
    assert "mineral" in engine.answer("is magnesium a mineral?").reason["matched"]  # said of it: asked


def test_what_the_question_before_named_said_again_after_a_demonstrative_is_pointed_at(engine):
    before = "Can magnesium cause side effects if you take too much?"
    those = engine.answer("What are those side effects?", after=before)
    assert "headaches, anxiety, and insomnia" in those.reply
    own = {c.word: c.weight for c in those.query.concepts}
    assert own["side effects"] == 0.5  # pointed at, weighs as borrowed
    assert "effects named" in [i.name for i in intent.of_question("what are those side effects")]


def test_a_question_asking_what_a_thing_the_article_defines_or_glosses_is_or_does_is_answered(engine):
    # "melatonin production, which is a hormone that...", "a vasodilator, which means..."
    for question, said in (("What does melatonin do?", "hormone that helps regulate sleep cycles"),
                           ("What role does melatonin play in sleep?", "hormone that helps regulate sleep cycles"),
                           ("What does a vasodilator do?", "widen blood vessels")):
        answer = engine.answer(question)
        assert answer.answered and said in answer.passages[0].text, question
    # a thing the article names but never explains is still not its subject
    for question in ("What is a hormone?", "what is epilepsy", "What are neurotransmitters?"):
        assert not engine.answer(question).answered, question
    assert intent.defines("vasodilator", "act as a vasodilator, which means it can widen blood vessels")
    assert not intent.defines("vasodilator", "a vasodilator widens blood vessels")


def test_effects_asked_for_one_by_one_are_sought_below_a_passage_only_warning_of_them(engine):
    # "avoid taking too much ... adverse side effects" scores far ahead; the answer names them
    for question in ("what happens if u take way too much", "what happens if you take too much magnesium"):
        assert "headaches, anxiety, and insomnia" in engine.answer(question).passages[0].text, question


def test_what_a_medication_is_for_is_context_not_the_question(engine):
    # "blood pressure pills" asks about taking it with medications, not about blood pressure
    for question in ("I take blood pressure pills, is it okay to add magnesium?",
                     "is magnesium ok with sleeping pills"):
        answer = engine.answer(question)
        assert "other supplements or medications" in answer.passages[0].text, question
    # a drug the article does not discuss stays a focus; a product of a substance stays a product
    assert not engine.answer("does magnesium intereact with birth controll pills").answered
    assert "blood" not in engine.answer("are magnesium pills safe for blood pressure").query.context


def test_the_effects_to_counsel_on_are_named_and_a_concept_anchors_by_every_way_it_is_said(engine):
    assert "effects named" in [i.name for i in intent.of_question("adverse effects to counsel patient on")]
    # "adverse" is in one passage only: the one warning of excess; "side effects such as..." names them
    answer = engine.answer("adverse effects to counsel pt on")
    assert "side effects such as headaches" in answer.passages[0].text


def test_the_superlative_of_how_often_asks_what_is_most_common(engine):
    for question in ("what side effect do people get most often from too much magnesium",
                     "which problem is most frequent with high doses"):
        answer = engine.answer(question)
        assert answer.kind is Kind.ANSWER and "most common side effects" in answer.passages[0].text
    assert "most often" not in engine.answer("how often should I take magnesium").query.expanded


def test_the_source_or_the_document_asked_about_is_the_article_but_a_source_of_something_is_not():
    assert intent.refers_to_subject("memory and concentration benefits per the document", pronouns=False)
    assert intent.refers_to_subject("neurocognitive benefits per the source", pronouns=False)
    assert not intent.refers_to_subject("what is the best source of vitamin d", pronouns=False)


def test_cannot_and_cant_are_can_not_and_cant_sleep_is_insomnia(engine):
    for question in ("i cant sleep since starting magnesium, why?", "why cannot I sleep on magnesium?"):
        answer = engine.answer(question)
        assert answer.kind is Kind.ANSWER and "cause insomnia" in answer.passages[0].text
    concentrate = engine.answer("my son cannot concentrate, will magnesium help?")
    assert concentrate.kind is Kind.ANSWER and "cannot" not in [c.word for c in concentrate.query.unknown]
def test_a_question_naming_a_thing_the_article_glosses_is_about_the_article(engine):
    # not "what is X" worded, yet about melatonin, which the article glosses: never "no match"
    for question in ("What happens if the body lacks melatonin?", "how do i boost melatonin naturally"):
        assert engine.answer(question).kind is not Kind.NO_MATCH, question
    assert engine.answer("is melatonin safe for kids").kind is not Kind.ANSWER  # kids: a focus it lacks


def test_the_words_of_asking_what_a_thing_does_are_phrasing_and_pointing_words_are_not_the_thing(engine):
    # "role", "play", "job": how "what does X do" asks; "this... you say", "the... thing about" point at X
    for question, after in (("What role does melatonin play in the body?", None), ("what job does melatonin do", None),
                            ("What is this melatonin you say?", "I cannot sleep since I began magnesium"),
                            ("so whats the melatonin thing about", "can mag keep u up at night")):
        answer = engine.answer(question, after=after)
        assert "hormone that helps regulate sleep cycles" in answer.passages[0].text, question
    assert intent.defined_word("what is that neurotransmitter stuff you mentioned") == "neurotransmitter"
    assert intent.defined_word("whats the nervous system all about") == "nervous system"
    roles = {c.word: c.phrasing for c in engine.answer("What role does magnesium play in sleep?").query.concepts}
    assert roles["role"] and not roles["sleep"]  # the place it plays in is what is asked


def test_a_negated_auxiliary_written_as_one_word_is_no_focus(engine):
    assert "cannot" not in engine.answer("I cannot sleep since I began magnesium, why?").not_discussed


def test_the_right_amount_had_or_given_asks_no_amount(engine):
    # what a way of taking it ensures, not the number: "Taking a supplement will ensure... the right amount"
    for question, after in (("Will a pill make sure my body gets the correct amount?", None),
                            ("So with tablet I am sure to have the right quantity?",
                             "Is better to take magnesium in tablet or from the food?")):
        assert "will ensure that your body gets" in engine.answer(question, after=after).passages[0].text, question
    for question in ("what is the right amount per day", "whats the correct dose for adults"):
        assert "quantity" in [i.name for i in intent.of_question(question)], question
    assert "quantity" not in [i.name for i in intent.of_question("can food alone give me the full daily dose")]


def test_asking_whether_doing_something_is_risky_asks_its_harm(engine):
    # "risky", "dangerous", "unsafe": how a question about harm asks, not a thing it lacks
    risky = engine.answer("Is it risky to take too much magnesium?")
    assert "avoid taking too much magnesium" in risky.passages[0].text
    assert [i.name for i in intent.of_question("is it hazardous to mix it with pills")] == ["harm"]
    unsafe = engine.answer("Is magnesium unsafe for people with kidney disease?")
    assert unsafe.answered and "kidney disease" in unsafe.passages[0].text


def test_who_to_ask_or_see_asks_for_advice_not_who_may_take_it(engine):
    assert [i.name for i in intent.of_question("who should i talk to before taking it")] == ["advice"]
    assert "person" in [i.name for i in intent.of_question("who should avoid magnesium")]
    for question in ("Who should I consult before starting magnesium?",
                     "Who can I check with before I begin supplements?"):
        assert "speak with" in engine.answer(question).passages[0].text, question


def test_an_announcement_gives_no_answer_of_the_kind_asked(engine):
    # "...anxiety. In this article, we will explore... what potential side effects could arise": no harm said
    assert not intent.answers(intent.INTENTS[[i.name for i in intent.INTENTS].index("harm")],
                              engine.library.passages[1].text, frozenset({"anxieti"}))
    anxious = engine.answer("Can taking magnesium make someone anxious?")
    assert "magnesium can also cause anxiety" in anxious.passages[0].text


def test_a_question_asking_both_ways_wants_the_passage_weighing_both_sides(engine):
    for question in ("Does magnesium have both good and bad effects on nerves?",
                     "is magnesium good or bad for anxiety"):
        assert "both positive and negative effects" in engine.answer(question).passages[0].text, question


def test_how_often_asks_how_common_it_is_said_to_be(engine):
    # "often", "rare": how a question about frequency asks, not "rare side effects of gummies"
    assert "frequency" in [i.name for i in intent.of_question("is it a common thing or rare")]
    for question, after in (("And this is happening often or only rare?", "Why magnesium is making the head to hurt?"),
                            ("how often does that happen", "can magnesium give you headaches")):
        answer = engine.answer(question, after=after)
        assert "most common side effects" in answer.passages[0].text, question


def test_what_is_causing_it_asks_the_reason_and_a_manner_adverb_is_how_it_asks(engine):
    assert "reason" in [i.name for i in intent.of_question("what would be causing that")]
    physically = engine.answer("What would be causing that physically?",
                               after="Can magnesium actually cause headaches?")
    assert "vasodilator" in physically.passages[0].text  # not "In addition to its physical benefits"
    assert "vasodilator" in engine.answer("Why can high doses of magnesium trigger headaches?").passages[0].text


def test_how_a_condition_is_treated_is_not_covered_by_a_passage_naming_no_treatment(engine):
    for question in ("How is a magnesium overdose treated?", "what is the treatment for magnesium toxicity"):
        assert engine.answer(question).kind is Kind.WEAK, question
    assert engine.answer("can magnesium treat depression").answered  # a benefit, not a treatment asked


def test_a_verbless_fragment_naming_two_things_the_article_names_together_means_its_subject(engine):
    for fragment in ("Nerve inflammation and pain relief", "Depression symptom reduction — evidence?",
                     "Headache and blood flow — relation?", "Cholesterol and BP lowering effect"):
        assert engine.answer(fragment).answered, fragment
    for other in ("Best diet for energy levels",  # one phrase of the article ("energy levels"), not two things
                  "Food and sleep quality?", "Kidney stones and diet advice",  # never named together
                  "does poor sleep make you forgetful", "Teen sleep needs?"):  # a subject of its own; one thing
        assert engine.answer(other).kind is Kind.NO_MATCH, other
    assert not grammar.verbless("can stress cause headaches".split()) and grammar.verbless(["memory", "benefit"])


def test_helps_or_harms_asks_both_sides_and_the_sides_named_are_how_it_asks(engine):
    assert [i.name for i in intent.of_question("sleep helps or harms")] == ["both sides"]
    assert [i.name for i in intent.of_question("anxiety upsides and downsides")] == ["both sides"]
    for question in ("Mg and sleep: upsides and downsides?", "Magnesium for anxiety, helps or hurts?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question


def test_clinical_shorthand_takes_an_s_for_its_plural_unless_that_spells_a_word():
    assert message_words("any ddis or adrs") == ["any", "drug", "interactions", "or", "adverse", "drug", "reactions"]
    assert message_words("dxs in pts with akis")[:1] == ["diagnoses"]
    assert message_words("2 hrs later") == ["2", "hrs", "later"]  # "hrs" is hours, not heart rates
    assert message_words("qds") == ["qds"]  # "daily" is no noun
    assert message_words("nerve fxn in renal dz") == ["nerve", "function", "in", "renal", "disease"]


def test_efficacy_and_over_the_counter_are_read_as_the_articles_words(engine):
    for question in ("OTC magnesium with other meds — efficacy affected?", "DDIs: do they reduce its efficacy?",
                     "Starting an OTC Mg product: see a doctor first?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question


def test_a_written_work_pointed_at_names_the_article_but_a_piece_of_something_does_not(engine):
    assert intent.names_work(["covered", "in", "this", "piece"], 3)
    assert not intent.names_work(["a", "piece", "of", "cake"], 1) and not intent.names_work(["the", "piece", "of"], 1)
    for question in ("What does the blog say about insomnia?", "Headache mechanism per this piece?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    assert engine.answer("how do i write a blog post").kind is Kind.NO_MATCH


def test_a_thing_set_aside_is_not_what_is_asked_but_an_amount_gone_past_is_too_much(engine):
    assert grammar._set_aside("effect beyond the nerves".split(), 1) == 3
    assert grammar._set_aside("side effects other than headaches".split(), 2) == 3
    assert grammar._set_aside("go beyond the recommended dose".split(), 1) == 0
    assert grammar._set_aside("beyond 420 mg".split(), 0) == 0
    nerves = engine.answer("Anti-inflammatory effect in the body, beyond the nerves?")
    assert nerves.answered and "in the body" in nerves.passages[0].passage.text
    assert "nerves" in nerves.reason["context"]
    too_much = engine.answer("Going beyond the recommended dose — risks?")
    assert too_much.answered and "dose" not in too_much.reason["context"]


def test_the_ends_of_a_range_ask_an_amount_and_a_timing_asks_a_time(engine):
    assert [i.name for i in intent.of_question("upper bound of the adult range")] == ["quantity"]
    for question in ("Lower limit of the adult RDA?", "Dose ceiling for adults?", "Upper bound of the daily Mg range?"):
        answer = engine.answer(question)
        assert answer.answered and "400-420mg" in answer.passages[0].passage.text, question
    assert any(i.name == "time or place" for i in intent.of_question("optimal timing am or at bedtime dosing"))
    assert message_words("hs dosing") == ["at", "bedtime", "dosing"]
    assert not engine.answer("Optimal timing of Mg dosing?").answered  # the article gives no time


def test_the_register_reads_an_association_as_a_link_and_mood_disorders_as_depression(engine):
    for question in ("Hypomagnesemia — correlation with affective disorders?", "Association of low Mg with seizures?",
                     "Is there an association between Mg deficiency and mood disorders?"):
        answer = engine.answer(question)
        assert answer.answered and "linked to" in answer.passages[0].passage.text, question


def test_how_the_text_defines_or_describes_a_thing_asks_its_definition(engine):
    assert intent.defined_word("how does the author define the nervous system s function") == "nervous system"
    assert intent.defined_word("how is a vasodilator defined") == "vasodilator"
    assert intent.defined_word("definition of melatonin") == "melatonin"
    answer = engine.answer("How is the nervous system defined?")
    assert answer.answered and "responsible for transmitting signals" in answer.passages[0].passage.text
    melatonin = engine.answer("How does the article describe melatonin?")
    assert "which is a hormone" in melatonin.passages[0].passage.text


def test_a_summary_asked_for_wants_the_passage_summing_up(engine):
    assert [i.name for i in intent.of_question("neuro effects summary in one line")] == ["summary"]
    for question in ("Nervous system benefits, bottom line?", "Sum up the benefits and risks for the nervous system",
                     "Nervous system effects of Mg in a nutshell?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
        assert intent.answers(intent.INTENTS[[i.name for i in intent.INTENTS].index("summary")],
                              answer.passages[0].passage.text), question


def test_a_word_parts_negation_is_how_it_says_it_not_what_must_be_covered(engine):
    read = reader("reduce pain without melatonin nerve").read
    query = read("analgesic effect")
    assert [c.word for c in query.concepts if c.phrasing] == ["without"]
    for question in ("Analgesic effect of Mg?", "Is Mg analgesic for neuropathic pain?"):
        answer = engine.answer(question)
        assert answer.answered and "reduce pain" in answer.passages[0].passage.text, question


def test_no_phrase_is_read_across_a_dash_a_colon_or_a_slash(engine):
    assert sentences._chunks("Essential mineral — systems involved?", ["essential", "mineral", "systems", "involved"]) \
        == [["essential", "mineral"], ["systems", "involved"]]
    assert sentences._chunks("400-420mg a day", ["400", "420", "mg", "a", "day"]) == [["400", "420", "mg", "a", "day"]]
    answer = engine.answer("Essential mineral — systems involved?")
    assert answer.answered and "mineral systems" not in [c.word for c in answer.query.concepts]
    assert "essential mineral" in answer.passages[0].passage.text
def test_an_additive_word_leans_on_the_question_before_but_too_of_degree_does_not():
    read = reader("magnesium anxiety stress dosage adults too much").read
    for question in ("stress as well?", "even for stress tho", "and stress too?", "does it help stress also"):
        assert read(question, after="does magnesium help anxiety").follow_up_of, question
    assert not read("is stress too much", after="does magnesium help anxiety").follow_up_of
    assert not read("stress as well as anxiety", after="how much for adults").follow_up_of


def test_a_reaction_before_the_question_is_not_the_question_sentence():
    read = reader("magnesium gummies doctor").read
    for question in ("fr? even for gummies", "Really? even gummies", "seriously?? gummies too"):
        assert "gummies" in read(question).asking, question
    assert read("Why? I only take gummies").asking == "why"  # a question word asks


def test_an_adults_age_is_no_focus_a_childs_is(engine):
    for question in ("And for my son he is 20 years, same?", "what about my mum, she's 70 years old?",
                     "is it the same if i am 35 yrs"):
        assert engine.answer(question, after="How much magnesium should I take a day?").answered, question
    for question in ("and for my daughter, she is 12 years?", "does that apply to 15 yr olds tho"):
        answer = engine.answer(question, after="How much magnesium should I take a day?")
        assert answer.kind is Kind.WEAK, question


def test_asking_the_opposite_swaps_out_the_previous_focus():
    read = reader("magnesium deficiencies too much excess headaches").read
    for question in ("and the opposite? too much?", "the reverse, excess?"):
        opposite = read(question, after="what happens with magnesium deficiencies")
        assert "deficiencies" not in {c.word for c in opposite.concepts}, question
    more = read("and too much?", after="what happens with magnesium deficiencies")
    assert "deficiencies" in {c.word for c in more.concepts}


def test_a_real_word_where_the_main_verb_stands_is_the_corpus_verb_it_misspells(engine):
    for question, meant in (("how do i avid them", "avoid"), ("should i avid it with kidney disease", "avoid")):
        assert engine.answer(question, after="what are the side effects").query.corrected.get("avid") == meant
    assert "avid" not in engine.answer("i am an avid runner, should i take magnesium").query.corrected


def test_an_adjective_of_possibility_is_how_a_question_asks(engine):
    for question in ("Achievable from food alone?", "is it feasible to get enough through diet alone",
                     "doable with food alone?"):
        answer = engine.answer(question, after="How much magnesium should I take a day?")
        assert answer.answered and "through food alone" in answer.passages[0].text, question
    assert not engine.answer("is it feasible to take magnesium with lithium?").answered


def test_a_swap_to_a_person_drops_the_person_asked_about_before(engine):
    for question, after in (("what about adults?", "Can kids take magnesium?"),
                            ("what about for adults then?", "is magnesium safe for teenagers?")):
        answer = engine.answer(question, after=after)
        assert answer.answered and not answer.not_discussed, question
    assert not engine.answer("what about for my kids?", after="Can adults take magnesium?").answered


def test_the_field_of_knowledge_behind_what_was_said_asks_its_reason(engine):
    for question in ("whats the science behind that", "what's the biology there", "ok but whats the logic of it"):
        answer = engine.answer(question, after="Can magnesium give you headaches?")
        assert answer.answered and "vasodilator" in answer.passages[0].text, question
    assert not engine.answer("does yoga help with that too?", after="Can magnesium help sleep?").answered


def test_how_common_asked_by_its_noun_needs_a_passage_saying_how_common(engine):
    assert engine.answer("prevalence of magnesium deficiency?").kind is Kind.WEAK  # no passage says how common
    assert "most common side effects" in engine.answer("incidence of headaches with magnesium?").passages[0].text
    assert intent.of_question("frequency of dosing")[-1].required


def test_a_summing_up_asked_for_is_the_articles_own(engine):
    assert "summary" in [i.name for i in intent.of_question("so what's the bottom line")]
    for question, after in (("Any final thoughts?", "Is magnesium good for the nerves?"),
                            ("so what's the takeaway?", "What are the benefits of magnesium?"),
                            ("what's the verdict on magnesium, in a nutshell?", None)):
        answer = engine.answer(question, after=after)
        assert answer.answered and answer.passages[0].text.startswith("In conclusion"), question


def test_yolo_is_text_speak_not_a_misspelled_name(engine):
    answer = engine.answer("do i have to see a doc before taking mag or can i just yolo it")
    assert answer.answered and not answer.not_discussed and "yolo" not in answer.query.corrected


def test_an_adjective_a_yes_no_question_ends_on_is_what_it_asks(engine):
    for question, after in (("Is magnesium addictive?", None), ("are they permanent?", "magnesium side effects?"),
                            ("is it fatal?", "Does magnesium help sleep?")):
        answer = engine.answer(question, after=after)
        assert answer.kind is Kind.WEAK, question
    for question in ("is magnesium safe?", "is magnesium necessary?", "Are contraindications listed?",
                     "is magnesium effective?"):
        assert engine.answer(question).answered, question


def test_what_a_comparison_is_with_is_a_thing_asked_about(engine):
    for question, after in (("is it better than therapy?", "Is magnesium good for anxiety?"),
                            ("is magnesium better than coffee for energy?", None),
                            ("compared to yoga?", "Does magnesium help with stress?")):
        answer = engine.answer(question, after=after)
        assert answer.kind is Kind.WEAK and answer.not_discussed, question


def test_a_remedy_asked_for_is_a_treatment(engine):
    for question, after in (("what should I take for them?", "Can magnesium cause headaches?"),
                            ("ok how do i get rid of it", "can magnesium give you insomnia")):
        assert engine.answer(question, after=after).kind is Kind.WEAK, question
    assert engine.answer("what should i do about it?", after="Can magnesium cause headaches?").answered


def test_consulting_is_speaking_with_a_doctor(engine):
    for question in ("Who should I consult before starting magnesium?",
                     "is a consultation needed before starting magnesium?"):
        answer = engine.answer(question)
        assert answer.answered and "speak with your doctor" in answer.passages[0].text, question


def test_a_follow_up_asking_for_others_wants_a_passage_besides_the_one_before(engine):
    before = engine.answer("Does magnesium help depression?")
    more = engine.answer("what else does it help with?", after="Does magnesium help depression?")
    assert more.answered and more.passages[0].passage_id != before.passages[0].passage_id
    more = engine.answer("anything else it's good for?", after="can magnesium lower blood pressure?")
    assert more.answered and "blood pressure" not in more.passages[0].text
    # when no other passage answers, the one before may, naming several (energy, inflammation, cholesterol)
    energy = "Does magnesium help with energy levels?"
    same = engine.answer("what else does it do for the body?", after=energy)
    assert same.answered and same.passages[0].passage_id == engine.answer(energy).passages[0].passage_id


def test_an_age_or_state_in_the_story_restricts_a_decision_for_that_person_not_what_magnesium_does(engine):
    # What magnesium causes, helps or is linked to holds for everyone: the story's child is context.
    for question in ("My 8-year-old wakes up every night. Could magnesium be keeping her awake?",
                     "Our teenage son gets headaches. Why would magnesium cause headaches in him?",
                     "My 12 year old can't sit still in class. Is magnesium linked to his concentration?",
                     "I have two toddlers and no time. Could magnesium be making me anxious?",
                     "I'm a busy dad of three. Could magnesium help my concentration?"):
        answer = engine.answer(question)
        assert answer.answered, question
        assert not answer.not_discussed, question
    # An amount, whether it is safe or suitable, which is best: the article's are for adults.
    for question in ("My 8-year-old has trouble sleeping. How much magnesium should she take?",
                     "My 8-year-old has trouble sleeping. Is magnesium safe for her?",
                     "My 9 year old is restless. Can he take magnesium for sleep?",
                     "My teenage daughter is stressed. Which form of magnesium is best for her?",
                     "I'm pregnant and my feet cramp at night. Is magnesium safe for me?",
                     "My 3-year-old chewed four magnesium gummies. Is that dangerous?"):
        assert not engine.answer(question).answered, question
    # A population in the question sentence itself is what is asked about; a report asks nothing.
    assert not engine.answer("My son gets anxious. Does magnesium help teenagers with anxiety?").answered
    assert not engine.answer("My sister is pregnant. She takes magnesium and can't sleep at night.").answered


def test_a_decision_for_a_person_is_told_from_what_magnesium_does():
    def shapes(question: str) -> list[intent.Intent]:
        return intent.of_question(question)

    for question in ("how much should he take", "is it safe for her", "can she take it at night",
                     "is it ok for him", "which is best for a child"):
        assert intent.asks_for_whom(question, shapes(question)), question
    for question in ("can magnesium cause migraines", "is it linked to anxiety", "does it help with stress"):
        assert not intent.asks_for_whom(question, shapes(question)), question
    assert lexicon.names_animal(lexicon.entry("puppy")) and not lexicon.names_animal(lexicon.entry("toddlers"))


def test_an_adverb_after_a_thing_says_how_not_a_product_of_it(engine):
    for question in ("Does magnesium lower inflammation in the nerves generally?",
                     "Can magnesium reduce pain in the body typically?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question


def test_a_sentence_ending_inside_quotes_ends_there():
    read = sentences._sentences("My doctor called it 'the relaxation mineral.' Can it help with stress?")
    assert [asking for _, asking in read] == [False, True]
    read = sentences._sentences('He keeps saying "it is just a mineral!" Could it cause headaches?')
    assert [asking for _, asking in read] == [False, True]


def test_a_best_time_asks_for_a_time(engine):
    for question in ("Is there a best time of day to take it?", "What's the ideal time to take magnesium?",
                     "Is there an optimal hour for taking magnesium?"):
        assert any(shape.name == "time or place" for shape in intent.of_question(question)), question
        assert not engine.answer(question).answered, question


def test_the_reverse_of_what_was_hoped_asks_a_harm(engine):
    for question in ("Could it be having the opposite effect?", "Can it backfire like that?",
                     "Is it counterproductive?", "Could it be doing the reverse of what it should?"):
        assert any(shape.name == "harm" for shape in intent.of_question(question)), question
    answer = engine.answer("I gave my husband magnesium to calm him down, but he's more on edge than ever. "
                           "Could it be having the opposite effect?")
    assert answer.answered and "cause anxiety" in answer.passages[0].text


def test_whether_it_is_one_kind_or_another_is_answered_by_the_kind_the_article_says(engine):
    for question in ("Is magnesium a metal or a mineral?", "is mag a vitamin or mineral",
                     "My son asked me what magnesium is. Is it a vitamin or a mineral?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
        assert "mineral" in answer.passages[0].text, question
    for question in ("Is magnesium or zinc better for sleep?", "Should I take magnesium or zinc?"):
        assert engine.answer(question).not_discussed == ("zinc",), question


def test_the_noun_of_a_light_verb_idiom_is_how_it_is_said(engine):
    for question in ("Could magnesium take the edge off my anxiety?", "Can magnesium take the bite out of the anxiety?",
                     "My husband is wound up after work. Will magnesium knock the edge off his stress?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    assert engine.answer("Can magnesium take the lid off a jar?").not_discussed == ("jar",)


def test_short_on_the_subject_is_a_lack_of_it(engine):
    for question in ("Could being short on magnesium make someone anxious?",
                     "Is running short of magnesium linked to epilepsy?"):
        answer = engine.answer(question)
        assert answer.answered and "deficiencies" in answer.passages[0].text, question


def test_playing_a_part_or_a_role_in_something_is_how_a_link_is_asked(engine):
    for question, said in (("Does magnesium play a role in anxiety?", "cause anxiety"),
                           ("Could low magnesium play a part in depression?", "deficiencies"),
                           ("Does magnesium play a part in sleep?", "sleep")):
        answer = engine.answer(question)
        assert answer.answered and said in answer.passages[0].text, question
        assert "parts of the body" not in answer.passages[0].text, question


def test_the_bottom_line_asks_for_the_article_summing_up(engine):
    for question in ("What's the bottom line on magnesium?", "Give me the takeaway on magnesium supplements.",
                     "My husband wants the short version. What's the final word on magnesium and the nervous system?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
        assert answer.passages[0].text.startswith("In conclusion"), question


def test_a_question_joined_to_the_story_by_so_but_or_a_semicolon_is_its_own_sentence(engine):
    assert sentences._parts("He coaches on weekends and is stressed, so could magnesium help his stress?") == \
        ["He coaches on weekends and is stressed", "so could magnesium help his stress?"]
    assert sentences._parts("My son has been moody; is magnesium linked to depression?") == \
        ["My son has been moody", "is magnesium linked to depression?"]
    assert len(sentences._parts("What is the normal range of blood sugar, and does magnesium affect it?")) == 1
    assert len(sentences._parts("Is it elemental magnesium, but is it adjusted in pregnancy?")) == 1  # two questions
    for question in ("My wife waitresses double shifts and is wiped out, so could magnesium boost her energy?",
                     "Since the layoffs my husband has been irritable; could magnesium help with his stress?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question


def test_words_of_harm_are_phrasing_only_beside_a_thing_the_question_itself_names(engine):
    answer = engine.answer("My husband keeps reading health blogs and takes magnesium. "
                           "What are the side effects to watch for?")
    said = answer.reason["matched"] + answer.reason["missing"]
    assert "side effects" in said  # what is asked, not how a question about "health" asks
    answer = engine.answer("Is anxiety a side effect of magnesium?")
    assert "side effect" not in answer.reason["matched"] + answer.reason["missing"]


def test_a_person_named_by_a_phrase_is_a_person_not_the_animal_it_ends_with(engine):
    for question in ("My husband is a real night owl. Could magnesium help him sleep earlier?",
                     "My daughter is a couch potato these days. Could magnesium boost her energy?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    assert engine.answer("Is magnesium good for night owls?").not_discussed  # asked about: who it is for
    assert engine.answer("My cat is anxious. Could magnesium help her?").not_discussed == ("cat",)


def test_a_condition_said_in_the_story_and_the_question_still_makes_words_of_harm_phrasing(engine):
    for question in ("My husband has a heart condition. Is magnesium risky for people with heart problems?",
                     "My uncle has a heart condition. Could magnesium be dangerous with heart problems?"):
        answer = engine.answer(question)
        assert answer.answered and "heart problems" in answer.passages[0].text, question


def test_asking_for_thoughts_or_ideas_on_a_story_asks_about_the_story(engine):
    for question in ("My mom is on blood pressure medicine and wants to add magnesium. Any thoughts?",
                     "My husband gets headaches since he started magnesium. Any ideas?",
                     "My wife takes magnesium for her anxiety and it seems worse. Your opinion?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    assert "glycinate" in engine.answer("My dad takes magnesium glycinate. Any thoughts?").not_discussed


def test_a_story_of_rare_words_does_not_keep_a_definition_from_its_defining_passage(engine):
    for question in ("My aunt swears by it for her blood pressure and cholesterol, my uncle for his headaches. "
                     "What is magnesium?",
                     "So many articles about insomnia, melatonin and migraines. I'm lost. Can you tell me what "
                     "magnesium is?"):
        answer = engine.answer(question)
        assert answer.answered and answer.passages[0].text.startswith("Magnesium is an essential mineral"), question
    assert not engine.answer("My son read about supplements. What is magnesium glycinate?").answered


def test_standard_text_speak_is_read_as_the_words_it_stands_for(engine):
    assert message_words("is it tru tho") == ["is", "it", "true", "though"]
    assert message_words("prolly fine, afaik", hedges=False) == ["probably", "fine"]
    for question in ("is it tru mag is linked to epilepsy", "legit question, can mag cause insomnia"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question


def test_a_time_gone_by_says_when_the_story_happened(engine):
    for question in ("started mag the past month and now im anxious all the time, why",
                     "I took magnesium three days ago and got a headache, is that from it?",
                     "since last week on magnesium my sleep got worse, can it cause insomnia?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    assert engine.answer("can magnesium make my week better?").not_discussed == ("week",)


def test_a_recurring_time_says_when_the_story_happens_but_a_recurring_time_of_taking_is_asked(engine):
    for question in ("my son gets headaches every evening, can magnesium cause headaches?",
                     "she wakes up each night since starting magnesium, can it cause insomnia?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    said = "is it ok to take magnesium every morning".split()
    assert not grammar._in_story_time(said, said.index("morning"))
    assert grammar._in_story_time("tired every afternoon".split(), 2)


def test_the_bare_place_noun_of_a_compound_preposition_is_how_it_is_said(engine):
    answer = engine.answer("already on pills, is it ok to take magnesium on top")
    assert answer.answered and "top" in answer.reason["context"]
    said = "does magnesium help the top of my head".split()
    assert not grammar._in_compound_preposition(said, said.index("top"))  # a place named: bot.focus weighs it


def test_a_choice_of_kinds_in_a_statements_order_is_answered_by_the_kind_the_article_says(engine):
    for question in ("Magnesium is vitamin or mineral?", "magnesium, it is a vitamin or a mineral?",
                     "Is the magnesium vitamin or it is mineral?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
        assert "mineral" in answer.passages[0].text, question


def test_a_verb_before_the_subject_is_not_a_product_of_the_word_before_it(engine):
    answer = engine.answer("The calcium in milk can stop that body absorb magnesium?")
    assert "body absorb" not in answer.not_discussed
    answer = engine.answer("Minerals of the food can block that body take magnesium?")
    assert answer.answered and "interfere with the absorption" in answer.passages[0].text


def test_what_is_forbidden_for_whom_asks_who_should_avoid_it(engine):
    for question in ("Who is not allowed to take magnesium?", "For whom magnesium is prohibited?",
                     "To which people the magnesium is forbidden?"):
        assert any(shape.name == "caution" for shape in intent.of_question(question)), question
        answer = engine.answer(question)
        assert answer.answered and "should avoid taking magnesium" in answer.passages[0].text, question


def test_acting_is_how_a_question_asks_what_a_thing_does(engine):
    for question in ("How is magnesium acting on the neurons?", "In what way does magnesium act with neurons?"):
        answer = engine.answer(question)
        assert answer.answered and "activity of neurons" in answer.passages[0].text, question


def test_before_or_after_another_event_asks_a_time(engine):
    for question in ("Magnesium is taken after the meal or before the meal?", "do u take mag before or after food"):
        assert any(shape.name == "time or place" for shape in intent.of_question(question)), question
        assert not engine.answer(question).answered, question


def test_how_a_level_is_tested_is_covered_only_by_a_passage_naming_a_test(engine):
    for question in ("can a blood test show if im low on magnesium", "The analysis of the blood shows the magnesium?",
                     "how would a doctor check my magnesium levels", "is there a test to tell if u lack mag"):
        assert any(shape.name == "test" for shape in intent.of_question(question)), question
        assert not engine.answer(question).answered, question
    assert engine.answer("does magnesium regulate cholesterol levels?").answered


def test_asking_whether_it_is_the_cause_of_what_was_told_asks_a_harm():
    for question in ("been on magnesium and my sleep is awful, could that be it",
                     "I take magnesium and I am nervous all day. Can this be the cause?"):
        assert any(shape.name == "harm" for shape in intent.of_question(question)), question


def test_becoming_is_how_a_question_asks_not_a_thing_it_needs_covered(engine):
    for question in ("With magnesium the sleep becomes more good?", "the concentration became better from magnesium?"):
        answer = engine.answer(question)
        assert answer.answered and "become" not in " ".join(answer.reason["missing"]), question


def test_a_compound_of_the_article_turned_round_with_of_is_read_in_its_order(engine):
    for question in ("Magnesium is regulating the pressure of the blood?",
                     "The levels of cholesterol magnesium helps?"):
        answer = engine.answer(question)
        assert answer.answered and "regulate blood pressure and cholesterol" in answer.passages[0].text, question
    assert engine.answer("What are the side effects of magnesium?").answered  # never a compound of the subject


def test_the_subject_opening_a_clause_is_no_product_of_the_word_before_it(engine):
    answer = engine.answer("The signals of the brain magnesium is changing them?")
    assert answer.answered and "brain magnesium" not in answer.not_discussed


def test_i_before_e_the_wrong_way_round_is_the_likeliest_slip(engine):
    for typed, meant in (("wierd", "weird"), ("beleive", "believe"), ("freind", "friend")):
        answer = engine.answer(f"is it {typed} that magnesium causes headaches")
        assert answer.reason["corrected"].get(typed) == meant, typed


def test_a_word_of_asking_is_never_read_as_a_neighbour_slip(engine):
    for question in ("I took magnesium and got a headache, is that common?", "is magnesium making people anxious?"):
        assert engine.answer(question).reason["corrected"] == {}, question
    assert engine.answer("hart problems and magnesium?").reason["corrected"] == {"hart": "heart"}


def test_an_age_said_of_oneself_is_named_as_the_age(engine):
    assert engine.answer("is it safe for me to take mag, im 13").not_discussed == ("13-year-olds",)
    assert engine.answer("my sister she is 8, can she have magnesium gummies?").not_discussed == ("8-year-olds",)


def test_too_long_asks_a_time(engine):
    question = "been on magnesium since last year, is that too long?"
    assert any(shape.name == "time or place" for shape in intent.of_question(question))
    assert not engine.answer(question).answered


def test_words_of_harm_beside_only_a_synonym_of_the_subject_still_name_what_is_asked(engine):
    for question in ("are there any side effects from mag", "r there ne sfx from mg"):
        answer = engine.answer(question)
        assert "side effects" in " ".join(answer.reason["matched"]), question


def test_an_age_had_as_other_languages_say_it_is_an_age(engine):
    answer = engine.answer("I have 45 years, how much magnesium I must take in one day?")
    assert answer.answered and "400-420mg" in answer.passages[0].text
    assert engine.answer("My daughter has 6 years, she can take magnesium?").not_discussed[-1] == "6-year-olds"


def test_a_number_asked_for_beside_an_amount_is_how_the_question_asks(engine):
    for question in ("Give me a number: how much magnesium per day?", "I just need the number. How many mg a day?",
                     "Is there a number for how much an adult should take?"):
        answer = engine.answer(question)
        assert answer.answered and "400-420mg" in answer.passages[0].text, question
    assert intent.names_asked_kind("number", intent.of_question("how many mg a day"))
    assert not intent.names_asked_kind("number", intent.of_question("does it cause side effects"))


def test_a_pronoun_standing_for_a_thing_named_earlier_in_the_question_sentence_does_not_point_at_the_story(engine):
    # "it" after a clause naming the thing is that thing: the story's words stay the asker's, weighing less
    told = engine.answer("My uncle said I should look at my diet. I never took it seriously. I shrugged. "
                         "What is magnesium, and does a person really need it?")
    assert told.passages[0].text.startswith("Magnesium is an essential mineral")
    story = {c.word: c.weight for c in told.query.concepts}
    assert story["look"] < story["magnesium"]
    # in the thing's own clause it stands for something of the story ("can magnesium cause it?")
    pointed = engine.answer("My husband lies awake every night. He started a new supplement. Could magnesium cause it?")
    assert {c.word: c.weight for c in pointed.query.concepts}.get("awake", 2.0) >= 1.0


def test_it_doing_something_to_a_thing_the_question_names_is_the_subject_not_the_story(engine):
    for question in ("My wife has taken magnesium for a month. She paces at night and feels edgy. Can it really "
                     "cause anxiety?",
                     "Dad takes a pill every night with his tea. His head pounds. Does it trigger migraines?"):
        weights = {c.word: c.weight for c in engine.answer(question).query.concepts}
        assert weights["night"] < 1.0, question  # the story's words are the asker's
    # "is it ...?" asks about the story's thing: the story is what is asked
    story = engine.answer("My daughter started magnesium and wakes every night. Is it a side effect?")
    assert {c.word: c.weight for c in story.query.concepts}["night"] >= 1.0


def test_an_existential_there_and_the_it_that_is_taken_do_not_point_at_the_story(engine):
    for question in ("My gran has lots of health problems and a drawer of pills. A neighbour gave her magnesium. "
                     "Is there anyone who should not take it?",
                     "My brother is on a dozen tablets for his heart and feels awful. Are there conditions where "
                     "people should not take it?"):
        answer = engine.answer(question)
        assert answer.answered and "certain medical conditions" in answer.passages[0].text, question
        assert {c.word: c.weight for c in answer.query.concepts}["health" if "health" in question else "heart"] < 1.0


def test_a_verb_ending_in_s_after_the_subject_is_what_it_does_not_a_condition_it_names(engine):
    for question in ("is there evidence magnesium lifts low mood?", "proof magnesium lifts anxiety?"):
        answer = engine.answer(question)
        assert "defici" not in answer.query.terms, question
    assert "defici" in engine.answer("magnesium insufficiency and depression?").query.terms  # a condition


def test_asking_what_troubles_it_causes_wants_them_named(engine):
    for question in ("what nerve and brain problems can magnesium cause when you take too much?",
                     "which problems does too much magnesium cause?"):
        assert "effects named" in [i.name for i in intent.of_question(question)], question
        answer = engine.answer(question)
        assert answer.answered and "headaches, anxiety, and insomnia" in answer.passages[0].text, question
    lacking = intent.of_question("what problems do people with low magnesium have")
    assert "effects named" not in [i.name for i in lacking]


def test_a_synonym_key_with_the_particle_of_a_phrasal_verb_is_that_verb(engine):
    answer = engine.answer("where does magnesium fit in?")
    assert "epilepsi" not in answer.query.terms and "fit in" in answer.query.context
    assert "epilepsi" in engine.answer("can magnesium stop fits in children").query.terms  # a noun: seizures
    assert "epilepsi" in engine.answer("does magnesium help with fits").query.terms


def test_asking_someone_to_explain_what_a_thing_does_asks_it_defined(engine):
    for question in ("Could you explain what magnesium does in the body?",
                     "can someone explain in simple terms what the nervous system does and why magnesium matters?"):
        assert intent.defined_word(question.casefold().rstrip("?")) is not None, question
    assert intent.defined_word("how does the article describe what magnesium actually does") == "magnesium"
    answer = engine.answer("Could you explain what magnesium does in the body?")
    assert answer.passages[0].text.startswith("Magnesium is an essential mineral")


def test_asking_whether_it_is_beneficial_or_harmful_wants_both_sides_weighed(engine):
    for question in ("Is magnesium beneficial or harmful for the nervous system?",
                     "overall, is it helpful or harmful to nerves?", "Mg on the CNS: net positive or negative?"):
        assert "both sides" in [i.name for i in intent.of_question(question.casefold())], question
        assert "both positive and negative effects" in engine.answer(question).passages[0].text, question
    assert "both sides" not in [i.name for i in intent.of_question("is it harmful for kids")]


def test_a_question_sentence_asking_a_kind_of_answer_is_covered_by_a_passage_giving_it(engine):
    # the question sentence names only the subject; the story after it is the asker's, not what is asked
    for question in ("Are there people who really shouldn't take magnesium? I'm buying a big jar for my whole "
                     "family and my wide circle of friends.",
                     "Who shouldn't take magnesium? I keep a big stock for the household and want to be sure."):
        answer = engine.answer(question)
        assert answer.answered and "certain medical conditions" in answer.passages[0].text, question


def test_lead_to_is_how_a_link_is_asked_like_cause(engine):
    for question in ("can too much magnesium lead to headaches?", "does it lead to anxiety?"):
        answer = engine.answer(question)
        assert "lead" not in [c.word for c in answer.query.known if not c.phrasing], question
        assert answer.answered, question


def test_closing_advice_asks_the_summing_up_and_supplementing_points_at_the_subject(engine):
    for question in ("any closing advice for someone starting magnesium?", "parting words on magnesium?",
                     "closing rec before a patient starts supplementing?"):
        answer = engine.answer(question)
        assert answer.answered and answer.passages[0].text.startswith("In conclusion"), question
    assert engine.answer("risks when supplementing?").kind is not Kind.NO_MATCH
    assert engine.answer("any recs on dose?").answered  # clinical shorthand: recommendations


def test_what_it_can_do_when_you_take_too_much_wants_the_effects_named(engine):
    for question in ("what does it do if you overdo it",
                     "what could magnesium do to the nerves when you take too much?"):
        assert "effects named" in [i.name for i in intent.of_question(question.rstrip("?"))], question
        assert "headaches, anxiety, and insomnia" in engine.answer(question).passages[0].text, question
    assert "effects named" not in [i.name for i in intent.of_question("what can magnesium do for my nerves")]


def test_a_corpus_word_saying_how_much_of_a_state_is_context(engine):
    for question in ("he is wide awake at night, can magnesium cause that?",
                     "she's been wide awake since she started it"):
        answer = engine.answer(question)
        assert "wide" in answer.query.context and "wide" not in answer.query.terms, question
    assert "wide" in engine.answer("is magnesium involved in a wide range of processes?").query.terms


def test_a_word_asking_a_role_is_not_a_subject_the_corpus_lacks(engine):
    answer = engine.answer("My grandson asked me about supplements at lunch. Does it have a real job in how nerve "
                           "cells behave?")
    assert answer.answered and "regulate the activity of neurons" in answer.passages[0].text
    assert not engine.answer("what is the job of a pharmacist?").answered


def test_a_label_naming_who_asks_is_told_not_asked(engine):
    answer = engine.answer("Med student q: how does the article describe what the nervous system does?")
    assert "transmitting signals from the brain" in answer.passages[0].text
    assert {c.word: c.weight for c in answer.query.concepts}["student"] < 1.0
    # a topic before the colon is what is asked
    assert "insomnia" in engine.answer("Insomnia: caused by magnesium?").query.terms


def test_an_adequate_or_sufficient_amount_given_asks_no_amount(engine):
    for question in ("do supplements ensure sufficient intake?", "does a supplement guarantee an adequate dose?"):
        assert "quantity" not in [i.name for i in intent.of_question(question.rstrip("?"))], question
    assert "right amount" in engine.answer("do supplements ensure sufficient intake?").passages[0].text
    assert "quantity" in [i.name for i in intent.of_question("what is an adequate intake for adults")]


def test_wh_words_are_function_words_and_adjectives_name_nothing_the_question_asks_about(engine):
    for question in ("whose advice should I follow on magnesium and headaches?",
                     "I'm wondering whether magnesium can cause anxiety."):
        answer = engine.answer(question)
        assert answer.answered and not answer.not_discussed, question
    # hedges and slang adjectives ("legit", "basic", "weird") say how it is asked, not what it names
    slangy = engine.answer("so whats the basic deal with magnesium, is it legit something my body needs")
    assert slangy.answered and slangy.query.unrelated <= slangy.query.asked
    assert not engine.answer("how do I translate good night into French?").answered  # naming things it lacks



def test_a_passage_naming_a_thing_only_after_summing_up_yields_to_one_stating_it(engine):
    passages = engine.library.passages
    summing = next(p.text for p in passages if "Overall, magnesium can have both" in p.text)
    assert intent.only_sums_up(summing, frozenset({"insomnia"}))  # only in "...cause headaches, anxiety, and insomnia"
    assert not intent.only_sums_up(summing, frozenset({"melatonin"}))  # stated before the summing up
    assert not intent.only_sums_up("Magnesium can cause insomnia. Overall, it is safe.", frozenset({"insomnia"}))
    for question in ("Can magnesium actually cause sleeplessness?", "is insomnia something magnesium can cause?"):
        answer = engine.answer(question)
        assert answer.answered and "Finally, magnesium can also cause insomnia" in answer.passages[0].text, question


def test_a_fragment_opening_with_only_or_just_narrows_the_question_before(engine):
    for question, before in (("only at high doses?", "can magnesium cause side effects?"),
                             ("just for adults?", "what is the recommended dosage of magnesium"),
                             ("only if u take too much??", "can mag give u headaches"),
                             ("solely in excess?", "does magnesium cause headaches")):
        assert engine.answer(question, after=before).reason["follow_up_of"] == before, question
    # the amount after "high" is how "too much" is said: the passage saying "in excess" answers
    for question, before in (("only at high doses?", "can magnesium cause side effects?"),
                             ("just with big doses?", "does magnesium cause anxiety?")):
        assert engine.answer(question, after=before).answered, question
    # with an auxiliary it is a question of its own, "just" a filler
    alone = engine.answer("just wondering, does magnesium help with headaches?", after="is magnesium safe")
    assert alone.reason["follow_up_of"] is None



def test_a_choice_between_people_is_answered_for_the_one_the_article_names(engine):
    for question, before in (("is that for children too or just adults?", "how much magnesium a day"),
                             ("for teens or only adults?", "what's the recommended dosage")):
        answer = engine.answer(question, after=before)
        assert answer.answered and "400-420mg per day for adults" in answer.passages[0].passage.text, question
    assert engine.answer("is the daily dose for seniors as well or just adults?").answered
    # without a choice the people the article lacks still restrict the question
    assert not engine.answer("is magnesium safe for kids?").answered
    assert not engine.answer("is the daily dose for dogs or adults?").answered  # not people


def test_a_follow_up_asking_why_of_what_was_just_said_gets_the_passage_explaining_it(engine):
    for asked in ("how would that even happen", "how so", "in what way", "how does it do that", "how is that possible"):
        assert [i.name for i in intent.of_question(asked)] == ["reason"], asked
    assert not intent.of_question("how does magnesium work for sleep")  # names what it asks about
    # "Without enough melatonin, it can be difficult to fall asleep" is explained in the passage before it:
    # "...can also cause insomnia. This is because it can interfere with melatonin production"
    for after, why in (("can magnesium make it hard to stay asleep?", "why does that happen?"),
                       ("is it true magnesium can make falling asleep difficult?", "how does that work exactly?"),
                       ("mag keeping me up at night?", "whats the reason")):
        answer = engine.answer(why, after=after)
        assert answer.answered and "interfere with melatonin production" in answer.passages[0].text, why
        assert answer.reason["why"].startswith("it gives what is asked of the answer before")
    # the passage beside it explains something else: "which can reduce pain" is not explained by a vasodilator
    for why in ("why?", "how does it do that?"):
        answer = engine.answer(why, after="does magnesium help nerve pain?")
        assert answer.answered and "reduce pain" in answer.passages[0].text, why
    # a quoted passage giving its own reason is kept
    answer = engine.answer("how so?", after="does magnesium cause anxiety?")
    assert "disrupt the balance of neurotransmitters" in answer.passages[0].text


def test_a_follow_up_asking_which_effects_wants_them_named_one_by_one(engine):
    # "which ones?" after side effects wants the passage naming them, not one saying there are some
    for after, which in (("does magnesium have side effects when taken in excess?", "what are they?"),
                         ("does too much magnesium have side effects?", "like what?"),
                         ("can magnesium cause side effects?", "which ones exactly"),
                         ("are there any adverse effects of magnesium?", "what are those?")):
        answer = engine.answer(which, after=after)
        assert answer.answered and "headaches, anxiety, and insomnia" in answer.passages[0].text, which
    # what it points back at must be effects: "which ones?" after medications asks no effects
    assert not any(i.names for i in intent.of_question("which ones?", "can it interfere with other medications"))


def test_a_follow_up_asking_if_it_does_the_opposite_asks_the_harm(engine):
    for after, opposite in (("does magnesium help with anxiety?", "can it do the opposite tho?"),
                            ("does magnesium improve sleep?", "could it do the reverse?")):
        answer = engine.answer(opposite, after=after)
        assert answer.answered and "This is because" in answer.passages[0].text, opposite
        assert "harm" in [i.name for i in intent.of_question(opposite)]


def test_the_level_a_question_is_asked_at_is_how_it_asks_not_an_amount(engine):
    assert grammar._names_part_said("how does it work at the neuronal level".split(), 7)
    assert grammar._names_part_said("and on a cellular level".split(), 4)
    assert not grammar._names_part_said("does it lower cholesterol level".split(), 4)  # a noun's level: an amount
    answer = engine.answer("how does it work at the neuronal level?", after="what does magnesium do for nerves?")
    assert answer.answered and "regulate the activity of neurons" in answer.passages[0].text
    assert "level" in answer.reason["context"]


def test_better_said_of_the_subject_asks_which_is_preferred_not_an_improvement(engine):
    for asked in ("why is a supplement better?", "is it better to take a pill?", "are tablets better than food?"):
        tokens = message_words(asked)
        assert grammar._judges_subject(tokens, tokens.index("better")), asked
    for asked in ("will it make me sleep better", "does it work better at night", "is it better for sleep"):
        tokens = message_words(asked)
        assert not grammar._judges_subject(tokens, tokens.index("better")), asked
    answer = engine.answer("why is a pill better?", after="should I get my magnesium from meals or from pills?")
    assert answer.answered and "difficult to get the recommended daily dosage" in answer.passages[0].text


def test_how_a_thing_is_done_is_its_reason_and_how_one_treats_it_a_treatment(engine):
    assert [i.name for i in intent.of_question("how does it do that in the nervous system")] == ["reason"]
    reason = next(i for i in intent.INTENTS if i.name == "reason")
    assert intent.answers(reason, "It plays a key role by helping to regulate the activity of neurons.")
    answer = engine.answer("how does it do that in the nervous system?",
                           after="is magnesium important for the nervous system?")
    assert answer.answered and "by helping to regulate the activity of neurons" in answer.passages[0].text
    for asked in ("how do you treat a magnesium overdose", "how can doctors manage it"):
        assert "treatment" in [i.name for i in intent.of_question(asked)], asked
    for asked in ("how does it treat anxiety", "how can i manage to take it daily"):  # what it does; a way to
        assert "treatment" not in [i.name for i in intent.of_question(asked)], asked
    assert not engine.answer("I'm a paramedic, how would you treat magnesium toxicity?").answered


def test_a_why_after_an_answer_that_missed_gets_the_reason_of_what_was_asked(engine):
    # the first answer quotes no passage on anxiety or insomnia, the follow-up still gets the reason
    for after, why in (("started mag pills for cramps and now im anxious all the time, coincidence?", "how come"),
                       ("magnesium and insomnia, is there a link?", "why does it do that")):
        answer = engine.answer(why, after=after)
        assert answer.answered and "This is because it can" in answer.passages[0].text, why


def test_the_clinical_words_for_how_a_thing_comes_about_ask_the_reason(engine):
    for asked in ("Pathophysiology?", "Etiology of the headaches per the article?", "aetiology?"):
        assert "reason" in [i.name for i in intent.of_question(asked)], asked
    answer = engine.answer("Pathophysiology?", after="Mg-related anxiety per text?")
    assert answer.answered and "disrupt the balance of neurotransmitters" in answer.passages[0].text


def test_a_follow_up_asking_advice_or_who_of_what_was_just_said_gets_the_passage_giving_it(engine):
    # the passage quoted weighs both sides or names side effects; the follow-up asks what to do, or who
    answer = engine.answer("so what should I do?", after="is magnesium good or bad for the nerves?")
    assert answer.answered and "speak with" in answer.passages[0].text
    answer = engine.answer("who shouldn't take it then?", after="can magnesium cause side effects?")
    assert answer.answered and "should avoid taking magnesium" in answer.passages[0].text
    # a follow-up naming a thing of its own asks about that thing, not of the passage just quoted
    answer = engine.answer("so what should I do about the headaches?", after="is magnesium good or bad for the nerves?")
    assert answer.query.follow_up_of and "headaches" in answer.passages[0].text


def test_a_common_real_word_is_no_slip_for_an_equally_common_one_beside_it(engine):
    # "taking two" is a count, though the article says "taking too much"
    answer = engine.answer("I've been taking two magnesium tablets a day and now I get headaches. Is that why?")
    assert "two" not in answer.query.corrected
    assert "headaches" in answer.passages[0].passage.text.casefold()
    assert engine.answer("is magnesium bad for people with hart problems").query.corrected["hart"] == "heart"


def test_a_thing_after_a_denied_only_or_just_is_set_aside(engine):
    for question in ("Does magnesium ease inflammation across the whole body, not just in the nerves?",
                     "Can it lower inflammation everywhere in the body, not merely the nerves?"):
        answer = engine.answer(question)
        assert "nerves" in answer.reason["context"], question
        assert "inflammation in the body" in answer.passages[0].passage.text, question
    both = engine.answer("is magnesium good not only for sleep but also for anxiety?")
    assert "sleep" not in both.reason["context"]  # "not only ... but also" asks both


def test_a_question_leaving_its_subject_unsaid_points_back_at_the_story(engine):
    assert grammar._subject_left_out("can be from the magnesium".split())
    assert grammar._subject_left_out("is normal".split())
    assert not grammar._subject_left_out("is one tablet a problem".split())  # an amount, then the subject
    assert not grammar._subject_left_out("is fainting a known side effect".split())  # a gerund subject
    assert not grammar._subject_left_out("does magnesium help".split())
    for question, said in (
            ("Since I take magnesium I feel nervous and restless all day. Can be from the magnesium?", "anxiety"),
            ("Every night I wake up and cannot fall asleep again. Is from the magnesium pills?", "asleep"),
            # "stay", a linking verb like "feel", names nothing ("stay asleep" is the article's)
            ("I am anxious and I can't stay relaxed since two weeks. Is coming from the magnesium?", "anxiety")):
        answer = engine.answer(question)
        assert answer.query.pointed, question
        assert said in answer.passages[0].passage.text, question


def test_the_subject_in_a_form_is_one_thing_named_and_how_a_pointing_question_says_it(engine):
    for question, said in (
            ("I wake up many times in the night. This can come from the magnesium supplement?", "stay asleep"),
            ("My mom gets headaches since she switched to magnesium capsules. Could it be the magnesium "
             "capsules?", "Headaches are one"),
            ("Lately I feel jittery and restless. Could that be the mag tablets?", "anxiety")):
        answer = engine.answer(question)
        assert answer.query.pointed and answer.answered, question
        assert said in answer.passages[0].passage.text, question


def test_a_pointed_story_s_verbs_of_doing_weigh_as_the_story_and_its_states_as_asked(engine):
    query = engine.answer("My dad began magnesium last week and now his legs ache at night. Could it be "
                          "the magnesium?").query
    weights = {c.word: c.weight for c in query.concepts}
    assert weights["began"] == 0.5 and weights["night"] == 2.0
    assert [c.weight for c in query.concepts if "ach" in c.word or "pain" in c.terms] == [2.0]


def test_a_passage_holding_the_whole_question_sentence_covers_enough_to_rank_first_whatever_the_story(engine):
    for question, said in (
            ("My colleague says it boosts energy and mental clarity, and he takes a high dose for the gym. "
             "Is it true that magnesium helps with depression?", "symptoms of depression"),
            ("I started magnesium for my restless legs and to relax in the evening, following my pharmacist. "
             "How does it help the nerves?", "inflammation in the nerves"),
            ("My aunt is sure it is calming because the label says so, and she sells it at her shop. But "
             "her friend got jumpy on it. How could a mineral make someone anxious?", "cause anxiety")):
        answer = engine.answer(question)
        assert answer.answered and said in answer.passages[0].passage.text, question


def test_another_substance_s_product_in_the_story_is_context_unless_the_question_names_a_person(engine):
    answer = engine.answer("My husband takes melatonin supplements at night and a friend said to add "
                           "magnesium. Does magnesium affect melatonin?")
    assert answer.answered and "melatonin supplements" in answer.reason["context"]
    assert "melatonin" in answer.passages[0].passage.text
    assert engine.answer("She takes melatonin gummies. Can she take magnesium too?").not_discussed
    assert not engine.answer("Are melatonin gummies safe with magnesium?").answered


def test_a_word_right_before_an_object_pronoun_is_a_preposition_not_a_thing(engine):
    assert grammar._preposition_here("run it past someone first".split(), 2)
    assert not grammar._preposition_here("give the baby her dose".split(), 2)
    for question in ("I'm on a few medications already. Should I run magnesium past anyone before starting?",
                     "Should I get it past someone qualified before I take magnesium with my other meds?"):
        answer = engine.answer(question)
        assert answer.answered and "past" in answer.reason["context"], question
        assert "medications alongside magnesium" in answer.passages[0].passage.text


def test_a_passage_only_conceding_what_is_asked_yields_to_one_stating_it(engine):
    conceding = ("While excessive magnesium intake can cause some unwanted side effects, there are also many "
                 "benefits associated with taking magnesium supplements.")
    assert intent.only_concedes(conceding, frozenset({"excess"}))
    assert not intent.only_concedes(conceding, frozenset({"benefit"}))  # said in the main clause
    assert not intent.only_concedes("Excessive intake can cause headaches.", frozenset({"excess"}))
    for question in ("what goes wrong when you take magnesium in excess?",
                     "My aunt takes three products with magnesium in them. What happens if you take more than "
                     "you need?"):
        top = engine.answer(question).passages[0].passage.text
        assert not top.startswith("While excessive"), question


def test_a_synonym_read_as_a_state_is_the_verb_when_it_acts_on_another_thing(engine):
    acting = engine.answer("Would magnesium calm the inflammation in my joints?")
    assert "calm" in acting.reason["context"] and "anxiety" not in acting.reason["query"]
    assert "reduce inflammation in the body" in acting.passages[0].passage.text
    assert "anxieti" in engine.answer("does magnesium calm stress?").reason["query"]
    assert "anxieti" in engine.answer("Does magnesium calm anxiety?").reason["query"]


def test_what_make_the_x_asks_what_x_does_and_the_nervous_system_is_no_feeling(engine):
    assert intent.defined_word("what make exactly the nervous system") == "nervous system"
    assert intent.defined_word("which work make the nervous system in the body") == "nervous system"
    assert not any(i.name == "harm" for i in intent.of_question("what makes the nervous system"))
    assert any(i.name == "harm" for i in intent.of_question("does magnesium make you nervous"))
    answer = engine.answer("What make the nervous system? I not understand its work.")
    assert "responsible for transmitting signals" in answer.passages[0].passage.text


def test_a_lower_passage_stating_what_the_close_ones_only_restate_is_weighed(engine):
    for question in ("Sleeplessness as AE of supplementation?", "Insomnia flagged as an adverse effect?"):
        top = engine.answer(question).passages[0].passage.text
        assert "Finally, magnesium can also cause insomnia" in top, question
    summary = engine.answer("Importance of Mg for human physiology — how does the conclusion put it?")
    assert summary.passages[0].passage.text.startswith("In conclusion")  # no kind asked: the summary stays


def test_supplemental_points_at_taking_the_subject(engine):
    route = engine.answer("Dietary vs supplemental route — which is preferred and why?")
    assert route.answered and "rather than through food sources" in route.passages[0].passage.text


def test_a_phrase_read_as_a_condition_names_it_even_with_a_word_of_harm_in_it(engine):
    for question in ("why does taking too much magnesium make your head hurt?",
                     "why does too much mag make my head hurt"):
        answer = engine.answer(question)
        assert "headach" in answer.reason["query"], question
        assert answer.passages[0].passage.text.startswith("Headaches are one"), question


def test_a_definition_is_read_after_sentence_adverbs_and_before_a_second_question():
    assert intent.defined_word("honestly what does melatonin do and why does it matter") == "melatonin"
    assert intent.defined_word("lowkey what does the nervous system even do and where does it fit in") == \
        "nervous system"  # "lowkey": somewhat, an adverb
    assert intent.defined_word("my son asked what does magnesium do") is None  # a story opens it, not an adverb


def test_an_auxiliary_slip_before_a_noun_phrase_and_a_bare_verb_is_the_auxiliary(engine):
    body = engine.answer("how dose the body use magnesium")
    assert body.query.corrected["dose"] == "does" and "dosage" not in body.query.expanded
    assert engine.answer("why dose a high dose cause headaches").query.corrected["dose"] == "does"
    where = engine.answer("were dose magnesium come from")  # "were": a slip of "where", asking
    assert where.query.corrected["dose"] == "does" and "food sources" in where.passages[0].text
    assert "dose" not in engine.answer("is one dose enough").query.corrected  # no verb after: the noun


def test_a_negation_opening_a_question_asks_whether_the_positive_holds(engine):
    food = engine.answer("can't you get enough magnesium from food alone")
    assert "lacking" not in food.query.spelled and "through food alone" in food.passages[0].text
    assert "lacking" in engine.answer("i dont get enough magnesium what happens").query.spelled  # a statement


def test_a_lasting_time_is_when_the_story_happens():
    tokens = "i have been anxious the whole week since starting it".split()
    assert grammar._in_story_time(tokens, tokens.index("week"))
    assert grammar._in_story_time("headaches all month".split(), 2)
    assert not grammar._in_story_time("can i take it all day".split(), 5)  # a time of taking: asked


def test_a_supplement_form_points_at_the_subject_and_reads_as_a_supplement(engine):
    assert intent.refers_to_subject("do my gummies cause this", pronouns=False)
    assert engine.answer("are softgels safe").query.expanded["softgels"] == ["supplement"]
    assert engine.answer("my head is pounding since i doubled my gummies").answered


def test_a_real_word_slip_making_a_phrase_of_the_synonyms_table_is_read_as_that_phrase(engine):
    uncle = engine.answer("my uncle has a hart condition can he use mag")
    assert uncle.query.corrected["hart"] == "heart" and "heart problems" in uncle.passages[0].text
    assert "hart" not in engine.answer("is a hart an animal").query.corrected  # no phrase: as written


def test_a_word_too_rare_to_be_common_is_read_as_the_article_s_word_one_slip_away(engine):
    assert engine.answer("felling anxious since i started mag").query.corrected["felling"] == "feeling"
    assert "foaming" not in engine.answer("he is foaming at the mouth").query.corrected  # no slip: as written
    assert spelling._typing_cost("felling", "feeling") == 0.5  # the doubling on the letter beside


def test_a_verb_saying_what_is_helped_is_read_as_the_state_it_names(engine):
    names = engine.answer("can magnesium help me remember names")
    assert names.query.expanded["remember"] == ["memory"] and "memory" in names.passages[0].text
    assert "remember" not in engine.answer("i remember reading it helps sleep").query.expanded  # not what is helped


def test_how_a_thing_works_asks_what_it_does_and_good_for_it_or_bad_asks_both_sides(engine):
    assert intent.defined_word("how does the nervous system work and where does magnesium fit in") == \
        "nervous system"
    assert "transmitting signals" in engine.answer("how dose the nervus system work").passages[0].text
    shapes = [i.name for i in intent.of_question("is magnesium good for the nerves or bad")]
    assert "both sides" in shapes and "benefit" not in shapes  # both ways: no direction
    assert "both positive and negative" in engine.answer("is magnesium good for the nerves or bad").passages[0].text


def test_a_dosage_form_after_the_subject_is_the_subject_as_taken_not_other_medications(engine):
    capsules = engine.answer("since starting mag capsules i get headaches")
    assert "capsules" in capsules.query.context and "Headaches are one" in capsules.passages[0].text
    assert "medications" not in capsules.query.terms
    pill = engine.answer("does a pill guarantee you get enough magnesium")  # an article, the subject named
    assert "pill" in pill.query.context and "ensure that your body gets" in pill.passages[0].text
    assert "medic" in engine.answer("can i take magnesium with my pills").query.terms  # his own: medications
    other = engine.answer("can i take mag pills with my other pills")  # the other pills: medications
    assert "medic" in other.query.terms and "other supplements or medications" in other.passages[0].text


def test_two_common_words_run_together_are_read_as_two(engine):
    assert engine.answer("what are the sideeffects of magnesium").query.corrected["sideeffects"] == "side effects"
    assert "400-420mg" in engine.answer("howmuch magnesium should i take").passages[0].text
    assert spelling._run_together("bloodpressure") == "blood pressure"
    assert spelling._run_together("anything") is None  # an English word
    assert spelling._run_together("neurocognitive") is None  # read by its word parts


def test_a_vowel_left_out_is_one_of_the_commonest_slips(engine):
    assert engine.answer("cant sleep since i startd magnesium").query.corrected["startd"] == "started"  # not "starts"
    assert engine.answer("how many calries in a banana").query.corrected["calries"] == "calories"  # not "carries"
    assert spelling._typing_cost("lowr", "lower") == 0.5


def test_a_time_to_come_or_named_by_its_event_is_when_the_story_happens(engine):
    assert grammar._in_story_time("i have exams next week".split(), 4)
    assert grammar._in_story_time("finals week has me stressed".split(), 1)  # finals: an event
    assert not grammar._in_story_time("400 mg a day".split(), 3)  # an amount's time
    assert engine.answer("i have exams next week can mag help me focus").answered


def test_a_verb_with_its_particle_after_its_object_is_doing_not_a_thing(engine):
    assert grammar._verb_with_particle("might topping it up help her".split(), 1)
    assert grammar._verb_with_particle("would spacing out the pills help".split(), 1)
    assert not grammar._verb_with_particle("a pizza topping with spinach".split(), 2)  # a noun, no particle
    assert not grammar._verb_with_particle("the lights up there".split(), 1)  # no -ing, no object between
    for question in ("My son is low on magnesium, I think. Might topping it up calm his anxiety?",
                     "He takes three magnesium pills at once. Would spacing them out help with the side effects?"):
        answer = engine.answer(question)
        assert answer.answered and not answer.reason["unknown"], question
    answer = engine.answer("Will a pizza topping with spinach give my son enough magnesium?")
    assert not answer.answered and "topping" in answer.reason["unknown"]


def test_what_it_was_taken_for_yields_to_what_the_story_says_happened_since(engine):
    for question, wanted in (
            ("My son started magnesium for cramps last month and now he gets headaches most evenings. I don't want "
             "to overreact, but could it be the supplement?", "Headaches are one of the most common"),
            ("My father started magnesium for his nerves. He now feels anxious every afternoon. Is this something "
             "magnesium can do?", "magnesium can also cause anxiety"),
            ("My husband takes magnesium for his restless sleep. Lately he has a pounding headache every morning. "
             "Is it the magnesium?", "Headaches are one of the most common")):
        answer = engine.answer(question)
        assert answer.answered and wanted in answer.passages[0].passage.text, question
    # told alone, what it was taken for is what the question points at
    for question, wanted in (("My son takes magnesium for his sleep. Does it actually work for that?", "sleep"),
                             ("My wife started magnesium for migraines. Is there evidence it helps with them?",
                              "migraine")):
        answer = engine.answer(question)
        assert answer.answered and wanted in answer.passages[0].passage.text, question


def test_asking_whether_the_subject_is_to_blame_for_the_story_asks_a_harm(engine):
    for question in ("Dad has been on magnesium for a month and now he can't sleep. Is magnesium to blame?",
                     "My daughter takes magnesium every morning. She feels anxious by lunchtime. Might the "
                     "magnesium be doing this?",
                     "My mum has been on magnesium for weeks and now feels jittery. Could it be the reason?"):
        top = engine.answer(question).passages[0].passage.text
        assert "magnesium can also cause anxiety" in top, question
    assert "harm" not in [i.name for i in intent.of_question("is magnesium responsible for nerve transmission")]


def test_a_verb_done_badly_is_trouble_doing_it(engine):
    for question in ("My son sleeps poorly since he started magnesium. Could that be the magnesium?",
                     "Can magnesium cause you to sleep badly?",
                     "My wife has slept terribly this week after doubling her magnesium. Is this a known effect?"):
        answer = engine.answer(question)
        assert answer.answered and "insomnia" in answer.reason["query"], question
        assert "magnesium can also cause insomnia" in answer.passages[0].passage.text, question
    assert "insomnia" not in engine.answer("Does magnesium help you sleep?").reason["query"]


def test_the_noun_of_a_light_verbs_idiom_after_a_or_an_is_how_it_is_said(engine):
    assert grammar._in_phrasal_idiom("should i keep an eye out for".split(), 4)
    assert not grammar._in_phrasal_idiom("will magnesium knock a fever down".split(), 4)  # a condition
    for question in ("What should we keep an eye out for once my son starts magnesium?",
                     "My wife starts magnesium tomorrow. Which side effects should I keep an eye out for?"):
        answer = engine.answer(question)
        assert answer.answered and "eye" in answer.reason["context"], question
    assert "fever" in engine.answer("Will magnesium knock a fever down?").reason["unknown"]


def test_a_dictionary_word_is_not_read_as_an_unrelated_corpus_word_it_starts_like(engine):
    calming = engine.answer("Sedative and calming properties of Mg?")
    assert "properties" not in calming.reason["corrected"]  # "property" is not "proper" (dosage)
    assert "proper" not in calming.passages[0].text.split()
    assert engine.answer("Does Mg have anti-inflammatory properties?").passages[0].text.count("inflammation")
    assert engine.answer("Mg anti-inflammatory effect?").reason["corrected"] == {"inflammatory": "inflammation"}
    assert "magnets" not in engine.answer("my son swallowed a bunch of magnets").reason["corrected"]
    assert engine.answer("how does magnesium get absorbed from food?").reason["corrected"]["absorbed"] == "absorption"


def test_this_source_pointed_at_is_the_article_a_source_of_something_is_not(engine):
    dose = engine.answer("Per this source, upper daily dose for adults?")
    assert "source" in dose.reason["context"] and "400-420mg" in dose.passages[0].text
    assert "source" in engine.answer("What does your source say about sleep?").reason["context"]
    assert "sourc" in engine.answer("is food the best source of mg?").reason["query"]


def test_a_cell_named_by_its_tissue_is_that_tissue(engine):
    muscle = engine.answer("Does Mg act on myocytes, per the article?")
    assert muscle.reason["expanded"]["myocytes"] == ["muscle"] and "muscle" in muscle.passages[0].text
    assert "hepatocyte" in engine.answer("hepatocyte damage from Mg?").reason["unknown"]  # liver: not in the article


def test_modulatory_words_are_read_as_regulating(engine):
    answer = engine.answer("Modulatory action of Mg on neuron firing?")
    assert answer.reason["expanded"]["modulatory"] == ["regulate"]
    assert "regulate the activity of neurons" in answer.passages[0].text
    assert engine.answer("Mg: neuromodulatory?").reason["expanded"]["neuromodulatory"] == ["nerve regulate"]


def test_a_bare_source_before_a_verb_of_saying_is_the_article(engine):
    dose = engine.answer("Upper limit of daily intake: source states?")
    assert "source" in dose.reason["context"] and "400-420mg" in dose.passages[0].text
    assert "source" in engine.answer("Kidney dz — source mentions caution?").reason["context"]
    assert "sourc" in engine.answer("which food source has most mg?").reason["query"]
