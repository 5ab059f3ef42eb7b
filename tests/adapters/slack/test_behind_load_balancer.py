"""Slack HTTP mode is stateless: two app instances sharing one database behind a load balancer.

Each instance has its own bolt app, HTTP server and installation stores (nothing in memory is
shared); only the database is. The member's browser starts the install on one instance and
Slack's redirect lands on the other, so the OAuth state (and the installation it leads to)
must live in the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from adapters.slack.installations import InstallationStores
from tests.adapters.slack.conftest import RecordingHandler, serving
from tests.adapters.slack.fake_slack import FakeSlack, Workspace
from tests.adapters.slack.slack_requests import Member
from tests.adapters.slack.test_oauth_install import (
    CLIENT_ID,
    STATE_COOKIE,
    _oauth_answer,
    _settings,
)
from tests.support.databases import SQL_BACKENDS, SqlBackend, migrated_engine


@pytest.fixture(params=SQL_BACKENDS)
async def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[
        tuple[InstallationStores, InstallationStores]]:
    """Installation stores of two instances over one migrated database."""
    backend: SqlBackend = request.param
    async with migrated_engine(backend, tmp_path) as engine:
        first, second = InstallationStores(engine, CLIENT_ID), InstallationStores(engine, CLIENT_ID)
        await first.create_tables()
        await second.create_tables()
        yield first, second


async def start_install(session: aiohttp.ClientSession, base: str) -> tuple[str, str]:
    """Visit /slack/install on one instance; returns the OAuth state and its cookie."""
    async with session.get(f"{base}/slack/install", allow_redirects=False) as start:
        assert start.status == 302
        state = parse_qs(urlsplit(start.headers["Location"]).query)["state"][0]
        return state, start.cookies[STATE_COOKIE].value


async def finish_install(
    session: aiohttp.ClientSession, base: str, code: str, state: str, cookie: str
) -> int:
    """Come back to the redirect URL of (possibly another) instance, as Slack sends the member."""
    async with session.get(
        f"{base}/slack/oauth_redirect", params={"code": code, "state": state},
        headers={"Cookie": f"{STATE_COOKIE}={cookie}"}, allow_redirects=False,
    ) as back:
        return back.status


async def test_an_install_started_on_one_instance_finishes_on_the_other(
    fake: FakeSlack, two_stores: tuple[InstallationStores, InstallationStores]
) -> None:
    fake.oauth_codes["code-1"] = _oauth_answer("T1", "acme", "xoxb-acme", "U1")
    fake.workspaces["xoxb-acme"] = Workspace("T1", "acme", bot_user_id="UBT1")
    stores_a, stores_b = two_stores
    handlers = RecordingHandler(), RecordingHandler()
    async with serving(_settings(fake), handlers[0], stores=stores_a) as (slack_a, server_a), \
            serving(_settings(fake), handlers[1], stores=stores_b) as (slack_b, server_b):
        base_a = f"http://127.0.0.1:{server_a.port}"
        base_b = f"http://127.0.0.1:{server_b.port}"
        async with aiohttp.ClientSession() as session:
            state, cookie = await start_install(session, base_a)
            finished = await finish_install(session, base_b, "code-1", state, cookie)
            replayed_on_a = await finish_install(session, base_a, "code-1", state, cookie)
            forged = await finish_install(session, base_b, "code-1", "forged-state", "forged-state")
        alice = Member("U1", "alice", team_id="T1")
        await slack_a.command("/help", "", alice, fake.response_url("via-a"))
        await fake.wait_for_call("response_url")
        await slack_b.command("/help", "", alice, fake.response_url("via-b"))
        await fake.wait_for_call("response_url", 2)

    assert finished == 200  # the state instance A issued was accepted by instance B
    assert replayed_on_a == 401  # and consumed in the shared database: no replay on A
    assert forged == 401
    assert [c.params["code"] for c in fake.called("oauth.v2.access")] == ["code-1"]
    assert await stores_a.bot_token("T1") == "xoxb-acme"  # A sees what B installed
    assert [c.actor.community_external_id for c in handlers[0].commands] == ["T1"]
    assert [c.actor.community_external_id for c in handlers[1].commands] == ["T1"]
