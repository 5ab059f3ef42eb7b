"""Health checks: the database probe, the runner's heartbeat, adapters, and the bounded monitor."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

import bot.runtime
from adapters.ops.health import (
    CheckResult,
    HealthMonitor,
    adapters_check,
    database_check,
    heartbeat_check,
)
from bot.runtime import BackgroundRunner
from storage.engine import create_engine
from storage.health import SqlDatabaseProbe
from tests.support.databases import SQL_BACKENDS, SqlBackend, empty_engine


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_the_probe_passes_on_a_reachable_database(
    backend: SqlBackend, tmp_path: Path
) -> None:
    async with empty_engine(backend, tmp_path) as engine:
        assert await database_check(SqlDatabaseProbe(engine))() == CheckResult(True)


async def test_the_probe_fails_with_a_reason_when_postgres_is_unreachable() -> None:
    engine = create_engine(f"postgresql+asyncpg://bob:pw-x1@127.0.0.1:{closed_port()}/mm")
    try:
        result = await database_check(SqlDatabaseProbe(engine))()
    finally:
        await engine.dispose()
    assert not result.ok
    assert result.detail.startswith("database unreachable: ")
    assert "Connect call failed" in result.detail or "refused" in result.detail.lower()
    assert "pw-x1" not in result.detail
    assert "\n" not in result.detail


async def test_the_probe_fails_when_the_sqlite_file_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    engine = create_engine(f"sqlite+aiosqlite:///{folder / 'bot.db'}")
    folder.rmdir()
    folder.write_text("not a folder")  # the database's folder is gone (root ignores chmod)
    try:
        result = await database_check(SqlDatabaseProbe(engine))()
    finally:
        await engine.dispose()
        await _aiosqlite_threads_finished()
    assert not result.ok
    assert "unable to open database file" in result.detail


async def _aiosqlite_threads_finished() -> None:
    """Let aiosqlite's worker thread of the failed connection report back before the loop ends."""
    for _ in range(1000):
        if not any("_connection_worker_thread" in t.name for t in threading.enumerate()):
            return
        await asyncio.sleep(0.01)


async def test_heartbeat_check_reports_stopped_stale_and_fresh_runners() -> None:
    assert await heartbeat_check(lambda: None)() == CheckResult(
        False, "background runner is not running"
    )
    assert await heartbeat_check(lambda: 31.4, stale_after=30)() == CheckResult(
        False, "background runner last beat 31 s ago"
    )
    assert (await heartbeat_check(lambda: 29.0, stale_after=30)()).ok


async def test_a_running_runner_keeps_beating_and_stops_beating_when_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [100.0]
    monkeypatch.setattr(bot.runtime, "time", SimpleNamespace(monotonic=lambda: now[0]))
    runner = BackgroundRunner([], heartbeat_seconds=0.01)
    assert runner.heartbeat_age() is None
    runner.start()
    try:
        assert runner.heartbeat_age() == 0
        now[0] = 200.0
        assert runner.heartbeat_age() == 100
        for _ in range(2000):  # wait for the timer's next beat (bounded; no timing asserted)
            if runner.heartbeat_age() == 0:
                break
            await asyncio.sleep(0.005)
        assert runner.heartbeat_age() == 0
    finally:
        await runner.stop()
    assert runner.heartbeat_age() is None


async def test_adapters_check_names_every_disconnected_platform() -> None:
    def broken() -> bool:
        raise RuntimeError("socket closed")

    assert (await adapters_check({})()).ok
    assert (await adapters_check({"discord": lambda: True})()).ok
    result = await adapters_check(
        {"slack": lambda: False, "discord": broken, "console": lambda: True}
    )()
    assert result == CheckResult(
        False, "not connected: discord (RuntimeError: socket closed), slack"
    )


async def test_the_monitor_runs_checks_concurrently_and_bounds_each() -> None:
    never = asyncio.Event()

    async def hangs() -> CheckResult:
        await never.wait()
        return CheckResult(True)

    async def explodes() -> CheckResult:
        raise ValueError("bad check")

    async def fine() -> CheckResult:
        return CheckResult(True)

    monitor = HealthMonitor({"db": hangs, "x": explodes, "ok": fine}, timeout=0.05)
    report = await monitor.report()
    assert not report.healthy
    assert report.as_json() == {
        "status": "unhealthy",
        "checks": {
            "db": {"ok": False, "detail": "no answer within 0.05 s"},
            "x": {"ok": False, "detail": "check failed: ValueError: bad check"},
            "ok": {"ok": True, "detail": "ok"},
        },
    }
    assert (await HealthMonitor({"ok": fine}).report()).as_json()["status"] == "ok"
