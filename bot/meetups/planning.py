"""Which deliveries a meetup owes: reminders per session, offset and member, and notices."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from bot.meetups.config import MeetupPolicy
from bot.meetups.domain import Meetup, Occurrence
from bot.reminders.domain import DeliveryKind, PlannedDelivery

NOTICE_LIFETIME = timedelta(days=2)


def offsets_of(meetup: Meetup, policy: MeetupPolicy) -> tuple[timedelta, ...]:
    """The meetup's own reminder offsets, else the community's."""
    return policy.reminder_offsets if meetup.reminder_offsets is None else meetup.reminder_offsets


def channel_of(meetup: Meetup, policy: MeetupPolicy) -> str:
    """The channel the meetup lives in."""
    return meetup.channel or policy.channel


def reminder_plans(
    meetup: Meetup,
    sessions: Sequence[Occurrence],
    member_ids: Iterable[int],
    policy: MeetupPolicy,
    now: datetime,
    *,
    with_channel: bool = True,
) -> list[PlannedDelivery]:
    """A DM per member, offset and session (plus channel posts), for reminders still ahead."""
    members = sorted(set(member_ids))
    channel = channel_of(meetup, policy) if with_channel and policy.channel_reminders else None
    plans: list[PlannedDelivery] = []
    for session in sessions:
        for offset in offsets_of(meetup, policy):
            due = session.starts_at - offset
            if due <= now:
                continue
            targets: list[tuple[int | None, str | None]] = [(m, None) for m in members]
            if channel is not None:
                targets.append((None, channel))
            plans += [
                PlannedDelivery(
                    community_id=meetup.community_id, meetup_id=meetup.id,
                    kind=DeliveryKind.REMINDER, occurrence_start=session.starts_at,
                    offset=offset, member_id=member_id, channel=to_channel, due_at=due,
                    expires_at=session.starts_at,
                )
                for member_id, to_channel in targets
            ]
    return plans

def notice_plans(
    meetup: Meetup,
    member_ids: Iterable[int],
    topic: str,
    payload: Mapping[str, str],
    session: Occurrence | None,
    now: datetime,
) -> list[PlannedDelivery]:
    """One DM per member about a change; it expires when the session it concerns ends."""
    start = session.starts_at if session is not None else meetup.starts_at
    expires = max(session.ends_at if session is not None else now, now) + NOTICE_LIFETIME
    return [
        PlannedDelivery(
            community_id=meetup.community_id, meetup_id=meetup.id, kind=DeliveryKind.NOTICE,
            occurrence_start=start, topic=topic, member_id=member_id, due_at=now,
            expires_at=expires, payload=dict(payload),
        )
        for member_id in sorted(set(member_ids))
    ]


def fallback_plan(
    delivery: PlannedDelivery, policy: MeetupPolicy, channel: str, now: datetime
) -> PlannedDelivery | None:
    """A channel post mentioning the member whose DM failed for good, if the community allows."""
    if not policy.fallback_to_channel or delivery.member_id is None or delivery.channel is not None:
        return None
    return PlannedDelivery(
        community_id=delivery.community_id, meetup_id=delivery.meetup_id, kind=delivery.kind,
        occurrence_start=delivery.occurrence_start, offset=delivery.offset, topic=delivery.topic,
        member_id=delivery.member_id, channel=channel, due_at=now,
        expires_at=delivery.expires_at, payload=dict(delivery.payload),
    )
