"""Operators change the corpus from Telegram: send a .md or .txt document, read the preview, press
Publish or Discard; /history, /rollback and /remove NAME. Telegram only: the changes are bot.publish's."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden, NetworkError
from telegram.ext import (Application, BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters)

from bot import publish
from bot.config import OperatorReplies
from bot.bot_data import BotData, Context
from bot.engine import Engine
from bot.publish import Action, Preview, Problem, Rejected

log = logging.getLogger("bot.admin")
_PREFIX = "op"  # callback_data of the preview buttons: op:<choice>:<token>
_PENDING = "pending_preview"  # key in the admin's own user_data
_SAMPLES = 3  # passages named per kind of change in a preview
_HISTORY_SHOWN = 10
_MESSAGE_LIMIT = 4000
T = TypeVar("T")


class Choice(Enum):
    """The buttons under a preview."""

    PUBLISH = "p"
    DISCARD = "d"


def encode_choice(choice: Choice, token: str) -> str:
    """The callback_data of a button under the preview `token`."""
    return f"{_PREFIX}:{choice.value}:{token}"


def decode_choice(data: object) -> tuple[Choice, str] | None:
    """(choice, preview token) from callback_data; None when it is not a preview button."""
    prefix, _, rest = data.partition(":") if isinstance(data, str) else ("", "", "")
    value, _, token = rest.partition(":")
    if prefix != _PREFIX or not token or value not in {c.value for c in Choice}:
        return None
    return Choice(value), token


@dataclass(frozen=True)
class Pending:
    """A preview waiting for its admin's choice; kept in that admin's own user_data, so that no one
    else's button can publish it, and replaced by the admin's next preview."""

    token: str
    preview: Preview


def handlers(admin_ids: list[int]) -> list[BaseHandler]:
    """This flow's handlers, to be added before the catch-all ones: documents from anyone but the
    admins then get the usual reply."""
    private = filters.ChatType.PRIVATE
    return [
        MessageHandler(private & filters.Document.ALL & filters.User(user_id=admin_ids), upload),
        CommandHandler("history", history, filters=private),
        CommandHandler("rollback", rollback, filters=private),
        CommandHandler("remove", remove, filters=private),
        CallbackQueryHandler(choose, pattern=lambda data: decode_choice(data) is not None),
    ]


# --- handlers ---------------------------------------------------------------------------------------

async def upload(update: Update, context: Context) -> None:
    """An admin's document: check its type and size, download it, preview it."""
    document, engine = update.effective_message.document, _engine(context)
    try:
        name = publish.check_upload(engine.config, document.file_name or document.file_unique_id,
                                    document.file_size)
        data = bytes(await (await document.get_file()).download_as_bytearray())
    except Rejected as rejected:
        await _reject(update, engine, rejected)
        return
    await _preview(update, context, lambda: publish.preview(engine, publish.upload(engine.config, name, data)))


async def rollback(update: Update, context: Context) -> None:
    """/rollback (admins only): preview undoing the last change made from Telegram."""
    if await _admins_only(update, context, "rollback"):
        engine = _engine(context)
        await _preview(update, context, lambda: publish.preview(engine, publish.rollback(engine.config)))


async def remove(update: Update, context: Context) -> None:
    """/remove NAME (admins only): preview removing a document."""
    if not await _admins_only(update, context, "remove"):
        return
    engine, name = _engine(context), " ".join(context.args or [])
    if not name:
        await update.effective_message.reply_text(
            _operators(context).remove_usage.format(documents=_documents(engine)))
        return
    await _preview(update, context, lambda: publish.preview(engine, publish.removal(name)))


async def history(update: Update, context: Context) -> None:
    """/history (admins only): the recent publishes, rollbacks, removals and reloads, newest first."""
    if not await _admins_only(update, context, "history"):
        return
    ops = _operators(context)
    entries = publish.History(_engine(context).config.corpus).entries()[-_HISTORY_SHOWN:]
    lines = [ops.history_head] if entries else [ops.history_empty]
    for entry in reversed(entries):
        template = ops.history_reload if entry.action is Action.RELOAD else ops.history_change
        lines.append(template.format(time=_when(entry.at), action=entry.action.value, file=", ".join(entry.files),
                                     admin=entry.admin, passages=entry.passages))
    await update.effective_message.reply_text("\n".join(lines)[:_MESSAGE_LIMIT])


async def choose(update: Update, context: Context) -> None:
    """Publish or Discard under a preview: only by the admin who asked for it, while it is pending."""
    query, engine, ops = update.callback_query, _engine(context), _operators(context)
    choice, token = decode_choice(query.data)
    pending: Pending | None = context.user_data.get(_PENDING)
    if pending is None or pending.token != token or not _is_admin(update, engine):
        await query.answer(ops.stale)
        return
    del context.user_data[_PENDING]
    await query.answer()
    await query.edit_message_reply_markup(None)
    candidate, admin = pending.preview.candidate, update.effective_user
    if choice is Choice.DISCARD:
        log.info("admin %s discarded the %s of %s", admin.id, candidate.action.value, candidate.name)
        await query.message.reply_text(ops.discarded)
        return
    outcome = await _locked(context.application, lambda: publish.publish(engine, pending.preview, admin.id),
                            wrote=True)
    if isinstance(outcome, Preview):
        await _offer(update, context, outcome, ops.outdated)
        return
    if outcome.entry is None:
        await query.message.reply_text(ops.not_published.format(reason=outcome.result.refused))
        return
    counts = dict(action=candidate.action.value, file=candidate.name, documents=outcome.result.documents,
                  passages=outcome.result.passages)
    await query.message.reply_text(ops.published.format(**counts))
    await _tell_the_other_admins(context, admin.id, ops.notice.format(admin=admin.id, name=admin.full_name, **counts))


# --- previews ---------------------------------------------------------------------------------------

def describe(preview: Preview, ops: OperatorReplies) -> str:
    """A preview as the admin reads it: the document, what it undoes, passage counts with the first
    words of a few, the title, warnings, eval figures and the gate."""
    candidate = preview.candidate
    head = (ops.removed_document if candidate.data is None
            else ops.new_document if preview.title_before is None else ops.replaced_document)
    lines = [head.format(file=candidate.name, title=preview.title)]
    if candidate.undoes:
        undone = candidate.undoes
        lines.append(ops.undoes.format(action=undone.action.value, file=undone.files[0], admin=undone.admin,
                                       time=_when(undone.at)))
    lines.append(ops.counts.format(before=preview.passages_before, after=preview.passages_after,
                                   added=len(preview.added), removed=len(preview.removed),
                                   changed=len(preview.changed)))
    for template, words in ((ops.added, preview.added), (ops.removed, preview.removed), (ops.changed, preview.changed)):
        lines += [template.format(words=w) for w in words[:_SAMPLES]]
    if candidate.data is not None and preview.title_before not in (None, preview.title):
        lines.append(ops.title_changed.format(before=preview.title_before, after=preview.title))
    if preview.same_title:
        lines.append(ops.same_title.format(file=preview.same_title))
    lines += [ops.warning.format(warning=w) for w in preview.warnings]
    if preview.eval_after is not None:
        lines.append(ops.eval.format(before=f"{preview.eval_before:.1%}", after=f"{preview.eval_after:.1%}"))
    if not preview.publishable:
        lines.append(ops.gate.format(min_pass_rate=f"{preview.blocked_below:.0%}"))
    return "\n".join(lines)


async def _preview(update: Update, context: Context, work: Callable[[], Preview]) -> None:
    """Work out a preview (off the event loop, one corpus change at a time) and offer it."""
    try:
        preview = await _locked(context.application, work)
    except Rejected as rejected:
        await _reject(update, _engine(context), rejected)
        return
    await _offer(update, context, preview)


async def _offer(update: Update, context: Context, preview: Preview, head: str = "") -> None:
    """Send a preview with its buttons (Publish only when the gate allows it); it becomes the admin's
    pending preview, replacing an earlier one."""
    ops = _operators(context)
    token = secrets.token_urlsafe(8)
    context.user_data[_PENDING] = Pending(token, preview)
    buttons = [InlineKeyboardButton(ops.discard_button, callback_data=encode_choice(Choice.DISCARD, token))]
    if preview.publishable:
        buttons.insert(0, InlineKeyboardButton(ops.publish_button, callback_data=encode_choice(Choice.PUBLISH, token)))
    text = "\n".join(filter(None, [head, describe(preview, ops)]))
    await update.effective_message.reply_text(text[:_MESSAGE_LIMIT], reply_markup=InlineKeyboardMarkup([buttons]))


async def _reject(update: Update, engine: Engine, rejected: Rejected) -> None:
    """Say in one message why a change cannot be previewed."""
    ops = engine.config.replies.operators
    reason = rejected.detail if rejected.problem is Problem.UNUSABLE else getattr(ops, rejected.problem.value).format(
        file=rejected.file, size=rejected.size_kb, limit=engine.config.telegram.max_upload_kb,
        corpus=engine.config.corpus.path.name, documents=_documents(engine))
    log.info("admin %s: not accepted: %s", update.effective_user.id, reason)
    await update.effective_message.reply_text(ops.rejected.format(reason=reason))


# --- helpers ----------------------------------------------------------------------------------------

async def _locked(application: Application, work: Callable[[], T], wrote: bool = False) -> T:
    """Run `work` as live reloads run theirs: one corpus change at a time (see BotData.change_corpus)."""
    data: BotData = application.bot_data
    return await data.change_corpus(work, changed=wrote)


async def _admins_only(update: Update, context: Context, command: str) -> bool:
    """True for an admin; anyone else is told the command is not allowed."""
    if _is_admin(update, _engine(context)):
        return True
    await update.effective_message.reply_text(_operators(context).not_allowed.format(command=command))
    return False


async def _tell_the_other_admins(context: Context, admin: int, text: str) -> None:
    for other in _engine(context).config.telegram.admin_ids:
        if other != admin:
            try:
                await context.bot.send_message(other, text[:_MESSAGE_LIMIT])
            except (Forbidden, NetworkError) as error:
                log.warning("could not tell admin %s about a change: %s", other, error.message)


def _is_admin(update: Update, engine: Engine) -> bool:
    user = update.effective_user
    return user is not None and user.id in engine.config.telegram.admin_ids


def _documents(engine: Engine) -> str:
    return ", ".join(d.path for d in engine.library.documents)


def _when(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(at))


def _engine(context: Context) -> Engine:
    return context.bot_data.engine


def _operators(context: Context) -> OperatorReplies:
    return _engine(context).config.replies.operators
