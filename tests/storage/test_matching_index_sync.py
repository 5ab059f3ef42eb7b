"""PostgreSQL: a /match does not wait for another transaction that is syncing the mentor index."""

from __future__ import annotations

import asyncio
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
