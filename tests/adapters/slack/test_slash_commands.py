"""Slash commands over signed HTTP: ack first, answer through the response_url in Block Kit."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from bot.dispatcher import Dispatcher
from bot.replies import Reply, Visibility
from tests.adapters.slack.conftest import (
    BOT_TOKEN,
    GatedHandler,
    RecordingHandler,
    http_settings,
    serving,
    within,
)
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import Member

ALICE = Member("U1", "alice")
INTRO = "Backend engineer, 8 years of Python and Postgres, learning Rust, happy to mentor"


def _texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text shown by the blocks, in order."""
    found: list[str] = []
    for block in blocks:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [f["text"] for f in block.get("fields", [])]
        found += [e["text"]["text"] if e["type"] == "button" else e["text"]
                  for e in block.get("elements", [])]
    return found


async def test_intro_is_acknowledged_before_the_work_and_answered_with_skills_in_block_kit(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    handler = GatedHandler(dispatcher)
    async with serving(http_settings(fake), handler) as (slack, _):
        answer = await slack.command("/intro", INTRO, ALICE, fake.response_url("r1"))
        # The HTTP answer (the ack) arrived while the command is still held inside the core.
        assert (answer.status, answer.text) == (200, "")
        await within(handler.started)
        assert fake.called("response_url") == []
        handler.gate.set()
        reply = await fake.wait_for_call("response_url")

    assert reply.params["name"] == "r1"
    assert reply.params["response_type"] == "ephemeral"
    assert reply.params["replace_original"] is False
    blocks = reply.params["blocks"]
    assert blocks[1] == {"type": "header", "text": {
        "type": "plain_text", "text": "Profile of alice", "emoji": True}}
    fields = [f["text"] for b in blocks if b["type"] == "section" for f in b.get("fields", [])]
    assert "*Languages*\nPython (8y)" in fields
    assert "*Databases*\nPostgreSQL" in fields
    assert "*Learning*\nRust" in _texts(blocks)
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"], b.get("style")) for b in buttons] == [
        ("mm_run_0", "/intro ok", "primary"), ("mm_run_1", "/profile edit", None)]
    assert reply.params["text"].startswith("Saved your profile.")
    command = handler.commands[0]
    assert (command.actor.member_external_id, command.actor.community_external_id) == ("U1", "T1")
    assert command.actor.display_name == "alice"
    assert [c.token for c in fake.called("auth.test")] == [BOT_TOKEN]


async def test_bad_or_stale_signatures_get_401_and_reach_nothing(fake: FakeSlack) -> None:
    handler = RecordingHandler()
    async with serving(http_settings(fake), handler) as (slack, _):
        wrong = await slack.command("/help", "", ALICE, fake.response_url("x"), secret="guess")
        stale = await slack.command("/help", "", ALICE, fake.response_url("x"),
                                    timestamp=int(time.time()) - 6 * 60)
        future = await slack.command("/help", "", ALICE, fake.response_url("x"),
                                     timestamp=int(time.time()) + 6 * 60)
        # a signature for other content does not carry over to a changed body
        good = await slack.command("/help", "", ALICE, fake.response_url("ok"))
        await fake.wait_for_call("response_url")
    assert [wrong.status, stale.status, future.status] == [401, 401, 401]
    assert good.status == 200
    assert len(handler.commands) == 1
    assert [c.method for c in fake.calls if c.method != "users.info"] == [
        "auth.test", "response_url"]


async def test_member_text_is_escaped_so_mentions_in_an_intro_never_ping(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    bob = Member("U2", "bob<!here>")
    intros = [
        "<!channel> I write Python and Go <!here> <@U999> <!subteam^S1|@crew> & more",
        # how Slack itself sends typed angle brackets in command text
        "&lt;!channel&gt; I write Python and Go &lt;!everyone&gt;",
    ]
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        for number, intro in enumerate(intros, start=1):
            await slack.command("/intro", intro, bob, fake.response_url(f"r{number}"))
            await fake.wait_for_call("response_url", number)
    for reply in fake.called("response_url"):
        shown = json.dumps(reply.params, ensure_ascii=False)
        for ping in ("<!channel>", "<!here>", "<@U999>", "<!subteam^S1", "<!everyone>", "<!"):
            assert ping not in shown
        evidence = next(t for t in _texts(reply.params["blocks"]) if "Why I think so" in t)
        assert "&lt;" in evidence
        assert "&amp;" in shown or "&lt;" in shown


async def test_prefixed_command_names_are_understood_and_named_in_replies(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    settings = http_settings(fake, command_prefix="/mm-")
    async with serving(settings, dispatcher) as (slack, _):
        await slack.command("/mm-profile", "", ALICE, fake.response_url("p"))
        await slack.command("/mm-help", "", ALICE, fake.response_url("h"))
        await fake.wait_for_call("response_url", 2)
    replies = {c.params["name"]: c.params for c in fake.called("response_url")}
    assert "/mm-intro" in replies["p"]["text"]
    assert "/intro " not in replies["p"]["text"]
    help_text = " ".join(_texts(replies["h"]["blocks"]))
    assert "/mm-profile edit" in help_text
    assert "/mm-forget" in help_text


async def test_unknown_subcommand_gets_the_cores_usage_message_privately(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/profile", "frobnicate", ALICE, fake.response_url("u"))
        reply = await fake.wait_for_call("response_url")
    assert reply.params["response_type"] == "ephemeral"
    assert reply.params["blocks"][0]["text"]["text"].startswith(":warning: Use /profile")


async def test_public_replies_are_posted_in_channel(fake: FakeSlack) -> None:
    handler = RecordingHandler(reply=Reply(text="Meetup announced", visibility=Visibility.PUBLIC))
    async with serving(http_settings(fake), handler) as (slack, _):
        await slack.command("/help", "", ALICE, fake.response_url("pub"))
        reply = await fake.wait_for_call("response_url")
    assert reply.params["response_type"] == "in_channel"


async def test_expired_response_url_falls_back_to_ephemeral_then_to_a_dm(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    fake.fail("response_url", 404, "expired_url")
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/help", "", ALICE, fake.response_url("gone"))
        ephemeral = await fake.wait_for_call("chat.postEphemeral")
        fake.fail("chat.postEphemeral", 200, {"ok": False, "error": "channel_not_found"})
        await slack.command("/help", "", ALICE, fake.response_url("gone-again"))
        dm = await fake.wait_for_call("chat.postMessage")
    assert (ephemeral.params["channel"], ephemeral.params["user"]) == ("C1", "U1")
    assert ephemeral.token == BOT_TOKEN
    assert fake.called("conversations.open")[0].params["users"] == "U1"
    assert dm.params["channel"] == "DU1"
    assert "What I can do" in json.dumps(dm.json("blocks"))


async def test_organizers_are_admins_or_user_group_members_and_answers_are_cached(
    fake: FakeSlack,
) -> None:
    fake.admins = {"U1"}
    fake.usergroups = {"S0CREW": ("meetup-crew", ["U3"])}
    handler = RecordingHandler()
    settings = http_settings(fake, organizer_usergroup="@meetup-crew")
    members = [ALICE, Member("U2", "bob"), Member("U3", "carol"), ALICE]
    async with serving(settings, handler) as (slack, _):
        for number, member in enumerate(members, start=1):
            await slack.command("/help", "", member, fake.response_url(f"o{number}"))
            await fake.wait_for_call("response_url", number)
    assert [c.actor.is_organizer for c in handler.commands] == [True, False, True, True]
    assert [c.params["user"] for c in fake.called("users.info")] == ["U1", "U2", "U3"]
    assert len(fake.called("usergroups.list")) == 1


async def test_stopping_lets_a_command_in_flight_answer_first(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    handler = GatedHandler(dispatcher)
    async with serving(http_settings(fake), handler) as (slack, server):
        await slack.command("/help", "", ALICE, fake.response_url("late"))
        await within(handler.started)
        stopping = asyncio.ensure_future(server.stop())
        for _ in range(20):
            await asyncio.sleep(0)
        assert not stopping.done()  # held by the command still running
        handler.gate.set()
        await stopping
        assert [c.params["name"] for c in fake.called("response_url")] == ["late"]


async def test_the_request_url_check_slack_makes_when_configuring_http_mode_is_answered(
    fake: FakeSlack,
) -> None:
    handler = RecordingHandler()
    challenge = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"})
    async with serving(http_settings(fake), handler) as (slack, _):
        answer = await slack.post(challenge, content_type="application/json")
        forged = await slack.post(challenge, content_type="application/json", secret="nope")
    assert (answer.status, answer.json()) == (200, {"challenge": "c-123"})
    assert forged.status == 401
    assert handler.commands == []


async def test_serving_requests_leaves_the_bots_own_loggers_alone(fake: FakeSlack) -> None:
    names = ("mentormeet", "bot", "adapters", "adapters.slack")
    before = {name: logging.getLogger(name).level for name in names}
    async with serving(http_settings(fake), RecordingHandler()) as (slack, _):
        await slack.command("/help", "", ALICE, fake.response_url("log"))
        await fake.wait_for_call("response_url")
    assert {name: logging.getLogger(name).level for name in names} == before
