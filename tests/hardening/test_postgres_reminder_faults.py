"""Faults: PostgreSQL terminates the bot's connections around the reminder dispatcher's batches.

Every reminder goes out exactly once, or at most once more with the same idempotency key when
the outcome itself could not be recorded; the last test kills at random moments of many runs.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy.exc import DBAPIError

from bot.errors import CommitOutcomeUnknown
from bot.outbox import Outgoing, RecordingMessenger, SendResult
from bot.reminders.config import DispatchConfig
from bot.reminders.domain import Delivery, Outcome
from storage.meetups.deliveries import SqlDeliveryRepository
from tests.support.databases import postgres_param
from tests.support.pg_faults import (
    GOING,
    KILL_WAIT,
    START,
    Admin,
    Bot,
    KillSwitch,
    kill_now_and_then,
    killable_bot,
)


@pytest.fixture(params=[postgres_param()])
async def bot() -> AsyncIterator[Bot]:
    async with killable_bot() as killable:
        yield killable


async def _going_to_a_meetup(bot: Bot, names: tuple[str, ...] = GOING) -> str:
    preview = await bot.say("olga", '/meetup create title="Rust night" when="2026-11-23 19:00" '
                                    "remind=1h")
    confirm = next(b.command for b in preview.buttons if b.command.startswith("/meetup confirm"))
    assert not (await bot.say("olga", confirm)).is_error
    meetup_id = confirm.rsplit(" ", 1)[1]
    for name in names:
        assert not (await bot.say(name, f"/rsvp {meetup_id} going")).is_error
    bot.messenger.sent.clear()
    bot.clock.advance(START - timedelta(hours=1) - bot.clock.now())
    return meetup_id


def _small_batches(bot: Bot) -> DispatchConfig:
    return replace(bot.services.reminders, batch_size=2, concurrency=1)


def _received(bot: Bot) -> Counter[str]:
    return Counter(m.recipient.member_external_id or "" for m in bot.messenger.sent)


async def test_a_kill_between_reminder_batches_loses_and_repeats_nothing(bot: Bot) -> None:
    await _going_to_a_meetup(bot)
    dispatcher = bot.reminders(_small_batches(bot), before_claim=bot.admin.kill)
    report = await dispatcher.run()
    assert dispatcher.claims >= 4  # 7 reminders in batches of 2, a kill before each later claim
    assert bot.admin.kills >= 3
    assert report.sent == len(GOING)
    assert report.lost == 0
    assert _received(bot) == Counter(GOING)  # each member exactly once
    assert len({m.idempotency_key for m in bot.messenger.sent}) == len(GOING)
    assert await bot.delivery_statuses() == Counter({"sent": len(GOING)})
    bot.clock.advance(timedelta(minutes=5))
    assert (await bot.reminders().run()).claimed == 0
    assert len(bot.messenger.sent) == len(GOING)


@dataclass
class KillingMessenger(RecordingMessenger):
    """Records sends; kills the bot's (idle) connections during every ``every``-th send."""

    admin: Admin | None = None
    every: int = 2
    calls: int = 0

    async def send(self, message: Outgoing) -> SendResult:
        """Kill on every ``every``-th send (between a batch's claim and its outcome), record."""
        self.calls += 1
        if self.admin is not None and self.calls % self.every == 0:
            await self.admin.kill()
        return await super().send(message)


async def test_a_kill_while_a_batch_is_being_sent_loses_and_repeats_nothing(bot: Bot) -> None:
    await _going_to_a_meetup(bot)
    killing = KillingMessenger(admin=bot.admin, every=2)
    bot.messenger = killing
    report = await bot.reminders(_small_batches(bot)).run()
    assert bot.admin.kills == len(GOING) // 2
    assert report.sent == len(GOING)
    assert _received(bot) == Counter(GOING)
    assert await bot.delivery_statuses() == Counter({"sent": len(GOING)})


async def test_a_kill_inside_a_claim_leases_nothing_and_the_next_run_sends_once(
        bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    await _going_to_a_meetup(bot)
    claim = SqlDeliveryRepository.claim
    claims = [0]

    async def second_claim_dies(self: SqlDeliveryRepository, owner: str, now: datetime,
                                lease_until: datetime, limit: int) -> list[Delivery]:
        batch = await claim(self, owner, now, lease_until, limit)  # leased, not yet committed
        claims[0] += 1
        if claims[0] == 2:
            assert await bot.admin.kill() >= 1
        return batch

    monkeypatch.setattr(SqlDeliveryRepository, "claim", second_claim_dies)
    with pytest.raises(CommitOutcomeUnknown) as unsure:  # killed before the claim's COMMIT
        await bot.reminders(_small_batches(bot)).run()  # the first batch, then the claim dies
    assert isinstance(unsure.value.__cause__, DBAPIError)
    assert unsure.value.__cause__.connection_invalidated
    assert _received(bot).total() == 2
    assert await bot.delivery_statuses() == Counter({"sent": 2, "pending": len(GOING) - 2})
    bot.clock.advance(timedelta(seconds=1))  # no lease to wait for: the claim was rolled back
    report = await bot.reminders(_small_batches(bot)).run()
    assert report.sent == len(GOING) - 2
    assert _received(bot) == Counter(GOING)  # each member exactly once
    assert await bot.delivery_statuses() == Counter({"sent": len(GOING)})


async def test_a_kill_inside_the_outcome_transaction_resends_with_the_same_key(
        bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    await _going_to_a_meetup(bot, ("ana", "ben"))
    finish = SqlDeliveryRepository.finish
    switch = KillSwitch(bot.admin)
    switch.armed = True

    async def finish_then_die(self: SqlDeliveryRepository, owner: str,
                              outcomes: Sequence[Outcome]) -> int:
        recorded = await finish(self, owner, outcomes)  # updated, not yet committed
        await switch.maybe_fire()
        return recorded

    monkeypatch.setattr(SqlDeliveryRepository, "finish", finish_then_die)
    with pytest.raises(CommitOutcomeUnknown) as unsure:
        await bot.reminders().run()  # sent, but the outcome could not be recorded
    assert switch.fired == 1
    assert isinstance(unsure.value.__cause__, DBAPIError)
    assert unsure.value.__cause__.connection_invalidated
    assert _received(bot) == Counter({"ana": 1, "ben": 1})
    assert await bot.delivery_statuses() == Counter({"leased": 2})  # not marked sent
    bot.clock.advance(bot.services.reminders.lease + timedelta(seconds=1))
    report = await bot.reminders().run()  # the lease ran out: taken up again
    assert report.claimed == 2
    assert report.lost == 0
    # At most one more attempt each, with the same key, so the platform drops the duplicate.
    assert _received(bot) == Counter({"ana": 2, "ben": 2})
    for name in ("ana", "ben"):
        assert len({m.idempotency_key for m in bot.messenger.to(name)}) == 1
    assert sum((await bot.delivery_statuses()).values()) == 2
    assert set(await bot.delivery_statuses()) <= {"sent", "late"}
    bot.clock.advance(timedelta(minutes=5))
    assert (await bot.reminders().run()).claimed == 0
    assert len(bot.messenger.sent) == 4


@dataclass
class SlowMessenger(RecordingMessenger):
    """Records sends, each taking a little while (so kills land in every phase of a run)."""

    pause: float = 0.002

    async def send(self, message: Outgoing) -> SendResult:
        """Wait a moment, then record."""
        await asyncio.sleep(self.pause)
        return await super().send(message)


async def test_kills_at_random_moments_lose_nothing_and_resend_only_with_the_same_key(
        bot: Bot) -> None:
    crowd = tuple(f"m{i:02d}" for i in range(30))
    await _going_to_a_meetup(bot, crowd)
    bot.messenger = SlowMessenger()
    kills = 12
    # Each kill can strand one batch, so one unlucky delivery may be claimed once per kill; allow
    # that many attempts, or the dispatcher rightly gives up ("failed"), which is not this test.
    config = replace(bot.services.reminders, batch_size=4, concurrency=2,
                     max_attempts=kills + 1)

    killer = asyncio.create_task(kill_now_and_then(bot.admin, times=kills, pause=0.015))
    failed_runs: list[DBAPIError] = []  # a lost commit's DBAPIError is the cause it carries
    deadline = time.monotonic() + KILL_WAIT * 6
    try:
        while time.monotonic() < deadline:
            try:
                report = await bot.reminders(config).run()
            except (DBAPIError, CommitOutcomeUnknown) as exc:  # the next run takes over later
                cause = exc if isinstance(exc, DBAPIError) else exc.__cause__
                assert isinstance(cause, DBAPIError)
                failed_runs.append(cause)
                bot.clock.advance(config.lease + timedelta(seconds=1))
                continue
            if report.next_wake is not None:  # a lease left by a failed run
                bot.clock.advance(max(report.next_wake - bot.clock.now(), timedelta(seconds=1)))
            elif killer.done():
                break
            else:
                await asyncio.sleep(0.005)
    finally:
        await killer
    assert all(f.connection_invalidated for f in failed_runs)  # no dead connection pooled again
    assert set(_received(bot)) == set(crowd)  # nobody was left out
    for name in crowd:  # a repeat only when an outcome was lost, and then with the same key
        assert len({m.idempotency_key for m in bot.messenger.to(name)}) == 1
    statuses = await bot.delivery_statuses()
    assert set(statuses) <= {"sent", "late"}
    assert statuses.total() == len(crowd)

