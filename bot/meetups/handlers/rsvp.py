"""Use case: a member answers going / maybe / can't go (a capacity queues later "going")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.meetups.announce import publish
from bot.meetups.commands import AnswerRsvp
from bot.meetups.config import MeetupPolicy
from bot.meetups.domain import Meetup, MeetupStatus, Rsvp, RsvpStatus
from bot.meetups.notices import PROMOTED, session_payload
from bot.meetups.planning import notice_plans
from bot.meetups.service import (
    add_plans,
    earliest,
    member_zone,
    not_found,
    plan_members,
    policy_of,
    ring,
    visible_meetup,
)
from bot.meetups.views import safe, when_text
from bot.meetups.waitlist import RsvpChange, answer, waitlist_position
from bot.ports import UnitOfWork
from bot.replies import Button, Reply, error
from bot.services import Services, member_of


async def answer_rsvp(cmd: AnswerRsvp, svc: Services) -> Reply:
    """Record the answer, keep reminders in step with it, promote from the waitlist."""
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        refusal = _refusal(meetup, now)
        if refusal is not None:
            return error(refusal)
        rsvps = await uow.meetups.rsvps.for_meetup(community.id, meetup.id)
        change = answer(rsvps, Rsvp(community.id, meetup.id, member.id, cmd.answer, now),
                        meetup.capacity)
        due = await apply_change(uow, svc, meetup, policy_of(svc, community), change, now)
        position = waitlist_position([*(r for r in rsvps if r.member_id != member.id),
                                      change.rsvp], member.id)
        zone = await member_zone(uow, community.id, member.id)
        await uow.commit()
    ring(svc, due)
    if change.changed or change.promoted:
        await publish(svc, community, meetup.id)
    return _reply(meetup, change, position, zone, now)


async def apply_change(
    uow: UnitOfWork, svc: Services, meetup: Meetup, policy: MeetupPolicy, change: RsvpChange,
    now: datetime,
) -> datetime | None:
    """Store an answer and its promotions; plan or drop reminders in the same unit of work."""
    if change.changed:
        await uow.meetups.rsvps.put(change.rsvp)
    due = None
    if change.joined:
        due = await plan_members(uow, svc, meetup, policy, [change.rsvp.member_id], now)
    if change.left:
        await uow.meetups.deliveries.discard_pending(
            meetup.community_id, meetup.id, member_id=change.rsvp.member_id
        )
    return earliest(due, await promote(uow, svc, meetup, policy, change.promoted, now))


async def promote(
    uow: UnitOfWork, svc: Services, meetup: Meetup, policy: MeetupPolicy,
    promoted: Sequence[Rsvp], now: datetime,
) -> datetime | None:
    """Give waitlisted members their seats, plan their reminders and tell them."""
    if not promoted:
        return None
    for rsvp in promoted:
        await uow.meetups.rsvps.put(rsvp)
    members = [r.member_id for r in promoted]
    due = await plan_members(uow, svc, meetup, policy, members, now)
    session = meetup.next_occurrence(now)
    start = session.starts_at if session is not None else meetup.starts_at
    topic = f"{PROMOTED}:{int(now.timestamp() * 1000)}"
    notices = notice_plans(meetup, members, topic, session_payload(PROMOTED, start), session, now)
    return earliest(due, await add_plans(uow, notices))


def _refusal(meetup: Meetup, now: datetime) -> str | None:
    if meetup.status is MeetupStatus.DRAFT:
        return f"#{meetup.id} is still a preview: confirm it with /meetup confirm {meetup.id}."
    if meetup.status is MeetupStatus.CANCELLED:
        return f"{safe(meetup.title, 200)} (#{meetup.id}) was cancelled."
    if meetup.next_occurrence(now) is None:
        return f"{safe(meetup.title, 200)} (#{meetup.id}) is over."
    return None


def _reply(meetup: Meetup, change: RsvpChange, position: int | None, zone: str,
           now: datetime) -> Reply:
    title = safe(meetup.title, 200)
    session = meetup.next_occurrence(now)
    when = when_text(session.starts_at, zone, session.ends_at) if session else ""
    status = change.rsvp.status
    if status is RsvpStatus.GOING:
        text = f"You're going to {title} — {when}."
        if meetup.is_recurring:
            text += " That answer holds for every session of the series."
    elif status is RsvpStatus.WAITLISTED:
        text = (f"{title} is full, so you're #{position} on the waitlist. If a seat opens up "
                "you get it automatically and I'll tell you.")
    elif status is RsvpStatus.MAYBE:
        text = f"Noted: maybe for {title} ({when}). Reminders go to people who are going."
    else:
        text = f"Noted: you can't make it to {title}."
    if zone == "UTC" and status is not RsvpStatus.NO:
        text += " (Times in UTC; set your zone with /timezone Europe/Berlin.)"
    buttons = (
        Button("Details", f"/meetup info {meetup.id}"),
        Button("Add to calendar", f"/meetup ics {meetup.id}"),
    ) if status in (RsvpStatus.GOING, RsvpStatus.WAITLISTED) else ()
    return Reply(text=text, buttons=buttons)
