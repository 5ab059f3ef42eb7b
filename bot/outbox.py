"""The messaging port: messages the core sends on its own (DMs, channel posts), not replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from bot.domain.community import Platform
from bot.replies import Reply


@dataclass(frozen=True, slots=True)
class Recipient:
    """A member (direct message) or a channel of one community, in platform terms."""

    platform: Platform
    community_external_id: str
    member_external_id: str | None = None
    channel: str | None = None
    display_name: str = ""

    def __post_init__(self) -> None:
        if (self.member_external_id is None) == (self.channel is None):
            raise ValueError("a recipient is either a member or a channel")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message to send; ``idempotency_key`` lets a platform drop a retried duplicate."""

    recipient: Recipient
    reply: Reply
    idempotency_key: str | None = None


class SendStatus(StrEnum):
    """How a send went."""

    SENT = "sent"
    TRANSIENT = "transient"  # try again later (network, rate limit, platform outage)
    PERMANENT = "permanent"  # will never work (DMs closed, member left)


@dataclass(frozen=True, slots=True)
class SendResult:
    """The outcome of one send."""

    status: SendStatus
    platform_message_id: str | None = None
    reason: str = ""


class Messenger(Protocol):
    """Delivers outgoing messages on the adapter's platform."""

    async def send(self, message: Outgoing) -> SendResult:
        """Send one message; never raises for delivery problems, reports them instead."""
        ...


@dataclass(slots=True)
class RecordingMessenger:
    """A fake messenger for tests: records every send; chosen recipients fail."""

    sent: list[Outgoing] = field(default_factory=list)
    permanent_failures: set[str] = field(default_factory=set)
    transient_failures: set[str] = field(default_factory=set)

    async def send(self, message: Outgoing) -> SendResult:
        """Record the message, or fail for configured member ids / channels."""
        who = message.recipient.member_external_id or f"#{message.recipient.channel}"
        if who in self.permanent_failures:
            return SendResult(SendStatus.PERMANENT, reason="recipient unreachable")
        if who in self.transient_failures:
            return SendResult(SendStatus.TRANSIENT, reason="temporarily unavailable")
        self.sent.append(message)
        return SendResult(SendStatus.SENT, platform_message_id=f"rec-{len(self.sent)}")

    def to(self, member_or_channel: str) -> list[Outgoing]:
        """Messages sent to one member id or '#channel'."""
        return [
            m for m in self.sent
            if (m.recipient.member_external_id or f"#{m.recipient.channel}") == member_or_channel
        ]
