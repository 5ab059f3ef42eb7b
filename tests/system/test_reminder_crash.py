"""Exactly once across crashes and processes, with real bot processes (`python -m bot console`).

Each bot sends through the TEST ONLY file sink (``reminders.test_sink``): every send is appended
to a JSON-lines file keyed by its idempotency key, and a key already in the file is not
delivered again, like a platform honouring a message nonce. The process helpers live in
``tests/support/reminder_bots.py``.
"""

from __future__ import annotations

import signal
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from bot.reminders.sink import read_records
from storage.engine import create_engine
from storage.migrate import upgrade
from tests.support.databases import POSTGRES_URL_ENV, postgres_url
from tests.support.reminder_bots import (
    fresh_postgres_database,
    frozen_while,
    keep_alive,
    seed,
    sent_keys,
    start_bot,
    statuses,
    stop,
    until,
)


async def test_a_bot_killed_mid_batch_and_restarted_delivers_every_reminder_once(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    sink = tmp_path / "sink.jsonl"
    engine = create_engine(url)
    try:
        expected = await seed(engine, 600, timedelta(seconds=2))
        slow = {"test_sink_delay": "0.01", "lease": "3s", "batch_size": "100",
                "concurrency": "4"}
        first = start_bot(tmp_path, "first", url, sink, **slow)
        keep_alive(first)

        async def delivered_but_not_recorded() -> bool:
            delivered = {str(r["key"]) for r in read_records(sink) if not r["duplicate"]}
            return bool(delivered - await sent_keys(engine))

        async def caught_in_flight() -> bool:
            return await frozen_while(first, delivered_but_not_recorded)

        try:
            await until(caught_in_flight, "a batch in flight", first)
            first.send_signal(signal.SIGKILL)
        finally:
            stop(first)
        at_kill = await statuses(engine)
        delivered_at_kill = [r for r in read_records(sink) if not r["duplicate"]]
        assert at_kill["leased"] > 0  # the crash left a claimed batch behind
        assert len(delivered_at_kill) < len(expected)
        assert len({str(r["key"]) for r in delivered_at_kill} - await sent_keys(engine)) > 0

        second = start_bot(tmp_path, "second", url, sink, lease="3s")
        keep_alive(second)

        async def all_sent() -> bool:
            return (await statuses(engine))["sent"] == len(expected)

        try:
            await until(all_sent, "every reminder to be recorded as sent", second)
        finally:
            stop(second)
    finally:
        await engine.dispose()
    records = read_records(sink)
    delivered = Counter(str(r["key"]) for r in records if not r["duplicate"])
    assert set(delivered) == set(expected)  # none lost
    assert max(delivered.values()) == 1  # none delivered twice
    resent = [r for r in records if r["duplicate"]]
    assert resent  # the interrupted batch was sent again, and the sink dropped the repeats
    assert {r["pid"] for r in resent} == {second.pid}


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
async def test_two_bots_on_one_postgres_database_send_each_reminder_once(
    tmp_path: Path,
) -> None:
    async with fresh_postgres_database() as url:
        engine = create_engine(url)
        try:
            await upgrade(engine)
            sinks = [tmp_path / "sink-a.jsonl", tmp_path / "sink-b.jsonl"]
            settings = {"test_sink_delay": "0.005", "batch_size": "50", "concurrency": "4"}
            bots = [start_bot(tmp_path, f"bot{i}", url, sink, **settings)
                    for i, sink in enumerate(sinks)]
            try:
                for bot in bots:
                    keep_alive(bot)

                async def both_up() -> bool:
                    return all(sink.exists() for sink in sinks)

                await until(both_up, "both bots to start", *bots)
                expected = await seed(engine, 2000, timedelta(seconds=3))

                async def all_sent() -> bool:
                    return (await statuses(engine))["sent"] == len(expected)

                await until(all_sent, "every reminder to be recorded as sent", *bots)
            finally:
                for bot in bots:
                    stop(bot)
        finally:
            await engine.dispose()
    records = [r for sink in sinks for r in read_records(sink)
               if str(r["key"]).startswith("mm-")]
    sends = Counter(str(r["key"]) for r in records)
    assert set(sends) == set(expected)  # 0 lost
    assert max(sends.values()) == 1  # 0 duplicates, not even a resend
    per_bot = Counter(int(r["pid"]) for r in records)  # type: ignore[call-overload]
    assert set(per_bot) == {bot.pid for bot in bots}  # both did part of the work
