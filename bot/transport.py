"""How the bot talks HTTP to the Bot API: python-telegram-bot's request interface over aiohttp.

python-telegram-bot's default (httpx) spends about 1 ms of CPU per call here, most of it in its
connection pool's bookkeeping; aiohttp (C-accelerated HTTP parsing) spends a fraction of that, which
is what lets one process answer hundreds of questions a second.

Retries: a call that met a network error (no connection, or the connection dropped, as idle
keep-alive connections do) or a 5xx answer is tried again after a short backoff. A call that timed
out waiting for its answer is not: Telegram may well have acted on it, and a second try could post
the same answer twice. A 429 is left to the rate limiter.
"""

from __future__ import annotations

import asyncio
import logging
import urllib.parse
import urllib.request

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)


class BotApiRequest(BaseRequest):
    """python-telegram-bot's BaseRequest on one aiohttp session, with retries."""

    def __init__(self, connections: int = 8, read_timeout: float = 5.0, connect_timeout: float = 5.0,
                 pool_timeout: float = 1.0, retry_delays: tuple[float, ...] = (0.2, 0.5, 1.0)) -> None:
        self.retry_delays = retry_delays  # seconds before the 2nd, 3rd and 4th try
        self._connections = connections
        self._timeouts = {"read": read_timeout, "connect": connect_timeout, "pool": pool_timeout}
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float:
        """Seconds to wait for Telegram's answer when a call does not say."""
        return self._timeouts["read"]

    async def initialize(self) -> None:
        """Open the session (inside the running event loop, as aiohttp requires)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._connections))

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout=BaseRequest.DEFAULT_NONE, write_timeout=BaseRequest.DEFAULT_NONE,
                         connect_timeout=BaseRequest.DEFAULT_NONE,
                         pool_timeout=BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        """One Bot API call: (HTTP status, body); retried as the module docstring says."""
        timeout = self._timeout(read_timeout, connect_timeout, pool_timeout)
        for delay in self.retry_delays:
            try:
                status, body = await self._send(url, method, request_data, timeout)
            except TimedOut:
                raise
            except NetworkError as error:
                log.warning("network error, retrying in %.1fs: %s", delay, error.message)
            else:
                if status < 500:
                    return status, body
                log.warning("Telegram answered %s, retrying in %.1fs", status, delay)
            await asyncio.sleep(delay)
        return await self._send(url, method, request_data, timeout)

    def _timeout(self, read, connect, pool) -> aiohttp.ClientTimeout:
        """aiohttp's timeouts for python-telegram-bot's (a write timeout has no aiohttp equivalent:
        a stalled upload is caught by the read timeout that follows it)."""
        def given(value, name: str) -> float | None:
            return self._timeouts[name] if value is BaseRequest.DEFAULT_NONE else value

        read, connect, pool = given(read, "read"), given(connect, "connect"), given(pool, "pool")
        return aiohttp.ClientTimeout(sock_read=read, sock_connect=connect,
                                     connect=None if connect is None or pool is None else connect + pool)

    def _proxy(self, url: str) -> str | None:
        """The proxy the environment names for a URL (HTTPS_PROXY, NO_PROXY...), as python-telegram-bot's
        httpx default honours them; worked out once per scheme and host (aiohttp's own trust_env
        reads the environment again on every call, about 1 ms of CPU)."""
        parts = urllib.parse.urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._proxies:
            bypass = urllib.request.proxy_bypass(key[1]) if key[1] else True
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(parts.scheme)
        return self._proxies[key]

    async def _send(self, url: str, method: str, request_data: RequestData | None,
                    timeout: aiohttp.ClientTimeout) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("BotApiRequest is not initialized")
        form = aiohttp.FormData(request_data.json_parameters if request_data else {})
        for name, (filename, content, mime_type) in (request_data.multipart_data if request_data else {}).items():
            form.add_field(name, content, filename=filename, content_type=mime_type)
        try:
            async with self._session.request(method, url, data=form, timeout=timeout, proxy=self._proxy(url),
                                             headers={"User-Agent": self.USER_AGENT}) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:  # no connection in time: nothing was sent
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
        except asyncio.TimeoutError as error:
            raise TimedOut(f"no answer from the Bot API in time ({type(error).__name__})") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
