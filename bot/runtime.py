"""Background work: APScheduler is only the timer; what is due always comes from the database."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0
"""How often a running BackgroundRunner beats (its health check reads the age of the last beat)."""
_HEARTBEAT_JOB = "__heartbeat__"


class StopSignal:
    """Set once at shutdown; long-running background work checks it between units of work."""

    def __init__(self) -> None:
        self._requested = False

    @property
    def requested(self) -> bool:
        """Whether shutdown has begun."""
        return self._requested

    def request(self) -> None:
        """Ask background work to finish what is in flight and take nothing new."""
        self._requested = True


@dataclass(frozen=True, slots=True)
class PeriodicTask:
    """A sweep run on a safety interval, and on demand via ``BackgroundRunner.wake``."""

    name: str
    interval_seconds: float
    run: Callable[[], Awaitable[object]]


class BackgroundRunner:
    """Runs periodic sweeps in the event loop; a task never overlaps itself."""

    def __init__(
        self,
        tasks: Sequence[PeriodicTask],
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
        stop_signal: StopSignal | None = None,
    ) -> None:
        self.stop_signal = stop_signal or StopSignal()
        self._tasks = {t.name: t for t in tasks}
        self._locks = {t.name: asyncio.Lock() for t in tasks}
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._running: set[asyncio.Task[None]] = set()
        self._last_beat: float | None = None
        self._heartbeat_seconds = heartbeat_seconds

    async def _guarded(self, name: str) -> None:
        lock = self._locks[name]
        if lock.locked():
            return
        async with lock:
            try:
                await self._tasks[name].run()
            except Exception:
                log.exception("background task %s failed; it will run again", name)

    def _spawn(self, name: str) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(name))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _fire(self, name: str) -> None:
        # a coroutine job runs on the event loop (AsyncIOExecutor), not in a worker thread
        self._spawn(name)

    def start(self) -> None:
        """Start the timer; each task runs now and then on its interval."""
        for task in self._tasks.values():
            self._scheduler.add_job(
                self._fire, IntervalTrigger(seconds=task.interval_seconds), args=[task.name],
                id=task.name, next_run_time=datetime.now(UTC), coalesce=True, max_instances=1,
            )
        self._scheduler.add_job(
            self._beat, IntervalTrigger(seconds=self._heartbeat_seconds), id=_HEARTBEAT_JOB,
            coalesce=True, max_instances=1,
        )
        self._scheduler.start()
        self._last_beat = time.monotonic()

    async def _beat(self) -> None:
        self._last_beat = time.monotonic()

    def heartbeat_age(self) -> float | None:
        """Seconds since the timer last fired on the event loop; None when not running."""
        if self._last_beat is None:
            return None
        return time.monotonic() - self._last_beat

    def wake(self, name: str, at: datetime | None = None) -> None:
        """Run task ``name`` at ``at`` (aware) or as soon as possible."""
        if name not in self._tasks:
            raise KeyError(name)
        if at is None or not self._scheduler.running:
            if self._scheduler.running:
                self._spawn(name)
            return
        self._scheduler.add_job(
            self._fire, DateTrigger(run_date=at), args=[name],
            id=f"{name}@{at.isoformat()}", replace_existing=True, misfire_grace_time=None,
        )

    async def stop(self) -> None:
        """Stop the timer, ask running tasks to wind down, and wait for them to finish."""
        self.stop_signal.request()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        self._last_beat = None
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
