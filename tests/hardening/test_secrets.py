"""Secrets never appear in logs or replies: the bot runs with fake tokens set, output is grepped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRETS = {
    "MENTORMEET_DISCORD_TOKEN": "MTIzNDU2Nzg5MDEyMzQ1Njc4.FAKE01.hardening-discord-token-zz",
    "MENTORMEET_SLACK_BOT_TOKEN": "xoxb-000000-hardening-bot-token-zz",
    "MENTORMEET_SLACK_APP_TOKEN": "xapp-1-hardening-app-token-zz",
    "MENTORMEET_SLACK_SIGNING_SECRET": "hardening-signing-secret-0123456789abcdef",
    "MENTORMEET_SLACK_CLIENT_SECRET": "hardening-client-secret-0123456789abcdef",
}
DB_PASSWORD = "hardening-db-pa55word"

SCRIPT = "\n".join([
    "alice /intro I write Python and Go, learning Rust",
    f"alice /intro {SECRETS['MENTORMEET_SLACK_BOT_TOKEN'][:8]} my token is not here",
    "alice /profile edit add NoSuchSkill",
    "alice /meetup create title=x when=whenever",
    "alice /nonsense",
    "alice /match Rust",
    "alice /forget confirm",
])


SINGLE_WORKSPACE = {k: v for k, v in SECRETS.items() if k != "MENTORMEET_SLACK_CLIENT_SECRET"}
OAUTH = {"MENTORMEET_DISCORD_TOKEN": SECRETS["MENTORMEET_DISCORD_TOKEN"],
         "MENTORMEET_SLACK_CLIENT_SECRET": SECRETS["MENTORMEET_SLACK_CLIENT_SECRET"],
         "MENTORMEET_SLACK_SIGNING_SECRET": SECRETS["MENTORMEET_SLACK_SIGNING_SECRET"],
         "MENTORMEET_SLACK_APP_TOKEN": SECRETS["MENTORMEET_SLACK_APP_TOKEN"],
         "MENTORMEET_SLACK_CLIENT_ID": "123.456"}


def _run(args: list[str], tmp_path: Path, extra_env: dict[str, str],
         secrets: dict[str, str] = SECRETS, script: str = SCRIPT) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MENTORMEET_")}
    env |= secrets | {"MENTORMEET_LOGGING_LEVEL": "debug"} | extra_env
    result = subprocess.run([sys.executable, "-m", "bot", *args], input=script,
                            capture_output=True, text=True, timeout=120, check=False,
                            env=env, cwd=tmp_path)
    return result.stdout + result.stderr


def _assert_clean(output: str) -> None:
    for name, secret in SECRETS.items():
        assert secret not in output, f"{name} leaked"
        assert secret[-12:] not in output, f"part of {name} leaked"
    assert DB_PASSWORD not in output


@pytest.mark.parametrize("secrets", [SINGLE_WORKSPACE, OAUTH], ids=["tokens", "oauth"])
def test_a_console_run_with_secrets_set_never_shows_them(
        tmp_path: Path, secrets: dict[str, str]) -> None:
    db = tmp_path / "bot.db"
    output = _run(["console"], tmp_path, {"MENTORMEET_DATABASE_URL": f"sqlite+aiosqlite:///{db}"},
                  secrets)
    assert "[to alice]" in output  # the run did happen, with debug logging on
    _assert_clean(output)


def test_a_bad_configuration_error_never_shows_secrets(tmp_path: Path) -> None:
    (tmp_path / "mentormeet.toml").write_text(
        '[slack]\nbot_token = "xoxb-000000-hardening-bot-token-zz"\n[intro]\nmax_chars = -1\n',
        encoding="utf-8")
    output = _run(["console", "--config", str(tmp_path / "mentormeet.toml")], tmp_path, {})
    assert "max_chars" in output
    _assert_clean(output)


@pytest.mark.parametrize("command", [["console"], ["db", "upgrade"]])
def test_an_unreachable_database_error_never_shows_its_password(
        tmp_path: Path, command: list[str]) -> None:
    url = f"postgresql+asyncpg://bot:{DB_PASSWORD}@127.0.0.1:1/nowhere"
    output = _run(command, tmp_path, {"MENTORMEET_DATABASE_URL": url,
                                      "MENTORMEET_DATABASE_CONNECT_TIMEOUT": "2"})
    assert output.strip()
    _assert_clean(output)
