"""The database half of /healthz: can a pooled connection run ``SELECT 1``."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine


class SqlDatabaseProbe:
    """Pings the database through the engine's pool (pre-ping replaces dead connections)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def ping(self) -> None:
        """Return when the database answered; raise whatever the driver raised otherwise."""
        async with self._engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")
