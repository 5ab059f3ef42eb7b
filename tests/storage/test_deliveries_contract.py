"""Storage contract of deliveries (the reminder queue), on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.reminders.domain import DeliveryKind, DeliveryStatus, Outcome
from tests.storage.contract import Backend
from tests.support.meetups import T0, reminder, seed_meetup

LEASE = timedelta(seconds=30)


async def _add(backend: Backend, plans: list) -> int:  # type: ignore[type-arg]
    async with backend.uow() as uow:
        added = await uow.meetups.deliveries.add(plans)
        await uow.commit()
    return added


async def _claim(backend: Backend, owner: str, now: datetime, limit: int = 100) -> list:  # type: ignore[type-arg]
    async with backend.uow() as uow:
        claimed = await uow.meetups.deliveries.claim(owner, now, now + LEASE, limit)
        await uow.commit()
    return claimed


async def test_planning_twice_stores_each_natural_key_once(backend: Backend) -> None:
    community, (ann, bob), meetup = await seed_meetup(backend.uow, "ann", "bob")
    plans = [reminder(meetup, ann), reminder(meetup, bob), reminder(meetup, None, channel="m")]
    assert await _add(backend, plans) == 3
    again = [*plans, reminder(meetup, ann, timedelta(hours=24))]
    assert await _add(backend, again) == 1
    async with backend.uow() as uow:
        stored = await uow.meetups.deliveries.for_meetup(community.id, meetup.id)
    assert len(stored) == 4
    assert stored[0].offset == timedelta(hours=24)
    first = next(d for d in stored if d.member_id == ann.id and d.offset == timedelta(hours=1))
    assert first.status is DeliveryStatus.PENDING
    assert first.available_at == first.due_at == meetup.starts_at - timedelta(hours=1)
    assert first.attempts == 0
    assert first.idempotency_key == plans[0].idempotency_key
    assert len(first.idempotency_key) == 25


async def test_add_checks_meetup_and_member_belong_to_the_community(backend: Backend) -> None:
    _, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    _, (zed,), foreign = await seed_meetup(backend.uow, "zed", community_id="other")
    async with backend.uow() as uow:
        with pytest.raises(LookupError):
            await uow.meetups.deliveries.add([reminder(meetup, zed)])
        with pytest.raises(LookupError):
            await uow.meetups.deliveries.add([reminder(foreign, None, channel="m",
                                                       community_id=meetup.community_id)])
        with pytest.raises(ValueError, match="timezone-aware"):
            await uow.meetups.deliveries.add([reminder(meetup, ann,
                                                       due_at=T0.replace(tzinfo=None))])


async def test_claim_leases_due_rows_in_order_and_counts_the_attempt(backend: Backend) -> None:
    community, (ann, bob), meetup = await seed_meetup(backend.uow, "ann", "bob")
    await _add(backend, [reminder(meetup, ann, timedelta(hours=2)),
                         reminder(meetup, bob, timedelta(hours=1)),
                         reminder(meetup, ann, timedelta(minutes=10))])
    now = meetup.starts_at - timedelta(minutes=30)
    claimed = await _claim(backend, "one", now)
    assert [d.offset for d in claimed] == [timedelta(hours=2), timedelta(hours=1)]
    for delivery in claimed:
        assert delivery.status is DeliveryStatus.LEASED
        assert delivery.lease_owner == "one"
        assert delivery.lease_expires_at == now + LEASE
        assert delivery.available_at == now + LEASE
        assert delivery.attempts == 1
    assert await _claim(backend, "two", now) == []
    async with backend.uow() as uow:
        assert await uow.meetups.deliveries.next_available() == now + LEASE
        counts = await uow.meetups.deliveries.count_by_status(community.id)
    assert counts == {DeliveryStatus.LEASED: 2, DeliveryStatus.PENDING: 1}


async def test_an_expired_lease_is_reclaimed_and_the_old_owner_cannot_finish(
    backend: Backend,
) -> None:
    _, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    await _add(backend, [reminder(meetup, ann)])
    now = meetup.starts_at - timedelta(minutes=30)
    (first,) = await _claim(backend, "dead", now)
    assert await _claim(backend, "alive", now + LEASE - timedelta(seconds=1)) == []
    (again,) = await _claim(backend, "alive", now + LEASE)
    assert again.id == first.id
    assert again.attempts == 2
    sent = Outcome(first.id, DeliveryStatus.SENT, now + LEASE, "p-1")
    async with backend.uow() as uow:
        assert await uow.meetups.deliveries.finish("dead", [sent]) == 0
        assert await uow.meetups.deliveries.finish("alive", [sent]) == 1
        assert await uow.meetups.deliveries.finish("alive", [sent]) == 0
        await uow.commit()
    async with backend.uow() as uow:
        (row,) = await uow.meetups.deliveries.for_meetup(meetup.community_id, meetup.id)
        assert await uow.meetups.deliveries.next_available() is None
    assert row.status is DeliveryStatus.SENT
    assert row.sent_at == now + LEASE
    assert row.platform_message_id == "p-1"
    assert row.lease_owner is None


async def test_finish_records_retries_failures_and_misses(backend: Backend) -> None:
    community, (ann, bob, cat), meetup = await seed_meetup(backend.uow, "ann", "bob", "cat")
    await _add(backend, [reminder(meetup, m) for m in (ann, bob, cat)])
    now = meetup.starts_at - timedelta(minutes=30)
    claimed = {d.member_id: d for d in await _claim(backend, "me", now)}
    retry_at = now + timedelta(minutes=5)
    outcomes = [
        Outcome(claimed[ann.id].id, DeliveryStatus.PENDING, now, error="rate limited",
                retry_at=retry_at),
        Outcome(claimed[bob.id].id, DeliveryStatus.FAILED, now, error="DMs closed"),
        Outcome(claimed[cat.id].id, DeliveryStatus.LATE, now, "p-9"),
    ]
    async with backend.uow() as uow:
        assert await uow.meetups.deliveries.finish("me", outcomes) == 3
        await uow.commit()
    async with backend.uow() as uow:
        rows = {d.member_id: d for d in
                await uow.meetups.deliveries.for_meetup(community.id, meetup.id)}
        assert await uow.meetups.deliveries.next_available() == retry_at
    assert rows[ann.id].status is DeliveryStatus.PENDING
    assert rows[ann.id].available_at == retry_at
    assert rows[ann.id].last_error == "rate limited"
    assert rows[ann.id].sent_at is None
    assert rows[bob.id].status is DeliveryStatus.FAILED
    assert rows[bob.id].last_error == "DMs closed"
    assert rows[cat.id].status is DeliveryStatus.LATE
    assert rows[cat.id].platform_message_id == "p-9"
    assert await _claim(backend, "me", retry_at - timedelta(seconds=1)) == []
    assert [d.member_id for d in await _claim(backend, "me", retry_at)] == [ann.id]


async def test_discard_pending_spares_leased_sent_and_notices(backend: Backend) -> None:
    community, (ann, bob), meetup = await seed_meetup(backend.uow, "ann", "bob")
    notice = reminder(meetup, ann, timedelta(0), kind=DeliveryKind.NOTICE, topic="changed:r1",
                      due_at=T0)
    await _add(backend, [reminder(meetup, ann, timedelta(hours=25)),
                         reminder(meetup, ann), reminder(meetup, bob), notice])
    (leased,) = await _claim(backend, "me", meetup.starts_at - timedelta(hours=25), limit=1)
    async with backend.uow() as uow:
        assert await uow.meetups.deliveries.discard_pending(
            community.id, meetup.id, member_id=bob.id) == 1
        assert await uow.meetups.deliveries.discard_pending(
            community.id + 1000, meetup.id) == 0
        assert await uow.meetups.deliveries.discard_pending(
            community.id, meetup.id, occurrence_start=meetup.starts_at + timedelta(days=7)) == 0
        assert await uow.meetups.deliveries.discard_pending(community.id, meetup.id) == 1
        await uow.commit()
    async with backend.uow() as uow:
        left = await uow.meetups.deliveries.for_meetup(community.id, meetup.id)
    assert sorted((d.kind, d.id == leased.id) for d in left) == [
        (DeliveryKind.NOTICE, False), (DeliveryKind.REMINDER, True)
    ]


async def test_concurrent_claimers_never_share_a_row(backend: Backend) -> None:
    _, members, meetup = await seed_meetup(backend.uow, *(f"m{i}" for i in range(60)))
    await _add(backend, [reminder(meetup, m) for m in members])
    now = meetup.starts_at - timedelta(minutes=30)

    async def drain(owner: str) -> list[int]:
        got: list[int] = []
        while batch := await _claim(backend, owner, now, limit=7):
            got += [d.id for d in batch]
        return got

    results = await asyncio.gather(*(drain(f"owner-{i}") for i in range(4)))
    every = [row for result in results for row in result]
    assert len(every) == len(set(every)) == 60


async def test_payloads_round_trip(backend: Backend) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    payload = {"type": "moved", "start": T0.isoformat(), "where_new": "Café ☕"}
    await _add(backend, [reminder(meetup, ann, timedelta(0), kind=DeliveryKind.NOTICE,
                                  topic="moved:r2", payload=payload, due_at=T0)])
    async with backend.uow() as uow:
        (row,) = await uow.meetups.deliveries.for_meetup(community.id, meetup.id)
    assert dict(row.payload) == payload
    assert row.due_at.tzinfo is UTC


async def test_a_claim_never_leases_more_than_its_limit(backend: Backend) -> None:
    # Regression: on PostgreSQL `UPDATE ... WHERE id IN (SELECT ... LIMIT n SKIP LOCKED)` leased
    # every due row, so one process could grab the whole queue and outlive its lease.
    _, members, meetup = await seed_meetup(backend.uow, *(f"m{i}" for i in range(120)))
    await _add(backend, [reminder(meetup, m) for m in members])
    now = meetup.starts_at - timedelta(minutes=30)
    sizes = []
    while batch := await _claim(backend, "me", now, limit=25):
        sizes.append(len(batch))
    assert sizes == [25, 25, 25, 25, 20]
