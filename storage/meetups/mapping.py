"""Conversions between meetup-feature rows and the frozen domain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import RowMapping

from bot.meetups.domain import Meetup, MeetupStatus, Move, Rsvp, RsvpStatus
from bot.reminders.domain import Delivery, DeliveryKind, DeliveryStatus, PlannedDelivery


def meetup_values(meetup: Meetup) -> dict[str, Any]:
    """The ``meetups`` row of a meetup (skips and moves live in ``meetup_exceptions``)."""
    offsets = meetup.reminder_offsets
    return {
        "community_id": meetup.community_id,
        "organizer_id": meetup.organizer_id,
        "status": MeetupStatus(meetup.status).value,
        "title": meetup.title,
        "description": meetup.description,
        "location": meetup.location,
        "starts_at": meetup.starts_at,
        "timezone": meetup.timezone,
        "duration_seconds": int(meetup.duration.total_seconds()),
        "capacity": meetup.capacity,
        "rrule": meetup.rrule,
        "reminder_offsets": None if offsets is None else [int(o.total_seconds()) for o in offsets],
        "channel": meetup.channel,
        "announcement_id": meetup.announcement_id,
        "revision": meetup.revision,
        "created_at": meetup.created_at,
        "updated_at": meetup.updated_at,
    }


def exception_values(meetup: Meetup) -> list[dict[str, Any]]:
    """One ``meetup_exceptions`` row per skipped or moved session."""
    rows = [
        {"meetup_id": meetup.id, "community_id": meetup.community_id,
         "original_start": start, "new_start": None}
        for start in sorted(meetup.skipped)
    ]
    rows += [
        {"meetup_id": meetup.id, "community_id": meetup.community_id,
         "original_start": move.original, "new_start": move.new_start}
        for move in meetup.moves
    ]
    return rows


def meetup_from_rows(row: RowMapping, exceptions: Iterable[RowMapping]) -> Meetup:
    """A Meetup from its row and its exception rows."""
    skipped = frozenset(e["original_start"] for e in exceptions if e["new_start"] is None)
    moves = tuple(
        sorted(
            (Move(e["original_start"], e["new_start"]) for e in exceptions
             if e["new_start"] is not None),
            key=lambda m: m.original,
        )
    )
    offsets = row["reminder_offsets"]
    return Meetup(
        id=row["id"],
        community_id=row["community_id"],
        organizer_id=row["organizer_id"],
        status=MeetupStatus(row["status"]),
        title=row["title"],
        description=row["description"],
        location=row["location"],
        starts_at=row["starts_at"],
        timezone=row["timezone"],
        duration=timedelta(seconds=row["duration_seconds"]),
        capacity=row["capacity"],
        rrule=row["rrule"],
        reminder_offsets=None if offsets is None else tuple(timedelta(seconds=s) for s in offsets),
        skipped=skipped,
        moves=moves,
        channel=row["channel"],
        announcement_id=row["announcement_id"],
        revision=row["revision"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def rsvp_from_row(row: RowMapping) -> Rsvp:
    """An Rsvp from an ``rsvps`` row."""
    return Rsvp(
        community_id=row["community_id"],
        meetup_id=row["meetup_id"],
        member_id=row["attendee_id"],
        status=RsvpStatus(row["status"]),
        responded_at=row["responded_at"],
    )


def delivery_values(plan: PlannedDelivery, created_at: Any) -> dict[str, Any]:
    """A new PENDING ``deliveries`` row for a planned delivery."""
    return {
        "community_id": plan.community_id,
        "meetup_id": plan.meetup_id,
        "kind": DeliveryKind(plan.kind).value,
        "occurrence_start": plan.occurrence_start,
        "offset_seconds": int(plan.offset.total_seconds()),
        "topic": plan.topic,
        "recipient_key": plan.recipient_key,
        "recipient_member_id": plan.member_id,
        "channel": plan.channel,
        "payload": dict(plan.payload),
        "due_at": plan.due_at,
        "expires_at": plan.expires_at,
        "status": DeliveryStatus.PENDING.value,
        "available_at": plan.due_at,
        "attempts": 0,
        "lease_owner": None,
        "lease_expires_at": None,
        "sent_at": None,
        "platform_message_id": None,
        "last_error": "",
        "created_at": created_at,
    }


def delivery_from_row(row: RowMapping) -> Delivery:
    """A Delivery from a ``deliveries`` row."""
    return Delivery(
        id=row["id"],
        community_id=row["community_id"],
        meetup_id=row["meetup_id"],
        kind=DeliveryKind(row["kind"]),
        occurrence_start=row["occurrence_start"],
        offset=timedelta(seconds=row["offset_seconds"]),
        topic=row["topic"],
        member_id=row["recipient_member_id"],
        channel=row["channel"],
        payload=dict(row["payload"]),
        due_at=row["due_at"],
        expires_at=row["expires_at"],
        status=DeliveryStatus(row["status"]),
        available_at=row["available_at"],
        attempts=row["attempts"],
        lease_owner=row["lease_owner"],
        lease_expires_at=row["lease_expires_at"],
        sent_at=row["sent_at"],
        platform_message_id=row["platform_message_id"],
        last_error=row["last_error"],
        created_at=row["created_at"],
    )
