"""Rendering an Answer as plain text (console, `ask`) or Telegram HTML: disclaimer and limits."""

from __future__ import annotations

from html import escape as _escape
import re
from dataclasses import dataclass

from bot.answer import Answer, Found, Kind
from bot.config import RepliesConfig
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
    out: list[Block] = [replies.emergency] if answer.emergency else []
    if answer.kind is Kind.ANSWER:
        out.append(Quote(answer.passages[0]))
        for found in answer.also:
            out += [replies.also_says, Quote(found)]
    elif answer.kind is Kind.WEAK and answer.passages:
        out.append(replies.weak_match.format(section=answer.passages[0].passage.section))
    elif answer.kind is Kind.SMALL_TALK:
        out.append(getattr(replies, answer.small_talk or "help"))
    elif answer.kind is Kind.NOT_ENGLISH:
        out.append(replies.not_english)
    elif answer.kind is Kind.EMPTY:
        out.append(replies.help)
    elif answer.kind is Kind.WEAK:
        out.append(replies.not_covered)
    else:
        out.append(replies.no_match)
    return out + [replies.disclaimer]


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
    fixed = sum(len(escape(b)) for b in parts if isinstance(b, str))
    quotes = [b for b in parts if isinstance(b, Quote)]
    overhead = fixed + 2 * (len(parts) - 1) + sum(len(_quote_html(q, "", answer.highlight)) for q in quotes)
    budget = max(0, (limit - overhead) // max(1, len(quotes)))
    rendered = [_quote_html(b, _shorten(b.found.passage.text, budget, answer.highlight), answer.highlight)
                if isinstance(b, Quote) else escape(b) for b in parts]
    return "\n\n".join(rendered)


def _quote_html(quote: Quote, text: str, highlight: frozenset[str]) -> str:
    return (f"<blockquote>{bold_words(text, highlight)}</blockquote>\n"
            f"<i>{escape(source_line(quote.found))}</i>")


def bold_words(text: str, terms: frozenset[str]) -> str:
    """HTML-escape text, putting words whose index term is in `terms` in <b>."""
    out, last = [], 0
    for match in WORD_RE.finditer(text):
        if terms and stem(normalise(match.group())) in terms:
            out += [escape(text[last:match.start()]), f"<b>{escape(match.group())}</b>"]
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


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
