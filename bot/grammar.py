"""A word where it stands: its word class (WordNet's) and the phrase shapes around it that say whether
it is a thing asked about (set aside, story time, a compound preposition, a phrasal verb...)."""

from __future__ import annotations

import itertools

from bot import intent, lexicon
from bot.text import lemma, question_stems, stem, stop_words

_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their"})
_DETERMINERS = frozenset({"a", "an", "the", "my", "your", "his", "her", "our", "their", "its", "this", "that"})
_LINKING = frozenset({"is", "s", "was", "are", "be"})
_JUDGING = frozenset({"better", "preferable"})  # what is preferred: see _judges_subject
# A noun for a piece of what was said, after the word it names and a determiner ("the anxiety part",
# "that sleep aspect"), is how the question points at that word, not a thing asked about ("parts of the body").
_PART_WORDS = frozenset({"part", "parts", "aspect", "aspects", "side", "portion", "element", "piece"})
_LEVEL_WORDS = frozenset({"level", "scale"})  # of description: "at the neuronal level"
_THAN = frozenset({"than", "vs", "versus"})  # what a comparison is with is a thing asked about
_COMPARING = frozenset({"compared", "comparison", "relative", "compare"})
# Words that set a thing aside ("effect beyond the nerves?", "other than headaches"): what follows is
# not what is asked about. An amount gone past ("beyond the daily dose") is not set aside: it is too much.
_SETTING_ASIDE = (("beyond",), ("besides",), ("except",), ("excluding",), ("other", "than"), ("apart", "from"),
                  ("aside", "from"))
# A restrictive particle denied ("in the body generally, not just the nerves") sets aside what follows
# too, unless the sentence goes on to what is added ("not only for sleep but also for anxiety": both).
_DENIED = frozenset({"only", "just", "merely", "simply", "solely"})
_ADDING = frozenset({"but", "also"})
_COMPOUND_OPENERS = frozenset({"in", "on", "for", "with", "at"})  # "not only in the nerves"
# Pronouns of things, which may stand for a thing named earlier in the same sentence, and the words
# joining that sentence's clauses.
_ANAPHORS = frozenset({"it", "its", "they", "them"})
_CLAUSE_JOINS = frozenset({"and", "but", "or", "so"})
# The particles of phrasal verbs ("fit in", "calm down")
_VERB_PARTICLES = frozenset({"in", "into", "up", "out", "off", "on", "over", "down", "back", "away"})
_BE = frozenset({"is", "are", "be", "was", "were", "been", "being", "s"})
# A large amount said by its size ("high doses", "a bigger dose", "large amounts") or a comparison
# split by what is compared ("more magnesium than recommended") is too much, whatever the question.
_LARGE_WORDS = frozenset({"high", "higher", "large", "larger", "big", "bigger", "huge", "heavy", "massive", "more"})
_AMOUNT_QUALIFIERS = frozenset({"recommended", "daily", "suggested", "maximum", "max", "safe", "normal", "usual",
                                 "limit", "limits", "rda", "mg", "milligrams", "threshold"})
_AMOUNT_WORDS = frozenset({"dose", "doses", "dosage", "dosages", "amount", "amounts", "quantity", "quantities",
                           "intake", "milligrams"})
# The main verb of a question stands after its auxiliary and subject ("does magnesium influence...",
# "can it also trigger...") or between "to" and an object pronoun ("is it okay to mix them?"): a word
# WordNet knows mainly as a noun ("influence", "trigger", "mix") is the verb there, context.
_VERB_AUXILIARIES = frozenset({"does", "do", "did", "can", "could", "will", "would", "may", "might", "should"})
_HELP_FORMS = frozenset({"help", "helps", "helped", "helping"})  # "help control X": a bare verb and its object
_VERB_ADVERBS = frozenset({"also", "really", "even", "ever", "actually", "still", "just", "always"})
# A real word can be a slip for another ("hart problems", "how dose it work"): an auxiliary before the
# subject of a question, after a question word or first ("dose it help?").
_AUXILIARIES = frozenset({"does", "do", "did", "is", "are", "was", "can", "has", "have", "should", "would",
                          "could", "will"})
_LATER_AUXILIARIES = _AUXILIARIES - {"do", "does", "did"}  # "how dose it do that": "do" is its verb
_SUBJECTS = frozenset({"it", "i", "you", "he", "she", "they", "we", "that", "this"})
_FRAGMENT_BREAKERS = _AUXILIARIES | _VERB_AUXILIARIES | _SUBJECTS | _POSSESSIVES | frozenset(
    {"am", "were", "be", "been", "had", "shall", "must", "me", "us", "him", "them"})
# A light verb, "the", a noun and a particle make an idiom ("take the edge off"): see _in_phrasal_idiom.
_LIGHT_VERBS = frozenset({"take", "get", "knock", "keep", "put", "blow", "let"})
_PARTICLES = frozenset({"off", "out", "away", "down"})
_TIMES = frozenset({"noun.time", "time-unit"})  # WordNet categories of a word naming a time
_GONE_BY = frozenset({"last", "past", "previous", "next", "coming"})  # "last week", "next month": see _in_story_time
_EVENTS = frozenset({"noun.act", "noun.event"})  # what names a time by what happens in it ("finals week")
# "every afternoon", "each night", "all week", "the whole day": when something in the story keeps
# happening or lasts (see _in_story_time)...
_RECURRING = frozenset({"every", "each", "all", "whole", "entire"})
_TAKE_REACH = 4  # ...unless a word of taking stands this close before it ("take it every morning": a timing)
_TAKING = frozenset({"take", "dose", "use", "swallow", "pop"})
# A bare noun between these makes a compound preposition ("on top of", "in front of", "in terms of",
# "by way of", "with regard to"): a function word, not a thing asked about.
_PREPOSITION_OPENERS = frozenset({"on", "in", "by", "at", "with"})
_PREPOSITION_CLOSERS = frozenset({"of", "to"})


def _set_aside(tokens: list[str], i: int) -> int:
    """How many words from tokens[i] set a thing aside ("beyond the nerves", "other than headaches",
    "not just the nerves"):
    the marker, its determiners and the words after them up to a function word; 0 if none does, or
    if an amount follows ("beyond the recommended dose": too much)."""
    marker = next((m for m in _SETTING_ASIDE if tuple(tokens[i:i + len(m)]) == m), None)
    if marker is None and tokens[i] == "not" and tokens[i + 1:i + 2] and tokens[i + 1] in _DENIED \
            and _ADDING.isdisjoint(tokens[i + 2:]):
        marker = tuple(tokens[i:i + 2])
    if marker is None:
        return 0
    end = i + len(marker)
    if marker[0] == "not" and end < len(tokens) and tokens[end] in _COMPOUND_OPENERS:
        end += 1  # "not only in the nerves"
    while end < len(tokens) and tokens[end] in _DETERMINERS:
        end += 1
    start, stops = end, stop_words()
    while end < len(tokens) and tokens[end] not in stops:
        end += 1
    thing = tokens[start:end]
    if not thing or any(w[0].isdigit() or w in _AMOUNT_WORDS or w in _AMOUNT_QUALIFIERS for w in thing):
        return 0
    return end - i


def verbless(tokens: list[str]) -> bool:
    """Whether a question is a fragment naming no subject of its own: no auxiliary, no pronoun
    ("Analgesic benefit in nerve pain?", "Sleep-onset vs sleep-maintenance insomnia — which?")."""
    return bool(tokens) and _FRAGMENT_BREAKERS.isdisjoint(tokens)


def _names_person(word: str) -> bool:
    """Whether a word is mainly a noun for a person ("patient", "husband")."""
    found = lexicon.entry(_singular(word))
    return found is not None and found.main == "n" and found.category == "noun.person"


def _focus_noun(word: str) -> bool:
    """Whether a word is mainly a noun for something a question can be about ("weight", not "up")."""
    found = lexicon.entry(word)
    return found is not None and found.main == "n" and lexicon.is_focus(found, True)


def _refers_back(tokens: list[str], position: int, named: set[str]) -> bool:
    """Whether a pronoun of things (or an existential "there") stands for what the question sentence is
    about, not for the story:
    for a thing it named in a clause before it ("What is magnesium, and does the body need it?"; in
    the thing's own clause it is something else: "can magnesium cause it?"), or, beside a thing the
    sentence names, "it" doing something to that thing or taken ("Can it actually cause sleeplessness?",
    "who shouldn't take it?": the article's subject; "is it a side effect?", "could it be...", is the
    story's thing)."""
    if tokens[position] == "there":  # "are there illnesses...?", "there is": no place, no pointing
        return not _BE.isdisjoint(tokens[max(position - 1, 0):position + 2])
    if tokens[position] not in _ANAPHORS:
        return False
    joins = [j for j in range(position) if tokens[j] in _CLAUSE_JOINS]
    if joins and not named.isdisjoint(tokens[:joins[-1]]):
        return True
    if tokens[position] != "it" or not named:
        return False
    if position and lemma(tokens[position - 1]) == "take":  # what is taken: the supplement ("shouldn't take it")
        return True
    after = [w for w in tokens[position + 1:] if (found := lexicon.entry(w)) is None or found.main != "r"]
    return bool(after) and after[0] not in _BE and (found := lexicon.entry(after[0])) is not None \
        and "v" in found.parts


def _adverb(word: str) -> bool:
    """Whether a word is an adverb of manner: -ly, and WordNet knows it as an adverb first ("physically")."""
    found = lexicon.entry(word) if word.endswith("ly") else None
    return found is not None and found.main == "r"


def _verb_slot(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] stands where a question's main verb does: right after an auxiliary and a
    personal pronoun ("how do i ___ them", "can you ___ it")."""
    return i >= 2 and tokens[i - 1] in _SUBJECTS - {"that", "this", "it"} and tokens[i - 2] in _VERB_AUXILIARIES


_SAID_OF_LEFT_OUT = frozenset({"from", "for", "because", "due", "like", "about", "with"})  # "Is from the magnesium?"


def _subject_left_out(tokens: list[str]) -> bool:
    """Whether a question leaves its subject unsaid, as other languages may ("Can be from the
    magnesium?", "Is normal?", "Is for kids?", "Is coming from it?"): an auxiliary first, then a verb,
    an adjective of a state or an attribute, or a preposition, no pronoun, determiner or noun between."""
    if len(tokens) < 2 or tokens[0] not in _AUXILIARIES | _VERB_AUXILIARIES:
        return False
    after = tokens[1]
    if after in _BE or after in _SAID_OF_LEFT_OUT:
        return True
    if after.endswith("ing") and tokens[2:3] and tokens[2] in _DETERMINERS:
        return False  # a gerund, the subject: "Is fainting a known side effect?"
    found = lexicon.entry(after) if after not in stop_words() else None
    # an adjective saying a state or an attribute ("normal", "safe"), not an amount ("one", "much", "every")
    return found is not None and (found.main == "v" or found.main == "a" and bool(found.category)
                                  and found.senses[:1] != ("noun.quantity",))


# Object pronouns a noun never stands right before ("her" may be a possessive: "give the baby her dose").
_STANDALONE_OBJECTS = frozenset({"me", "him", "us", "them", "someone", "somebody", "anyone", "anybody", "everyone",
                              "everybody"})


def _preposition_here(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] stands where only a preposition or a verb can, right before an object
    pronoun ("run it *past* someone", "is that *beyond* them"): a function word, not a time or a thing."""
    return i + 1 < len(tokens) and tokens[i + 1] in _STANDALONE_OBJECTS


# The particles that end a phrasal verb split by its object ("top it up", "dial it back")
_SPLIT_PARTICLES = frozenset({"up", "down", "off", "out", "back"})


def _verb_with_particle(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a verb with its particle right after it (an -ing form) or after its object
    pronoun ("topping it up", "dial it back", "spacing them out"), though WordNet lacks the pair: doing, not a thing."""
    after = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] in ("it", "them", "him", "her"))
    if after == i + 1 and not tokens[i].endswith("ing"):
        return False
    return after < len(tokens) and tokens[after] in _SPLIT_PARTICLES and _verb(lemma(tokens[i]))


def _verb(word: str) -> bool:
    """Whether WordNet knows a word as a verb."""
    found = lexicon.entry(word)
    return found is not None and "v" in found.parts


def _predicate(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] ends a yes-no question as what it asks of its subject ("is it addictive?", "are
    the side effects permanent?"), not a word of asking, a verb's participle, or a word of harm or benefit."""
    opens = tokens[0] in ("is", "are") or tokens[0] in _VERB_AUXILIARIES and "be" in tokens[1:i]
    return opens and i == len(tokens) - 1 and i >= 2 and stem(tokens[i]) not in question_stems() \
        and not _verb(lemma(tokens[i])) and not intent.of_question(tokens[i])  # "are contraindications listed?"


def _compared(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is what something is compared with ("better than therapy", "vs coffee",
    "compared to yoga"), an article or possessive between allowed."""
    j = i - 1 if i and tokens[i - 1] in _DETERMINERS else i
    return j >= 1 and (tokens[j - 1] in _THAN
                       or j >= 2 and tokens[j - 2] in _COMPARING and tokens[j - 1] in ("to", "with"))


def _noun(word: str) -> bool:
    """Whether WordNet knows a word as a noun first ("adults")."""
    found = lexicon.entry(word)
    return found is not None and found.main == "n"


def _adjective(word: str) -> bool:
    """Whether WordNet knows a word as an adjective first ("unsafe")."""
    found = lexicon.entry(word)
    return found is not None and found.main == "a"


def _in_phrasal_idiom(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is the noun of a light verb's idiom, between an article and a particle ("take the
    edge off", "take the sting out of it", "get the kinks out", "keep an eye out"): how it is said, not a
    thing asked about; after "a", never a condition: "knock a fever down")."""
    return 2 <= i < len(tokens) - 1 and lemma(tokens[i - 2]) in _LIGHT_VERBS and tokens[i + 1] in _PARTICLES \
        and (tokens[i - 1] == "the" or tokens[i - 1] in ("a", "an") and not _names_condition(tokens[i]))


def _judges_subject(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a comparative said of the sentence's subject by a linking verb ("why is a
    supplement better?", "is it better to...", "which is best?", "are pills better than food?"): which is
    preferred, how it asks; not the better of "sleep better", "work better"."""
    if tokens[i] not in _JUDGING or tokens[i + 1:i + 2] == ["for"]:  # "better for sleep": helps it more
        return False
    j = i - 1
    while j >= 0 and tokens[j] not in _LINKING and (
            tokens[j] in _DETERMINERS or tokens[j] in _SUBJECTS
            or _noun(tokens[j]) and (not _verb(tokens[j]) or j > 0 and tokens[j - 1] in _DETERMINERS)):
        j -= 1
    return j >= 0 and tokens[j] in _LINKING


def _said_of_pronoun(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is said of a pronoun by a linking verb a few words before it ("is it a vitamin
    or a mineral?", "it's a mineral, right?"): what the subject is, not the subject."""
    before = tokens[max(0, i - 6):i - 1]
    return any(a in _LINKING and b == "it" or a == "it" and b in _LINKING for a, b in itertools.pairwise(before))


def _names_part_said(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] names a piece of what was said, after the word it names and a determiner
    ("the anxiety part"), not a thing asked about ("parts of the body"); or the level it is asked at,
    after an adjective ("at the neuronal level", "on a cellular level"), not an amount ("energy levels")."""
    if tokens[i] in _LEVEL_WORDS:
        opener = [w for w in tokens[max(0, i - 3):i - 1] if w not in _DETERMINERS]
        return i >= 2 and _adjective(tokens[i - 1]) and opener[-1:] in (["at"], ["on"])
    return tokens[i] in _PART_WORDS and i >= 2 and tokens[i - 2] in _DETERMINERS and tokens[i - 1] not in stop_words()


def _in_story_time(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a time named as gone by or to come ("last week", "the past month", "two days
    ago", "next week"), as recurring or lasting ("every afternoon", "each night", "all week"), or by what
    happens in it ("finals week", "game day"): when something in the story happens; so is the word
    saying so. A recurring time of taking it ("take it every morning") is a timing asked about."""
    if tokens[i] in _GONE_BY or tokens[i] in _RECURRING:
        return i + 1 < len(tokens) and _in_story_time(tokens, i + 1)
    if not _names_time(tokens[i]) or i == 0:
        return False
    if tokens[i - 1] in _RECURRING:
        return not any(lemma(w) in _TAKING or stem(w) in _TAKING for w in tokens[max(0, i - 1 - _TAKE_REACH):i - 1])
    return tokens[i - 1] in _GONE_BY or tokens[i + 1:i + 2] == ["ago"] or _named_by_event(tokens[i - 1])


def _named_by_event(word: str) -> bool:
    """Whether a word before a time names what happens then ("finals week", "exam day", "game night"):
    a noun of an act or event, not a number or a word of time ("mg a day")."""
    found = lexicon.entry(word) if word not in stop_words() else None
    return found is not None and found.main == "n" and found.category in _EVENTS


def _names_time(word: str) -> bool:
    """Whether a word is mainly a noun naming a time ("week", "month", "days")."""
    found = lexicon.entry(word)
    return found is not None and found.main == "n" and found.category in _TIMES


def _in_compound_preposition(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is the bare noun of a compound preposition ("on top of", "in terms of"), or
    of one said without its object at the end ("add it on top", "at the side"): where, said of a place."""
    if not (0 < i and tokens[i - 1] in _PREPOSITION_OPENERS):
        return False
    if i == len(tokens) - 1:
        found = lexicon.entry(tokens[i])
        return found is not None and found.main == "n" and found.category == "noun.location"
    return tokens[i + 1] in _PREPOSITION_CLOSERS


_CONDITION_KINDS = frozenset({"noun.state", "noun.act", "noun.event"})  # "insufficiency", "failure", "impairment"


def _phrasal_verb(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] and the particle after it are one WordNet verb ending a clause ("where magnesium
    fits in", "fits in with"; not "fits in children")."""
    if i + 1 >= len(tokens) or tokens[i + 1] not in _VERB_PARTICLES \
            or i + 2 < len(tokens) and tokens[i + 2] not in _CLAUSE_JOINS | {"with", "here", "there"}:
        return False
    found = lexicon.entry(f"{lemma(tokens[i])} {tokens[i + 1]}")
    return found is not None and found.main == "v"


def _names_condition(word: str, states_only: bool = False) -> bool:
    """Whether a noun can name a condition (with states_only: is a state, as "disease" and "problems" are)."""
    found = lexicon.entry(word)
    return found is not None and found.main == "n" and (
        found.category == "noun.state" if states_only else found.category in _CONDITION_KINDS)


def _singular(word: str) -> str:
    """A synonym key's word with only a plural ending undone ("problems" -> problem; "tired" stays)."""
    return lemma(word) if word.endswith("s") else word


def _names_action(phrase: str) -> bool:
    """Whether a related word is mainly a verb ("reduce", "thin out")."""
    found = lexicon.entry(phrase)
    return found is not None and found.main == "v"


def _is_verb(word: str) -> bool:
    """Whether a word is the -ing form of a verb ("killing", "pacing")."""
    if not word.endswith("ing"):
        return False
    found = lexicon.entry(lemma(word))
    return found is not None and "v" in found.parts
