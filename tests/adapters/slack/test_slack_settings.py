"""The [slack] settings section: defaults, environment variables, secrets and bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("MENTORMEET_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_leave_slack_off() -> None:
    slack = load_settings(env={}).slack
    assert not slack.enabled
    assert (slack.mode, slack.host, slack.port, slack.path) == (
        "socket", "127.0.0.1", 3000, "/slack/events")
    assert slack.api_base == "https://slack.com/api/"
    assert slack.command_prefix == "/"
    assert slack.organizer_admins is True
    assert "commands" in slack.scopes


def test_environment_sets_everything_and_tidies_values() -> None:
    slack = load_settings(env={
        "MENTORMEET_SLACK_MODE": " HTTP ",
        "MENTORMEET_SLACK_SIGNING_SECRET": "sig",
        "MENTORMEET_SLACK_CLIENT_ID": " 1.2 ",
        "MENTORMEET_SLACK_CLIENT_SECRET": "cs",
        "MENTORMEET_SLACK_API_BASE": "http://127.0.0.1:8080/api",
        "MENTORMEET_SLACK_PUBLIC_URL": "https://bot.example.org/",
        "MENTORMEET_SLACK_SCOPES": "commands, chat:write",
        "MENTORMEET_SLACK_COMMAND_PREFIX": "/MM-",
        "MENTORMEET_SLACK_ORGANIZER_USERGROUP": "@crew",
        "MENTORMEET_SLACK_ORGANIZER_ADMINS": "false",
        "MENTORMEET_SLACK_PORT": "0",
    }).slack
    assert slack.enabled
    assert slack.oauth
    assert slack.mode == "http"
    assert slack.api_base == "http://127.0.0.1:8080/api/"
    assert slack.public_url == "https://bot.example.org"
    assert slack.scopes == ["commands", "chat:write"]
    assert slack.command_prefix == "/mm-"
    assert (slack.client_id, slack.organizer_usergroup, slack.organizer_admins) == (
        "1.2", "crew", False)
    assert slack.client_secret is not None
    assert slack.client_secret.get_secret_value() == "cs"


def test_secrets_in_the_file_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[slack]\nbot_token = "xoxb-leaked-123"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(config, env={})
    assert "MENTORMEET_SLACK_BOT_TOKEN" in caught.value.message
    assert "leaked-123" not in caught.value.message


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("MODE", "webhook", "slack.mode"),
        ("COMMAND_PREFIX", "mm-", "slack.command_prefix"),
        ("COMMAND_PREFIX", "/mm intro", "slack.command_prefix"),
        ("COMMAND_PREFIX", "/" + "x" * 21, "slack.command_prefix"),
        ("API_BASE", "slack.com/api", "slack.api_base"),
        ("PUBLIC_URL", "ftp://bot", "slack.public_url"),
        ("PATH", "slack/events", "slack.path"),
        ("PORT", "70000", "slack.port"),
    ],
)
def test_bad_values_name_the_key(key: str, value: str, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem.replace(".", r"\.")):
        load_settings(env={f"MENTORMEET_SLACK_{key}": value})


def test_blank_secrets_count_as_unset() -> None:
    assert not load_settings(env={"MENTORMEET_SLACK_BOT_TOKEN": "  "}).slack.enabled
