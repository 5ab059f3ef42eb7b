"""Read-only questions adapters ask the core (to prefill a form, to autocomplete); no writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.community import Actor
from bot.meetups.domain import MeetupStatus
from bot.services import Services

MAX_SUGGESTED_MEETUPS = 25


async def current_intro(svc: Services, actor: Actor) -> str | None:
    """The member's stored introduction text, or None if they have none yet."""
    async with svc.uow() as uow:
        community = await uow.communities.get_or_create(
            actor.platform, actor.community_external_id, actor.community_name
        )
        member = await uow.members.find(community.id, actor.member_external_id)
        profile = await uow.profiles.get(community.id, member.id) if member else None
    return profile.raw_intro if profile is not None and profile.raw_intro.strip() else None


@dataclass(frozen=True, slots=True)
class MeetupChoice:
    """A meetup a member can pick: its id, title and next start (aware UTC)."""

    id: int
    title: str
    starts_at: datetime


async def upcoming_meetups(
    svc: Services, actor: Actor, typed: str = "", limit: int = MAX_SUGGESTED_MEETUPS
) -> list[MeetupChoice]:
    """Scheduled meetups of the actor's community that are not over, soonest first, whose id or
    title contains ``typed``."""
    now = svc.clock.now()
    key = typed.strip().lstrip("#").casefold()
    async with svc.uow() as uow:
        community = await uow.communities.get_or_create(
            actor.platform, actor.community_external_id, actor.community_name
        )
        found = await uow.meetups.events.find(community.id, (MeetupStatus.SCHEDULED,))
    choices = [
        MeetupChoice(m.id, m.title, session.starts_at)
        for m in found
        if (session := m.next_occurrence(now)) is not None
        and (not key or key in str(m.id) or key in m.title.casefold())
    ]
    return sorted(choices, key=lambda c: (c.starts_at, c.id))[:limit]
