"""The hourly meetup sweep: plan reminders for sessions entering the horizon, fill freed seats
from waitlists, and delete previews nobody confirmed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.meetups.domain import MeetupStatus, RsvpStatus
from bot.meetups.handlers.rsvp import promote
from bot.meetups.planning import reminder_plans
from bot.meetups.service import add_plans, earliest, policy_of, ring, sessions_to_plan
from bot.meetups.waitlist import promotions
from bot.services import Services

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SweepReport:
    """What one sweep did."""

    meetups: int = 0
    drafts_deleted: int = 0
    promoted: int = 0
    next_due: datetime | None = None


async def sweep(svc: Services) -> SweepReport:
    """Run the sweep over every community with meetups; each community in its own unit."""
    report = SweepReport()
    async with svc.uow() as uow:
        ids = set(await uow.meetups.events.community_ids(MeetupStatus.SCHEDULED))
        ids |= set(await uow.meetups.events.community_ids(MeetupStatus.DRAFT))
    for community_id in sorted(ids):
        await _sweep_community(svc, community_id, report)
    ring(svc, report.next_due)
    if report.drafts_deleted or report.promoted:
        log.info("meetup sweep: %d drafts deleted, %d promoted from waitlists",
                 report.drafts_deleted, report.promoted)
    return report


async def _sweep_community(svc: Services, community_id: int, report: SweepReport) -> None:
    now = svc.clock.now()
    async with svc.uow() as uow:
        community = await uow.communities.get(community_id)
        if community is None:
            return
        policy = policy_of(svc, community)
        found = await uow.meetups.events.find(
            community_id, (MeetupStatus.SCHEDULED, MeetupStatus.DRAFT)
        )
        for listed in found:
            meetup = await uow.meetups.events.get(community_id, listed.id, for_update=True)
            if meetup is None:
                continue
            if meetup.status is MeetupStatus.DRAFT:
                if now - meetup.created_at > svc.meetups.draft_lifetime:
                    await uow.meetups.events.delete(community_id, meetup.id)
                    report.drafts_deleted += 1
                continue
            report.meetups += 1
            rsvps = await uow.meetups.rsvps.for_meetup(community_id, meetup.id)
            going = [r.member_id for r in rsvps if r.status is RsvpStatus.GOING]
            plans = reminder_plans(meetup, sessions_to_plan(meetup, svc, now), going, policy, now)
            due = await add_plans(uow, plans)
            moved_up = promotions(rsvps, meetup.capacity) if meetup.next_occurrence(now) else ()
            report.promoted += len(moved_up)
            due = earliest(due, await promote(uow, svc, meetup, policy, moved_up, now))
            report.next_due = earliest(report.next_due, due)
        await uow.commit()
