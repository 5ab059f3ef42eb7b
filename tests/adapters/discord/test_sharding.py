"""Discord sharding: `[discord] shard_count` and `shard_ids` select an AutoShardedClient."""

from __future__ import annotations

import discord
import pytest

from adapters.discord.client import MentorMeetClient, make_client
from bot.dispatcher import Dispatcher
from bot.settings import SettingsError
from bot.settings.loading import load_settings
from bot.settings.sections import DiscordSettings
from tests.support.core_services import memory_services


def client_for(settings: DiscordSettings) -> MentorMeetClient:
    services = memory_services()
    return make_client(Dispatcher(services), services, settings)


async def test_without_shard_settings_the_client_is_not_sharded() -> None:
    client = client_for(DiscordSettings())
    assert not isinstance(client, discord.AutoShardedClient)
    assert client.shard_count is None


async def test_shard_count_alone_runs_every_shard_in_this_process() -> None:
    client = client_for(DiscordSettings(shard_count=4))
    assert isinstance(client, discord.AutoShardedClient)
    assert isinstance(client, MentorMeetClient)  # same commands, buttons and forms
    assert client.shard_count == 4
    assert client.shard_ids is None  # discord.py then launches shards 0..3


async def test_shard_ids_pick_this_process_s_share_of_the_shards() -> None:
    client = client_for(DiscordSettings(shard_count=4, shard_ids=[1, 3]))
    assert isinstance(client, discord.AutoShardedClient)
    assert (client.shard_count, client.shard_ids) == (4, [1, 3])


def test_shard_settings_come_from_the_environment() -> None:
    env = {"MENTORMEET_DISCORD_SHARD_COUNT": "2", "MENTORMEET_DISCORD_SHARD_IDS": "[0]"}
    settings = load_settings(None, env=env).discord
    assert (settings.shard_count, settings.shard_ids) == (2, [0])


@pytest.mark.parametrize(("shards", "message"), [
    ({"shard_ids": [0]}, "needs shard_count"),
    ({"shard_count": 2, "shard_ids": [2]}, "from 0 to 1"),
    ({"shard_count": 2, "shard_ids": [-1]}, "from 0 to 1"),
    ({"shard_count": 3, "shard_ids": [1, 1]}, "distinct"),
    ({"shard_count": 3, "shard_ids": []}, "distinct"),
    ({"shard_count": 0}, "shard_count"),
])
def test_inconsistent_shard_settings_are_refused(
    shards: dict[str, object], message: str
) -> None:
    env = {f"MENTORMEET_DISCORD_{k.upper()}": str(v) for k, v in shards.items()}
    with pytest.raises(SettingsError, match=message):
        load_settings(None, env=env)
