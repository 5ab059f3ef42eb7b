"""Storage contract: the mentor directory (candidates, availability, coverage) on every backend."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.matching.domain import MentorState
from bot.matching.scoring import UNKNOWN_DEPTH, depth_ceiling, ranking_bound
from tests.storage.contract import START, Backend, seed_members, seed_other_member
from tests.storage.matching_contract import added, mentor_profile, query, save_profiles


async def test_candidates_are_available_mentors_by_bound_with_credited_skills(
    backend: Backend,
) -> None:
    community, (ann, bob, cid, dee, eve, fay) = await seed_members(
        backend, "ann", "bob", "cid", "dee", "eve", "fay"
    )
    other = await seed_other_member(backend)
    await save_profiles(
        backend,
        mentor_profile(ann, {"rust": 6.0, "excel": 9.0}),
        mentor_profile(bob, {"docker": None}, career=2.0, zone=None),
        mentor_profile(cid, {"rust": 9.0}, offer=None),  # knows, but does not mentor
        mentor_profile(dee, {"rust": 9.0}),  # paused below
        mentor_profile(eve, {"rust": 9.0}, capacity=1),  # full below
        mentor_profile(fay, {"rust": 1.0, "kubernetes": 3.0}),
        mentor_profile(other, {"rust": 20.0}),  # another community
    )
    async with backend.uow() as uow:
        await uow.matching.mentors.save_settings(MentorState(community.id, dee.id, paused=True))
        assert await uow.matching.mentors.take_slot(community.id, eve.id, 1)
        await uow.commit()
    async with backend.uow() as uow:
        found = await uow.matching.directory.candidates(
            community.id, query("rust", "kubernetes")
        )
    assert [r.candidate.member_id for r in found] == [fay.id, ann.id, bob.id]
    fay_found, ann_found, bob_found = found
    assert ann_found.candidate.facts.skills == {"rust": 6.0}  # excel is not credited
    assert ann_found.candidate.display_name == "Ann"
    assert bob_found.candidate.facts.fallback_years == 2.0
    assert bob_found.candidate.facts.timezone is None
    assert fay_found.candidate.facts.skills == {"kubernetes": 3.0, "rust": 1.0}
    # the bound is ranking_bound over the credited skills (here: no zone parts given)
    expected = ranking_bound(4, 2, depth_ceiling(None, 2.0), 0.5, 2, 2, 0, 0)  # docker ~ k8s
    assert bob_found.bound == pytest.approx(expected)
    assert depth_ceiling(None, None) == pytest.approx(20 * UNKNOWN_DEPTH)


async def test_stages_exclusions_limits_and_zones(backend: Backend) -> None:
    community, (ann, bob, cid) = await seed_members(backend, "ann", "bob", "cid")
    await save_profiles(
        backend,
        mentor_profile(ann, {"kubernetes": 1.0}, zone="Asia/Tokyo"),
        mentor_profile(bob, {"docker": 9.0}),
        mentor_profile(cid, {"kubernetes": 1.0}, zone="Europe/Berlin"),
    )
    async with backend.uow() as uow:
        directory = uow.matching.directory
        exact = await directory.candidates(community.id, query("kubernetes", min_weight=1.0))
        assert {r.candidate.member_id for r in exact} == {ann.id, cid.id}
        zoned = await directory.candidates(community.id, query(
            "kubernetes", min_weight=1.0, zone_parts={"Europe/Berlin": 1.0, "Asia/Tokyo": 0.25},
        ))
        assert [r.candidate.member_id for r in zoned] == [cid.id, ann.id]
        assert zoned[0].bound - zoned[1].bound == pytest.approx(15 * 0.75)
        unlisted = await directory.candidates(community.id, query(
            "kubernetes", min_weight=1.0, zone_parts={"Europe/Berlin": 0.0}, other_zone_part=1.0,
        ))
        assert [r.candidate.member_id for r in unlisted] == [ann.id, cid.id]
        rest = await directory.candidates(community.id, query("kubernetes", exclude=[cid.id]))
        assert [r.candidate.member_id for r in rest] == [ann.id, bob.id]
        one = await directory.candidates(community.id, query("kubernetes", limit=1))
        assert len(one) == 1
        assert await directory.candidates(community.id, query("cobol")) == []


async def test_topics_replace_the_profile_skills(backend: Backend) -> None:
    community, (ann,) = await seed_members(backend, "ann")
    await save_profiles(backend, mentor_profile(ann, {"rust": 5.0, "go": 2.0}))
    async with backend.uow() as uow:
        await uow.matching.mentors.save_settings(MentorState(community.id, ann.id,
                                                             topics=("go", "haskell")))
        await uow.commit()
    async with backend.uow() as uow:
        directory = uow.matching.directory
        assert await directory.candidates(community.id, query("rust", min_weight=1.0)) == []
        found = await directory.candidates(community.id, query("haskell"))
        mentor = await directory.mentor(community.id, ann.id, default_capacity=2)
    assert [r.candidate.member_id for r in found] == [ann.id]
    assert mentor is not None
    assert mentor.facts.skills == {"go": 2.0, "haskell": None}


async def test_profile_changes_reach_the_directory(backend: Backend) -> None:
    community, (ann, bob) = await seed_members(backend, "ann", "bob")
    first = mentor_profile(ann, {"rust": 5.0})
    await save_profiles(backend, first)
    async with backend.uow() as uow:
        found = await uow.matching.directory.candidates(community.id, query("go"))
        assert found == []
    backend.clock.advance(timedelta(minutes=1))
    await save_profiles(backend, added(first, "go", START + timedelta(minutes=1)),
                        mentor_profile(bob, {"go": 1.0}, stamp=START + timedelta(minutes=1)))
    async with backend.uow() as uow:
        found = await uow.matching.directory.candidates(community.id, query("go"))
        assert {r.candidate.member_id for r in found} == {ann.id, bob.id}
    backend.clock.advance(timedelta(hours=2))
    later = START + timedelta(hours=2)
    stopped = replace(first, parsed=replace(first.parsed, mentoring_offer=False),
                      updated_at=later)
    await save_profiles(backend, stopped)
    async with backend.uow() as uow:
        found = await uow.matching.directory.candidates(community.id, query("go"))
        assert [r.candidate.member_id for r in found] == [bob.id]
        assert await uow.matching.directory.mentor(community.id, ann.id,
                                                   default_capacity=2) is None


async def test_available_and_coverage(backend: Backend) -> None:
    community, (ann, bob, cid) = await seed_members(backend, "ann", "bob", "cid")
    await save_profiles(
        backend,
        mentor_profile(ann, {"rust": 5.0}, capacity=3),
        mentor_profile(bob, {"rust": 5.0, "go": 1.0}),
        mentor_profile(cid, {"python": 5.0}, capacity=0),
    )
    async with backend.uow() as uow:
        await uow.matching.mentors.save_settings(
            MentorState(community.id, bob.id, paused=True, paused_until=START + timedelta(days=1))
        )
        await uow.commit()
    async with backend.uow() as uow:
        directory = uow.matching.directory
        available = await directory.available(community.id, now=START, default_capacity=2)
        assert [m.member_id for m in available] == [ann.id]
        assert available[0].facts.capacity == 3
        tomorrow = await directory.available(
            community.id, now=START + timedelta(days=2), default_capacity=2
        )
        assert [m.member_id for m in tomorrow] == [ann.id, bob.id]
        assert tomorrow[1].facts.skills == {"go": 1.0, "rust": 5.0}
        covered = await directory.coverage(
            community.id, query("rust").goals[0], now=START, default_capacity=2
        )
        assert [(c.member_id, c.paused, c.full) for c in covered] == [
            (ann.id, False, False), (bob.id, True, False)
        ]
        python = await directory.coverage(
            community.id, query("python").goals[0], now=START, default_capacity=2
        )
        assert [(c.member_id, c.paused, c.full) for c in python] == [(cid.id, False, True)]


async def test_changes_after_a_query_are_seen_by_the_next(backend: Backend) -> None:
    community, (ann, bob, cid) = await seed_members(backend, "ann", "bob", "cid")
    await save_profiles(backend, mentor_profile(ann, {"rust": 5.0}, capacity=1),
                        mentor_profile(bob, {"rust": 1.0}))
    async with backend.uow() as uow:
        first = await uow.matching.directory.candidates(community.id, query("rust"))
    assert [r.candidate.member_id for r in first] == [ann.id, bob.id]
    async with backend.uow() as uow:
        assert await uow.matching.mentors.take_slot(community.id, ann.id, 1)  # ann is full
        await uow.matching.mentors.add_rating(community.id, bob.id, 5, 1)
        await uow.commit()
    await save_profiles(backend, mentor_profile(cid, {"rust": 3.0}, stamp=START))
    async with backend.uow() as uow:
        second = await uow.matching.directory.candidates(community.id, query("rust"))
    assert [r.candidate.member_id for r in second] == [cid.id, bob.id]
    assert second[1].candidate.facts.rating_sum == 5
    async with backend.uow() as uow:
        assert await uow.members.delete(community.id, cid.id)
        await uow.commit()
    async with backend.uow() as uow:
        third = await uow.matching.directory.candidates(community.id, query("rust"))
        await uow.matching.mentors.release_slot(community.id, ann.id)
        inside = await uow.matching.directory.candidates(community.id, query("rust"))
        # rolled back: the next unit of work sees the committed state again
    assert [r.candidate.member_id for r in third] == [bob.id]
    assert [r.candidate.member_id for r in inside] == [ann.id, bob.id]
    async with backend.uow() as uow:
        again = await uow.matching.directory.candidates(community.id, query("rust"))
    assert [r.candidate.member_id for r in again] == [bob.id]
