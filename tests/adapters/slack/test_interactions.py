"""Buttons and modals over signed HTTP: clicks run their command line, forms validate in Slack."""

from __future__ import annotations

import json

from bot.commands import ShowProfile
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from tests.adapters.slack.conftest import (
    BOT_TOKEN,
    GatedHandler,
    RecordingHandler,
    http_settings,
    serving,
    within,
)
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import Member, button_click, view_submission

ALICE = Member("U1", "alice")
BOB = Member("U2", "bob")
INTRO = "Data engineer, 5 years of Python and SQL, learning Kubernetes"


async def _profile_text(dispatcher: Dispatcher, member: Member) -> str:
    """What the core shows the member as their profile (read directly, not through Slack)."""
    actor = Actor(Platform.SLACK, member.team_id, member.team_domain, member.user_id, member.name)
    reply = await dispatcher.handle(ShowProfile(actor=actor))
    return json.dumps([reply.text, [c.fields for c in reply.cards]], default=str)


async def test_a_button_click_runs_its_command_line_as_the_clicking_member(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/intro", INTRO, ALICE, fake.response_url("intro"))
        await slack.command("/forget", "", ALICE, fake.response_url("ask"))
        asked = await fake.wait_for_call("response_url", 2)
        buttons = {e["text"]["text"]: e["value"] for b in asked.params["blocks"]
                   if b["type"] == "actions" for e in b["elements"]}
        assert buttons == {"Delete everything": "/forget confirm", "Keep my data": "/forget cancel"}

        # bob clicks the same button value: it runs as bob, so alice keeps her profile
        by_bob = await slack.interaction(
            button_click(BOB, buttons["Delete everything"], fake.response_url("bob")))
        bob_reply = await fake.wait_for_call("response_url", 3)
        assert "Python" in await _profile_text(dispatcher, ALICE)

        by_alice = await slack.interaction(
            button_click(ALICE, buttons["Delete everything"], fake.response_url("alice")))
        alice_reply = await fake.wait_for_call("response_url", 4)

    assert (by_bob.status, by_alice.status) == (200, 200)
    assert bob_reply.params["name"] == "bob"
    assert "nothing stored about you" in bob_reply.params["text"]
    assert alice_reply.params["name"] == "alice"
    assert "has been deleted" in alice_reply.params["text"]
    assert alice_reply.params["response_type"] == "ephemeral"
    assert "no profile yet" in await _profile_text(dispatcher, ALICE)


async def test_edit_button_opens_the_profile_modal_and_its_submission_saves(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.interaction(button_click(ALICE, "/profile edit", fake.response_url("e")))
        opened = await fake.wait_for_call("views.open")
        view = opened.json("view")
        submitted = await slack.interaction(view_submission(
            ALICE, view["callback_id"],
            {"add": "Kubernetes; Go", "timezone": "Europe/Berlin", "capacity": "2"},
            view["private_metadata"], selects={"mentoring": "on"},
        ))
        posted = await fake.wait_for_call("chat.postEphemeral")

    assert opened.token == BOT_TOKEN
    assert opened.params["trigger_id"] == "trigger-click-U1"
    assert view["type"] == "modal"
    assert view["callback_id"] == "mm_form:profile_edit"
    assert [b["block_id"] for b in view["blocks"] if b["type"] == "input"] == [
        "add", "learn", "remove", "timezone", "capacity", "mentoring"]
    assert json.loads(view["private_metadata"]) == {"channel": "C1"}
    assert (submitted.status, submitted.text) == (200, "")
    assert (posted.params["channel"], posted.params["user"]) == ("C1", "U1")
    shown = json.dumps(posted.json("blocks"))
    assert "Saved your changes." in shown
    assert "Kubernetes" in shown
    assert "Europe/Berlin" in shown
    assert fake.called("response_url") == []


async def test_modal_validation_errors_come_back_in_the_ack_and_nothing_is_posted(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    callback = "mm_form:profile_edit"
    metadata = json.dumps({"channel": "C1"})
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        bad_zone = await slack.interaction(view_submission(
            ALICE, callback, {"add": "Go", "timezone": "Mars/Olympus"}, metadata))
        bad_skill = await slack.interaction(view_submission(
            ALICE, callback, {"learn": "Rust", "add": "Frobnicatorz"}, metadata))
        empty = await slack.interaction(view_submission(ALICE, callback, {}, metadata))
        bad_capacity = await slack.interaction(view_submission(
            ALICE, callback, {"capacity": "lots"}, metadata))

    assert bad_zone.status == 200
    zone = bad_zone.json()
    assert zone["response_action"] == "errors"
    assert list(zone["errors"]) == ["timezone"]
    assert "'Mars/Olympus' is not a timezone" in zone["errors"]["timezone"]
    assert list(bad_skill.json()["errors"]) == ["add"]
    assert "Frobnicatorz" in bad_skill.json()["errors"]["add"]
    assert empty.json() == {"response_action": "errors",
                            "errors": {"add": "Fill in at least one field."}}
    assert list(bad_capacity.json()["errors"]) == ["capacity"]
    assert fake.called("chat.postEphemeral") == []
    assert "no profile yet" in await _profile_text(dispatcher, ALICE)


async def test_intro_without_text_opens_the_intro_modal_whose_submission_builds_the_profile(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/intro", "  ", ALICE, fake.response_url("i"))
        view = (await fake.wait_for_call("views.open")).json("view")
        too_long = await slack.interaction(view_submission(
            ALICE, view["callback_id"], {"intro": "Python " * 400}, view["private_metadata"]))
        saved = await slack.interaction(view_submission(
            ALICE, view["callback_id"], {"intro": INTRO}, view["private_metadata"]))
        posted = await fake.wait_for_call("chat.postEphemeral")

    assert view["callback_id"] == "mm_form:intro"
    assert view["blocks"][1]["element"]["multiline"] is True
    assert list(too_long.json()["errors"]) == ["intro"]
    assert "the limit is 2,000" in too_long.json()["errors"]["intro"]
    assert (saved.status, saved.text) == (200, "")
    shown = json.dumps(posted.json("blocks"))
    assert "Profile of alice" in shown
    assert "Kubernetes" in shown
    assert fake.called("response_url") == []


async def test_a_slow_submission_closes_the_modal_and_answers_when_done(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    handler = GatedHandler(dispatcher)
    async with serving(http_settings(fake), handler, submit_wait=0.05) as (slack, _):
        answer = await slack.interaction(view_submission(
            ALICE, "mm_form:intro", {"intro": INTRO}, json.dumps({"channel": "C9"})))
        await within(handler.started)
        assert (answer.status, answer.text) == (200, "")
        assert fake.called("chat.postEphemeral") == []
        handler.gate.set()
        posted = await fake.wait_for_call("chat.postEphemeral")
    assert posted.params["channel"] == "C9"
    assert "Profile of alice" in json.dumps(posted.json("blocks"))


async def test_failed_views_open_runs_the_command_as_typed(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    fake.fail("views.open", 200, {"ok": False, "error": "expired_trigger_id"})
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/profile", "edit", ALICE, fake.response_url("typed"))
        reply = await fake.wait_for_call("response_url")
    assert "Edit your profile with one or more steps" in reply.params["text"]


async def test_stale_or_foreign_payloads_are_acknowledged_without_running_anything(
    fake: FakeSlack,
) -> None:
    handler = RecordingHandler()
    async with serving(http_settings(fake), handler) as (slack, _):
        unknown_form = await slack.interaction(
            view_submission(ALICE, "mm_form:gone", {"x": "y"}, "not json"))
        bad_metadata = await slack.interaction(
            view_submission(ALICE, "mm_form:intro", {"intro": INTRO}, "{not json"))
        dm = await fake.wait_for_call("chat.postMessage")  # no channel known: a DM
    assert (unknown_form.status, unknown_form.text) == (200, "")
    assert dm.params["channel"] == "DU1"
    assert bad_metadata.status == 200
    assert len(handler.commands) == 1
