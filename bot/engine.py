"""The answering engine: question in, Answer out (quote, "not covered", or a fixed reply)."""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot import intent, lexicon, reply, safety
from bot.answer import Answer, Found, Kind
from bot.config import Config, load_config
from bot.confidence import SPECIFIC, Candidates, assess, judge
from bot.corpus import Passage
from bot.library import Library, load_library
from bot.grammar import verbless
from bot.query import Query, QueryReader
from bot.search import Hit, Index
from bot.text import clinical_register, sentence_terms, stem, tokens, words
from bot.text import warm as warm_word_tables

_CANDIDATES = 10  # passages considered for reranking and "also says"
_COVERAGE_DIGITS = 6
# A follow-up asking for others of what was just said ("any others?", "what else does it help with?")
# is answered from a passage besides the one the question before it was answered with, if one
# answers; else from that one, which may name several ("what else does it do for the body?" after
# cholesterol: "...cholesterol levels, as well as reduce inflammation in the body").
_OTHERS = frozenset({"others", "else"})
_BORROWED = 1.0  # the most a follow-up's borrowed concept weighs (when it names nothing of its own)
_WIDER = 0.5  # of the prefer_within floor: how far below it a passage covering the whole question is still weighed
_DEFINES_RE = re.compile(r"\b(\w+) (?:is|are) an? (?:\w+ )?(\w+)\b")  # "magnesium is an essential mineral"
_NEARLY_EVERY = 0.8  # a term in more than this share of passages ("magnesium") says nothing of a sentence
# Telegram's own limit for a message. A longer question (from `ask` or the Python API) is read from
# its last characters, where people put the question after their story.
LONGEST_QUESTION = 4096
# Allocations between two collections of the young generation in a long-running bot (Python's default
# is 700): a question makes a few dozen lasting objects (remembered readings), so the default collects
# every 40 questions or so, adding 0.2-2 ms to that question; at this threshold, every few thousand.
_YOUNG_GENERATION = 20_000


@dataclass(frozen=True)
class _State:
    """One corpus version and its reader, swapped in as a whole."""

    library: Library
    reader: QueryReader
    subject: frozenset[str]  # terms of the corpus's subject: in nearly every passage, or in a title
    glossed: frozenset[str]  # stems of the words some passage may define or gloss ("melatonin, which is...")
    definable: dict[int, frozenset[str]]  # per passage id, those words (lowercased), for the passages having any


class Engine:
    """Answers questions from one corpus; `use` swaps in a new corpus version atomically."""

    def __init__(self, config: Config, library: Library) -> None:
        self.config = config
        safety.keep_in(config.search.cache_dir)  # beside the index: what reading the red-flag patterns works out
        self.use(library)

    def use(self, library: Library) -> None:
        """Answer from this library from now on (questions in flight finish on the old one)."""
        subject = _subject(library)
        synonyms = {**clinical_register(), **self.config.synonyms}  # the operator's synonyms win
        reader = QueryReader(library.index.terms, library.surface_words, synonyms,
                             self.config.confidence.max_correction_distance, library.index.preceding, subject,
                             library.index.following, library.index.together, _subject_classes(library, subject))
        definable = {i: frozenset(found) for i, p in enumerate(library.passages)
                     if (found := intent.defined_words(p.text))}
        glossed = frozenset(stem(w) for found in definable.values() for w in found)
        self._state = _State(library, reader, subject, glossed, definable)

    @property
    def library(self) -> Library:
        """The corpus version answering now."""
        return self._state.library

    def answer(self, question: str, after: str | None = None, top: int | None = None) -> Answer:
        """Answer a question; `after` is the previous question of the same conversation."""
        question = question[-LONGEST_QUESTION:]
        text = question.strip()
        emergency = safety.emergency(text)
        talk = safety.small_talk(text) if text else None
        if emergency and emergency.self_harm:
            answer = Answer(question, Kind.CRISIS, emergency=emergency)
        elif talk:
            answer = Answer(question, Kind.SMALL_TALK, emergency=emergency, small_talk=talk)
        elif not words(text):  # nothing to read: empty, or only emoji or punctuation (leans on nothing)
            answer = Answer(question, Kind.EMPTY, emergency=emergency)
        elif safety.not_english(text, self._state.reader.familiar):
            answer = Answer(question, Kind.NOT_ENGLISH, emergency=emergency)
        else:
            answer = self._search(self._state, question, after, top or self.config.search.top)
            answer.emergency = emergency
        answer.reply = reply.plain(answer, self.config.replies)
        return answer

    def _search(self, state: _State, question: str, after: str | None, top: int, besides: int = -1) -> Answer:
        """Search, rerank and judge: the answer's passages, verdict and reading; `besides`, a passage
        left out (the one the question before was answered with, when others are asked for)."""
        text = question.strip()
        library, query = state.library, state.reader.read(text, after)
        query.on_subject = self._on_subject(state, text, query) or bool(after) and (
            bool(query.follow_up_of) or self._on_subject(state, after, state.reader.read(after)))
        wanted = intent.of_question(query.asking, query.pointed)
        # things named one by one may be in a passage scoring well below one only warning of them
        # and a thing asked to be defined in a long passage scoring below shorter ones merely naming it
        depth = _CANDIDATES * (2 if any(i.names for i in wanted) or intent.defined_word(query.asking) else 1)
        if besides < 0 and after and query.follow_up_of and not _OTHERS.isdisjoint(query.spelled):
            said = self._search(state, after, None, 1)
            if said.kind is Kind.ANSWER:
                others = self._search(state, question, after, top, said.passages[0].passage_id)
                if others.kind is Kind.ANSWER:
                    return others
        hits = [h for h in library.index.search(query.terms, max(top, depth)) if h.passage != besides]
        # the kinds of answer asked of what was just said (a reason, the evidence, advice), when none is required
        asks = [] if any(i.required for i in wanted) else [i for i in wanted if not i.direction]
        quoted = self._quoted(state, query, after, asks) if besides < 0 and after else -1
        if missing := [i for i in self._explaining(state, quoted) if i not in {h.passage for h in hits}]:
            scores = library.index.scores(query.terms)  # (rarely: "why?" after an answer, beyond the best 10)
            hits += [Hit(i, float(scores[i])) for i in missing]
        passages = [library.passages[h.passage] for h in hits]
        kinds = tuple(i for i in wanted if not i.direction)
        candidates = assess(query, library.index, [h.passage for h in hits], [p.text for p in passages],
                            [library.heading_counts[p.section] for p in passages], kinds)
        order = self._rerank(query, hits, candidates, wanted, state)
        judged, order = self._explained(state, query, quoted, hits, order, asks)
        confidence = judge(query, candidates, judged, wanted, self.config.confidence)
        if order and judged != order[0]:
            why = f"it gives what is asked of the answer before ({confidence.why})"
            confidence = dataclasses.replace(confidence, why=why)
        found = [Found(passages[i], hits[i].score, hits[i].passage) for i in order]
        also: list[Found] = []
        if confidence.kind is Kind.ANSWER:
            also = list(itertools.islice((f for i, f in zip(order[1:], found[1:], strict=True)
                                          if self._also_says(query, candidates, i, found[0], f, wanted)), 1))
        return Answer(question, confidence.kind, passages=found[:top], also=also,
                      highlight=frozenset(t for c in query.known for t in c.terms), query=query,
                      confidence=confidence)

    def _quoted(self, state: _State, query: Query, after: str, asks: list[intent.Intent]) -> int:
        """For a follow-up asking a kind of answer of what was just said and naming nothing of its own
        ("why does that happen?", "how so?", "source?", "so what should I do?"), the passage the question
        before it was answered with (asked again: it is what the person has just read); else -1."""
        # a follow-up's own words weigh more than what it borrows: naming a thing, it asks about that
        if not query.follow_up_of or not asks or any(c.weight > _BORROWED for c in query.known):
            return -1
        said = self._search(state, after, None, 1)
        return said.passages[0].passage_id if said.kind is Kind.ANSWER else -1

    @staticmethod
    def _explaining(state: _State, quoted: int) -> list[int]:
        """The passages that may explain a quoted one: itself, then those beside it in its section."""
        if quoted < 0:
            return []
        passages = state.library.passages
        return [quoted, *(i for i in (quoted - 1, quoted + 1) if 0 <= i < len(passages)
                          and passages[i].document == passages[quoted].document
                          and passages[i].section == passages[quoted].section)]

    @staticmethod
    def _explained(state: _State, query: Query, quoted: int, hits: list[Hit], order: list[int],
                   asks: list[intent.Intent]) -> tuple[int | None, list[int]]:
        """The position whose coverage decides the verdict, and the order of the hits: when the best
        gives not what a follow-up asks of a quoted passage (a reason, the evidence, advice), first the
        passage giving it: that one itself, else the one beside it in its section that does, the better
        ranked first ("...magnesium can also cause insomnia. This is because it can interfere with
        melatonin production" for "Without enough melatonin, it can be difficult to fall asleep"), else
        the best ranked one giving it of what was asked (the quoted passage may have missed it: "...now i
        get headaches, is that from the mag??" quoting the gummies; "so what should I do?" after the
        passage weighing both sides); the quoted passage's coverage then decides the verdict, since the
        passage answers what it answered."""
        if quoted < 0 or not order:
            return (order[0] if order else None), order
        passages, index = state.library.passages, state.library.index
        # The reason must be said of what was asked or of what the quoted passage said of it (see
        # intent.answers): "Without enough melatonin, it can be difficult to fall asleep" is explained by
        # "...interfere with melatonin production", "...which can reduce pain" not by the next passage's
        # "This is because magnesium can act as a vasodilator".
        def specific(terms: Iterable[str]) -> frozenset[str]:
            return frozenset(t for t in terms if 0 < index.document_frequency(t) < index.size / 2)

        asked = specific(t for c in query.known for t in c.terms)
        about = asked.union(*(specific(terms) for _, terms in sentence_terms(passages[quoted].text)
                              if not asked.isdisjoint(terms)))

        def explains(passage: int, of: frozenset[str] = about) -> bool:
            return all(intent.answers(kind, passages[passage].text, of) for kind in asks)

        if explains(hits[order[0]].passage):
            return order[0], order
        at = {hit.passage: position for position, hit in enumerate(hits)}
        quoted_first, *beside = Engine._explaining(state, quoted)
        beside.sort(key=lambda i: order.index(at[i]))
        first = next((at[i] for i in [quoted_first, *beside] if explains(i)), None)
        if first is None:  # else the best ranked passage giving it of what was asked
            first = next((i for i in order if explains(hits[i].passage, asked)), None)
        if first is None:
            return order[0], order
        return at[quoted], [first] + [i for i in order if i != first]

    @staticmethod
    def _on_subject(state: _State, text: str, query: Query) -> bool:
        """Whether a question names the corpus's subject or points at it or at the article."""
        # also as read: "the daily dosis" is a dose, "what quantity per day" asks a dosage
        read = " ".join([*query.spelled, *(way for ways in query.expanded.values() for way in ways)])
        # Things the corpus lacks, read as context ("My neighbour's tree drops leaves... Who cleans them
        # up?"), are what a pronoun after the message's first sentence stands for, not the article's subject.
        things = any((found := lexicon.entry(w)) is not None and found.main == "n" and lexicon.is_focus(found, True)
                     for w in query.context)
        return intent.refers_to_subject(text, not things) or intent.refers_to_subject(read, not things) \
            or things and intent.refers_to_subject(intent.first_sentence(text)) \
            or any(not state.subject.isdisjoint(c.terms) for c in query.concepts) \
            or Engine._explains(state, query) or Engine._fragment_on_article(state, query)

    @staticmethod
    def _fragment_on_article(state: _State, query: Query) -> bool:
        """Whether a verbless question ("Analgesic benefit in nerve pain?", "Memory and attention —
        improvement associated?") leaves its subject unsaid, so the article's is meant: a message of
        one sentence naming no subject of its own (no auxiliary, no pronoun), nothing the corpus
        lacks, and two specific things that some passage names together (not as one phrase)."""
        asking = query.asking.split()
        if query.unknown or len(asking) < len(query.spelled) or not verbless(asking):  # a story says its own
            return False
        index = state.library.index
        specific = [c.terms for c in query.known if state.subject.isdisjoint(c.terms)]
        return any(index.together(pair) and not Engine._side_by_side(index, *pair)
                   for pair in itertools.combinations(specific, 2))

    @staticmethod
    def _side_by_side(index: Index, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
        """Whether the corpus says two things as one phrase ("energy levels"): one thing, not two."""
        return any(not index.following(a).isdisjoint(second) or not index.preceding(a).isdisjoint(second)
                   for a in first)

    @staticmethod
    def _explains(state: _State, query: Query) -> bool:
        """Whether a question asks what a thing is or does that the corpus defines or glosses ("what
        does melatonin do?": "melatonin production, which is a hormone that helps regulate sleep cycles")."""
        defined = intent.defined_word(query.asking)
        things = [defined] if defined else [c.word for c in query.concepts if c.known and not c.phrasing]
        return any(Engine._defines(state, thing) for thing in things)

    @staticmethod
    def _defines(state: _State, thing: str) -> bool:
        """Whether some passage of the corpus defines or glosses a thing."""
        if stem(thing.split()[-1]) not in state.glossed:
            return False
        # only the passages holding the thing's first word can define it
        return any(Engine._passage_defines(state, i, thing)
                   for i in state.library.index.postings(stem(thing.split()[0])).tolist())

    @staticmethod
    def _passage_defines(state: _State, passage_id: int, thing: str) -> bool:
        """Whether one passage defines or glosses a thing: `intent.defines`, asked only of a passage
        that may define a word beginning with the thing's last word (most passages define nothing)."""
        last = thing.casefold().split()[-1]
        return any(word.startswith(last) for word in state.definable.get(passage_id, ())) \
            and intent.defines(thing, state.library.passages[passage_id].text)

    def _rerank(self, query: Query, hits: list[Hit], candidates: Candidates, wanted: list[intent.Intent],
                state: _State) -> list[int]:
        """Positions of the hits, best first. Among those scoring close to the best, first the ones
        that cover more of the question; then those with the kind of answer asked for (a definition,
        a reason about the question's subject, a number, people); then those holding more of the
        question's word pairs, or of the phrases it is read as ("blood pressure"); then those whose own
        text (not only their heading) matches more. A question whose words are all in most passages ("what does
        magnesium do?") is a general one: the passage defining its subject comes first."""
        if not hits:
            return []
        library = state.library
        index = library.index
        # A concept said in a rare way is its every way ("adverse effects": side effects too).
        subject = frozenset(t for c in query.known
                            if any(0 < index.document_frequency(t) < index.size / 2 for t in c.terms)
                            for t in c.terms if index.document_frequency(t))
        shapes = [i for i in wanted if not i.required]
        # A general question wants its subject defined ("what does magnesium do?"); "what are the side
        # effects?" wants them named one by one.
        general = query.known and not subject and intent.asks_what(query.asking)
        defined = None if any(i.names for i in shapes) else \
            intent.defined_word(query.asking) or (query.known[0].word if general else None)
        # The question's word pairs, and those of the phrases it is read as ("tension of blood": blood pressure).
        pairs = list(dict.fromkeys([*itertools.pairwise(tokens(" ".join(query.spelled))),
                                    *(way for c in query.known for way in c.alternatives if len(way) == 2)]))
        shared_pairs = index.pair_counts(pairs, candidates.passages).tolist()

        @functools.cache  # each is asked several times per question: when widening `close`, for `stated`, in the key
        def fits(position: int) -> bool:
            if defined:
                return self._passage_defines(state, hits[position].passage, defined)
            text = library.passages[hits[position].passage].text
            return bool(shapes) and all(intent.answers(i, text, subject) for i in shapes)

        asked = frozenset(t for c in query.known if c.weight >= 1.0 for t in c.terms  # not the story's
                          if index.document_frequency(t) <= _NEARLY_EVERY * index.size)

        @functools.cache
        def restates(position: int) -> bool:
            text = library.passages[hits[position].passage].text
            return intent.sums_up(text) or bool(asked) and (intent.only_announces(text, asked)
                                                            or intent.only_sums_up(text, asked)
                                                            or intent.only_concedes(text, asked))

        enough = self.config.confidence.min_coverage
        floor = self.config.confidence.prefer_within * hits[0].score
        close = list(itertools.takewhile(lambda i: hits[i].score >= floor, range(len(hits))))  # best first
        # Rounded so that float noise in sums of the same weights does not decide a tie.
        coverage = [round(c, _COVERAGE_DIGITS) for c in candidates.coverage.tolist()]
        # A passage scoring lower that covers the whole question where the close ones cover only part of it
        # ("why does it give a headache when I take too much?": not the one passage saying "too much").
        if close and max(coverage[i] for i in close) < 1.0:
            close += [i for i in range(len(close), len(hits)) if coverage[i] >= 1.0 and hits[i].score >= _WIDER * floor]
        # Likewise one with the kind of answer asked for where no close one that would answer has it
        # ("Mechanism?" after an insomnia question: the melatonin reason, not the passage only saying "insomnia").
        # A long message's passage holding its whole question sentence covers enough, as in the confidence
        # rule ("How much do adults need each day?" after a story of bottles and stores: the number, not
        # the announcement).
        covers = [candidates.enough(i, enough) for i in range(len(hits))]
        if close and shapes and not any(covers[i] and fits(i) for i in close):
            # Things named one by one ("what happens if u take way too much": the effects) are asked
            # for whatever a passage only warning of them scores.
            wider = 0.0 if any(i.names for i in shapes) else _WIDER * floor
            close += [i for i in range(len(close), len(hits)) if hits[i].score >= wider and covers[i] and fits(i)]
        # A thing asked to be defined is taken where it is defined, whatever shorter passages merely naming
        # it score ("what is magnesium?": "Magnesium is an essential mineral...", not only the summary).
        if defined and not shapes and not any(covers[i] and fits(i) and not restates(i) for i in close):
            # a story's words the defining passage lacks are the asker's (see Candidates.enough)
            covers = [covers[i] or candidates.enough(i, enough) for i in range(len(hits))]
            close += [i for i in range(len(close), len(hits)) if covers[i] and fits(i)]
        in_text = candidates.in_text.tolist()
        asked_here = [round(c, _COVERAGE_DIGITS) for c in candidates.asked.tolist()]  # not the story's

        # What the question is specifically about (see confidence.SPECIFIC): "supplements", in half the
        # article, is how "what are magnesium supplements used for" asks; "used for" (benefits) is what.
        pointed = [c for c in query.known
                   if min(filter(None, map(index.document_frequency, c.terms)), default=0) < SPECIFIC * index.size]

        def opens_section(position: int) -> bool:
            """Whether the passage opens a section whose heading names everything the question is
            specifically about ("tips for taking magnesium"): the question asks for the section, which
            its first passage introduces."""
            passage_id = hits[position].passage
            passage = library.passages[passage_id]
            heading = library.heading_counts[passage.section]
            first = passage_id == 0 or library.passages[passage_id - 1].section != passage.section
            return first and not asked.isdisjoint(heading) and bool(pointed) and all(
                any(t in heading for t in c.terms) for c in pointed)

        # Among passages that would answer, one stating the fact before one announcing or summing it
        # up, unless the one announcing covers more of what the question is specifically about (all
        # the article says of it); commoner words ("tablets") are how it is asked.
        specific = [round(c, _COVERAGE_DIGITS) for c in candidates.specific.tolist()]
        # Where every close passage covering enough only restates it, a lower-scoring one stating it, with
        # the kind of answer asked for, is weighed too ("Insomnia as an AE?": "Finally, magnesium can also
        # cause insomnia", not the summary; "how does the conclusion put it?" asks no kind: the summary).
        if shapes and any(covers[i] and restates(i) for i in close) \
                and not any(covers[i] and not restates(i) for i in close):
            close += [i for i in range(len(hits)) if i not in close and hits[i].score >= _WIDER * floor
                      and covers[i] and fits(i) and not restates(i)]
        stated = max((specific[i] for i in close if covers[i] and not restates(i)), default=-1.0)
        best = min(close or [0], key=lambda i: (not covers[i], not fits(i),
                                                covers[i] and specific[i] <= stated and restates(i),
                                                not opens_section(i), -asked_here[i], -shared_pairs[i],
                                                -in_text[i]))
        return [best] + [i for i in range(len(hits)) if i != best]  # the others in score order

    def _also_says(self, query: Query, candidates: Candidates, position: int, best: Found, candidate: Found,
                   wanted: list[intent.Intent]) -> bool:
        """Whether a runner-up from another section is close enough to show beside the best."""
        if candidate.passage.section == best.passage.section:
            return False
        if candidate.score < self.config.confidence.also_says_ratio * best.score:
            return False
        if not all(intent.answers(i, candidate.passage.text) for i in wanted if not i.required):
            return False  # it must give the kind of answer asked for too (a number, a reason...)
        return judge(query, candidates, position, wanted, self.config.confidence).kind is Kind.ANSWER

    def section(self, document: str, section: str) -> list[Passage]:
        """All passages of one section, in order."""
        return [p for p in self.library.passages if p.document == document and p.section == section]


def _subject_classes(library: Library, subject: frozenset[str]) -> dict[str, str]:
    """The kinds of thing the corpus says its subject is ("Magnesium is an essential mineral": mineral
    -> magnesium), so that "why would a mineral give him headaches?" asks about the subject."""
    classes: dict[str, str] = {}
    for passage in library.passages:
        for found in _DEFINES_RE.finditer(passage.text.casefold()):
            if stem(found.group(1)) in subject and found.group(1) != found.group(2):
                classes.setdefault(found.group(2), found.group(1))
    return classes


def _subject(library: Library) -> frozenset[str]:
    """The terms of what the corpus is about: each document's title, and the terms in nearly every
    passage of a document ("magnesium" in the article; every term of a one-passage note)."""
    subject: set[str] = set()
    for document in library.documents:
        subject.update(tokens(document.title))
        counts = Counter(t for p in document.passages for t in set(tokens(p.text)))
        subject.update(t for t, n in counts.items() if n > _NEARLY_EVERY * len(document.passages))
    return frozenset(subject)


def start_up() -> None:
    """What a long-running bot does once before its first question (a one-off `ask` does none of it):
    read the word lexicon, compile every red-flag pattern and calm reading and build their typo tables,
    build the table of words typed without vowels; then freeze all that was made (the corpus too) out
    of garbage collection's scans, and collect the young generation less often."""
    lexicon.entry("")
    safety.warm()
    warm_word_tables()
    gc.freeze()
    gc.set_threshold(_YOUNG_GENERATION, *gc.get_threshold()[1:])


def load(config_path: str | Path | None = None) -> Engine:
    """Load the config and corpus and return a ready engine."""
    config = load_config(config_path)
    return Engine(config, load_library(config))
