"""Authorization in the core: members calling organizer-only commands are refused on every platform.

The platform only says whether the caller is an organizer (``Actor.is_organizer``); the check
itself is the core's, so it holds for every adapter.
"""

from __future__ import annotations

import pytest

from bot.domain.community import Platform
from tests.hardening.probes import organizer_lines, says_not_found, says_organizers_only
from tests.hardening.world import Ids, World, all_text, populate, two_communities

LINES_PER_PLATFORM = len(organizer_lines(Ids()))


@pytest.fixture
async def world() -> World:
    built, _ = await two_communities()
    for platform in Platform:
        built.platforms[platform.value] = platform
        await populate(built, platform.value)
    return built


@pytest.mark.parametrize("platform", list(Platform))
async def test_members_cannot_run_organizer_commands(world: World, platform: Platform) -> None:
    refused = 0
    ids = world.ids[platform.value]
    for line in organizer_lines(ids):
        before = world.snapshot()
        sent = len(world.messenger.sent)
        reply = await world.say(platform.value, "alice", line)
        assert reply.is_error, f"{platform} {line}: {reply.text}"
        # A draft is visible only to its organizer, so a member is told it does not exist.
        on_draft = line in (f"/meetup confirm {ids.draft}", f"/meetup discard {ids.draft}")
        refusal = says_not_found if on_draft else says_organizers_only
        assert refusal(reply.text), f"{line}: {reply.text}"
        assert world.snapshot() == before, f"{line} wrote to the store"
        assert len(world.messenger.sent) == sent
        refused += 1
    assert refused == LINES_PER_PLATFORM


async def test_the_organizer_can_run_them(world: World) -> None:
    ids = world.ids["a"]
    reply = await world.say("a", "olga", f"/meetup edit {ids.meetup} title=Renamed")
    assert not reply.is_error, reply.text
    assert "Renamed" in all_text(await world.say("a", "alice", f"/meetup info {ids.meetup}"))


async def test_an_organizer_elsewhere_is_a_member_here(world: World) -> None:
    # otto organizes community b; in community a he is only what a's platform says he is.
    world_actor = world.actor("a", "alice")
    assert not world_actor.is_organizer
    reply = await world.say("a", "otto", f"/meetup cancel {world.ids['b'].meetup} confirm")
    assert reply.is_error
