"""Discord's 3-second deadline: slow answers are deferred, then followed up; shutdown waits."""

import asyncio

from bot.commands import ShowHelp
from bot.replies import Reply, Visibility
from bot.services import Services
from tests.adapters.discord.conftest import ALICE, BotFactory
from tests.adapters.discord.fake_discord.payloads import slash
from tests.adapters.discord.fake_discord.server import FakeDiscord

ORIGINAL = r"/webhooks/\d+/[\w-]+/messages/@original"


def slow_help(released: asyncio.Event, reply: Reply):  # type: ignore[no-untyped-def]
    async def handler(cmd: ShowHelp, svc: Services) -> Reply:
        await released.wait()
        return reply

    return handler


async def test_slow_answers_are_deferred_then_edited_in(
    make_bot: BotFactory, fake: FakeDiscord
) -> None:
    released = asyncio.Event()
    bot = make_bot(defer_after_seconds=0)
    bot.handlers[ShowHelp] = slow_help(released, Reply(text="Here is the slow answer."))
    await bot.start()
    deferred = await fake.interact(slash("help", [], ALICE))
    assert deferred == {"type": 5, "data": {"flags": 64}}
    released.set()
    edit = await fake.wait_for(lambda c: c.method == "PATCH")
    assert edit.body == {"content": "Here is the slow answer.", "embeds": [], "components": [],
                         "tts": False, "allowed_mentions": {"parse": []}}


async def test_a_slow_public_answer_replaces_the_private_placeholder(
    make_bot: BotFactory, fake: FakeDiscord
) -> None:
    released = asyncio.Event()
    bot = make_bot(defer_after_seconds=0)
    announcement = Reply(text="New meetup: Rust & Coffee", visibility=Visibility.PUBLIC)
    bot.handlers[ShowHelp] = slow_help(released, announcement)
    await bot.start()
    assert (await fake.interact(slash("help", [], ALICE)))["type"] == 5
    released.set()
    followup = await fake.wait_for(lambda c: c.method == "POST" and c.path.startswith("/webhooks/"))
    assert followup.body == {"content": "New meetup: Rust & Coffee", "embeds": [], "tts": False,
                             "allowed_mentions": {"parse": []}}
    assert [c.method for c in fake.calls if c.path.startswith("/webhooks/")] == ["DELETE", "POST"]


async def test_a_429_on_the_callback_is_retried(make_bot: BotFactory, fake: FakeDiscord) -> None:
    await make_bot().start()
    fake.fail_next("POST", r"/interactions/.*/callback", 429,
                   {"message": "You are being rate limited.", "retry_after": 0.01,
                    "global": False}, {"Via": "1.1 google"})
    interaction = slash("forget", [], ALICE)
    await fake.interact(interaction)
    path = f"/interactions/{interaction['id']}/{interaction['token']}/callback"
    await fake.wait_for(lambda c: c.path == path, after=fake.calls.index(
        next(c for c in fake.calls if c.path == path)) + 1)
    assert len([c for c in fake.calls if c.path == path]) == 2


async def test_shutdown_lets_answers_in_flight_finish(
    make_bot: BotFactory, fake: FakeDiscord
) -> None:
    released = asyncio.Event()
    bot = make_bot(defer_after_seconds=0)
    bot.handlers[ShowHelp] = slow_help(released, Reply(text="Finished before shutting down."))
    await bot.start()
    assert (await fake.interact(slash("help", [], ALICE)))["type"] == 5
    stopping = asyncio.create_task(bot.stop())
    async with asyncio.timeout(15):
        # Shutdown has begun once the messenger lets go of the client (nothing to await on).
        while bot.messenger._client is not None:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    released.set()
    await stopping
    [edit] = fake.calls_to("PATCH", ORIGINAL)
    assert edit.body["content"] == "Finished before shutting down."
    assert fake.sessions[-1].socket.closed
