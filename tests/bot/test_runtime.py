"""The background runner: periodic sweeps, on-demand wake-ups, no overlap, failures contained.

The waits below are bounded polls for something that must happen (``BOUND`` seconds is a guard
against hanging, never a speed assertion): fixed sleeps assumed to be long enough failed on a
loaded machine, where the scheduler's first tick can come late.
"""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.runtime import BackgroundRunner, PeriodicTask

BOUND = 30.0  # seconds; not an assertion on speed


async def _until(condition: Callable[[], bool], what: str) -> None:
    """Poll until ``condition()`` holds; fail after BOUND seconds."""
    try:
        async with asyncio.timeout(BOUND):
            while not condition():  # noqa: ASYNC110 (the tasks append to lists; no event)
                await asyncio.sleep(0.01)
    except TimeoutError:
        raise AssertionError(f"gave up waiting: {what}") from None


async def test_task_runs_at_start_and_on_wake() -> None:
    runs: list[datetime] = []

    async def sweep() -> None:
        runs.append(datetime.now(UTC))

    runner = BackgroundRunner([PeriodicTask("sweep", 3600, sweep)])
    runner.start()
    try:
        await _until(lambda: len(runs) >= 1, "the sweep runs at start")
        at = datetime.now(UTC) + timedelta(seconds=0.3)
        runner.wake("sweep", at)
        await _until(lambda: len(runs) >= 2, "the sweep runs at the time asked for")
        assert runs[1] >= at  # not before the time asked for (a lower bound: load only delays)
        runner.wake("sweep")
        await _until(lambda: len(runs) >= 3, "the sweep runs when woken without a time")
        await asyncio.sleep(0.05)
        assert len(runs) == 3  # each wake-up ran it once, and the 1 h interval not at all
    finally:
        await runner.stop()


async def test_a_slow_task_never_overlaps_itself_and_failures_do_not_stop_it() -> None:
    active = 0
    peak = 0
    calls = 0

    async def slow() -> None:
        nonlocal active, peak, calls
        calls += 1
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.3)  # the 0.05 s interval fires several times meanwhile
        active -= 1
        raise RuntimeError("boom")

    runner = BackgroundRunner([PeriodicTask("slow", 0.05, slow)])
    runner.start()
    try:
        await _until(lambda: calls >= 3, "the task runs again after failing")
    finally:
        await runner.stop()
    assert peak == 1


async def test_stop_raises_the_stop_signal_before_waiting_for_running_work() -> None:
    seen: list[bool] = []
    started = asyncio.Event()
    runner = BackgroundRunner([])

    async def work() -> None:
        started.set()
        polls = 0
        while not runner.stop_signal.requested and polls < 500:
            polls += 1
            await asyncio.sleep(0.01)
        seen.append(runner.stop_signal.requested)

    runner = BackgroundRunner([PeriodicTask("work", 3600, work)])
    runner.start()
    async with asyncio.timeout(BOUND):
        await started.wait()  # stop while the work runs (stopping before it starts proves nothing)
    await asyncio.wait_for(runner.stop(), timeout=BOUND)
    assert seen == [True]
