"""The real adapter (discord_runners → MentorMeetClient.start) against the fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
from pydantic import SecretStr

from adapters.discord import client as discord_client
from adapters.discord import membership
from adapters.discord.messenger import DiscordMessenger
from adapters.discord.platform import discord_runners
from bot.bootstrap import App, build_services
from bot.clock import FakeClock
from bot.commands import Command
from bot.dispatcher import HANDLERS, Dispatcher, Handler
from bot.memory import make_memory_uow_factory
from bot.ports import UnitOfWorkFactory
from bot.runtime import BackgroundRunner
from bot.services import Services
from bot.settings import Settings
from bot.settings.sections import DiscordSettings
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.server import WAIT_SECONDS, FakeDiscord

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def patient_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The adapter's 1 s bounds (member lookup, form prefill, autocomplete) as hang guards.

    Against Discord they keep an answer inside its 3 s; here the fake Discord and the store share
    the test's event loop, which a loaded machine can stall for longer, and a test expecting the
    lookup's or the prefill's answer would then see the timeout path instead. A test about the
    timeout path sets its own small bound.
    """
    monkeypatch.setattr(membership, "LOOKUP_SECONDS", WAIT_SECONDS)
    monkeypatch.setattr(discord_client, "PREFILL_SECONDS", WAIT_SECONDS)


@pytest.fixture(autouse=True)
def restore_endpoints() -> Iterator[None]:
    """discord.py keeps its URLs process-wide; put Discord's back after each test."""
    base = discord.http.Route.BASE
    gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    yield
    discord.http.Route.BASE = base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    yield server
    await server.stop()


async def nothing_to_close() -> None:
    """The App's close hook when there is no database to release."""
    return None


class Bot:
    """One running bot process: settings, services over a shared store, the serving task."""

    def __init__(self, fake: FakeDiscord, uow: UnitOfWorkFactory, **discord_settings: Any) -> None:
        self.fake = fake
        self.uow = uow
        self.settings = Settings(discord=DiscordSettings(
            token=SecretStr(payloads.TOKEN), api_base=fake.api_base,
            gateway_url=fake.gateway_url, **discord_settings,
        ))
        self.handlers: dict[type[Command], Handler] = dict(HANDLERS)
        self._task: asyncio.Future[None] | None = None

    async def start(self) -> None:
        """Build and serve like `mentormeet run` does, then wait for the gateway session."""
        [runner] = discord_runners(self.settings, guild_ready_timeout=0.01)
        assert isinstance(runner.messenger, DiscordMessenger)
        self.messenger = runner.messenger
        self.services: Services = build_services(
            self.settings, self.uow, runner.messenger, FakeClock(NOW)
        )
        self.dispatcher = Dispatcher(self.services, self.handlers)
        app = App(self.settings, self.services, self.dispatcher, BackgroundRunner([]),
                  nothing_to_close)
        sessions = len(self.fake.sessions)
        self._task = asyncio.ensure_future(runner.serve(app))
        connected = asyncio.ensure_future(self.fake.session(after=sessions))
        await asyncio.wait({self._task, connected}, return_when=asyncio.FIRST_COMPLETED)
        if self._task.done():
            connected.cancel()
            self._task.result()  # serving ended early: show why
        await connected

    async def stop(self) -> None:
        """Cancel serving, as SIGTERM does; the adapter closes gracefully."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def restart(self) -> None:
        """Stop and start a fresh process on the same database."""
        await self.stop()
        await self.start()


@pytest.fixture
def store() -> UnitOfWorkFactory:
    return make_memory_uow_factory()


class BotFactory:
    """Makes bots on the fake Discord and one shared store; stops them all at the end."""

    def __init__(self, fake: FakeDiscord, store: UnitOfWorkFactory) -> None:
        self.fake, self.store, self.made = fake, store, list[Bot]()

    def __call__(self, **discord_settings: Any) -> Bot:
        discord_settings.setdefault("defer_after_seconds", 2.5)
        made = Bot(self.fake, self.store, **discord_settings)
        self.made.append(made)
        return made


@pytest.fixture
async def make_bot(fake: FakeDiscord, store: UnitOfWorkFactory) -> AsyncIterator[BotFactory]:
    factory = BotFactory(fake, store)
    yield factory
    for made in factory.made:
        await made.stop()


@pytest.fixture
async def bot(make_bot: BotFactory) -> Bot:
    running = make_bot()
    await running.start()
    return running


ALICE = payloads.member("600000000000000001", "alice")
BOB = payloads.member("600000000000000002", "bob")
