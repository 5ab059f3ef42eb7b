"""Async engines for SQLite (aiosqlite) and PostgreSQL (asyncpg), configured for the bot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState

from bot.settings.database_url import SQLITE_SCHEME, normalise_database_url, sqlite_file
from bot.settings.sections import DatabaseSettings
from storage import sqlite_driver

# How long an SQLite connection waits for another writer before failing with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Execution option of a transaction that only reads (set by storage.uow for read-only units).
READ_ONLY = "mentormeet_read_only"


@dataclass(frozen=True, slots=True)
class PoolOptions:
    """Connection pool and timeouts for PostgreSQL (SQLite ignores them); times in seconds."""

    pool_size: int = 5
    max_overflow: int = 10
    pool_timeout: float = 30.0
    pool_recycle: float = 1800.0  # 0: never
    connect_timeout: float = 10.0
    statement_timeout: float = 30.0  # 0: no limit

    @classmethod
    def from_settings(cls, database: DatabaseSettings) -> PoolOptions:
        """The options configured in [database]."""
        return cls(
            pool_size=database.pool_size,
            max_overflow=database.max_overflow,
            pool_timeout=database.pool_timeout,
            pool_recycle=database.pool_recycle,
            connect_timeout=database.connect_timeout,
            statement_timeout=database.statement_timeout,
        )


def engine_for(database: DatabaseSettings) -> AsyncEngine:
    """The engine described by a [database] section: URL, echo, pool and timeouts."""
    return create_engine(
        database.url, echo=database.echo, pool=PoolOptions.from_settings(database)
    )


def create_engine(
    url: str,
    *,
    echo: bool = False,
    connect_args: Mapping[str, Any] | None = None,
    pool: PoolOptions | None = None,
) -> AsyncEngine:
    """An async engine for ``sqlite+aiosqlite:///path`` or ``postgresql+asyncpg://...``.

    ``sqlite://``, ``postgresql://`` and ``postgres://`` are switched to those drivers; anything
    else raises ValueError. ``connect_args`` go to the driver (e.g. asyncpg ``server_settings``);
    ``pool`` sizes the PostgreSQL pool and sets its timeouts (defaults: ``PoolOptions()``).
    """
    normalised = normalise_database_url(url)
    args = dict(connect_args or {})
    if not normalised.startswith(f"{SQLITE_SCHEME}:"):
        return _postgres_engine(normalised, echo, args, pool or PoolOptions())
    path = sqlite_file(normalised)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    args.setdefault("async_creator_fn", sqlite_driver.connect)
    engine = create_async_engine(normalised, echo=echo, connect_args=args)
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    event.listen(engine.sync_engine, "begin", _begin_immediate)
    event.listen(engine.sync_engine.pool, "reset", _end_a_transaction_left_open)
    return engine


def _postgres_engine(
    url: str, echo: bool, connect_args: dict[str, Any], pool: PoolOptions
) -> AsyncEngine:
    server_settings = {
        # PostgreSQL reads a bare number as milliseconds; 0 switches the limit off.
        "statement_timeout": str(round(pool.statement_timeout * 1000)),
        **dict(connect_args.get("server_settings") or {}),
    }
    return create_async_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=pool.pool_size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.pool_timeout,
        pool_recycle=pool.pool_recycle if pool.pool_recycle > 0 else -1,
        connect_args={
            "timeout": pool.connect_timeout, **connect_args, "server_settings": server_settings
        },
    )


def _configure_sqlite_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # SQLAlchemy emits BEGIN itself (see _begin_immediate); sqlite3's own handling is switched
    # off, which also lets these PRAGMAs run outside any transaction, where they take effect.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _end_a_transaction_left_open(
    dbapi_connection: Any, _record: ConnectionPoolEntry, reset_state: PoolResetState
) -> None:
    # SQLite keeps the transaction open when its COMMIT fails (disk full, I/O error, a deferred
    # foreign key), but SQLAlchemy counts a failed commit as the end of it and skips the rollback
    # on return, which would pool a connection whose every later BEGIN fails.
    if reset_state.transaction_was_reset and dbapi_connection.driver_connection.in_transaction:
        dbapi_connection.rollback()


def _begin_immediate(connection: Connection) -> None:
    # Take the write lock at BEGIN: a deferred transaction that reads and then writes fails at
    # once with SQLITE_BUSY_SNAPSHOT (no busy wait) when another writer committed in between.
    # A read-only transaction reads the last committed state (WAL) and may not write at all.
    read_only = bool(connection.get_execution_options().get(READ_ONLY))
    pooled = connection.connection.info
    if pooled.get(READ_ONLY, False) != read_only:
        connection.exec_driver_sql(f"PRAGMA query_only = {int(read_only)}")
        pooled[READ_ONLY] = read_only
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
