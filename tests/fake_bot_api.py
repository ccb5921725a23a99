"""A local stand-in for the Telegram Bot API, over real HTTP on 127.0.0.1, for tests and `bench`.

It serves the methods the bot uses, hands out queued updates through long polling, serves files
put on it through getFile and the file download URL, records every call, checks the rules that
matter (text length, HTML parse-mode tags and entities, callback_data length, reply threading
targets, the 20 MB download limit) and can be told to fail the next calls (429, 502).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import tornado.httpserver
import tornado.httputil
import tornado.netutil
import tornado.web

TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # getFile refuses larger files
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
                "code", "pre", "blockquote", "tg-emoji"}
BOT_USER = {"id": 777000111, "is_bot": True, "first_name": "Magnesium FAQ", "username": "MagnesiumFaqBot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


class RuleBroken(ValueError):
    """A request that Telegram would refuse (400 Bad Request)."""


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict
    at: float = field(default_factory=time.monotonic)


def html_problem(text: str) -> str | None:
    """Why Telegram would refuse this HTML text, or None."""
    stack: list[str] = []
    for part in re.split(r"(<[^<>]*>)", text):
        if part.startswith("<") and part.endswith(">"):
            match = re.fullmatch(r"<(/?)([a-z-]+)(\s[^<>]*)?>", part)
            if not match:
                return f"can't parse entities: unsupported start tag {part!r}"
            closing, name = match.group(1), match.group(2)
            if name not in ALLOWED_TAGS:
                return f"can't parse entities: unsupported start tag \"{name}\""
            if closing:
                if not stack or stack.pop() != name:
                    return f"can't parse entities: unmatched end tag \"{name}\""
            else:
                stack.append(name)
        elif "<" in part or ">" in part:
            return "can't parse entities: bare < or > in text"
        elif re.search(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", part):
            return "can't parse entities: bare & in text"
    return f"can't parse entities: unclosed tag \"{stack[-1]}\"" if stack else None


def visible_length(text: str, parse_mode: str | None) -> int:
    """Length as Telegram counts it (UTF-16 code units, after parsing HTML)."""
    if parse_mode == "HTML":
        text = html.unescape(re.sub(r"<[^<>]*>", "", text))
    return len(text.encode("utf-16-le")) // 2


class FakeBotApi:
    """The fake server and its state; start() runs it on its own thread and event loop."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.rejected: list[tuple[str, str]] = []
        self.webhook: dict | None = None
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._files: dict[str, bytes] = {}
        self._failures: dict[str, list[tuple[int, dict | str]]] = {}
        self._new_update: asyncio.Condition | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server = None
        self.port = 0
        self._lock = threading.Lock()
        self.on_send: Callable[[Call], None] | None = None  # called (on the server's thread) after each sendMessage

    @property
    def base_url(self) -> str:
        """What the bot's `telegram.api_base_url` should be."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- running -------------------------------------------------------------------------------
    def start(self, port: int = 0) -> FakeBotApi:
        """Serve on `port` (by default a free one) of 127.0.0.1 from a background thread."""
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready, port), daemon=True, name="fake-bot-api").start()
        ready.wait(10)
        return self

    def _serve(self, ready: threading.Event, port: int) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._new_update = asyncio.Condition()
            app = tornado.web.Application([(r"/bot([^/]+)/(\w+)", _Handler, {"fake": self}),
                                           (r"/file/bot([^/]+)/(.+)", _FileHandler, {"fake": self})])
            sockets = tornado.netutil.bind_sockets(port, address="127.0.0.1")
            self.port = sockets[0].getsockname()[1]
            self._server = tornado.httpserver.HTTPServer(app)
            self._server.add_sockets(sockets)
            ready.set()
            await asyncio.Event().wait()

        asyncio.run(main())

    def stop(self) -> None:
        """Stop serving."""
        if self._loop and self._server:
            self._loop.call_soon_threadsafe(self._server.stop)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def wait_ready(self) -> None:
        """Wait until the bot has started: its last start-up call is setMyShortDescription."""
        self.wait_for(lambda calls: any(c.method == "setMyShortDescription" for c in calls), timeout=60)

    # --- scripting -----------------------------------------------------------------------------
    def push(self, update: dict) -> int:
        """Queue an update for getUpdates; return its update_id."""
        with self._lock:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
        if self._loop:
            self._loop.call_soon_threadsafe(lambda: asyncio.ensure_future(self._wake()))
        return update["update_id"]

    def put_file(self, data: bytes, file_name: str, state_size: bool = True) -> dict:
        """Store a file as if a user had sent it; return the `document` of a message carrying it
        (`file_size` is optional in the Bot API: `state_size=False` leaves it out)."""
        with self._lock:
            file_id = f"file{len(self._files) + 1}"
            self._files[file_id] = data
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name}
        return {**document, "file_size": len(data)} if state_size else document

    def file(self, token: str, path: str) -> bytes | None:
        """A stored file's bytes by its download path, or None."""
        with self._lock:
            return self._files.get(path.removeprefix("documents/")) if token == self.token else None

    def fail_next(self, method: str, *failures: tuple[int, dict | str]) -> None:
        """Answer the next calls of `method` with these (status, body) pairs."""
        with self._lock:
            self._failures.setdefault(method, []).extend(failures)

    def sent(self, method: str = "sendMessage") -> list[Call]:
        """Successful calls of one method, in order."""
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, predicate, timeout: float = 10.0) -> list[Call]:
        """Wait until predicate(calls) is true; return the calls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                calls = list(self.calls)
            if predicate(calls):
                return calls
            time.sleep(0.02)
        raise TimeoutError(f"condition not met in {timeout}s; calls: {[c.method for c in self.calls]}")

    async def _wake(self) -> None:
        async with self._new_update:
            self._new_update.notify_all()

    # --- serving -------------------------------------------------------------------------------
    async def handle(self, token: str, method: str, params: dict) -> tuple[int, dict | str]:
        """Answer one Bot API call."""
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        with self._lock:
            pending = self._failures.get(method)
            failure = pending.pop(0) if pending else None
        if failure:
            return failure
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        try:
            result = self._answer(method, params)
        except RuleBroken as problem:
            with self._lock:
                self.rejected.append((method, str(problem)))
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        call = Call(method, params)
        with self._lock:
            self.calls.append(call)
        if method == "sendMessage" and self.on_send:
            self.on_send(call)
        return 200, {"ok": True, "result": result}

    async def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            with self._lock:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = self._updates[:limit]
            if ready or time.monotonic() >= deadline:
                return ready
            async with self._new_update:
                try:
                    await asyncio.wait_for(self._new_update.wait(), max(0.01, deadline - time.monotonic()))
                except asyncio.TimeoutError:
                    pass

    def _answer(self, method: str, params: dict):
        if method == "getMe":
            return BOT_USER
        if method in ("setMyCommands", "setMyDescription", "setMyShortDescription", "deleteWebhook",
                      "answerCallbackQuery", "answerInlineQuery"):
            if method == "answerInlineQuery":
                for result in params.get("results", []):
                    content = result.get("input_message_content", {})
                    self._check_text(content.get("message_text", ""), content.get("parse_mode"))
                    self._check_markup(result.get("reply_markup"))
            return True
        if method == "getFile":
            with self._lock:
                data = self._files.get(str(params.get("file_id")))
            if data is None:
                raise RuleBroken("wrong file_id or the file is temporarily unavailable")
            if len(data) > DOWNLOAD_LIMIT:
                raise RuleBroken("file is too big")
            return {"file_id": params["file_id"], "file_unique_id": f"u{params['file_id']}", "file_size": len(data),
                    "file_path": f"documents/{params['file_id']}"}
        if method == "editMessageReplyMarkup":
            self._check_markup(params.get("reply_markup"))
            return True
        if method == "setWebhook":
            self.webhook = params
            return True
        if method in ("sendMessage", "editMessageText"):
            self._check_text(params.get("text", ""), params.get("parse_mode"))
            self._check_markup(params.get("reply_markup"))
            chat_id = params.get("chat_id")
            return {"message_id": int(params.get("message_id") or next(self._message_ids)),
                    "date": int(time.time()), "chat": {"id": int(chat_id), "type": "private" if int(chat_id) > 0
                                                       else "supergroup"},
                    "from": BOT_USER, "text": params.get("text", "")}
        raise RuleBroken(f"method {method} is not served by the fake")

    @staticmethod
    def _check_text(text: str, parse_mode: str | None) -> None:
        if not text.strip():
            raise RuleBroken("message text is empty")
        if parse_mode == "HTML":
            problem = html_problem(text)
            if problem:
                raise RuleBroken(problem)
        if visible_length(text, parse_mode) > TEXT_LIMIT:
            raise RuleBroken("message is too long")

    @staticmethod
    def _check_markup(markup: dict | None) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if len(button.get("callback_data", "").encode("utf-8")) > CALLBACK_DATA_LIMIT:
                    raise RuleBroken("BUTTON_DATA_INVALID")


class _Handler(tornado.web.RequestHandler):
    """Routes /bot<token>/<method> to the fake."""

    def initialize(self, fake: FakeBotApi) -> None:
        self.fake = fake

    async def post(self, token: str, method: str) -> None:
        status, body = await self.fake.handle(token, method, _params(self.request))
        self.set_status(status)
        if isinstance(body, dict):
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps(body))
        else:
            self.finish(body)

    get = post


class _FileHandler(tornado.web.RequestHandler):
    """Serves /file/bot<token>/<file_path>, as Telegram's file download URL does."""

    def initialize(self, fake: FakeBotApi) -> None:
        self.fake = fake

    def get(self, token: str, path: str) -> None:
        data = self.fake.file(token, path)
        if data is None:
            self.set_status(404)
            self.finish({"ok": False, "error_code": 404, "description": "Not Found"})
            return
        self.finish(data)


def _params(request: tornado.httputil.HTTPServerRequest) -> dict:
    """Request parameters, with the JSON-encoded values (markup, results) decoded."""
    content_type = request.headers.get("Content-Type", "")
    if content_type.startswith("application/json"):
        return json.loads(request.body or b"{}")
    if content_type.startswith("multipart/form-data"):
        args: dict = {}
        files: dict = {}
        tornado.httputil.parse_body_arguments(content_type, request.body, args, files)
        raw = {k: v[0].decode("utf-8") for k, v in args.items()}
    else:
        raw = dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
        raw.update({k: v[0].decode() for k, v in request.query_arguments.items()})
    params = {}
    for key, value in raw.items():
        try:
            params[key] = json.loads(value) if value[:1] in "[{" else value
        except json.JSONDecodeError:
            params[key] = value
    return params
