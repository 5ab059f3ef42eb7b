"""Storage contract: finding a community without creating it, and exporting a community's data."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.domain.community import Member, Platform
from bot.export import export_community
from bot.matching.domain import (
    CheckinAnswer,
    MatchRequest,
    MentorState,
    NewNotice,
    Pairing,
    PairingStatus,
    RequestStatus,
    RoundRecord,
)
from bot.replies import Reply
from tests.storage.contract import START, Backend, rich_profile, seed_members, seed_other_member


async def test_find_returns_the_community_and_never_creates_one(backend: Backend) -> None:
    community, _ = await seed_members(backend, "ana")
    async with backend.uow() as uow:
        assert await uow.communities.find(Platform.DISCORD, "guild") == community
        assert await uow.communities.find(Platform.SLACK, "guild") is None
        assert await uow.communities.find(Platform.DISCORD, "nope") is None
    async with backend.uow() as uow:
        assert await uow.communities.find(Platform.DISCORD, "nope") is None


async def test_members_and_profiles_export_only_their_community(backend: Backend) -> None:
    community, (ana, _bo) = await seed_members(backend, "ana", "bo")
    zed = await seed_other_member(backend)
    async with backend.uow() as uow:
        await uow.profiles.save(rich_profile(ana))
        await uow.profiles.save(rich_profile(zed))
        await uow.commit()
    async with backend.uow() as uow:
        members = await uow.members.export_for_community(community.id)
        profiles = await uow.profiles.export_for_community(community.id)
        empty = await uow.profiles.export_for_community(community.id + 1000)
    assert [m["external_id"] for m in members["members"]] == ["ana", "bo"]
    assert members["members"][0] == {
        "id": ana.id, "community_id": community.id, "external_id": "ana",
        "display_name": "Ana", "created_at": START.isoformat(),
    }
    (only,) = profiles["profiles"]
    assert (only["community_id"], only["member_id"]) == (community.id, ana.id)
    assert only["raw_intro"] == rich_profile(ana).raw_intro
    assert [s["skill_id"] for s in only["parsed"]["skills"]] == ["python", "rust", "postgresql"]
    assert only["parsed"]["skills"][0]["evidence"] == "8 years of Python 🐍"
    assert only["effective"]["skills"] == [c.name for c in rich_profile(ana).skills]
    assert empty == {"profiles": []}
    json.dumps([members, profiles])  # plain JSON, nothing left to convert


async def test_the_export_finds_the_community_by_id_or_platform_id(backend: Backend) -> None:
    community, (ana, _bo) = await seed_members(backend, "ana", "bo")
    async with backend.uow() as uow:
        await uow.profiles.save(rich_profile(ana))
        await uow.commit()
    document = await export_community(
        backend.uow, (Platform.DISCORD, "guild"), START
    )
    by_id = await export_community(backend.uow, community.id, START)
    assert by_id == document
    assert document["incomplete"] == []
    assert document["community"]["external_id"] == "guild"
    assert document["exported_at"] == "2026-03-01T09:30:00+00:00"
    assert {"members", "profiles"} <= set(document["data"])
    assert len(document["data"]["members"]) == 2
    assert [p["member_id"] for p in document["data"]["profiles"]] == [ana.id]


async def _seed_matching(backend: Backend, community_id: int, mentor: Member, mentee: Member) -> (
    None
):
    async with backend.uow() as uow:
        m = uow.matching
        await m.mentors.save_settings(MentorState(
            community_id, mentor.id, topics=("rust", "career"), paused=True,
            paused_until=START + timedelta(days=7),
        ))
        assert await m.mentors.take_slot(community_id, mentor.id, 2)
        await m.mentors.add_rating(community_id, mentor.id, 5, 1)
        round_ = await m.rounds.add(RoundRecord(0, community_id, mentor.id, START, 1, 0, 0.75))
        request = await m.requests.add(MatchRequest(
            id=0, community_id=community_id, mentee_id=mentee.id, mentor_id=mentor.id,
            status=RequestStatus.ACCEPTED, score=0.75, reasons=("knows rust",),
            created_at=START, expires_at=START + timedelta(days=3), topic="rust",
            round_id=round_.id, decided_at=START,
        ))
        pairing = await m.pairings.add(Pairing(
            id=0, community_id=community_id, mentor_id=mentor.id, mentee_id=mentee.id,
            status=PairingStatus.ACTIVE, started_at=START, request_id=request.id,
            next_checkin_at=START + timedelta(days=14),
        ))
        await m.pairings.answer(
            community_id, pairing.id, mentee.id, CheckinAnswer.MET, START, None
        )
        await m.pairings.rate(community_id, pairing.id, 5)
        await m.seekers.seek(community_id, mentee.id, "go", START)
        await m.seekers.wish(community_id, mentee.id, "go", START)
        await m.notices.add(NewNotice(
            community_id, mentor.id, Reply("Bo would like a mentor 🦀"), ref_id=request.id,
            about_id=mentee.id,
        ), START)
        await uow.commit()


async def test_matching_exports_everything_it_stores_about_the_community(
    backend: Backend,
) -> None:
    community, (ana, bo) = await seed_members(backend, "ana", "bo")
    zed = await seed_other_member(backend)
    async with backend.uow() as uow:
        other_mentee = await uow.members.get_or_create(zed.community_id, "yan", "Yan")
        await uow.commit()
    await _seed_matching(backend, community.id, ana, bo)
    await _seed_matching(backend, zed.community_id, zed, other_mentee)
    document = await export_community(backend.uow, community.id, START)
    data = document["data"]
    json.dumps(document)
    assert document["incomplete"] == []
    (mentor,) = data["matching_mentors"]
    assert mentor == {
        "community_id": community.id, "member_id": ana.id, "topics": ["rust", "career"],
        "paused": True, "paused_until": (START + timedelta(days=7)).isoformat(),
        "ignored_streak": 0, "active_count": 1, "rating_sum": 5, "rating_count": 1,
    }
    (request,) = data["matching_requests"]
    assert (request["mentee_id"], request["mentor_id"], request["status"]) == (
        bo.id, ana.id, "accepted"
    )
    assert request["reasons"] == ["knows rust"]
    assert request["created_at"] == START.isoformat()
    (pairing,) = data["matching_pairings"]
    assert (pairing["mentee_answer"], pairing["mentor_answer"], pairing["rating"]) == (
        "met", None, 5
    )
    assert pairing["request_id"] == request["id"]
    assert data["matching_seekers"] == [{
        "community_id": community.id, "member_id": bo.id, "since": START.isoformat(),
        "topic": "go",
    }]
    assert [(w["member_id"], w["skill_id"]) for w in data["matching_wishes"]] == [(bo.id, "go")]
    (notice,) = data["matching_notices"]
    assert (notice["recipient_id"], notice["about_id"], notice["status"]) == (
        ana.id, bo.id, "pending"
    )
    assert notice["reply"]["text"] == "Bo would like a mentor 🦀"
    (round_,) = data["matching_rounds"]
    assert (round_["started_by"], round_["id"]) == (ana.id, request["round_id"])
    assert {"meetups", "rsvps", "deliveries"} <= set(data)
