"""The meetups feature's part of ``mentormeet export``: meetups, RSVPs and deliveries."""

from __future__ import annotations

from datetime import timedelta

from bot.export_records import ExportSections, JsonRecord, to_jsonable
from bot.meetups.domain import Meetup, MeetupStatus, Rsvp
from bot.meetups.ports import MeetupRepository, RsvpRepository
from bot.reminders.domain import Delivery
from bot.reminders.ports import DeliveryRepository


def _seconds(value: timedelta) -> float:
    return value.total_seconds()


def meetup_record(meetup: Meetup) -> JsonRecord:
    """A meetup's stored fields; durations in seconds."""
    offsets = meetup.reminder_offsets
    record: JsonRecord = to_jsonable({
        "id": meetup.id, "organizer_id": meetup.organizer_id, "status": meetup.status,
        "title": meetup.title, "description": meetup.description, "location": meetup.location,
        "starts_at": meetup.starts_at, "timezone": meetup.timezone,
        "duration_seconds": _seconds(meetup.duration), "capacity": meetup.capacity,
        "rrule": meetup.rrule,
        "reminder_offsets_seconds": None if offsets is None else [_seconds(o) for o in offsets],
        "skipped": sorted(meetup.skipped),
        "moves": [{"original": m.original, "new_start": m.new_start} for m in meetup.moves],
        "channel": meetup.channel, "announcement_id": meetup.announcement_id,
        "revision": meetup.revision, "created_at": meetup.created_at,
        "updated_at": meetup.updated_at,
    })
    return record


def rsvp_record(rsvp: Rsvp) -> JsonRecord:
    """One answer."""
    record: JsonRecord = to_jsonable(rsvp)
    return record


def delivery_record(delivery: Delivery) -> JsonRecord:
    """One delivery with its state; the offset in seconds."""
    fields = {name: getattr(delivery, name) for name in Delivery.__dataclass_fields__}
    fields["offset"] = _seconds(delivery.offset)
    fields["idempotency_key"] = delivery.idempotency_key
    record: JsonRecord = to_jsonable(fields)
    return record


async def export_meetups(
    events: MeetupRepository,
    rsvps: RsvpRepository,
    deliveries: DeliveryRepository,
    community_id: int,
) -> ExportSections:
    """``meetups``, ``rsvps`` and ``deliveries`` sections for one community."""
    meetups = await events.find(community_id, tuple(MeetupStatus))
    answers: list[JsonRecord] = []
    owed: list[JsonRecord] = []
    for meetup in meetups:
        answers += [rsvp_record(r) for r in await rsvps.for_meetup(community_id, meetup.id)]
        owed += [delivery_record(d) for d in await deliveries.for_meetup(community_id, meetup.id)]
    return {"meetups": [meetup_record(m) for m in meetups], "rsvps": answers,
            "deliveries": owed}
