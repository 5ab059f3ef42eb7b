"""A fake Discord on 127.0.0.1: the REST endpoints the bot uses, and the gateway websocket."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.gateway import GatewaySession
from tests.adapters.discord.fake_discord.guilds import Roster

API = "/api/v10"
WAIT_SECONDS = 15.0  # a safety net against hangs, never a timing assertion
BODY = web.RequestKey("body", object)  # the parsed request body, read once by the middleware


@dataclass(frozen=True)
class Call:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    authorization: str | None


@dataclass
class Scripted:
    """A canned failure for the next request matching ``method`` and ``path``."""

    method: str
    path: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


async def _body(request: web.Request) -> Any:
    """A JSON body, or a multipart upload as its payload_json plus "files" (name and bytes)."""
    if not request.can_read_body:
        return None
    if not request.content_type.startswith("multipart/"):
        return await request.json()
    body: dict[str, Any] = {}
    files = []
    reader = await request.multipart()
    async for part in reader:
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "payload_json":
            body |= json.loads(await part.text())
        else:
            files.append({"filename": part.filename, "data": bytes(await part.read())})
    return body | {"files": files}


def reply(
    status: int = 200, body: Any = None, headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON response with Content-Type exactly "application/json", as discord.py requires."""
    if status == 204:
        return web.Response(status=204)
    return web.Response(status=status, body=json.dumps(body).encode(),
                        headers={"Content-Type": "application/json", **(headers or {})})


class FakeDiscord:
    """REST + gateway; records every call and every message, and can be told to fail."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.sessions: list[GatewaySession] = []
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.closed_dms: set[str] = set()
        self.scripted: list[Scripted] = []
        self.roster = Roster()  # fake.roster.leave(user_id) makes a member leave the server
        self._dm_channels: dict[str, str] = {}
        self._originals: dict[str, dict[str, Any]] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get(f"{API}/users/@me", self._me)
        app.router.add_get(f"{API}/oauth2/applications/@me", self._application)
        app.router.add_put(f"{API}/applications/{{app}}/commands", self._commands)
        app.router.add_put(f"{API}/applications/{{app}}/guilds/{{guild}}/commands", self._commands)
        app.router.add_post(f"{API}/interactions/{{iid}}/{{token}}/callback", self._callback)
        app.router.add_post(f"{API}/webhooks/{{app}}/{{token}}", self._followup)
        app.router.add_patch(f"{API}/webhooks/{{app}}/{{token}}/messages/@original", self._edit)
        app.router.add_delete(f"{API}/webhooks/{{app}}/{{token}}/messages/@original", self._delete)
        app.router.add_get(f"{API}/guilds/{{guild}}/members/{{user}}", self._member)
        app.router.add_post(f"{API}/users/@me/channels", self._open_dm)
        app.router.add_post(f"{API}/channels/{{channel}}/messages", self._post_message)
        app.router.add_patch(f"{API}/channels/{{channel}}/messages/{{message}}", self._edit_message)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        for session in self.sessions:
            await session.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """The value for [discord] api_base."""
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        """The value for [discord] gateway_url."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- what tests use -------------------------------------------------------------------

    def fail_next(self, method: str, path: str, status: int, body: dict[str, Any],
                  headers: dict[str, str] | None = None) -> None:
        """Answer the next ``method`` request with a path matching regex ``path`` with an error."""
        self.scripted.append(Scripted(method, re.compile(path), status, body, headers or {}))

    async def wait_for(self, matches: Callable[[Call], bool], after: int = 0) -> Call:
        """The first call (from index ``after``) that ``matches``, waiting for it if needed."""
        async def found() -> Call:
            async with self._changed:
                while True:
                    for call in self.calls[after:]:
                        if matches(call):
                            return call
                    await self._changed.wait()
        return await asyncio.wait_for(found(), WAIT_SECONDS)

    async def session(self, after: int = 0) -> GatewaySession:
        """The latest gateway session (number ``after`` or later), once identified or resumed."""
        def usable() -> bool:
            latest = self.sessions[-1] if len(self.sessions) > after else None
            return latest is not None and (latest.identified.is_set() or latest.resumed.is_set())

        async def ready() -> GatewaySession:
            async with self._changed:
                await self._changed.wait_for(usable)
                return self.sessions[-1]
        return await asyncio.wait_for(ready(), WAIT_SECONDS)

    async def interact(self, interaction: dict[str, Any]) -> dict[str, Any]:
        """Deliver INTERACTION_CREATE and return the JSON body of the bot's callback to it."""
        start = len(self.calls)
        self.roster.saw(interaction)
        await (await self.session()).dispatch("INTERACTION_CREATE", interaction)
        path = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        call = await self.wait_for(lambda c: c.path == path, after=start)
        assert isinstance(call.body, dict)
        return call.body

    def calls_to(self, method: str, pattern: str) -> list[Call]:
        """Recorded calls with ``method`` whose path matches the regex ``pattern``."""
        return [c for c in self.calls if c.method == method and re.fullmatch(pattern, c.path)]

    # --- plumbing -------------------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not request.path.startswith(API):
            return await handler(request)  # type: ignore[no-any-return]
        path = request.path[len(API):]
        body = await _body(request)
        request[BODY] = body
        call = Call(request.method, path, dict(request.query), body,
                    request.headers.get("Authorization"))
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        for canned in self.scripted:
            if canned.method == request.method and canned.path.fullmatch(path):
                self.scripted.remove(canned)
                return reply(canned.status, canned.body, canned.headers)
        needs_bot = not path.startswith(("/interactions/", "/webhooks/"))
        if needs_bot and call.authorization != f"Bot {payloads.TOKEN}":
            return reply(401, {"message": "401: Unauthorized", "code": 0})
        return await handler(request)  # type: ignore[no-any-return]

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        session = GatewaySession(socket, dict(request.query), self.gateway_url, self._notify)
        self.sessions.append(session)
        await session.serve()
        return socket

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _me(self, request: web.Request) -> web.Response:
        return reply(200, payloads.BOT_USER)

    async def _application(self, request: web.Request) -> web.Response:
        return reply(200, payloads.application())

    async def _commands(self, request: web.Request) -> web.Response:
        commands = [dict(command) for command in request[BODY]]  # the recorded call stays as sent
        for command in commands:
            command |= {"id": payloads.snowflake(), "application_id": payloads.APPLICATION_ID,
                        "version": payloads.snowflake(), "default_member_permissions": None}
            if "guild" in request.match_info:
                command["guild_id"] = request.match_info["guild"]
        return reply(200, commands)

    async def _callback(self, request: web.Request) -> web.Response:
        body = request[BODY]
        kind, data = body["type"], body.get("data") or {}
        answer: dict[str, Any] = {"interaction": {"id": request.match_info["iid"], "type": 2}}
        if kind in (4, 5):
            flags = (data.get("flags") or 0) | (128 if kind == 5 else 0)  # 128: "thinking…"
            message = payloads.message(payloads.GENERAL_ID, data | {"flags": flags})
            self._originals[request.match_info["token"]] = message
            answer["interaction"] |= {
                "response_message_id": message["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & 64),
            }
            answer["resource"] = {"type": kind, "message": message}
        return reply(200, answer)

    async def _followup(self, request: web.Request) -> web.Response:
        message = payloads.message(payloads.GENERAL_ID, request[BODY])
        return reply(200, message) if request.query.get("wait") in {"1", "true"} else reply(204)

    async def _edit(self, request: web.Request) -> web.Response:
        original = self._originals.get(request.match_info["token"])
        if original is None:
            return reply(404, {"message": "Unknown Message", "code": 10008})
        edited = payloads.message(original["channel_id"], request[BODY],
                                  message_id=original["id"])
        self._originals[request.match_info["token"]] = edited
        return reply(200, edited)

    async def _delete(self, request: web.Request) -> web.Response:
        if self._originals.pop(request.match_info["token"], None) is None:
            return reply(404, {"message": "Unknown Message", "code": 10008})
        return reply(204)

    async def _member(self, request: web.Request) -> web.Response:
        return reply(*self.roster.lookup(request.match_info["guild"], request.match_info["user"]))

    async def _open_dm(self, request: web.Request) -> web.Response:
        user_id = str(request[BODY]["recipient_id"])
        channel_id = self._dm_channels.setdefault(user_id, payloads.snowflake())
        return reply(200, {"id": channel_id, "type": 1, "last_message_id": None,
                           "recipients": [payloads.user(user_id, f"user-{user_id[-4:]}")]})

    async def _post_message(self, request: web.Request) -> web.Response:
        channel_id = request.match_info["channel"]
        body = request[BODY]
        recipient = next((u for u, c in self._dm_channels.items() if c == channel_id), None)
        if recipient in self.closed_dms:
            return reply(403, {"message": "Cannot send messages to this user", "code": 50007})
        stored = self.messages.setdefault(channel_id, [])
        if body.get("enforce_nonce") and body.get("nonce"):
            for earlier in stored:
                if earlier["nonce"] == body["nonce"]:
                    return reply(200, earlier)  # Discord returns the first message for the nonce
        message = payloads.message(channel_id, body)
        stored.append(message)
        return reply(200, message)

    async def _edit_message(self, request: web.Request) -> web.Response:
        stored = self.messages.get(request.match_info["channel"], [])
        for index, earlier in enumerate(stored):
            if earlier["id"] == request.match_info["message"]:
                stored[index] = payloads.message(earlier["channel_id"], earlier | request[BODY],
                                                 message_id=earlier["id"])
                return reply(200, stored[index])
        return reply(404, {"message": "Unknown Message", "code": 10008})

    def dm_channel_of(self, user_id: str) -> str | None:
        """The DM channel the bot opened with ``user_id``, if any."""
        return self._dm_channels.get(user_id)
