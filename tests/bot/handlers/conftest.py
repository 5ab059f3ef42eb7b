"""Services over the in-memory unit of work, the real taxonomy and the real parser."""

from datetime import UTC, datetime

import pytest

from bot.clock import FakeClock
from bot.dispatcher import Dispatcher
from bot.memory import make_memory_uow_factory
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.services import Limits, Services
from bot.taxonomy import Taxonomy


@pytest.fixture
def services() -> Services:
    taxonomy = Taxonomy.load()
    return Services(
        uow=make_memory_uow_factory(),
        taxonomy=taxonomy,
        parser=IntroParser(taxonomy),
        clock=FakeClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC)),
        messenger=RecordingMessenger(),
        limits=Limits(intro_max_chars=2000),
    )


@pytest.fixture
def dispatcher(services: Services) -> Dispatcher:
    return Dispatcher(services)

