"""aiosqlite with one trip to its thread per statement instead of four.

SQLAlchemy's aiosqlite adapter opens a cursor, executes, fetches and closes: four hand-offs to
aiosqlite's worker thread and back through the event loop for every statement, which is most of
what a small query costs. ``OneTripConnection`` is an ``aiosqlite.Connection`` whose cursors do
all four in the worker thread in one call and hand the rows back buffered; everything else
(connecting, commit, rollback, close, the thread itself) is aiosqlite's own.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import partial
from typing import Any, cast

import aiosqlite

_Description = tuple[tuple[Any, ...], ...] | None
_Outcome = tuple[_Description, list[Any], int, int | None]


def _run(connection: aiosqlite.Connection, sql: str, parameters: Any, many: bool) -> _Outcome:
    """In the worker thread: execute, fetch every row, close the cursor."""
    cursor = connection._conn.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneTripCursor:
    """The part of ``aiosqlite.Cursor`` SQLAlchemy uses, answered from a buffer after one trip."""

    arraysize = 1

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._rows: list[Any] = []
        self.description: _Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> OneTripCursor:
        """Run one statement and buffer its rows."""
        self._take(await self._trip(sql, parameters, False))
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> OneTripCursor:
        """Run one statement for each parameter set."""
        self._take(await self._trip(sql, parameters, True))
        return self

    async def fetchone(self) -> Any | None:
        """The next buffered row, or None."""
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Up to ``size`` buffered rows."""
        count = self.arraysize if size is None else size
        taken, self._rows = self._rows[:count], self._rows[count:]
        return taken

    async def fetchall(self) -> list[Any]:
        """Every remaining buffered row."""
        taken, self._rows = self._rows, []
        return taken

    async def close(self) -> None:
        """Drop the buffer (the sqlite3 cursor was closed in the worker thread)."""
        self._rows = []

    async def _trip(self, sql: str, parameters: Any, many: bool) -> _Outcome:
        queue = cast(Callable[..., Awaitable[_Outcome]], self._connection._execute)
        return await queue(_run, self._connection, sql, parameters, many)

    def _take(self, outcome: _Outcome) -> None:
        self.description, self._rows, self.rowcount, self.lastrowid = outcome


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors make one trip per statement."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        """A buffering cursor; SQLAlchemy enters it with ``async with``-style ``__aenter__``."""
        return OneTripCursor(self)


def connect(database: str, *, iter_chunk_size: int = 64, **kwargs: Any) -> Awaitable[
    OneTripConnection
]:
    """Like ``aiosqlite.connect``: an awaitable connection (SQLAlchemy's ``async_creator_fn``)."""
    connection = OneTripConnection(
        partial(sqlite3.connect, database, **kwargs), iter_chunk_size=iter_chunk_size
    )
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite: never block exit
    return _opened(connection)


async def _opened(connection: OneTripConnection) -> OneTripConnection:
    try:
        await connection
    except BaseException:
        # aiosqlite stops its thread on a failed connect without waiting for it; wait, or the
        # thread may report back to an event loop that has closed and print a traceback
        for _ in range(_STOP_POLLS):
            if not connection._thread.is_alive():
                break
            await asyncio.sleep(_STOP_POLL_SECONDS)
        raise
    return connection


_STOP_POLLS, _STOP_POLL_SECONDS = 200, 0.005  # at most a second
