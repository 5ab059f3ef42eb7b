"""Steps the meetup handlers share: finding a meetup, member zones, planning deliveries."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime

from bot.domain.community import Community
from bot.meetups.config import MeetupPolicy
from bot.meetups.domain import Meetup, MeetupStatus, Occurrence, RsvpStatus
from bot.meetups.planning import notice_plans, reminder_plans
from bot.ports import UnitOfWork
from bot.reminders.domain import PlannedDelivery
from bot.replies import Reply, error
from bot.services import Services
from bot.timezones import resolve_timezone

ANSWERED: frozenset[RsvpStatus] = frozenset(RsvpStatus)
ATTENDING: frozenset[RsvpStatus] = ANSWERED - {RsvpStatus.NO}


def zone_or_utc(name: str | None) -> str:
    """A stored zone name checked against the zone database; UTC when unset or unknown."""
    return (resolve_timezone(name) if name else None) or "UTC"


async def member_zone(uow: UnitOfWork, community_id: int, member_id: int) -> str:
    """The zone a member sees times in: their profile's (explicit edit, else parsed), or UTC."""
    return zone_or_utc(await uow.profiles.timezone_of(community_id, member_id))


def policy_of(svc: Services, community: Community) -> MeetupPolicy:
    """The community's meetup policy."""
    return svc.meetups.policy(community.external_id)


async def visible_meetup(
    uow: UnitOfWork,
    community: Community,
    meetup_id: int,
    member_id: int | None,
    *,
    for_update: bool = False,
) -> Meetup | None:
    """The meetup if the member may see it: drafts only to their organizer."""
    meetup = await uow.meetups.events.get(community.id, meetup_id, for_update=for_update)
    if meetup is None:
        return None
    if meetup.status is MeetupStatus.DRAFT and meetup.organizer_id != member_id:
        return None
    return meetup


def not_found(meetup_id: int) -> Reply:
    """The reply for an unknown (or invisible) meetup number."""
    return error(f"There is no meetup #{meetup_id} here. /meetup list shows the upcoming ones.")


def organizers_only(what: str) -> Reply:
    """The reply when a non-organizer tries an organizer action."""
    return error(f"Only organizers can {what}. Ask one of your community's organizers.")


def sessions_to_plan(meetup: Meetup, svc: Services, now: datetime) -> list[Occurrence]:
    """Sessions starting within the planning horizon."""
    return meetup.occurrences(now, now + svc.meetups.plan_ahead)


async def add_plans(uow: UnitOfWork, plans: list[PlannedDelivery]) -> datetime | None:
    """Store the planned deliveries; returns the earliest due time among them."""
    if not plans:
        return None
    await uow.meetups.deliveries.add(plans)
    return min(p.due_at for p in plans)


async def plan_members(
    uow: UnitOfWork, svc: Services, meetup: Meetup, policy: MeetupPolicy,
    member_ids: Iterable[int], now: datetime,
) -> datetime | None:
    """Reminders for members who just got a seat."""
    plans = reminder_plans(
        meetup, sessions_to_plan(meetup, svc, now), member_ids, policy, now, with_channel=False
    )
    return await add_plans(uow, plans)


async def replan(
    uow: UnitOfWork, svc: Services, meetup: Meetup, policy: MeetupPolicy, now: datetime
) -> datetime | None:
    """Drop the meetup's pending reminders and plan them again from its current state."""
    await uow.meetups.deliveries.discard_pending(meetup.community_id, meetup.id)
    if meetup.status is not MeetupStatus.SCHEDULED:
        return None
    rsvps = await uow.meetups.rsvps.for_meetup(meetup.community_id, meetup.id)
    going = [r.member_id for r in rsvps if r.status is RsvpStatus.GOING]
    plans = reminder_plans(meetup, sessions_to_plan(meetup, svc, now), going, policy, now)
    return await add_plans(uow, plans)


async def notify(
    uow: UnitOfWork,
    meetup: Meetup,
    statuses: Collection[RsvpStatus],
    topic: str,
    payload: Mapping[str, str],
    session: Occurrence | None,
    now: datetime,
) -> datetime | None:
    """Tell every member whose answer is in ``statuses``; returns when (now) if anyone."""
    rsvps = await uow.meetups.rsvps.for_meetup(meetup.community_id, meetup.id)
    members = [r.member_id for r in rsvps if r.status in statuses]
    return await add_plans(uow, notice_plans(meetup, members, topic, payload, session, now))


def earliest(*times: datetime | None) -> datetime | None:
    """The earliest of the given times, ignoring None."""
    found = [t for t in times if t is not None]
    return min(found) if found else None


def ring(svc: Services, due: datetime | None) -> None:
    """Wake the dispatcher for the earliest new delivery (after the unit of work committed)."""
    if due is None:
        return
    svc.alarm.ring(None if due <= svc.clock.now() else due)
