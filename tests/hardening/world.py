"""Two in-memory communities with members, meetups and a mentorship, for hardening tests.

Community "a" and community "b" live in one store, so ids of one are valid numbers in the other.
``world.snapshot()`` is a full copy of the stored state, to check that an error wrote nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.clock import FakeClock
from bot.commandline import parse_command
from bot.commands import Command
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.memory import InMemoryStore, InMemoryUnitOfWork
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.replies import Reply
from bot.services import Services
from bot.taxonomy import Taxonomy

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
ORGANIZERS = frozenset({"olga", "otto"})
TAXONOMY = Taxonomy.load()
PARSER = IntroParser(TAXONOMY)


@dataclass
class Ids:
    """Ids of one community's objects, to be probed from the other community."""

    meetup: int = 0
    draft: int = 0
    series: int = 0
    mentor_member: int = 0
    request: int = 0
    pairing: int = 0


@dataclass
class World:
    """The store, services, dispatcher and the ids of each community's objects."""

    store: InMemoryStore
    services: Services
    dispatcher: Dispatcher
    messenger: RecordingMessenger
    ids: dict[str, Ids] = field(default_factory=dict)
    platforms: dict[str, Platform] = field(default_factory=dict)  # default: Discord

    def actor(self, community: str, name: str, platform: Platform = Platform.DISCORD) -> Actor:
        """A member of community ``community``; olga and otto are organizers."""
        return Actor(platform, community, f"Guild {community}", name, name.title(),
                     name in ORGANIZERS)

    async def say(self, community: str, name: str, line: str,
                  platform: Platform | None = None) -> Reply:
        """Parse and run a command line as ``name`` of ``community``."""
        chosen = platform or self.platforms.get(community, Platform.DISCORD)
        return await self.run(parse_command(line, self.actor(community, name, chosen)))

    async def run(self, command: Command) -> Reply:
        """Run a parsed command through the dispatcher."""
        return await self.dispatcher.handle(command)

    def snapshot(self) -> object:
        """A copy of everything stored, comparable with ``==``."""
        return self.store.state.copy()


def make_world(services: Services | None = None) -> tuple[World, FakeClock]:
    """An empty world at NOW (or around the given services' store)."""
    clock = FakeClock(NOW)
    store = InMemoryStore()
    messenger = RecordingMessenger()
    built = services or Services(
        uow=lambda *, read_only=False: InMemoryUnitOfWork(store, clock, read_only=read_only),
        taxonomy=TAXONOMY, parser=PARSER,
        clock=clock, messenger=messenger,
    )
    return World(store, built, Dispatcher(built), messenger), clock


async def _ok(world: World, community: str, name: str, line: str) -> Reply:
    reply = await world.say(community, name, line)
    assert not reply.is_error, f"{line}: {reply.text}"
    return reply


def _button(reply: Reply, prefix: str) -> int:
    for button in reply.buttons:
        if button.command.startswith(prefix):
            return int(button.command[len(prefix):].split()[0])
    found = re.search(r"#(\d+)", reply.text)
    assert found, f"no {prefix} in {reply.text}"
    return int(found.group(1))


async def populate(world: World, community: str) -> Ids:
    """Members with intros, a mentor, a pending mentor request, meetups, in ``community``."""
    ids = Ids()
    await _ok(world, community, "olga", "/timezone Europe/Berlin")
    await _ok(world, community, "alice",
              "/intro Backend developer, 5 years of Python, learning Rust and Kubernetes")
    await _ok(world, community, "mia",
              "/intro Rust and Kubernetes engineer for 10 years, happy to mentor on Rust")
    await _ok(world, community, "mia", "/mentor on 2 Rust, Kubernetes")
    found = await _ok(world, community, "alice", "/match Rust")
    ids.mentor_member = _button(found, "/match request ")
    await _ok(world, community, "alice", f"/match request {ids.mentor_member} Rust")
    ids.request = _button(await _ok(world, community, "alice", "/match status"), "/match cancel ")
    await _ok(world, community, "bob", "/intro Frontend developer learning Rust")
    await _ok(world, community, "bob", f"/match request {ids.mentor_member} Rust")
    bobs = _button(await _ok(world, community, "bob", "/match status"), "/match cancel ")
    accepted = await _ok(world, community, "mia", f"/match accept {bobs}")
    ids.pairing = _pairing(await _ok(world, community, "bob", "/match status"), accepted)
    title = f"Rust night {community.upper()}"
    preview = await _ok(world, community, "olga",
                        f'/meetup create title="{title}" when="next Tuesday 7pm" '
                        'where="Room 1" capacity=2')
    ids.meetup = _button(preview, "/meetup confirm ")
    await _ok(world, community, "olga", f"/meetup confirm {ids.meetup}")
    await _ok(world, community, "alice", f"/rsvp {ids.meetup} going")
    series = await _ok(world, community, "olga",
                       '/meetup create title="Weekly" when="next Thursday 18:00" '
                       'every="weekly on Thursday"')
    ids.series = _button(series, "/meetup confirm ")
    await _ok(world, community, "olga", f"/meetup confirm {ids.series}")
    draft = await _ok(world, community, "olga",
                      '/meetup create title="Draft" when="next Friday 18:00"')
    ids.draft = _button(draft, "/meetup confirm ")
    world.ids[community] = ids
    return ids


def _pairing(*replies: Reply) -> int:
    for reply in replies:
        for button in reply.buttons:
            found = re.match(r"/match (?:checkin|end|rate) (\d+)", button.command)
            if found:
                return int(found.group(1))
    raise AssertionError("no pairing in " + " | ".join(r.text for r in replies))


async def two_communities(services: Services | None = None) -> tuple[World, FakeClock]:
    """Communities "a" and "b", both populated the same way."""
    world, clock = make_world(services)
    await populate(world, "a")
    await populate(world, "b")
    return world, clock


def all_text(reply: Reply) -> str:
    """Every piece of text a reply shows: text, cards (title, fields, footer) and buttons."""
    parts = [reply.text]
    for card in reply.cards:
        parts += [card.title, card.description, card.footer]
        parts += [f"{item.name}: {item.value}" for item in card.fields]
    parts += [f"{button.label} {button.command}" for button in reply.buttons]
    return "\n".join(parts)
