"""Storage contract: skill profiles, on every backend."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from bot.domain.profile import ParsedIntro, ProfileEdits, SkillKind, SkillSource
from storage.tables import profile_skill_removals, profile_skills
from tests.storage.contract import (
    START,
    Backend,
    bare_profile,
    claim,
    rich_profile,
    seed_members,
    seed_other_member,
)


async def test_every_profile_field_round_trips(backend: Backend) -> None:
    _, (zoe,) = await seed_members(backend, "zoe")
    india = timezone(timedelta(hours=5, minutes=30))
    profile = rich_profile(zoe, START.astimezone(india))
    async with backend.uow() as uow:
        await uow.profiles.save(profile)
        await uow.commit()
    async with backend.uow() as uow:
        loaded = await uow.profiles.get(zoe.community_id, zoe.id)
    assert loaded == profile
    assert loaded.parsed == profile.parsed
    assert loaded.edits == profile.edits
    assert loaded.parsed.evidence["seniority"] == "Senior engineer 👩‍💻"
    assert [s.skill_id for s in loaded.skills] == ["python", "postgresql", "kubernetes"]
    assert [s.skill_id for s in loaded.learning] == ["go", "elixir"]
    for stamp in (loaded.created_at, loaded.updated_at):
        assert stamp.utcoffset() == timedelta(0)
    assert loaded.created_at == START


async def test_an_empty_profile_round_trips(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    profile = bare_profile(ann)
    async with backend.uow() as uow:
        await uow.profiles.save(profile)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.profiles.get(ann.community_id, ann.id) == profile


async def test_claims_keep_their_order_duplicates_and_own_kind(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    parsed = ParsedIntro(
        skills=(claim("zig"), claim("ada"), claim("zig", evidence="again"), claim("c")),
        # A claim in the learning tuple whose own kind says KNOWN stays where it was put.
        learning=(claim("ocaml", kind=SkillKind.KNOWN), claim("lean", kind=SkillKind.LEARNING)),
    )
    edits = ProfileEdits(added_skills=(claim("b", source=SkillSource.PARSED), claim("a")))
    profile = replace(bare_profile(ann), parsed=parsed, edits=edits)
    async with backend.uow() as uow:
        await uow.profiles.save(profile)
        await uow.commit()
    async with backend.uow() as uow:
        loaded = await uow.profiles.get(ann.community_id, ann.id)
    assert loaded is not None
    assert loaded.parsed.skills == parsed.skills
    assert loaded.parsed.learning == parsed.learning
    assert loaded.edits.added_skills == edits.added_skills


async def test_saving_again_replaces_the_skills(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    first = rich_profile(ann)
    async with backend.uow() as uow:
        await uow.profiles.save(first)
        await uow.commit()
    later = START + timedelta(days=1)
    second = first.with_intro(
        "Now I only write Haskell", ParsedIntro(skills=(claim("haskell"),)), later
    ).with_edits(ProfileEdits(), later)
    async with backend.uow() as uow:
        await uow.profiles.save(second)
        await uow.commit()
    async with backend.uow() as uow:
        loaded = await uow.profiles.get(ann.community_id, ann.id)
    assert loaded == second
    assert loaded.created_at == first.created_at
    if backend.engine is not None:
        where = {"community_id": ann.community_id, "member_id": ann.id}
        assert await backend.count(profile_skills, **where) == 1
        assert await backend.count(profile_skill_removals, **where) == 0


async def test_manual_edits_survive_a_new_intro(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    edits = ProfileEdits(
        added_skills=(claim("terraform", source=SkillSource.MANUAL),),
        removed_skill_ids=frozenset({"python"}),
        timezone="Asia/Tokyo",
        mentor_capacity=0,
        mentoring_offer=True,
    )
    profile = bare_profile(ann).with_edits(edits, START)
    async with backend.uow() as uow:
        await uow.profiles.save(profile)
        await uow.commit()
    reparsed = ParsedIntro(skills=(claim("python"), claim("sql")), timezone="Europe/Paris")
    async with backend.uow() as uow:
        stored = await uow.profiles.get(ann.community_id, ann.id)
        assert stored is not None
        await uow.profiles.save(stored.with_intro("Python and SQL", reparsed, START))
        await uow.commit()
    async with backend.uow() as uow:
        loaded = await uow.profiles.get(ann.community_id, ann.id)
    assert loaded is not None
    assert loaded.edits == edits
    assert [s.skill_id for s in loaded.skills] == ["sql", "terraform"]
    assert (loaded.timezone, loaded.mentor_capacity, loaded.mentoring_offer) == (
        "Asia/Tokyo",
        0,
        True,
    )


async def test_profiles_are_scoped_and_listed_by_member_id(backend: Backend) -> None:
    community, (ann, bob, cid) = await seed_members(backend, "ann", "bob", "cid")
    other = await seed_other_member(backend)
    async with backend.uow() as uow:
        for member in (cid, ann, other):
            await uow.profiles.save(rich_profile(member))
        await uow.commit()
    async with backend.uow() as uow:
        listed = await uow.profiles.list_for_community(community.id)
        assert await uow.profiles.get(other.community_id, ann.id) is None
        assert await uow.profiles.get(community.id, other.id) is None
        assert await uow.profiles.get(community.id, bob.id) is None
        assert await uow.profiles.list_for_community(community.id + other.community_id) == []
    assert [p.member_id for p in listed] == [ann.id, cid.id]
    assert listed == [rich_profile(ann), rich_profile(cid)]


async def test_saving_for_a_member_outside_the_community_is_refused(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    other = await seed_other_member(backend)
    async with backend.uow() as uow:
        with pytest.raises(LookupError):
            await uow.profiles.save(replace(rich_profile(ann), community_id=other.community_id))
    async with backend.uow() as uow:
        with pytest.raises(LookupError):
            await uow.profiles.save(replace(rich_profile(ann), member_id=ann.id + 1000))


@pytest.mark.parametrize("field", ["created_at", "updated_at"])
async def test_naive_datetimes_are_refused(backend: Backend, field: str) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    change: dict[str, Any] = {field: datetime(2026, 1, 1, 12, 0)}  # noqa: DTZ001
    naive = replace(rich_profile(ann), **change)
    async with backend.uow() as uow:
        with pytest.raises(ValueError, match="timezone-aware"):
            await uow.profiles.save(naive)
    async with backend.uow() as uow:
        assert await uow.profiles.get(ann.community_id, ann.id) is None


async def test_text_with_nul_characters_is_refused(backend: Backend) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    profile = rich_profile(ann)
    bad_claim = replace(profile, parsed=replace(profile.parsed, skills=(claim("c\x00"),)))
    for bad in (replace(profile, raw_intro="hello\x00world"), bad_claim):
        async with backend.uow() as uow:
            with pytest.raises(ValueError, match="NUL"):
                await uow.profiles.save(bad)


async def test_changing_a_returned_profile_does_not_change_the_stored_one(
    backend: Backend,
) -> None:
    _, (ann,) = await seed_members(backend, "ann")
    async with backend.uow() as uow:
        await uow.profiles.save(rich_profile(ann))
        await uow.commit()
    async with backend.uow() as uow:
        loaded = await uow.profiles.get(ann.community_id, ann.id)
        assert loaded is not None
        loaded.parsed.evidence["seniority"] = "tampered"
        assert await uow.profiles.get(ann.community_id, ann.id) == rich_profile(ann)


async def test_timezone_of_prefers_the_edit_then_the_parsed_zone(backend: Backend) -> None:
    _, (ann, bob, cy) = await seed_members(backend, "ann", "bob", "cy")
    rich = rich_profile(ann)
    parsed_only = replace(rich_profile(bob), edits=ProfileEdits())
    async with backend.uow() as uow:
        await uow.profiles.save(rich)
        await uow.profiles.save(parsed_only)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.profiles.timezone_of(ann.community_id, ann.id) == "America/Sao_Paulo"
        assert await uow.profiles.timezone_of(bob.community_id, bob.id) == "Europe/Berlin"
        assert await uow.profiles.timezone_of(cy.community_id, cy.id) is None
        assert await uow.profiles.timezone_of(cy.community_id + 999, ann.id) is None
    assert rich.timezone == "America/Sao_Paulo"
    assert parsed_only.timezone == "Europe/Berlin"
