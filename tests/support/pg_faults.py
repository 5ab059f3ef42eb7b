"""PostgreSQL fault tests: an admin session that terminates the bot's connections, and the bot.

Each use gets a database of its own (not just a schema, as ``migrated_engine`` gives), so
``datname = current_database()`` limits a kill to that test's connections even when other tests
use the same server at the same time.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.bootstrap import build_services
from bot.clock import Clock, FakeClock
from bot.commandline import parse_command
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.meetups.composer import MeetupComposer
from bot.outbox import Messenger, RecordingMessenger
from bot.ports import UnitOfWorkFactory
from bot.reminders.config import DispatchConfig
from bot.reminders.dispatcher import Composer, ReminderDispatcher
from bot.reminders.domain import Delivery
from bot.replies import Reply
from bot.services import Services
from bot.settings import load_settings
from storage.engine import PoolOptions, create_engine
from storage.migrate import upgrade
from storage.tables import members, profiles
from storage.tables_meetups import deliveries
from storage.uow import make_uow_factory
from tests.support.reminder_bots import fresh_postgres_database

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
START = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)
GOING = ("ana", "ben", "cleo", "dev", "eli", "fay", "gus")
KILL_WAIT = 10.0  # seconds for terminated backends to exit (not an assertion on speed)

# The statement from the brief, limited to client backends (never autovacuum workers). The call
# stays in the select list: in WHERE it could run before ``pid <> pg_backend_pid()`` is checked.
TERMINATE = text(
    "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend'"
)
OTHERS = text(
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend'"
)
RUNNING = text(
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND state = 'active' AND query LIKE :prefix"
)
ALIVE = text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)")


@dataclass
class Admin:
    """A separate session on the test database that terminates the bot's backends."""

    engine: AsyncEngine
    kills: int = 0

    async def kill(self) -> int:
        """Terminate every other client backend of this database; wait until they are gone."""
        async with self.engine.connect() as connection:
            pids = [pid for pid, signalled in await connection.execute(TERMINATE) if signalled]
            deadline = time.monotonic() + KILL_WAIT
            while await connection.scalar(ALIVE, {"pids": pids}):
                assert time.monotonic() < deadline, f"backends {pids} did not exit"
                await asyncio.sleep(0.01)
        self.kills += 1
        return len(pids)

    async def running(self, prefix: str) -> bool:
        """Whether another backend of this database is running a statement starting so."""
        async with self.engine.connect() as connection:
            return bool(await connection.scalar(RUNNING, {"prefix": f"{prefix}%"}))

    async def others(self) -> int:
        """How many other client backends are connected to this database."""
        async with self.engine.connect() as connection:
            return int(await connection.scalar(OTHERS) or 0)


@dataclass
class Bot:
    """Services on a PostgreSQL database of its own, plus the admin session that kills."""

    services: Services
    clock: FakeClock
    messenger: RecordingMessenger
    engine: AsyncEngine
    admin: Admin

    async def say(self, name: str, line: str) -> Reply:
        """Run a command line through the real dispatcher as ``name`` (olga organizes)."""
        actor = Actor(Platform.CONSOLE, "local", "Local", name, name.title(), name == "olga")
        return await Dispatcher(self.services).handle(parse_command(line, actor))

    def reminders(self, config: DispatchConfig | None = None,
                  before_claim: Callable[[], Awaitable[object]] | None = None,
                  ) -> HookedDispatcher:
        """A reminder dispatcher over the same database, optionally awaiting a hook per claim."""
        composer = MeetupComposer(self.services.uow, self.services.meetups, self.clock)
        return HookedDispatcher(self.services.uow, self.messenger, composer, self.clock,
                                config or self.services.reminders, owner="test",
                                before_claim=before_claim)

    async def count_members(self, external_id: str) -> int:
        """Rows in ``members`` for an external member id, read outside the bot's pool."""
        async with self.admin.engine.connect() as connection:
            query = select(func.count()).select_from(members).where(
                members.c.external_id == external_id)
            return int(await connection.scalar(query) or 0)

    async def count_profiles(self, external_id: str) -> int:
        """Rows in ``profiles`` for an external member id, read outside the bot's pool."""
        async with self.admin.engine.connect() as connection:
            query = select(func.count()).select_from(
                profiles.join(members, profiles.c.member_id == members.c.id)
            ).where(members.c.external_id == external_id)
            return int(await connection.scalar(query) or 0)

    async def delivery_statuses(self) -> Counter[str]:
        """Deliveries per status, read outside the bot's pool."""
        async with self.admin.engine.connect() as connection:
            rows = await connection.execute(
                select(deliveries.c.status, func.count()).group_by(deliveries.c.status))
            return Counter({status: count for status, count in rows})


class HookedDispatcher(ReminderDispatcher):
    """A reminder dispatcher that awaits a hook before each claim (i.e. between batches)."""

    def __init__(self, uow: UnitOfWorkFactory, messenger: Messenger, composer: Composer,
                 clock: Clock, config: DispatchConfig, *, owner: str,
                 before_claim: Callable[[], Awaitable[object]] | None = None) -> None:
        super().__init__(uow, messenger, composer, clock, config, owner=owner)
        self._before_claim = before_claim
        self.claims = 0

    async def _claim(self) -> list[Delivery]:
        if self._before_claim is not None and self.claims > 0:
            await self._before_claim()
        self.claims += 1
        return await super()._claim()


class KillSwitch:
    """Kills the bot's connections the next time a unit of work reaches a chosen point."""

    def __init__(self, admin: Admin) -> None:
        self._admin = admin
        self.armed = False
        self.fired = 0

    async def maybe_fire(self) -> None:
        """Kill (once) if armed."""
        if self.armed:
            self.armed = False
            assert await self._admin.kill() >= 1  # the unit of work's own connection, at least
            self.fired += 1


@asynccontextmanager
async def killable_bot() -> AsyncIterator[Bot]:
    """Services on a fresh PostgreSQL database of their own, with an admin session that kills."""
    async with fresh_postgres_database() as url:
        engine = create_engine(url)  # the production engine: pool_pre_ping and the pool options
        admin_engine = create_engine(
            url, pool=PoolOptions(pool_size=1, max_overflow=0)
        ).execution_options(isolation_level="AUTOCOMMIT")
        try:
            await upgrade(engine)
            clock = FakeClock(NOW)
            messenger = RecordingMessenger()
            settings = load_settings(None, env={"MENTORMEET_MEETUPS_CHANNEL_REMINDERS": "false"})
            services = build_services(settings, make_uow_factory(engine, clock), messenger, clock)
            yield Bot(services, clock, messenger, engine, Admin(admin_engine))
        finally:
            await engine.dispose()
            await admin_engine.dispose()


async def kill_now_and_then(admin: Admin, *, times: int | None = None,
                             until: asyncio.Event | None = None, pause: float) -> None:
    """Kill every ``pause`` seconds, ``times`` times or until the event is set."""
    kills = 0
    while (times is None or kills < times) and not (until is not None and until.is_set()):
        await asyncio.sleep(pause)
        await admin.kill()
        kills += 1

