"""What the SQL schema itself guarantees: UTC timestamps, constraints, cascades, skill lookups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.clock import FakeClock
from bot.domain.profile import ParsedIntro, ProfileEdits, SkillKind, SkillSource
from storage.tables import communities, members, metadata, profile_skills
from storage.uow import make_uow_factory
from tests.storage.contract import (
    START,
    Backend,
    bare_profile,
    claim,
    rich_profile,
    seed_members,
    seed_other_member,
)
from tests.storage.erasure_seed import seed_rows_about
from tests.storage.test_contract_units_of_work import assert_only_the_member_was_erased
from tests.support.databases import migrated_engine

# The lookup documented in storage/tables.py: members who know skill X in community C.
KNOWS_SKILL = text(
    """
    SELECT DISTINCT s.member_id FROM profile_skills s
    WHERE s.community_id = :c AND s.skill_id = :x
      AND ((s.section = 'added_skills' AND s.kind = 'known')
           OR (s.section = 'parsed_skills' AND NOT EXISTS (
               SELECT 1 FROM profile_skill_removals r
               WHERE r.community_id = s.community_id AND r.member_id = s.member_id
                 AND r.skill_id = s.skill_id)))
    ORDER BY s.member_id
    """
)


def _backend(engine: AsyncEngine) -> Backend:
    clock = FakeClock(START)
    return Backend(engine.dialect.name, make_uow_factory(engine, clock), clock, engine)


async def test_datetimes_are_stored_in_utc_and_naive_ones_refused(sql_engine: AsyncEngine) -> None:
    kolkata = datetime(2026, 3, 1, 15, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    async with sql_engine.begin() as connection:
        await connection.execute(
            insert(communities).values(
                id=7, platform="console", external_id="x", name="X", created_at=kolkata
            )
        )
        stored = (await connection.execute(select(communities.c.created_at))).scalar_one()
        raw = (await connection.exec_driver_sql("SELECT created_at FROM communities")).scalar_one()
    assert stored == kolkata
    assert stored.tzinfo is UTC
    if sql_engine.dialect.name == "sqlite":
        assert raw.startswith("2026-03-01 09:30:00")  # SQLite keeps the UTC wall time as text
    else:
        assert raw == kolkata
    async with sql_engine.begin() as connection:
        naive = datetime(2026, 3, 1, 9, 30)  # noqa: DTZ001
        with pytest.raises(StatementError, match="timezone-aware"):
            await connection.execute(
                insert(communities).values(
                    platform="console", external_id="y", name="Y", created_at=naive
                )
            )


async def test_skill_rows_only_accept_known_kinds_and_sources(sql_engine: AsyncEngine) -> None:
    backend = _backend(sql_engine)
    _, (ann,) = await seed_members(backend, "ann")
    async with backend.uow() as uow:
        await uow.profiles.save(bare_profile(ann))
        await uow.commit()
    row = {
        "community_id": ann.community_id,
        "member_id": ann.id,
        "section": "parsed_skills",
        "position": 0,
        "skill_id": "python",
        "name": "Python",
        "category": "language",
        "kind": "known",
        "source": "parsed",
        "evidence": "",
    }
    for bad in ({"kind": "expert"}, {"source": "guess"}, {"section": "misc"}):
        with pytest.raises(IntegrityError):
            async with sql_engine.begin() as connection:
                await connection.execute(insert(profile_skills).values(row | bad))
    async with sql_engine.begin() as connection:
        await connection.execute(insert(profile_skills).values(row))


async def test_the_database_cascades_a_deleted_community(sql_engine: AsyncEngine) -> None:
    backend = _backend(sql_engine)
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    async with backend.uow() as uow:
        for member in (ann, bob):
            await uow.profiles.save(rich_profile(member))
        await uow.commit()
    async with sql_engine.begin() as connection:
        await connection.execute(delete(communities).where(communities.c.id == community.id))
    for table in metadata.sorted_tables:
        assert await backend.count(table) == 0, table.name


async def test_member_delete_does_not_need_foreign_key_enforcement(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        community, (ann, bob) = await seed_members(_backend(engine), "ann", "bob")
        # A bare aiosqlite engine: SQLite's default leaves foreign keys (and cascades) off.
        bare = create_async_engine(engine.url)
        try:
            async with bare.connect() as connection:
                assert (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 0
            backend = _backend(bare)
            async with backend.uow() as uow:
                await uow.profiles.save(rich_profile(ann))
                await uow.profiles.save(rich_profile(bob))
                await uow.commit()
            await seed_rows_about(bare, community.id, ann.id, bob.id)
            async with backend.uow() as uow:
                assert await uow.members.delete(community.id, ann.id) is True
                await uow.commit()
            await assert_only_the_member_was_erased(backend, ann.id, bob.id)
            assert await backend.count(members) == 1
        finally:
            await bare.dispose()


async def test_members_who_know_a_skill_can_be_found_by_query(sql_engine: AsyncEngine) -> None:
    backend = _backend(sql_engine)
    community, (ann, bob, cid, dee) = await seed_members(backend, "ann", "bob", "cid", "dee")
    other = await seed_other_member(backend)
    parsed_go = ParsedIntro(skills=(claim("go"),))
    profiles = [
        bare_profile(ann).with_intro("go", parsed_go, START),
        bare_profile(bob)
        .with_intro("go", parsed_go, START)
        .with_edits(ProfileEdits(removed_skill_ids=frozenset({"go"})), START),
        bare_profile(cid).with_edits(
            ProfileEdits(added_skills=(claim("go", source=SkillSource.MANUAL),)), START
        ),
        bare_profile(dee).with_intro(
            "learning go", ParsedIntro(learning=(claim("go", kind=SkillKind.LEARNING),)), START
        ),
        bare_profile(other).with_intro("go", parsed_go, START),
    ]
    async with backend.uow() as uow:
        for profile in profiles:
            await uow.profiles.save(profile)
        await uow.commit()
    expected = [
        p.member_id
        for p in profiles
        if p.community_id == community.id and any(s.skill_id == "go" for s in p.skills)
    ]
    async with sql_engine.connect() as connection:
        found = (await connection.execute(KNOWS_SKILL, {"c": community.id, "x": "go"})).scalars()
        assert list(found) == expected == [ann.id, cid.id]
        total = (
            await connection.execute(select(func.count()).select_from(profile_skills))
        ).scalar()
    assert total == 5
