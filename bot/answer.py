"""What the engine returns for a question: the typed output every front end renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bot.corpus import Passage
from bot.safety import Emergency, SmallTalk


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
    number: int = -1  # the passage's number in the library (for buttons)

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
        return {"text": self.text, "document": self.document, "section": self.section, "score": round(self.score, 6)}


@dataclass
class Answer:
    """The engine's answer; `reply` is the plain-text reply a user sees."""

    question: str
    kind: Kind
    passages: list[Found] = field(default_factory=list)  # best first
    also: list[Found] = field(default_factory=list)  # close passages from other sections, shown too
    emergency: Emergency | None = None  # the emergency the message describes, if any
    small_talk: SmallTalk | None = None
    not_discussed: tuple[str, ...] = ()  # what the question asks about that the corpus has no word for
    highlight: frozenset[str] = frozenset()  # index terms to show in bold
    reason: dict = field(default_factory=dict)
    reply: str = ""

    @property
    def answered(self) -> bool:
        """Whether a passage is quoted as the answer."""
        return self.kind is Kind.ANSWER

    @property
    def context(self) -> str:
        """What the next question of the conversation may lean on (a follow-up carries its context)."""
        previous = self.reason.get("follow_up_of")
        return f"{previous} {self.question.strip()}" if previous else self.question.strip()

    def as_json(self) -> dict:
        """The `ask --json` shape."""
        return {"question": self.question, "answered": self.answered,
                "passages": [f.as_json() for f in self.passages], "reply": self.reply,
                "kind": self.kind.value, "reason": self.reason}
