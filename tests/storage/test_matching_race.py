"""Two accepts racing for a mentor's last slot through the whole use case, on SQLite and
PostgreSQL: exactly one pairing is made, the other request stays open."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.matching.domain import PairingStatus, RequestStatus
from storage.uow import make_uow_factory
from tests.bot.matching.harness import Harness, everything


async def test_two_accepts_for_the_last_slot_cannot_both_win(sql_engine: AsyncEngine) -> None:
    h = Harness(uow_for=lambda clock: make_uow_factory(sql_engine, clock))
    await h.person("rosa", knows="Rust", mentor=True, capacity=2)
    for name in ("ana", "ben", "cy"):
        await h.person(name, learns="Rust")
    rosa = await h.member_id("rosa")
    for name in ("ana", "ben", "cy"):
        await h.ok(name, f"/match request {rosa}")
    await h.ok("rosa", "/match accept 1")  # one slot left

    replies = await asyncio.gather(h.say("rosa", "/match accept 2"),
                                   h.say("rosa", "/match accept 3"))
    won = [r for r in replies if not r.is_error]
    lost = [r for r in replies if r.is_error]
    assert len(won) == 1
    assert len(lost) == 1
    assert "no free mentee slot (2 of 2 taken)" in lost[0].text
    assert "Mentees: 2 of 2" in everything(await h.ok("rosa", "/mentor"))
    community = await h.community_id()
    async with h.svc.uow() as uow:
        pairings = await uow.matching.pairings.for_member(community, rosa)
        still_open = await uow.matching.requests.for_mentor(
            community, rosa, (RequestStatus.OPEN,)
        )
    assert [p.status for p in pairings] == [PairingStatus.ACTIVE] * 2
    assert len(still_open) == 1
