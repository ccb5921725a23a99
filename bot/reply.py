"""Rendering an Answer as plain text (console, `ask`) or Telegram HTML: disclaimer and limits."""

from __future__ import annotations

from html import escape as _escape
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answer import Answer, Found, Kind
from bot.config import RepliesConfig
from bot.safety import SmallTalk
from bot.text import WORD_RE, normalise, stem


def escape(text: str) -> str:
    """Escape text for Telegram HTML (only <, > and & need it)."""
    return _escape(text, quote=False)

TELEGRAM_LIMIT = 4096
ELLIPSIS = "…"


@dataclass(frozen=True)
class Quote:
    """A verbatim passage and where it comes from."""

    found: Found


Block = str | Quote


def blocks(answer: Answer, replies: RepliesConfig) -> list[Block]:
    """The parts of a reply, in order: emergency notice, main text or quotes, disclaimer."""
    numbers = {"emergency_number": replies.emergency_number, "crisis_line": replies.crisis_line}
    if answer.kind is Kind.CRISIS:
        return [replies.crisis.format(**numbers)]
    out: list[Block] = [replies.emergency.format(**numbers)] if answer.emergency else []
    if answer.not_discussed and answer.kind in (Kind.WEAK, Kind.NO_MATCH):
        out.append(replies.not_discussed.format(focus=" and ".join(answer.not_discussed)))
    if answer.kind is Kind.ANSWER:
        out.append(Quote(answer.passages[0]))
        for found in answer.also:
            out += [replies.also_says, Quote(found)]
    elif answer.kind is Kind.WEAK and answer.passages:
        out.append(replies.weak_match.format(section=answer.passages[0].passage.section))
    elif answer.kind is Kind.SMALL_TALK:  # these say nothing about health: no disclaimer
        return out + [_small_talk_reply(answer.small_talk or SmallTalk.HELP, replies)]
    elif answer.kind is Kind.NOT_ENGLISH:
        return out + [replies.not_english]
    elif answer.kind is Kind.EMPTY:
        return out + [replies.help]
    elif answer.kind is Kind.WEAK:
        out.append(replies.not_covered)
    else:
        out.append(replies.no_match)
    return out + [replies.disclaimer]


def _small_talk_reply(kind: SmallTalk, replies: RepliesConfig) -> str:
    """The configured reply to one kind of small talk."""
    return {SmallTalk.GREETING: replies.greeting, SmallTalk.THANKS: replies.thanks,
            SmallTalk.ABOUT_ME: replies.about_me, SmallTalk.HELP: replies.help}[kind]


def source_line(found: Found) -> str:
    """Where a quote comes from."""
    return f"— {found.passage.document}, section \"{found.passage.section}\""


def plain(answer: Answer, replies: RepliesConfig) -> str:
    """The reply as plain text."""
    parts = [f"\"{b.found.passage.text}\"\n{source_line(b.found)}" if isinstance(b, Quote) else b
             for b in blocks(answer, replies)]
    return "\n\n".join(parts)


def telegram_html(answer: Answer, replies: RepliesConfig, limit: int = TELEGRAM_LIMIT) -> str:
    """The reply as Telegram HTML: quotes in blockquotes, question words in bold, within `limit`."""
    parts = blocks(answer, replies)
    quotes = [b for b in parts if isinstance(b, Quote)]
    fixed = sum(len(escape(b)) for b in parts if isinstance(b, str)) + 2 * (len(parts) - 1)
    overhead = fixed + sum(len(_quote_html(q, "")) for q in quotes)
    budget = max(0, (limit - overhead) // max(1, len(quotes)))
    return "\n\n".join(_quote_html(b, _bold_within(b.found.passage.text, budget, answer.highlight))
                       if isinstance(b, Quote) else escape(b) for b in parts)


def _quote_html(quote: Quote, body: str) -> str:
    return f"<blockquote>{body}</blockquote>\n<i>{escape(source_line(quote.found))}</i>"


def _bold_within(text: str, budget: int, terms: frozenset[str]) -> str:
    """The text as HTML with the question's words in bold, shortened to fit `budget` characters."""
    html = bold_words(text, terms)
    return html if len(html) <= budget else bold_words(_shorten(text, budget, terms), terms)


def bold_words(text: str, terms: frozenset[str]) -> str:
    """HTML-escape text, putting words whose index term is in `terms` in <b>."""
    out, last = [], 0
    for start, end, term in _word_terms(text) if terms else ():
        if term in terms:
            out += [escape(text[last:start]), f"<b>{escape(text[start:end])}</b>"]
            last = end
    out.append(escape(text[last:]))
    return "".join(out)


@lru_cache(maxsize=256)
def _word_terms(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, index term) of each word of a text; the passages quoted most are kept."""
    return tuple((m.start(), m.end(), stem(normalise(m.group()))) for m in WORD_RE.finditer(text))


def opening(text: str, words: int) -> str:
    """The first `words` words of a text, with an ellipsis when there is more (previews, lists)."""
    split = text.split()
    return " ".join(split[:words]) + (ELLIPSIS if len(split) > words else "")


def shortened(text: str, limit: int = TELEGRAM_LIMIT) -> str:
    """A plain-text message cut to fit Telegram's limit (at a sentence end, with an ellipsis)."""
    return _shorten(text, limit, frozenset())


def _shorten(text: str, budget: int, terms: frozenset[str]) -> str:
    """Cut text at a sentence end (else a word end) so that its HTML fits `budget`, adding an ellipsis."""
    def size(part: str) -> int:
        return len(bold_words(part, terms))

    if size(text) <= budget:
        return text
    for end in reversed([m.end() for m in re.finditer(r"[.!?](?=\s)", text)]):
        if size(text[:end]) + 2 <= budget:
            return text[:end] + " " + ELLIPSIS
    cut = text
    while cut and size(cut) + 1 > budget:
        cut = cut[: cut.rfind(" ")] if " " in cut else cut[: len(cut) // 2]
    return cut + ELLIPSIS
