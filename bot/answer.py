"""What the engine returns for a question: the typed output every front end renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from bot.corpus import Passage
from bot.safety import Emergency, SmallTalk

if TYPE_CHECKING:  # the engine's readings, typed here without importing the engine's modules
    from bot.confidence import Confidence
    from bot.query import Query

SCORE_DIGITS = 6  # a score as JSON shows it


class Kind(str, Enum):
    """What kind of reply a message gets."""

    ANSWER = "answer"  # a passage answers it
    WEAK = "weak"  # words matched, but no passage answers it (near miss)
    NO_MATCH = "no_match"  # no word of the question is in the corpus
    SMALL_TALK = "small_talk"  # greeting, thanks, "who are you", "help"
    CRISIS = "crisis"  # self-harm intent: the crisis message, never a quote
    NOT_ENGLISH = "not_english"
    EMPTY = "empty"  # nothing to read


@dataclass(frozen=True)
class Found:
    """A passage and its BM25 score for the question."""

    passage: Passage
    score: float
    passage_id: int  # the passage's position in the library (buttons name it)

    @property
    def text(self) -> str:
        """The passage, verbatim."""
        return self.passage.text

    @property
    def document(self) -> str:
        """The title of the document it comes from."""
        return self.passage.document

    @property
    def section(self) -> str:
        """The section it comes from."""
        return self.passage.section

    def as_json(self) -> dict:
        return {"text": self.text, "document": self.document, "section": self.section,
                "score": round(self.score, SCORE_DIGITS)}


@dataclass
class Answer:
    """The engine's answer; `reply` is the plain-text reply a user sees."""

    question: str
    kind: Kind
    passages: list[Found] = field(default_factory=list)  # best first
    also: list[Found] = field(default_factory=list)  # close passages from other sections, shown too
    emergency: Emergency | None = None  # the emergency the message describes, if any
    small_talk: SmallTalk | None = None
    highlight: frozenset[str] = frozenset()  # index terms to show in bold
    query: Query | None = None  # how the question was read, when it was searched
    confidence: Confidence | None = None  # the verdict on the best passage and the figures behind it
    reply: str = ""

    @property
    def answered(self) -> bool:
        """Whether a passage is quoted as the answer."""
        return self.kind is Kind.ANSWER

    @property
    def not_discussed(self) -> tuple[str, ...]:
        """What the question asks about that the corpus has no word for."""
        return tuple(self.confidence.unknown) if self.confidence else ()

    @property
    def context(self) -> str:
        """What the next question of the conversation may lean on (a follow-up carries its context)."""
        previous = self.query.follow_up_of if self.query else None
        return f"{previous} {self.question.strip()}" if previous else self.question.strip()

    @property
    def reason(self) -> dict:
        """Why the engine answered so, as `ask --json` shows it."""
        if self.query is None or self.confidence is None:
            return {}
        query, confidence = self.query, self.confidence
        return {"why": confidence.why, "confidence": round(confidence.coverage, 3), "matched": confidence.matched,
                "missing": confidence.missing, "unknown": confidence.unknown, "corrected": query.corrected,
                "expanded": query.expanded, "context": query.context, "query": query.terms,
                "follow_up_of": query.follow_up_of}

    def as_json(self) -> dict:
        """The `ask --json` shape."""
        return {"question": self.question, "answered": self.answered,
                "passages": [f.as_json() for f in self.passages], "reply": self.reply,
                "kind": self.kind.value, "reason": self.reason}
