"""The meetups feature's background work: the reminder dispatcher and the hourly sweep."""

from __future__ import annotations

from datetime import timedelta

from bot.meetups.composer import MeetupComposer
from bot.meetups.housekeeping import sweep
from bot.reminders.dispatcher import ReminderDispatcher
from bot.runtime import BackgroundRunner, PeriodicTask
from bot.services import Services

REMINDERS_TASK = "reminders"
SWEEP_TASK = "meetups-sweep"
SWEEP_INTERVAL = timedelta(hours=1)
MIN_GAP = timedelta(milliseconds=20)  # never schedule the next run sooner than this


def meetup_tasks(services: Services) -> list[PeriodicTask]:
    """The dispatcher (on the safety interval, woken at the next due time) and the sweep."""
    composer = MeetupComposer(services.uow, services.meetups, services.clock)
    dispatcher = ReminderDispatcher(
        services.uow, services.messenger, composer, services.clock, services.reminders,
        alarm=services.alarm, stop=services.shutdown,
    )

    async def dispatch() -> None:
        report = await dispatcher.run()
        if report.next_wake is not None:
            # A future time only: ring(None) would ask this very run to go again.
            services.alarm.ring(max(report.next_wake, services.clock.now() + MIN_GAP))

    async def housekeeping() -> None:
        await sweep(services)

    return [
        PeriodicTask(REMINDERS_TASK, services.reminders.safety_interval.total_seconds(),
                     dispatch),
        PeriodicTask(SWEEP_TASK, SWEEP_INTERVAL.total_seconds(), housekeeping),
    ]


def attach_alarm(services: Services, runner: BackgroundRunner) -> None:
    """Let handlers wake the dispatcher through ``services.alarm``."""
    services.alarm.attach(lambda at: runner.wake(REMINDERS_TASK, at))
