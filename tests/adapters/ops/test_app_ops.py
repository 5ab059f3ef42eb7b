"""The wired bot with [ops] enabled: the server starts with the app and stops with it."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp
import pytest

from adapters.console.messenger import ConsoleMessenger
from bot.bootstrap import build_app
from bot.commands import ShowHelp, SubmitIntro
from bot.metrics import NullMetrics
from bot.settings import Settings, SettingsError
from tests.support.actors import actor


def settings(tmp_path: Path, **ops: object) -> Settings:
    return Settings(
        database={"url": f"sqlite:///{tmp_path / 'bot.db'}"},  # type: ignore[arg-type]
        ops=ops,  # type: ignore[arg-type]
    )


async def fetch(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(
        f"http://127.0.0.1:{port}{path}"
    ) as response:
        return response.status, await response.text()


async def test_ops_is_off_by_default(tmp_path: Path) -> None:
    app = await build_app(settings(tmp_path), ConsoleMessenger(lambda line: None))
    try:
        assert app.ops_address is None
        assert isinstance(app.services.metrics, NullMetrics)
    finally:
        await app.aclose()


async def test_enabled_ops_serves_health_and_metrics_for_the_running_app(tmp_path: Path) -> None:
    app = await build_app(
        settings(tmp_path, enabled=True, host="127.0.0.1", port=0),
        ConsoleMessenger(lambda line: None),
        connections={"discord": lambda: True},
    )
    try:
        assert app.ops_address is not None
        host, port = app.ops_address
        assert (host, port > 0) == ("127.0.0.1", True)
        status, body = await fetch(port, "/healthz")
        assert status == 503  # built, but background work has not started yet
        assert json.loads(body)["checks"]["background"]["ok"] is False
        app.start()
        status, body = await fetch(port, "/healthz")
        assert status == 200, body
        assert json.loads(body)["checks"]["database"] == {"ok": True, "detail": "ok"}
        await app.dispatcher.handle(SubmitIntro(actor=actor("ana"), text="Python and SQL"))
        await app.dispatcher.handle(ShowHelp(actor=actor("ana")))
        status, exposition = await fetch(port, "/metrics")
        assert status == 200
        assert 'mentormeet_commands_total{command="submit_intro",outcome="ok"} 1.0' in exposition
        assert 'mentormeet_adapter_connected{platform="discord"} 1.0' in exposition
        waits = next(line for line in exposition.splitlines()
                     if line.startswith("mentormeet_database_wait_seconds_count"))
        assert float(waits.split()[-1]) >= 1  # the intro's unit of work took a turn
    finally:
        await app.aclose()
    with pytest.raises(aiohttp.ClientConnectionError):
        await fetch(port, "/healthz")


async def test_a_busy_ops_port_stops_start_up_and_releases_the_database(tmp_path: Path) -> None:
    first = await build_app(
        settings(tmp_path / "a", enabled=True, port=0), ConsoleMessenger(lambda line: None)
    )
    try:
        assert first.ops_address is not None
        busy = settings(tmp_path, enabled=True, port=first.ops_address[1])
        with pytest.raises(SettingsError, match=r"cannot listen on 127\.0\.0\.1"):
            await build_app(busy, ConsoleMessenger(lambda line: None))
        again = await build_app(settings(tmp_path), ConsoleMessenger(lambda line: None))
        await again.aclose()  # the SQLite process lock was given back
    finally:
        await first.aclose()
