"""The Messenger port on Discord: DMs with nonces, channel posts, failures as the core expects."""

import pytest

from adapters.discord.messenger import DiscordMessenger, nonce_for
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendResult, SendStatus
from bot.replies import Card, Field, Reply, Visibility
from tests.adapters.discord.conftest import ALICE, Bot
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.server import FakeDiscord

ALICE_ID = ALICE["user"]["id"]
REMINDER = Reply(text="Reminder: Rust & Coffee starts in 1 hour. @everyone welcome",
                 cards=(Card("Rust & Coffee", fields=(Field("Where", "Café Central"),)),))
RATE_LIMITED = {"message": "You are being rate limited.", "global": False}


def to_member(member_id: str = ALICE_ID) -> Recipient:
    return Recipient(Platform.DISCORD, payloads.GUILD_ID, member_external_id=member_id)


def to_channel(channel: str) -> Recipient:
    return Recipient(Platform.DISCORD, payloads.GUILD_ID, channel=channel)


async def test_reminder_dm_carries_its_key_as_enforced_nonce(bot: Bot, fake: FakeDiscord) -> None:
    result = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:42:3600"))
    assert result.status is SendStatus.SENT
    [opened] = fake.calls_to("POST", "/users/@me/channels")
    assert opened.body == {"recipient_id": int(ALICE_ID)}
    channel = fake.dm_channel_of(ALICE_ID)
    assert channel is not None
    [posted] = fake.calls_to("POST", f"/channels/{channel}/messages")
    assert posted.body == {
        "content": "Reminder: Rust & Coffee starts in 1 hour. @everyone welcome",
        "embeds": [{"type": "rich", "flags": 0, "title": "Rust & Coffee",
                    "fields": [{"name": "Where", "value": "Café Central", "inline": False}]}],
        "nonce": "rem:42:3600",
        "enforce_nonce": True,
        "tts": False,
        "allowed_mentions": {"parse": []},
    }
    assert result.platform_message_id == fake.messages[channel][0]["id"]


async def test_a_retried_send_is_not_delivered_twice(bot: Bot, fake: FakeDiscord) -> None:
    first = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:42:3600"))
    again = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:42:3600"))
    assert first.platform_message_id == again.platform_message_id
    assert len(fake.messages[fake.dm_channel_of(ALICE_ID) or ""]) == 1


def test_long_keys_become_stable_short_nonces() -> None:
    key = "reminder:occurrence=2026-12-03T18:30:00+00:00:offset=86400:member=42"
    assert nonce_for(key) == nonce_for(key)
    assert len(nonce_for(key)) <= 25
    assert nonce_for(key) != nonce_for(key + "x")
    assert nonce_for("short") == "short"


async def test_closed_dms_are_a_permanent_failure(bot: Bot, fake: FakeDiscord) -> None:
    fake.closed_dms.add(ALICE_ID)
    result = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:1"))
    assert result.status is SendStatus.PERMANENT
    assert result.reason == "cannot send messages to this user"
    fallback = await bot.messenger.send(Outgoing(to_channel("meetups"), REMINDER, "rem:1:ch"))
    assert fallback.status is SendStatus.SENT


async def test_server_errors_are_transient(bot: Bot, fake: FakeDiscord) -> None:
    fake.fail_next("POST", r"/channels/\d+/messages", 503, {"message": "upstream", "code": 0})
    failed = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:2"))
    assert (failed.status, failed.reason) == (SendStatus.TRANSIENT, "Discord error 503")
    retried = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:2"))
    assert retried.status is SendStatus.SENT


async def test_a_429_with_retry_after_is_survived(bot: Bot, fake: FakeDiscord) -> None:
    fake.fail_next("POST", r"/channels/\d+/messages", 429, RATE_LIMITED | {"retry_after": 0.01},
                   {"Via": "1.1 google", "X-RateLimit-Scope": "user"})
    result = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:3"))
    assert result.status is SendStatus.SENT
    assert len(fake.calls_to("POST", r"/channels/\d+/messages")) == 2


async def test_a_long_rate_limit_is_transient_not_a_stall(bot: Bot, fake: FakeDiscord) -> None:
    fake.fail_next("POST", r"/channels/\d+/messages", 429, RATE_LIMITED | {"retry_after": 600},
                   {"Via": "1.1 google"})
    result = await bot.messenger.send(Outgoing(to_member(), REMINDER, "rem:4"))
    assert (result.status, result.reason) == (SendStatus.TRANSIENT, "rate limited for 600s")
    assert len(fake.calls_to("POST", r"/channels/\d+/messages")) == 1


@pytest.mark.parametrize("channel", ["meetups", "#Meetups", payloads.MEETUPS_ID])
async def test_channel_posts_by_name_or_id(bot: Bot, fake: FakeDiscord, channel: str) -> None:
    result = await bot.messenger.send(Outgoing(to_channel(channel), REMINDER, "post:1"))
    assert result.status is SendStatus.SENT
    assert [m["content"] for m in fake.messages[payloads.MEETUPS_ID]] == [REMINDER.text]


async def test_unknown_destinations_are_permanent(bot: Bot, fake: FakeDiscord) -> None:
    nowhere = await bot.messenger.send(Outgoing(to_channel("nowhere"), REMINDER))
    assert nowhere.status is SendStatus.PERMANENT
    assert nowhere.reason == "there is no channel #nowhere in Rust & Coffee"
    not_a_user = await bot.messenger.send(Outgoing(to_member("alice"), REMINDER))
    assert not_a_user.status is SendStatus.PERMANENT


async def test_nothing_is_sent_while_disconnected(bot: Bot, fake: FakeDiscord) -> None:
    messenger = bot.messenger
    await bot.stop()
    result = await messenger.send(Outgoing(to_member(), REMINDER, "rem:5"))
    assert (result.status, result.reason) == (SendStatus.TRANSIENT, "Discord is not connected")
    assert await DiscordMessenger().send(Outgoing(to_member(), REMINDER)) == result


async def test_a_fallback_post_pings_only_the_member_it_names(bot: Bot, fake: FakeDiscord) -> None:
    reply = Reply(text="@alice (I couldn't send you a direct message) Reminder! @everyone",
                  visibility=Visibility.PUBLIC, mentions=(ALICE_ID, "not-a-discord-id"))
    result = await bot.messenger.send(Outgoing(to_channel("meetups"), reply, "rem:6:ch"))
    assert result.status is SendStatus.SENT
    [post] = fake.calls_to("POST", f"/channels/{payloads.MEETUPS_ID}/messages")
    assert post.body["content"] == (
        f"<@{ALICE_ID}> @alice (I couldn't send you a direct message) Reminder! @everyone"
    )
    assert post.body["allowed_mentions"] == {"parse": [], "users": [int(ALICE_ID)]}


async def test_posted_messages_are_edited_in_place(bot: Bot, fake: FakeDiscord) -> None:
    sent = await bot.messenger.send(Outgoing(to_channel("meetups"), Reply(text="Going: 1"), "a:1"))
    assert sent.platform_message_id is not None
    edited = await bot.messenger.edit(to_channel("meetups"), sent.platform_message_id,
                                      Reply(text="Going: 2"))
    assert edited == SendResult(SendStatus.SENT, platform_message_id=sent.platform_message_id)
    path = f"/channels/{payloads.MEETUPS_ID}/messages/{sent.platform_message_id}"
    [patch] = fake.calls_to("PATCH", path)
    assert patch.body == {"content": "Going: 2", "embeds": [], "components": [], "tts": False,
                          "allowed_mentions": {"parse": []}}
    assert [m["content"] for m in fake.messages[payloads.MEETUPS_ID]] == ["Going: 2"]
    gone = await bot.messenger.edit(to_channel("meetups"), "4242", Reply(text="x"))
    assert gone.status is SendStatus.PERMANENT
