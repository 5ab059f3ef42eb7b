"""``/forget`` erases a member's matching data and frees the slot they held."""

from __future__ import annotations

from tests.bot.matching.harness import Harness, everything


async def test_a_forgotten_mentee_frees_their_mentors_slot_and_leaves_no_trace() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True, capacity=1)
    await h.person("ana", learns="Rust, Haskell")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    await h.ok("rosa", "/match accept 1")
    await h.ok("ana", "/match haskell")  # a wish for Haskell
    assert "Mentees: 1 of 1" in everything(await h.ok("rosa", "/mentor"))
    ana = await h.member_id("ana")
    await h.ok("ana", "/forget confirm")
    assert "Mentees: 0 of 1" in everything(await h.ok("rosa", "/mentor"))
    community = await h.community_id()
    async with h.svc.uow() as uow:
        assert await uow.matching.pairings.for_member(community, ana) == []
        assert await uow.matching.requests.for_mentee(community, ana) == []
        assert await uow.matching.seekers.wishes(community) == []
        assert await uow.matching.seekers.seekers(community) == []


async def test_a_forgotten_mentor_takes_their_state_with_them() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    await h.ok("rosa", "/mentor on 3 Rust")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    rosa = await h.member_id("rosa")
    await h.ok("rosa", "/forget confirm")
    community = await h.community_id()
    async with h.svc.uow() as uow:
        assert await uow.matching.mentors.get(community, rosa) is None
        assert await uow.matching.requests.for_mentor(community, rosa) == []
    assert (await h.ok("ana", "/match")).cards == ()
