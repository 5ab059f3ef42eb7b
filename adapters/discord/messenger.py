"""The Messenger port on Discord: DMs and channel posts, failures reported as the core expects."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Awaitable, Callable

import aiohttp
import discord

from adapters.discord.render import DiscordMessage, render
from bot.outbox import Outgoing, Recipient, SendResult, SendStatus
from bot.replies import Reply

log = logging.getLogger(__name__)

NONCE_LIMIT = 25  # Discord's longest message nonce
CANNOT_MESSAGE_USER = 50007  # "Cannot send messages to this user": DMs closed, or no shared server
NOT_CONNECTED = "Discord is not connected"

Destination = discord.TextChannel | discord.DMChannel | discord.PartialMessageable


def nonce_for(idempotency_key: str) -> str:
    """The message nonce for a key: the key itself when short enough, else a stable digest."""
    if 0 < len(idempotency_key) <= NONCE_LIMIT:
        return idempotency_key
    return hashlib.blake2b(idempotency_key.encode(), digest_size=12).hexdigest()


class UnknownDestination(Exception):
    """The recipient cannot be resolved to a Discord channel; retrying will not help."""


def _failure(exc: discord.HTTPException) -> SendResult:
    if exc.code == CANNOT_MESSAGE_USER:
        return SendResult(SendStatus.PERMANENT, reason="cannot send messages to this user")
    if isinstance(exc, discord.DiscordServerError) or exc.status >= 500 or exc.status == 429:
        return SendResult(SendStatus.TRANSIENT, reason=f"Discord error {exc.status}")
    # 4xx other than rate limits (unknown user/channel, missing access): retrying will not help.
    return SendResult(SendStatus.PERMANENT, reason=f"Discord refused: {exc.status} {exc.text}")


class DiscordMessenger:
    """Sends the core's messages through the client currently connected, if any."""

    def __init__(self) -> None:
        self._client: discord.Client | None = None

    def attach(self, client: discord.Client) -> None:
        """Send through ``client`` from now on."""
        self._client = client

    def detach(self, client: discord.Client) -> None:
        """Stop using ``client`` (shutdown); sends report TRANSIENT until one is attached again."""
        if self._client is client:
            self._client = None

    @property
    def connected(self) -> bool:
        """Whether a client is attached and its gateway session is ready."""
        client = self._client
        return client is not None and not client.is_closed() and client.is_ready()

    async def send(self, message: Outgoing) -> SendResult:
        """Deliver one message; a repeated idempotency key is dropped by Discord (enforce_nonce)."""
        key = message.idempotency_key
        nonce = nonce_for(key) if key else secrets.token_hex(12)  # no key: nothing to dedupe

        async def post(channel: Destination, rendered: DiscordMessage) -> str:
            sent = await channel.send(
                content=rendered.content,
                embeds=rendered.embeds,
                view=rendered.view_or_missing,
                files=rendered.files_or_missing,
                allowed_mentions=rendered.allowed_mentions,
                nonce=nonce,
            )
            return str(sent.id)

        return await self._deliver(message.recipient, message.reply, post)

    async def edit(
        self, recipient: Recipient, platform_message_id: str, reply: Reply
    ) -> SendResult:
        """Replace a message sent earlier (e.g. a meetup card's counts) — MessageEditor."""

        async def change(channel: Destination, rendered: DiscordMessage) -> str:
            if not platform_message_id.isdigit():
                raise UnknownDestination(f"{platform_message_id!r} is not a Discord message id")
            await channel.get_partial_message(int(platform_message_id)).edit(
                content=rendered.content,
                embeds=rendered.embeds,
                view=rendered.view,
                attachments=rendered.files_or_missing,
                allowed_mentions=rendered.allowed_mentions,
            )
            return platform_message_id

        return await self._deliver(recipient, reply, change)

    async def _deliver(
        self,
        recipient: Recipient,
        reply: Reply,
        action: Callable[[Destination, DiscordMessage], Awaitable[str]],
    ) -> SendResult:
        client = self._client
        if client is None or client.is_closed() or client.user is None:
            return SendResult(SendStatus.TRANSIENT, reason=NOT_CONNECTED)
        is_dm = recipient.member_external_id is not None
        rendered = render(reply, button_guild_id=recipient.community_external_id if is_dm else None)
        try:
            message_id = await action(await self._destination(client, recipient), rendered)
        except UnknownDestination as exc:
            return SendResult(SendStatus.PERMANENT, reason=str(exc))
        except discord.RateLimited as exc:
            return SendResult(SendStatus.TRANSIENT, reason=f"rate limited for {exc.retry_after:g}s")
        except discord.HTTPException as exc:
            return _failure(exc)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            return SendResult(SendStatus.TRANSIENT, reason=f"network error: {exc!r}")
        return SendResult(SendStatus.SENT, platform_message_id=message_id)

    async def _destination(self, client: discord.Client, recipient: Recipient) -> Destination:
        if recipient.member_external_id is not None:
            if not recipient.member_external_id.isdigit():
                raise UnknownDestination(f"{recipient.member_external_id!r} is not a Discord user")
            return await client.create_dm(discord.Object(id=int(recipient.member_external_id)))
        name = (recipient.channel or "").strip().lstrip("#")
        if name.isdigit():
            return client.get_partial_messageable(int(name))
        guild = (
            client.get_guild(int(recipient.community_external_id))
            if recipient.community_external_id.isdigit()
            else None
        )
        if guild is None:
            raise UnknownDestination(f"the bot is not in server {recipient.community_external_id}")
        found = discord.utils.find(
            lambda c: c.name.casefold() == name.casefold(), guild.text_channels
        )
        if found is None:
            raise UnknownDestination(f"there is no channel #{name} in {guild.name}")
        return found

