"""A fake Slack on 127.0.0.1: Web API methods, response_url endpoints and a Socket Mode websocket.

Every request is recorded as a ``Call`` (method, token, parameters), and tests wait for the calls
they expect with ``wait_for``. Failures are injected per method with ``fail``. Posted messages are
kept per channel id (``messages``) so that chat.update edits them as Slack would.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

_CHANNEL_ID = re.compile(r"^[CDGZ][A-Z0-9]+$")


@dataclass(frozen=True)
class Call:
    """One request the bot made: a Web API method, a response_url post or a socket ack."""

    method: str
    token: str | None
    params: dict[str, Any]

    def json(self, key: str) -> Any:
        """A parameter that slack_sdk may send JSON-encoded inside a form field."""
        value = self.params.get(key)
        return json.loads(value) if isinstance(value, str) else value


@dataclass
class Workspace:
    """What auth.test answers for a bot token."""

    team_id: str
    team_name: str
    bot_user_id: str = "UBOT"
    bot_id: str = "BBOT"
    enterprise_id: str | None = None


@dataclass
class Message:
    """A message in a channel, as the last post or update left it."""

    ts: str
    user: str
    text: str
    blocks: list[dict[str, Any]]


@dataclass
class _Failure:
    status: int
    body: dict[str, Any] | str
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1_000_000


class FakeSlack:
    """The fake server; ``api_base`` is what the adapter's ``[slack] api_base`` points at."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.workspaces: dict[str, Workspace] = {}
        self.admins: set[str] = set()
        self.usergroups: dict[str, tuple[str, list[str]]] = {}  # id -> (handle, members)
        self.oauth_codes: dict[str, dict[str, Any]] = {}  # code -> oauth.v2.access answer
        self.channel_ids: dict[str, str] = {}  # channel name -> id, as posts by name create them
        self.messages: dict[str, dict[str, Message]] = {}  # channel id -> ts -> message
        self._failures: dict[str, _Failure] = {}
        self.held: set[str] = set()  # methods that get no answer until the fake stops
        self._released = asyncio.Event()
        self._changed = asyncio.Condition()
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self.base_url = ""

    @property
    def api_base(self) -> str:
        """The Web API base URL."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str) -> str:
        """A response_url that records posts under ``name``."""
        return f"{self.base_url}/response/{name}"

    def fail(self, method: str, status: int, body: dict[str, Any] | str,
             headers: dict[str, str] | None = None, times: int = 1_000_000) -> None:
        """Answer ``method`` (or "response_url") with this status and body ``times`` times."""
        self._failures[method] = _Failure(status, body, headers or {}, times)

    def post(self, channel: str, text: str, user: str = "U0") -> str:
        """A message posted by someone else (a member); returns its ts."""
        ts = self._next_ts()
        self.messages.setdefault(self._channel_id(channel), {})[ts] = Message(ts, user, text, [])
        return ts

    def channel_messages(self, channel: str) -> list[Message]:
        """The messages of a channel (by id or name), oldest first."""
        return list(self.messages.get(self._channel_id(channel), {}).values())

    def called(self, method: str) -> list[Call]:
        """The calls of one method, in order."""
        return [c for c in self.calls if c.method == method]

    async def wait_for(
        self, predicate: Callable[[list[Call]], bool], seconds: float = 15.0
    ) -> list[Call]:
        """Wait until the recorded calls satisfy ``predicate``; fail the test on timeout."""
        async def _wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: predicate(self.calls))

        try:
            await asyncio.wait_for(_wait(), seconds)
        except TimeoutError:
            methods = [c.method for c in self.calls]
            raise AssertionError(f"the expected Slack calls never came; got {methods}") from None
        return self.calls

    async def wait_for_call(self, method: str, count: int = 1) -> Call:
        """Wait for the ``count``-th call of ``method`` and return it."""
        await self.wait_for(lambda calls: len([c for c in calls if c.method == method]) >= count)
        return self.called(method)[count - 1]

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        """Close sockets and stop listening."""
        self._released.set()
        for ws in self._sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _failure(self, method: str) -> web.Response | None:
        failure = self._failures.get(method)
        if failure is None or failure.times <= 0:
            return None
        failure.times -= 1
        if isinstance(failure.body, str):
            return web.Response(status=failure.status, text=failure.body, headers=failure.headers)
        return web.json_response(failure.body, status=failure.status, headers=failure.headers)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.method == "POST":
            params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
        authorization = request.headers.get("Authorization", "")
        if authorization.startswith("Basic "):  # oauth.v2.access: client id and secret
            user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            params.update(client_id=user, client_secret=password)
        bearer = authorization.removeprefix("Bearer ").strip() if "Bearer " in authorization else ""
        token = bearer or params.get("token") or None
        await self._record(Call(method, token, params))
        if method in self.held:
            await self._released.wait()
        failed = self._failure(method)
        if failed is not None:
            return failed
        answer = getattr(self, "_" + method.replace(".", "_"), None)
        body = answer(token, params) if answer is not None else {"ok": True}
        return web.json_response(body)

    async def _response_url(self, request: web.Request) -> web.Response:
        payload = await request.json()
        await self._record(Call("response_url", None, {"name": request.match_info["name"],
                                                       **payload}))
        return self._failure("response_url") or web.Response(text="ok")

    # --- Web API methods -------------------------------------------------------------------

    def _auth_test(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        workspace = self.workspaces.get(token or "")
        if workspace is None:
            return {"ok": False, "error": "invalid_auth"}
        return {
            "ok": True, "url": f"https://{workspace.team_name}.slack.com/",
            "team": workspace.team_name, "team_id": workspace.team_id,
            "user": "mentormeet", "user_id": workspace.bot_user_id, "bot_id": workspace.bot_id,
            "enterprise_id": workspace.enterprise_id, "is_enterprise_install": False,
        }

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _channel_id(self, channel: str) -> str:
        """An id as is; a name (``#meetups`` or ``meetups``) → its id, made up on first use."""
        if _CHANNEL_ID.match(channel):
            return channel
        name = channel.removeprefix("#")
        return self.channel_ids.setdefault(name, f"C{len(self.channel_ids) + 1:08d}")

    def _poster(self, token: str | None) -> str:
        workspace = self.workspaces.get(token or "")
        return workspace.bot_user_id if workspace is not None else f"bot-{token}"

    def _chat_postMessage(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel_id(str(params.get("channel")))
        ts = self._next_ts()
        message = Message(ts, self._poster(token), str(params.get("text") or ""),
                          _blocks(params.get("blocks")))
        self.messages.setdefault(channel, {})[ts] = message
        return {"ok": True, "channel": channel, "ts": ts}

    def _chat_update(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        if token is None:
            return {"ok": False, "error": "not_authed"}
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        if channel not in {*self.messages, *self.channel_ids.values()}:  # ids only, no names
            return {"ok": False, "error": "channel_not_found"}
        message = self.messages.get(channel, {}).get(ts)
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        if message.user != self._poster(token):
            return {"ok": False, "error": "cant_update_message"}
        message.text, message.blocks = str(params.get("text") or ""), _blocks(params.get("blocks"))
        return {"ok": True, "channel": channel, "ts": ts, "text": message.text}

    def _chat_postEphemeral(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": self._next_ts()}

    def _conversations_open(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": f"D{params.get('users')}"}}

    def _views_open(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "view": {"id": "V1"}}

    def _users_info(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        user = str(params.get("user"))
        return {"ok": True, "user": {"id": user, "is_admin": user in self.admins}}

    def _usergroups_list(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        groups = [{"id": gid, "handle": handle} for gid, (handle, _) in self.usergroups.items()]
        return {"ok": True, "usergroups": groups}

    def _usergroups_users_list(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        group = self.usergroups.get(str(params.get("usergroup")))
        if group is None:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": group[1]}

    def _oauth_v2_access(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        answer = self.oauth_codes.get(str(params.get("code")))
        return answer if answer is not None else {"ok": False, "error": "invalid_code"}

    def _apps_connections_open(self, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"{self.base_url.replace('http', 'ws', 1)}/socket"}

    def _files_getUploadURLExternal(self, token: str | None, params: dict[str, Any]) -> dict[
            str, Any]:
        file_id = f"F{next(self._ts)}"
        return {"ok": True, "file_id": file_id, "upload_url": f"{self.base_url}/upload/{file_id}"}

    def _files_completeUploadExternal(self, token: str | None, params: dict[str, Any]) -> dict[
            str, Any]:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files
        return {"ok": True, "files": files}

    async def _upload(self, request: web.Request) -> web.Response:
        data = await request.read()
        await self._record(Call("file_upload", None, {"file_id": request.match_info["file_id"],
                                                      "data": data}))
        return web.Response(text=f"OK - {len(data)}")

    # --- Socket Mode -----------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await self._record(Call("socket_connect", None, {}))
        await ws.send_json({"type": "hello", "num_connections": 1,
                            "connection_info": {"app_id": "A1"}})
        async for message in ws:
            if message.type is WSMsgType.TEXT:
                await self._record(Call("socket_ack", None, json.loads(message.data)))
        return ws

    async def socket_send(self, envelope: dict[str, Any]) -> None:
        """Push an envelope (a slash command, an interaction) to the connected bot."""
        await self.wait_for(lambda calls: any(c.method == "socket_connect" for c in calls))
        await self._sockets[-1].send_json(envelope)


def _blocks(value: Any) -> list[dict[str, Any]]:
    """Blocks sent as a JSON body field or JSON-encoded inside a form field."""
    blocks = json.loads(value) if isinstance(value, str) else value
    return list(blocks or [])
