"""A small in-memory community for meetup tests: typed command lines in, replies and sends out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import FakeClock
from bot.commandline import parse_command
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.meetups.composer import MeetupComposer
from bot.meetups.config import MeetupConfig, MeetupPolicy
from bot.memory import make_memory_uow_factory
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.reminders.config import DispatchConfig
from bot.reminders.dispatcher import DispatchReport, ReminderDispatcher
from bot.reminders.domain import Delivery
from bot.replies import Reply
from bot.services import Services
from bot.taxonomy import Taxonomy

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)  # Saturday 12:00 in Berlin
COMMUNITY = "guild"
ORGANIZERS = frozenset({"olga"})
_TAXONOMY = Taxonomy.load()


@dataclass
class Community:
    """Services plus helpers: ``say`` a command as a member, ``deliver`` due messages."""

    services: Services
    clock: FakeClock
    messenger: RecordingMessenger
    dispatcher: Dispatcher
    rings: list[datetime | None] = field(default_factory=list)

    def actor(self, name: str) -> Actor:
        """A member of the test community; ``olga`` is an organizer."""
        return Actor(Platform.DISCORD, COMMUNITY, "Guild", name, name.title(),
                     name in ORGANIZERS)

    async def say(self, name: str, line: str) -> Reply:
        """Run a command line as ``name``."""
        return await self.dispatcher.handle(parse_command(line, self.actor(name)))

    async def deliver(self, at: datetime | None = None) -> DispatchReport:
        """Move the clock to ``at`` (if given) and run the reminder dispatcher once."""
        if at is not None:
            self.clock.advance(at - self.clock.now())
        composer = MeetupComposer(self.services.uow, self.services.meetups, self.clock)
        dispatcher = ReminderDispatcher(self.services.uow, self.messenger, composer, self.clock,
                                        self.services.reminders, alarm=self.services.alarm,
                                        owner="test")
        return await dispatcher.run()

    async def deliveries(self, meetup_id: int) -> list[Delivery]:
        """Every delivery of a meetup."""
        async with self.services.uow() as uow:
            community = await uow.communities.get_or_create(Platform.DISCORD, COMMUNITY, "Guild")
            return await uow.meetups.deliveries.for_meetup(community.id, meetup_id)

    def texts(self, who: str) -> list[str]:
        """Texts sent to a member id or '#channel', in order."""
        return [m.reply.text for m in self.messenger.to(who)]


def make_community(policy: MeetupPolicy | None = None, now: datetime = NOW,
                   dispatch: DispatchConfig | None = None,
                   messenger: RecordingMessenger | None = None) -> Community:
    """A fresh community at ``now``."""
    clock = FakeClock(now)
    messenger = messenger or RecordingMessenger()
    config = MeetupConfig(default=policy or MeetupPolicy(channel_reminders=False))
    services = Services(
        uow=make_memory_uow_factory(clock), taxonomy=_TAXONOMY, parser=IntroParser(_TAXONOMY),
        clock=clock, messenger=messenger, meetups=config,
        reminders=dispatch or DispatchConfig(lease=timedelta(seconds=30)),
    )
    community = Community(services, clock, messenger, Dispatcher(services))
    services.alarm.attach(community.rings.append)
    return community


@pytest.fixture
async def town() -> Community:
    """A community whose organizer olga lives in Berlin; no channel reminders (tests opt in)."""
    return await berlin(make_community())


async def berlin(town: Community) -> Community:
    """The same community after olga set her timezone to Europe/Berlin."""
    reply = await town.say("olga", "/timezone Europe/Berlin")
    assert not reply.is_error, reply.text
    return town


def meetup_id_of(reply: Reply) -> int:
    """The meetup number on a preview's Confirm button."""
    confirm = next(b for b in reply.buttons if b.command.startswith("/meetup confirm"))
    return int(confirm.command.rsplit(" ", 1)[1])


async def announce(town: Community, options: str) -> int:
    """Create and confirm a meetup as the organizer; returns its id."""
    preview = await town.say("olga", f"/meetup create {options}")
    assert not preview.is_error, preview.text
    meetup_id = meetup_id_of(preview)
    confirmed = await town.say("olga", f"/meetup confirm {meetup_id}")
    assert not confirmed.is_error, confirmed.text
    return meetup_id
