"""The console messenger prints DMs and channel posts once per idempotency key."""

from adapters.console.messenger import ConsoleMessenger
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Reply


async def test_dm_and_channel_lines_and_duplicate_keys_suppressed() -> None:
    lines: list[str] = []
    messenger = ConsoleMessenger(lines.append)
    dm = Outgoing(Recipient(Platform.CONSOLE, "local", member_external_id="bob"),
                  Reply(text="Reminder: meetup in 1 hour"), idempotency_key="k1")
    post = Outgoing(Recipient(Platform.CONSOLE, "local", channel="meetups"), Reply(text="Hi all"))
    assert (await messenger.send(dm)).status is SendStatus.SENT
    assert (await messenger.send(dm)).status is SendStatus.SENT
    await messenger.send(post)
    assert lines == ["[to bob] Reminder: meetup in 1 hour", "[#meetups] Hi all"]
    assert messenger.keys == ["k1"]
