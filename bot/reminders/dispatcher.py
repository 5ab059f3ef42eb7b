"""The reminder dispatcher: claim due deliveries with a lease, send them, record what happened.

Exactly-once comes from three pieces together: the database decides what is due and who holds
it (a lease; expired leases are reclaimed), each send carries an idempotency key derived from
the delivery's natural key (so a platform, or a test sink, drops a resend after a crash), and
outcomes are recorded only while the lease is still ours.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.clock import Clock
from bot.outbox import Messenger, Outgoing, SendResult, SendStatus
from bot.ports import UnitOfWorkFactory
from bot.reminders.alarm import Alarm
from bot.reminders.config import DispatchConfig
from bot.reminders.domain import Delivery, DeliveryStatus, Outcome, PlannedDelivery
from bot.runtime import StopSignal

log = logging.getLogger(__name__)

EMPTY_RETRIES = 3  # rows reported due but not claimable (being claimed elsewhere): look again
EMPTY_PAUSE = 0.05


class Composer(Protocol):
    """Turns claimed deliveries into messages (the meetups feature implements it)."""

    async def compose(self, deliveries: Sequence[Delivery]) -> Mapping[int, Outgoing | str]:
        """A message per delivery id, or the reason it can no longer be sent (final)."""
        ...

    async def fallback(self, delivery: Delivery, now: datetime) -> PlannedDelivery | None:
        """A channel post to plan when a member's DM failed for good, if the community allows."""
        ...


@dataclass(slots=True)
class DispatchReport:
    """What one run did."""

    claimed: int = 0
    sent: int = 0
    late: int = 0
    retried: int = 0
    failed: int = 0
    missed: int = 0
    lost: int = 0  # outcomes not recorded because another dispatcher took the lease over
    next_wake: datetime | None = None
    counts: dict[DeliveryStatus, int] = field(default_factory=dict)


def default_owner() -> str:
    """A lease owner name unique to this process: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class ReminderDispatcher:
    """Sends due deliveries; run it from a timer (it is safe to run in several processes)."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        messenger: Messenger,
        composer: Composer,
        clock: Clock,
        config: DispatchConfig,
        *,
        alarm: Alarm | None = None,
        owner: str | None = None,
        stop: StopSignal | None = None,
    ) -> None:
        self._uow = uow
        self._messenger = messenger
        self._composer = composer
        self._clock = clock
        self._config = config
        self._alarm = alarm or Alarm()
        self.owner = owner or default_owner()
        self._sends = asyncio.Semaphore(config.concurrency)
        self._stop = stop or StopSignal()

    async def run(self) -> DispatchReport:
        """Send everything due now, batch by batch; returns when the next delivery is due."""
        report = DispatchReport()
        empty = 0
        while not self._stop.requested:  # at shutdown: finish the batch in flight, claim no more
            batch = await self._claim()
            if batch:
                empty = 0
                await self._process(batch, report)
                continue
            async with self._uow(read_only=True) as uow:
                upcoming = await uow.meetups.deliveries.next_available()
            if upcoming is not None and upcoming <= self._clock.now() and empty < EMPTY_RETRIES:
                empty += 1
                await asyncio.sleep(EMPTY_PAUSE)
                continue
            if self._alarm.take_rerun():
                continue
            report.next_wake = upcoming
            return report
        return report

    async def _claim(self) -> list[Delivery]:
        now = self._clock.now()
        async with self._uow() as uow:
            batch = await uow.meetups.deliveries.claim(
                self.owner, now, now + self._config.lease, self._config.batch_size
            )
            await uow.commit()
        return batch

    async def _process(self, batch: list[Delivery], report: DispatchReport) -> None:
        report.claimed += len(batch)
        now = self._clock.now()
        outcomes: list[Outcome] = []
        sendable: list[Delivery] = []
        for delivery in batch:
            if now >= delivery.expires_at:
                log.warning("delivery %s missed: its session started at %s (due %s)",
                            delivery.id, delivery.occurrence_start.isoformat(),
                            delivery.due_at.isoformat())
                outcomes.append(Outcome(delivery.id, DeliveryStatus.MISSED, now,
                                        error="the session had already started"))
            elif delivery.attempts > self._config.max_attempts:
                outcomes.append(Outcome(delivery.id, DeliveryStatus.FAILED, now,
                                        error=f"gave up after {delivery.attempts - 1} attempts "
                                              f"({delivery.last_error or 'lease expired'})"))
            else:
                sendable.append(delivery)
        messages = await self._composer.compose(sendable) if sendable else {}
        ready: list[tuple[Delivery, Outgoing]] = []
        for delivery in sendable:
            message = messages.get(delivery.id, "nothing to send")
            if isinstance(message, str):  # no longer sendable: final, and no fallback
                outcomes.append(Outcome(delivery.id, DeliveryStatus.FAILED, now, error=message))
            else:
                ready.append((delivery, message))
        results = await asyncio.gather(*(self._send(d, m) for d, m in ready))
        fallbacks: list[PlannedDelivery] = []
        for (delivery, _), result in zip(ready, results, strict=True):
            outcome = self._outcome(delivery, result)
            outcomes.append(outcome)
            if outcome.status is DeliveryStatus.FAILED and result.status is SendStatus.PERMANENT:
                plan = await self._composer.fallback(delivery, outcome.at)
                if plan is not None:
                    fallbacks.append(plan)
        async with self._uow() as uow:
            recorded = await uow.meetups.deliveries.finish(self.owner, outcomes)
            if fallbacks:
                await uow.meetups.deliveries.add(fallbacks)
            await uow.commit()
        self._tally(outcomes, report)
        report.lost += len(outcomes) - recorded
        if recorded < len(outcomes):
            log.warning("%d deliveries were taken over by another dispatcher before their "
                        "outcome was recorded", len(outcomes) - recorded)

    async def _send(self, delivery: Delivery, message: Outgoing) -> SendResult:
        async with self._sends:
            try:
                return await self._messenger.send(message)
            except Exception as exc:  # a messenger should report, not raise; stay safe anyway
                log.exception("messenger raised for delivery %s", delivery.id)
                return SendResult(SendStatus.TRANSIENT, reason=f"{type(exc).__name__}: {exc}")

    def _outcome(self, delivery: Delivery, result: SendResult) -> Outcome:
        now = self._clock.now()
        if result.status is SendStatus.SENT:
            late = now > delivery.due_at + self._config.late_after
            if late:
                log.info("delivery %s sent %.0f s late", delivery.id,
                         (now - delivery.due_at).total_seconds())
            status = DeliveryStatus.LATE if late else DeliveryStatus.SENT
            return Outcome(delivery.id, status, now, result.platform_message_id)
        if result.status is SendStatus.PERMANENT:
            log.warning("delivery %s failed for good: %s", delivery.id, result.reason)
            return Outcome(delivery.id, DeliveryStatus.FAILED, now, error=result.reason)
        if delivery.attempts >= self._config.max_attempts:
            return Outcome(delivery.id, DeliveryStatus.FAILED, now,
                           error=f"gave up after {delivery.attempts} attempts: {result.reason}")
        retry = now + self._config.backoff.delay(delivery.attempts)
        return Outcome(delivery.id, DeliveryStatus.PENDING, now, error=result.reason,
                       retry_at=retry)

    @staticmethod
    def _tally(outcomes: Sequence[Outcome], report: DispatchReport) -> None:
        counts = report.counts
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        report.sent = counts.get(DeliveryStatus.SENT, 0)
        report.late = counts.get(DeliveryStatus.LATE, 0)
        report.retried = counts.get(DeliveryStatus.PENDING, 0)
        report.failed = counts.get(DeliveryStatus.FAILED, 0)
        report.missed = counts.get(DeliveryStatus.MISSED, 0)
