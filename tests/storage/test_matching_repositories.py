"""Storage contract: mentor state, requests, pairings, seekers and the outbox, on every backend."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.matching.domain import (
    CheckinAnswer,
    MentorState,
    NewNotice,
    NoticeKind,
    PairingStatus,
    RequestStatus,
    RoundRecord,
)
from bot.replies import Button, Reply
from tests.storage.contract import START, Backend, seed_members, seed_other_member
from tests.storage.matching_contract import mentor_profile, pairing, request, save_profiles


async def test_mentor_settings_round_trip_without_touching_the_counters(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    cid = community.id
    async with backend.uow() as uow:
        assert await uow.matching.mentors.get(cid, ann.id) is None
        assert await uow.matching.mentors.take_slot(cid, ann.id, 2)
        await uow.matching.mentors.add_rating(cid, ann.id, 4, 1)
        await uow.matching.mentors.save_settings(MentorState(
            cid, ann.id, topics=("rust", "go", "rust"), paused=True,
            paused_until=START + timedelta(days=3), ignored_streak=2, active_count=99,
        ))
        await uow.commit()
    async with backend.uow() as uow:
        state = await uow.matching.mentors.get(cid, ann.id)
    assert state == MentorState(
        cid, ann.id, topics=("rust", "go"), paused=True, paused_until=START + timedelta(days=3),
        ignored_streak=2, active_count=1, rating_sum=4, rating_count=1,
    )
    assert state.paused_until is not None
    assert state.paused_until.utcoffset() == timedelta(0)
    assert state.is_paused(START)
    assert not state.is_paused(START + timedelta(days=4))


async def test_slots_are_taken_up_to_capacity_and_released_down_to_zero(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    cid = community.id
    async with backend.uow() as uow:
        taken = [await uow.matching.mentors.take_slot(cid, ann.id, 2) for _ in range(3)]
        await uow.matching.mentors.release_slot(cid, ann.id)
        await uow.matching.mentors.release_slot(cid, ann.id)
        await uow.matching.mentors.release_slot(cid, ann.id)
        await uow.commit()
    assert taken == [True, True, False]
    async with backend.uow() as uow:
        state = await uow.matching.mentors.get(cid, ann.id)
    assert state is not None
    assert state.active_count == 0


async def test_racing_for_the_last_slot_only_one_wins(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    cid = community.id
    async with backend.uow() as uow:
        assert await uow.matching.mentors.take_slot(cid, ann.id, 3)
        assert await uow.matching.mentors.take_slot(cid, ann.id, 3)
        await uow.commit()
    start = asyncio.Event()

    async def accept() -> bool:
        await start.wait()
        async with backend.uow() as uow:
            won = await uow.matching.mentors.take_slot(cid, ann.id, 3)
            await asyncio.sleep(0.01)  # hold the transaction open while the others try
            await uow.commit()
            return won

    tasks = [asyncio.create_task(accept()) for _ in range(6)]
    start.set()
    results = await asyncio.gather(*tasks)
    assert sorted(results) == [False] * 5 + [True]
    async with backend.uow() as uow:
        state = await uow.matching.mentors.get(cid, ann.id)
    assert state is not None
    assert state.active_count == 3


async def test_requests_close_once_and_are_found_by_side_status_and_expiry(
    backend: Backend,
) -> None:
    community, (ann, bob, cid_) = await seed_members(backend, "ann", "bob", "cid")
    other = await seed_other_member(backend)
    c = community.id
    async with backend.uow() as uow:
        first = await uow.matching.requests.add(request(c, ann.id, bob.id))
        second = await uow.matching.requests.add(request(c, cid_.id, bob.id,
                                                         expires=timedelta(hours=1)))
        third = await uow.matching.requests.add(request(c, ann.id, cid_.id))
        elsewhere = await uow.matching.requests.add(
            request(c, bob.id, ann.id, expires=timedelta(days=9))
        )
        with pytest.raises(ValueError, match="themself"):
            await uow.matching.requests.add(request(c, ann.id, ann.id))
        with pytest.raises(LookupError):
            await uow.matching.requests.add(request(c, ann.id, other.id))
        await uow.commit()
    assert first.id != second.id
    async with backend.uow() as uow:
        assert await uow.matching.requests.get(c, first.id) == first
        assert await uow.matching.requests.get(other.community_id, first.id) is None
        assert first.reasons == ("Knows Rust, a learning goal", "ünïcode ✓")
        assert await uow.matching.requests.close(c, first.id, RequestStatus.DECLINED, START)
        assert not await uow.matching.requests.close(c, first.id, RequestStatus.ACCEPTED, START)
        await uow.commit()
    async with backend.uow() as uow:
        requests = uow.matching.requests
        assert (await requests.get(c, first.id)).status is RequestStatus.DECLINED  # type: ignore[union-attr]
        assert [r.id for r in await requests.for_mentee(c, ann.id)] == [first.id, third.id]
        assert [r.id for r in await requests.for_mentee(c, ann.id, (RequestStatus.OPEN,))] == [
            third.id
        ]
        assert [r.id for r in await requests.for_mentor(c, bob.id)] == [first.id, second.id]
        assert [r.id for r in await requests.for_community(c, (RequestStatus.OPEN,))] == [
            second.id, third.id, elsewhere.id
        ]
        due = await requests.due_expired(START + timedelta(days=3), 10)
        assert [r.id for r in due] == [second.id, third.id]
        assert [r.id for r in await requests.due_expired(START + timedelta(days=3), 1)] == [
            second.id
        ]


async def test_pairings_check_ins_ratings_and_ending(backend: Backend) -> None:
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    c = community.id
    async with backend.uow() as uow:
        made = await uow.matching.pairings.add(pairing(c, bob.id, ann.id, timedelta(days=14)))
        with pytest.raises(ValueError, match="active pairing"):
            await uow.matching.pairings.add(pairing(c, bob.id, ann.id, timedelta(days=14)))
        await uow.commit()
    due_at = START + timedelta(days=14)
    async with backend.uow() as uow:
        pairings = uow.matching.pairings
        assert await pairings.due_checkins(START + timedelta(days=13), 10) == []
        assert [p.id for p in await pairings.due_checkins(due_at, 10)] == [made.id]
        assert await pairings.claim_checkin(c, made.id, due_at, due_at)
        assert not await pairings.claim_checkin(c, made.id, due_at, due_at)
        await uow.commit()
    later = due_at + timedelta(hours=1)
    async with backend.uow() as uow:
        pairings = uow.matching.pairings
        answered = await pairings.answer(c, made.id, ann.id, CheckinAnswer.MET, later, None)
        assert answered is not None
        assert (answered.mentee_answer, answered.met_at, answered.checkin_round) == (
            CheckinAnswer.MET, later, 1
        )
        again = await pairings.answer(c, made.id, bob.id, CheckinAnswer.NOT_YET, later,
                                      later + timedelta(days=14))
        assert again is not None
        assert again.next_checkin_at == later + timedelta(days=14)
        not_moved = await pairings.answer(c, made.id, bob.id, CheckinAnswer.SCHEDULED, later,
                                          later + timedelta(days=99))
        assert not_moved is not None
        assert not_moved.next_checkin_at == later + timedelta(days=14)
        assert await pairings.rate(c, made.id, 4) is None
        assert await pairings.rate(c, made.id, 5) == 4
        assert await pairings.end(c, made.id, "not_working", later)
        assert not await pairings.end(c, made.id, "not_working", later)
        assert await pairings.answer(c, made.id, ann.id, CheckinAnswer.MET, later, None) is None
        await uow.commit()
    async with backend.uow() as uow:
        (stored,) = await uow.matching.pairings.for_member(c, bob.id)
        assert await uow.matching.pairings.for_community(c) == [stored]
        fresh = await uow.matching.pairings.add(pairing(c, bob.id, ann.id, timedelta(days=1)))
        await uow.commit()
    assert (stored.status, stored.rating, stored.end_reason, stored.ended_at) == (
        PairingStatus.ENDED, 5, "not_working", later
    )
    assert stored.mentor_answer is CheckinAnswer.SCHEDULED
    assert stored.next_checkin_at is None
    assert fresh.id != stored.id  # a new pairing of the same two after the old one ended


async def test_seekers_and_wishes(backend: Backend) -> None:
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    other = await seed_other_member(backend)
    c = community.id
    async with backend.uow() as uow:
        seekers = uow.matching.seekers
        await seekers.seek(c, ann.id, None, START)
        await seekers.seek(c, ann.id, "rust", START + timedelta(days=1))
        await seekers.seek(c, bob.id, None, START)
        await seekers.wish(c, ann.id, "rust", START)
        await seekers.wish(c, ann.id, "rust", START + timedelta(days=1))
        await seekers.wish(c, ann.id, "haskell", START)
        await seekers.wish(other.community_id, other.id, "go", START)
        await uow.commit()
    async with backend.uow() as uow:
        seekers = uow.matching.seekers
        found = await seekers.seekers(c)
        assert [(s.member_id, s.topic, s.since) for s in found] == [
            (ann.id, "rust", START), (bob.id, None, START)
        ]
        assert [(w.member_id, w.skill_id) for w in await seekers.wishes(c)] == [
            (ann.id, "haskell"), (ann.id, "rust")
        ]
        assert len(await seekers.wishes()) == 3
        assert await seekers.stop(c, ann.id)
        assert not await seekers.stop(c, ann.id)
        await seekers.drop_wishes(other.community_id, other.id)
        await uow.commit()
    async with backend.uow() as uow:
        assert [s.member_id for s in await uow.matching.seekers.seekers(c)] == [bob.id]
        assert await uow.matching.seekers.wishes() == []


async def test_the_outbox_leases_retries_and_finishes_notices(backend: Backend) -> None:
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    c = community.id
    reply = Reply(text="hello 👋", buttons=(Button("Accept", "/match accept 1"),))
    async with backend.uow() as uow:
        notices = uow.matching.notices
        first = await notices.add(NewNotice(c, ann.id, reply, NoticeKind.REQUEST, 7, bob.id),
                                  START)
        second = await notices.add(NewNotice(c, bob.id, Reply(text="two")), START)
        await uow.commit()
    lease = START + timedelta(minutes=2)
    async with backend.uow() as uow:
        claimed = await uow.matching.notices.claim([first], START, lease, 10)
        await uow.commit()
    assert [(n.id, n.reply, n.kind, n.ref_id, n.about_id, n.attempts) for n in claimed] == [
        (first, reply, NoticeKind.REQUEST, 7, bob.id, 1)
    ]
    assert claimed[0].idempotency_key == f"matching-notice-{first}"
    async with backend.uow() as uow:
        notices = uow.matching.notices
        assert [n.id for n in await notices.claim(None, START, lease, 10)] == [second]
        assert await notices.claim(None, START, lease, 10) == []  # both leased
        await notices.retry(first, "timeout", START + timedelta(minutes=1))
        await notices.sent(second, START)
        await uow.commit()
    async with backend.uow() as uow:
        notices = uow.matching.notices
        again = await notices.claim(None, START + timedelta(minutes=1), lease, 10)
        assert [(n.id, n.attempts) for n in again] == [(first, 2)]
        await notices.failed(first, "gone", START)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.matching.notices.claim(None, START + timedelta(days=1),
                                                START + timedelta(days=2), 10) == []


async def test_deleting_a_member_erases_their_matching_rows_and_frees_slots(
    backend: Backend,
) -> None:
    community, (ann, bob, cid_) = await seed_members(backend, "ann", "bob", "cid")
    c = community.id
    await save_profiles(backend, mentor_profile(bob, {"rust": 3.0}))
    async with backend.uow() as uow:
        matching = uow.matching
        assert await matching.mentors.take_slot(c, bob.id, 2)
        await matching.pairings.add(pairing(c, bob.id, ann.id, timedelta(days=1)))
        await matching.requests.add(request(c, ann.id, bob.id))
        await matching.requests.add(request(c, cid_.id, bob.id))
        await matching.notices.add(NewNotice(c, bob.id, Reply(text="x"), about_id=ann.id), START)
        await matching.notices.add(NewNotice(c, ann.id, Reply(text="y")), START)
        await matching.seekers.seek(c, ann.id, None, START)
        await matching.seekers.wish(c, ann.id, "rust", START)
        await matching.rounds.add(RoundRecord(0, c, ann.id, START, 1, 0, 50.0))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.delete(c, ann.id)
        await uow.commit()
    async with backend.uow() as uow:
        matching = uow.matching
        state = await matching.mentors.get(c, bob.id)
        assert state is not None
        assert state.active_count == 0
        assert await matching.pairings.for_member(c, bob.id) == []
        assert [r.mentee_id for r in await matching.requests.for_mentor(c, bob.id)] == [cid_.id]
        assert await matching.notices.claim(None, START, START, 10) == []
        assert await matching.seekers.seekers(c) == []
        assert await matching.seekers.wishes(c) == []
        available = await matching.directory.available(c, now=START, default_capacity=2)
        assert [(m.member_id, m.facts.active_count) for m in available] == [(bob.id, 0)]


async def test_lock_member_is_harmless(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    async with backend.uow() as uow:
        await uow.matching.lock_member(community.id, ann.id)
        await uow.matching.lock_member(community.id, ann.id)
        await uow.commit()
