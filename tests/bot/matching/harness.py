"""A community in memory driven by command lines, for the matching use-case tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache

from bot.clock import FakeClock
from bot.commandline import parse_command
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.errors import UsageError
from bot.matching.config import MatchingConfig
from bot.matching.sweeps import run_due, run_wishes
from bot.memory import make_memory_uow_factory
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.ports import UnitOfWorkFactory
from bot.replies import Reply, error
from bot.services import Services
from bot.taxonomy import Taxonomy

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@cache
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def everything(reply: Reply) -> str:
    """A reply's text, card texts and button commands, as one string to search."""
    parts = [reply.text]
    for card in reply.cards:
        parts += [card.title, card.description, card.footer]
        parts += [f"{f.name}: {f.value}" for f in card.fields]
    parts += [f"[{b.label} → {b.command}]" for b in reply.buttons]
    return "\n".join(parts)


class Harness:
    """Members typing commands in one community, with a fake clock and a recording messenger."""

    def __init__(
        self,
        config: MatchingConfig | None = None,
        uow_for: Callable[[FakeClock], UnitOfWorkFactory] = make_memory_uow_factory,
    ) -> None:
        self.clock = FakeClock(NOW)
        self.messenger = RecordingMessenger()
        self.svc = Services(
            uow=uow_for(self.clock), taxonomy=taxonomy(),
            parser=IntroParser(taxonomy()), clock=self.clock, messenger=self.messenger,
            matching=config or MatchingConfig(),
        )
        self.dispatcher = Dispatcher(self.svc)
        self._read = 0

    def actor(self, member: str, organizer: bool = False) -> Actor:
        return Actor(Platform.DISCORD, "guild", "Guild", member, member.title(), organizer)

    async def say(self, member: str, line: str, organizer: bool = False) -> Reply:
        """Run a command line as ``member``."""
        try:
            command = parse_command(line, self.actor(member, organizer))
        except UsageError as exc:
            return error(exc.message)
        return await self.dispatcher.handle(command)

    async def ok(self, member: str, line: str, organizer: bool = False) -> Reply:
        """Run a command line that must succeed."""
        reply = await self.say(member, line, organizer)
        assert not reply.is_error, everything(reply)
        return reply

    async def person(
        self,
        member: str,
        *,
        knows: str = "",
        learns: str = "",
        zone: str | None = "Europe/Berlin",
        mentor: bool = False,
        capacity: int | None = None,
    ) -> None:
        """Give a member a profile by explicit edits (no intro parsing involved)."""
        steps = []
        if knows:
            steps.append(f"add {knows}")
        if learns:
            steps.append(f"learn {learns}")
        if zone:
            steps.append(f"timezone {zone}")
        if mentor:
            steps.append("mentoring on")
        if capacity is not None:
            steps.append(f"capacity {capacity}")
        await self.ok(member, "/profile edit " + "; ".join(steps))

    def dms(self, member: str) -> list[Reply]:
        """Every direct message the member got so far."""
        return [m.reply for m in self.messenger.to(member)]

    def last_dm(self, member: str) -> str:
        """The text of the member's latest direct message."""
        sent = self.dms(member)
        assert sent, f"{member} got no direct message"
        return everything(sent[-1])

    async def community_id(self) -> int:
        """The id of the community everyone here belongs to."""
        async with self.svc.uow() as uow:
            community = await uow.communities.get_or_create(Platform.DISCORD, "guild", "Guild")
            await uow.commit()
        return community.id

    async def member_id(self, member: str) -> int:
        """A member's id."""
        community_id = await self.community_id()
        async with self.svc.uow() as uow:
            found = await uow.members.find(community_id, member)
        assert found is not None, member
        return found.id

    async def later(self, delta: timedelta) -> None:
        """Let time pass and run the background sweeps."""
        self.clock.advance(delta)
        await run_due(self.svc)
        await run_wishes(self.svc)
