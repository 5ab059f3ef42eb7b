"""Socket Mode: the bot connects out with the app-level token; nothing is served over HTTP."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import aiohttp
from pydantic import SecretStr

from adapters.slack.app import build_slack_app
from adapters.slack.installations import InstallationStores
from adapters.slack.server import SlackServer
from bot.dispatcher import Dispatcher
from bot.settings.sections import SlackSettings
from tests.adapters.slack.conftest import BOT_TOKEN, RecordingHandler
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import (
    SIGNING_SECRET,
    Member,
    button_click,
    command_body,
    signature,
)
from tests.support.databases import migrated_engine

APP_TOKEN = "xapp-1-A1-socket"


def _envelope(number: int, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"envelope_id": f"env-{number}", "type": kind, "payload": payload,
            "accepts_response_payload": kind == "slash_commands", "retry_attempt": 0}


async def test_socket_mode_receives_commands_and_clicks_and_acknowledges_each_envelope(
    fake: FakeSlack, dispatcher: Dispatcher
) -> None:
    settings = SlackSettings(mode="socket", api_base=fake.api_base,
                             bot_token=SecretStr(BOT_TOKEN), app_token=SecretStr(APP_TOKEN))
    server = SlackServer(build_slack_app(settings, dispatcher), settings)
    await server.start()
    try:
        connected_while_serving = server.connected
        assert server.port is None  # no HTTP server in plain socket mode
        slash = dict(parse_qsl(command_body("/forget", "", Member(), fake.response_url("s"))))
        await fake.socket_send(_envelope(1, "slash_commands", slash))
        asked = await fake.wait_for_call("response_url")
        value = asked.params["blocks"][-1]["elements"][1]["value"]
        await fake.socket_send(_envelope(2, "interactive", button_click(
            Member(), value, fake.response_url("click"))))
        answered = await fake.wait_for_call("response_url", 2)
        await fake.wait_for_call("socket_ack", 2)
    finally:
        await server.stop()

    assert connected_while_serving
    assert not server.connected
    opened = fake.called("apps.connections.open")[0]
    assert opened.token == APP_TOKEN
    assert [c.params["envelope_id"] for c in fake.called("socket_ack")] == ["env-1", "env-2"]
    assert "deletes everything I store about you" in asked.params["text"]
    assert value == "/forget cancel"
    assert answered.params["text"] == "Okay, nothing was deleted."


async def test_socket_mode_with_oauth_serves_only_the_install_pages_over_http(
    fake: FakeSlack, tmp_path: Any
) -> None:
    settings = SlackSettings(
        mode="socket", host="127.0.0.1", port=0, api_base=fake.api_base,
        client_id="1.2", client_secret=SecretStr("s"), app_token=SecretStr(APP_TOKEN),
    )
    handler = RecordingHandler()
    async with migrated_engine("sqlite", tmp_path) as engine:
        stores = InstallationStores(engine, "1.2")
        await stores.create_tables()
        server = SlackServer(build_slack_app(settings, handler, stores=stores), settings)
        await server.start()
        try:
            base = f"http://127.0.0.1:{server.port}"
            # Even correctly signed with some secret, there is no HTTP events endpoint at all.
            body = command_body("/help", "", Member(), fake.response_url("h"))
            headers = {"X-Slack-Request-Timestamp": "1", "Content-Type":
                       "application/x-www-form-urlencoded",
                       "X-Slack-Signature": signature(SIGNING_SECRET, "1", body)}
            async with aiohttp.ClientSession() as session:
                async with session.post(f"{base}/slack/events", data=body,
                                        headers=headers) as events:
                    events_status = events.status
                async with session.get(f"{base}/slack/install",
                                       allow_redirects=False) as install:
                    install_status = install.status
        finally:
            await server.stop()
    assert events_status == 404
    assert install_status == 302
    assert handler.commands == []
    assert fake.called("apps.connections.open")[0].token == APP_TOKEN
