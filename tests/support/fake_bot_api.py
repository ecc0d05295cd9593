"""A local stand-in for the Telegram Bot API HTTP interface, for tests and benchmarks.

Telegram is never reachable from the test machines, and mocking ``telegram.Bot`` skips the
code we most want to exercise (PTB's request encoding, error mapping, the Updater's polling
loop, handler dispatch).  This module owns a tiny HTTP/1.1 server on ``127.0.0.1`` that answers
the Bot API methods the bot uses with Telegram-shaped JSON, so a real ``Application`` can run
against it unchanged::

    with FakeBotAPI() as server:
        app = (
            ApplicationBuilder()
            .token(server.token)
            .base_url(server.base_url)
            .base_file_url(server.base_file_url)
            .build()
        )
        server.inject_update(server.message("/start", chat_id=42))
        ...
        call = await server.wait_for("sendMessage")

What it owns:

* the transport: an ``asyncio`` server running on its *own* event loop in a daemon thread, so
  it keeps answering while the test's loop is busy inside PTB (a long-poll that blocks the test
  loop would otherwise deadlock);
* per-token bot state: the bot's ``User`` object, the update queue with ``offset`` semantics,
  per-chat message ids, the bot's own sent messages (so edits and callback queries can refer to
  them), the webhook setting and ``setMyCommands`` storage;
* shared chat state: known chats and users, and chat-member statuses;
* a record of every call (method, decoded parameters, monotonic timestamp, status, result);
* one-shot fault injection with Telegram's real error payloads (429, 403, migrate, 400, ...).

It does not model Telegram's rate limits, message formatting (``parse_mode`` is not parsed;
``entities`` are never generated for sent messages) or webhook delivery (``setWebhook`` is only
recorded, and ``getUpdates`` then answers 409 as Telegram does).  As on Telegram, a waiting
``getUpdates`` is ended with 409 Conflict when a newer one arrives for the same token (so the
long poll an Updater abandons on ``stop()`` shows up as a 409 in ``calls("getUpdates")``).
Several bots may share one instance: state that Telegram keeps per bot is keyed by token.

Stdlib only.  If ``HTTP(S)_PROXY`` is set in the environment, httpx (used by PTB) honours it,
so add ``127.0.0.1`` to ``NO_PROXY``.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import parse_qsl, unquote, urlsplit

JSONDict = dict[str, Any]
ChatType = Literal["private", "group", "supergroup", "channel"]
MemberStatus = Literal["creator", "administrator", "member", "restricted", "left", "kicked"]
ErrorKind = Literal[
    "retry_after", "forbidden", "migrate", "bad_request", "unauthorized", "conflict", "server_error"
]

DEFAULT_TOKEN = "123456789:TEST-fake-bot-api-token"
DEFAULT_USERNAME = "vnlao_test_bot"
DEFAULT_USER_ID = 1001

# PTB sends every parameter as a form field, JSON-encoding everything except ``str`` values
# (see telegram/request/_requestparameter.py: ``json_value``).  A string such as text="123" is
# therefore indistinguishable from an int on the wire; these names are known to be strings in
# the Bot API, so they are never JSON-decoded.  Anything else is decoded if it parses.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "query",
        "data",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "next_offset",
        "offset_text",
        "url",
        "language_code",
        "secret_token",
        "ip_address",
        "action",
        "title",
        "description",
        "short_description",
        "name",
        "first_name",
        "last_name",
        "username",
        "emoji",
        "file_id",
        "custom_title",
        "business_connection_id",
        "message_effect_id",
        "switch_pm_text",
        "switch_pm_parameter",
        "question",
        "address",
        "payload",
        "currency",
        "provider_token",
        "start_parameter",
        "sticker",
        "photo",
        "document",
        "audio",
        "video",
        "voice",
        "animation",
        "video_note",
    }
)

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
# Telegram only links @usernames of 5+ characters that are not part of another word.
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{5,32}")
_API_PATH_RE = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z_]+)/?$")
_FILE_PATH_RE = re.compile(r"^/file/bot(?P<token>[^/]+)/(?P<path>.+)$")

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    411: "Length Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
}

# Methods answered with a Message built from the parameters (PTB parses the result with
# Message.de_json, so the generic ``true`` would make these calls raise on the client side).
_MESSAGE_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendaudio",
        "sendvideo",
        "sendvoice",
        "sendanimation",
        "sendvideonote",
        "sendsticker",
        "sendlocation",
        "sendvenue",
        "sendcontact",
        "sendpoll",
        "senddice",
        "sendinvoice",
        "forwardmessage",
    }
)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request (PTB uses multipart only when uploading)."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Call:
    """One recorded Bot API request."""

    token: str
    method: str
    params: JSONDict
    time: float
    """``time.monotonic()`` when the request was received."""
    status: int = 200
    result: Any = None
    """The ``result`` returned to the bot; ``None`` for failed calls."""
    description: str | None = None
    """The error description for failed calls."""

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class _Fault:
    method: str
    chat_id: str | None
    remaining: int
    status: int
    body: JSONDict


@dataclass
class _BotState:
    user: JSONDict
    pending: list[JSONDict] = field(default_factory=list)
    next_update_id: int = 1
    webhook_url: str = ""
    # Bumped by every getUpdates; a waiting poll that sees a newer one ends with 409 as on
    # Telegram, which also exposes two Updaters polling with one token.
    poll_generation: int = 0
    commands: dict[tuple[str, str], list[JSONDict]] = field(default_factory=dict)
    # Telegram numbers messages per chat, shared by user and bot messages in that chat.
    message_ids: dict[int, int] = field(default_factory=dict)
    messages: dict[tuple[int, int], JSONDict] = field(default_factory=dict)


def _utf16_len(text: str) -> int:
    # Entity offsets and lengths are in UTF-16 code units, not code points.
    return len(text.encode("utf-16-le")) // 2


def text_entities(text: str) -> list[JSONDict]:
    """The entities Telegram would attach to a user's ``text``: a leading bot_command and mentions."""
    entities: list[JSONDict] = []
    command_end = 0
    match = _COMMAND_RE.match(text)
    if match:
        command_end = match.end()
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(match.group())})
    for mention in _MENTION_RE.finditer(text):
        if mention.start() < command_end:
            continue
        entities.append(
            {
                "type": "mention",
                "offset": _utf16_len(text[: mention.start()]),
                "length": _utf16_len(mention.group()),
            }
        )
    return entities


def _decode_value(name: str, raw: str) -> Any:
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _parse_body(content_type: str, body: bytes) -> JSONDict:
    params: JSONDict = {}
    if not body:
        return params
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime == "application/json":
        loaded = json.loads(body)
        return dict(loaded) if isinstance(loaded, dict) else params
    if mime == "multipart/form-data":
        header = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str):
                continue
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if filename is not None:
                params[name] = UploadedFile(filename, part.get_content_type(), data)
            else:
                params[name] = _decode_value(name, data.decode("utf-8"))
        return params
    for name, raw in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
        params[name] = _decode_value(name, raw)
    return params


def _chat_key(chat_id: Any) -> int:
    """Numeric chat id for ``chat_id`` as sent by the bot (an int or an ``@username``)."""
    if isinstance(chat_id, bool):
        raise ValueError("chat_id must not be a boolean")
    if isinstance(chat_id, int):
        return chat_id
    text = str(chat_id)
    with contextlib.suppress(ValueError):
        return int(text)
    # A stable fake id in the channel/supergroup range, so the same @name always maps the same.
    return -(1_000_000_000_000 + zlib.crc32(text.lower().encode()))


def _sender_id(user_id: int | None, chat_id: int | None, chat_type: ChatType) -> int:
    # In a private chat the chat id is the user's id, so either one determines the other.
    if user_id is not None:
        return user_id
    if chat_type == "private" and chat_id is not None:
        return chat_id
    return DEFAULT_USER_ID


def _error_body(status: int, description: str, parameters: JSONDict | None = None) -> JSONDict:
    body: JSONDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


class FakeBotAPI:
    """A Telegram Bot API stand-in on ``127.0.0.1``; see the module docstring."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        username: str = DEFAULT_USERNAME,
        host: str = "127.0.0.1",
        port: int = 0,
        long_poll_cap: float = 1.0,
        response_delay: float = 0.0,
    ) -> None:
        """
        Args:
            token: the default token; helpers that take ``token=None`` use it.
            username: the default bot's username (``getMe``).
            long_poll_cap: the longest a ``getUpdates`` waits, whatever ``timeout`` the bot asks
                for, so a test never sits in a 10 s poll.
            response_delay: seconds added to every non-``getUpdates`` answer, to imitate network
                latency in benchmarks (it does not block other requests).
        """
        self.token = token
        self.host = host
        self.long_poll_cap = long_poll_cap
        self.response_delay = response_delay
        self._requested_port = port
        self._port: int | None = None
        # One lock guards all state below: it is touched from the server thread (requests) and
        # from the test's thread (injection, inspection).  Critical sections never await.
        self._lock = threading.Lock()
        self._bots: dict[str, _BotState] = {}
        self._chats: dict[int, JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._members: dict[tuple[int, int], MemberStatus] = {}
        self._files: dict[str, bytes] = {}
        self._calls: list[Call] = []
        self._faults: list[_Fault] = []
        self._ids = itertools.count(4_000_000_000_000_000)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self._updates_event: asyncio.Event | None = None
        self.register_bot(token, username=username)

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (only valid once started)."""
        if self._port is None:
            raise RuntimeError("FakeBotAPI is not started")
        return f"http://{self.host}:{self._port}"

    @property
    def base_url(self) -> str:
        """Pass to ``ApplicationBuilder().base_url(...)``; PTB appends ``{token}/{method}``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Pass to ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    def start(self) -> Self:
        """Start serving in a background thread; returns once the port is bound."""
        if self._thread is not None:
            raise RuntimeError("FakeBotAPI is already started")
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()
        self._loop = loop

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._listen())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=run, name="fake-bot-api", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            self._thread.join()
            self._thread = None
            raise RuntimeError("FakeBotAPI failed to start") from failure[0]
        return self

    def stop(self) -> None:
        """Close the listener and every open connection, then join the server thread."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        if loop.is_running():
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._thread = None
        self._loop = None
        self._port = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def _listen(self) -> None:
        self._updates_event = asyncio.Event()
        self._server = await asyncio.start_server(self._serve_connection, self.host, self._requested_port)
        self._port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        tasks = list(self._connections)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    # ------------------------------------------------------------------ HTTP transport

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            while await self._serve_request(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            # Only _shutdown cancels these tasks.  Ending normally matters: asyncio's
            # start_server callback calls task.exception(), which raises (and gets logged as
            # "Exception in callback") for a cancelled task.
            pass
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            # The peer may already be gone; nothing useful to report about that.
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve_request(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Handle one request; returns whether the connection stays open."""
        request_line = await reader.readline()
        if not request_line.strip():
            return False
        received = time.monotonic()
        http_method, target, version = request_line.decode("latin-1").rstrip("\r\n").split(" ", 2)
        headers: dict[str, str] = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()

        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked(reader)
        else:
            body = await reader.readexactly(int(headers.get("content-length", "0") or 0))

        status, content_type, payload = await self._route(
            http_method, target, headers.get("content-type", ""), body, received
        )
        keep_alive = version.upper() == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        head = (
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
            f"Content-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n"
            f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
        )
        writer.write(head.encode("latin-1") + payload)
        await writer.drain()
        return keep_alive

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int((await reader.readline()).split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                # Trailer section ends with an empty line.
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)

    async def _route(
        self, http_method: str, target: str, content_type: str, body: bytes, received: float
    ) -> tuple[int, str, bytes]:
        split = urlsplit(target)
        path = unquote(split.path)
        api = _API_PATH_RE.match(path)
        if api is not None:
            params: JSONDict = {}
            for name, raw in parse_qsl(split.query, keep_blank_values=True):
                params[name] = _decode_value(name, raw)
            try:
                params.update(_parse_body(content_type, body))
            except (ValueError, UnicodeDecodeError) as exc:
                status, answer = 400, _error_body(400, f"Bad Request: can't parse request: {exc}")
            else:
                status, answer = await self._call(api["token"], api["method"], params, received)
            return status, "application/json", json.dumps(answer, separators=(",", ":")).encode()
        file_match = _FILE_PATH_RE.match(path)
        if file_match is not None and http_method == "GET":
            file_id = file_match["path"].rsplit("/", 1)[-1]
            with self._lock:
                data = self._files.get(file_id)
            if data is not None:
                return 200, "application/octet-stream", data
        return 404, "application/json", json.dumps(_error_body(404, "Not Found")).encode()

    # ------------------------------------------------------------------ API dispatch

    async def _call(self, token: str, method: str, params: JSONDict, received: float) -> tuple[int, JSONDict]:
        lowered = method.lower()
        fault = self._take_fault(lowered, params)
        if fault is not None:
            status, body = fault
            self._record(Call(token, method, params, received, status, None, body["description"]))
            return status, body
        if lowered == "getupdates":
            status, answer = await self._get_updates(token, params)
        else:
            if self.response_delay > 0:
                await asyncio.sleep(self.response_delay)
            try:
                with self._lock:
                    status, answer = self._answer(token, lowered, params)
            except (KeyError, TypeError, ValueError) as exc:
                status, answer = 400, _error_body(400, f"Bad Request: {type(exc).__name__}: {exc}")
        self._record(
            Call(token, method, params, received, status, answer.get("result"), answer.get("description"))
        )
        return status, answer

    def _take_fault(self, method: str, params: JSONDict) -> tuple[int, JSONDict] | None:
        with self._lock:
            for fault in self._faults:
                if fault.method != method:
                    continue
                if fault.chat_id is not None and str(params.get("chat_id")) != fault.chat_id:
                    continue
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault.status, fault.body
        return None

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)

    def _bot(self, token: str) -> _BotState:
        """State for ``token``, created on first use (any token is accepted)."""
        state = self._bots.get(token)
        if state is None:
            prefix = token.split(":", 1)[0]
            bot_id = int(prefix) if prefix.isdigit() else 100_000 + zlib.crc32(token.encode()) % 900_000
            state = _BotState(user=self._bot_user(bot_id, f"bot{bot_id}_test_bot", "Test Bot"))
            self._bots[token] = state
        return state

    @staticmethod
    def _bot_user(bot_id: int, username: str, first_name: str) -> JSONDict:
        return {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _resolve(self, chat_id: Any) -> int:
        """Numeric id for a ``chat_id`` parameter; ``@username`` finds a chat declared by the test."""
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            wanted = chat_id[1:].lower()
            for known in self._chats.values():
                if str(known.get("username", "")).lower() == wanted:
                    return int(known["id"])
        return _chat_key(chat_id)

    def _chat(self, chat_id: int) -> JSONDict:
        known = self._chats.get(chat_id)
        if known is not None:
            return dict(known)
        if chat_id > 0:
            user = self._users.get(chat_id)
            chat: JSONDict = {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
            if user is not None:
                chat.update({k: user[k] for k in ("first_name", "last_name", "username") if k in user})
            return chat
        if chat_id <= -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": f"Supergroup {chat_id}"}
        return {"id": chat_id, "type": "group", "title": f"Group {chat_id}"}

    def _user(self, user_id: int) -> JSONDict:
        known = self._users.get(user_id)
        if known is not None:
            return dict(known)
        for state in self._bots.values():
            if state.user["id"] == user_id:
                return dict(state.user)
        return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}

    def _member(self, chat_id: int, user: JSONDict, status: MemberStatus) -> JSONDict:
        # PTB's ChatMember subclasses have many required fields; missing ones make de_json fail.
        member: JSONDict = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                {
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": True,
                    "can_restrict_members": True,
                    "can_promote_members": False,
                    "can_change_info": True,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                    "can_pin_messages": True,
                }
            )
        elif status == "restricted":
            member.update(
                {
                    "is_member": True,
                    "can_change_info": False,
                    "can_invite_users": False,
                    "can_pin_messages": False,
                    "can_send_messages": False,
                    "can_send_polls": False,
                    "can_send_other_messages": False,
                    "can_add_web_page_previews": False,
                    "can_manage_topics": False,
                    "until_date": 0,
                    "can_send_audios": False,
                    "can_send_documents": False,
                    "can_send_photos": False,
                    "can_send_videos": False,
                    "can_send_video_notes": False,
                    "can_send_voice_notes": False,
                    "can_edit_tag": False,
                    "can_react_to_messages": False,
                }
            )
        elif status == "kicked":
            member["until_date"] = 0
        return member

    def _next_message_id(self, state: _BotState, chat_id: int) -> int:
        message_id = state.message_ids.get(chat_id, 0) + 1
        state.message_ids[chat_id] = message_id
        return message_id

    def _new_bot_message(self, state: _BotState, chat_id: int, params: JSONDict) -> JSONDict:
        chat = self._chat(chat_id)
        message: JSONDict = {
            "message_id": self._next_message_id(state, chat_id),
            "date": int(time.time()),
            "chat": chat,
        }
        if chat["type"] == "channel":
            message["sender_chat"] = chat
        else:
            message["from"] = dict(state.user)
        for key in ("text", "caption", "message_thread_id"):
            if key in params:
                message[key] = params[key]
        markup = params.get("reply_markup")
        # Telegram echoes only inline keyboards; PTB parses Message.reply_markup as an
        # InlineKeyboardMarkup, so echoing a reply keyboard would break de_json.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        reply_to = params.get("reply_to_message_id")
        reply_parameters = params.get("reply_parameters")
        if isinstance(reply_parameters, dict):
            reply_to = reply_parameters.get("message_id")
        if isinstance(reply_to, int) and (chat_id, reply_to) in state.messages:
            message["reply_to_message"] = state.messages[(chat_id, reply_to)]
        state.messages[(chat_id, message["message_id"])] = message
        return message

    def _edit(self, state: _BotState, params: JSONDict, changes: JSONDict) -> tuple[int, JSONDict]:
        if "inline_message_id" in params:
            return 200, {"ok": True, "result": True}
        chat_id = self._resolve(params["chat_id"])
        message_id = int(params["message_id"])
        old = state.messages.get((chat_id, message_id))
        if old is None:
            old = {"message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id)}
            old["from"] = dict(state.user)
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        new.update({k: v for k, v in changes.items() if v is not None})
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            new["reply_markup"] = markup
        unchanged = {k: v for k, v in old.items() if k != "edit_date"} == new
        if unchanged:
            return 400, _error_body(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message",
            )
        new["edit_date"] = int(time.time())
        state.messages[(chat_id, message_id)] = new
        return 200, {"ok": True, "result": new}

    def _answer(self, token: str, method: str, params: JSONDict) -> tuple[int, JSONDict]:
        """Answer every method except getUpdates; called with the lock held."""
        state = self._bot(token)

        def ok(result: Any) -> tuple[int, JSONDict]:
            return 200, {"ok": True, "result": result}

        if method == "getme":
            return ok(dict(state.user))
        if method in _MESSAGE_METHODS:
            return ok(self._new_bot_message(state, self._resolve(params["chat_id"]), params))
        if method == "sendmediagroup":
            chat_id = self._resolve(params["chat_id"])
            media = params.get("media")
            items = media if isinstance(media, list) else []
            return ok([self._new_bot_message(state, chat_id, {"caption": m.get("caption")}) for m in items])
        if method == "copymessage":
            return ok({"message_id": self._next_message_id(state, self._resolve(params["chat_id"]))})
        if method == "editmessagetext":
            return self._edit(state, params, {"text": params["text"]})
        if method == "editmessagecaption":
            return self._edit(state, params, {"caption": params.get("caption")})
        if method == "editmessagereplymarkup":
            return self._edit(state, params, {})
        if method in ("setwebhook", "deletewebhook"):
            state.webhook_url = str(params.get("url", "")) if method == "setwebhook" else ""
            if params.get("drop_pending_updates"):
                state.pending.clear()
            return ok(True)
        if method == "getwebhookinfo":
            return ok(
                {
                    "url": state.webhook_url,
                    "has_custom_certificate": False,
                    "pending_update_count": len(state.pending),
                }
            )
        if method in ("setmycommands", "getmycommands", "deletemycommands"):
            scope = params.get("scope") or {"type": "default"}
            key = (json.dumps(scope, sort_keys=True), str(params.get("language_code", "")))
            if method == "setmycommands":
                commands = params["commands"]
                state.commands[key] = list(commands) if isinstance(commands, list) else []
                return ok(True)
            if method == "getmycommands":
                return ok(state.commands.get(key, []))
            state.commands.pop(key, None)
            return ok(True)
        if method == "getchat":
            chat = self._chat(self._resolve(params["chat_id"]))
            chat.setdefault("accent_color_id", 0)
            chat.setdefault("max_reaction_count", 11)
            chat.setdefault(
                "accepted_gift_types",
                {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            )
            return ok(chat)
        if method == "getchatmember":
            chat_id, user_id = self._resolve(params["chat_id"]), int(params["user_id"])
            status = self._members.get((chat_id, user_id), "member")
            return ok(self._member(chat_id, self._user(user_id), status))
        if method == "getchatadministrators":
            chat_id = self._resolve(params["chat_id"])
            return ok(
                [
                    self._member(chat_id, self._user(user_id), status)
                    for (member_chat, user_id), status in self._members.items()
                    if member_chat == chat_id and status in ("administrator", "creator")
                ]
            )
        if method == "getchatmembercount":
            chat_id = self._resolve(params["chat_id"])
            return ok(max(2, sum(1 for (c, _) in self._members if c == chat_id)))
        if method == "getfile":
            file_id = str(params["file_id"])
            file: JSONDict = {"file_id": file_id, "file_unique_id": f"u{zlib.crc32(file_id.encode())}"}
            if file_id in self._files:
                file["file_size"] = len(self._files[file_id])
                file["file_path"] = f"files/{file_id}"
            return ok(file)
        # close, logOut, answerCallbackQuery, answerInlineQuery, sendChatAction, deleteMessage ...
        return ok(True)

    async def _get_updates(self, token: str, params: JSONDict) -> tuple[int, JSONDict]:
        loop = asyncio.get_running_loop()
        offset = params.get("offset")
        limit = max(1, min(100, int(params.get("limit", 100))))
        timeout = max(0.0, float(params.get("timeout", 0)))
        allowed = params.get("allowed_updates")
        deadline = loop.time() + min(timeout, self.long_poll_cap)
        with self._lock:
            state = self._bot(token)
            state.poll_generation += 1
            generation = state.poll_generation
        self._wake_pollers()
        while True:
            with self._lock:
                state = self._bot(token)
                if state.poll_generation != generation:
                    return 409, _error_body(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                if state.webhook_url:
                    return 409, _error_body(
                        409,
                        "Conflict: can't use getUpdates method while webhook is active; "
                        "use deleteWebhook to delete the webhook first",
                    )
                # Telegram forgets updates only once a later offset confirms them, so an update
                # handed to a poll that the client then abandoned is delivered again.
                if isinstance(offset, int) and offset > 0:
                    state.pending = [u for u in state.pending if u["update_id"] >= offset]
                elif isinstance(offset, int) and offset < 0:
                    state.pending = state.pending[offset:]
                if isinstance(allowed, list) and allowed:
                    state.pending = [u for u in state.pending if any(k in u for k in allowed)]
                batch = [dict(u) for u in state.pending[:limit]]
            remaining = deadline - loop.time()
            if batch or remaining <= 0:
                return 200, {"ok": True, "result": batch}
            event = self._updates_event
            if event is None:
                return 200, {"ok": True, "result": []}
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _wake_pollers(self) -> None:
        # Runs on the server loop: replace the event so later waiters block until the next inject.
        event, self._updates_event = self._updates_event, asyncio.Event()
        if event is not None:
            event.set()

    # ------------------------------------------------------------------ test-side: state

    def register_bot(self, token: str, *, username: str, first_name: str = "VN-Lao Test Bot") -> JSONDict:
        """Set the ``getMe`` identity for ``token`` (any other token gets a generated one)."""
        with self._lock:
            state = self._bot(token)
            state.user = self._bot_user(state.user["id"], username, first_name)
            return dict(state.user)

    def bot_user(self, token: str | None = None) -> JSONDict:
        """The bot's ``User`` object, as ``getMe`` returns it."""
        with self._lock:
            return dict(self._bot(token or self.token).user)

    def set_chat(
        self, chat_id: int, chat_type: ChatType, *, title: str | None = None, username: str | None = None
    ) -> JSONDict:
        """Declare a chat so replies and ``getChat`` report its type, title and username."""
        chat: JSONDict = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = title or f"User {chat_id}"
        else:
            chat["title"] = title or f"{chat_type.capitalize()} {chat_id}"
        if username:
            chat["username"] = username
        with self._lock:
            self._chats[chat_id] = chat
        return dict(chat)

    def set_chat_member(self, chat_id: int, user_id: int, status: MemberStatus) -> None:
        """What ``getChatMember(chat_id, user_id)`` reports (default ``member``)."""
        with self._lock:
            self._members[(chat_id, user_id)] = status

    def add_file(self, file_id: str, data: bytes) -> None:
        """Make ``getFile(file_id)`` succeed and serve ``data`` from the file URL."""
        with self._lock:
            self._files[file_id] = data

    # ------------------------------------------------------------------ test-side: injection

    def inject_update(self, update: JSONDict, *, token: str | None = None) -> JSONDict:
        """Queue ``update`` for the bot's next ``getUpdates``; returns it with its ``update_id``."""
        with self._lock:
            state = self._bot(token or self.token)
            queued = {
                "update_id": state.next_update_id,
                **{k: v for k, v in update.items() if k != "update_id"},
            }
            state.next_update_id += 1
            state.pending.append(queued)
        loop = self._loop
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(self._wake_pollers)
        return queued

    def pending_updates(self, token: str | None = None) -> list[JSONDict]:
        """Updates not yet confirmed by a later ``offset``."""
        with self._lock:
            return [dict(u) for u in self._bot(token or self.token).pending]

    def user(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> JSONDict:
        """A ``User`` object for a human; remembered so later calls and chats reuse the names."""
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name or f"User {user_id}"}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        with self._lock:
            self._users[user_id] = user
        return dict(user)

    def _builder_chat(
        self, chat_id: int | None, chat_type: ChatType, user: JSONDict, title: str | None
    ) -> JSONDict:
        if chat_type == "private":
            chat: JSONDict = {"id": chat_id if chat_id is not None else user["id"], "type": "private"}
            chat.update({k: user[k] for k in ("first_name", "last_name", "username") if k in user})
        else:
            defaults = {
                "group": -4_000_000_001,
                "supergroup": -1_001_000_000_001,
                "channel": -1_002_000_000_001,
            }
            cid = chat_id if chat_id is not None else defaults[chat_type]
            chat = {"id": cid, "type": chat_type, "title": title or f"Test {chat_type} {cid}"}
        with self._lock:
            self._chats.setdefault(chat["id"], chat)
            return dict(self._chats[chat["id"]])

    def message(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
        chat_type: ChatType = "private",
        reply_to_bot: bool = False,
        reply_to_message_id: int | None = None,
        message_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
        chat_title: str | None = None,
        message_thread_id: int | None = None,
        token: str | None = None,
    ) -> JSONDict:
        """An Update (without ``update_id``) carrying a user's text message, with the entities
        Telegram adds (bot_command at the start, @mentions).  ``chat_id`` defaults to the user's
        private chat or a fixed id per chat type; ``chat_type="channel"`` gives a channel_post.
        ``reply_to_bot`` makes it a reply to the bot's latest message in that chat."""
        user = self.user(
            _sender_id(user_id, chat_id, chat_type),
            first_name=first_name,
            username=username,
            language_code=language_code,
        )
        chat = self._builder_chat(chat_id, chat_type, user, chat_title)
        with self._lock:
            state = self._bot(token or self.token)
            msg: JSONDict = {
                "message_id": message_id or self._next_message_id(state, chat["id"]),
                "date": int(time.time()),
                "chat": chat,
                "text": text,
            }
            if chat_type == "channel":
                msg["sender_chat"] = chat
            else:
                msg["from"] = user
            entities = text_entities(text)
            if entities:
                msg["entities"] = entities
            if message_thread_id is not None:
                msg["message_thread_id"] = message_thread_id
            replied = self._replied_message(state, chat["id"], reply_to_bot, reply_to_message_id)
            if replied is not None:
                msg["reply_to_message"] = replied
        return {"channel_post" if chat_type == "channel" else "message": msg}

    def _replied_message(
        self, state: _BotState, chat_id: int, to_bot: bool, message_id: int | None
    ) -> JSONDict | None:
        if message_id is not None and (chat_id, message_id) in state.messages:
            return dict(state.messages[(chat_id, message_id)])
        if to_bot or message_id is not None:
            own = [m for (c, _), m in state.messages.items() if c == chat_id]
            if own and message_id is None:
                return dict(own[-1])
            return {
                "message_id": message_id or self._next_message_id(state, chat_id),
                "date": int(time.time()),
                "chat": self._chat(chat_id),
                "from": dict(state.user),
                "text": "…",
            }
        return None

    def channel_post(
        self, text: str, *, chat_id: int | None = None, title: str | None = None, token: str | None = None
    ) -> JSONDict:
        """An Update carrying a post in a channel where the bot is a member."""
        return self.message(text, chat_id=chat_id, chat_type="channel", chat_title=title, token=token)

    def callback_query(
        self,
        data: str,
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
        message_id: int | None = None,
        chat_type: ChatType = "private",
        token: str | None = None,
    ) -> JSONDict:
        """An Update for a press on an inline button carrying ``data``.  The attached message is
        the bot's own message ``message_id`` (default: its latest in that chat, else a new one)."""
        user = self.user(_sender_id(user_id, chat_id, chat_type))
        chat = self._builder_chat(chat_id, chat_type, user, None)
        with self._lock:
            state = self._bot(token or self.token)
            message = self._replied_message(state, chat["id"], True, message_id)
            assert message is not None  # to_bot=True always yields a message
            state.messages.setdefault((chat["id"], message["message_id"]), message)
            query_id = str(next(self._ids))
        return {
            "callback_query": {
                "id": query_id,
                "from": user,
                "chat_instance": str(zlib.crc32(str(chat["id"]).encode())),
                "data": data,
                "message": message,
            }
        }

    def inline_query(
        self,
        query: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        offset: str = "",
        chat_type: Literal["sender", "private", "group", "supergroup", "channel"] | None = None,
    ) -> JSONDict:
        """An Update for ``@bot query`` typed by ``user_id``."""
        user = self.user(user_id)
        with self._lock:
            query_id = str(next(self._ids))
        inline: JSONDict = {"id": query_id, "from": user, "query": query, "offset": offset}
        if chat_type is not None:
            inline["chat_type"] = chat_type
        return {"inline_query": inline}

    def my_chat_member(
        self,
        *,
        chat_id: int | None = None,
        chat_type: ChatType = "group",
        old_status: MemberStatus = "left",
        new_status: MemberStatus = "member",
        user_id: int = DEFAULT_USER_ID,
        token: str | None = None,
    ) -> JSONDict:
        """An Update telling the bot its own status in a chat changed (added, promoted, removed,
        blocked).  Also makes ``getChatMember`` for the bot report ``new_status``."""
        user = self.user(user_id)
        chat = self._builder_chat(chat_id, chat_type, user, None)
        with self._lock:
            bot = dict(self._bot(token or self.token).user)
            self._members[(chat["id"], bot["id"])] = new_status
            return {
                "my_chat_member": {
                    "chat": chat,
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": self._member(chat["id"], bot, old_status),
                    "new_chat_member": self._member(chat["id"], bot, new_status),
                }
            }

    # ------------------------------------------------------------------ test-side: faults

    def fail_next(
        self,
        method: str,
        *,
        chat_id: int | str | None = None,
        times: int = 1,
        error: ErrorKind = "retry_after",
        retry_after: int = 1,
        description: str | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (to ``chat_id``, if given) fail the way
        Telegram fails: ``retry_after`` → 429 (PTB: RetryAfter), ``forbidden`` → 403 (Forbidden),
        ``migrate`` → 400 with migrate_to_chat_id (ChatMigrated), ``bad_request`` → 400
        (BadRequest), ``unauthorized`` → 401 (InvalidToken), ``conflict`` → 409 (Conflict),
        ``server_error`` → 500 (NetworkError)."""
        parameters: JSONDict | None = None
        if error == "retry_after":
            status, text = 429, f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        elif error == "forbidden":
            status, text = 403, "Forbidden: bot was blocked by the user"
        elif error == "migrate":
            status, text = 400, "Bad Request: group chat was upgraded to a supergroup chat"
            if migrate_to_chat_id is None:
                source = abs(_chat_key(chat_id)) if chat_id is not None else 1
                migrate_to_chat_id = -(1_000_000_000_000 + source)
            parameters = {"migrate_to_chat_id": migrate_to_chat_id}
        elif error == "bad_request":
            status, text = 400, "Bad Request: chat not found"
        elif error == "unauthorized":
            status, text = 401, "Unauthorized"
        elif error == "conflict":
            status, text = (
                409,
                (
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running"
                ),
            )
        else:
            status, text = 500, "Internal Server Error"
        body = _error_body(status, description or text, parameters)
        with self._lock:
            self._faults.append(
                _Fault(method.lower(), None if chat_id is None else str(chat_id), times, status, body)
            )

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    # ------------------------------------------------------------------ test-side: observing

    def calls(self, method: str | None = None, *, token: str | None = None) -> list[Call]:
        """Recorded calls in completion order, optionally only ``method`` (case-insensitive)."""
        lowered = method.lower() if method else None
        with self._lock:
            return [
                c
                for c in self._calls
                if (lowered is None or c.method.lower() == lowered) and (token is None or c.token == token)
            ]

    def clear_calls(self) -> None:
        with self._lock:
            self._calls.clear()

    def sent_messages(self, chat_id: int | str | None = None, *, token: str | None = None) -> list[JSONDict]:
        """The Message objects returned for successful ``sendMessage`` calls."""
        return [
            c.result
            for c in self.calls("sendMessage", token=token)
            if c.ok and (chat_id is None or c.result["chat"]["id"] == _chat_key(chat_id))
        ]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        *,
        timeout: float = 5.0,
        count: int = 1,
        token: str | None = None,
    ) -> Call:
        """Wait (without blocking the caller's event loop) until ``count`` calls of ``method``
        matching ``predicate`` were recorded, and return the ``count``-th.  Failed calls count."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        lowered = method.lower()
        matching: list[Call] = []
        scanned = 0
        while True:
            # Only look at calls recorded since the last pass, so waiting stays cheap in
            # benchmarks with many thousands of calls.
            with self._lock:
                if scanned > len(self._calls):  # clear_calls() ran meanwhile
                    scanned, matching = 0, []
                fresh = self._calls[scanned:]
                scanned = len(self._calls)
            matching.extend(
                c
                for c in fresh
                if c.method.lower() == lowered
                and (token is None or c.token == token)
                and (predicate is None or predicate(c))
            )
            if len(matching) >= count:
                return matching[count - 1]
            if loop.time() >= deadline:
                seen = [(c.method, c.params) for c in self.calls(token=token)[-10:]]
                raise TimeoutError(
                    f"{count} x {method} not seen within {timeout}s ({len(matching)} matched); "
                    f"last calls: {seen}"
                )
            await asyncio.sleep(0.005)

    def peak_rate(
        self, method: str = "sendMessage", *, window: float = 1.0, chat_id: int | str | None = None
    ) -> int:
        """The most ``method`` calls received within any ``window`` seconds (by receipt time),
        e.g. to check a broadcaster stays under Telegram's ~30 messages/s."""
        times = sorted(
            c.time
            for c in self.calls(method)
            if chat_id is None or str(c.params.get("chat_id")) == str(chat_id)
        )
        best, start = 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best
