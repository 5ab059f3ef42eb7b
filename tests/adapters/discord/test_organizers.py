"""Organizer status comes from Manage Events, Administrator, or the configured role."""

import pytest

from bot.commands import ShowHelp
from bot.replies import Reply
from bot.services import Services
from tests.adapters.discord.conftest import BotFactory
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import (
    MANAGE_EVENTS,
    MEMBER_PERMISSIONS,
    ORGANIZER_ROLE_ID,
    slash,
)
from tests.adapters.discord.fake_discord.server import FakeDiscord


async def who_asked(cmd: ShowHelp, svc: Services) -> Reply:
    actor = cmd.actor
    return Reply(text=f"{actor.display_name} organizer={actor.is_organizer} "
                      f"in {actor.community_external_id} ({actor.community_name})")


@pytest.mark.parametrize(
    ("role_setting", "roles", "permissions", "organizer"),
    [
        ("", (), MEMBER_PERMISSIONS, False),
        ("", (), MEMBER_PERMISSIONS | MANAGE_EVENTS, True),
        ("", (), 1 << 3, True),  # Administrator
        ("", (ORGANIZER_ROLE_ID,), MEMBER_PERMISSIONS, False),
        ("organizers", (ORGANIZER_ROLE_ID,), MEMBER_PERMISSIONS, True),
        (ORGANIZER_ROLE_ID, (ORGANIZER_ROLE_ID,), MEMBER_PERMISSIONS, True),
        ("Organizers", (), MEMBER_PERMISSIONS, False),
    ],
)
async def test_organizer_status_reaches_the_core(
    make_bot: BotFactory, fake: FakeDiscord, role_setting: str, roles: tuple[str, ...],
    permissions: int, organizer: bool,
) -> None:
    bot = make_bot(organizer_role=role_setting)
    bot.handlers[ShowHelp] = who_asked
    await bot.start()
    who = payloads.member("600000000000000009", "dana", nick="Dana", roles=roles,
                          permissions=permissions)
    body = await fake.interact(slash("help", [], who))
    assert body["data"]["content"] == (
        f"Dana organizer={organizer} in {payloads.GUILD_ID} (Rust & Coffee)"
    )
