"""The Slack messenger: the core's own messages as DMs (conversations.open) or channel posts.

A posted message's id is ``<channel id>:<ts>``; ``edit`` (chat.update, e.g. a meetup card's
counts) needs both, and falls back to the recipient's channel for an id that is only a ts.

Slack has no message nonce. The idempotency key is recorded in the message's ``metadata``
(``event_type: mentormeet_delivery``, ``event_payload.idempotency_key``), so a duplicate is
identifiable in Slack, and a key already delivered by this process is not posted again. A send
repeated by another process after a crash cannot be suppressed by Slack itself.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.api_errors import NETWORK_ERRORS
from adapters.slack.blocks import Renderer
from adapters.slack.files import dm_channel, upload
from bot.outbox import Outgoing, Recipient, SendResult, SendStatus
from bot.replies import Reply

log = logging.getLogger(__name__)

METADATA_EVENT = "mentormeet_delivery"
REMEMBERED_KEYS = 10_000
_TS = re.compile(r"^\d+\.\d+$")

PERMANENT_ERRORS = frozenset({
    "cannot_dm_bot", "user_not_found", "account_inactive", "channel_not_found", "not_in_channel",
    "is_archived", "user_disabled", "users_not_found", "invalid_auth", "not_authed",
    "token_revoked", "token_expired", "no_permission", "missing_scope", "restricted_action",
    "msg_too_long", "invalid_blocks", "too_many_attachments",
    "message_not_found", "cant_update_message", "edit_window_closed",
})
TRANSIENT_ERRORS = frozenset({
    "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable",
    "request_timeout", "team_added_to_org", "message_limit_exceeded",
})


class TokenSource(Protocol):
    """The bot token for a workspace (or an org-wide install's enterprise)."""

    async def bot_token(self, community: str) -> str | None:
        """The token, or None when the app is not installed there."""
        ...


class FixedToken:
    """Single-workspace mode: one bot token for every message."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def bot_token(self, community: str) -> str | None:
        """The configured token."""
        return self._token


ClientFactory = Callable[[str], AsyncWebClient]


class SlackMessenger:
    """Delivers outgoing messages on Slack; never raises for delivery problems."""

    def __init__(self, tokens: TokenSource, client_for: ClientFactory, renderer: Renderer) -> None:
        self._tokens = tokens
        self._client_for = client_for
        self._renderer = renderer
        self._delivered: OrderedDict[str, str] = OrderedDict()
        self._sending: OrderedDict[str, asyncio.Lock] = OrderedDict()

    async def send(self, message: Outgoing) -> SendResult:
        """Post the message; map Slack's answer to SENT, TRANSIENT or PERMANENT."""
        key = message.idempotency_key
        if key is None:
            return await self._send(message)
        lock = self._sending.setdefault(key, asyncio.Lock())
        self._sending.move_to_end(key)
        while len(self._sending) > REMEMBERED_KEYS:
            self._sending.popitem(last=False)
        async with lock:  # the same key sent twice at once is posted once
            if key in self._delivered:
                return SendResult(SendStatus.SENT, self._delivered[key], reason="duplicate")
            return await self._send(message)

    async def edit(
        self, recipient: Recipient, platform_message_id: str, reply: Reply
    ) -> SendResult:
        """Replace a message posted earlier with chat.update (MessageEditor); never raises."""
        channel, _, ts = platform_message_id.rpartition(":")
        if not _TS.match(ts):
            return SendResult(SendStatus.PERMANENT,
                              reason=f"{platform_message_id!r} is not a Slack message id")
        client = await self._client(recipient)
        if isinstance(client, SendResult):
            return client
        rendered = self._renderer.render(reply)
        try:
            channel = channel or await self._channel(client, recipient)
            response = await client.chat_update(
                channel=channel, ts=ts, text=rendered.text, blocks=rendered.blocks
            )
        except SlackApiError as exc:
            return _api_failure(exc)
        except NETWORK_ERRORS as exc:
            return SendResult(SendStatus.TRANSIENT, reason=f"network: {type(exc).__name__}")
        message_id = f"{response.get('channel') or channel}:{response.get('ts') or ts}"
        reason = "files are not re-sent by an edit" if reply.attachments else ""
        return SendResult(SendStatus.SENT, platform_message_id=message_id, reason=reason)

    async def _client(self, recipient: Recipient) -> AsyncWebClient | SendResult:
        """The workspace's Web API client, or the failure to report instead."""
        try:
            token = await self._tokens.bot_token(recipient.community_external_id)
        except Exception as exc:  # the installation store's database may be briefly unavailable
            log.warning("looking up the Slack token failed: %s", exc)
            return SendResult(SendStatus.TRANSIENT, reason="installation lookup failed")
        if token is None:
            reason = f"the Slack app is not installed in {recipient.community_external_id}"
            return SendResult(SendStatus.PERMANENT, reason=reason)
        return self._client_for(token)

    async def _send(self, message: Outgoing) -> SendResult:
        key = message.idempotency_key
        client = await self._client(message.recipient)
        if isinstance(client, SendResult):
            return client
        try:
            channel, ts = await self._post(client, message)
        except SlackApiError as exc:
            return _api_failure(exc)
        except NETWORK_ERRORS as exc:
            return SendResult(SendStatus.TRANSIENT, reason=f"network: {type(exc).__name__}")
        message_id = f"{channel}:{ts}"
        if key is not None:
            self._remember(key, message_id)
        problem = await upload(client, channel, message.reply.attachments)
        if problem:
            log.warning("message %s sent, but a file failed: %s", message_id, problem)
        reason = f"file not sent: {problem}" if problem else ""
        return SendResult(SendStatus.SENT, platform_message_id=message_id, reason=reason)

    async def _post(self, client: AsyncWebClient, message: Outgoing) -> tuple[str, str]:
        channel = await self._channel(client, message.recipient)
        rendered = self._renderer.render(message.reply)
        metadata = None
        if message.idempotency_key is not None:
            payload = {"idempotency_key": message.idempotency_key}
            metadata = {"event_type": METADATA_EVENT, "event_payload": payload}
        response = await client.chat_postMessage(
            channel=channel, text=rendered.text, blocks=rendered.blocks, metadata=metadata
        )
        return str(response.get("channel") or channel), str(response.get("ts") or "")

    @staticmethod
    async def _channel(client: AsyncWebClient, recipient: Recipient) -> str:
        """The member's DM conversation, else the recipient's channel."""
        if recipient.member_external_id is not None:
            return await dm_channel(client, recipient.member_external_id)
        return str(recipient.channel)

    def _remember(self, key: str, message_id: str) -> None:
        self._delivered[key] = message_id
        while len(self._delivered) > REMEMBERED_KEYS:
            self._delivered.popitem(last=False)


def _api_failure(exc: SlackApiError) -> SendResult:
    data = exc.response.data
    error = str(data.get("error") or "") if isinstance(data, dict) else ""
    status = exc.response.status_code
    if status == 429 or status >= 500 or error in TRANSIENT_ERRORS:
        retry = exc.response.headers.get("Retry-After") or exc.response.headers.get("retry-after")
        suffix = f" (retry after {retry}s)" if retry else ""
        return SendResult(SendStatus.TRANSIENT, reason=f"{error or status}{suffix}")
    if error not in PERMANENT_ERRORS:
        log.warning("unexpected Slack error %r treated as permanent", error)
    return SendResult(SendStatus.PERMANENT, reason=error or f"HTTP {status}")
