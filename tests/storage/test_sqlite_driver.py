"""The one-trip aiosqlite connection: same answers as a DBAPI cursor, one worker trip each."""

from __future__ import annotations

import sqlite3
import threading
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.engine import create_engine
from storage.sqlite_driver import OneTripConnection, connect


class CountingConnection(OneTripConnection):
    """Counts the calls queued to the worker thread."""

    trips = 0

    async def _execute(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.trips += 1
        return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]


async def _counting(path: Path) -> CountingConnection:
    connection = CountingConnection(partial(sqlite3.connect, str(path)), iter_chunk_size=64)
    await connection
    return connection


async def test_each_statement_is_one_trip_with_rows_buffered(tmp_path: Path) -> None:
    connection = await _counting(tmp_path / "a.db")
    try:
        cursor = await connection.cursor().__aenter__()
        await cursor.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        await cursor.executemany("INSERT INTO t (name) VALUES (?)", [("a",), ("b",), ("c",)])
        assert cursor.rowcount == 3
        await cursor.execute("INSERT INTO t (name) VALUES (?)", ("d",))
        assert cursor.lastrowid == 4
        before = connection.trips
        await cursor.execute("SELECT id, name FROM t ORDER BY id")
        assert connection.trips == before + 1
        assert [d[0] for d in cursor.description or ()] == ["id", "name"]
        assert await cursor.fetchone() == (1, "a")
        assert await cursor.fetchmany(2) == [(2, "b"), (3, "c")]
        assert await cursor.fetchall() == [(4, "d")]
        assert await cursor.fetchone() is None
        await cursor.execute("UPDATE t SET name = name || '!' WHERE id > ?", (2,))
        assert (cursor.rowcount, cursor.description) == (2, None)
        await cursor.close()
        assert connection.trips == before + 2
    finally:
        await connection.close()


async def test_errors_reach_the_caller_and_the_connection_stays_usable(tmp_path: Path) -> None:
    connection = await connect(str(tmp_path / "b.db"))
    try:
        cursor = connection.cursor()
        await cursor.execute("CREATE TABLE t (name TEXT UNIQUE)")
        await cursor.execute("INSERT INTO t VALUES ('x')")
        with pytest.raises(sqlite3.IntegrityError):
            await cursor.execute("INSERT INTO t VALUES ('x')")
        with pytest.raises(sqlite3.OperationalError):
            await cursor.execute("SELECT nope FROM t")
        await cursor.execute("SELECT count(*) FROM t")
        assert await cursor.fetchall() == [(1,)]
    finally:
        await connection.close()


async def test_the_engine_uses_it_and_keeps_transactions(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'c.db'}")
    try:
        async with engine.begin() as conn:
            raw = await conn.get_raw_connection()
            assert isinstance(raw.driver_connection, OneTripConnection)
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"))
            await conn.execute(text("INSERT INTO t (name) VALUES ('kept')"))
        async with engine.connect() as conn:
            await conn.execute(text("INSERT INTO t (name) VALUES ('gone')"))
            with pytest.raises(IntegrityError):
                await conn.execute(text("INSERT INTO t (name) VALUES ('kept')"))
            await conn.rollback()
        async with engine.connect() as conn:
            names = (await conn.execute(text("SELECT name FROM t ORDER BY id"))).scalars().all()
            returned = await conn.execute(
                text("INSERT INTO t (name) VALUES ('new') RETURNING id, name")
            )
            assert returned.all() == [(2, "new")]
            await conn.rollback()
    finally:
        await engine.dispose()
    assert names == ["kept"]


async def test_a_failed_connect_raises_and_leaves_no_worker_thread(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    # The threads alive before, not their count: an earlier test's worker thread may still be
    # ending while this one runs (seen in a full run: 2 threads before, 1 after).
    before = set(threading.enumerate())
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        await connect(str(folder))
    assert [t.name for t in threading.enumerate() if t not in before] == []
