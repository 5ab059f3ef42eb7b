"""PostgreSQL pool sizes and timeouts from [database], applied by the engine."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings, SettingsError, load_settings
from bot.settings.sections import DatabaseSettings
from storage.engine import PoolOptions, create_engine, engine_for
from storage.migrate import current, head_revision, upgrade
from tests.support.databases import postgres_url

needs_postgres = pytest.mark.skipif(
    postgres_url() is None, reason="MENTORMEET_TEST_POSTGRES_URL is not set"
)


def test_the_engine_defaults_are_the_settings_defaults() -> None:
    assert PoolOptions.from_settings(DatabaseSettings()) == PoolOptions()


def test_settings_reach_the_postgres_pool() -> None:
    settings = Settings(database={  # type: ignore[arg-type]
        "url": "postgresql://u@db.example/mm", "pool_size": 3, "max_overflow": 0,
        "pool_timeout": 2.5, "pool_recycle": 600, "connect_timeout": 4, "statement_timeout": 0,
    })
    pool: Any = engine_for(settings.database).pool
    assert (pool.size(), pool._max_overflow, pool.timeout(), pool._recycle) == (3, 0, 2.5, 600)
    assert pool._pre_ping is True


def test_a_zero_recycle_means_never() -> None:
    pool: Any = create_engine("postgresql://u@h/db", pool=PoolOptions(pool_recycle=0)).pool
    assert pool._recycle == -1


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("POOL_SIZE", "0", "a whole number from 1 to 100"),
        ("MAX_OVERFLOW", "-1", "a whole number from 0 to 100"),
        ("POOL_TIMEOUT", "0", "more than 0 and at most 3600"),
        ("POOL_RECYCLE", "inf", "from 0 (never recycle) to 86400"),
        ("CONNECT_TIMEOUT", "nan", "more than 0 and at most 600"),
        ("STATEMENT_TIMEOUT", "-5", "from 0 (no limit) to 86400"),
    ],
)
def test_bad_pool_values_name_the_key_and_what_is_allowed(
    key: str, value: str, allowed: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(SettingsError) as caught:
        load_settings(env={f"MENTORMEET_DATABASE_{key}": value})
    message = str(caught.value)
    assert f"database.{key.lower()}" in message
    assert f"MENTORMEET_DATABASE_{key}" in message
    assert allowed in message


@asynccontextmanager
async def _schema_engine(pool: PoolOptions) -> AsyncIterator[AsyncEngine]:
    """An engine with ``pool`` on a fresh schema of the test PostgreSQL."""
    url = postgres_url()
    assert url is not None
    schema = f"mm_test_{secrets.token_hex(6)}"
    admin = create_engine(url)
    try:
        async with admin.begin() as connection:
            await connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        engine = create_engine(
            url, pool=pool, connect_args={"server_settings": {"search_path": schema}}
        )
        try:
            yield engine
        finally:
            await engine.dispose()
            async with admin.begin() as connection:
                await connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        await admin.dispose()


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize(("seconds", "shown"), [(1.5, "1500ms"), (0, "0"), (30, "30s")])
async def test_statement_timeout_is_set_on_every_connection(seconds: float, shown: str) -> None:
    async with (
        _schema_engine(PoolOptions(statement_timeout=seconds)) as engine,
        engine.connect() as connection,
    ):
        value = (await connection.exec_driver_sql("SHOW statement_timeout")).scalar_one()
        path = (await connection.exec_driver_sql("SHOW search_path")).scalar_one()
    assert value == shown
    assert path.startswith("mm_test_")  # the caller's own server settings are kept


@pytest.mark.postgres
@needs_postgres
async def test_a_slow_statement_is_cancelled_but_a_waiting_migration_is_not() -> None:
    # Every statement here runs under the timeout, connecting's own queries included: 0.5 s,
    # not 0.05 s, so that a quick one slowed down on a loaded machine is not cancelled too.
    async with _schema_engine(PoolOptions(statement_timeout=0.5)) as engine:
        async with engine.connect() as connection:
            with pytest.raises(DBAPIError, match="statement timeout"):
                await connection.exec_driver_sql("SELECT pg_sleep(10)")
        # Another process holds the migration lock for longer than the statement timeout.
        async with engine.connect() as holder:
            await holder.exec_driver_sql("SET statement_timeout = 0")
            await holder.exec_driver_sql("SELECT pg_advisory_lock(1835886951)")  # 0x6D6D6967
            migrating = asyncio.ensure_future(upgrade(engine))
            await asyncio.sleep(1.0)  # twice the statement timeout
            assert not migrating.done()
            await holder.exec_driver_sql("SELECT pg_advisory_unlock(1835886951)")
        await migrating
        assert await current(engine) == head_revision()


async def test_connecting_gives_up_after_the_connect_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # accept the connection and never answer
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    engine = create_engine(
        f"postgresql://u:pw@127.0.0.1:{port}/mm", pool=PoolOptions(connect_timeout=0.2)
    )
    try:
        with pytest.raises(TimeoutError):
            async with engine.connect():
                pass
    finally:
        await engine.dispose()
        server.close()
        await server.wait_closed()
