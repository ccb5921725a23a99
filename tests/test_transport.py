"""BotApiRequest against tiny local HTTP servers: what is retried, what is not, what is sent."""

import asyncio
import json
import socket
from urllib.parse import parse_qs

import pytest
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.transport import BotApiRequest


class _Server:
    """Answers each HTTP request with the next canned (status, body), or never when it is None."""

    def __init__(self, *answers: tuple[int, bytes] | None) -> None:
        self.answers = list(answers)
        self.requests: list[bytes] = []
        self.request_lines: list[bytes] = []

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/botTOKEN/sendMessage"

    async def __aexit__(self, *exc) -> None:
        self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            self.request_lines.append(head.split(b"\r\n")[0])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length"))
            self.requests.append(await reader.readexactly(length))
            answer = self.answers.pop(0)
            if answer is None:
                await asyncio.sleep(3600)
            status, body = answer
            writer.write(b"HTTP/1.1 %d X\r\nContent-Length: %d\r\n\r\n%s" % (status, len(body), body))
            await writer.drain()


@pytest.fixture
async def request_():
    transport = BotApiRequest(read_timeout=0.3, connect_timeout=0.3)
    transport.retry_delays = (0.01, 0.01)
    await transport.initialize()
    yield transport
    await transport.shutdown()


def _data(**parameters) -> RequestData:
    return RequestData([RequestParameter.from_input(name, value) for name, value in parameters.items()])


async def test_sends_the_parameters_as_a_form_and_returns_status_and_body(request_):
    server = _Server((200, b'{"ok": true}'))
    async with server as url:
        status, body = await request_.do_request(url, "POST", _data(chat_id=5, text="héllo & <b>"))
    assert (status, json.loads(body)) == (200, {"ok": True})
    assert parse_qs(server.requests[0].decode()) == {"chat_id": ["5"], "text": ["héllo & <b>"]}


async def test_a_5xx_answer_is_retried_until_an_answer_comes():
    server = _Server((502, b"bad gateway"), (503, b"busy"), (200, b'{"ok": true}'))
    transport = BotApiRequest()
    transport.retry_delays = (0.01, 0.01, 0.01)
    await transport.initialize()
    try:
        async with server as url:
            status, _ = await transport.do_request(url, "POST", _data(chat_id=5, text="hi"))
    finally:
        await transport.shutdown()
    assert status == 200 and len(server.requests) == 3
    assert all(parse_qs(r.decode()) == {"chat_id": ["5"], "text": ["hi"]} for r in server.requests)


async def test_a_call_left_unanswered_times_out_and_is_not_sent_again(request_):
    server = _Server(None, (200, b'{"ok": true}'))
    async with server as url:
        with pytest.raises(TimedOut):
            await request_.do_request(url, "POST", _data(chat_id=5, text="hi"))
    assert len(server.requests) == 1  # Telegram may have posted it: a retry could post it twice


async def test_no_server_is_a_network_error_after_the_retries(request_):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    with pytest.raises(NetworkError) as raised:
        await request_.do_request(f"http://127.0.0.1:{port}/botTOKEN/getMe", "POST")
    assert not isinstance(raised.value, TimedOut)


async def test_calls_before_initialize_are_refused():
    with pytest.raises(RuntimeError):
        await BotApiRequest().do_request("http://127.0.0.1:9/botTOKEN/getMe", "POST")


async def test_the_proxy_named_in_the_environment_is_used(monkeypatch):
    server = _Server((200, b'{"ok": true}'))
    async with server as url:
        proxy = url.split("/bot")[0]
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        transport = BotApiRequest()
        await transport.initialize()
        try:
            status, _ = await transport.do_request("http://api.telegram.invalid/botTOKEN/getMe", "POST")
        finally:
            await transport.shutdown()
    assert status == 200 and server.request_lines == [b"POST http://api.telegram.invalid/botTOKEN/getMe HTTP/1.1"]
