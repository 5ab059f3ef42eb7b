"""`mentormeet discord sync` registers the command table, per server or globally."""

import asyncio
import os
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr

from adapters.discord.cli import sync_commands
from bot.settings import Settings, SettingsError
from bot.settings.sections import DiscordSettings
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.server import FakeDiscord

APP = payloads.APPLICATION_ID
COMMANDS = ["forget", "help", "intro", "profile"]


def settings_for(fake: FakeDiscord, token: str = payloads.TOKEN) -> Settings:
    return Settings(discord=DiscordSettings(
        token=SecretStr(token), api_base=fake.api_base, gateway_url=fake.gateway_url))


async def test_guild_sync_puts_every_command_to_that_server(fake: FakeDiscord) -> None:
    names = await sync_commands(settings_for(fake), int(payloads.GUILD_ID))
    assert set(COMMANDS) <= set(names)
    [put] = fake.calls_to("PUT", f"/applications/{APP}/guilds/{payloads.GUILD_ID}/commands")
    sent = {c["name"]: c for c in put.body}
    assert sorted(sent) == names
    assert sent["forget"] == {
        "name": "forget", "type": 1, "options": [], "nsfw": False, "dm_permission": True,
        "description": "Delete everything about you in this community (asks first)",
        "default_member_permissions": None, "contexts": [0], "integration_types": None,
    }
    assert fake.calls_to("PUT", f"/applications/{APP}/commands") == []


async def test_global_sync_and_no_gateway_needed(fake: FakeDiscord) -> None:
    names = await sync_commands(settings_for(fake), None)
    assert set(COMMANDS) <= set(names)
    assert len(fake.calls_to("PUT", f"/applications/{APP}/commands")) == 1
    assert fake.sessions == []


async def test_sync_without_a_valid_token_is_a_configuration_error(fake: FakeDiscord) -> None:
    with pytest.raises(SettingsError, match="refused the bot token"):
        await sync_commands(settings_for(fake, "wrong"), None)
    with pytest.raises(SettingsError, match="MENTORMEET_DISCORD_TOKEN"):
        await sync_commands(Settings(), None)


async def run_cli(fake: FakeDiscord, home: Path, *args: str, token: bool = True) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTORMEET_")}
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "MENTORMEET_DISCORD_API_BASE": fake.api_base,
            "MENTORMEET_DISCORD_DEV_GUILD_ID": payloads.GUILD_ID}
    if token:
        env["MENTORMEET_DISCORD_TOKEN"] = payloads.TOKEN
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "discord", "sync", *args, cwd=home, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode or 0, output.decode()


async def test_cli_syncs_the_dev_guild_by_default_and_global_on_request(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    code, output = await run_cli(fake, tmp_path)
    assert code == 0, output
    assert f"to server {payloads.GUILD_ID}:" in output
    assert "/intro" in output
    code, output = await run_cli(fake, tmp_path, "--global")
    assert code == 0, output
    assert "to all servers (global" in output
    assert len(fake.calls_to("PUT", f"/applications/{APP}/commands")) == 1
    code, output = await run_cli(fake, tmp_path, token=False)
    assert code == 2
    assert "MENTORMEET_DISCORD_TOKEN" in output
