"""Question analysis: the Query a question is read into, its concepts, and the QueryReader that reads it
(spelling in bot.spelling, sentences in bot.sentences, word classes and phrase shapes in
bot.grammar, words the corpus lacks looked up in bot.unknown_words)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot import focus, intent, lexicon
from bot.grammar import (_AMOUNT_WORDS, _AUXILIARIES, _DETERMINERS, _HELP_FORMS, _LARGE_WORDS, _LATER_AUXILIARIES,
                         _LINKING, _POSSESSIVES, _SUBJECTS, _VERB_ADVERBS, _VERB_AUXILIARIES, _adjective, _adverb,
                         _compared, _focus_noun, _in_compound_preposition, _in_phrasal_idiom, _in_story_time, _is_verb,
                         _judges_subject, _names_condition, _names_part_said, _names_person, _names_time, _noun,
                         _phrasal_verb, _predicate, _preposition_here, _refers_back, _said_of_pronoun, _set_aside,
                         _singular, _subject_left_out, _verb, _verb_slot, _verb_with_particle, verbless)
from bot.sentences import _QUESTION_WORDS, _asked_words, _chunks, _parts, _sentences
from bot.spelling import _FAMILY_PREFIX, Speller, _deletions, _in_use, _remembered
from bot.text import damerau, english_words, frequency, is_english_word, lemma, question_stems, stem, stop_words, words
from bot.unknown_words import Unknown, UnknownWords

# A question that leans on the one before: opens (after fillers such as "wait" or "ok") with a
# connector, or points back with a pronoun.
# A follow-up asking the opposite ("and the opposite? too much?", "what about the reverse, too little")
# swaps like "what about": what it names replaces the previous question's focus.
_OPPOSITE = frozenset({"opposite", "reverse", "contrary", "converse", "inverse"})
_CONNECTOR_RE = re.compile(
    r"^\s*(?:(?:wait|ok|okay|oh|ah|hm+|um+|uh+|well|lol|right|yeah|yes|hey|sorry|hold on)\W+)*"
    r"(and|but|or|so|also|then|plus|what about|how about|what if|why|how come|is it|is that|"
    r"does it|does that|can it|could it|will it|would it|for|with|without|in|same|which|what kind)\b",
    re.IGNORECASE)
# A follow-up that swaps what is asked about ("what about depression?" after "does it help anxiety?"):
# the previous question lends its subject and its phrasing, not its focus.
_SWAP_RE = re.compile(r"^\s*(?:(?:wait|ok|okay|oh|so|and|but)\W+)*(what about|how about|what of)\b", re.IGNORECASE)
# What a swap names is all it asks: a word the corpus lacks there is a focus even when its kind is
# usually context ("what about panic attacks?", "and what about while breastfeeding?"), unless it names
# a person by relation, a time or how something is said, or is an adjective of degree ("what about severe
# anxiety?").
_SWAP_CONTEXT = frozenset({"kin", "time-unit", "noun.communication", "noun.relation", "noun.motive"})
# The subject said to be absent ("magnesium is missing", "don't have enough magnesium") is a lack of
# it, read as WordNet's "lacking" (the article's "deficiencies").
_ABSENT_WORDS = frozenset({"missing", "absent", "gone"})
_NEGATIONS = frozenset({"not", "no", "never", "without"})
# A word of degree (or a possessive) inside a two-word phrase of the synonyms table leaves it that
# phrase ("think more clearly", "calm my nerves").
_DEGREE_WORDS = frozenset({"more", "less", "much", "very", "really"})
_LOW_WORDS = frozenset({"low", "lower", "short"})  # said of the subject: a lack of it ("low magnesium", "short on mag")
_LACK = "lacking"
_SUBSTANCES_HELD = frozenset({"noun.artifact", "noun.substance"})  # "my antidepressant", "her antacid"
_SUBSTANCES = frozenset({"noun.substance", "noun.body"})  # what a product can be made of ("melatonin")
_MEDICATIONS = "medications"  # the article's word for drugs: "pills", "meds" read as it
# "my 6 year old", "a 3-month-old", "my 9yo", "he's only 9": a child, whatever the rest of the message says;
# "he is 20 years", "she's 78": an adult, whom the article's "adults" include (its words are no focus).
_AGE_RE = re.compile(r"\b(\d{1,3}) (?:(year|yr|yrs|years) olds?|yo|y o|(month|months|mo|week|weeks) olds?)\b"
                     r"|\b(?:i am|i m|he is|she is|he s|she s|is only|aged)(?: only| just| barely)? (\d{1,2})"
                     r"(?: (?:years?|yrs?|yo)(?: old)?)?\b(?! (?:mg|mcg|g|ml|pills?|tablets?))"
                     r"|\bis (\d{1,2}) (?:years?|yrs?)\b"
                     r"|\b(?:have|has|having) (\d{1,3}) (?:years?|yrs?)\b")  # "he has 10 years"
_ADULT_AGE = 18
_BORROWED_WEIGHT = 0.5  # of a concept a follow-up borrows from the question before it
_FOLLOW_UP_WEIGHT = 2.0  # ...and of the follow-up's own (times its weight in its own message)
_QUESTION_WEIGHT = 2.0  # of the question sentence's words in a message of several sentences
_PURPOSE_REACH = 2  # words after "for" naming what the subject was taken for ("for sports recovery")
_STORY_WEIGHT = 0.5  # ...and of the story's before it, unless the question only points at it
_SYMPTOM_SENSES = frozenset({"noun.state", "noun.feeling"})  # a verb's noun sense naming a symptom ("ache", "tingle")
_SETTING_WEIGHT = 1.0  # ...when it does: of the sentences before the statement it points at
_AMOUNTS = frozenset({("too", "little"), ("too", "much")})  # how word parts say an amount (hypo-, hyper-)
_REFERRING = frozenset({"a", "an", "this", "that", "the"})  # before a word standing for one thing
# The sexes, and words for either ("is it the same for men and women?": see _frame_sexes).
_MALE = frozenset({"man", "men", "male", "males"})
_FEMALE = frozenset({"woman", "women", "female", "females"})
_SEXES = frozenset({"sex", "sexes", "gender", "genders"})
_COMPARING = frozenset({"same", "different", "differently", "difference", "differ", "differs", "vary", "varies"})
# What "during" or "while" introduces ("while breastfeeding", "during menopause") is when a question
# is asked for: a state or time of life the corpus lacks restricts it like "pregnant".
_DURING = frozenset({"during", "while", "whilst"})
_CONDITIONS = frozenset({"if", "when", "whether"})  # "if I'm breastfeeding": a state the question is asked for
_IS = frozenset({"is", "are", "am", "s", "m", "re"})  # ...said now ("when I was hospitalised" tells the story)
_DEGREES = frozenset({"", "noun.attribute"})  # adjectives of a property or degree ("negative", "nervous"), not a field
_STATES = frozenset({"noun.state", "noun.body", "noun.process", "noun.feeling"})  # what a body part may locate
_LONGEST_PHRASE = 4  # words of the longest WordNet phrase read as one ("in the first place")
_COMPOUND_PREPOSITIONS = frozenset({"with", "for", "of", "in", "on"})  # "problems with sleep"
_ARTICLES = frozenset({"the", "a", "an"})
_BADLY = frozenset({"badly", "poorly", "terribly"})  # a verb done so is trouble doing it ("sleeps badly")
_BEHIND = frozenset({"behind", "of", "for", "in"})  # "the science behind that", "the logic of it"
# Prepositions other languages put first, before "what" ("for what is it good?", "with what can I take it?").
_FRONTED = frozenset({"for", "with", "against", "from", "about"})
_WHAT_WORDS = frozenset({"what", "which", "whom"})
_OBJECT_PRONOUNS = frozenset({"me", "you", "him", "her", "it", "us", "them"})  # "keep me up" is "keep up"
_BE_WORDS = frozenset({"is", "are", "am", "was", "were", "be", "been", "being", "s", "m", "re", "keep", "keeps"})
# Words by which a question sentence is about a person of the story.
_PERSONAL_WORDS = frozenset({"i", "me", "my", "myself", "we", "us", "our", "he", "him", "his", "she", "her",
                             "hers", "they", "them", "their"})
_WHOM = frozenset({"noun.person", "noun.time", "kin"})  # people by kind ("women"), by age ("teens"), by relation
_LONGEST_ACRONYM = 5  # letters ("MTHFR")
_VITAMIN_LETTERS = frozenset({"b", "d"})  # named with a number ("B6", "B12", "D3"), split from it by the tokenizer
_DEMONSTRATIVES = frozenset({"that", "this"})
# Taken or added with the thing pointed at ("can magnesium be taken with that?", "add magnesium on top of that"):
# a combination, which the article's caution about other supplements and medications answers.
_ALONGSIDE = frozenset({"with", "alongside", "of", "besides"})
_COMBINING = frozenset({"take", "taken", "add", "mix", "combine", "use", "stack"})
_MODALS = frozenset({"can", "could", "will", "would", "might", "may", "does", "did"})
# What a person has or takes, named in a story (conditions, substances, drugs: rare artifacts, not "bed").
_HAD = frozenset({"noun.state", "noun.substance"})
_RARE_THING = 3.0  # Zipf: an artifact rarer than this is a specific product ("warfarin"), not a household thing
_POINTER_WORDS = frozenset({"it", "that", "this", "they", "them", "those", "these", "its", "him", "her",
                            "he", "she", "there"})
# Words going past an amount: after a question asking for one ("how much should I take?"), a follow-up
# saying one of them on its own ("and if u go over that?", "what if you take more then that", "what if i
# take double") asks about too much; followed by a content word it is something else ("more energy").
# Words adding to what was said ("even for a gummy", "for kids too"): they presuppose a question before;
# "too" before a word of degree or amount ("too much", "too strong") is that degree.
_ADDITIVE = frozenset({"too", "also", "even", "either"})
# Restrictive focus particles opening a question ("only at high doses?", "just for adults?") narrow
# what was said before, as additive ones add to it, in a question without an auxiliary (a fragment:
# "just wondering, does it help?" asks anew); inside a question they may be fillers ("is it just me").
_RESTRICTIVE = frozenset({"only", "just", "solely", "merely", "exclusively"})
_NARROWED = 2  # the most concepts such a question names of its own (a condition: "high doses")
_DEGREE_OF = frozenset({"much", "many", "little", "few", "long", "late", "early", "often", "soon"})
_BEYOND_WORDS = frozenset({"more", "over", "above", "higher", "beyond", "exceed", "exceeds", "exceeding",
                           "extra", "past", "double", "twice", "triple", "doubled", "tripled"})
_EXCESS = ("too", "much")  # read as the synonyms table reads it
# Whether the subject is one kind of thing or another: "is it a vitamin or a mineral?", "is mag a metal or mineral"
_CHOICE_RE = re.compile(r"\b(?:is|are|s) (?:the )?(\w+) (?:a |an )?(\w+) or (?:it is |is it )?(?:a |an )?(\w+)\b")
# the same choice in a statement's order, as other languages ask it: "it is vitamin or mineral?"
_STATED_CHOICE_RE = re.compile(r"\b(\w+) (?:is|are) (?:a |an )?(\w+) or (?:it is |is it )?(?:a |an )?(\w+)\b")
# a choice between people ("for kids too or just adults?", "for women or men?"): see _frame_choice
_PEOPLE_CHOICE_RE = re.compile(r"\bfor (?:the )?(\w+)(?: too| also| as well)? or (?:for )?(?:just |only |the )?(\w+)\b")
# "play a part in", "plays any role in", "play a big part in": how a link is asked (see _frame_role)
_ROLE_RE = re.compile(r"\b(play|plays|played|playing)( \w+){0,2} (role|roles|part|parts) in\b")


@dataclass(frozen=True)
class Concept:
    """One thing a question asks about: a word and its synonyms, as index terms."""

    word: str
    terms: tuple[str, ...]
    known: bool  # at least one term is in the corpus
    alternatives: tuple[tuple[str, ...], ...] = ()  # ways to match: the words, or one synonym, in full
    weight: float = 1.0  # 2.0 for the question sentence's words in a long message or a follow-up
    phrasing: bool = False  # a phrasing word ("help", "take"): steers ranking, never decides coverage
    abstract: bool = False  # a word the corpus lacks naming a process, event, idea or property
    population: bool = False  # a person's age or state named only in the story ("my 14-year-old", "I'm busy")
    cues: tuple[str, ...] = ()  # a word the corpus lacks proposed as a focus: what bot.focus weighs


@dataclass
class Query:
    """What the engine searches for, and how the question was read."""

    text: str
    concepts: list[Concept]
    corrected: dict[str, str] = field(default_factory=dict)
    expanded: dict[str, list[str]] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)  # words read as the asker's context, not the focus
    asked: int = 0  # content words of the question sentence that the corpus knows (or a synonym of)
    unrelated: int = 0  # ...and the nouns and verbs it lacks that were read as context ("translate", "night")
    kin: int = 0  # ...of which people by relation ("my dad"): in a follow-up, whom it is asked for now
    follow_up_of: str | None = None
    spelled: list[str] = field(default_factory=list)  # the question's words, misspellings fixed
    asking: str = ""  # the question sentence as meant: text-speak spelled out, misspellings fixed
    pointed: str = ""  # what a question that only points back points at: the story, or the previous question
    on_subject: bool = True  # names the article's subject, points at it, or follows a question
    about_person: bool = True  # the question sentence names a person ("can he...", "for me"): the story's
    # people and states of a person restrict it ("my teenage son", "I'm pregnant"); else it asks in general

    @property
    def known(self) -> list[Concept]:
        """Subjects of the question that the corpus has words for."""
        return [c for c in self.concepts if c.known and not c.phrasing]

    @property
    def unknown(self) -> list[Concept]:
        """Subjects the corpus has no word for (e.g. another drug)."""
        return [c for c in self.concepts if not c.known]

    @property
    def terms(self) -> list[str]:
        """The BM25 query: every term of every concept the corpus knows, the current question's twice."""
        out: list[str] = []
        for concept in self.concepts:
            if concept.known:
                out.extend(concept.terms * max(1, int(concept.weight)))
        return out


class QueryReader(Speller, UnknownWords):
    """Reads questions against one corpus vocabulary."""

    def __init__(self, vocabulary: Iterable[str], surface_words: Iterable[str],
                 synonyms: dict[str, list[str]], max_distance: int = 2,
                 preceding: Callable[[str], frozenset[str]] = lambda term: frozenset(),
                 subject: frozenset[str] = frozenset(),
                 following: Callable[[str], frozenset[str]] = lambda term: frozenset(),
                 together: Callable[[list[list[str]]], bool] = lambda groups: True,
                 classes: dict[str, str] | None = None) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.subject = subject  # terms of what the corpus is about ("magnesium"): they specify nothing
        self._classes = classes or {}  # what the corpus says its subject is ("mineral" -> magnesium)
        self._preceding = preceding  # the corpus terms standing right before a term somewhere
        self._following = following  # ...and right after it
        self._together = together  # whether one passage has a term of each group
        self.surface_words = frozenset(surface_words)
        self.max_distance = max_distance
        # A phrase also matches in other inflections ("sleeping problems", "cramping"): keyed by lemmas,
        # where only a plural ending is undone in a key ("tired" is not "tire").
        self.synonyms = {tuple(words(key)): [words(v) for v in values]
                         for key, values in synonyms.items() if words(key)}
        self._by_lemmas: dict[tuple[str, ...], list[list[str]]] = {}
        for key, values in self.synonyms.items():
            self._by_lemmas.setdefault(tuple(map(_singular, key)), values)
        # A compound also matches turned round with a preposition: "problems with sleep" is "sleep problems".
        # "trouble sleeping" by its verb: what a verb done badly means ("sleeps badly")
        self._troubles = {lemma(key[1]): values for key, values in self._by_lemmas.items()
                          if len(key) == 2 and key[0] == "trouble"}
        self._turned = {(key[1], key[0]): values for key, values in self._by_lemmas.items() if len(key) == 2}
        self.longest_synonym = max((len(k) for k in self.synonyms), default=1)
        self._synonym_starts = frozenset(k[0] for k in [*self.synonyms, *self._by_lemmas, *self._turned])
        self._synonym_words = frozenset(w for k in self.synonyms for w in k)  # known words: never corrected
        # loaded here rather than while answering a question
        english_words(), question_stems(), lexicon.word_parts(), lexicon.root_words()
        # Spelling candidates: every corpus and stop word under each of its one-letter deletions,
        # built here (off the event loop when a reload builds a reader) rather than on first use.
        self._deletes: dict[str, set[str]] = defaultdict(set)
        for known in self.surface_words | stop_words():
            if len(known) >= 2:
                for key in _deletions(known) | {known}:
                    self._deletes[key].add(known)
        self._lemmas = frozenset(map(lemma, self.surface_words))
        self._surface_by_prefix: dict[str, list[str]] = defaultdict(list)
        for known in self.surface_words:
            self._surface_by_prefix[known[:_FAMILY_PREFIX]].append(known)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in self.vocabulary:
            if len(term) >= _FAMILY_PREFIX:
                self._by_prefix[term[:_FAMILY_PREFIX]].append(term)
        self._words_of_stems = _words_of_stems(self.surface_words)  # here too, not while answering
        # People repeat their misspellings ("magnesum"): each is worked out once per corpus version.
        self._corrections: dict[str, str | None] = {}
        self._families: dict[str, str | None] = {}
        self._unknown: dict[str, Unknown] = {}
        self._typos: dict[str, tuple[str, ...]] = {}
        self._spellings: dict[str, str | None] = {}
        self._strangeness: dict[str, bool] = {}
        self._phrases: dict[str, tuple[int, str]] = {}
        self._kinds_by_organ: dict[str, bool] = {}
        self._one_edit: dict[str, list[str]] = {}
        self._conditions: dict[str, tuple[str, ...]] = {}

    def read(self, question: str, after: str | None = None) -> Query:
        """Read a question; with `after`, a question that leans on it borrows its concepts."""
        query = self._read_alone(question)
        if after and self.leans_on_previous(question, query):
            previous = self._read_alone(after)
            # What the question before named, said again after a demonstrative ("What are those side
            # effects?"), is pointed at: it weighs as what is borrowed, not as the follow-up's own.
            named = {c.terms for c in previous.concepts}
            own = [dataclasses.replace(c, weight=_BORROWED_WEIGHT if c.terms in named and _pointed_at(c.word, question)
                                       else _FOLLOW_UP_WEIGHT * c.weight) for c in query.concepts]
            seen = {c.terms for c in own}
            # The previous question's words steer the search but weigh little in coverage, unless
            # the follow-up only points back ("which ones exactly?", "why tho"): then they are its subject.
            borrowed = _BORROWED_WEIGHT if query.known else 1.0
            # ...naming a thing of its own, a person even if a word of asking ("what about adults?")
            swap = (bool(_SWAP_RE.match(question)) or not _OPPOSITE.isdisjoint(query.spelled)) and any(
                self.subject.isdisjoint(c.terms) and (not c.phrasing or _noun(c.word))
                for c in query.concepts if c.known)
            if not query.known or swap:  # a swap asks the way the question before it asked (helps, harms)
                query.pointed = " ".join(filter(None, [previous.asking, previous.pointed]))
            lent = previous.concepts
            if swap:
                lent = [c for c in lent if c.phrasing or not self.subject.isdisjoint(c.terms)]
            # What the question before asked, not its story ("My sister began a supplement... Is it keeping
            # her awake?" -> "What's the reason?": awake, not began); a person the story restricts it to stays.
            lent = [c for c in lent if c.weight >= 1.0 or not c.known]
            # A follow-up asking of a thing of its own that the article has ("wait, can it make u MORE anxious?") asks
            # about that thing: it keeps whom the question before was for, not the thing it lacked ("tiktok"); a
            # fragment only adds to the question before ("and at night?" after "...with coffee?").
            if not verbless(query.spelled) and any(self.subject.isdisjoint(c.terms) and not intent.of_question(c.word)
                                                   for c in query.known):
                lent = [c for c in lent if c.known or _names_whom(c)]
            query.concepts = own + [dataclasses.replace(c, weight=borrowed) for c in lent if c.terms not in seen]
            query.asked += previous.asked
            query.unrelated -= query.kin  # "does that apply to his dad too?": the previous question, for him
            query.follow_up_of = after
            _frame_behind(query)
            if self._goes_beyond(query, previous):
                self._read_words(query, list(_EXCESS), True, _FOLLOW_UP_WEIGHT)
        if after and _SWAP_RE.match(question):
            self._swapped_in(query)
        return query

    @staticmethod
    def _swapped_in(query: Query) -> None:
        """A swap's words the corpus lacks that were read as context become its focus (see _SWAP_CONTEXT)."""
        said = query.spelled
        start = next((i + 1 for i, w in enumerate(said) if w in ("about", "of")), len(said))
        swapped = set(said[start:])
        for word in [w for w in query.context if w in swapped]:
            found = lexicon.entry(word)
            if found is None or found.main not in "nva" or found.category in _SWAP_CONTEXT \
                    or found.main == "a" and found.category in lexicon.ABSTRACT_NOUNS:  # "severe", "mild": a degree
                continue
            query.context.remove(word)
            query.concepts.append(Concept(word, (stem(word),), known=False, weight=_FOLLOW_UP_WEIGHT))

    def _goes_beyond(self, query: Query, previous: Query) -> bool:
        """Whether a follow-up asks about going past the amount the previous question asked for."""
        if not any(shape.name == "quantity" for shape in intent.of_question(previous.asking)):
            return False
        said, stops = query.spelled, stop_words()
        return any(word in _BEYOND_WORDS and (i + 1 == len(said) or said[i + 1] in stops)
                   for i, word in enumerate(said))

    def leans_on_previous(self, question: str, query: Query) -> bool:
        """Whether a question needs the previous one to make sense."""
        if _CONNECTOR_RE.match(question) or not query.known:
            return True
        said = words(question)
        if said and said[0] in _RESTRICTIVE and len(query.known) <= _NARROWED and _AUXILIARIES.isdisjoint(said):
            return True  # "only at high doses?": what was said before, narrowed
        return len(query.known) <= 1 and not (_POINTER_WORDS.isdisjoint(said) and not _adds(said))

    def _read_alone(self, question: str) -> Query:
        """Concepts of one question on its own. In a message of several sentences, the question
        sentence's words weigh twice the story's, and only the question sentence can restrict what
        is asked (the story's unknown words are context), except for people named by age."""
        query = Query(text=question, concepts=[])
        sentences = _sentences(question)
        asking = [word for tokens, in_question in sentences if in_question for word in tokens]
        query.about_person = not _PERSONAL_WORDS.isdisjoint(asking)
        # The story before a question that only points at it is what it asks about; words after the
        # question ("He takes two products.") are context either way.
        named = self._named_by(asking) if len(sentences) > 1 else 2
        story = _QUESTION_WEIGHT if named <= 1 else _STORY_WEIGHT  # it only points at the story
        if story == _QUESTION_WEIGHT:
            query.pointed = " ".join(w for tokens, in_question in sentences if not in_question for w in tokens)
        query.asking = " ".join(self._spelled_all(query, _asked_words(question, asking)))
        # what a question naming nothing of its own points at is the story's last statement ("Single mom here,
        # running on coffee. A friend said it gave her energy. Is that true?"); the sentences before it set the
        # scene. One naming a subject ("...Could those be why he can't stay asleep?") asks about the whole story.
        told = next((i for i, (_, in_question) in enumerate(sentences) if in_question), len(sentences)) - 1
        asked = happened = False
        purpose: frozenset[str] = frozenset()
        for at, ((tokens, in_question), part) in enumerate(zip(sentences, _parts(question) or [""], strict=True)):
            asked |= in_question
            pointed = story == _QUESTION_WEIGHT and not asked and (at == told or named > 0)
            weight = 1.0 if len(sentences) == 1 else _QUESTION_WEIGHT if in_question or pointed else \
                _STORY_WEIGHT if asked or story == _STORY_WEIGHT else _SETTING_WEIGHT
            known, read = len(query.known), len(query.concepts)
            for chunk in _chunks(part, tokens):  # "Essential mineral — systems involved?": no phrase across the dash
                self._read_words(query, chunk, in_question, weight)
            if not in_question:
                purpose |= self._purpose_of_taking(tokens)
                happened |= any(c.known and not c.phrasing and self.subject.isdisjoint(c.terms) and not _narrates(c)
                                and not _said_in(c, purpose) for c in query.concepts[read:])
            if pointed:  # the statement pointed at is what is asked: its subjects count as asked
                query.asked += len(query.known) - known
                query.concepts[read:] = [dataclasses.replace(c, weight=_STORY_WEIGHT) if _narrates(c) else c
                                         for c in query.concepts[read:]]

        if happened:  # what it was taken for yields to what the story says happened ("...for his cramps, and now
            # he gets headaches. Could it be the supplement?")
            self._as_context(query, purpose - set(asking))
        if story == _QUESTION_WEIGHT:  # pointing back, the subject's form is how the subject is said ("Could
            # it be the magnesium capsules?": whether magnesium is the story's cause)
            spelled = query.asking.split()
            query.concepts = [dataclasses.replace(c, phrasing=True) if self.subject.isdisjoint(c.terms)
                              and self._subject_or_form(c, spelled) else c for c in query.concepts]
        # an auxiliary its place says was meant ("what dose the nervous system do") asks as that auxiliary
        query.asking = " ".join(query.corrected[w] if query.corrected.get(w) in _AUXILIARIES else w
                                for w in query.asking.split())
        age = _AGE_RE.search(" ".join(word for tokens, _ in sentences for word in tokens))
        if age:
            inside = set(age.group(0).split())  # "year", "old": read as one age, not as words
            query.concepts = [c for c in query.concepts if c.known or c.word not in inside]
            if int(age.group(1) or age.group(4) or age.group(5) or age.group(6)) < _ADULT_AGE or age.group(3):
                said = age.group(4) or age.group(5) or age.group(6)  # "i am 14" is named as the age: 14-year-olds
                query.concepts.append(Concept(f"{said}-year-olds" if said else age.group(0), (age.group(0),),
                                              known=False, population=age.group(0) not in " ".join(asking)))
        if 0 <= told and named <= 2 and self._points_past_subject(asking, named == 0):
            self._frame_story_thing(query, sentences[told][0])
        self._frame_focus(query)
        self._frame_abstract(query)
        shapes = intent.of_question(query.asking)
        self._frame_population(query, shapes)
        self._frame_choice(query)
        # (the question sentence's: "print a different number" in the story is not how it asks)
        kind_words = [c for c in query.concepts if intent.names_asked_kind(c.word, shapes) and c.weight >= 1.0]
        if kind_words:
            query.context.extend(c.word for c in kind_words)
            query.concepts = [c for c in query.concepts if c not in kind_words]
        self._frame_saying(query)
        _frame_definition(query)
        _frame_role(query)
        _frame_manner(query, shapes)
        self._frame_harm(query, shapes)
        _frame_sexes(query)
        return query

    def _frame_population(self, query: Query, shapes: list[intent.Intent]) -> None:
        """People of an age or in a state named only in the story ("my 14-year-old wakes at night... could
        magnesium be the reason?", "I'm busy with two toddlers") restrict a question that decides
        something for them (an amount, whether it is safe or suitable, which is best, when, who: see
        intent.asks_for_whom), or that names nothing of its own; one asking what magnesium does to
        something the article names (causes, helps, is linked to), or what a thing is, asks what holds for
        everyone: for it they are context. A report that asks nothing ("She took it and won't wake up.") is
        not judged so."""
        story = [c for c in query.concepts if c.population]
        first = query.asking.split()[:1]
        asks = "?" in query.text or not _QUESTION_WORDS.union(_AUXILIARIES).isdisjoint(first)  # not a report
        # what a thing is ("What is magnesium and why does the body need it?") holds for everyone too
        names = intent.defined_word(query.asking) or any(c.weight >= 1.0 and self.subject.isdisjoint(c.terms)
                                                         for c in query.known)
        if not story or not asks or intent.asks_for_whom(query.asking, shapes) or not names:
            return
        query.context.extend(c.word for c in story)
        query.concepts = [c for c in query.concepts if not c.population]

    def _frame_choice(self, query: Query) -> None:
        """A question whether the subject is one kind of thing or another ("is it a vitamin or a mineral?"),
        or for one people or another ("is that for kids too or just adults?"), is answered by the one the
        article says: the other, which the article lacks, is context."""
        choice = next((c for pattern in (_CHOICE_RE, _STATED_CHOICE_RE) if (c := pattern.search(query.asking))
                       and (c.group(1) in _SUBJECTS or self._names_subject(c.group(1)))), None)
        people = _PEOPLE_CHOICE_RE.search(query.asking)
        if choice:
            kinds = {stem(choice.group(2)), stem(choice.group(3))}
            lacking = [c for c in query.unknown if c.terms[0] in kinds]
        elif people:
            kinds = {stem(people.group(1)), stem(people.group(2))}
            lacking = [c for c in query.unknown
                       if c.terms[0] in kinds and lexicon.names_state_or_time(lexicon.entry(c.word))]
        else:
            return
        said = any(not kinds.isdisjoint(c.terms) for c in query.known) or not kinds.isdisjoint(self.vocabulary) or \
            choice is not None and not self._classes.keys().isdisjoint(choice.group(2, 3))  # "a mineral": the subject
        if len(lacking) == 1 and said:
            query.context.append(lacking[0].word)
            query.concepts.remove(lacking[0])

    def _frame_harm(self, query: Query, shapes: list[intent.Intent]) -> None:
        """Words that say harm ("side effect", "adverse") beside a specific thing the corpus has ("is
        anxiety a side effect of magnesium?") are how a question about harm asks: phrasing; an
        abstract noun or an adjective of harm the corpus lacks ("sleep disturbance", "unsafe") is then context."""
        if not any(shape.name == "harm" for shape in shapes):
            return
        harming = [c for c in query.concepts if (c.known and not c.phrasing or c.abstract or _adjective(c.word))
                   and _says_harm(c.word) and (" " not in c.word or not c.alternatives or any(
                       _says_harm(" ".join(self._word_of(t) for t in way)) for way in c.alternatives))]
        # the specific thing is one asked about, not a word of the story ("reads health blogs... what side effects?")
        if harming and any(c not in harming and c.weight >= 1.0 and not self.subject.issuperset(c.terms)
                           and not self._names_subject(c.word) for c in query.known):  # "mag": the subject too
            query.context.extend(c.word for c in harming if not c.known)  # "sleep disturbance": the corpus lacks it
            query.concepts = [dataclasses.replace(c, phrasing=True) if c in harming else c
                              for c in query.concepts if c.known or c not in harming]

    @staticmethod
    def _frame_saying(query: Query) -> None:
        """A verb of saying in a text beside something asked about ("is the vasodilatory effect
        discussed?") is how the question asks, context; alone ("what does the article discuss?") it
        is what is asked."""
        saying = [c for c in query.concepts if intent.says(c.word)]
        if saying and any(c.known and not c.phrasing for c in query.concepts if c not in saying):
            query.context.extend(c.word for c in saying)
            query.concepts = [c for c in query.concepts if c not in saying]

    def _frame_abstract(self, query: Query) -> None:
        """Abstract nouns the corpus lacks are context beside two or more specific things of the
        question sentence that it has (see lexicon.ABSTRACT_NOUNS), or beside one of a story the question
        sentence only points at ("My son takes it and can't sleep. Any insight?")."""
        specific = [c for c in query.known if c.weight >= 1.0 and self.subject.isdisjoint(c.terms)]
        if len(specific) < (1 if query.pointed else 2):
            return
        query.context.extend(c.word for c in query.concepts if c.abstract)
        query.concepts = [c for c in query.concepts if not c.abstract]

    def _points_past_subject(self, tokens: list[str], bare: bool) -> bool:
        """Whether a question sentence names the article's subject and points at another thing with a
        demonstrative pronoun ("would magnesium slow that down?", "can that drain my magnesium?") or
        with "it" as what acts ("It can make my magnesium low?"), or, naming nothing of its own (`bare`), points
        with a demonstrative ("He's on warfarin. Is that one to worry about?"): a thing the story names; not
        one it is taken or added with (a combination: "is it okay to add magnesium on top of that?")."""
        subject = any(map(self._names_subject, tokens))
        if not subject and not bare:
            return False
        before, following = ["", *tokens], [*tokens[1:], ""]
        return any((w in _DEMONSTRATIVES and (prior in _AUXILIARIES or nxt in stop_words() or not nxt)
                    or subject and w == "it" and (prior in _MODALS or not prior and nxt in _MODALS))
                   and not (prior in _ALONGSIDE and not _COMBINING.isdisjoint(map(lemma, tokens[:at])))
                   for at, (prior, w, nxt) in enumerate(zip(before, tokens, following, strict=False)))

    def _frame_story_thing(self, query: Query, told: list[str]) -> None:
        """A condition, substance or drug the statement before the question names ("I take omeprazole.",
        "He was diagnosed with dementia.") that the corpus lacks is what a question pointing at it asks
        about (see _points_past_subject): its focus, where a story's words are otherwise context."""
        # a word right after its subject is what the subject does ("he lies awake"), not a thing
        said = {w for i, w in enumerate(told) if not (i and told[i - 1] in _SUBJECTS)}
        for word in [w for w in query.context if w in said and _names_thing_had(w)]:
            query.context.remove(word)
            query.concepts.append(Concept(word, (stem(word),), known=False))

    def _named_by(self, tokens: list[str]) -> int:
        """How many subjects a question sentence names of its own: at most one when it points at the story
        for the rest ("Does that include him?", "Is that true?": none), none when it names only an idea
        asked for ("What could be going on?", "Any thoughts?"), else two or more."""
        own = Query(text=" ".join(tokens), concepts=[])
        self._read_words(own, tokens, True, 1.0)
        named = {c.word.split()[0] for c in own.known if not c.phrasing}
        left_out = _subject_left_out(tokens)  # "Can be from the magnesium?": it, the story's thing
        tokens = [w for i, w in enumerate(tokens) if not _refers_back(tokens, i, named)]
        if _POINTER_WORDS.isdisjoint(tokens) and not left_out:  # an idea asked for names nothing ("Any thoughts?")
            return 0 if all(c.phrasing or c.abstract for c in own.concepts) else 2
        # the article's subject, also in a form ("the magnesium supplement", "mag tablets"), is one thing named
        subject = [c for c in own.known if self._subject_or_form(c, own.spelled)]
        return len(own.known) - len(subject) + bool(subject)

    def _subject_or_form(self, concept: Concept, spelled: list[str]) -> bool:
        """Whether a concept is the corpus's subject, or a form of it named right after it ("the
        magnesium supplement", "mag tablets")."""
        first = concept.word.split()[0]
        return not self.subject.isdisjoint(concept.terms) or any(
            word == first and i and self._names_subject(spelled[i - 1]) for i, word in enumerate(spelled))

    def _read_words(self, query: Query, tokens: list[str], in_question: bool, weight: float,
                    glossing: bool = True) -> None:
        """Add the concepts of one sentence's words to the query (misspellings fixed first); with
        glossing=False, a word is not read as the word parts it is made of (plain words are not)."""
        stops = stop_words()
        tokens = self._spelled_all(query, tokens)
        tokens = [self._meant_here(query, tokens, i) for i in range(len(tokens))]
        tokens = [_LACK if self._says_lack(tokens, i) else word for i, word in enumerate(tokens)]
        tokens = self._subject_by_class(tokens)
        tokens = self._compounds_turned(tokens)
        query.spelled.extend(tokens)
        strange = [self._strange(word) for word in tokens]
        known = [not odd and word not in stops and word not in _OBJECT_PRONOUNS
                 for word, odd in zip(tokens, strange, strict=True)]
        # A preposition put first with "what" ("for what is good magnesium?", as other languages order
        # it) belongs to the word it goes with: "good ... for" is "good for".
        fronted = tokens[0] if len(tokens) > 2 and tokens[0] in _FRONTED and tokens[1] in _WHAT_WORDS else ""
        i = 0
        while i < len(tokens):
            # "beyond the nerves": not what is asked about; "why is a supplement better?": which is
            # preferred, not an improvement
            if span := _set_aside(tokens, i) or int(_judges_subject(tokens, i)):
                query.context.extend(w for w in tokens[i:i + span] if w not in stops)
                i += span
                continue
            if span := self._drug_for(tokens, i):  # "blood pressure pills": a medication, not blood pressure
                query.context.extend(tokens[i:i + span])
                i += span
                continue
            span, alternatives = (0, []) if known[i] and self._condition_named(tokens, i, strange)[0] \
                else self._synonym_at(tokens, i, fronted)  # "restless legs": a condition, not restlessness
            if said := self._verb_said(tokens, i, span, alternatives):
                query.context.append(" ".join(tokens[i:i + said]))
                i += said
                continue
            if span and [_MEDICATIONS] in alternatives and self._subject_as_taken(tokens, i):
                query.context.extend(tokens[i:i + span])  # "magnesium pills": the subject as taken, said already
                query.asked += in_question
                i += span
                continue
            if span:
                self._read_synonym(query, tokens[i:i + span], alternatives, in_question, weight)
                i += span
                continue
            span, phrase = self._phrase_at(tokens, i, known, strange)
            if span:  # "mess up", "in the first place", "fish oil": one word, read as such
                self._read_unknown(query, phrase, in_question, weight, glossing=False)
                i += span
                continue
            span, meaning = self._verb_phrase_at(tokens, i)
            if span:  # "take part in": involved, not the "parts of the body"
                query.asked += in_question
                query.expanded[" ".join(tokens[i:i + span])] = [self._word_of(t) for t in meaning]
                self._add(query, " ".join(tokens[i:i + span]), meaning, ways=[[t] for t in meaning], weight=weight)
                i += span
                continue
            if self._names_large_amount(tokens, i):  # "high doses": too much, then the amount as said
                self._read_synonym(query, list(_EXCESS), self.synonyms[_EXCESS], in_question, weight)
                i += 1 + self._amount_said(query, tokens[i + 1:i + 2])
                continue
            if self._other_product(tokens, i):  # "melatonin gummies": a product the article lacks
                self._read_other_product(query, " ".join(tokens[i:i + 2]), in_question, weight)
                i += 2
                continue
            if vitamin := _vitamin_at(tokens, i):  # "B6", "D3": a name the tokenizer split
                self._read_unknown(query, vitamin, in_question, weight, glossing=False)
            else:
                self._read_word(query, tokens, i, in_question, weight, glossing)
            i += 1

    def _verb_said(self, tokens: list[str], i: int, span: int, alternatives: list[list[str]]) -> int:
        """How many words from tokens[i], a one-word synonym, are a verb said rather than the synonym's state:
        2 for a phrasal verb ("where magnesium fits in": belongs, not fits, seizures), 1 for a verb acting on
        another thing ("would it calm inflammation": what it does), else 0."""
        if span != 1:
            return 0
        if _phrasal_verb(tokens, i):
            return 2
        return int(self._acts_on(tokens, i, alternatives))

    def _read_other_product(self, query: Query, product: str, in_question: bool, weight: float) -> None:
        """Another substance's product ("melatonin gummies"): asked about in the question, or of a person;
        named only in the story, context like any word the story names that the article lacks."""
        if in_question or query.about_person or weight >= _QUESTION_WEIGHT:
            self._add(query, product, [product], weight=weight)
        else:
            query.context.append(product)

    def _amount_said(self, query: Query, said: list[str]) -> int:
        """The amount word after a word of a large amount ("high *doses*"), read as phrasing: it steers the search
        to passages on amounts, but "too much" is what is asked ("only at high doses?": "taken in excess").
        1 if there is one, else 0."""
        if not said or said[0] not in _AMOUNT_WORDS:
            return 0
        ways = self.synonyms.get((said[0],), [said])
        self._add(query, said[0], [stem(w) for way in ways for w in way], phrasing=True)
        return 1

    def _subject_as_taken(self, tokens: list[str], i: int) -> bool:
        """Whether a dosage form at tokens[i] ("pills", "tablets") is the subject as taken: right after it
        ("magnesium pills"), or after an article in a sentence naming the subject ("does a pill guarantee
        you get enough magnesium?"); not "my pills", "other pills": other medications."""
        if i and self._names_subject(tokens[i - 1]):
            return True
        return i > 0 and tokens[i - 1] in _ARTICLES and any(map(self._names_subject, tokens))

    def _drug_for(self, tokens: list[str], i: int) -> int:
        """How many corpus words from tokens[i] say what a medication named right after them is for
        ("blood pressure pills", "sleeping pills", "heart meds"), else 0; never the subject, one word
        naming a substance ("magnesium pills", "melatonin pills": products) or a word the corpus lacks
        ("birth control pills": a drug the article does not discuss)."""
        for span in (2, 1):
            said, head = tokens[i:i + span], tokens[i + span] if i + span < len(tokens) else ""
            if head != _MEDICATIONS and [_MEDICATIONS] not in self._by_lemmas.get((_singular(head),), []):
                continue
            if not any(w in stop_words() or self._names_subject(w) or self._strange(w) for w in said) \
                    and not (span == 1 and self._substance(said[0])):
                return span
        return 0

    @staticmethod
    def _substance(word: str) -> bool:
        """Whether WordNet names a substance, body substance or product by a word ("melatonin")."""
        found = lexicon.entry(word)
        return found is not None and found.main == "n" and found.category in _SUBSTANCES | _SUBSTANCES_HELD

    def _verb_phrase_at(self, tokens: list[str], i: int) -> tuple[int, list[str]]:
        """A WordNet verb phrase of a phrasing verb and a word ("take part", "take place") whose
        relatives the corpus has ("involvement": involved): its length and those corpus terms, so it
        is read as what it means, not word by word; (0, []) if none."""
        if i + 1 >= len(tokens) or stem(lemma(tokens[i])) not in question_stems():
            return 0, []
        found = lexicon.entry(f"{lemma(tokens[i])} {tokens[i + 1]}")
        if found is None or found.main != "v":
            return 0, []
        meaning = [t for r in found.related if " " not in r and (t := self.word_family(stem(r)))
                   and t not in question_stems()]
        return (2, list(dict.fromkeys(meaning))) if meaning else (0, [])

    def _read_synonym(self, query: Query, phrase: list[str], alternatives: list[list[str]], in_question: bool,
                      weight: float) -> None:
        """A phrase of the synonyms table: the question's words or any of their synonyms match."""
        stops, generic = stop_words(), question_stems()
        ways = [[stem(w) for w in way if w not in stops] for way in [phrase, *alternatives]]
        terms = [t for way in ways for t in way]
        query.expanded[" ".join(phrase)] = [" ".join(alt) for alt in alternatives]
        if any(t not in generic for way in ways[1:] for t in way):  # else a phrasing expression
            query.asked += in_question
            self._add(query, " ".join(phrase), [t for t in terms if t not in generic],
                      ways=[[t for t in way if t not in generic] for way in ways], weight=weight)
        self._add(query, " ".join(phrase), [t for t in terms if t in generic], phrasing=True)

    def _read_word(self, query: Query, tokens: list[str], i: int, in_question: bool, weight: float,
                   glossing: bool) -> None:
        """One word (tokens[i]): a corpus term, a phrasing word, a word of a corpus word's family,
        context (a verb after "is", a body part saying where), or a word the corpus lacks."""
        stops, generic = stop_words(), question_stems()
        word = tokens[i]
        if word in stops or len(word) == 1 and not word.isdigit():
            return
        # "does the article list...": where it is said; "wide awake": how much (not the article's "wide range")
        if intent.names_article(word) or intent.names_work(tokens, i) \
                or word != "too" and stem(word) in self.vocabulary and self._intensifies(tokens, i):
            query.context.append(word)
            return
        if word == "too" and (i + 1 == len(tokens) or tokens[i + 1] in stops):
            return  # "in the nerves too or...": also, not the "too" of an excess ("too high")
        if word[0].isdigit() and stem(word) not in self.vocabulary:
            return  # a quantity the corpus does not mention names no subject
        if self._judges_pointed(tokens, i) or _names_part_said(tokens, i):
            query.context.append(word)  # "why is that necessary?", "the anxiety part": how it asks
            return
        term = stem(word)
        if term not in self.vocabulary and term not in generic:
            base = lemma(word)  # "took" -> take, "upped" -> up
            if base in stops:
                return
            term = stem(base)
        if term in generic:
            self._add(query, word, [term], phrasing=True)
            return
        if term not in self.vocabulary:
            relative = self._relative(word, term)
            if not relative:
                self._read_lacking(query, tokens, i, in_question, weight, glossing)
                return
            query.corrected[word] = self._word_of(relative)
            term = relative
        if self._only_by_organ(term, tokens):
            self._add(query, word, [term], phrasing=True)  # "what is the problem?": not "heart problems"
            return
        query.asked += in_question
        self._add(query, word, [term], weight=weight)

    def _only_by_organ(self, term: str, tokens: list[str]) -> bool:
        """Whether the article names a condition only by one organ ("problems": "heart problems",
        "disease": "kidney disease") and the question lacks that organ: then it asks about a problem
        in general ("what is the problem?"), not that one."""
        before = self._preceding(term)
        if len(before) != 1 or not before.isdisjoint(map(stem, tokens)):
            return False
        return term in self._conditions_named_by(self._word_of(next(iter(before))))

    def _context_by_place(self, tokens: list[str], i: int) -> bool:
        """Whether the place of tokens[i], a word the corpus lacks, says it is context, not what is asked."""
        word = tokens[i]
        return (self._intensifies(tokens, i)  # "dead tired", "super anxious": how much
                or _in_story_time(tokens, i)  # "i started it last week", "tired every afternoon": when
                or _in_phrasal_idiom(tokens, i)  # "take the edge off the stress": lessen it, not an edge
                or self._locates(tokens, i)  # "my wrist nerve pain": where it is
                or _in_compound_preposition(tokens, i)  # "add it on top of those": how it is said
                or i > 0 and tokens[i - 1] == "per" and _names_time(word)  # "per week": an amount's unit
                or i > 0 and tokens[i - 1] == "same" and _noun(word)  # "same agent?": what was said, named again
                or _preposition_here(tokens, i)  # "run it past someone": a preposition, not the past
                or _verb_with_particle(tokens, i))  # "topping it up": a verb, not a pizza topping

    def _read_lacking(self, query: Query, tokens: list[str], i: int, in_question: bool, weight: float,
                      glossing: bool) -> None:
        """A word (tokens[i]) the corpus lacks, in no corpus word's family: context where its place
        says so, else read through the lexicon."""
        word = tokens[i]
        if (in_question or query.about_person) and self._during(tokens, i) \
                and lexicon.names_state_or_time(lexicon.entry(word)):
            self._add(query, word, [stem(word)], weight=weight)  # "while breastfeeding": when it is asked for
        elif states := self._helped_to(tokens, i):  # "help me remember": memory, the benefit asked about
            query.asked += in_question
            query.expanded[word] = [" ".join(self._word_of(t) for t in way) for way in states]
            self._add(query, word, [t for way in states for t in way], ways=[list(w) for w in states], weight=weight)
        elif i >= 1 and tokens[i - 1] in _BE_WORDS and _is_verb(word):
            query.context.append(word)  # "my head is killing me": a verb, whatever else it may be
        elif self._in_verb_slot(tokens, i):  # "how does magnesium influence nerve cells": what it does, not a thing
            self._read_unknown(query, word, in_question, weight, glossing, acting=True)
        elif self._context_by_place(tokens, i):
            query.context.append(word)
        elif i and _names_condition(word) and not self._said_by_subject(tokens, i) \
                and (states := self._conditions_named_by(tokens[i - 1])):
            # "renal insufficiency", "heart failure": the condition of that organ the article names
            query.asked += in_question
            query.expanded[word] = [self._word_of(t) for t in states]
            self._add(query, word, list(states), weight=weight)
        else:  # "my antidepressant": a thing someone has, not what its parts say it does (reduce depression)
            owned = i >= 1 and tokens[i - 1] in _POSSESSIVES and (found := lexicon.entry(word)) is not None \
                and found.main == "n" and found.category in _SUBSTANCES_HELD
            # (said of a person, "is he just unlucky?", it says how the person is: the lexicon decides)
            placed = in_question and (_predicate(tokens, i) and _adjective(word) and not _of_person(tokens, i)
                                      or _compared(tokens, i) and _noun(word))
            self._read_unknown(query, word, in_question, weight, glossing and not owned, placed=placed,
                               at=(tokens, i))

    def _helped_to(self, tokens: list[str], i: int) -> tuple[tuple[str, ...], ...]:
        """The corpus terms of the states a verb the corpus lacks names (WordNet's nouns of a state,
        process, feeling or the mind: "remember": memory), when it says what is helped ("help me
        remember", "help you relax"): the benefit asked about; else ()."""
        helper = i - 1 - (i >= 2 and tokens[i - 1] in _OBJECT_PRONOUNS)
        if helper < 0 or tokens[helper] not in _HELP_FORMS:
            return ()
        return _remembered(self._unknown, tokens[i], self._unknown_word).states

    def _subject_by_class(self, tokens: list[str]) -> list[str]:
        """The sentence with "a mineral", "this mineral" read as the subject, said by the kind of thing
        the corpus says it is ("why would a mineral give him headaches?"), unless the sentence names
        the subject too ("is magnesium a mineral?", "mag is like a mineral": what is said of it)."""
        named = {stem(w) for w in tokens}
        named.update(stem(x) for w in tokens for way in self.synonyms.get((w,), ()) for x in way)
        return [self._classes[word] if word in self._classes and i and tokens[i - 1] in _REFERRING
                and stem(self._classes[word]) not in named and not _said_of_pronoun(tokens, i) else word
                for i, word in enumerate(tokens)]

    @staticmethod
    def _judges_pointed(tokens: list[str], i: int) -> bool:
        """Whether tokens[i] is an adjective judging what a "why" question points at, and all it says
        ("why is that necessary?", "how come it's important?"): the question asks why that is so."""
        why = tokens[0] == "why" or tokens[:2] == ["how", "come"]
        return why and i == len(tokens) - 1 and i >= 2 and tokens[i - 1] in _POINTER_WORDS \
            and tokens[i - 2] in _LINKING and (found := lexicon.entry(tokens[i])) is not None and found.main == "a"

    @staticmethod
    def _during(tokens: list[str], i: int) -> bool:
        """Whether tokens[i] is what "during" or "while" introduces ("while I'm breastfeeding"), or what a
        person is said to be after "if" or "when" ("what if she's breastfeeding?", "when I'm nursing")."""
        before = [w for w in tokens[max(0, i - 3):i] if w not in _SUBJECTS and w not in _BE_WORDS]
        said = i >= 2 and tokens[i - 1] in _IS and tokens[i - 2] in _SUBJECTS and tokens[i].endswith("ing")
        return bool(before) and (before[-1] in _DURING or said and before[-1] in _CONDITIONS)

    def _intensifies(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i], a word WordNet knows as an adverb, says how much of what the adjective
        after it names, one the article or the synonyms table has ("dead tired", "super anxious")."""
        if i + 1 >= len(tokens) or not (stem(tokens[i + 1]) in self.vocabulary or tokens[i + 1] in self._synonym_words):
            return False  # (checked first: most questions then never read the lexicon, a cold start's cost)
        found = lexicon.entry(tokens[i])
        if found is None or "r" not in found.parts:
            return False
        following = lexicon.entry(tokens[i + 1])
        return following is not None and following.main == "a"

    def _says_lack(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i] says the subject is lacking: an absence word within three words of it
        ("magnesium is missing"), or "enough" right before it after a negation ("don't have enough
        magnesium"), or "low" said of it ("low magnesium", "being low in/on mag", "short of magnesium",
        "my magnesium is low")."""
        word = tokens[i]
        if word in _LOW_WORDS:
            said_of = tokens[i + 2:i + 3] if tokens[i + 1:i + 2] in (["in"], ["on"], ["of"]) else tokens[i + 1:i + 2]
            return any(map(self._names_subject, said_of)) or (
                i >= 2 and tokens[i - 1] in _BE_WORDS and self._names_subject(tokens[i - 2]))
        if word in _ABSENT_WORDS:
            return any(stem(w) in self.subject for w in tokens[max(0, i - 3):i + 4])
        return word == "enough" and any(tokens[at] in _NEGATIONS and not _asks_negatively(tokens, at)
                                        for at in range(max(0, i - 3), i)) \
            and any(stem(w) in self.subject for w in tokens[max(0, i - 3):i + 2])

    def _names_large_amount(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i] says an amount is large: a size before an amount word ("high doses"),
        or "more" before the article's subject and "than" ("more magnesium than recommended")."""
        if tokens[i] not in _LARGE_WORDS or i + 1 >= len(tokens):
            return False
        following = tokens[i + 1]
        return following in _AMOUNT_WORDS or stem(following) in self.subject and tokens[i + 2:i + 3] == ["than"]

    def _said_by_subject(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i] is what the article's subject does, a verb ending in -s right after it
        ("evidence magnesium lifts low mood"), not a condition it names ("magnesium deficiency")."""
        found = lexicon.entry(lemma(tokens[i]))
        return tokens[i].endswith("s") and self._names_subject(tokens[i - 1]) and found is not None \
            and "v" in found.parts

    def _purpose_of_taking(self, tokens: list[str]) -> frozenset[str]:
        """The words a story sentence gives as what the subject was taken for ("he started magnesium *for his
        cramps*", "she takes it for sleep"): why it was taken, told, not what happened since."""
        purpose: set[str] = set()
        for at in range(1, len(tokens) - 1):
            if tokens[at] != "for" or not (self._names_subject(tokens[at - 1]) or tokens[at - 1] in ("it", "them")
                                           or self._subject_as_taken(tokens, at - 1)):
                continue
            after = at + 1 + (tokens[at + 1] in _POSSESSIVES or tokens[at + 1] in _DETERMINERS)
            purpose.update(itertools.takewhile(lambda w: w not in stop_words(), tokens[after:after + _PURPOSE_REACH]))
        return frozenset(purpose)

    @staticmethod
    def _as_context(query: Query, words: frozenset[str]) -> None:
        """Make the concepts said only in words context."""
        told = [c for c in query.concepts if _said_in(c, words)]
        query.concepts = [c for c in query.concepts if not _said_in(c, words)]
        query.context.extend(c.word for c in told)

    def _names_subject(self, word: str) -> bool:
        """Whether a word is the article's subject or a synonym of it ("mag", "mg")."""
        return stem(word) in self.subject or any(
            not self.subject.isdisjoint(map(stem, way)) for way in self._by_lemmas.get((_singular(word),), []))

    def _other_product(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i:i + 2] names a product of another substance: a corpus word for a
        substance before a corpus noun the article puts after its subject ("magnesium gummies",
        "magnesium supplements"), or a word the synonyms table reads as one ("pills"), but never
        after this one ("melatonin gummies", "melatonin pills")."""
        if i + 1 >= len(tokens):
            return False
        modifier = stem(tokens[i])
        if modifier not in self.vocabulary or modifier in self.subject:
            return False
        opens = tokens[i + 2] if i + 2 < len(tokens) else ""
        if self._names_subject(tokens[i + 1]) and opens in _BE_WORDS | _VERB_AUXILIARIES:
            return False  # "the chemicals of the brain magnesium is changing": the subject opens a clause
        heads = [stem(w) for way in [[tokens[i + 1]], *self._by_lemmas.get((_singular(tokens[i + 1]),), [])]
                 for w in way if len(way) == 1]
        # each head's words before it, as remembered (the union of a common head's is large at 10,000 passages)
        before = [self._preceding(head) for head in heads if head in self.vocabulary]
        if all(self.subject.isdisjoint(terms) for terms in before) or any(modifier in terms for terms in before):
            return False
        found, named = lexicon.entry(tokens[i]), lexicon.entry(tokens[i + 1])
        thing = named is None or "n" in named.parts or lemma(tokens[i + 1]) != tokens[i + 1]  # "gummies"
        # "what role does melatonin play": mainly a verb, in the verb's place ("melatonin supplements" stays a thing)
        thing = thing and not (named is not None and named.main == "v" and self._in_verb_slot(tokens, i + 1))
        thing = thing and not (named is not None and named.main == "r")  # "in the body generally": how, not a product
        # "stop that body take magnesium": a verb before its object, the article's subject, not a product
        thing = thing and not (named is not None and named.main == "v" and i + 2 < len(tokens)
                               and (self._names_subject(tokens[i + 2]) or tokens[i + 2] in _OBJECT_PRONOUNS))
        return thing and found is not None and found.main == "n" and found.category in _SUBSTANCES

    def _acts_on(self, tokens: list[str], i: int, meanings: list[list[str]]) -> bool:
        """Whether tokens[i], a word the synonyms table reads as a state ("calm": anxiety), is the
        question's verb acting on another thing the article names after it ("would it calm inflammation
        in the body?", not "does it calm anxiety?"): what it does to that thing, not the state."""
        after = i + 1
        while after < len(tokens) and tokens[after] in _DETERMINERS:
            after += 1
        return after < len(tokens) and stem(tokens[i]) not in self.vocabulary and self._in_verb_slot(tokens, i) \
            and all(stem(tokens[after]) not in map(stem, way) for way in meanings) \
            and stem(tokens[after]) in self.vocabulary - question_stems() and tokens[after] not in stop_words() \
            and not self._names_subject(tokens[after]) and not _names_person(tokens[after])

    def _in_verb_slot(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i], a word WordNet knows as a verb, is the question's main verb: after an
        auxiliary and its subject (a pronoun or the article's subject or its synonym, an adverb
        between allowed; right after an auxiliary, any one word the article has), after a subject and
        its auxiliary (a statement's order: "I can mix with it?"), between "to" and an object pronoun,
        the subject or a person ("to counsel patients"), or between "help" and a corpus word, unless it
        is mainly a noun naming a body part, substance, food or state."""
        found = lexicon.entry(tokens[i])
        if found is None or "v" not in found.parts:
            return False
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if i > 0 and following and tokens[i - 1] == "to" and (
                following in _OBJECT_PRONOUNS or self._names_subject(following) or _names_person(following)):
            return True  # "is it okay to mix them?", "safe to mix magnesium with...", "to counsel patients on"
        if 0 < i < len(tokens) - 1 and tokens[i - 1] in _HELP_FORMS and stem(tokens[i + 1]) in self.vocabulary \
                and not (found.main == "n" and found.category in lexicon.FOCUS_MODIFIERS):
            return True  # "help control cholesterol": not "help joint pain", "help sugar cravings"
        before = i - 1
        while before > 0 and tokens[before] in _VERB_ADVERBS:
            before -= 1
        if before < 1:
            return False
        if tokens[before] in _VERB_AUXILIARIES:  # a statement's order, as a question: "I can mix with magnesium?"
            subject = tokens[before - 1]  # ...or a noun the article has: "minerals in food can block it?"
            return subject in _SUBJECTS or self._names_subject(subject) or stem(subject) in self.vocabulary \
                and subject not in stop_words() and _noun(subject)
        if tokens[before - 1] in _VERB_AUXILIARIES and stem(tokens[before]) in self.vocabulary:
            return True  # a one-word subject the article has: "does food block magnesium..."
        if not (tokens[before] in _SUBJECTS or self._names_subject(tokens[before])):
            return False
        return not _VERB_AUXILIARIES.isdisjoint(tokens[:before])

    def _conditions_named_by(self, word: str) -> tuple[str, ...]:
        """The conditions the article names by a word or by what the word reads as ("kidney" or
        "renal": disease; "heart", "cardiac": problems), as index terms; () if none."""
        def work_out(typed: str) -> tuple[str, ...]:
            found = lexicon.entry(typed)
            if found is None or "v" in found.parts:
                return ()  # a thing or a kind of thing names it, not what is done ("cause diarrhea")
            term = stem(typed)
            reading = [term] if term in self.vocabulary else [
                t for way in _remembered(self._unknown, typed, self._unknown_word).ways if len(way) == 1 for t in way]
            return tuple(sorted(s for t in reading for s in self._following(t)
                                if _names_condition(self._word_of(s), states_only=True)))
        return _remembered(self._conditions, word, work_out) if word.isalpha() else ()

    def _word_of(self, term: str) -> str:
        """A corpus word with this stem, to show a reading in words ("absorpt" -> absorption)."""
        return self._words_of_stems.get(term, term)

    def _phrase_at(self, tokens: list[str], i: int, known: list[bool], strange: list[bool]) -> tuple[int, str]:
        """A WordNet phrase starting at tokens[i] ("messed up", "keep me up", "in the first place",
        "fish oils") with a word the corpus lacks, as the lexicon spells it, and how many tokens
        it takes; (0, "") if none. It counts only if the corpus has none of its words ("fish oil",
        not "muscle cramp" or "come back": the corpus's own words are better read one by one), and
        a noun phrase only if it names a kind of thing a question can be about ("fish oil", not
        "birth control": "birth" alone is a focus word). `known` and `strange` tell, per token, a
        corpus or phrasing word and a word neither a stop word nor one of those."""
        if known[i]:
            return self._condition_named(tokens, i, strange)
        if not any(strange[i:i + _LONGEST_PHRASE]):
            return 0, ""
        window = slice(i, i + _LONGEST_PHRASE)
        ahead = tokens[window]
        return _remembered(self._phrases, " ".join(ahead),
                           lambda _: self._phrase_in(ahead, known[window], strange[window]))

    def _phrase_in(self, tokens: list[str], known: list[bool], strange: list[bool]) -> tuple[int, str]:
        """See _phrase_at: the longest phrase at the start of tokens."""
        kind = self._kind_named(tokens, known, strange)
        if kind:
            return 2, kind
        for span in range(len(tokens), 1, -1):
            window = tokens[:span]
            if any(known[:span]) or not any(strange[:span]):
                continue
            forms = [" ".join(window), " ".join([lemma(window[0]), *window[1:]])]
            if span == 3 and window[1] in _OBJECT_PRONOUNS:  # "keep me up" -> keep up
                forms.append(f"{lemma(window[0])} {window[2]}")
            if self._conditions_named_by(window[0]):
                continue  # "renal failure": the organ's condition, as the article names it (see _read_lacking)
            for form in dict.fromkeys(forms):
                found = lexicon.entry(form)
                if found is None or " " not in form:
                    continue
                if found.main == "v" and _focus_noun(window[-1]):
                    break  # "lose weight": a verb and what it is done to, a focus, read word by word
                if found.main != "n" or lexicon.is_focus(found, True):
                    return span, form
        return 0, ""

    def _condition_named(self, tokens: list[str], i: int, strange: list[bool]) -> tuple[int, str]:
        """A WordNet condition or person named by a corpus word and one the corpus lacks ("restless legs",
        "sleep apnea", "night owl"): one word, as _phrase_at gives it, else (0, ""); not the condition of
        an organ the article names ("heart failure": see _read_lacking)."""
        if i + 1 >= len(tokens) or not strange[i + 1] or self._conditions_named_by(tokens[i]):
            return 0, ""
        for form in dict.fromkeys([f"{tokens[i]} {tokens[i + 1]}", f"{tokens[i]} {lemma(tokens[i + 1])}"]):
            found = lexicon.entry(form)
            # a person named by a phrase ("night owl") is a person, not the animal its last word names
            if found is not None and found.main == "n" and found.category in ("noun.state", "noun.person"):
                return 2, form
        return 0, ""

    @staticmethod
    def _kind_named(tokens: list[str], known: list[bool], strange: list[bool]) -> str:
        """A WordNet noun phrase naming a kind of a corpus thing by a word the corpus lacks ("cluster
        headache", "sinus headaches"): the kind, when it is a focus word, else ""."""
        if len(tokens) < 2 or not (strange[0] and known[1]):
            return ""
        for form in dict.fromkeys([f"{tokens[0]} {tokens[1]}", f"{tokens[0]} {lemma(tokens[1])}"]):
            found = lexicon.entry(form)
            if found is not None and found.main == "n" and lexicon.is_focus(found, True):
                return form
        return ""

    def _locates(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i] is a body part the corpus lacks that says where a state or body part
        the corpus has is found, next to it but for stop words ("my wrist nerve pain", "calves
        cramping", "pain in the nerve of my arm"); not one a question is about ("bone density",
        "magnesium for bones")."""
        found = lexicon.entry(tokens[i])
        if found is None or found.main != "n" or found.category != "noun.body":
            return False
        before = next((w for w in reversed(tokens[:i]) if w not in stop_words()), "")
        after = next((w for w in tokens[i + 1:] if w not in stop_words()), "")
        if after and tokens[i + 1] == after and self._kinds_by_body_part(after):
            return False  # "liver disease" where the article says "kidney disease": another kind of it
        return any(self._names_state(w) for w in (before, after) if w)

    def _kinds_by_body_part(self, word: str) -> bool:
        """Whether the corpus names kinds of a state by a body part ("kidney disease", "heart
        problems") or by an adjective of the field it belongs to ("mental health", "neurological
        disorders"), so that a body part before it names a kind the corpus may not discuss ("skin health")."""
        return _remembered(self._kinds_by_organ, stem(word), lambda term: any(
            (found := lexicon.entry(self._word_of(before))) is not None and (
                found.main == "n" and found.category == "noun.body"
                or found.main == "a" and found.category not in _DEGREES) for before in self._preceding(term)))

    def _names_state(self, word: str) -> bool:
        """Whether a word is a corpus word for a state, a process or a body part ("pain", "nerve")."""
        if self._strange(word) or stem(word) in question_stems():
            return False
        found = lexicon.entry(word)
        return found is not None and found.category in _STATES

    def _strange(self, word: str) -> bool:
        """Whether a word is neither a stop word, a phrasing word, nor (in some form) a corpus word; remembered."""
        return _remembered(self._strangeness, word, self._is_strange)

    def _is_strange(self, word: str) -> bool:
        if not word.isalpha() or word in stop_words():
            return False
        terms = {stem(word), stem(lemma(word))}
        return terms.isdisjoint(self.vocabulary) and terms.isdisjoint(question_stems())


    def _spelled_all(self, query: Query, tokens: list[str]) -> list[str]:
        """Each word as _spelled reads it beside its neighbours."""
        padded = ["", *tokens, ""]  # (two words run together are two again: "sideeffects")
        return [part for i, word in enumerate(tokens)
                for part in self._spelled(query, word, padded[i], padded[i + 2]).split()]

    def _spelled(self, query: Query, word: str, before: str = "", after: str = "") -> str:
        """The word, or the corpus or English word it misspells ("magneisum", "acutally"): the one
        making a dictionary phrase with a neighbour if any ("blood suger": sugar, not super), and
        after a determiner never a function word ("my dgo" is not "my do")."""
        if not word.isalpha() or word in stop_words() or stem(word) in self.vocabulary or word in self._synonym_words \
                or _acronym(word, query.text):
            return word
        fixed = _remembered(self._spellings, word, self._likeliest)
        if fixed and not _in_use(word):
            fixed = self._in_phrase(word, before, after) or fixed
        if before in _DETERMINERS and fixed in stop_words():
            fixed = None
        if fixed:
            query.corrected[word] = fixed
        return fixed or word


    def _meant_here(self, query: Query, tokens: list[str], i: int) -> str:
        """tokens[i], or the word one edit away that its place says was meant: a real English word
        the article lacks where the article puts a neighbour of it beside the next or previous word
        ("hart problems": heart problems) or, a far commoner word, where it makes a phrase of the
        synonyms table with a content word beside it ("hart condition"), or an auxiliary before a
        question's subject, a pronoun or the article's subject ("how dose it", "why dose magnesium
        cause") or before a noun phrase and a bare verb ("dose a pill guarantee...")."""
        word = tokens[i]
        if not word.isalpha() or len(word) < 3 or word in stop_words() or stem(word) in self.vocabulary:
            return word
        nearby = _remembered(self._one_edit, word, lambda typed: sorted(
            c for c in self._candidates(typed) if damerau(typed, c) == 1))
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if self._auxiliary_slot(tokens, i):
            meant = next((c for c in nearby if c in _AUXILIARIES), None)
        elif _verb_slot(tokens, i) and not _verb(word):  # "how do i avid them": avoid
            meant = next((c for c in nearby if _verb(c) and stem(c) in self.vocabulary), None)
        elif word in self._synonym_words or stem(word) in question_stems():
            return word  # a word of asking is said as meant ("is magnesium making people...": not taking)
        else:
            before = tokens[i - 1] if i else ""
            # a slip is into a rarer word ("hart" for heart): one at least as common as the word it
            # would stand for is meant as written ("taking two tablets" is no "taking too")
            meant = next((c for c in nearby if c not in stop_words() and frequency(c) > frequency(word) and (
                after and stem(c) in self._preceding(stem(after)) or
                before and stem(before) in self._preceding(stem(c)))), None) \
                or next((c for c in nearby if c not in stop_words() and frequency(c) >= frequency(word) + 1 and (
                    after not in stop_words() and self._by_lemmas.get((c, lemma(after)))
                    or before not in stop_words() and self._by_lemmas.get((lemma(before), c)))), None)
        if meant:
            query.corrected[word] = meant
        return meant or word

    def _auxiliary_slot(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i] stands where a question's auxiliary does: first or after a question word,
        before a pronoun or the article's subject (after a question word, before an article when "do" is
        the verb later), and
        no other auxiliary later ("what dose magnesium
        is right": a noun)."""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        return ((after in _SUBJECTS or bool(after) and stem(after) in self.subject
                 # "what dose the nervous system do", "dose a pill guarantee...": a noun phrase, then a bare verb
                 # (not after "what", which may ask the amount: "what dose the article recommend")
                 or after in _ARTICLES and (0 < i and "do" in tokens[i + 2:] or _bare_verb_after(tokens, i + 2)
                                            and tokens[i - 1:i] not in (["what"], ["which"])))
                and (i == 0 or _asks_here(tokens[i - 1]))
                and _LATER_AUXILIARIES.isdisjoint(tokens[i + 2:]))

    def _read_unknown(self, query: Query, word: str, in_question: bool, weight: float, glossing: bool = True,
                      acting: bool = False, placed: bool = False, at: tuple[list[str], int] | None = None) -> None:
        """A word the corpus lacks: read through a related corpus word ("renal" -> kidney) or the
        plain words it is made of ("neuralgia" -> nerve pain), as a focus the article may not cover
        ("glycinate", "kids"), or as context ("husband", "tho"); with acting=True it is the
        question's verb, never a focus; with placed=True its place says it is a focus (an adjective a
        yes-no question ends on, "is it addictive?"; what a comparison is with, "better than therapy?")."""
        reading = _remembered(self._unknown, word, self._unknown_word)
        if reading.asks:  # "is it achievable from food?": how it asks, as "possible" is
            query.context.append(reading.english)
        elif reading.ways:
            query.asked += in_question
            query.expanded[reading.english] = [" ".join(w) for w in reading.ways]
            self._add(query, reading.english, [t for way in reading.ways for t in way],
                      ways=[list(w) for w in reading.ways], weight=weight)
        elif glossing and reading.gloss:
            self._read_gloss(query, reading, in_question, weight)
        elif phrasing := self._phrasing_relative(reading):
            self._add(query, word, [phrasing], phrasing=True)  # "a grown person": an adult, how a dose is asked
        elif not acting and (reading.focus(in_question) or placed) \
                and (in_question or query.about_person) and not intent.names_article(word):
            abstract = bool(reading.entry) and reading.entry.main == "n" and \
                reading.entry.category in lexicon.ABSTRACT_NOUNS
            population = not in_question and not lexicon.names_animal(reading.entry)  # a person's age or state
            said = self._cues(query, reading, at, placed) if at and in_question else ()
            self._add(query, reading.english, [stem(reading.english)], weight=weight, abstract=abstract,
                      population=population, cues=said)
        else:
            query.context.append(reading.english)
            # What the question names is its nouns and verbs: an adjective or adverb says how it asks
            # ("legit", "basic", "weird"). A word pointing at the article ("claims", "mentioned") or asking
            # a role ("a real job in") is not a subject it lacks; a person by relation ("my dad") is counted
            # apart, since in a follow-up it is whom the question before is now asked for.
            unrelated = (in_question and bool(reading.entry) and reading.entry.main in "nv"
                         and not intent.refers_to_subject(word) and not intent.frames_definition(word))
            query.unrelated += unrelated
            query.kin += unrelated and reading.entry.category == "kin"

    def _cues(self, query: Query, reading: Unknown, at: tuple[list[str], int], placed: bool) -> tuple[str, ...]:
        """What bot.focus weighs of a word of the question sentence proposed as a focus (tokens[i] of `at`)."""
        tokens, i = at
        word = reading.english
        related = reading.entry is not None and any(
            stem(r) in self.vocabulary for r in reading.entry.related if " " not in r)
        capitalised = re.search(rf"(?<![.!?] )(?<!^)\b{re.escape(word.capitalize())}\b", query.text) is not None
        neighbours = {w for w in tokens[max(0, i - 1):i + 2] if stem(w) in self.vocabulary}
        of_subject = tokens[i + 1:i + 2] == ["of"] and any(map(self._names_subject, tokens[i + 2:i + 3]))
        return focus.cues(word, tokens, i, related, capitalised, placed, neighbours, of_subject)

    def _frame_focus(self, query: Query) -> None:
        """Words the lexicon proposes as the focus that bot.focus reads as context are context."""
        proposed = [c for c in query.concepts if c.cues]
        if not proposed:
            return
        specific = sum(1 for c in query.known if self.subject.isdisjoint(c.terms))
        said = focus.question_cues(specific, len(_parts(query.text)) > 1)
        for concept in proposed:
            if not focus.is_focus(concept.cues + said):
                query.concepts.remove(concept)
                query.context.append(concept.word)


    def _read_gloss(self, query: Query, reading: Unknown, in_question: bool, weight: float) -> None:
        """A word read as the plain words it is made of, as if the asker had written them; if
        those name something the corpus lacks ("hepatotoxic": liver), or too much or too little of
        something no passage says that of ("hypotension": too little blood pressure), the word is
        that focus."""
        plain = Query(text=" ".join(reading.gloss), concepts=[])
        self._read_words(plain, list(reading.gloss), in_question, weight, glossing=False)
        lacking = [w for w in plain.context if (found := lexicon.entry(w)) is not None and found.main == "n"
                   or w in lexicon.root_words()]  # "arthritis": joint, whatever else "joint" may be
        if plain.unknown or lacking:  # a part names a thing the corpus lacks ("hyporeflexia": reflex)
            self._add(query, reading.english, [stem(reading.english)], weight=weight)
            return
        if not plain.known:
            query.context.append(reading.english)
            return
        parts = [[t for t in c.terms if t in self.vocabulary] for c in plain.known if not c.phrasing]
        if tuple(reading.gloss[:2]) in _AMOUNTS and len(parts) > 1 and not self._together(parts):
            # "hypotension" (too little blood pressure): an amount of a thing the article never gives it
            self._add(query, reading.english, [stem(reading.english)], weight=weight)
            return
        query.asked += in_question
        query.expanded[reading.english] = [plain.text]
        for concept in plain.concepts:  # a part's negation ("analgesic": without pain) is how it says it
            self._add(query, concept.word, list(concept.terms), phrasing=concept.phrasing or concept.word in _NEGATIONS,
                      ways=[list(w) for w in concept.alternatives], weight=weight)


    def _add(self, query: Query, word: str, terms: list[str], phrasing: bool = False,
             ways: list[list[str]] | None = None, weight: float = 1.0, abstract: bool = False,
             population: bool = False, cues: tuple[str, ...] = ()) -> None:
        """Add a concept unless it repeats one already there; unknown phrasing words are dropped."""
        unique = tuple(dict.fromkeys(t for t in terms if t))
        if not unique:
            return
        for i, other in enumerate(query.concepts):
            if other.terms == unique:  # said again: it weighs as where it weighs most (the question sentence)
                query.concepts[i] = dataclasses.replace(other, weight=max(other.weight, weight))
                return
        known = any(t in self.vocabulary for t in unique)
        if phrasing and not known:
            return
        usable = tuple(tuple(w) for w in (ways or [[t] for t in unique])
                       if w and all(t in self.vocabulary for t in w))
        for i, other in enumerate(query.concepts):
            if not phrasing and not other.phrasing and set(other.terms) & set(unique):
                # "overdose" and "too much" both mean excess: one concept, matched either way
                query.concepts[i] = dataclasses.replace(
                    other, word=f"{other.word}/{word}", terms=tuple(dict.fromkeys(other.terms + unique)),
                    known=other.known or known, alternatives=tuple(dict.fromkeys(other.alternatives + usable)),
                    weight=max(other.weight, weight))
                return
        query.concepts.append(Concept(word, unique, known, alternatives=usable, weight=weight, phrasing=phrasing,
                                      abstract=abstract and not known, population=population and not known,
                                      cues=() if known else cues))

    def _synonym_at(self, tokens: list[str], i: int, fronted: str = "") -> tuple[int, list[list[str]]]:
        """The longest synonym phrase starting at tokens[i] (as written, else in any inflection; a
        two-word one with a word of degree or a possessive between: "think more clearly", "calm my
        nerves"): its length and its
        synonyms, or (0, []); with a preposition `fronted` before "what", a word
        with that preposition ("good" of "for what is good...": "good for")."""
        if i + 1 < len(tokens) and tokens[i + 1] in _BADLY and (found := self._troubles.get(lemma(tokens[i]))):
            return 2, found  # "he sleeps badly": trouble sleeping
        if tokens[i] not in self._synonym_starts and lemma(tokens[i]) not in self._synonym_starts:
            return 0, []
        if fronted and i > 1 and (found := self._by_lemmas.get((tokens[i], fronted))
                                  or self._by_lemmas.get((lemma(tokens[i]), fronted))):
            return 1, found
        if i + 2 < len(tokens) and tokens[i + 1] in _COMPOUND_PREPOSITIONS:
            # "problems with sleep", also with an article ("problems with the sleep", as many languages say it)
            article = tokens[i + 2] in _ARTICLES and i + 3 < len(tokens)
            found = self._turned.get((lemma(tokens[i]), lemma(tokens[i + 2 + article])))
            if found:
                return 3 + article, found
        for span in range(min(self.longest_synonym, len(tokens) - i), 0, -1):
            if span == 1 and (gapped := self._gapped_synonym(tokens, i)):
                return 3, gapped  # before the first word alone: "calm my nerves" is not "calm"
            phrase = tuple(tokens[i:i + span])
            found = self.synonyms.get(phrase) or self._by_lemmas.get(tuple(map(lemma, phrase)))
            if found and not (span == 1 and self._in_corpus_pair(tokens, i)):
                return span, found
        return 0, []

    def _gapped_synonym(self, tokens: list[str], i: int) -> list[list[str]]:
        """A two-word synonym phrase with a word of degree or a possessive between ("think more
        clearly", "calm my nerves"): its synonyms, else []."""
        if i + 2 >= len(tokens) or tokens[i + 1] not in _DEGREE_WORDS | _POSSESSIVES:
            return []
        pair = (tokens[i], tokens[i + 2])
        return self.synonyms.get(pair) or self._by_lemmas.get(tuple(map(lemma, pair))) or []

    def _in_corpus_pair(self, tokens: list[str], i: int) -> bool:
        """Whether tokens[i], a corpus word, stands before the word the article itself puts after it
        ("nervous system"): the article's own compound, not the word's synonym (nervous: anxiety)."""
        term = stem(tokens[i])
        return (i + 1 < len(tokens) and term in self.vocabulary
                and term in self._preceding(stem(tokens[i + 1])))

    def _compounds_turned(self, tokens: list[str]) -> list[str]:
        """The sentence with a compound of the article said turned round with "of", as other languages
        say it ("the vessels of blood", "pressure of the blood"), in the article's order ("blood vessels");
        never one of the subject ("the effects of magnesium")."""
        out, i = [], 0
        while i < len(tokens):
            j = i + 2 + (tokens[i + 2:i + 3] == ["the"])  # the word after "of" (and "the")
            if j < len(tokens) and tokens[i + 1] == "of" and not self._names_subject(tokens[j]) \
                    and not self._names_subject(tokens[i]) and tokens[j] not in stop_words() \
                    and stem(tokens[j]) in self._preceding(stem(tokens[i])):
                out += [tokens[j], tokens[i]]
                i = j + 1
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _relative(self, word: str, term: str) -> str | None:
        """The corpus term of a word's family, or the corpus verb it makes, if any."""
        family = self.word_family(term)
        if family and not self._another_word(word, family):
            return family
        return self._verb_made_of(word)

    def _another_word(self, word: str, relative: str) -> bool:
        """Whether a dictionary word only looks like the corpus word of its family: WordNet knows
        both, under other base forms, and relates them to nothing in common ("properties" is not
        "proper"; "inflammatory" and "inflammation" share "inflame")."""
        other = self._word_of(relative)
        mine, theirs = lexicon.entry(word), lexicon.entry(other)
        if mine is None or theirs is None or lemma(word) == lemma(other):
            return False
        return {stem(r) for r in (*mine.related, word, lemma(word))}.isdisjoint(
            {stem(r) for r in (*theirs.related, other, lemma(other))})

    def _verb_made_of(self, word: str) -> str | None:
        """The corpus verb an adjective, or its comparative, makes with -en ("wider" -> widen: "are
        the blood vessels getting wider?"; "deeper" -> deepen), if any."""
        bases = (word[:-1], word[:-2], word[:-3]) if word.endswith(("er", "est")) else (word,)
        for base in bases:
            found = lexicon.entry(base) if len(base) >= 3 else None
            verb = stem(base + ("n" if base.endswith("e") else "en"))
            if found is not None and found.main == "a" and verb in self.vocabulary:
                return verb
        return None


def _words_of_stems(surface_words: Iterable[str]) -> dict[str, str]:
    """Each stem of the corpus words, and its shortest word (the first in alphabetical order of those)."""
    shortest: dict[str, str] = {}
    for word in sorted(surface_words, key=lambda w: (len(w), w)):
        shortest.setdefault(stem(word), word)
    return shortest


def _acronym(word: str, text: str) -> bool:
    """Whether a short word is written in capitals in a message that is not ("his CPAP", "ADHD"): an
    acronym, as meant, not a slip ("clap")."""
    return 2 <= len(word) <= _LONGEST_ACRONYM and word.upper() in text and text != text.upper() \
        and re.search(rf"(?<![A-Za-z]){word.upper()}(?![A-Za-z])", text) is not None


def _vitamin_at(tokens: list[str], i: int) -> str:
    """A vitamin named by its letter and number from tokens[i] ("B6", "b12", "D3"), which the tokenizer splits,
    else ""."""
    number = tokens[i + 1] if i + 1 < len(tokens) else ""
    return tokens[i] + number if tokens[i] in _VITAMIN_LETTERS and number.isdigit() and len(number) <= 2 else ""


def _of_person(tokens: list[str], i: int) -> bool:
    """Whether what tokens[i] is said of, after the last "is" or "are" before it, is a person ("is he just
    unlucky?", "or is she sensitive?"), not a thing ("is it addictive?")."""
    be = max((j for j in range(i) if tokens[j] in ("is", "are")), default=-1)
    return be >= 0 and tokens[be + 1:be + 2] in (["he"], ["she"], ["you"], ["we"])


def _names_whom(concept: Concept) -> bool:
    """Whether a concept names whom a question is for: a person by age or kind ("kids", "my 8-year-old",
    "women", "teens"), an animal, a state of a person ("pregnant")."""
    found = lexicon.entry(concept.word)
    if found is None:
        return any(ch.isdigit() for ch in concept.word)  # an age ("8-year-olds")
    return lexicon.is_focus(found, False) or found.category in _WHOM


def _names_thing_had(word: str) -> bool:
    """Whether WordNet names a condition, a substance or a rare artifact (a drug) by a word, or, failing WordNet,
    a word of no language ends as a medical word does ("fibromyalgia": -algia)."""
    found = lexicon.entry(word)
    if found is None:
        return not is_english_word(word) and any(
            word.endswith(s) and len(word) > len(s) + 2 for s in lexicon.word_parts().suffixes if len(s) >= 3)
    return found.main == "n" and (
        found.category in _HAD or found.category == "noun.artifact" and frequency(word) < _RARE_THING)


def _asks_negatively(tokens: list[str], at: int) -> bool:
    """Whether the negation at tokens[at] only opens a question, between its auxiliary and its subject
    ("can't I get enough from food?", "don't you need enough of it?"): it asks whether the positive holds."""
    return 0 < at < len(tokens) - 1 and tokens[at - 1] in _AUXILIARIES | _VERB_AUXILIARIES \
        and tokens[at + 1] in _SUBJECTS and (at == 1 or tokens[at - 2] in _QUESTION_WORDS)


def _asks_here(word: str) -> bool:
    """Whether a word is a question word, or one slip from one ("were dose it fit in": where)."""
    return word in _QUESTION_WORDS or len(word) >= 3 and any(damerau(word, w) == 1 for w in _QUESTION_WORDS)


def _bare_verb_after(tokens: list[str], start: int) -> bool:
    """Whether a noun phrase of one to three words at tokens[start] is followed by a verb in its bare
    form ("how dose the nervous system *work*", "dose a pill *guarantee*..."): a question's order."""
    for at in range(start + 1, min(start + 4, len(tokens))):
        word = tokens[at]
        if word in stop_words():
            return False
        found = lexicon.entry(word)
        if found is not None and "v" in found.parts and not word.endswith(("s", "ing")):
            return True
    return False


def _adds(said: list[str]) -> bool:
    """Whether a question adds to what was said before ("for kids too", "even for a gummy", "as well")."""
    following = [*said[1:], ""]
    return any(w in _ADDITIVE and not (w == "too" and (nxt in _DEGREE_OF or _adjective(nxt) or _adverb(nxt)))
               or w == "well" and i > 0 and said[i - 1] == "as" and nxt != "as"
               for i, (w, nxt) in enumerate(zip(said, following, strict=True)))


def _pointed_at(word: str, question: str) -> bool:
    """Whether a question says a word after a demonstrative ("those side effects")."""
    return re.search(rf"\b(those|these|that|this) {re.escape(word)}\b", question.casefold()) is not None


def _frame_manner(query: Query, shapes: list[intent.Intent]) -> None:
    """An adverb in a question asking a reason ("what would be causing that *physically*?", "why does it
    *chemically* do that?") says how the reason is asked: phrasing, not a subject ("physical benefits")."""
    if any(shape.name == "reason" for shape in shapes):
        query.concepts = [dataclasses.replace(c, phrasing=True) if _adverb(c.word) else c for c in query.concepts]


def _frame_behind(query: Query) -> None:
    """A field of knowledge the corpus lacks, said of what was said before ("what's the science behind
    that?", "the biology there", "the logic of it"), is how a follow-up asks the reason: context."""
    said = [*query.spelled, ""]
    for concept in [c for c in query.unknown if " " not in c.word]:
        found = lexicon.entry(concept.word)
        at = said.index(concept.word) if concept.word in said else -1
        if found is None or found.category != "noun.cognition" or at < 1 or said[at - 1] != "the":
            continue
        nxt, then = said[at + 1], said[at + 2] if at + 2 < len(said) else ""
        if nxt in ("", "there", "here") or nxt in _BEHIND and then in _POINTER_WORDS:
            query.concepts.remove(concept)
            query.context.append(concept.word)


def _frame_definition(query: Query) -> None:
    """The words of asking what a thing is or does ("what *role* does melatonin *play* in the body?")
    are phrasing: they steer ranking, never decide coverage; what is asked about is the thing."""
    thing = intent.defined_word(query.asking)
    if thing:
        inside = set(thing.split())
        query.concepts = [dataclasses.replace(c, phrasing=True)
                          if c.word not in inside and intent.frames_definition(c.word) else c for c in query.concepts]


def _frame_role(query: Query) -> None:
    """Playing a part or a role in something ("could low magnesium play any part in her anxiety?") is how
    a link is asked: those words are phrasing, what it plays a part in is what is asked about."""
    played = _ROLE_RE.search(query.asking)
    if played:
        said = set(played.group(0).split())
        query.concepts = [dataclasses.replace(c, phrasing=True) if c.word in said else c for c in query.concepts]


def _frame_sexes(query: Query) -> None:
    """A question comparing the sexes ("is it the same for men and women?", "sex-specific breakdown?", "is
    the dose different for men?") asks for a difference between them, something the article's figures for
    everyone may not give: a focus named as said ("and for women?" asks only for women: phrasing)."""
    asked = query.asking.split()
    named = [w for w in asked if w in _MALE or w in _FEMALE or w in _SEXES]
    compared = named and not _COMPARING.isdisjoint(asked)  # "is it the same for women?": than for men
    if _SEXES.intersection(named) or not _MALE.isdisjoint(named) and not _FEMALE.isdisjoint(named) or compared:
        said = " and ".join(dict.fromkeys(named))
        query.context = [w for w in query.context if w not in named]
        query.concepts.append(Concept(said, (said,), known=False))


def _says_harm(words_said: str) -> bool:
    """Whether words say harm ("side effects", "dangerous"); a phrase read as a condition ("head hurt":
    headaches) names that condition instead (see _frame_harm)."""
    return any(i.name == "harm" for i in intent.of_question(words_said))


def _said_in(concept: Concept, words: frozenset[str]) -> bool:
    """Whether every word a concept was read from is one of words ("muscle/cramps": muscle, cramps)."""
    return set(re.split(r"[ /]", concept.word)) <= words


def _narrates(concept: Concept) -> bool:
    """Whether a story's word only tells what happened, a verb of doing ("she began them", "he doubled
    it"), not a state it names ("he sleeps badly", "my legs ache", "I worry": anxiety): its story's weight."""
    found = lexicon.entry(lemma(concept.word)) if " " not in concept.word else None
    return found is not None and found.main == "v" and found.category not in _SYMPTOM_SENSES \
        and concept.terms in ((stem(concept.word),), (stem(lemma(concept.word)),))  # not a synonym ("connected": link)
