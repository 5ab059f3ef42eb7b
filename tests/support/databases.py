"""Test databases: a fresh SQLite file or a fresh PostgreSQL schema per use, migrated on request.

PostgreSQL runs only when ``MENTORMEET_TEST_POSTGRES_URL`` is set (for example
``postgresql+asyncpg://postgres@127.0.0.1:5432/test``). Each use creates its own schema
``mm_test_<random hex>`` and drops it afterwards, so parallel runs never see each other's rows.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import PoolOptions, create_engine
from storage.migrate import upgrade

SqlBackend = Literal["sqlite", "postgres"]

POSTGRES_URL_ENV = "MENTORMEET_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    """The PostgreSQL URL for tests, or None when PostgreSQL tests are off."""
    return os.environ.get(POSTGRES_URL_ENV) or None


def postgres_param(value: Any = "postgres") -> Any:
    """A ``pytest.param`` that is skipped, with the reason, unless PostgreSQL is configured."""
    return pytest.param(
        value,
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set"),
        ],
    )


SQL_BACKENDS = [pytest.param("sqlite", id="sqlite"), postgres_param()]
"""Parametrize a test or fixture over the SQL backends: ``@pytest.mark.parametrize("backend",
SQL_BACKENDS)`` or ``@pytest.fixture(params=SQL_BACKENDS)``."""


@asynccontextmanager
async def empty_engine(
    backend: SqlBackend, directory: Path | None = None
) -> AsyncIterator[AsyncEngine]:
    """An engine on a brand-new, unmigrated database; the database is removed afterwards."""
    if backend == "sqlite":
        async with _sqlite_engine(directory) as engine:
            yield engine
    elif backend == "postgres":
        async with _postgres_engine() as engine:
            yield engine
    else:
        raise ValueError(f"unknown test backend {backend!r}")


@asynccontextmanager
async def migrated_engine(
    backend: SqlBackend, directory: Path | None = None, *, random_community_ids: bool = True
) -> AsyncIterator[AsyncEngine]:
    """An engine on a brand-new database migrated to the head revision.

    On PostgreSQL community ids start at a random point (see ``_spread_community_ids``) unless
    ``random_community_ids`` is False, for a test that compares ids with another store's.
    """
    async with empty_engine(backend, directory) as engine:
        await upgrade(engine)
        if backend == "postgres" and random_community_ids:
            await _spread_community_ids(engine)
        yield engine


async def _spread_community_ids(engine: AsyncEngine) -> None:
    """Start the schema's community ids at a random point.

    Advisory locks belong to the database, not the schema: the mentor index's sync lock is keyed
    by community id, so two test runs on one server, each with community 1 in its own schema,
    took each other's lock and a ranking read a stale index (seen: a deleted mentor still
    listed, or a new one missing). Random ids keep concurrent runs out of each other's way.
    """
    start = 1_000 + secrets.randbelow(1_000_000_000)
    async with engine.begin() as connection:
        await connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('communities', 'id'), {start}, false)"
        )


@asynccontextmanager
async def _sqlite_engine(directory: Path | None) -> AsyncIterator[AsyncEngine]:
    with tempfile.TemporaryDirectory(dir=directory, prefix="mm_test_") as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'mentormeet.db'}")
        try:
            yield engine
        finally:
            await engine.dispose()


@asynccontextmanager
async def _postgres_engine() -> AsyncIterator[AsyncEngine]:
    url = postgres_url()
    if url is None:
        raise RuntimeError(f"set {POSTGRES_URL_ENV} to run PostgreSQL tests")
    schema = f"mm_test_{secrets.token_hex(6)}"
    admin = create_engine(url, pool=PoolOptions(statement_timeout=0))  # set-up: no time limit
    try:
        async with admin.begin() as connection:
            await connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        engine = create_engine(url, connect_args={"server_settings": {"search_path": schema}})
        try:
            yield engine
        finally:
            await engine.dispose()
            async with admin.begin() as connection:
                await connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        await admin.dispose()
