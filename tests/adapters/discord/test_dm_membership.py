"""Buttons and forms in DMs act in their server only while the clicker is still a member of it:
the bot asks Discord (GET /guilds/{guild}/members/{user}) before running the command."""

from typing import Any

import pytest

from adapters.discord import membership
from bot.domain.community import Platform
from bot.matching.domain import RequestStatus
from bot.ports import UnitOfWork, UnitOfWorkFactory
from tests.adapters.discord.conftest import ALICE, BOB, Bot
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import (
    button_click,
    modal_submit,
    option,
    slash,
    subcommand,
)
from tests.adapters.discord.fake_discord.server import FakeDiscord

BOB_ID = BOB["user"]["id"]
LOOKUP = f"/guilds/{payloads.GUILD_ID}/members/{BOB_ID}"


def answer(content: str) -> dict[str, Any]:
    """The callback of a private text answer, exactly as the bot sends it."""
    return {"type": 4, "data": {
        "tts": False, "embeds": [], "flags": 64, "allowed_mentions": {"parse": []},
        "content": content,
    }}


GONE = answer("⚠️ You're no longer a member of Rust & Coffee, so this button no longer works.")
NO_ANSWER = answer("⚠️ Discord didn't answer; please try again in a moment.")


def dm_with(custom_id: str) -> dict[str, Any]:
    """A DM from the bot carrying one button."""
    return payloads.message("830000000000000001", {"components": [{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "Go", "custom_id": custom_id}]}]})


async def request_to_bob(fake: FakeDiscord) -> tuple[dict[str, Any], str]:
    """Alice asks Bob to mentor her: Bob's DM and the custom_id of its Accept button."""
    await fake.interact(slash("intro", [option(
        "text", "Staff engineer, 12 years of Rust and Go, happy to mentor on Rust")], BOB))
    await fake.interact(slash("mentor", [subcommand("on", [option("capacity", 2, 4)])], BOB))
    await fake.interact(slash("intro", [option(
        "text", "Junior developer, 1 year of Python, learning Rust")], ALICE))
    found = await fake.interact(slash("match", [subcommand("find", [])], ALICE))
    ask = next(b["custom_id"] for row in found["data"]["components"] for b in row["components"]
               if b["custom_id"].startswith("mm::/match request "))
    shown = payloads.message(payloads.GENERAL_ID, found["data"])
    await fake.interact(button_click(ask, shown, ALICE))
    [dm] = fake.messages[fake.dm_channel_of(BOB_ID) or ""]
    accept = next(b["custom_id"] for row in dm["components"] for b in row["components"]
                  if "/match accept " in b["custom_id"])
    assert accept.startswith(f"mm:{payloads.GUILD_ID}:/match accept ")
    return dm, accept


async def community_id(uow: UnitOfWork) -> int:
    """The store's id of the test server's community."""
    community = await uow.communities.find(Platform.DISCORD, payloads.GUILD_ID)
    assert community is not None
    assert community.id is not None
    return community.id


async def statuses(store: UnitOfWorkFactory) -> list[RequestStatus]:
    """The status of every mentor request in the test server, from the real store."""
    async with store() as uow:
        requests = await uow.matching.requests.for_community(await community_id(uow))
        return [r.status for r in requests]


async def test_a_member_still_in_the_server_accepts_from_the_dm(
    bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory
) -> None:
    dm, accept = await request_to_bob(fake)
    body = await fake.interact(button_click(accept, dm, dm_user=BOB["user"]))
    assert body == answer("You're now mentoring alice 🎉 I've introduced you both by DM.")
    # Only the DM click is checked: Alice's Ask button in the server was not.
    assert [c.path for c in fake.calls_to("GET", r"/guilds/.*")] == [LOOKUP]
    assert await statuses(store) == [RequestStatus.ACCEPTED]
    assert fake.dm_channel_of(ALICE["user"]["id"]) is not None


async def test_a_member_who_left_cannot_accept_from_the_dm(
    bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory
) -> None:
    dm, accept = await request_to_bob(fake)
    fake.roster.leave(BOB_ID)
    body = await fake.interact(button_click(accept, dm, dm_user=BOB["user"]))
    assert body == GONE
    assert len(fake.calls_to("GET", LOOKUP)) == 1
    assert await statuses(store) == [RequestStatus.OPEN]
    assert fake.dm_channel_of(ALICE["user"]["id"]) is None  # Alice was told nothing


async def bob_profile(store: UnitOfWorkFactory) -> object:
    """Bob's profile in the test server, from the real store."""
    async with store() as uow:
        community = await community_id(uow)
        member = await uow.members.find(community, BOB_ID)
        assert member is not None
        assert member.id is not None
        return await uow.profiles.get(community, member.id)


async def test_a_member_who_left_cannot_use_forms_from_the_dm(
    bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory
) -> None:
    await request_to_bob(fake)
    before = await bob_profile(store)
    fake.roster.leave(BOB_ID)
    edit = f"mm:{payloads.GUILD_ID}:/profile edit"
    assert await fake.interact(button_click(edit, dm_with(edit), dm_user=BOB["user"])) == GONE
    submitted = modal_submit(f"mm-modal:profile-edit:{payloads.GUILD_ID}", {"add": "Haskell"},
                             dm_user=BOB["user"])
    assert await fake.interact(submitted) == GONE
    assert len(fake.calls_to("GET", LOOKUP)) == 2
    assert await bob_profile(store) == before


async def test_a_server_the_bot_left_is_refused(bot: Bot, fake: FakeDiscord) -> None:
    theirs = "mm:800000000000000099:/profile"  # a server Discord no longer knows (10004)
    body = await fake.interact(button_click(theirs, dm_with(theirs), dm_user=ALICE["user"]))
    assert body == answer(
        "⚠️ You're no longer a member of that server, so this button no longer works."
    )
    fake.roster.join(ALICE)
    alice = f"/guilds/{payloads.GUILD_ID}/members/{ALICE['user']['id']}"
    fake.fail_next("GET", alice, 403, {"message": "Missing Access", "code": 50001})
    mine = f"mm:{payloads.GUILD_ID}:/profile"
    assert await fake.interact(button_click(mine, dm_with(mine), dm_user=ALICE["user"])) == GONE
    assert fake.scripted == []  # the 403, not a missing member, refused the click


@pytest.mark.parametrize(("status", "failures"), [(500, 5), (503, 1)])
async def test_when_discord_does_not_answer_nothing_runs(
    bot: Bot, fake: FakeDiscord, store: UnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch,
    status: int, failures: int,
) -> None:
    monkeypatch.setattr(membership, "LOOKUP_SECONDS", 0.3)  # discord.py retries a 500 after 1s
    dm, accept = await request_to_bob(fake)
    for _ in range(failures):
        fake.fail_next("GET", LOOKUP, status, {"message": "Internal Server Error", "code": 0})
    body = await fake.interact(button_click(accept, dm, dm_user=BOB["user"]))
    assert body == NO_ANSWER
    assert await statuses(store) == [RequestStatus.OPEN]
    fake.scripted.clear()  # Discord is back: the same button works
    again = await fake.interact(button_click(accept, dm, dm_user=BOB["user"]))
    assert again == answer("You're now mentoring alice 🎉 I've introduced you both by DM.")
    assert await statuses(store) == [RequestStatus.ACCEPTED]
