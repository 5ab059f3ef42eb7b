"""Fixtures: the fake Slack, core services in memory, and the bolt app served on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import SecretStr

from adapters.slack.app import build_slack_app
from adapters.slack.installations import InstallationStores
from adapters.slack.listeners import CommandHandler
from adapters.slack.server import SlackServer
from bot.clock import FakeClock
from bot.commands import Command
from bot.dispatcher import Dispatcher
from bot.memory import make_memory_uow_factory
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.replies import Reply
from bot.services import Limits, Services
from bot.settings.sections import SlackSettings
from bot.taxonomy import Taxonomy
from tests.adapters.slack.fake_slack import FakeSlack, Workspace
from tests.adapters.slack.slack_requests import SIGNING_SECRET, SlackSide

BOT_TOKEN = "xoxb-acme-token"


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


@pytest.fixture
def services(taxonomy: Taxonomy) -> Services:
    return Services(
        uow=make_memory_uow_factory(),
        taxonomy=taxonomy,
        parser=IntroParser(taxonomy),
        clock=FakeClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC)),
        messenger=RecordingMessenger(),
        limits=Limits(intro_max_chars=2000),
    )


@pytest.fixture
def dispatcher(services: Services) -> Dispatcher:
    return Dispatcher(services)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack()
    slack.workspaces[BOT_TOKEN] = Workspace("T1", "acme")
    await slack.start()
    try:
        yield slack
    finally:
        await slack.stop()


def http_settings(fake: FakeSlack, **overrides: Any) -> SlackSettings:
    """Single-workspace HTTP mode on a free port of 127.0.0.1, Web API on the fake."""
    values: dict[str, Any] = {
        "mode": "http", "host": "127.0.0.1", "port": 0, "api_base": fake.api_base,
        "bot_token": SecretStr(BOT_TOKEN), "signing_secret": SecretStr(SIGNING_SECRET),
    }
    values.update(overrides)
    return SlackSettings(**values)


@asynccontextmanager
async def serving(
    settings: SlackSettings,
    handler: CommandHandler,
    stores: InstallationStores | None = None,
    submit_wait: float = 15.0,
) -> AsyncIterator[tuple[SlackSide, SlackServer]]:
    """The bolt app served over HTTP, and a signed Slack client for its request URL.

    ``submit_wait`` is how long a form submission waits for its command to show errors in the
    form. The production 2 s keeps Slack's 3 s; here it is a guard only, as a loaded machine can
    make a quick command take longer and its errors would then come as a message instead. The
    test of the slow path passes a small value.
    """
    app = build_slack_app(settings, handler, stores=stores, submit_wait=submit_wait)
    server = SlackServer(app, settings)
    await server.start()
    try:
        yield SlackSide(f"http://127.0.0.1:{server.port}{settings.path}"), server
    finally:
        await server.stop()


class RecordingHandler:
    """Records the commands the adapter produced and answers with a fixed reply (or the core)."""

    def __init__(self, inner: CommandHandler | None = None, reply: Reply | None = None) -> None:
        self.inner = inner
        self.reply = reply or Reply(text="ok")
        self.commands: list[Command] = []

    async def handle(self, command: Command) -> Reply:
        self.commands.append(command)
        return await self.inner.handle(command) if self.inner else self.reply


class GatedHandler(RecordingHandler):
    """Holds every command until the test opens the gate."""

    def __init__(self, inner: CommandHandler | None = None, reply: Reply | None = None) -> None:
        super().__init__(inner, reply)
        self.started = asyncio.Event()
        self.gate = asyncio.Event()

    async def handle(self, command: Command) -> Reply:
        self.started.set()
        await self.gate.wait()
        return await super().handle(command)


async def within(event: asyncio.Event, seconds: float = 15.0) -> None:
    """Wait for an event; fail the test if it never comes."""
    try:
        await asyncio.wait_for(event.wait(), seconds)
    except TimeoutError:
        raise AssertionError("the awaited event never happened") from None
