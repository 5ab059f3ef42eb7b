"""Storage contract: transactions, concurrency and erasure, on every backend."""

from __future__ import annotations

import asyncio

import pytest

from bot.domain.community import Member, Platform
from bot.domain.profile import ParsedIntro
from storage.tables import communities, members
from storage.tables_matching import matching_rounds
from storage.tables_meetups import meetups
from tests.storage.contract import Backend, claim, rich_profile, seed_members
from tests.storage.erasure_seed import orphaned_rows, rows_referencing, seed_rows_about


async def test_work_is_discarded_unless_committed(backend: Backend) -> None:
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        await uow.members.get_or_create(community.id, "ann", "Ann")
    async with backend.uow() as uow:
        assert await uow.communities.get(community.id) is None
        again = await uow.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        assert await uow.members.find(again.id, "ann") is None
    if backend.engine is not None:
        assert await backend.count(communities) == 0


async def test_an_exception_rolls_back_and_propagates(backend: Backend) -> None:
    created = []

    async def fail() -> None:
        async with backend.uow() as uow:
            created.append(await uow.communities.get_or_create(Platform.CONSOLE, "local", "L"))
            raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        await fail()
    async with backend.uow() as uow:
        assert await uow.communities.get(created[0].id) is None


async def test_rollback_discards_only_the_uncommitted_part(backend: Backend) -> None:
    async with backend.uow() as uow:
        kept = await uow.communities.get_or_create(Platform.CONSOLE, "kept", "Kept")
        await uow.commit()
        dropped = await uow.communities.get_or_create(Platform.CONSOLE, "dropped", "Dropped")
        await uow.rollback()
        assert await uow.communities.get(dropped.id) is None
        after = await uow.communities.get_or_create(Platform.CONSOLE, "after", "After")
    async with backend.uow() as uow:
        assert await uow.communities.get(kept.id) == kept
        assert await uow.communities.get(after.id) is None


async def test_repositories_need_an_open_unit_of_work(backend: Backend) -> None:
    uow = backend.uow()
    with pytest.raises(RuntimeError, match="async with"):
        await uow.communities.get(1)
    async with uow:
        assert await uow.communities.get(1) is None
    with pytest.raises(RuntimeError, match="async with"):
        await uow.communities.get(1)


async def test_concurrent_get_or_create_makes_one_row(backend: Backend) -> None:
    async def join(display_name: str) -> Member:
        async with backend.uow() as uow:
            community = await uow.communities.get_or_create(Platform.DISCORD, "race", "Race")
            member = await uow.members.get_or_create(community.id, "racer", display_name)
            await uow.commit()
            return member

    joined = await asyncio.gather(*(join(f"Racer {i}") for i in range(8)))
    assert len({m.id for m in joined}) == 1
    assert len({m.community_id for m in joined}) == 1
    async with backend.uow() as uow:
        stored = await uow.members.find(joined[0].community_id, "racer")
    assert stored is not None
    assert stored.display_name in {m.display_name for m in joined}
    if backend.engine is not None:
        assert await backend.count(communities) == 1
        assert await backend.count(members) == 1


async def test_concurrent_saves_leave_one_whole_profile(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    base = rich_profile(ann)
    versions = [
        base.with_intro(
            f"v{i}",
            ParsedIntro(skills=tuple(claim(f"s{i}-{j}") for j in range(i))),
            base.updated_at,
        )
        for i in range(1, 6)
    ]

    async def save(version: object) -> None:
        async with backend.uow() as uow:
            await uow.profiles.save(version)  # type: ignore[arg-type]
            await uow.commit()

    await asyncio.gather(*(save(v) for v in versions))
    async with backend.uow() as uow:
        final = await uow.profiles.get(ann.community_id, ann.id)
    assert final in versions


async def test_delete_removes_every_row_about_the_member(backend: Backend) -> None:
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    async with backend.uow() as uow:
        await uow.profiles.save(rich_profile(ann))
        await uow.profiles.save(rich_profile(bob))
        await uow.commit()
    if backend.engine is not None:
        await seed_rows_about(backend.engine, community.id, ann.id, bob.id)
    async with backend.uow() as uow:
        assert await uow.members.delete(community.id, ann.id) is True
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.get(community.id, ann.id) is None
        assert await uow.members.find(community.id, "ann") is None
        assert await uow.profiles.get(community.id, ann.id) is None
        assert await uow.profiles.list_for_community(community.id) == [rich_profile(bob)]
        assert await uow.members.delete(community.id, ann.id) is False
    if backend.engine is not None:
        await assert_only_the_member_was_erased(backend, ann.id, bob.id)


async def assert_only_the_member_was_erased(backend: Backend, gone: int, kept: int) -> None:
    """No row of any table references ``gone`` (every foreign key to members, and no orphans
    below them); ``kept``'s rows, and rows that outlive ``gone`` detached, are still there."""
    assert backend.engine is not None
    remaining = await rows_referencing(backend.engine, gone)
    assert {"rsvps.attendee_id", "deliveries.recipient_member_id", "matching_pairings.mentee_id",
            "matching_notices.about_id", "meetups.organizer_id"} <= set(remaining)
    assert {name: n for name, n in remaining.items() if n} == {}
    assert await orphaned_rows(backend.engine) == {}
    # rows about both (requests, pairings, notices between them) go; the others' own stay
    kept_rows = await rows_referencing(backend.engine, kept)
    assert {name for name, n in kept_rows.items() if n} == {
        "profiles.member_id", "matching_mentors.member_id", "matching_seekers.member_id",
        "matching_wishes.member_id", "matching_rounds.started_by", "meetups.organizer_id",
        "rsvps.attendee_id", "deliveries.recipient_member_id",
    }
    assert await backend.count(members, id=gone) == 0
    assert await backend.count(meetups) == 2  # the one ``gone`` organised lost its organizer
    assert await backend.count(meetups, organizer_id=kept) == 1
    assert await backend.count(matching_rounds) == 2


async def test_an_uncommitted_delete_is_undone(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    async with backend.uow() as uow:
        await uow.profiles.save(rich_profile(ann))
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.delete(community.id, ann.id) is True
    async with backend.uow() as uow:
        assert await uow.members.get(community.id, ann.id) == ann
        assert await uow.profiles.get(community.id, ann.id) == rich_profile(ann)
