"""`mentormeet run` with Slack credentials serves Slack (in a subprocess), and the runner wiring."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest

from adapters.platforms import configured_platforms
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Reply
from bot.settings import load_settings
from tests.adapters.slack.conftest import BOT_TOKEN
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import SIGNING_SECRET, Member, SlackSide

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _listening(port: int, process: asyncio.subprocess.Process) -> None:
    for _ in range(600):
        if process.returncode is not None:
            stderr = await process.stderr.read() if process.stderr else b""
            raise AssertionError(
                f"the bot exited with {process.returncode} before listening:\n"
                + stderr.decode()[-3000:])
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise AssertionError("the bot never listened")


def _env(fake: FakeSlack, port: int, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MENTORMEET_", "SLACK_"))}
    env.update({
        "HOME": str(tmp_path),
        "MENTORMEET_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        "MENTORMEET_SLACK_MODE": "http",
        "MENTORMEET_SLACK_HOST": "127.0.0.1",
        "MENTORMEET_SLACK_PORT": str(port),
        "MENTORMEET_SLACK_API_BASE": fake.api_base,
        "MENTORMEET_SLACK_BOT_TOKEN": BOT_TOKEN,
        "MENTORMEET_SLACK_SIGNING_SECRET": SIGNING_SECRET,
    })
    return env


async def test_mentormeet_run_serves_slack_over_http_and_stops_on_sigterm(
    fake: FakeSlack, tmp_path: Path
) -> None:
    port = _free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=_env(fake, port, tmp_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        await _listening(port, process)
        slack = SlackSide(f"http://127.0.0.1:{port}/slack/events")
        answer = await slack.command(
            "/intro", "SRE with Go and Kubernetes, learning Rust", Member(),
            fake.response_url("e2e"))
        reply = await fake.wait_for_call("response_url")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert answer.status == 200
    assert "Kubernetes" in str(reply.params["blocks"])
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert BOT_TOKEN not in stderr.decode()
    assert SIGNING_SECRET not in stderr.decode()


def test_slack_runs_only_when_its_credentials_are_configured() -> None:
    assert configured_platforms(load_settings(env={})) == []
    socket_mode = {"MENTORMEET_SLACK_BOT_TOKEN": BOT_TOKEN, "MENTORMEET_SLACK_APP_TOKEN": "xapp"}
    runners = configured_platforms(load_settings(env=socket_mode))
    assert [r.platform for r in runners] == [Platform.SLACK]
    assert runners[0].connected() is False  # not serving yet


async def test_the_runners_messenger_posts_with_the_bot_token(fake: FakeSlack) -> None:
    env = {"MENTORMEET_SLACK_BOT_TOKEN": BOT_TOKEN, "MENTORMEET_SLACK_APP_TOKEN": "xapp",
           "MENTORMEET_SLACK_API_BASE": fake.api_base}
    (runner,) = configured_platforms(load_settings(env=env))
    result = await runner.messenger.send(
        Outgoing(Recipient(Platform.SLACK, "T1", channel="C1"), Reply(text="Hello")))
    assert result.status is SendStatus.SENT
    assert [(c.method, c.token) for c in fake.calls] == [("chat.postMessage", BOT_TOKEN)]


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"MENTORMEET_SLACK_BOT_TOKEN": "xoxb-SECRET-42"}, "MENTORMEET_SLACK_APP_TOKEN"),
        ({"MENTORMEET_SLACK_BOT_TOKEN": "xoxb-SECRET-42", "MENTORMEET_SLACK_MODE": "http"},
         "MENTORMEET_SLACK_SIGNING_SECRET"),
        ({"MENTORMEET_SLACK_CLIENT_ID": "1.2", "MENTORMEET_SLACK_APP_TOKEN": "xapp"},
         "MENTORMEET_SLACK_CLIENT_SECRET"),
        ({"MENTORMEET_SLACK_CLIENT_ID": "1.2", "MENTORMEET_SLACK_CLIENT_SECRET": "s",
          "MENTORMEET_SLACK_BOT_TOKEN": "xoxb-SECRET-42", "MENTORMEET_SLACK_APP_TOKEN": "xapp"},
         "not both"),
    ],
)
def test_incomplete_slack_credentials_stop_start_up_with_the_variable_to_set(
    env: dict[str, str], problem: str
) -> None:
    from bot.settings import SettingsError

    with pytest.raises(SettingsError, match=problem) as caught:
        load_settings(env=env)
    assert "SECRET-42" not in caught.value.message
