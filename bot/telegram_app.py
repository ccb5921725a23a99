"""The Telegram bot: handlers (Telegram only) over the engine, and main wiring. No retrieval here."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import logging
import re
import sys
import time
from datetime import timedelta
from pathlib import Path

from telegram import (Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats,
                      InlineQueryResultArticle,
                      InputTextMessageContent, Message, ReplyParameters, Update)
from telegram.constants import ChatType, MessageEntityType, ParseMode
from telegram.error import Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          CommandHandler, ContextTypes, InlineQueryHandler, MessageHandler, filters)

from bot import admin, buttons, publish, reply
from bot.answer import Answer, Found, Kind
from bot.bot_data import BotData, Context
from bot.buttons import ButtonData, Press
from bot.config import ChatReplies, Config, load_config
from bot.engine import Engine, start_up
from bot.guard import Expiring, FloodGuard
from bot.library import load_library
from bot.logs import setup_logging
from bot.reload import ReloadResult, Watcher, rebuild
from bot.reply import escape
from bot.store import Store, StoreError
from bot.transport import BotApiRequest

log = logging.getLogger("bot.telegram")
_CONNECTIONS = 16  # to the Bot API, for answers sent at the same time
_DESCRIPTION_WORDS = 12  # of a passage, under its section in the inline results
_VOTE_WORDS = 8  # first words of a passage stored with a vote, to name it in the report
_RETRY_FIRST_SECONDS, _RETRY_LONGEST_SECONDS = 1.0, 60.0  # waiting for Telegram at start-up
TOKEN_RE = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")


# --- handlers: each one small; answers come from the engine, texts from bot.reply -----------------

async def start(update: Update, context: Context) -> None:
    """What the bot does, how to ask, and the disclaimer."""
    replies = _engine(context).config.replies
    await update.effective_message.reply_text(
        f"{escape(replies.about_me)}\n\n{escape(replies.help)}\n\n{escape(replies.chat.groups)}\n\n"
        f"<i>{escape(replies.disclaimer)}</i>", parse_mode=ParseMode.HTML)


async def help_command(update: Update, context: Context) -> None:
    """Private and group usage."""
    replies = _engine(context).config.replies
    await update.effective_message.reply_text(
        f"{replies.chat.usage.format(bot=escape(context.bot.username))}\n\n<i>{escape(replies.disclaimer)}</i>",
        parse_mode=ParseMode.HTML)


async def topics(update: Update, context: Context) -> None:
    """The sections the bot can quote from."""
    lines = [f"• {escape(section)} <i>({escape(document)})</i>"
             for document, section in _engine(context).library.sections()]
    await update.effective_message.reply_text(escape(_chat(context).topics) + "\n" + "\n".join(lines),
                                              parse_mode=ParseMode.HTML)


async def about(update: Update, context: Context) -> None:
    """The documents loaded and their sources."""
    library = _engine(context).library
    lines = [f"• <b>{escape(d.title)}</b> ({len(d.passages)} passages)"
             + (f"\n  source: {escape(d.source)}" if d.source else "") for d in library.documents]
    await update.effective_message.reply_text(
        escape(_chat(context).documents) + "\n" + "\n".join(lines), parse_mode=ParseMode.HTML,
        disable_web_page_preview=True)


async def private_question(update: Update, context: Context) -> None:
    """Any text in a private chat is a question."""
    await _answer(update, context, update.effective_message.text)


async def ask(update: Update, context: Context) -> None:
    """/ask QUESTION, in groups and private chats."""
    question = " ".join(context.args or [])
    if not question.strip():
        await update.effective_message.reply_text(_chat(context).ask_usage)
        return
    await _answer(update, context, question)


async def group_message(update: Update, context: Context) -> None:
    """In groups, answer only a mention of the bot or a reply to one of its messages."""
    message = update.effective_message
    question = _addressed_question(message, context.bot.username, context.bot.id)
    if question is not None:
        await _answer(update, context, question)


async def not_text(update: Update, context: Context) -> None:
    """Photos, stickers, voice...: ask for text."""
    await update.effective_message.reply_text(_chat(context).not_text)


async def inline_query(update: Update, context: Context) -> None:
    """@BotName question: the top passages as shareable quotes."""
    query = update.inline_query
    if not query.query.strip():
        await query.answer([], cache_time=60, button=None)
        return
    engine = _engine(context)
    answer = engine.answer(query.query)
    replies = engine.config.replies
    if not answer.answered:
        text = escape(reply.plain(answer, replies))
        results = [InlineQueryResultArticle("none", replies.chat.inline_not_covered,
                                            InputTextMessageContent(text, parse_mode=ParseMode.HTML))]
    else:
        results = [InlineQueryResultArticle(
            str(i), found.passage.section, _single_quote(found, answer, replies),
            description=reply.opening(found.passage.text, _DESCRIPTION_WORDS))
            for i, found in enumerate(answer.passages)]
    await query.answer(results, cache_time=30, is_personal=True)


async def button(update: Update, context: Context) -> None:
    """"Another passage", "Whole section" and 👍/👎 under an answer; stale or unknown data gets a notice."""
    query = update.callback_query
    engine = _engine(context)
    library = engine.library
    pressed = ButtonData.decode(query.data)
    if pressed is None or pressed.version != library.version or max(pressed.passage_ids) >= len(library.passages):
        await query.answer(engine.config.replies.chat.stale_button)
        return
    passage_id = pressed.passage_ids[0]
    passage = library.passages[passage_id]
    if pressed.press in (Press.UP, Press.DOWN):
        if context.bot_data.store:
            context.bot_data.store.vote(passage.document, passage.section, passage.position,
                                        " ".join(passage.text.split()[:_VOTE_WORDS]), up=pressed.press is Press.UP)
        await query.answer(engine.config.replies.chat.vote_thanks)
        return
    await query.answer()
    if pressed.press is Press.SECTION:
        section = engine.section(passage.document, passage.section)
        passage = dataclasses.replace(passage, text=" ".join(p.text for p in section))
        markup = None
    else:
        markup = buttons.under_answer(library.version, list(pressed.passage_ids), engine.config.replies.chat)
    shown = Answer(question="", kind=Kind.ANSWER, passages=[Found(passage, 0.0, passage_id)])
    text = reply.telegram_html(shown, engine.config.replies)
    await query.message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup,
                                   do_quote=query.message.chat.type != ChatType.PRIVATE)


async def reload_command(update: Update, context: Context) -> None:
    """/reload (admins only): rebuild now and say what changed."""
    if not _is_admin(update, context):
        await update.effective_message.reply_text(_engine(context).config.replies.operators.not_allowed.format(
            command="reload"))
        return
    result = await _reload(context.application, notify=False)
    await update.effective_message.reply_text(result.summary())


async def status(update: Update, context: Context) -> None:
    """/status (admins only): index age, documents, passages, questions since start."""
    if not _is_admin(update, context):
        await update.effective_message.reply_text(_engine(context).config.replies.operators.not_allowed.format(
            command="status"))
        return
    library, data = _engine(context).library, context.bot_data
    age = time.time() - library.built_at
    await update.effective_message.reply_text(_chat(context).status.format(
        minutes=f"{age / 60:.1f}", version=library.version, documents=len(library.documents),
        passages=len(library.passages), answered=data.answered, unanswered=data.unanswered))


async def on_error(update: object, context: Context) -> None:
    """Log every unexpected exception; one failing update never stops the bot."""
    error = context.error
    if isinstance(error, Forbidden):
        log.warning("a user blocked the bot or removed it from a chat: %s", error.message)
    elif isinstance(error, NetworkError):
        log.warning("network error talking to Telegram (will go on): %s", error.message)
    else:
        log.error("unexpected error while handling an update", exc_info=error)


# --- helpers ----------------------------------------------------------------------------------------

async def _answer(update: Update, context: Context, question: str) -> None:
    """Answer one question in the chat it came from, within flood limits, threaded in groups."""
    started = time.perf_counter()
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    engine = _engine(context)
    group = chat.type != ChatType.PRIVATE
    guard = context.bot_data.guard
    if group:
        if not guard.allow(chat.id, user.id if user else 0):
            log.info("flood limit: staying silent in a group")
            return
        earlier = guard.repeated(chat.id, question)
        if earlier is not None:
            await message.reply_text(engine.config.replies.chat.answered_above, reply_parameters=ReplyParameters(
                earlier, allow_sending_without_reply=True))
            return
    asker = (chat.id, user.id if user else 0)
    answer = engine.answer(question, after=context.bot_data.conversations.get(asker))
    context.bot_data.conversations.put(asker, answer.context)
    markup = buttons.under_answer(engine.library.version, [f.passage_id for f in answer.passages],
                      engine.config.replies.chat, votes=engine.config.feedback.buttons) if answer.answered else None
    sent = await message.reply_text(reply.telegram_html(answer, engine.config.replies), parse_mode=ParseMode.HTML,
                                    reply_markup=markup, do_quote=group)
    if group:
        guard.remember(chat.id, question, sent.message_id)
    if context.bot_data.store:  # queued for a writer thread: a locked database never delays a reply
        context.bot_data.store.record(answer, chat.type, engine.config.feedback.weak_below)
    if answer.kind is not Kind.SMALL_TALK:
        context.bot_data.count(answer.answered)
    log.info("answered chat=%s kind=%s latency_ms=%.1f%s", chat.type, answer.kind.value,
             (time.perf_counter() - started) * 1000,
             f" question={question!r}" if engine.config.logging.questions else "")


def _addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question in a group message addressed to the bot, or None (a mention is matched
    case-insensitively, unlike filters.Mention)."""
    text = message.text or ""
    replying = message.reply_to_message is not None and message.reply_to_message.from_user is not None \
        and message.reply_to_message.from_user.id == bot_id
    mentions = [e for e in message.entities if e.type == MessageEntityType.MENTION
                and message.parse_entity(e).lstrip("@").casefold() == username.casefold()]
    if not mentions and not replying:
        return None
    return " ".join(re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).split())


def _is_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in _engine(context).config.telegram.admin_ids


async def _reload(application: Application, notify: bool = True) -> ReloadResult:
    """Rebuild off the event loop (one at a time); tell the admins about problems and gate results."""
    data: BotData = application.bot_data

    def rebuild_and_record() -> ReloadResult:
        result = rebuild(data.engine)
        publish.record_reload(data.engine.config, result)  # /history lists reloads too
        return result

    result = await data.change_corpus(rebuild_and_record)
    if notify and (not result.swapped or result.warnings or result.eval_rate is not None):
        for admin in data.engine.config.telegram.admin_ids:
            try:
                await application.bot.send_message(admin, reply.shortened(result.summary()))
            except (Forbidden, NetworkError) as error:
                log.warning("could not tell admin about the reload: %s", error.message)
    return result


async def _watch_corpus(application: Application) -> None:
    """Poll the corpus folder; rebuild once a change has settled."""
    data: BotData = application.bot_data
    settings, watcher = data.engine.config.reload, data.watcher
    while True:
        await asyncio.sleep(settings.poll_seconds)
        try:
            if await asyncio.to_thread(watcher.changed):
                await _reload(application)
        except Exception:  # the watcher must outlive any one bad reload
            log.exception("corpus watch failed; will try again")


def _single_quote(found: Found, answer: Answer, replies) -> InputTextMessageContent:
    one = Answer(question=answer.question, kind=Kind.ANSWER, passages=[found], highlight=answer.highlight,
                 emergency=answer.emergency)
    return InputTextMessageContent(reply.telegram_html(one, replies), parse_mode=ParseMode.HTML)


def _chat(context: Context) -> ChatReplies:
    return _engine(context).config.replies.chat


def _engine(context: Context) -> Engine:
    return context.bot_data.engine


# --- wiring -----------------------------------------------------------------------------------------

def build_application(engine: Engine, token: str, watcher: Watcher | None = None) -> Application:
    """The python-telegram-bot Application with every handler wired; `watcher` (its baseline taken
    before the corpus was loaded) drives live reloads."""
    settings = engine.config.telegram
    builder = (ApplicationBuilder().token(token).context_types(ContextTypes(bot_data=BotData))
               .base_url(settings.api_base_url)
               .base_file_url(settings.api_base_url.replace("/bot", "/file/bot"))
               .request(BotApiRequest(connections=_CONNECTIONS))
               .get_updates_request(BotApiRequest(connections=1))
               .concurrent_updates(settings.concurrent_updates).post_init(_post_init))
    if settings.rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    builder = builder.post_shutdown(_post_shutdown)
    application = builder.build()
    data: BotData = application.bot_data
    data.engine, data.guard = engine, FloodGuard(engine.config.telegram)
    data.conversations = Expiring(engine.config.telegram.follow_up_minutes * 60)
    data.watcher, data.store = watcher, _open_store(engine.config)
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    application.add_handlers(admin.handlers(settings.admin_ids))  # before the catch-alls below
    application.add_handlers([
        CommandHandler("start", start), CommandHandler("help", help_command), CommandHandler("topics", topics),
        CommandHandler("about", about), CommandHandler("ask", ask), CommandHandler("reload", reload_command),
        CommandHandler("status", status),
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, private_question),
        MessageHandler(groups & filters.TEXT & ~filters.COMMAND, group_message),
        MessageHandler(private & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, not_text),
        InlineQueryHandler(inline_query), CallbackQueryHandler(button),
    ])
    application.add_error_handler(on_error)
    return application


def _open_store(config: Config) -> Store | None:
    """The feedback database, or None when it is off or unusable (the bot answers all the same)."""
    if not config.feedback.enabled:
        return None
    try:
        return Store(config.feedback.database, config.feedback.retention_days)
    except StoreError as error:
        log.warning("feedback is not recorded: %s", error)
        return None


async def _post_init(application: Application) -> None:
    """Register commands and description; log one line with username, documents and passages."""
    data: BotData = application.bot_data
    bot, engine = application.bot, data.engine
    chat = engine.config.replies.chat
    await bot.set_my_commands([BotCommand(c, what) for c, what in chat.private_commands.items()],
                              scope=BotCommandScopeAllPrivateChats())
    await bot.set_my_commands([BotCommand(c, what) for c, what in chat.group_commands.items()],
                              scope=BotCommandScopeAllGroupChats())
    await bot.set_my_description(f"{chat.description} {engine.config.replies.disclaimer}")
    await bot.set_my_short_description(chat.short_description)
    if data.watcher:
        data.watch_task = asyncio.get_running_loop().create_task(_watch_corpus(application))
    log.info("bot @%s ready: %d documents, %d passages", bot.username, len(engine.library.documents),
             len(engine.library.passages))


async def _post_shutdown(application: Application) -> None:
    """Stop watching the corpus and close the feedback database."""
    data: BotData = application.bot_data
    if data.watch_task:
        data.watch_task.cancel()
    if data.store:
        data.store.close()


async def _wait_for_telegram(token: str, base_url: str) -> None:
    """Ask the Bot API who the bot is until it answers, waiting twice as long after each failure
    (a bot started before the network is up); one log line per attempt."""
    delay = _RETRY_FIRST_SECONDS
    for attempt in itertools.count(1):
        try:
            async with Bot(token, base_url=base_url, request=BotApiRequest(connections=1, retry_delays=())):
                return
        except RetryAfter as error:
            after = error.retry_after  # seconds, or a timedelta when PTB_TIMEDELTA is set
            wait = after.total_seconds() if isinstance(after, timedelta) else float(after)
            log.warning("Telegram asks to wait %.0fs before starting (attempt %d)", wait, attempt)
            await asyncio.sleep(wait)
        except NetworkError as error:
            log.warning("Telegram is unreachable (%s); attempt %d, trying again in %.0fs", error.message, attempt,
                        delay)
            await asyncio.sleep(delay)
            delay = min(2 * delay, _RETRY_LONGEST_SECONDS)


def run(config_path: str | Path, token: str) -> int:
    """Start the bot (long polling, or webhook when configured); return an exit status."""
    token = token.strip()
    if not token:
        print("error: TELEGRAM_BOT_TOKEN is not set (get a token from @BotFather)", file=sys.stderr)
        return 2
    if not TOKEN_RE.match(token):
        print("error: TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits, a colon and "
              "35 or so letters, as @BotFather gives it)", file=sys.stderr)
        return 2
    config = load_config(config_path)
    # The watcher's baseline is taken before the corpus is read, so no edit can fall in between.
    watcher = Watcher(config.corpus.path, config.reload.settle_seconds) if config.reload.watch else None
    engine = Engine(config, load_library(config))
    start_up()  # the lexicon, red-flag patterns and word tables read now, not in a first question; then frozen
    setup_logging(config, token)
    application = build_application(engine, token, watcher)
    webhook = engine.config.telegram.webhook
    try:
        asyncio.run(_wait_for_telegram(token, config.telegram.api_base_url))
        if webhook.url:
            application.run_webhook(listen=webhook.listen, port=webhook.port, url_path=webhook.path,
                                    webhook_url=f"{webhook.url.rstrip('/')}/{webhook.path}",
                                    secret_token=webhook.secret_token, allowed_updates=Update.ALL_TYPES)
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
    except KeyboardInterrupt:
        return 0
    except InvalidToken:
        print("error: Telegram refused the token in TELEGRAM_BOT_TOKEN (revoked or mistyped?)", file=sys.stderr)
        return 2
    except RetryAfter as error:
        print(f"error: Telegram asks to wait {error.retry_after}s before starting again", file=sys.stderr)
        return 1
    return 0
