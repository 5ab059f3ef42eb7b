"""Editing a posted meetup card with chat.update instead of posting a new one per answer."""

from __future__ import annotations

import json
import socket
from dataclasses import replace

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.platforms import RoutingMessenger
from adapters.slack.blocks import Renderer
from adapters.slack.messenger import FixedToken, SlackMessenger
from adapters.slack.names import CommandNames
from bot.dispatcher import Dispatcher
from bot.domain.community import Platform
from bot.meetups.announce import publish
from bot.meetups.ports import MessageEditor
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Attachment, Card, Field, Reply
from bot.services import Services
from tests.adapters.slack.conftest import BOT_TOKEN, http_settings, serving
from tests.adapters.slack.fake_slack import Call, FakeSlack
from tests.adapters.slack.slack_requests import Member, button_click
from tests.support.meetups import seed_meetup

CHANNEL = Recipient(Platform.SLACK, "T1", channel="C5")
CARD = Reply(text="📅 Rust night", cards=(Card("Rust night", fields=(Field("Going", "0"),)),))
UPDATED = Reply(text="📅 Rust night <!channel> @here",
                cards=(Card("Rust night", fields=(Field("Going", "1 <@U9>"),)),))
ORGANIZER = Member("U1", "olga")
MEMBER = Member("U2", "bob")


def _messenger(api_base: str, timeout: int = 10) -> SlackMessenger:
    def client(token: str) -> AsyncWebClient:
        return AsyncWebClient(token=token, base_url=api_base, timeout=timeout)

    return SlackMessenger(FixedToken(BOT_TOKEN), client, Renderer(CommandNames("/mm-")))


async def _posted(messenger: SlackMessenger, recipient: Recipient = CHANNEL) -> str:
    sent = await messenger.send(Outgoing(recipient, CARD))
    assert sent.status is SendStatus.SENT
    assert sent.platform_message_id is not None
    return sent.platform_message_id


def _text(call: Call) -> str:
    return json.dumps(call.json("blocks"))


async def test_an_edit_updates_the_posted_message_with_the_same_rendering_as_a_post(
    fake: FakeSlack,
) -> None:
    messenger = _messenger(fake.api_base)
    message_id = await _posted(messenger)
    edited = await messenger.edit(CHANNEL, message_id, UPDATED)
    await messenger.send(Outgoing(CHANNEL, UPDATED))  # to compare the rendering

    update, posted = fake.called("chat.update")[0], fake.called("chat.postMessage")[-1]
    assert isinstance(messenger, MessageEditor)
    assert (edited.status, edited.platform_message_id, edited.reason) == (
        SendStatus.SENT, message_id, "")
    assert message_id == f"C5:{update.params['ts']}"
    assert (update.token, update.params["channel"]) == (BOT_TOKEN, "C5")
    assert (update.json("blocks"), update.params["text"]) == (
        posted.json("blocks"), posted.params["text"])
    assert "<!channel>" not in _text(update)
    assert "&lt;!channel&gt;" in _text(update)
    card = fake.channel_messages("C5")[0]
    assert (card.ts, card.blocks) == (update.params["ts"], update.json("blocks"))


async def test_the_routing_messenger_passes_slack_edits_on(fake: FakeSlack) -> None:
    messenger = _messenger(fake.api_base)
    message_id = await _posted(messenger)
    routed = await RoutingMessenger({Platform.SLACK: messenger}).edit(CHANNEL, message_id, UPDATED)
    assert routed.status is SendStatus.SENT
    assert fake.called("chat.update")[0].params["channel"] == "C5"


async def test_an_id_without_its_channel_is_edited_where_send_would_post(fake: FakeSlack) -> None:
    messenger = _messenger(fake.api_base)
    in_channel = (await _posted(messenger)).partition(":")[2]
    dm = Recipient(Platform.SLACK, "T1", member_external_id="U1")
    in_dm = (await _posted(messenger, dm)).partition(":")[2]

    assert (await messenger.edit(CHANNEL, in_channel, UPDATED)).status is SendStatus.SENT
    assert (await messenger.edit(dm, in_dm, UPDATED)).status is SendStatus.SENT
    updates = fake.called("chat.update")
    assert [(u.params["channel"], u.params["ts"]) for u in updates] == [
        ("C5", in_channel), ("DU1", in_dm)]


async def test_what_cannot_be_edited_is_a_permanent_failure_not_an_exception(
    fake: FakeSlack,
) -> None:
    messenger = _messenger(fake.api_base)
    message_id = await _posted(messenger)
    by_member = fake.post("C5", "hello", user="U2")

    unknown = await messenger.edit(CHANNEL, "C5:1699999999.000001", UPDATED)
    elsewhere = await messenger.edit(CHANNEL, "C404:" + message_id.partition(":")[2], UPDATED)
    foreign = await messenger.edit(CHANNEL, f"C5:{by_member}", UPDATED)
    nonsense = await messenger.edit(CHANNEL, "not-a-slack-id", UPDATED)

    assert [(r.status, r.reason) for r in (unknown, elsewhere, foreign)] == [
        (SendStatus.PERMANENT, "message_not_found"),
        (SendStatus.PERMANENT, "channel_not_found"),
        (SendStatus.PERMANENT, "cant_update_message"),
    ]
    assert nonsense.status is SendStatus.PERMANENT
    assert len(fake.called("chat.update")) == 3
    assert fake.channel_messages("C5")[0].blocks != fake.called("chat.update")[0].json("blocks")


async def test_rate_limits_and_network_failures_of_an_edit_are_transient(fake: FakeSlack) -> None:
    messenger = _messenger(fake.api_base)
    message_id = await _posted(messenger)
    fake.fail("chat.update", 429, {"ok": False, "error": "ratelimited"},
              headers={"Retry-After": "3"}, times=1)
    limited = await messenger.edit(CHANNEL, message_id, UPDATED)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = await _messenger(f"http://127.0.0.1:{closed_port}/api/").edit(
        CHANNEL, message_id, UPDATED)
    ics = Attachment("a.ics", "text/calendar", b"BEGIN:VCALENDAR")
    with_file = replace(UPDATED, attachments=(ics,))
    retried = await messenger.edit(CHANNEL, message_id, with_file)

    assert limited.status is SendStatus.TRANSIENT
    assert limited.reason == "ratelimited (retry after 3s)"
    assert refused.status is SendStatus.TRANSIENT
    assert refused.reason.startswith("network")
    assert retried.status is SendStatus.SENT
    assert retried.reason == "files are not re-sent by an edit"
    assert fake.called("file_upload") == []


@pytest.mark.parametrize("known", [True, False])
async def test_the_core_edits_its_card_and_posts_a_new_one_when_the_edit_fails(
    fake: FakeSlack, services: Services, known: bool
) -> None:
    messenger = _messenger(fake.api_base)
    svc = replace(services, messenger=messenger)
    old_card = await _posted(messenger)
    announced = old_card if known else "C5:1699999999.000001"
    community, _, meetup = await seed_meetup(svc.uow, "olga", platform=Platform.SLACK,
                                             community_id="T1", channel="C5",
                                             announcement_id=announced)

    assert await publish(svc, community, meetup.id)
    async with svc.uow() as uow:
        stored = await uow.meetups.events.get(community.id, meetup.id)
    assert stored is not None
    assert len(fake.called("chat.update")) == 1
    if known:
        assert len(fake.called("chat.postMessage")) == 1
        assert stored.announcement_id == old_card
    else:
        assert len(fake.called("chat.postMessage")) == 2
        assert stored.announcement_id == f"C5:{fake.channel_messages('C5')[-1].ts}"
    assert "Rust night" in json.dumps(fake.channel_messages("C5")[-1].blocks)


async def test_answering_twice_through_slack_leaves_one_card_with_the_new_counts(
    fake: FakeSlack, services: Services
) -> None:
    fake.admins = {"U1"}
    messenger = SlackMessenger(FixedToken(BOT_TOKEN), lambda token: AsyncWebClient(
        token=token, base_url=fake.api_base), Renderer())
    dispatcher = Dispatcher(replace(services, messenger=messenger))
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/meetup", 'create title="Rust night" when="next Tuesday 7pm"',
                            ORGANIZER, fake.response_url("create"))
        await fake.wait_for_call("response_url")
        await slack.command("/meetup", "confirm 1", ORGANIZER, fake.response_url("confirm"))
        posted = await fake.wait_for_call("chat.postMessage")
        buttons = {e["text"]["text"]: e["value"] for b in posted.json("blocks")
                   if b["type"] == "actions" for e in b["elements"]}
        for number, answer in enumerate(("Going", "Maybe"), start=1):
            await slack.interaction(button_click(MEMBER, buttons[answer],
                                                 fake.response_url(answer)))
            await fake.wait_for_call("chat.update", number)

    channel = posted.params["channel"]
    cards = fake.channel_messages(channel)
    first, second = fake.called("chat.update")
    assert len(fake.called("chat.postMessage")) == 1
    assert len(cards) == 1
    assert "0 going" in _text(posted)
    assert "1 going" in _text(first)
    assert "0 going" in _text(second)
    assert "1 maybe" in _text(second)
    assert cards[0].blocks == second.json("blocks")
    assert {u.params["channel"] for u in (first, second)} == {fake.channel_ids[channel]}
