"""Multi-workspace install through the OAuth redirect, stored in the bot's own database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import sqlalchemy as sa
from pydantic import SecretStr

from adapters.slack.app import web_client
from adapters.slack.blocks import Renderer
from adapters.slack.installations import InstallationStores
from adapters.slack.messenger import SlackMessenger
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Reply
from bot.settings.sections import SlackSettings
from tests.adapters.slack.conftest import RecordingHandler, serving
from tests.adapters.slack.fake_slack import FakeSlack, Workspace
from tests.adapters.slack.slack_requests import SIGNING_SECRET, Member
from tests.support.databases import SQL_BACKENDS, SqlBackend, migrated_engine

CLIENT_ID = "1111.2222"
STATE_COOKIE = "slack-app-oauth-state"


def _oauth_answer(team_id: str, team_name: str, token: str, installer: str) -> dict[str, Any]:
    return {
        "ok": True, "app_id": "A1", "access_token": token, "token_type": "bot",
        "scope": "commands,chat:write,im:write", "bot_user_id": f"UB{team_id}",
        "team": {"id": team_id, "name": team_name}, "enterprise": None,
        "is_enterprise_install": False, "authed_user": {"id": installer},
    }


@pytest.fixture(params=SQL_BACKENDS)
async def stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[
        InstallationStores]:
    backend: SqlBackend = request.param
    async with migrated_engine(backend, tmp_path) as engine:
        found = InstallationStores(engine, CLIENT_ID)
        await found.create_tables()
        await found.create_tables()  # a second start finds them and changes nothing
        yield found


def _settings(fake: FakeSlack) -> SlackSettings:
    return SlackSettings(
        mode="http", host="127.0.0.1", port=0, api_base=fake.api_base,
        public_url="https://bot.example.org", client_id=CLIENT_ID,
        client_secret=SecretStr("client-secret"), signing_secret=SecretStr(SIGNING_SECRET),
    )


async def _until(read: Callable[[], Awaitable[object]], expected: object) -> None:
    """Wait (bounded) until ``read()`` returns ``expected``: bolt runs event listeners after the
    acknowledgement."""
    for _ in range(300):
        if await read() == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never became {expected!r}")


async def _install(base: str, code: str, *, send_cookie: bool = True) -> tuple[int, str, str]:
    """Visit /slack/install, then come back to the redirect URL as Slack would send us."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/slack/install", allow_redirects=False) as start:
            assert start.status == 302
            location = urlsplit(start.headers["Location"])
            state = parse_qs(location.query)["state"][0]
            cookie = start.cookies[STATE_COOKIE].value
        assert parse_qs(location.query)["client_id"] == [CLIENT_ID]
        assert location.path == "/oauth/v2/authorize"
        headers = {"Cookie": f"{STATE_COOKIE}={cookie}"} if send_cookie else {}
        async with session.get(
            f"{base}/slack/oauth_redirect", params={"code": code, "state": state},
            headers=headers, allow_redirects=False,
        ) as back:
            return back.status, state, await back.text()


async def test_two_workspaces_install_through_oauth_and_each_request_uses_its_own_token(
    fake: FakeSlack, stores: InstallationStores
) -> None:
    fake.oauth_codes["code-1"] = _oauth_answer("T1", "acme", "xoxb-acme", "U1")
    fake.oauth_codes["code-2"] = _oauth_answer("T2", "globex", "xoxb-globex", "U7")
    fake.workspaces["xoxb-acme"] = Workspace("T1", "acme", bot_user_id="UBT1")
    fake.workspaces["xoxb-globex"] = Workspace("T2", "globex", bot_user_id="UBT2")
    handler = RecordingHandler()
    settings = _settings(fake)
    async with serving(settings, handler, stores=stores) as (slack, server):
        base = f"http://127.0.0.1:{server.port}"
        first = await _install(base, "code-1")
        second = await _install(base, "code-2")
        no_cookie = await _install(base, "code-2", send_cookie=False)
        exchanged = [c.params["code"] for c in fake.called("oauth.v2.access")]
        fake.calls.clear()
        globex = Member("U7", "gina", team_id="T2", team_domain="globex")
        await slack.command("/help", "", globex, fake.response_url("globex"))
        await fake.wait_for_call("response_url")
        acme = Member("U1", "alice", team_id="T1")
        await slack.command("/help", "", acme, fake.response_url("acme"))
        await fake.wait_for_call("response_url", 2)
        await slack.command("/help", "", globex, fake.response_url("globex-again"))
        await fake.wait_for_call("response_url", 3)
        stranger = Member("U9", "sam", team_id="T3", team_domain="initech")
        refused = await slack.command("/help", "", stranger, fake.response_url("initech"))
        uninstalled = await slack.event("T1", {"type": "app_uninstalled", "event_ts": "1.2"})
        await _until(lambda: stores.bot_token("T1"), None)

    assert first[0] == 200
    assert second[0] == 200
    assert no_cookie[0] == 400
    assert exchanged == ["code-1", "code-2"]  # the cookie-less return never got that far
    installation = await stores.installations.async_find_installation(
        enterprise_id=None, team_id="T2")
    assert installation is not None
    assert (installation.bot_token, installation.team_name) == ("xoxb-globex", "globex")
    assert await stores.bot_token("T3") is None
    assert uninstalled.status == 200
    assert await stores.bot_token("T1") is None  # app_uninstalled removed acme's installation
    assert await stores.bot_token("T2") == "xoxb-globex"

    # each token is checked once (auth.test), and organizer answers are cached per member
    tokens_by_method = [(c.method, c.token) for c in fake.calls if c.method != "response_url"]
    assert tokens_by_method == [
        ("auth.test", "xoxb-globex"), ("users.info", "xoxb-globex"),
        ("auth.test", "xoxb-acme"), ("users.info", "xoxb-acme"),
    ]
    assert [c.actor.community_external_id for c in handler.commands] == ["T2", "T1", "T2"]
    assert refused.status == 200  # bolt answers "please install" and runs nothing
    assert len(handler.commands) == 3


async def test_the_install_exchange_posts_the_code_and_a_replayed_state_is_refused(
    fake: FakeSlack, stores: InstallationStores
) -> None:
    fake.oauth_codes["code-1"] = _oauth_answer("T1", "acme", "xoxb-acme", "U1")
    fake.workspaces["xoxb-acme"] = Workspace("T1", "acme")
    async with serving(_settings(fake), RecordingHandler(), stores=stores) as (_, server):
        base = f"http://127.0.0.1:{server.port}"
        status, state, _ = await _install(base, "code-1")
        async with aiohttp.ClientSession() as session, session.get(
            f"{base}/slack/oauth_redirect", params={"code": "code-1", "state": state},
            headers={"Cookie": f"{STATE_COOKIE}={state}"}, allow_redirects=False,
        ) as replay:
            replay_status = replay.status
        bad_code_status = (await _install(base, "no-such-code"))[0]

    assert status == 200
    exchange = fake.called("oauth.v2.access")[0]
    assert exchange.params["code"] == "code-1"
    assert (exchange.params["client_id"], exchange.params["client_secret"]) == (
        CLIENT_ID, "client-secret")
    assert exchange.params["redirect_uri"] == "https://bot.example.org/slack/oauth_redirect"
    assert replay_status == 401  # the state was consumed by the first visit
    assert bad_code_status == 401
    async with stores.engine.connect() as connection:
        rows = (await connection.execute(sa.text(
            "SELECT team_id, bot_token FROM slack_installations"))).all()
    assert [tuple(r) for r in rows] == [("T1", "xoxb-acme")]


async def test_the_messenger_uses_each_workspaces_token_and_refuses_unknown_ones(
    fake: FakeSlack, stores: InstallationStores
) -> None:
    from slack_sdk.oauth.installation_store import Installation

    for team, token in (("T1", "xoxb-acme"), ("T2", "xoxb-globex")):
        await stores.installations.async_save(Installation(
            app_id="A1", team_id=team, bot_token=token, bot_id="B1", bot_user_id="UB",
            user_id="U0"))
    messenger = SlackMessenger(stores, lambda token: web_client(fake.api_base, token), Renderer())
    sent = await messenger.send(Outgoing(
        Recipient(Platform.SLACK, "T2", member_external_id="U7"), Reply(text="Your match")))
    unknown = await messenger.send(Outgoing(
        Recipient(Platform.SLACK, "T3", member_external_id="U9"), Reply(text="Hello")))
    assert sent.status is SendStatus.SENT
    assert [(c.method, c.token) for c in fake.calls] == [
        ("conversations.open", "xoxb-globex"), ("chat.postMessage", "xoxb-globex")]
    assert unknown.status is SendStatus.PERMANENT
    assert "not installed" in unknown.reason
