"""A mentor request end to end: /match suggests, the Ask button sends the mentor a DM through the
Discord messenger, and the mentor accepts with the DM's button (which knows its server)."""

from typing import Any

from tests.adapters.discord.conftest import ALICE, BOB, Bot
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import button_click, option, slash, subcommand
from tests.adapters.discord.fake_discord.server import FakeDiscord


def labelled(components: list[dict[str, Any]]) -> dict[str, str]:
    return {b["label"]: b["custom_id"] for row in components for b in row["components"]}


async def test_request_and_accept_through_dms(bot: Bot, fake: FakeDiscord) -> None:
    await fake.interact(slash("intro", [option(
        "text", "Staff engineer, 12 years of Rust and Go, happy to mentor on Rust")], BOB))
    on = await fake.interact(slash("mentor", [subcommand("on", [option("capacity", 2, 4)])], BOB))
    assert not on["data"]["content"].startswith("⚠️"), on
    await fake.interact(slash("intro", [option(
        "text", "Junior developer, 1 year of Python, learning Rust")], ALICE))

    found = await fake.interact(slash("match", [subcommand("find", [])], ALICE))
    assert found["data"]["flags"] == 64
    asks = [cid for cid in labelled(found["data"]["components"]).values()
            if cid.startswith("mm::/match request ")]
    assert asks, found
    shown = payloads.message(payloads.GENERAL_ID, found["data"])
    asked = await fake.interact(button_click(asks[0], shown, ALICE))
    assert not asked["data"]["content"].startswith("⚠️"), asked

    bob_dm = fake.dm_channel_of(BOB["user"]["id"])
    assert bob_dm is not None
    [request] = fake.messages[bob_dm]
    assert request["nonce"]  # sent with an idempotency key, enforced by Discord
    accept = next(cid for cid in labelled(request["components"]).values()
                  if "/match accept " in cid)
    assert accept.startswith(f"mm:{payloads.GUILD_ID}:/match accept ")
    accepted = await fake.interact(button_click(accept, request, dm_user=BOB["user"]))
    assert not accepted["data"]["content"].startswith("⚠️"), accepted
    alice_dm = fake.dm_channel_of(ALICE["user"]["id"])
    assert alice_dm is not None
    assert fake.messages[alice_dm]
