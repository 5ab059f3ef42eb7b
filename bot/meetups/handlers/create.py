"""Use cases: preview a new meetup, then confirm (announce) or discard it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.meetups.announce import publish
from bot.meetups.commands import ConfirmMeetup, CreateMeetup, DiscardMeetup
from bot.meetups.domain import Meetup, MeetupStatus
from bot.meetups.drafting import DEFAULT_DURATION, DraftError, draft
from bot.meetups.planning import channel_of, offsets_of
from bot.meetups.service import (
    member_zone,
    not_found,
    organizers_only,
    policy_of,
    replan,
    ring,
    visible_meetup,
)
from bot.meetups.views import preview, safe, when_text
from bot.ports import UnitOfWork
from bot.replies import Reply, error
from bot.services import Services, member_of

NO_ZONE_NOTE = ("You have no timezone set, so I read the time in UTC. Set yours with "
                "/timezone Europe/Berlin (or add tz=... to the meetup).")


async def create_meetup(cmd: CreateMeetup, svc: Services) -> Reply:
    """Store a draft and show the organizer a preview with Confirm / Cancel."""
    if not cmd.actor.is_organizer:
        return organizers_only("create meetups")
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        cap = svc.meetups.max_created_per_day
        if await created_since(uow, community.id, member.id, now - timedelta(days=1)) >= cap:
            return error(f"You have created {cap} meetups in the last 24 hours, the most I "
                         "accept in a day. Nothing was created; try again tomorrow.")
        zone = await member_zone(uow, community.id, member.id)
        blank = Meetup(community_id=community.id, organizer_id=member.id, title="",
                       starts_at=now, timezone=zone, duration=DEFAULT_DURATION,
                       created_at=now, updated_at=now)
        try:
            drafted = draft(cmd.fields, blank, zone, now, is_new=True)
        except DraftError as exc:
            return error(str(exc))
        stored = await uow.meetups.events.add(drafted.meetup)
        await uow.commit()
    notes = drafted.notes
    if zone == "UTC" and not cmd.fields.timezone and stored.timezone == "UTC":
        notes = (*notes, NO_ZONE_NOTE)
    policy = policy_of(svc, community)
    return preview(stored, zone, now, offsets_of(stored, policy), channel_of(stored, policy),
                   notes)


async def confirm_meetup(cmd: ConfirmMeetup, svc: Services) -> Reply:
    """Announce a previewed meetup in the community's meetup channel."""
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        if meetup.status is not MeetupStatus.DRAFT:
            return error(f"Meetup #{meetup.id} is already {meetup.status.value}.")
        upcoming = meetup.next_occurrence(now)
        if upcoming is None or upcoming.starts_at <= now:
            return error(f"The start of #{meetup.id} has passed. Change it with /meetup edit "
                         f"{meetup.id} when=..., then confirm again.")
        policy = policy_of(svc, community)
        meetup = replace(meetup, status=MeetupStatus.SCHEDULED,
                         channel=channel_of(meetup, policy), updated_at=now)
        await uow.meetups.events.save(meetup)
        due = await replan(uow, svc, meetup, policy, now)
        await uow.commit()
    ring(svc, due)
    async with svc.uow() as uow:
        zone = await member_zone(uow, community.id, member.id)
    posted = await publish(svc, community, meetup.id)
    where = f"#{meetup.channel}"
    head = (f"Announced {safe(meetup.title, 200)} (#{meetup.id}) in {where}"
            if posted else f"Saved #{meetup.id}, but I couldn't post in {where} right now")
    return Reply(text=f"{head} for {when_text(meetup.starts_at, zone)}. Members answer with "
                      f"/rsvp {meetup.id} going|maybe|no.")


async def discard_meetup(cmd: DiscardMeetup, svc: Services) -> Reply:
    """Throw away a preview that was not confirmed."""
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member.id, for_update=True)
        if meetup is None:
            return not_found(cmd.meetup_id)
        if meetup.status is not MeetupStatus.DRAFT:
            return error(f"#{meetup.id} is already announced; to call it off use "
                         f"/meetup cancel {meetup.id}.")
        await uow.meetups.events.delete(community.id, meetup.id)
        await uow.commit()
    return Reply(text=f"Discarded the preview of {safe(meetup.title, 200)}. Nothing was announced.")


async def created_since(uow: UnitOfWork, community_id: int, organizer_id: int,
                        since: datetime) -> int:
    """Meetups (drafts, scheduled or cancelled) the organizer created after ``since``."""
    meetups = await uow.meetups.events.find(community_id, list(MeetupStatus))
    return sum(1 for m in meetups if m.organizer_id == organizer_id and m.created_at > since)
