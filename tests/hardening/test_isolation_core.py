"""Isolation through the core: a member of one community cannot reach another's objects by id.

Both communities share one store, so every id probed is a real object — just not theirs.
"""

from __future__ import annotations

import pytest

from bot.domain.community import Platform
from tests.hardening.probes import foreign_probes, says_not_found
from tests.hardening.world import Ids, World, all_text, two_communities

PROBES_PER_DIRECTION = len(foreign_probes(Ids()))


@pytest.fixture
async def world() -> World:
    built, _ = await two_communities()
    return built


async def _probe_all(world: World, caller: str, target: str,
                     platform: Platform = Platform.DISCORD) -> int:
    probed = 0
    for name, line in foreign_probes(world.ids[target]):
        before = world.snapshot()
        sent = len(world.messenger.sent)
        reply = await world.say(caller, name, line, platform)
        assert reply.is_error, f"{line}: {reply.text}"
        assert says_not_found(reply.text), f"{line}: {reply.text}"
        assert "Rust night " + target.upper() not in reply.text
        assert world.snapshot() == before, f"{line} wrote to the store"
        assert len(world.messenger.sent) == sent, f"{line} sent a message"
        probed += 1
    return probed


async def test_community_a_cannot_reach_b(world: World) -> None:
    assert await _probe_all(world, "a", "b") == PROBES_PER_DIRECTION


async def test_community_b_cannot_reach_a(world: World) -> None:
    assert await _probe_all(world, "b", "a") == PROBES_PER_DIRECTION


async def test_same_external_id_on_another_platform_is_another_community(world: World) -> None:
    # Slack workspace "b" is not Discord guild "b".
    assert await _probe_all(world, "b", "b", Platform.SLACK) == PROBES_PER_DIRECTION


async def test_listings_show_only_own_community(world: World) -> None:
    listing = all_text(await world.say("a", "alice", "/meetup list"))
    assert "Rust night A" in listing
    assert "Rust night B" not in listing
    await world.say("a", "carol", "/intro Data engineer learning Rust")
    found = await world.say("a", "carol", "/match Rust")
    commands = {button.command.split(" ")[:3][-1] for button in found.buttons
                if button.command.startswith("/match request ")}
    assert commands == {str(world.ids["a"].mentor_member)}
