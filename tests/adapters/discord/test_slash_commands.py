"""Slash commands through the real client: the exact callback JSON the bot sends."""

import json
from datetime import UTC, datetime

from bot.clock import FakeClock
from bot.commands import ShowHelp, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.memory import make_memory_uow_factory
from bot.replies import Reply, Visibility
from bot.services import Services
from tests.adapters.discord.conftest import ALICE, Bot, BotFactory
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import option, slash, subcommand
from tests.adapters.discord.fake_discord.server import FakeDiscord
from tests.adapters.discord.reference import message_json

FORGET_TEXT = "This deletes everything I store about you in this community. It cannot be undone."
WHAT = (
    "Your introduction text and the skill profile built from it; your profile edits; your "
    "mentoring settings, mentoring requests, pairings and check-in feedback and ratings "
    "(with anyone), your mentor search and skill alerts, and messages queued to or about you; "
    "your meetup RSVPs and reminder deliveries; and your member record in this community. "
    "Meetups and matching rounds you organised stay, without your name."
)


async def test_forget_answers_privately_with_a_card_and_persistent_buttons(
    bot: Bot, fake: FakeDiscord
) -> None:
    body = await fake.interact(slash("forget", [], ALICE))
    assert body == {"type": 4, "data": {
        "tts": False,
        "content": FORGET_TEXT,
        "embeds": [{"type": "rich", "flags": 0, "title": "What will be deleted",
                    "fields": [{"name": "Data", "value": WHAT, "inline": False}]}],
        "components": [{"type": 1, "components": [
            {"type": 2, "style": 4, "disabled": False, "label": "Delete everything",
             "custom_id": "mm::/forget confirm"},
            {"type": 2, "style": 2, "disabled": False, "label": "Keep my data",
             "custom_id": "mm::/forget cancel"},
        ]}],
        "flags": 64,
        "allowed_mentions": {"parse": []},
    }}


async def reference_reply(services: Services, command: SubmitIntro) -> Reply:
    """The same command on a fresh store: what the core answers, independent of Discord."""
    fresh = Services(make_memory_uow_factory(), services.taxonomy, services.parser,
                     FakeClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC)), services.messenger)
    return await Dispatcher(fresh).handle(command)


async def test_intro_echoing_everyone_pings_nobody(bot: Bot, fake: FakeDiscord) -> None:
    text = "@everyone hi! Backend engineer, 8 years of Python and Postgres, learning Rust @here"
    who = payloads.member("600000000000000003", "carol", nick="@everyone")
    body = await fake.interact(slash("intro", [option("text", text)], who))

    actor = Actor(Platform.DISCORD, payloads.GUILD_ID, "Rust & Coffee", "600000000000000003",
                  "@everyone")
    expected = await reference_reply(bot.services, SubmitIntro(actor=actor, text=text))
    assert body == {"type": 4, "data": message_json(expected, ephemeral=True)}
    assert body["data"]["allowed_mentions"] == {"parse": []}
    raw = json.dumps(body, ensure_ascii=False)
    assert "@everyone" not in raw
    assert "@here" not in raw
    assert body["data"]["embeds"][0]["title"] == "Profile of @\u200beveryone"


async def test_usage_errors_are_private_and_friendly(bot: Bot, fake: FakeDiscord) -> None:
    edit = subcommand("edit", [option("timezone", "Mars/Olympus_Mons")])
    body = await fake.interact(slash("profile", [edit], ALICE))
    data = body["data"]
    assert body["type"] == 4
    assert data["flags"] == 64
    assert data["content"].startswith("⚠️ 'Mars/Olympus_Mons' is not a timezone I know.")
    assert data["allowed_mentions"] == {"parse": []}


async def test_profile_edit_options_reach_the_core(bot: Bot, fake: FakeDiscord) -> None:
    edit = subcommand("edit", [option("add", "Rust, Go"), option("timezone", "Europe/Berlin"),
                               option("capacity", 2, kind=4)])
    body = await fake.interact(slash("profile", [edit], ALICE))
    assert body["data"]["content"] == "Saved your changes."
    fields = {f["name"]: f["value"] for f in body["data"]["embeds"][0]["fields"]}
    assert "Rust ✎" in fields["Languages"]
    assert "Go ✎" in fields["Languages"]
    assert fields["Timezone"] == "Europe/Berlin"
    shown = await fake.interact(slash("profile", [subcommand("show", [])], ALICE))
    assert shown["data"]["embeds"][0]["title"] == "Profile of alice"


async def test_public_replies_are_not_ephemeral(make_bot: BotFactory, fake: FakeDiscord) -> None:
    bot = make_bot()

    async def announce(cmd: ShowHelp, svc: Services) -> Reply:
        return Reply(text="Meetup tonight at 19:00!", visibility=Visibility.PUBLIC)

    bot.handlers[ShowHelp] = announce
    await bot.start()
    body = await fake.interact(slash("help", [], ALICE))
    assert body == {"type": 4, "data": {"tts": False, "content": "Meetup tonight at 19:00!",
                                        "embeds": [], "allowed_mentions": {"parse": []}}}


async def test_autocomplete_suggests_skills_and_timezones(bot: Bot, fake: FakeDiscord) -> None:
    typing = subcommand("edit", [option("add", "Rust, pyth", focused=True)])
    body = await fake.interact(payloads.autocomplete("profile", [typing], ALICE))
    assert body["type"] == 8
    assert body["data"]["choices"][0] == {"name": "Rust, Python", "value": "Rust, Python"}
    typing = subcommand("edit", [option("timezone", "berl", focused=True)])
    body = await fake.interact(payloads.autocomplete("profile", [typing], ALICE))
    assert body["data"]["choices"][0] == {"name": "Europe/Berlin", "value": "Europe/Berlin"}
