"""SIGTERM on a `mentormeet run` process that is sending reminders: leases returned, exit 0.

With no platform tokens `run` serves the console; the bot reads a script that only waits, so
the reminder dispatcher in the background is what is busy when the signal arrives.
"""

from __future__ import annotations

import signal
import subprocess
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot.reminders.sink import read_delivered
from storage.engine import create_engine
from tests.support.databases import SQL_BACKENDS, SqlBackend
from tests.support.reminder_bots import (
    fresh_postgres_database,
    keep_alive,
    keys_leased_by,
    seed,
    sent_keys,
    start_bot,
    statuses,
    stop,
    until,
)

REMINDERS = 1000
SETTINGS = {"test_sink_delay": "0.01", "batch_size": "100", "concurrency": "4", "lease": "10m"}
SHUTDOWN_BOUND = 30.0  # seconds a graceful stop may take before the test gives up


@asynccontextmanager
async def database_url(backend: SqlBackend, tmp_path: Path) -> AsyncIterator[str]:
    """A URL of a new, empty database of ``backend``."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    else:
        async with fresh_postgres_database() as url:
            yield url


@dataclass(frozen=True)
class Stopped:
    """What a bot stopped with SIGTERM mid-batch left behind."""

    code: int
    log: str
    expected: list[str]
    left_leased: set[str]
    statuses: Counter[str]
    recorded: set[str]
    delivered: set[str]


async def terminate_mid_batch(backend: SqlBackend, tmp_path: Path) -> Stopped:
    """Start a bot with reminders due, SIGTERM it while a batch is in flight, wait for its exit."""
    sink = tmp_path / "sink.jsonl"
    async with database_url(backend, tmp_path) as url:
        engine = create_engine(url)
        try:
            expected = await seed(engine, REMINDERS, timedelta(seconds=1))
            bot = start_bot(tmp_path, "bot", url, sink, "run", **SETTINGS)
            try:
                keep_alive(bot)

                async def mid_batch() -> bool:
                    delivered = set(read_delivered(sink))
                    return bool(delivered & await keys_leased_by(engine, bot.pid))

                await until(mid_batch, "the bot to be mid-batch", bot)
                bot.send_signal(signal.SIGTERM)
                try:
                    code = bot.wait(timeout=SHUTDOWN_BOUND)
                except subprocess.TimeoutExpired:
                    pytest.fail(f"no exit within {SHUTDOWN_BOUND} s of SIGTERM")
            finally:
                stop(bot)
            return Stopped(
                code=code, log=(tmp_path / "bot.log").read_text(encoding="utf-8"),
                expected=expected, left_leased=await keys_leased_by(engine, bot.pid),
                statuses=await statuses(engine), recorded=await sent_keys(engine),
                delivered=set(read_delivered(sink)),
            )
        finally:
            await engine.dispose()


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_sigterm_mid_batch_returns_leases_and_exits_0(
    backend: SqlBackend, tmp_path: Path
) -> None:
    stopped = await terminate_mid_batch(backend, tmp_path)
    assert stopped.code == 0, stopped.log
    assert stopped.left_leased == set()  # no row is left leased by the stopped process
    assert stopped.statuses["leased"] == 0
    assert sum(stopped.statuses.values()) == len(stopped.expected)
    assert stopped.delivered <= stopped.recorded  # every send that went out was recorded
    assert "Traceback" not in stopped.log


async def test_sigterm_stops_claiming_new_batches(tmp_path: Path) -> None:
    stopped = await terminate_mid_batch("sqlite", tmp_path)
    assert stopped.code == 0
    assert len(stopped.recorded) < len(stopped.expected)  # the rest is left for the next bot
