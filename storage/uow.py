"""The SQL unit of work: one AsyncSession transaction over all repositories."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import SingletonThreadPool, StaticPool

from bot.clock import Clock, SystemClock
from bot.domain.community import Community
from bot.errors import CommitOutcomeUnknown
from bot.matching.ports import MatchingStore
from bot.meetups.ports import MeetupStorage
from bot.ports import (
    CommunityRepository,
    MemberRepository,
    ProfileRepository,
    UnitOfWorkFactory,
)
from bot.settings.sections import DatabaseSettings
from bot.storage_rules import aware_utc
from storage.community_cache import CommunityCache
from storage.engine import READ_ONLY, SQLITE_BUSY_TIMEOUT_MS
from storage.matching import SqlMatchingStore
from storage.meetups import SqlMeetupStorage
from storage.prepared import UpsertInsert
from storage.repositories import (
    SqlCommunityRepository,
    SqlMemberRepository,
    SqlProfileRepository,
)

_UPSERT_INSERTS: dict[str, Callable[[Table], UpsertInsert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


_READ_ONLY: dict[str, dict[str, object]] = {
    "sqlite": {READ_ONLY: True}, "postgresql": {"postgresql_readonly": True},
}


class DatabaseBusyError(RuntimeError):
    """A unit of work waited too long for its turn on the database."""


@dataclass(slots=True)
class Turns:
    """How many units of work may hold the database at once; the rest wait in arrival order."""

    slots: asyncio.Semaphore
    wait: float  # seconds one unit may wait for a slot
    busy: str  # what kept it waiting, for the error
    exclusive: bool = False  # one slot: a task already holding it must not wait for it again
    holders: set[asyncio.Task[object]] = field(default_factory=set)
    on_wait: Callable[[float], None] | None = None  # told how long each turn took to come

    async def take(self) -> None:
        """Wait for a slot, or fail with DatabaseBusyError after ``wait`` seconds."""
        task = asyncio.current_task()
        if self.exclusive and task in self.holders:
            raise RuntimeError("this task already holds the database's one write turn; a nested "
                               "unit of work would wait for itself (use read_only=True to read)")
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.wait):
                await self.slots.acquire()
        except TimeoutError:
            raise DatabaseBusyError(f"{self.busy} for over {self.wait:g} s") from None
        finally:
            if self.on_wait is not None:
                self.on_wait(time.perf_counter() - started)
        if self.exclusive and task is not None:
            self.holders.add(task)

    def give_back(self) -> None:
        """Free the slot for the next unit in line."""
        self.holders.discard(asyncio.current_task())
        self.slots.release()


class SqlUnitOfWork:
    """A unit of work over one AsyncSession; rolls back on exit unless committed."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], dialect: str, clock: Clock,
        turns: Turns | None = None, communities: CommunityCache | None = None,
    ) -> None:
        if dialect not in _UPSERT_INSERTS:
            raise ValueError(f"unsupported database dialect {dialect!r}")
        self._sessions = sessions
        self._upsert = _UPSERT_INSERTS[dialect]
        self._clock = clock
        self._session: AsyncSession | None = None
        self._dialect = dialect
        self._turns = turns
        self._holding = False
        self._known = communities
        self._seen: list[Community] = []
        self.communities: CommunityRepository = SqlCommunityRepository(
            self, communities, self._seen.append
        )
        self.members: MemberRepository = SqlMemberRepository(self)
        self.profiles: ProfileRepository = SqlProfileRepository(self)
        self.meetups: MeetupStorage = SqlMeetupStorage(self)
        self.matching: MatchingStore = SqlMatchingStore(self)

    @property
    def session(self) -> AsyncSession:
        """The open session; using the repositories outside ``async with`` is an error."""
        if self._session is None:
            raise RuntimeError("use the unit of work inside 'async with'")
        return self._session

    @property
    def dialect_insert(self) -> Callable[[Table], UpsertInsert]:
        """The dialect's INSERT constructor (a stable module function, usable as a cache key)."""
        return self._upsert

    def upsert(self, table: Table) -> UpsertInsert:
        """An INSERT supporting ON CONFLICT for this engine's dialect."""
        return self._upsert(table)

    def now(self) -> datetime:
        """The clock's time, checked to be aware and converted to UTC."""
        return aware_utc(self._clock.now(), "the clock's time")

    async def __aenter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already in use")
        if self._turns is not None:
            await self._turns.take()
            self._holding = True
        self._session = self._sessions()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        self._seen.clear()
        try:
            if session is not None:
                # Closing rolls back whatever was not committed and returns the connection.
                await session.close()
        finally:
            if self._holding and self._turns is not None:
                self._holding = False
                self._turns.give_back()

    async def commit(self) -> None:
        """Make the work durable; a connection lost meanwhile raises CommitOutcomeUnknown."""
        try:
            await self.session.commit()
        except DBAPIError as exc:
            if exc.connection_invalidated:  # the server may have committed before it went away
                raise CommitOutcomeUnknown(str(exc.orig)) from exc
            raise
        if self._known is not None and self._seen:
            self._known.publish(self._seen)
        self._seen.clear()

    async def rollback(self) -> None:
        """Discard the work not yet committed."""
        self._seen.clear()
        await self.session.rollback()


def make_uow_factory(
    engine: AsyncEngine, clock: Clock | None = None, *,
    connections: int | None = None, wait: float = SQLITE_BUSY_TIMEOUT_MS / 1000,
    on_wait: Callable[[float], None] | None = None,
) -> UnitOfWorkFactory:
    """A factory of SQL units of work on ``engine``.

    Units of work take turns in arrival order: on SQLite one at a time (its single writer), on
    PostgreSQL ``connections`` at a time (the pool's size plus overflow; None: no limit). One that
    waits over ``wait`` seconds fails with DatabaseBusyError. ``on_wait`` hears every wait.
    """
    dialect = engine.dialect.name
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    # Bound to the engine, not to one transaction: every transaction of a read-only unit is so,
    # including any after a commit or rollback.
    reading = async_sessionmaker(engine.execution_options(**_READ_ONLY[dialect]),
                                 expire_on_commit=False)
    chosen = clock or SystemClock()
    turns: Turns | None = None
    if dialect == "sqlite":
        # rather than in SQLite's busy handler, which polls with sleeps of up to 100 ms; an
        # in-process queue is enough because one process per file is enforced
        turns = Turns(asyncio.Semaphore(1), wait, "another unit of work kept the database",
                      exclusive=True, on_wait=on_wait)
    elif connections is not None:
        # the pool hands a returned connection to whoever asks first, so under steady load a
        # unit already waiting can starve; admitting only as many units as there are
        # connections keeps the order fair
        turns = Turns(asyncio.Semaphore(connections), wait, "every database connection was busy",
                      on_wait=on_wait)
    known = CommunityCache()
    # On an SQLite file a reader needs no turn: in WAL mode it reads the last commit beside the
    # writer. An in-memory database has one shared connection, so its readers queue too.
    reader_turns = turns if dialect != "sqlite" or _one_shared_connection(engine) else None

    def unit_of_work(*, read_only: bool = False) -> SqlUnitOfWork:
        if read_only:
            return SqlUnitOfWork(reading, dialect, chosen, reader_turns, known)
        return SqlUnitOfWork(sessions, dialect, chosen, turns, known)

    return unit_of_work


def _one_shared_connection(engine: AsyncEngine) -> bool:
    return isinstance(engine.pool, StaticPool | SingletonThreadPool)


def uow_factory_for(
    engine: AsyncEngine, database: DatabaseSettings,
    on_wait: Callable[[float], None] | None = None,
) -> UnitOfWorkFactory:
    """The factory the bot runs with: turns sized to the configured pool and its timeout."""
    sqlite = engine.dialect.name == "sqlite"
    return make_uow_factory(
        engine,
        connections=None if sqlite else database.pool_size + database.max_overflow,
        wait=SQLITE_BUSY_TIMEOUT_MS / 1000 if sqlite else database.pool_timeout,
        on_wait=on_wait,
    )
