"""Multi-workspace installs: slack_sdk's SQLAlchemy installation and OAuth state stores on the
bot's own database.

slack_sdk ships async variants of both stores (``AsyncSQLAlchemyInstallationStore``,
``AsyncSQLAlchemyOAuthStateStore``) that take an ``AsyncEngine``, so they run on the bot's
aiosqlite/asyncpg engine directly, with no thread hop. Their tables (``slack_installations``,
``slack_bots``, ``slack_oauth_states``) belong to slack_sdk and are created at start-up with
``CREATE TABLE IF NOT EXISTS`` semantics, outside the bot's Alembic migrations.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

STATE_EXPIRATION_SECONDS = 600


class InstallationStores:
    """The installation and state stores on one engine, plus the bot token by workspace."""

    def __init__(
        self,
        engine: AsyncEngine,
        client_id: str,
        state_expiration_seconds: int = STATE_EXPIRATION_SECONDS,
    ) -> None:
        self.engine = engine
        self.installations = AsyncSQLAlchemyInstallationStore(client_id=client_id, engine=engine)
        self.states = AsyncSQLAlchemyOAuthStateStore(
            expiration_seconds=state_expiration_seconds, engine=engine
        )
        self._client_id = client_id

    async def create_tables(self) -> None:
        """Create slack_sdk's tables if missing; a concurrent creator winning the race is fine."""
        for attempt in (1, 2):
            try:
                await self.installations.create_tables()  # type: ignore[no-untyped-call]
                await self.states.create_tables()  # type: ignore[no-untyped-call]
                return
            except DBAPIError:
                if attempt == 2:
                    raise
                log.info("another process created the Slack tables first; checking again")

    async def bot_token(self, community: str) -> str | None:
        """The newest bot token for a workspace id (``T…``) or an org-wide install (``E…``).

        A workspace of an Enterprise Grid is found by its team id alone: the messenger only knows
        the community id, not the enterprise it belongs to.
        """
        bots = self.installations.bots
        if community.startswith("E"):
            match = sa.and_(bots.c.enterprise_id == community, bots.c.team_id.is_(None))
        else:
            match = bots.c.team_id == community
        query = (
            sa.select(bots.c.bot_token)
            .where(bots.c.client_id == self._client_id, match, bots.c.bot_token.is_not(None))
            .order_by(bots.c.installed_at.desc(), bots.c.id.desc())
            .limit(1)
        )
        async with self.engine.connect() as connection:
            token = (await connection.execute(query)).scalar_one_or_none()
        return str(token) if token is not None else None
