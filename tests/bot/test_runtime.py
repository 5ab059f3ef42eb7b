"""The background runner: periodic sweeps, on-demand wake-ups, no overlap, failures contained."""

import asyncio
from datetime import UTC, datetime, timedelta

from bot.runtime import BackgroundRunner, PeriodicTask


async def test_task_runs_at_start_and_on_wake() -> None:
    runs: list[float] = []

    async def sweep() -> None:
        runs.append(asyncio.get_running_loop().time())

    runner = BackgroundRunner([PeriodicTask("sweep", 3600, sweep)])
    runner.start()
    await asyncio.sleep(0.2)
    assert len(runs) == 1
    runner.wake("sweep", datetime.now(UTC) + timedelta(seconds=0.3))
    await asyncio.sleep(0.8)
    assert len(runs) == 2
    runner.wake("sweep")
    await asyncio.sleep(0.1)
    assert len(runs) == 3
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
        await asyncio.sleep(0.3)
        active -= 1
        raise RuntimeError("boom")

    runner = BackgroundRunner([PeriodicTask("slow", 0.05, slow)])
    runner.start()
    await asyncio.sleep(1.0)
    await runner.stop()
    assert peak == 1
    assert calls >= 2


async def test_stop_raises_the_stop_signal_before_waiting_for_running_work() -> None:
    seen: list[bool] = []
    runner = BackgroundRunner([])

    async def work() -> None:
        polls = 0
        while not runner.stop_signal.requested and polls < 500:
            polls += 1
            await asyncio.sleep(0.01)
        seen.append(runner.stop_signal.requested)

    runner = BackgroundRunner([PeriodicTask("work", 3600, work)])
    runner.start()
    await asyncio.sleep(0.1)
    await asyncio.wait_for(runner.stop(), timeout=5)
    assert seen == [True]
