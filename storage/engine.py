"""Async engines for SQLite (aiosqlite) and PostgreSQL (asyncpg), configured for the bot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from bot.settings.database_url import SQLITE_SCHEME, normalise_database_url, sqlite_file

# How long an SQLite connection waits for another writer before failing with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 15_000


def create_engine(
    url: str, *, echo: bool = False, connect_args: Mapping[str, Any] | None = None
) -> AsyncEngine:
    """An async engine for ``sqlite+aiosqlite:///path`` or ``postgresql+asyncpg://...``.

    ``sqlite://``, ``postgresql://`` and ``postgres://`` are switched to those drivers; anything
    else raises ValueError. ``connect_args`` go to the driver (e.g. asyncpg ``server_settings``).
    """
    normalised = normalise_database_url(url)
    args = dict(connect_args or {})
    if not normalised.startswith(f"{SQLITE_SCHEME}:"):
        return create_async_engine(normalised, echo=echo, pool_pre_ping=True, connect_args=args)
    path = sqlite_file(normalised)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(normalised, echo=echo, connect_args=args)
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    event.listen(engine.sync_engine, "begin", _begin_immediate)
    return engine


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


def _begin_immediate(connection: Connection) -> None:
    # Take the write lock at BEGIN: a deferred transaction that reads and then writes fails at
    # once with SQLITE_BUSY_SNAPSHOT (no busy wait) when another writer committed in between.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
