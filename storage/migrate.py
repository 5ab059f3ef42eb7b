"""Apply Alembic migrations programmatically (no alembic.ini needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")

# Any constant: the PostgreSQL advisory lock that serialises concurrent upgrades (SQLite gets the
# same from BEGIN IMMEDIATE). The lock is taken before Alembic runs: besides racing on CREATE TABLE,
# upgrades in one process would otherwise interleave on Alembic's process-global ``context``.
_PG_MIGRATION_LOCK = 0x6D6D6967

_Step = Callable[[Config, str], None]


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config for this package's migrations, optionally bound to a connection."""
    config = Config()
    # The value goes through ConfigParser interpolation, where '%' is special.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision shipped with the code."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` in one transaction; a no-op when already there."""
    async with engine.connect() as connection:
        await connection.run_sync(_migrate, command.upgrade, revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Migrate the database down to ``revision`` (``"base"`` drops every table)."""
    async with engine.connect() as connection:
        await connection.run_sync(_migrate, command.downgrade, revision)


async def current(engine: AsyncEngine) -> str | None:
    """The database's revision, or None when no migration was ever applied."""
    async with engine.connect() as connection:
        return await connection.run_sync(_current)


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _migrate(connection: Connection, step: _Step, revision: str) -> None:
    with _sqlite_foreign_keys_off(connection), connection.begin():
        if connection.dialect.name == "postgresql":
            # database.statement_timeout bounds commands, not schema changes or the lock wait
            connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        step(alembic_config(connection), revision)
        if connection.dialect.name == "sqlite":
            _check_foreign_keys(connection)


@contextmanager
def _sqlite_foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Switch SQLite foreign keys off around a migration, as SQLite's ALTER TABLE recipe asks.

    Batch migrations copy and drop tables; with foreign keys on, dropping a parent table would
    cascade-delete its children. The PRAGMA only works outside a transaction, so it goes
    straight to the driver connection before SQLAlchemy begins one.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    _pragma(connection, "foreign_keys=OFF")
    try:
        yield
    finally:
        try:
            _pragma(connection, "foreign_keys=ON")
        except BaseException:
            # Never hand a connection without foreign keys back to the pool.
            connection.invalidate()
            raise


def _pragma(connection: Connection, pragma: str) -> None:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left rows with broken foreign keys: {broken[:5]}")
