"""Builders for meetup, RSVP and delivery tests (storage contract, dispatcher, system tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.community import Community, Member, Platform
from bot.meetups.domain import Meetup, MeetupStatus, Rsvp, RsvpStatus
from bot.ports import UnitOfWorkFactory
from bot.reminders.domain import DeliveryKind, PlannedDelivery

T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def meetup_for(community: Community, organizer: Member | None, **fields: object) -> Meetup:
    """A scheduled one-off meetup a day after T0 unless ``fields`` say otherwise."""
    values: dict[str, object] = {
        "community_id": community.id,
        "organizer_id": organizer.id if organizer is not None else None,
        "status": MeetupStatus.SCHEDULED,
        "title": "Rust night 🦀",
        "description": "Bring a laptop",
        "location": "Room 1",
        "starts_at": T0 + timedelta(days=1),
        "timezone": "Europe/Berlin",
        "duration": timedelta(hours=2),
        "created_at": T0,
        "updated_at": T0,
    } | fields
    return Meetup(**values)  # type: ignore[arg-type]


def reminder(meetup: Meetup, member: Member | None, offset: timedelta = timedelta(hours=1),
             channel: str | None = None, **fields: object) -> PlannedDelivery:
    """A reminder ``offset`` before the meetup's start to a member (or a channel)."""
    values: dict[str, object] = {
        "community_id": meetup.community_id,
        "meetup_id": meetup.id,
        "kind": DeliveryKind.REMINDER,
        "occurrence_start": meetup.starts_at,
        "offset": offset,
        "member_id": member.id if member is not None else None,
        "channel": channel,
        "due_at": meetup.starts_at - offset,
        "expires_at": meetup.starts_at,
    } | fields
    return PlannedDelivery(**values)  # type: ignore[arg-type]


async def seed_meetup(
    uow: UnitOfWorkFactory, *names: str, platform: Platform = Platform.DISCORD,
    community_id: str = "guild", **fields: object,
) -> tuple[Community, list[Member], Meetup]:
    """A committed community with members (the first organizes) and one scheduled meetup."""
    async with uow() as work:
        community = await work.communities.get_or_create(platform, community_id, "Guild")
        members = [await work.members.get_or_create(community.id, n, n.title()) for n in names]
        meetup = await work.meetups.events.add(
            meetup_for(community, members[0] if members else None, **fields)
        )
        await work.commit()
    return community, members, meetup


async def rsvp(uow: UnitOfWorkFactory, meetup: Meetup, member: Member,
               status: RsvpStatus = RsvpStatus.GOING, at: datetime = T0) -> Rsvp:
    """Store one answer."""
    answer = Rsvp(meetup.community_id, meetup.id, member.id, status, at)
    async with uow() as work:
        await work.meetups.rsvps.put(answer)
        await work.commit()
    return answer
