"""Tables of the meetups feature (registered on the shared metadata via storage/schema.py).

``deliveries`` is the source of truth for reminders and notices: one row per message owed, unique
per (meetup, occurrence start, kind, offset, topic, recipient). The dispatcher claims open rows
whose ``available_at`` has come (``ix_deliveries_claim``): due time while PENDING, retry time
after a transient failure, lease expiry while LEASED.

RSVPs and deliveries name their member ``attendee_id`` / ``recipient_member_id``; both cascade
when the member is deleted.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bot.meetups.domain import MeetupStatus, RsvpStatus
from bot.reminders.domain import DeliveryKind, DeliveryStatus
from storage.tables import metadata
from storage.types import UTCDateTime

__all__ = ["deliveries", "meetup_exceptions", "meetups", "metadata", "rsvps"]


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


meetups = Table(
    "meetups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "community_id", Integer, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False
    ),
    Column("organizer_id", Integer, ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("status", String(16), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("starts_at", UTCDateTime(), nullable=False),
    Column("timezone", Text, nullable=False),
    Column("duration_seconds", Integer, nullable=False),
    Column("capacity", Integer, nullable=True),
    Column("rrule", Text, nullable=True),
    Column("reminder_offsets", JSON, nullable=True),  # seconds; NULL = the community default
    Column("channel", Text, nullable=True),
    Column("announcement_id", Text, nullable=True),
    Column("revision", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("community_id", "id"),
    CheckConstraint(_one_of("status", tuple(MeetupStatus)), name="status"),
    CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
    CheckConstraint("duration_seconds > 0", name="duration"),
    Index("ix_meetups_community_status", "community_id", "status"),
    sqlite_autoincrement=True,
)

# A skipped session has no new_start; a moved one has its new start.
meetup_exceptions = Table(
    "meetup_exceptions",
    metadata,
    Column("meetup_id", Integer, primary_key=True),
    Column("original_start", UTCDateTime(), primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("new_start", UTCDateTime(), nullable=True),
    ForeignKeyConstraint(
        ["community_id", "meetup_id"], ["meetups.community_id", "meetups.id"], ondelete="CASCADE"
    ),
)

rsvps = Table(
    "rsvps",
    metadata,
    Column("meetup_id", Integer, primary_key=True),
    Column("attendee_id", Integer, primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("responded_at", UTCDateTime(), nullable=False),
    ForeignKeyConstraint(
        ["community_id", "meetup_id"], ["meetups.community_id", "meetups.id"], ondelete="CASCADE"
    ),
    ForeignKeyConstraint(
        ["community_id", "attendee_id"], ["members.community_id", "members.id"], ondelete="CASCADE"
    ),
    CheckConstraint(_one_of("status", tuple(RsvpStatus)), name="status"),
    Index("ix_rsvps_attendee", "community_id", "attendee_id"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("meetup_id", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("occurrence_start", UTCDateTime(), nullable=False),
    Column("offset_seconds", Integer, nullable=False),
    Column("topic", Text, nullable=False),
    Column("recipient_key", Text, nullable=False),
    Column("recipient_member_id", Integer, nullable=True),
    Column("channel", Text, nullable=True),
    Column("payload", JSON, nullable=False),
    Column("due_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("status", String(16), nullable=False),
    Column("available_at", UTCDateTime(), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("lease_owner", Text, nullable=True),
    Column("lease_expires_at", UTCDateTime(), nullable=True),
    Column("sent_at", UTCDateTime(), nullable=True),
    Column("platform_message_id", Text, nullable=True),
    Column("last_error", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    ForeignKeyConstraint(
        ["community_id", "meetup_id"], ["meetups.community_id", "meetups.id"], ondelete="CASCADE"
    ),
    ForeignKeyConstraint(
        ["community_id", "recipient_member_id"],
        ["members.community_id", "members.id"],
        ondelete="CASCADE",
    ),
    UniqueConstraint(
        "meetup_id", "occurrence_start", "kind", "offset_seconds", "topic", "recipient_key",
        name="uq_deliveries_natural_key",
    ),
    CheckConstraint(_one_of("kind", tuple(DeliveryKind)), name="kind"),
    CheckConstraint(_one_of("status", tuple(DeliveryStatus)), name="status"),
    CheckConstraint(
        "recipient_member_id IS NOT NULL OR channel IS NOT NULL", name="recipient"
    ),
    Index("ix_deliveries_claim", "status", "available_at"),
    Index("ix_deliveries_meetup", "community_id", "meetup_id", "status"),
    sqlite_autoincrement=True,
)
