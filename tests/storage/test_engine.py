"""Engine creation: URL handling and the SQLite connection settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import SQLITE_BUSY_TIMEOUT_MS, create_engine


async def _pragma(engine: AsyncEngine, name: str) -> object:
    async with engine.connect() as connection:
        return (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar_one()


async def test_sqlite_file_gets_its_folders_and_connection_settings(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "bot.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        assert path.parent.is_dir()
        assert await _pragma(engine, "foreign_keys") == 1
        assert await _pragma(engine, "journal_mode") == "wal"
        assert await _pragma(engine, "busy_timeout") == SQLITE_BUSY_TIMEOUT_MS
        assert path.is_file()
    finally:
        await engine.dispose()


async def test_plain_sqlite_url_uses_aiosqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}", echo=True)
    try:
        assert engine.dialect.driver == "aiosqlite"
        assert engine.echo is True
        assert await _pragma(engine, "foreign_keys") == 1
    finally:
        await engine.dispose()


async def test_sqlite_transactions_take_the_write_lock_up_front(tmp_path: Path) -> None:
    # A deferred BEGIN lets a read-then-write transaction fail at once (SQLITE_BUSY_SNAPSHOT)
    # when another writer commits in between; BEGIN IMMEDIATE makes writers queue instead.
    path = tmp_path / "x.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.connect() as reader:
            await reader.exec_driver_sql("SELECT 1")
            other = sqlite3.connect(path, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    "url",
    ["postgresql+asyncpg://u@h/db", "postgresql://u@h/db", "postgres://u@h/db"],
)
def test_postgres_urls_use_asyncpg_with_pre_ping(url: str) -> None:
    engine = create_engine(url)
    assert engine.dialect.name == "postgresql"
    assert engine.dialect.driver == "asyncpg"
    assert engine.pool._pre_ping is True


@pytest.mark.parametrize(
    "url", ["", "mysql+aiomysql://u@h/db", "sqlite+pysqlite://host/x.db", "not a url"]
)
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message depends on what is wrong
        create_engine(url)
