"""The composition root: wires settings, storage, taxonomy, parser, handlers and background work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.clock import Clock, SystemClock
from bot.dispatcher import Dispatcher
from bot.outbox import Messenger
from bot.parsing import IntroParser
from bot.ports import UnitOfWorkFactory
from bot.runtime import BackgroundRunner, PeriodicTask
from bot.services import Limits, Services
from bot.settings import Settings, SettingsError
from bot.taxonomy import CustomSkill, Taxonomy


@dataclass(slots=True)
class App:
    """A wired bot: the dispatcher, its background runner, and what must be closed at shutdown."""

    settings: Settings
    services: Services
    dispatcher: Dispatcher
    runner: BackgroundRunner
    _close: Callable[[], Awaitable[None]]

    def start(self) -> None:
        """Start background work (call from inside the running event loop)."""
        self.runner.start()

    async def aclose(self) -> None:
        """Stop background work, then release database connections."""
        await self.runner.stop()
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
    )


def background_tasks(services: Services) -> list[PeriodicTask]:
    """The periodic sweeps every running bot performs."""
    return []


async def build_app(settings: Settings, messenger: Messenger, clock: Clock | None = None) -> App:
    """Open the database, apply migrations and wire the handlers and background work."""
    from storage.engine import create_engine
    from storage.migrate import upgrade
    from storage.process_lock import process_lock_for
    from storage.uow import make_uow_factory

    taxonomy = build_taxonomy(settings)  # a bad community skill stops start-up before the database
    lock = process_lock_for(settings.database.url)
    if lock is not None:
        lock.acquire()
    engine = create_engine(settings.database.url, echo=settings.database.echo)

    async def close() -> None:
        await engine.dispose()
        if lock is not None:
            lock.release()

    try:
        await upgrade(engine)
    except BaseException:
        await close()
        raise
    services = build_services(settings, make_uow_factory(engine), messenger, clock, taxonomy)
    runner = BackgroundRunner(background_tasks(services))
    return App(settings, services, Dispatcher(services), runner, close)
