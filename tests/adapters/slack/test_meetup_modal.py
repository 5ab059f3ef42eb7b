"""Creating a meetup through the modal: organizers only, times checked, preview then confirm."""

from __future__ import annotations

import json

from bot.dispatcher import Dispatcher
from bot.outbox import RecordingMessenger
from bot.services import Services
from tests.adapters.slack.conftest import http_settings, serving
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import Member, button_click, view_submission

ORGANIZER = Member("U1", "olga")
MEMBER = Member("U2", "bob")


async def test_an_organizer_creates_a_meetup_through_the_modal_and_confirms_the_preview(
    fake: FakeSlack, dispatcher: Dispatcher, services: Services
) -> None:
    fake.admins = {"U1"}
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        await slack.command("/meetup", "create", ORGANIZER, fake.response_url("c"))
        view = (await fake.wait_for_call("views.open")).json("view")
        submit = view["callback_id"], view["private_metadata"]
        past = await slack.interaction(view_submission(
            ORGANIZER, *submit[:1], {"title": "Rust night", "when": "yesterday 7pm"}, submit[1]))
        by_member = await slack.interaction(view_submission(
            MEMBER, *submit[:1], {"title": "Rust night", "when": "next Tuesday 7pm"}, submit[1]))
        created = await slack.interaction(view_submission(
            ORGANIZER, *submit[:1],
            {"title": "Rust night", "when": "next Tuesday 7pm", "where": "Room 1"}, submit[1]))
        preview = await fake.wait_for_call("chat.postEphemeral")
        buttons = {e["text"]["text"]: e["value"] for b in preview.json("blocks")
                   if b["type"] == "actions" for e in b["elements"]}
        await slack.interaction(button_click(ORGANIZER, buttons["Confirm"],
                                             fake.response_url("confirm")))
        confirmed = await fake.wait_for_call("response_url")

    assert view["callback_id"] == "mm_form:meetup_create"
    assert [b["block_id"] for b in view["blocks"] if b["type"] == "input"][:2] == ["title", "when"]
    assert past.json()["response_action"] == "errors"
    assert "'yesterday 7pm' is in the past" in past.json()["errors"]["when"]
    assert by_member.json()["errors"] == {
        "title": "Only organizers can create meetups. Ask one of your community's organizers."}
    assert (created.status, created.text) == (200, "")
    assert (preview.params["channel"], preview.params["user"]) == ("C1", "U1")
    shown = json.dumps(preview.json("blocks"))
    assert "Rust night" in shown
    assert "Room 1" in shown
    assert buttons["Confirm"].startswith("/meetup confirm ")
    assert confirmed.params["name"] == "confirm"
    assert confirmed.params["text"].startswith("Announced Rust night (#1) in #meetups")
    assert isinstance(services.messenger, RecordingMessenger)
    assert len(services.messenger.to("#meetups")) == 1
