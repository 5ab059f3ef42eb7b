"""Mentor matching over Slack: /match, the request DM with Accept/Decline, and accepting it."""

from __future__ import annotations

from dataclasses import replace

from adapters.slack.app import web_client
from adapters.slack.blocks import Renderer
from adapters.slack.messenger import FixedToken, SlackMessenger
from bot.dispatcher import Dispatcher
from bot.services import Services
from tests.adapters.slack.conftest import BOT_TOKEN, http_settings, serving
from tests.adapters.slack.fake_slack import Call, FakeSlack
from tests.adapters.slack.slack_requests import Member, button_click

ALICE = Member("U1", "alice")
BOB = Member("U2", "bob")


def _buttons(call: Call, key: str = "blocks") -> dict[str, str]:
    blocks = call.json(key) if isinstance(call.params.get(key), str) else call.params[key]
    return {e["text"]["text"]: e["value"] for b in blocks if b["type"] == "actions"
            for e in b["elements"]}


async def test_a_mentor_request_arrives_as_a_dm_with_buttons_and_accepting_tells_the_mentee(
    fake: FakeSlack, services: Services
) -> None:
    messenger = SlackMessenger(
        FixedToken(BOT_TOKEN), lambda token: web_client(fake.api_base, token), Renderer())
    dispatcher = Dispatcher(replace(services, messenger=messenger))
    steps = [(ALICE, "/intro", "Senior Rust and Go engineer, 10 years, happy to mentor"),
             (ALICE, "/mentor", "on 2"), (BOB, "/intro", "Python developer learning Rust"),
             (BOB, "/match", "")]
    async with serving(http_settings(fake), dispatcher) as (slack, _):
        for number, (member, command, text) in enumerate(steps, start=1):
            await slack.command(command, text, member, fake.response_url(f"s{number}"))
            matches = await fake.wait_for_call("response_url", number)
        ask = _buttons(matches)["Ask alice"]
        await slack.interaction(button_click(BOB, ask, fake.response_url("ask")))
        request = await fake.wait_for_call("chat.postMessage")
        answers = _buttons(request)
        await slack.interaction(button_click(ALICE, answers["Accept"],
                                             fake.response_url("accept")))
        await fake.wait_for(lambda calls: any(
            c.method == "chat.postMessage" and c.params["channel"] == "DU2" for c in calls))

    assert ask.startswith("/match request ")
    assert request.params["channel"] == "DU1"
    assert "bob would like you as their mentor" in request.params["text"]
    assert set(answers) >= {"Accept", "Decline"}
    assert answers["Accept"].startswith("/match accept ")
    accepted = fake.called("response_url")[-1]
    assert accepted.params["name"] == "accept"
    assert accepted.params["response_type"] == "ephemeral"
    assert not accepted.params["blocks"][0]["text"]["text"].startswith(":warning:")
