"""The fake gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, zlib-stream."""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.adapters.discord.fake_discord import payloads

HEARTBEAT_INTERVAL_MS = 41_250
SESSION_ID = "fake-session-1"


@dataclass
class GatewaySession:
    """One websocket connection from the bot."""

    socket: web.WebSocketResponse
    query: dict[str, str]
    resume_url: str
    on_ready: Callable[[], Awaitable[None]]
    received: list[dict[str, Any]] = field(default_factory=list)
    sequence: int = 0
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    resumed: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        # One compression context for the whole connection, flushed per message: zlib-stream.
        self._compressor = zlib.compressobj()

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        """Send one payload, compressed as a zlib-stream fragment ending in Z_SYNC_FLUSH."""
        body: dict[str, Any] = {"op": op, "d": data, "s": None, "t": event}
        if op == 0:
            self.sequence += 1
            body["s"] = self.sequence
        raw = json.dumps(body).encode()
        chunk = self._compressor.compress(raw) + self._compressor.flush(zlib.Z_SYNC_FLUSH)
        await self.socket.send_bytes(chunk)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH event (op 0)."""
        await self.send(0, data, event)

    def ops(self, op: int) -> list[dict[str, Any]]:
        """Payloads the bot sent with opcode ``op``."""
        return [p for p in self.received if p.get("op") == op]

    async def _on_payload(self, payload: dict[str, Any]) -> None:
        self.received.append(payload)
        op = payload.get("op")
        if op == 1:  # HEARTBEAT
            await self.send(11, None)
        elif op == 2:  # IDENTIFY
            if payload["d"].get("token") != payloads.TOKEN:
                await self.socket.close(code=4004, message=b"Authentication failed")
                return
            await self.dispatch("READY", {
                "v": 10, "user": payloads.BOT_USER, "session_id": SESSION_ID,
                "resume_gateway_url": self.resume_url, "guilds": [
                    {"id": payloads.GUILD_ID, "unavailable": True}
                ],
                "application": {"id": payloads.APPLICATION_ID, "flags": 0},
                "private_channels": [], "relationships": [],
            })
            await self.dispatch("GUILD_CREATE", payloads.guild())
            self.identified.set()
            await self.on_ready()
        elif op == 6:  # RESUME
            self.sequence = int(payload["d"].get("seq") or 0)
            await self.dispatch("RESUMED", {})
            self.resumed.set()
            await self.on_ready()

    async def serve(self) -> None:
        """Say HELLO, then answer the bot until it disconnects."""
        await self.send(10, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS})
        async for message in self.socket:
            if message.type is WSMsgType.TEXT:
                await self._on_payload(json.loads(message.data))
            elif message.type is WSMsgType.BINARY:
                await self._on_payload(json.loads(zlib.decompress(message.data)))
            elif message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                break
