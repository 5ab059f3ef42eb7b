"""Use cases for organizers: edit, cancel, skip one session, move one session.

Every change re-plans the affected pending reminders and writes the notices to everyone who
answered in the same unit of work; the dispatcher sends them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.meetups.announce import publish
from bot.meetups.commands import CancelMeetup, EditMeetup, MoveSession, SkipSession
from bot.meetups.domain import Meetup, MeetupStatus, Occurrence, RsvpCounts
from bot.meetups.drafting import DraftError, draft
from bot.meetups.handlers.rsvp import promote
from bot.meetups.notices import CANCELLED, MOVED, SKIPPED, change_payload, session_payload
from bot.meetups.planning import channel_of, offsets_of
from bot.meetups.service import (
    ANSWERED,
    ATTENDING,
    earliest,
    member_zone,
    not_found,
    notify,
    organizers_only,
    policy_of,
    replan,
    ring,
    visible_meetup,
)
from bot.meetups.views import meetup_card, preview, safe, when_text
from bot.meetups.waitlist import promotions
from bot.meetups.when import WhenError, parse_day, parse_when
from bot.ports import UnitOfWork
from bot.replies import Button, ButtonStyle, Reply, error
from bot.services import Services, member_of


async def edit_meetup(cmd: EditMeetup, svc: Services) -> Reply:
    """Apply the changes, re-plan reminders, tell everyone who answered what changed."""
    if not cmd.actor.is_organizer:
        return organizers_only("change meetups")
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        if meetup.status is MeetupStatus.CANCELLED:
            return error(f"#{meetup.id} was cancelled; create a new meetup instead.")
        try:
            drafted = draft(cmd.fields, meetup, meetup.zone, now, is_new=False)
        except DraftError as exc:
            return error(f"{exc} Nothing was changed.")
        updated = replace(drafted.meetup, revision=meetup.revision + 1, updated_at=now)
        await uow.meetups.events.save(updated)
        policy = policy_of(svc, community)
        due = await replan(uow, svc, updated, policy, now)
        told = 0
        if updated.status is MeetupStatus.SCHEDULED:
            payload = change_payload(meetup, updated, now)
            if payload is not None:
                topic = f"changed:r{updated.revision}"
                session = updated.next_occurrence(now)
                due = earliest(due, await notify(uow, updated, ANSWERED, topic, payload,
                                                 session, now))
                told = await _answered(uow, updated)
            rsvps = await uow.meetups.rsvps.for_meetup(community.id, updated.id)
            due = earliest(due, await promote(uow, svc, updated, policy,
                                              promotions(rsvps, updated.capacity), now))
        zone = await member_zone(uow, community.id, member.id)
        await uow.commit()
    ring(svc, due)
    if updated.status is MeetupStatus.DRAFT:
        return preview(updated, zone, now, offsets_of(updated, policy),
                       channel_of(updated, policy), drafted.notes)
    await publish(svc, community, updated.id)
    text = f"Saved the changes to {safe(updated.title, 200)}."
    if told:
        text += f" I'm letting the {told} member{'s' if told != 1 else ''} who answered know."
    notes = "".join(f"\nNote: {n}" for n in drafted.notes)
    async with svc.uow() as uow:
        counts = (await uow.meetups.rsvps.counts(community.id, [updated.id])).get(updated.id)
    card = meetup_card(updated, counts or RsvpCounts(), zone, now)
    return Reply(text=text + notes, cards=(card,))


async def cancel_meetup(cmd: CancelMeetup, svc: Services) -> Reply:
    """Ask first; then cancel the meetup (or series), drop its reminders and tell attendees."""
    if not cmd.actor.is_organizer:
        return organizers_only("cancel meetups")
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        if meetup.status is MeetupStatus.CANCELLED:
            return error(f"#{meetup.id} is already cancelled.")
        if meetup.status is MeetupStatus.DRAFT:
            await uow.meetups.events.delete(community.id, meetup.id)
            await uow.commit()
            return Reply(text=f"Discarded the preview #{meetup.id}. Nothing was announced.")
        if not cmd.confirmed:
            what = "the whole series" if meetup.is_recurring else "it"
            return Reply(
                text=(f"Cancel {safe(meetup.title, 200)} (#{meetup.id})? This cancels {what} "
                      "and tells everyone who answered."),
                buttons=(
                    Button("Cancel the meetup", f"/meetup cancel {meetup.id} confirm",
                           ButtonStyle.DANGER),
                    Button("Keep it", f"/meetup info {meetup.id}"),
                ),
            )
        session = meetup.next_occurrence(now)
        cancelled = replace(meetup, status=MeetupStatus.CANCELLED,
                            revision=meetup.revision + 1, updated_at=now)
        await uow.meetups.events.save(cancelled)
        await replan(uow, svc, cancelled, policy_of(svc, community), now)
        start = session.starts_at if session is not None else meetup.starts_at
        due = await notify(uow, cancelled, ATTENDING, f"{CANCELLED}:r{cancelled.revision}",
                           session_payload(CANCELLED, start), session, now)
        await uow.commit()
    ring(svc, due)
    await publish(svc, community, cancelled.id)
    return Reply(text=f"Cancelled {safe(meetup.title, 200)} (#{meetup.id}). Everyone who "
                      "answered is being told.")


async def skip_session(cmd: SkipSession, svc: Services) -> Reply:
    """Skip one session of a series."""
    return await _change_session(cmd.actor.is_organizer, cmd, svc, None)


async def move_session(cmd: MoveSession, svc: Services) -> Reply:
    """Move one session of a series to another time."""
    return await _change_session(cmd.actor.is_organizer, cmd, svc, cmd.when)


async def _change_session(
    organizer: bool, cmd: SkipSession | MoveSession, svc: Services, when: str | None
) -> Reply:
    verb = "move" if when is not None else "skip"
    if not organizer:
        return organizers_only(f"{verb} sessions")
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        if meetup.status is not MeetupStatus.SCHEDULED or not meetup.is_recurring:
            return error(f"Only sessions of an announced series can be skipped or moved. For "
                         f"a single meetup use /meetup edit {meetup.id} when=... or "
                         f"/meetup cancel {meetup.id}.")
        try:
            session = _session_on(meetup, cmd.day, now)
            new_start = parse_when(when, meetup.zone, now).at if when is not None else None
        except (WhenError, LookupError) as exc:
            return error(str(exc))
        zone = await member_zone(uow, community.id, member.id)
        updated, due = await _apply(uow, svc, meetup, session, new_start, now)
        await uow.commit()
    ring(svc, due)
    await publish(svc, community, updated.id)
    old = when_text(session.starts_at, zone)
    if new_start is None:
        return Reply(text=f"Skipped the session of {old}. Everyone who answered is being told.")
    return Reply(text=f"Moved the session of {old} to {when_text(new_start, zone)}. "
                      "Everyone who answered is being told.")


def _session_on(meetup: Meetup, day_text: str, now: datetime) -> Occurrence:
    day = parse_day(day_text, meetup.zone, now)
    session = meetup.occurrence_on(day, now)
    if session is None:
        upcoming = "; ".join(when_text(o.starts_at, meetup.zone) for o in meetup.upcoming(now, 3))
        raise LookupError(f"#{meetup.id} has no upcoming session on {day:%a %d %b %Y}. "
                          f"Next ones: {upcoming or 'none'}.")
    if session.starts_at <= now:
        raise LookupError("That session has already started.")
    return session


async def _apply(
    uow: UnitOfWork, svc: Services, meetup: Meetup, session: Occurrence,
    new_start: datetime | None, now: datetime,
) -> tuple[Meetup, datetime | None]:
    revision = meetup.revision + 1
    if new_start is None:
        updated = meetup.with_skip(session.original)
        statuses, topic = ATTENDING, f"{SKIPPED}:r{revision}"
        payload = session_payload(SKIPPED, session.starts_at)
    else:
        updated = meetup.with_move(session.original, new_start)
        statuses, topic = ANSWERED, f"{MOVED}:r{revision}"
        payload = session_payload(MOVED, session.starts_at, new_start)
    updated = replace(updated, revision=revision, updated_at=now)
    await uow.meetups.events.save(updated)
    community = await uow.communities.get(meetup.community_id)
    assert community is not None
    due = await replan(uow, svc, updated, policy_of(svc, community), now)
    concerned = session if new_start is None else replace(session, starts_at=new_start,
                                                          ends_at=new_start + meetup.duration)
    told = await notify(uow, updated, statuses, topic, payload, concerned, now)
    return updated, earliest(due, told)


async def _answered(uow: UnitOfWork, meetup: Meetup) -> int:
    rsvps = await uow.meetups.rsvps.for_meetup(meetup.community_id, meetup.id)
    return sum(1 for r in rsvps if r.status in ANSWERED)
