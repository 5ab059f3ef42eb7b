"""Deliveries: one row per message the bot owes someone (a reminder or a notice), with state."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class DeliveryKind(StrEnum):
    """What a delivery is."""

    REMINDER = "reminder"  # "X starts in 1 hour", planned per offset before a session
    NOTICE = "notice"  # a change, cancellation, skip, move or waitlist promotion


class DeliveryStatus(StrEnum):
    """Where a delivery is; PENDING and LEASED are open, the rest are final."""

    PENDING = "pending"  # waiting for ``available_at``
    LEASED = "leased"  # claimed by a dispatcher until ``lease_expires_at``
    SENT = "sent"
    LATE = "late"  # sent, but later than the dispatcher's lateness allowance
    FAILED = "failed"  # a permanent failure, or the attempts ran out
    MISSED = "missed"  # its session had already started when it could be sent


OPEN = (DeliveryStatus.PENDING, DeliveryStatus.LEASED)
DONE = (DeliveryStatus.SENT, DeliveryStatus.LATE)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedDelivery:
    """A delivery to create; its natural key is unique, so planning twice is harmless.

    The key is (meetup, occurrence start, kind, offset, topic, recipient): ``offset`` is how long
    before the session a reminder goes out, ``topic`` tells notices apart (empty for reminders).
    The recipient is a member (DM), a channel, or a channel post mentioning a member (fallback).
    """

    community_id: int
    meetup_id: int
    kind: DeliveryKind
    occurrence_start: datetime
    offset: timedelta = timedelta(0)
    topic: str = ""
    member_id: int | None = None
    channel: str | None = None
    due_at: datetime
    expires_at: datetime
    payload: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.member_id is None and self.channel is None:
            raise ValueError("a delivery goes to a member, a channel, or both (a mention)")

    @property
    def recipient_key(self) -> str:
        """The recipient part of the natural key."""
        if self.channel is None:
            return f"member:{self.member_id}"
        if self.member_id is None:
            return f"channel:{self.channel}"
        return f"mention:{self.member_id}"

    @property
    def natural_key(self) -> tuple[int, datetime, str, int, str, str]:
        """The unique key (meetup, occurrence, kind, offset seconds, topic, recipient)."""
        return (
            self.meetup_id,
            self.occurrence_start,
            DeliveryKind(self.kind).value,
            int(self.offset.total_seconds()),
            self.topic,
            self.recipient_key,
        )

    @property
    def idempotency_key(self) -> str:
        """25 characters derived from the natural key (fits a Discord message nonce)."""
        meetup, start, kind, offset, topic, recipient = self.natural_key
        stamp = f"{start.timestamp():.0f}"
        text = f"{self.community_id}|{meetup}|{stamp}|{kind}|{offset}|{topic}|{recipient}"
        return "mm-" + hashlib.blake2b(text.encode(), digest_size=11).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Delivery(PlannedDelivery):
    """A stored delivery and where it stands."""

    id: int
    status: DeliveryStatus = DeliveryStatus.PENDING
    available_at: datetime  # when it may next be claimed (due time, retry time, lease expiry)
    attempts: int = 0
    lease_owner: str | None = None
    lease_expires_at: datetime | None = None
    sent_at: datetime | None = None
    platform_message_id: str | None = None
    last_error: str = ""
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one claimed delivery; PENDING means "try again at ``retry_at``"."""

    delivery_id: int
    status: DeliveryStatus
    at: datetime
    platform_message_id: str | None = None
    error: str = ""
    retry_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.status is DeliveryStatus.LEASED:
            raise ValueError("an outcome ends a lease")
        if (self.status is DeliveryStatus.PENDING) != (self.retry_at is not None):
            raise ValueError("a retry (PENDING) needs retry_at, and only a retry has one")
