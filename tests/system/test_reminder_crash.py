"""Exactly once across crashes and processes, with real bot processes (`python -m bot console`).

Each bot sends through the TEST ONLY file sink (``reminders.test_sink``): every send is appended
to a JSON-lines file keyed by its idempotency key, and a key already in the file is not
delivered again, like a platform honouring a message nonce.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.domain.community import Platform
from bot.meetups.domain import Rsvp, RsvpStatus
from bot.reminders.domain import DeliveryStatus, PlannedDelivery
from bot.reminders.sink import read_records
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.tables_meetups import deliveries
from storage.uow import make_uow_factory
from tests.support.databases import POSTGRES_URL_ENV, postgres_url
from tests.support.meetups import meetup_for, reminder

ROOT = Path(__file__).resolve().parents[2]
WAIT = 90.0  # seconds to wait for the bots before giving up (not an assertion on speed)


async def seed(engine: AsyncEngine, count: int, due_in: timedelta) -> list[str]:
    """A console community with ``count`` members going to a meetup, each owed one reminder."""
    await upgrade(engine)
    uow = make_uow_factory(engine)
    now = datetime.now(UTC)
    async with uow() as work:
        community = await work.communities.get_or_create(Platform.CONSOLE, "local", "local")
        members = [await work.members.get_or_create(community.id, f"m{i}", f"M{i}")
                   for i in range(count)]
        meetup = await work.meetups.events.add(
            meetup_for(community, None, starts_at=now + timedelta(hours=1), title="Crash night")
        )
        for member in members:
            await work.meetups.rsvps.put(
                Rsvp(community.id, meetup.id, member.id, RsvpStatus.GOING, now))
        plans: list[PlannedDelivery] = [
            reminder(meetup, m, timedelta(minutes=50), due_at=now + due_in) for m in members
        ]
        await work.meetups.deliveries.add(plans)
        await work.commit()
    return [p.idempotency_key for p in plans]


async def statuses(engine: AsyncEngine) -> Counter[str]:
    """Deliveries per status."""
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(deliveries.c.status, func.count()).group_by(deliveries.c.status))
        return Counter({status: count for status, count in rows})


async def sent_keys(engine: AsyncEngine) -> set[str]:
    """Idempotency keys of deliveries recorded as sent."""
    uow = make_uow_factory(engine)
    async with uow() as work:
        community = await work.communities.find(Platform.CONSOLE, "local")
        assert community is not None
        found = await work.meetups.events.find(community.id, ["scheduled"])  # type: ignore[list-item]
        rows = [d for m in found for d in await work.meetups.deliveries.for_meetup(
            community.id, m.id)]
    return {d.idempotency_key for d in rows if d.status is DeliveryStatus.SENT}


def start_bot(
    tmp_path: Path, name: str, url: str, sink: Path, **settings: str
) -> subprocess.Popen[str]:
    """A bot process serving the console community from a script that just waits."""
    config = tmp_path / "empty.toml"
    config.write_text("# settings come from the environment\n", encoding="utf-8")
    env = {**os.environ, "MENTORMEET_DATABASE_URL": url,
           "MENTORMEET_REMINDERS_TEST_SINK": str(sink),
           "MENTORMEET_REMINDERS_SAFETY_INTERVAL": "1s",
           "MENTORMEET_LOGGING_LEVEL": "WARNING", "MENTORMEET_CONFIG": str(config)}
    env |= {f"MENTORMEET_REMINDERS_{k.upper()}": v for k, v in settings.items()}
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "console"], cwd=ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
    )


def keep_alive(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write(":sleep 600\n")
    process.stdin.flush()


async def until(
    condition: Callable[[], Awaitable[bool]], what: str, *bots: subprocess.Popen[str]
) -> None:
    """Poll until ``condition`` holds; fail if a bot exits or after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while not await condition():
        dead = [bot.args for bot in bots if bot.poll() is not None]
        if dead or time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} (exited: {dead})")
        await asyncio.sleep(0.005)


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


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

        try:
            await until(delivered_but_not_recorded, "a batch in flight", first)
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


@asynccontextmanager
async def fresh_postgres_database() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (dropped afterwards); yields its URL."""
    admin_url = postgres_url()
    assert admin_url is not None
    name = f"mm_test_{secrets.token_hex(6)}"
    admin = create_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


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
