"""PostgreSQL: a /match does not wait for another transaction that is syncing the mentor index;
a decision (a request to one mentor, a round's input) waits for it and sees every change."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from storage.matching.index import PG_SYNC_LOCK
from storage.uow import SqlUnitOfWork, make_uow_factory
from tests.storage.contract import START, Backend, seed_members
from tests.storage.matching_contract import mentor_profile, query, save_profiles
from tests.support.databases import POSTGRES_URL_ENV, migrated_engine, postgres_url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set"),
]


async def test_a_sync_in_progress_elsewhere_is_not_waited_for(tmp_path: Path) -> None:
    async with migrated_engine("postgres", tmp_path) as engine:
        clock = FakeClock(START)
        backend = Backend("postgres", make_uow_factory(engine, clock), clock, engine)
        community, (ann, bob) = await seed_members(backend, "ann", "bob")
        await save_profiles(backend, mentor_profile(ann, {"rust": 6.0}))
        async with backend.uow() as uow:  # the index knows Ann
            assert len(await uow.matching.directory.candidates(community.id, query("rust"))) == 1
            await uow.commit()
        await save_profiles(backend, mentor_profile(bob, {"rust": 9.0}))
        syncing = backend.uow()
        assert isinstance(syncing, SqlUnitOfWork)
        async with syncing:  # another transaction holds the community's sync lock
            lock = func.pg_try_advisory_xact_lock(PG_SYNC_LOCK, community.id)
            assert (await syncing.session.execute(select(lock))).scalar() is True
            async with asyncio.timeout(5), backend.uow() as uow:
                stale = await uow.matching.directory.candidates(community.id, query("rust"))
        async with backend.uow() as uow:
            fresh = await uow.matching.directory.candidates(community.id, query("rust"))
    assert [r.candidate.member_id for r in stale] == [ann.id]
    assert {r.candidate.member_id for r in fresh} == {ann.id, bob.id}


async def _held_sync_lock(backend: Backend, community_id: int) -> SqlUnitOfWork:
    """An open unit of work holding the community's sync lock (as a long /match round does)."""
    syncing = backend.uow()
    assert isinstance(syncing, SqlUnitOfWork)
    await syncing.__aenter__()
    lock = func.pg_try_advisory_xact_lock(PG_SYNC_LOCK, community_id)
    assert (await syncing.session.execute(select(lock))).scalar() is True
    return syncing


@pytest.mark.parametrize("decision", ["mentor", "available"])
async def test_a_decision_waits_for_the_sync_elsewhere_and_sees_the_change(
        tmp_path: Path, decision: str) -> None:
    async with migrated_engine("postgres", tmp_path) as engine:
        clock = FakeClock(START)
        backend = Backend("postgres", make_uow_factory(engine, clock), clock, engine)
        community, (ann,) = await seed_members(backend, "ann")
        await save_profiles(backend, mentor_profile(ann, {"rust": 6.0}))
        async with backend.uow() as uow:  # the index knows Ann as a mentor
            assert len(await uow.matching.directory.candidates(community.id, query("rust"))) == 1
            await uow.commit()
        holder = await _held_sync_lock(backend, community.id)
        try:
            later = START + timedelta(minutes=1)
            await save_profiles(backend, mentor_profile(ann, {"rust": 6.0}, offer=False,
                                                        stamp=later))

            async def decide() -> bool:
                async with backend.uow() as uow:
                    directory = uow.matching.directory
                    if decision == "mentor":
                        found = await directory.mentor(community.id, ann.id, default_capacity=2)
                        return found is not None
                    return bool(await directory.available(community.id, now=clock.now(),
                                                          default_capacity=2))

            deciding = asyncio.create_task(decide())
            await asyncio.sleep(0.3)
            assert not deciding.done()  # it waits for the lock instead of reading the old index
        finally:
            await holder.__aexit__(None, None, None)
        async with asyncio.timeout(10):  # not a speed assertion: it must not hang
            still_offering = await deciding
    assert still_offering is False  # Ann switched mentoring off while the lock was held
