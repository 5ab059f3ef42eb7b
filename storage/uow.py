"""The SQL unit of work: one AsyncSession transaction over all repositories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, SystemClock
from bot.matching.ports import MatchingStore
from bot.meetups.ports import MeetupStorage
from bot.ports import (
    CommunityRepository,
    MemberRepository,
    ProfileRepository,
    UnitOfWorkFactory,
)
from bot.storage_rules import aware_utc
from storage.matching import SqlMatchingStore
from storage.meetups import SqlMeetupStorage
from storage.repositories import (
    SqlCommunityRepository,
    SqlMemberRepository,
    SqlProfileRepository,
    UpsertInsert,
)

_UPSERT_INSERTS: dict[str, Callable[[Table], UpsertInsert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


class SqlUnitOfWork:
    """A unit of work over one AsyncSession; rolls back on exit unless committed."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], dialect: str, clock: Clock
    ) -> None:
        if dialect not in _UPSERT_INSERTS:
            raise ValueError(f"unsupported database dialect {dialect!r}")
        self._sessions = sessions
        self._upsert = _UPSERT_INSERTS[dialect]
        self._clock = clock
        self._session: AsyncSession | None = None
        self.communities: CommunityRepository = SqlCommunityRepository(self)
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

    def upsert(self, table: Table) -> UpsertInsert:
        """An INSERT supporting ON CONFLICT for this engine's dialect."""
        return self._upsert(table)

    def now(self) -> datetime:
        """The clock's time, checked to be aware and converted to UTC."""
        return aware_utc(self._clock.now(), "the clock's time")

    async def __aenter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already in use")
        self._session = self._sessions()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is not None:
            # Closing rolls back whatever was not committed and returns the connection.
            await session.close()

    async def commit(self) -> None:
        """Make the work durable."""
        await self.session.commit()

    async def rollback(self) -> None:
        """Discard the work not yet committed."""
        await self.session.rollback()


def make_uow_factory(engine: AsyncEngine, clock: Clock | None = None) -> UnitOfWorkFactory:
    """A factory of SQL units of work on ``engine``."""
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    dialect = engine.dialect.name
    chosen = clock or SystemClock()
    return lambda: SqlUnitOfWork(sessions, dialect, chosen)
