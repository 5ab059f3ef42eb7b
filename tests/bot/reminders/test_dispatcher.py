"""The reminder dispatcher over the in-memory store: on time, exactly once, late, missed,
retried, failed with a channel fallback, and safe with several dispatchers."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.meetups.composer import MeetupComposer
from bot.meetups.config import MeetupPolicy
from bot.outbox import Outgoing, SendResult
from bot.reminders.backoff import Backoff
from bot.reminders.config import DispatchConfig
from bot.reminders.dispatcher import ReminderDispatcher
from bot.reminders.domain import DeliveryStatus
from tests.bot.meetups.conftest import Community, announce, berlin, make_community

START = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)  # "tomorrow 19:00" Berlin
BERLIN = ZoneInfo("Europe/Berlin")


async def _going(town: Community, *names: str, options: str = "remind=1h") -> int:
    meetup_id = await announce(town, f'title="Rust" when="tomorrow 19:00" {options}')
    for name in names:
        await town.say(name, f"/rsvp {meetup_id} going")
    return meetup_id


async def test_nothing_goes_out_early_and_the_next_wake_is_the_due_time(town: Community) -> None:
    meetup_id = await _going(town, "ana")
    report = await town.deliver(START - timedelta(hours=1, seconds=1))
    assert report.claimed == 0
    assert report.next_wake == START - timedelta(hours=1)
    report = await town.deliver(START - timedelta(hours=1))
    assert report.sent == 1
    (message,) = town.messenger.to("ana")
    (delivery,) = await town.deliveries(meetup_id)
    assert message.idempotency_key == delivery.idempotency_key
    assert delivery.status is DeliveryStatus.SENT
    assert delivery.sent_at == START - timedelta(hours=1)
    assert report.next_wake is None
    assert (await town.deliver(START)).claimed == 0


async def test_after_downtime_a_reminder_before_the_start_is_sent_late(town: Community) -> None:
    meetup_id = await _going(town, "ana")
    report = await town.deliver(START - timedelta(minutes=10))
    assert report.late == 1
    (text,) = town.texts("ana")
    assert text.startswith("⏰ Reminder: Rust starts in 10 minutes")
    (delivery,) = await town.deliveries(meetup_id)
    assert delivery.status is DeliveryStatus.LATE


async def test_after_the_start_a_reminder_is_missed_and_logged(
    town: Community, caplog: pytest.LogCaptureFixture
) -> None:
    meetup_id = await _going(town, "ana")
    with caplog.at_level(logging.WARNING, "bot.reminders.dispatcher"):
        report = await town.deliver(START + timedelta(minutes=1))
    assert report.missed == 1
    assert town.texts("ana") == []
    (delivery,) = await town.deliveries(meetup_id)
    assert delivery.status is DeliveryStatus.MISSED
    assert "already started" in delivery.last_error
    assert "missed" in caplog.text


async def test_transient_failures_retry_with_backoff_then_give_up() -> None:
    dispatch = DispatchConfig(max_attempts=3, backoff=Backoff(timedelta(seconds=30),
                                                              timedelta(minutes=5), jitter=0))
    town = await berlin(make_community(dispatch=dispatch))
    meetup_id = await _going(town, "ana", "ben")
    town.messenger.transient_failures.add("ana")
    due = START - timedelta(hours=1)
    report = await town.deliver(due)
    assert (report.sent, report.retried) == (1, 1)
    ana = next(d for d in await town.deliveries(meetup_id) if d.status is DeliveryStatus.PENDING)
    assert ana.available_at == due + timedelta(seconds=30)
    assert ana.last_error == "temporarily unavailable"
    assert report.next_wake == due + timedelta(seconds=30)
    await town.deliver(due + timedelta(seconds=30))
    again = next(d for d in await town.deliveries(meetup_id) if d.id == ana.id)
    assert again.available_at == due + timedelta(seconds=90)  # 30 s, then 60 s
    await town.deliver(due + timedelta(seconds=90))
    final = next(d for d in await town.deliveries(meetup_id) if d.id == ana.id)
    assert final.status is DeliveryStatus.FAILED
    assert final.last_error.startswith("gave up after 3 attempts")


async def test_a_transient_failure_that_clears_is_delivered_once(town: Community) -> None:
    await _going(town, "ana")
    town.messenger.transient_failures.add("ana")
    await town.deliver(START - timedelta(hours=1))
    town.messenger.transient_failures.clear()
    await town.deliver(START - timedelta(minutes=58))
    await town.deliver(START - timedelta(minutes=50))
    assert len(town.texts("ana")) == 1


async def test_a_permanent_failure_falls_back_to_a_channel_mention(town: Community) -> None:
    meetup_id = await _going(town, "ana")
    town.messenger.permanent_failures.add("ana")
    report = await town.deliver(START - timedelta(hours=1))
    assert report.failed == 1
    rows = await town.deliveries(meetup_id)
    dm = next(d for d in rows if d.channel is None)
    assert dm.status is DeliveryStatus.FAILED
    assert dm.last_error == "recipient unreachable"
    mention = next(d for d in rows if d.channel is not None)
    assert mention.status is DeliveryStatus.SENT  # planned and sent in the same run
    (post,) = [m for m in town.messenger.to("#meetups") if m.reply.mentions]
    assert post.reply.mentions == ("ana",)
    assert post.reply.text.startswith("@Ana (I couldn't send you a direct message) ⏰ Reminder")


async def test_no_fallback_when_the_community_does_not_allow_it() -> None:
    town = await berlin(make_community(MeetupPolicy(channel_reminders=False,
                                                    fallback_to_channel=False)))
    meetup_id = await _going(town, "ana")
    town.messenger.permanent_failures.add("ana")
    await town.deliver(START - timedelta(hours=1))
    assert len(await town.deliveries(meetup_id)) == 1
    assert [m for m in town.messenger.to("#meetups") if m.reply.mentions] == []


class Exploding:
    """A messenger that raises instead of reporting."""

    async def send(self, message: Outgoing) -> SendResult:
        raise ConnectionError("socket closed")


async def test_a_messenger_that_raises_counts_as_transient(town: Community) -> None:
    meetup_id = await _going(town, "ana")
    composer = MeetupComposer(town.services.uow, town.services.meetups, town.clock)
    town.clock.advance(START - timedelta(hours=1) - town.clock.now())
    dispatcher = ReminderDispatcher(town.services.uow, Exploding(), composer, town.clock,
                                    town.services.reminders, owner="x")
    report = await dispatcher.run()
    assert report.retried == 1
    (row,) = await town.deliveries(meetup_id)
    assert row.last_error == "ConnectionError: socket closed"


async def test_a_member_who_forgot_themselves_gets_nothing(town: Community) -> None:
    meetup_id = await _going(town, "ana", "ben")
    await town.say("ana", "/forget confirm")
    assert len(await town.deliveries(meetup_id)) == 1
    report = await town.deliver(START - timedelta(hours=1))
    assert report.sent == 1
    assert town.texts("ana") == []
    assert len(town.texts("ben")) == 1


async def test_several_dispatchers_send_each_reminder_exactly_once() -> None:
    town = await berlin(make_community(MeetupPolicy(channel_reminders=True)))
    names = [f"m{i}" for i in range(40)]
    meetup_id = await _going(town, *names, options="remind=1h,30m")
    town.clock.advance(START - timedelta(minutes=30) - town.clock.now())
    composer = MeetupComposer(town.services.uow, town.services.meetups, town.clock)
    config = DispatchConfig(batch_size=7, concurrency=3)
    dispatchers = [ReminderDispatcher(town.services.uow, town.messenger, composer, town.clock,
                                      config, owner=f"p{i}") for i in range(4)]
    reports = await asyncio.gather(*(d.run() for d in dispatchers))
    keys = [m.idempotency_key for m in town.messenger.sent if m.idempotency_key.startswith("mm-")]  # type: ignore[union-attr]
    assert len(keys) == len(set(keys)) == 2 * (40 + 1)
    assert sum(r.sent + r.late for r in reports) == 82
    assert all(d.status in (DeliveryStatus.SENT, DeliveryStatus.LATE)
               for d in await town.deliveries(meetup_id))


async def test_an_expired_lease_is_taken_over_and_the_crashed_owner_cannot_record(
    town: Community,
) -> None:
    meetup_id = await _going(town, "ana")
    due = START - timedelta(hours=1)
    town.clock.advance(due - town.clock.now())
    async with town.services.uow() as uow:  # a dispatcher that claims, then dies
        (claimed,) = await uow.meetups.deliveries.claim("dead", due, due + timedelta(seconds=30), 5)
        await uow.commit()
    assert (await town.deliver()).claimed == 0  # leased: not before the lease expires
    report = await town.deliver(due + timedelta(seconds=30))
    assert report.sent == 1
    (row,) = await town.deliveries(meetup_id)
    assert row.id == claimed.id
    assert row.attempts == 2
    assert len(town.texts("ana")) == 1


async def test_a_delivery_whose_dispatchers_keep_dying_is_given_up_after_max_attempts() -> None:
    dispatch = DispatchConfig(max_attempts=2, lease=timedelta(seconds=30))
    town = await berlin(make_community(dispatch=dispatch))
    meetup_id = await _going(town, "ana")
    due = START - timedelta(hours=1)
    town.clock.advance(due - town.clock.now())
    for _ in range(2):  # two dispatchers claim it, then die before recording anything
        now = town.clock.now()
        async with town.services.uow() as uow:
            (claimed,) = await uow.meetups.deliveries.claim("dead", now, now + dispatch.lease, 5)
            await uow.commit()
        town.clock.advance(dispatch.lease)
    report = await town.deliver()
    assert report.failed == 1
    assert town.texts("ana") == []
    (row,) = await town.deliveries(meetup_id)
    assert row.id == claimed.id
    assert row.status is DeliveryStatus.FAILED
    assert row.last_error == "gave up after 2 attempts (lease expired)"


async def test_an_immediate_ring_during_a_run_makes_it_look_again(town: Community) -> None:
    town.services.alarm.ring(None)
    assert town.services.alarm.take_rerun() is True
    assert town.services.alarm.take_rerun() is False


async def test_a_weekly_berlin_series_reminds_at_18_local_across_the_dst_change() -> None:
    town = await berlin(make_community(now=datetime(2026, 10, 10, 10, 0, tzinfo=UTC)))
    meetup_id = await announce(town, 'title="Go" every="weekly on Thursday at 19:00" remind=1h')
    await town.say("ana", f"/rsvp {meetup_id} going")
    owed = sorted(d.due_at for d in await town.deliveries(meetup_id))
    local = [d.astimezone(BERLIN) for d in owed[:4]]
    assert [(d.day, d.hour) for d in local] == [(15, 18), (22, 18), (29, 18), (5, 18)]
    assert [d.hour for d in owed[:4]] == [16, 16, 17, 17]


def test_backoff_grows_caps_and_jitters() -> None:
    backoff = Backoff(timedelta(seconds=10), timedelta(seconds=60), jitter=0.2)
    rng = random.Random(4)
    delays = [backoff.delay(n, rng).total_seconds() for n in range(1, 7)]
    bases = [10, 20, 40, 60, 60, 60]
    assert all(0.8 * b <= d <= 1.2 * b for d, b in zip(delays, bases, strict=True))
    with pytest.raises(ValueError, match="starting at 1"):
        backoff.delay(0)
    with pytest.raises(ValueError, match="base <= cap"):
        Backoff(timedelta(seconds=10), timedelta(seconds=5))


async def test_a_reminder_in_flight_for_a_skipped_session_is_dropped_without_fallback(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Go" every="weekly on Thursday at 19:00" remind=1h')
    await town.say("ana", f"/rsvp {meetup_id} going")
    thursday = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    due = thursday - timedelta(hours=1)
    async with town.services.uow() as uow:  # claimed by a dispatcher that then died
        (claimed,) = await uow.meetups.deliveries.claim("dead", due, due, 1)
        await uow.commit()
    await town.say("olga", f"/meetup skip {meetup_id} 2026-11-26")
    await town.deliver(due + timedelta(seconds=1))
    row = next(d for d in await town.deliveries(meetup_id) if d.id == claimed.id)
    assert row.status is DeliveryStatus.FAILED
    assert row.last_error == "that session no longer takes place at that time"
    assert not [m for m in town.messenger.to("#meetups") if m.reply.mentions]
    assert not any(t.startswith("⏰") for t in town.texts("ana"))
