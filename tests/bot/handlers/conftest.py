"""Services over each storage backend (in-memory fake, SQLite, PostgreSQL when configured).

Every handler test runs once per backend, so the handlers behave the same on the fake and on
real storage. PostgreSQL runs only when ``MENTORMEET_TEST_POSTGRES_URL`` is set.
"""

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.clock import FakeClock
from bot.dispatcher import Dispatcher
from bot.memory import make_memory_uow_factory
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.ports import UnitOfWorkFactory
from bot.services import Limits, Services
from bot.taxonomy import Taxonomy
from storage.uow import make_uow_factory
from tests.support.databases import migrated_engine, postgres_param

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture(params=[pytest.param("memory", id="memory"),
                        pytest.param("sqlite", id="sqlite"), postgres_param()])
async def uow_factory(request: pytest.FixtureRequest) -> AsyncIterator[UnitOfWorkFactory]:
    """A unit-of-work factory on a fresh database of the requested backend."""
    clock = FakeClock(NOW)
    if request.param == "memory":
        yield make_memory_uow_factory(clock)
        return
    async with migrated_engine(request.param) as engine:
        yield make_uow_factory(engine, clock)


@pytest.fixture
def services(uow_factory: UnitOfWorkFactory) -> Services:
    taxonomy = Taxonomy.load()
    return Services(
        uow=uow_factory,
        taxonomy=taxonomy,
        parser=IntroParser(taxonomy),
        clock=FakeClock(NOW),
        messenger=RecordingMessenger(),
        limits=Limits(intro_max_chars=2000),
    )


@pytest.fixture
def dispatcher(services: Services) -> Dispatcher:
    return Dispatcher(services)
