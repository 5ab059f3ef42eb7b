"""Isolation and authorization probes through the Discord adapter (fake Discord gateway + HTTP).

Forged button clicks and slash commands name another guild's meetup, or an organizer action,
as a plain member: the core answers "not found" / "organizers only" and nothing changes.
"""

from __future__ import annotations

from typing import Any

from bot.ports import UnitOfWorkFactory
from tests.adapters.discord.conftest import (  # noqa: F401  (fixtures used by name)
    ALICE,
    Bot,
    bot,
    fake,
    make_bot,
    restore_endpoints,
    store,
)
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import option, slash, subcommand
from tests.adapters.discord.fake_discord.server import FakeDiscord
from tests.hardening.probes import says_not_found, says_organizers_only
from tests.support.meetups import seed_meetup


async def _content(discord: FakeDiscord, interaction: dict[str, Any]) -> str:
    body = await discord.interact(interaction)
    return str(body["data"].get("content") or "")


async def test_another_guilds_meetup_is_not_found_from_discord(
        bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory) -> None:  # noqa: F811
    _, _, other = await seed_meetup(store, "olga", "zed", community_id="another-guild")
    probes = [
        slash("meetup", [subcommand("info", [option("meetup", str(other.id))])], ALICE),
        slash("meetup", [subcommand("ics", [option("meetup", str(other.id))])], ALICE),
        slash("rsvp", [option("meetup", str(other.id)), option("answer", "going")], ALICE),
    ]
    for interaction in probes:
        text = await _content(fake, interaction)
        assert says_not_found(text), text
    async with store() as uow:
        assert await uow.meetups.rsvps.for_meetup(other.community_id, other.id) == []


async def test_a_member_cannot_run_organizer_actions_from_discord(
        bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory) -> None:  # noqa: F811
    _, _, own = await seed_meetup(store, "olga", community_id=payloads.GUILD_ID)
    probes = [
        slash("meetup", [subcommand("cancel", [option("meetup", str(own.id))])], ALICE),
        slash("match", [subcommand("round", [])], ALICE),
    ]
    for interaction in probes:
        text = await _content(fake, interaction)
        assert says_organizers_only(text), text
    async with store() as uow:
        stored = await uow.meetups.events.get(own.community_id, own.id)
    assert stored is not None
    assert stored.status is own.status
    assert stored.title == own.title
