"""The [discord] settings section: defaults, environment, validation, the secret token."""

import pytest

from bot.settings import SettingsError, load_settings
from bot.settings.sections import DISCORD_API_BASE, DISCORD_GATEWAY_URL


def test_defaults_point_at_discord_and_no_token_means_no_adapter() -> None:
    settings = load_settings(None, env={})
    assert settings.discord.token is None
    assert settings.discord.api_base == DISCORD_API_BASE == "https://discord.com/api/v10"
    assert settings.discord.gateway_url == DISCORD_GATEWAY_URL
    assert settings.discord.defer_after_seconds == 1.0


def test_environment_configures_everything() -> None:
    settings = load_settings(None, env={
        "MENTORMEET_DISCORD_TOKEN": "  s3cr3t-tok  ",
        "MENTORMEET_DISCORD_API_BASE": "http://127.0.0.1:9999/api/v10/",
        "MENTORMEET_DISCORD_GATEWAY_URL": "ws://127.0.0.1:9999/gateway",
        "MENTORMEET_DISCORD_DEV_GUILD_ID": "800000000000000001",
        "MENTORMEET_DISCORD_ORGANIZER_ROLE": " Organizers ",
        "MENTORMEET_DISCORD_DEFER_AFTER_SECONDS": "0.5",
    })
    discord = settings.discord
    assert discord.token is not None
    assert discord.token.get_secret_value() == "s3cr3t-tok"
    assert discord.api_base == "http://127.0.0.1:9999/api/v10"
    assert discord.gateway_url == "ws://127.0.0.1:9999/gateway"
    assert discord.dev_guild_id == 800000000000000001
    assert discord.organizer_role == "Organizers"
    assert discord.defer_after_seconds == 0.5
    assert "s3cr3t" not in repr(settings)
    assert settings.secret_values() == ["s3cr3t-tok"]


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("MENTORMEET_DISCORD_API_BASE", "ftp://x", "http:// or https://"),
        ("MENTORMEET_DISCORD_GATEWAY_URL", "https://gateway.discord.gg", "ws:// or wss://"),
        ("MENTORMEET_DISCORD_DEFER_AFTER_SECONDS", "3", "2.5"),
        ("MENTORMEET_DISCORD_DEV_GUILD_ID", "-4", "discord.dev_guild_id"),
    ],
)
def test_bad_values_name_the_key(variable: str, value: str, problem: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(None, env={variable: value})
    assert problem in caught.value.message


def test_token_in_the_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "c.toml"
    file.write_text('[discord]\ntoken = "tok-123"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(file, env={})
    assert "MENTORMEET_DISCORD_TOKEN" in caught.value.message
    assert "tok-123" not in caught.value.message
