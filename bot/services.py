"""The dependencies every handler receives, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.clock import Clock
from bot.domain.community import Actor, Community, Member
from bot.limits import RateLimiter
from bot.matching.config import MatchingConfig
from bot.meetups.card_refresh import CardRefresher
from bot.meetups.config import MeetupConfig
from bot.metrics import Metrics, NullMetrics
from bot.outbox import Messenger
from bot.parsing import IntroParser
from bot.ports import UnitOfWork, UnitOfWorkFactory
from bot.reminders.alarm import Alarm
from bot.reminders.config import DispatchConfig
from bot.runtime import StopSignal
from bot.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits on member input."""

    intro_max_chars: int = 16_000


@dataclass(frozen=True, slots=True)
class Services:
    """Ports and pure components shared by the handlers."""

    uow: UnitOfWorkFactory
    taxonomy: Taxonomy
    parser: IntroParser
    clock: Clock
    messenger: Messenger
    limits: Limits = Limits()
    metrics: Metrics = field(default_factory=NullMetrics)
    meetups: MeetupConfig = field(default_factory=MeetupConfig)
    reminders: DispatchConfig = field(default_factory=DispatchConfig)
    alarm: Alarm = field(default_factory=Alarm)  # wakes the reminder dispatcher
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    matching_alarm: Alarm = field(default_factory=Alarm)  # wakes matching's due-work sweep
    rate_limiter: RateLimiter = field(default_factory=RateLimiter)  # off unless configured
    shutdown: StopSignal = field(default_factory=StopSignal)  # set when the bot begins to stop
    cards: CardRefresher = field(default_factory=CardRefresher)  # meetup card refreshes


async def community_of(uow: UnitOfWork, actor: Actor) -> Community:
    """The actor's community, created on first sight."""
    return await uow.communities.get_or_create(
        actor.platform, actor.community_external_id, actor.community_name
    )


async def member_of(uow: UnitOfWork, actor: Actor) -> tuple[Community, Member]:
    """The actor's community and member rows, created on first sight."""
    community = await community_of(uow, actor)
    member = await uow.members.get_or_create(
        community.id, actor.member_external_id, actor.display_name
    )
    return community, member


async def existing_member(uow: UnitOfWork, actor: Actor) -> tuple[Community, Member | None]:
    """The actor's community and member, without creating the member."""
    community = await community_of(uow, actor)
    return community, await uow.members.find(community.id, actor.member_external_id)


async def known_member(uow: UnitOfWork, actor: Actor) -> tuple[Community | None, Member | None]:
    """The actor's community and member if both exist; creates nothing (read-only units)."""
    community = await uow.communities.find(actor.platform, actor.community_external_id)
    if community is None:
        return None, None
    return community, await uow.members.find(community.id, actor.member_external_id)
