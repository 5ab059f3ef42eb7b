"""The app manifest: the shipped file matches the code, lists every command, fits each mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pydantic import SecretStr
from typer.testing import CliRunner

from adapters.slack.manifest import (
    MANIFEST_FILE,
    ManifestError,
    core_commands,
    manifest,
    manifest_yaml,
)
from bot.cli import app
from bot.settings.sections import SlackSettings


def test_the_shipped_manifest_is_the_one_for_the_default_settings() -> None:
    shipped = yaml.safe_load(MANIFEST_FILE.read_text(encoding="utf-8"))
    assert shipped == manifest(SlackSettings()), (
        "adapters/slack/manifest.yml is out of date: run "
        "`mentormeet slack manifest --yaml > adapters/slack/manifest.yml`")
    assert MANIFEST_FILE.read_text(encoding="utf-8") == manifest_yaml(SlackSettings())


def test_every_core_command_is_a_slash_command_once() -> None:
    commands = [c["command"] for c in manifest(SlackSettings())["features"]["slash_commands"]]
    assert {f"/{name}" for name in core_commands()} <= set(commands)
    assert len(commands) == len(set(commands))
    assert "/meetups" not in commands  # an alias of /meetup, not a separate Slack command


def test_socket_mode_needs_no_urls() -> None:
    document = manifest(SlackSettings())
    assert document["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in json.dumps(document)
    assert "url" not in document["features"]["slash_commands"][0]
    assert document["settings"]["interactivity"] == {"is_enabled": True}
    assert document["settings"]["event_subscriptions"]["bot_events"] == [
        "app_uninstalled", "tokens_revoked"]


def test_http_mode_with_oauth_and_a_prefix_points_everything_at_the_public_url() -> None:
    settings = SlackSettings(mode="http", public_url="https://bot.example.org",
                             path="/hooks/slack", command_prefix="/mm-",
                             client_id="1.2", client_secret=SecretStr("s"),
                             signing_secret=SecretStr("x"))
    document = manifest(settings, core_names=["intro", "help"])
    url = "https://bot.example.org/hooks/slack"
    assert [(c["command"], c["url"]) for c in document["features"]["slash_commands"]] == [
        ("/mm-help", url), ("/mm-intro", url)]
    assert document["settings"]["interactivity"]["request_url"] == url
    assert document["settings"]["event_subscriptions"]["request_url"] == url
    assert document["settings"]["socket_mode_enabled"] is False
    assert document["oauth_config"]["redirect_urls"] == [
        "https://bot.example.org/slack/oauth_redirect"]


def test_http_mode_without_a_public_url_is_refused() -> None:
    with pytest.raises(ManifestError, match="public_url"):
        manifest(SlackSettings(mode="http"))


def test_the_cli_prints_the_manifest_for_the_configured_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    env = {"MENTORMEET_SLACK_COMMAND_PREFIX": "/mm-"}
    printed = runner.invoke(app, ["slack", "manifest"], env=env)
    assert printed.exit_code == 0, printed.output
    commands = json.loads(printed.stdout)["features"]["slash_commands"]
    assert "/mm-intro" in [c["command"] for c in commands]
    refused = runner.invoke(app, ["slack", "manifest"], env={"MENTORMEET_SLACK_MODE": "http"})
    assert refused.exit_code == 2
    assert "public_url" in refused.stderr
