"""Services over the in-memory unit of work with the real taxonomy and parser, for core tests."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from bot.clock import FakeClock
from bot.memory import make_memory_uow_factory
from bot.metrics import Metrics, NullMetrics
from bot.outbox import RecordingMessenger
from bot.parsing import IntroParser
from bot.services import Limits, Services
from bot.taxonomy import Taxonomy

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@cache
def _taxonomy() -> Taxonomy:
    return Taxonomy.load()


def memory_services(metrics: Metrics | None = None, intro_max_chars: int = 2000) -> Services:
    """Fresh in-memory services reporting to ``metrics``."""
    taxonomy = _taxonomy()
    return Services(
        uow=make_memory_uow_factory(FakeClock(NOW)),
        taxonomy=taxonomy,
        parser=IntroParser(taxonomy),
        clock=FakeClock(NOW),
        messenger=RecordingMessenger(),
        limits=Limits(intro_max_chars=intro_max_chars),
        metrics=metrics or NullMetrics(),
    )
