"""Login, the zlib-stream gateway handshake, heartbeats, RESUME after a reconnect, bad tokens."""

import pytest
from pydantic import SecretStr

from adapters.discord.messenger import DiscordMessenger
from adapters.discord.platform import TOKEN_REFUSED, discord_runners
from adapters.platforms import configured_platforms
from bot.bootstrap import App, build_services
from bot.clock import FakeClock
from bot.dispatcher import Dispatcher
from bot.domain.community import Platform
from bot.memory import make_memory_uow_factory
from bot.runtime import BackgroundRunner
from bot.settings import Settings, SettingsError
from bot.settings.sections import DiscordSettings
from tests.adapters.discord.conftest import ALICE, NOW, Bot, nothing_to_close
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.gateway import SESSION_ID
from tests.adapters.discord.fake_discord.payloads import slash
from tests.adapters.discord.fake_discord.server import FakeDiscord


async def test_login_then_identify_over_zlib_stream(bot: Bot, fake: FakeDiscord) -> None:
    assert [(c.method, c.path, c.authorization) for c in fake.calls[:2]] == [
        ("GET", "/users/@me", f"Bot {payloads.TOKEN}"),
        ("GET", "/oauth2/applications/@me", f"Bot {payloads.TOKEN}"),
    ]
    session = await fake.session()
    assert session.query == {"v": "10", "encoding": "json", "compress": "zlib-stream"}
    [identify] = session.ops(2)
    assert identify["d"]["token"] == payloads.TOKEN
    assert identify["d"]["intents"] == 1  # GUILDS only: nothing privileged
    assert session.ops(1), "the bot heartbeats right after HELLO"


async def test_reconnect_request_resumes_the_session(bot: Bot, fake: FakeDiscord) -> None:
    first = await fake.session()
    await first.send(7, None)  # RECONNECT
    second = await fake.session(after=1)
    assert second.resumed.is_set()
    assert not second.ops(2)
    [resume] = second.ops(6)
    assert resume["d"] == {"token": payloads.TOKEN, "session_id": SESSION_ID, "seq": 2}
    body = await fake.interact(slash("forget", [], ALICE))
    assert body["type"] == 4


async def test_a_dropped_connection_is_resumed(bot: Bot, fake: FakeDiscord) -> None:
    first = await fake.session()
    await first.socket.close(code=4000, message=b"unknown error")
    assert (await fake.session(after=1)).resumed.is_set()
    body = await fake.interact(slash("forget", [], ALICE))
    assert body["type"] == 4


async def test_a_refused_token_is_a_configuration_error(fake: FakeDiscord) -> None:
    settings = Settings(discord=DiscordSettings(
        token=SecretStr("not-the-token"), api_base=fake.api_base, gateway_url=fake.gateway_url))
    [runner] = discord_runners(settings)
    services = build_services(settings, make_memory_uow_factory(), runner.messenger, FakeClock(NOW))
    app = App(settings, services, Dispatcher(services), BackgroundRunner([]), nothing_to_close)
    with pytest.raises(SettingsError) as caught:
        await runner.serve(app)
    assert caught.value.message == TOKEN_REFUSED
    assert "not-the-token" not in caught.value.message


def test_run_serves_discord_only_when_a_token_is_set() -> None:
    assert configured_platforms(Settings()) == []
    [runner] = configured_platforms(Settings(discord=DiscordSettings(token=SecretStr("t"))))
    assert runner.platform is Platform.DISCORD
    assert isinstance(runner.messenger, DiscordMessenger)
