"""One storage contract, three backends: the in-memory fake, an SQLite file and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FakeClock
from bot.memory import make_memory_uow_factory
from storage.uow import make_uow_factory
from tests.storage.contract import START, Backend
from tests.support.databases import SqlBackend, migrated_engine, postgres_param


@pytest.fixture(params=["memory", pytest.param("sqlite", id="sqlite"), postgres_param()])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    clock = FakeClock(START)
    if request.param == "memory":
        yield Backend("memory", make_memory_uow_factory(clock), clock, None)
        return
    name: SqlBackend = request.param
    async with migrated_engine(name, tmp_path) as engine:
        yield Backend(name, make_uow_factory(engine, clock), clock, engine)


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"), postgres_param()])
async def sql_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on each SQL backend."""
    async with migrated_engine(request.param, tmp_path) as engine:
        yield engine
