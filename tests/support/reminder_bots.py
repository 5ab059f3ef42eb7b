"""Real bot processes sending reminders through the TEST ONLY file sink, and their database.

Shared by the system tests (crash, several processes, SIGTERM): seed a console community whose
members are each owed one reminder, start ``python -m bot <command>`` processes that only wait
(so the background reminder dispatcher does the work), and poll the database and the sink files.
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

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.domain.community import Platform
from bot.meetups.domain import Rsvp, RsvpStatus
from bot.reminders.domain import Delivery, DeliveryStatus, PlannedDelivery
from storage.engine import READ_ONLY, PoolOptions, create_engine
from storage.migrate import upgrade
from storage.tables_meetups import deliveries
from storage.uow import make_uow_factory
from tests.support.databases import postgres_url
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
        await connection.execution_options(**{READ_ONLY: True})  # as in all_deliveries
        rows = await connection.execute(
            select(deliveries.c.status, func.count()).group_by(deliveries.c.status))
        return Counter({status: count for status, count in rows})


async def all_deliveries(engine: AsyncEngine) -> list[Delivery]:
    """Every delivery of the seeded console community."""
    uow = make_uow_factory(engine)
    # read-only: a writing unit of work would take SQLite's write lock, which a bot frozen by
    # ``frozen_while`` may hold
    async with uow(read_only=True) as work:
        community = await work.communities.find(Platform.CONSOLE, "local")
        assert community is not None
        found = await work.meetups.events.find(community.id, ["scheduled"])  # type: ignore[list-item]
        return [d for m in found for d in await work.meetups.deliveries.for_meetup(
            community.id, m.id)]


async def sent_keys(engine: AsyncEngine) -> set[str]:
    """Idempotency keys of deliveries recorded as sent."""
    return {d.idempotency_key for d in await all_deliveries(engine)
            if d.status is DeliveryStatus.SENT}


async def keys_leased_by(engine: AsyncEngine, pid: int) -> set[str]:
    """Idempotency keys of deliveries still leased by the process ``pid``."""
    return {d.idempotency_key for d in await all_deliveries(engine)
            if d.status is DeliveryStatus.LEASED
            and d.lease_owner is not None and d.lease_owner.split(":")[-2] == str(pid)}


def start_bot(
    tmp_path: Path, name: str, url: str, sink: Path, command: str = "console",
    **settings: str,
) -> subprocess.Popen[str]:
    """A bot process (``python -m bot <command>``) serving the console community from stdin."""
    config = tmp_path / "empty.toml"
    config.write_text("# settings come from the environment\n", encoding="utf-8")
    env = {**os.environ, "MENTORMEET_DATABASE_URL": url,
           "MENTORMEET_REMINDERS_TEST_SINK": str(sink),
           "MENTORMEET_REMINDERS_SAFETY_INTERVAL": "1s",
           "MENTORMEET_LOGGING_LEVEL": "WARNING", "MENTORMEET_CONFIG": str(config)}
    env |= {f"MENTORMEET_REMINDERS_{k.upper()}": v for k, v in settings.items()}
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-m", "bot", command], cwd=ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
    )


def keep_alive(process: subprocess.Popen[str]) -> None:
    """Feed the bot a console script that only waits."""
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


SETTLE = 0.2  # seconds for statements a frozen bot already sent to finish on the server


async def frozen_while(process: subprocess.Popen[str],
                       condition: Callable[[], Awaitable[bool]]) -> bool:
    """Whether ``condition`` holds with ``process`` frozen (SIGSTOP); it stays frozen if so.

    A bot caught mid-batch by a plain check can finish the batch before a signal sent next
    lands, and the test then kills it between batches, with nothing in flight. Frozen, it is
    still mid-batch when it is killed (SIGKILL ends a stopped process too).
    """
    if not await condition():
        return False
    process.send_signal(signal.SIGSTOP)
    await asyncio.sleep(SETTLE)
    if await condition():
        return True
    process.send_signal(signal.SIGCONT)
    return False


def stop(process: subprocess.Popen[str]) -> None:
    """Kill the process if it still runs, and reap it."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


@asynccontextmanager
async def fresh_postgres_database() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (dropped afterwards); yields its URL."""
    admin_url = postgres_url()
    assert admin_url is not None
    name = f"mm_test_{secrets.token_hex(6)}"
    # No statement timeout for set-up: DROP DATABASE waits for a checkpoint, slow on a busy disk.
    admin = create_engine(admin_url, pool=PoolOptions(statement_timeout=0)).execution_options(
        isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()
