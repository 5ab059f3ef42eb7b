"""The composition root: wires settings, storage, taxonomy, parser, handlers and background work."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.clock import Clock, SystemClock
from bot.dispatcher import Dispatcher
from bot.errors import DatabaseUnavailable
from bot.limits import RateLimiter
from bot.matching.sweeps import attach_matching_alarm, matching_tasks
from bot.meetups.tasks import attach_alarm, meetup_tasks
from bot.metrics import Metrics, NullMetrics
from bot.outbox import Messenger
from bot.parsing import IntroParser
from bot.ports import UnitOfWorkFactory
from bot.reminders.sink import with_test_sink
from bot.runtime import BackgroundRunner, PeriodicTask
from bot.services import Limits, Services
from bot.settings import Settings, SettingsError
from bot.taxonomy import CustomSkill, Taxonomy

if TYPE_CHECKING:
    from adapters.ops import OpsServer, PrometheusMetrics
    from storage.health import SqlDatabaseProbe

log = logging.getLogger(__name__)

CARD_REFRESH_GRACE = 5.0  # seconds at shutdown for meetup card edits already under way


@dataclass(slots=True)
class App:
    """A wired bot: the dispatcher, its background runner, and what must be closed at shutdown."""

    settings: Settings
    services: Services
    dispatcher: Dispatcher
    runner: BackgroundRunner
    _close: Callable[[], Awaitable[None]]
    ops_address: tuple[str, int] | None = None  # where /metrics and /healthz listen, if enabled

    def start(self) -> None:
        """Start background work (call from inside the running event loop)."""
        self.runner.start()

    async def aclose(self) -> None:
        """Stop background work, let card refreshes finish, then release database connections."""
        await self.runner.stop()
        try:
            async with asyncio.timeout(CARD_REFRESH_GRACE):
                await self.services.cards.settle()
        except TimeoutError:
            log.warning("meetup card refreshes still running at shutdown were abandoned")
        await self._close()


def build_taxonomy(settings: Settings) -> Taxonomy:
    """The packaged taxonomy plus the community's own skills and aliases from config."""
    custom = [
        CustomSkill(
            name=s.name,
            aliases=tuple(s.aliases),
            category=s.category or "tool",
            related=tuple(s.related),
            parents=tuple(s.parents),
        )
        for s in settings.skills.custom
    ]
    try:
        return Taxonomy.load(custom=custom, extra_aliases=dict(settings.skills.aliases))
    except ValueError as exc:
        raise SettingsError(f"skills: {exc}") from exc


def build_services(
    settings: Settings,
    uow: UnitOfWorkFactory,
    messenger: Messenger,
    clock: Clock | None = None,
    taxonomy: Taxonomy | None = None,
    metrics: Metrics | None = None,
) -> Services:
    """Services over any unit-of-work factory (SQL or in-memory) and any messenger."""
    taxonomy = taxonomy or build_taxonomy(settings)
    return Services(
        uow=uow,
        taxonomy=taxonomy,
        parser=IntroParser(taxonomy),
        clock=clock or SystemClock(),
        messenger=messenger,
        limits=Limits(intro_max_chars=settings.intro.max_chars),
        metrics=metrics or NullMetrics(),
        meetups=settings.meetups.config(),
        reminders=settings.reminders.config(),
        matching=settings.matching.config(),
        rate_limiter=RateLimiter(settings.limits.rate_limit()),
    )


def background_tasks(services: Services) -> list[PeriodicTask]:
    """The periodic sweeps every running bot performs."""
    return [*meetup_tasks(services), *matching_tasks(services)]


async def build_app(
    settings: Settings,
    messenger: Messenger,
    clock: Clock | None = None,
    connections: Mapping[str, Callable[[], bool]] | None = None,
) -> App:
    """Open the database, apply migrations and wire the handlers and background work.

    With ``[ops] enabled`` the metrics and health server starts too; ``connections`` tells it
    whether each platform adapter is connected.
    """
    from storage.engine import engine_for
    from storage.health import SqlDatabaseProbe
    from storage.migrate import upgrade
    from storage.process_lock import process_lock_for
    from storage.startup_errors import check_connection, opening_database
    from storage.uow import uow_factory_for

    taxonomy = build_taxonomy(settings)  # a bad community skill stops start-up before the database
    lock = process_lock_for(settings.database.url)
    with opening_database(settings.database):
        if lock is not None:
            lock.acquire()
        engine = engine_for(settings.database)

    async def close() -> None:
        await engine.dispose()
        if lock is not None:
            lock.release()

    try:
        await check_connection(engine, settings.database)
        await upgrade(engine)
    except BaseException:
        await close()
        raise
    metrics = _prometheus_metrics() if settings.ops.enabled else None
    messenger = with_test_sink(messenger, settings.reminders)
    uow = uow_factory_for(engine, settings.database, metrics.database_wait if metrics else None)
    services = build_services(settings, uow, messenger, clock, taxonomy, metrics=metrics)
    runner = BackgroundRunner(background_tasks(services), stop_signal=services.shutdown)
    attach_alarm(services, runner)
    attach_matching_alarm(services, runner)
    if metrics is None:
        return App(settings, services, Dispatcher(services), runner, close)
    try:
        probe = SqlDatabaseProbe(engine)
        ops = await _start_ops(settings, metrics, probe, runner, connections or {})
    except BaseException:
        await close()
        raise

    async def close_with_ops() -> None:
        await ops.stop()
        await close()

    address = (settings.ops.host, ops.port)
    return App(settings, services, Dispatcher(services), runner, close_with_ops, address)


def _prometheus_metrics() -> PrometheusMetrics:
    from adapters.ops import PrometheusMetrics

    return PrometheusMetrics()


async def _start_ops(
    settings: Settings,
    metrics: PrometheusMetrics,
    database: SqlDatabaseProbe,
    runner: BackgroundRunner,
    connections: Mapping[str, Callable[[], bool]],
) -> OpsServer:
    """Start /metrics and /healthz; a port that cannot be used stops start-up."""
    from adapters.ops import OpsServerError, build_ops_server

    server = build_ops_server(
        metrics, database, runner.heartbeat_age, connections,
        host=settings.ops.host, port=settings.ops.port, secrets=settings.secret_values(),
    )
    try:
        await server.start()
    except OpsServerError as exc:
        raise SettingsError(str(exc)) from exc
    return server


class StorageNotReady(Exception):
    """The configured database does not exist or is not at this version's schema."""


@asynccontextmanager
async def open_storage(settings: Settings) -> AsyncIterator[UnitOfWorkFactory]:
    """Units of work on the configured database for offline tools; nothing is created."""
    from storage.engine import engine_for
    from storage.migrate import current, head_revision
    from storage.startup_errors import check_connection
    from storage.uow import uow_factory_for

    path = settings.database.sqlite_path
    if path is not None and not path.is_file():
        raise StorageNotReady(f"there is no database at {path}")
    engine = engine_for(settings.database)
    try:
        try:
            await check_connection(engine, settings.database)
        except DatabaseUnavailable as exc:
            raise StorageNotReady(str(exc)) from exc
        revision, head = await current(engine), head_revision()
        if revision != head:
            found = f"at revision {revision}" if revision else "not set up"
            raise StorageNotReady(
                f"the database {settings.database.display_url} is {found}, this mentormeet "
                f"needs revision {head}: run `mentormeet db upgrade` first"
            )
        yield uow_factory_for(engine, settings.database)
    finally:
        await engine.dispose()
