"""The Slack messenger: DMs and channel posts, idempotency keys, and how failures are reported."""

from __future__ import annotations

import asyncio
import socket

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.app import web_client
from adapters.slack.blocks import Renderer
from adapters.slack.messenger import METADATA_EVENT, FixedToken, SlackMessenger
from adapters.slack.names import CommandNames
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Button, Card, Field, Reply
from tests.adapters.slack.conftest import BOT_TOKEN
from tests.adapters.slack.fake_slack import FakeSlack

REMINDER = Reply(
    text="Reminder: Rust meetup in 1 hour",
    cards=(Card("Rust meetup", fields=(Field("Where", "Room <b> & co"),)),),
    buttons=(Button("Can't go", "/rsvp 12 no"),),
)


def _messenger(api_base: str, timeout: float = 10) -> SlackMessenger:
    def client(token: str) -> AsyncWebClient:
        return AsyncWebClient(token=token, base_url=api_base, timeout=int(timeout) or 1)

    return SlackMessenger(FixedToken(BOT_TOKEN), client, Renderer(CommandNames("/mm-")))


def _dm(member: str = "U1", key: str | None = None, reply: Reply = REMINDER) -> Outgoing:
    return Outgoing(Recipient(Platform.SLACK, "T1", member_external_id=member), reply, key)


async def test_a_dm_opens_the_conversation_and_records_the_idempotency_key(
    fake: FakeSlack,
) -> None:
    messenger = _messenger(fake.api_base)
    first = await messenger.send(_dm(key="delivery-41"))
    again = await messenger.send(_dm(key="delivery-41"))

    assert [(c.method, c.token) for c in fake.calls] == [
        ("conversations.open", BOT_TOKEN), ("chat.postMessage", BOT_TOKEN)]
    assert fake.calls[0].params["users"] == "U1"
    post = fake.calls[1].params
    assert post["channel"] == "DU1"
    assert post["metadata"] == {"event_type": METADATA_EVENT,
                                "event_payload": {"idempotency_key": "delivery-41"}}
    assert post["blocks"][1]["type"] == "header"
    assert "Room &lt;b&gt; &amp; co" in post["blocks"][2]["text"]["text"]
    assert post["blocks"][-1]["elements"][0]["value"] == "/rsvp 12 no"
    assert first.status is SendStatus.SENT
    assert first.platform_message_id is not None
    assert first.platform_message_id.startswith("DU1:")
    assert (again.status, again.platform_message_id, again.reason) == (
        SendStatus.SENT, first.platform_message_id, "duplicate")


async def test_a_channel_post_needs_no_conversation_and_no_key(fake: FakeSlack) -> None:
    result = await _messenger(fake.api_base).send(
        Outgoing(Recipient(Platform.SLACK, "T1", channel="C5"), Reply(text="See /help")))
    assert result.status is SendStatus.SENT
    assert [c.method for c in fake.calls] == ["chat.postMessage"]
    assert fake.calls[0].params["channel"] == "C5"
    assert "metadata" not in fake.calls[0].params
    assert fake.calls[0].params["text"] == "See /mm-help"


@pytest.mark.parametrize(
    ("method", "error"),
    [
        ("conversations.open", "cannot_dm_bot"),
        ("conversations.open", "user_not_found"),
        ("conversations.open", "account_inactive"),
        ("chat.postMessage", "channel_not_found"),
        ("chat.postMessage", "not_in_channel"),
        ("chat.postMessage", "is_archived"),
        ("chat.postMessage", "invalid_blocks"),
    ],
)
async def test_recipients_that_can_never_be_reached_are_permanent(
    fake: FakeSlack, method: str, error: str
) -> None:
    fake.fail(method, 200, {"ok": False, "error": error})
    result = await _messenger(fake.api_base).send(_dm(key="k"))
    assert (result.status, result.reason) == (SendStatus.PERMANENT, error)


async def test_rate_limits_and_outages_are_transient_and_a_retry_then_succeeds(
    fake: FakeSlack,
) -> None:
    messenger = _messenger(fake.api_base)
    fake.fail("chat.postMessage", 429, {"ok": False, "error": "ratelimited"},
              headers={"Retry-After": "30"}, times=1)
    limited = await messenger.send(_dm(key="k1"))
    fake.fail("chat.postMessage", 503, "<html>upstream unavailable</html>", times=1)
    outage = await messenger.send(_dm(key="k1"))
    fake.fail("conversations.open", 200, {"ok": False, "error": "internal_error"}, times=1)
    internal = await messenger.send(_dm(key="k1"))
    retried = await messenger.send(_dm(key="k1"))

    assert limited.status is SendStatus.TRANSIENT
    assert "ratelimited" in limited.reason
    assert "retry after 30s" in limited.reason
    assert outage.status is SendStatus.TRANSIENT
    assert internal.status is SendStatus.TRANSIENT
    assert retried.status is SendStatus.SENT
    assert retried.reason == ""


async def test_network_failures_and_timeouts_are_transient(fake: FakeSlack) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = await _messenger(f"http://127.0.0.1:{closed_port}/api/").send(_dm())
    fake.held.add("conversations.open")
    timed_out = await _messenger(fake.api_base, timeout=1).send(_dm())
    assert refused.status is SendStatus.TRANSIENT
    assert timed_out.status is SendStatus.TRANSIENT
    assert refused.reason.startswith("network")


async def test_no_token_for_the_workspace_is_permanent_and_a_store_failure_transient() -> None:
    class Tokens:
        def __init__(self, fail: bool) -> None:
            self.fail = fail

        async def bot_token(self, community: str) -> str | None:
            if self.fail:
                raise ConnectionError("database is restarting")
            return None

    def unused(token: str) -> AsyncWebClient:
        raise AssertionError("no Web API call without a token")

    missing = await SlackMessenger(Tokens(False), unused, Renderer()).send(_dm())
    broken = await SlackMessenger(Tokens(True), unused, Renderer()).send(_dm())
    assert missing.status is SendStatus.PERMANENT
    assert broken.status is SendStatus.TRANSIENT


def test_web_clients_point_at_the_configured_api_base() -> None:
    assert web_client("http://127.0.0.1:9/api/", "xoxb-1").base_url == "http://127.0.0.1:9/api/"
    assert web_client("http://127.0.0.1:9/api").base_url == "http://127.0.0.1:9/api/"


async def test_the_same_key_sent_twice_at_once_is_posted_once(fake: FakeSlack) -> None:
    messenger = _messenger(fake.api_base)
    results = await asyncio.gather(*(messenger.send(_dm(key="same")) for _ in range(3)))
    assert [r.status for r in results] == [SendStatus.SENT] * 3
    assert len(fake.called("chat.postMessage")) == 1
    assert sorted(r.reason for r in results) == ["", "duplicate", "duplicate"]
