"""Pairings and check-ins in SQL; every state change is a conditional UPDATE."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, insert, or_, select, update

from bot.matching.domain import CheckinAnswer, Pairing, PairingStatus
from storage.matching.rows import (
    all_rows,
    changed,
    first,
    pairing_from_row,
    pairing_values,
)
from storage.repositories import SqlContext
from storage.tables_matching import matching_pairings as mp

_ACTIVE = PairingStatus.ACTIVE.value


class SqlPairingRepository:
    """Mentor–mentee pairings and their check-ins."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    def _active(self, community_id: int, pairing_id: int) -> tuple[ColumnElement[bool], ...]:
        return mp.c.community_id == community_id, mp.c.id == pairing_id, mp.c.status == _ACTIVE

    async def add(self, pairing: Pairing) -> Pairing:
        """Store a new pairing and return it with its id."""
        if pairing.status is PairingStatus.ACTIVE:
            existing = await first(self._db, select(mp.c.id).where(
                mp.c.community_id == pairing.community_id, mp.c.mentor_id == pairing.mentor_id,
                mp.c.mentee_id == pairing.mentee_id, mp.c.status == _ACTIVE,
            ))
            if existing is not None:
                raise ValueError("these two already have an active pairing")
        row = await first(self._db, insert(mp).values(pairing_values(pairing)).returning(*mp.c))
        assert row is not None
        return pairing_from_row(row)

    async def get(self, community_id: int, pairing_id: int) -> Pairing | None:
        """The pairing or None."""
        row = await first(self._db, select(mp).where(
            mp.c.community_id == community_id, mp.c.id == pairing_id
        ))
        return None if row is None else pairing_from_row(row)

    async def for_member(self, community_id: int, member_id: int) -> list[Pairing]:
        """Pairings where the member is mentor or mentee, oldest first."""
        query = select(mp).where(
            mp.c.community_id == community_id,
            or_(mp.c.mentor_id == member_id, mp.c.mentee_id == member_id),
        ).order_by(mp.c.id)
        return [pairing_from_row(row) for row in await all_rows(self._db, query)]

    async def for_community(self, community_id: int) -> list[Pairing]:
        """Every pairing of the community, oldest first."""
        query = select(mp).where(mp.c.community_id == community_id).order_by(mp.c.id)
        return [pairing_from_row(row) for row in await all_rows(self._db, query)]

    async def claim_checkin(
        self, community_id: int, pairing_id: int, due: datetime, now: datetime
    ) -> bool:
        """Start the next check-in round if it is still due at ``due``."""
        claim = update(mp).where(
            *self._active(community_id, pairing_id), mp.c.next_checkin_at == due
        ).values(
            next_checkin_at=None, checkin_round=mp.c.checkin_round + 1,
            mentor_answer=None, mentee_answer=None,
        )
        return await changed(self._db, claim) == 1

    async def answer(
        self, community_id: int, pairing_id: int, member_id: int, answer: CheckinAnswer,
        now: datetime, next_checkin_at: datetime | None,
    ) -> Pairing | None:
        """Record one side's answer (and when to ask again, unless already planned)."""
        found = await first(self._db, select(mp).where(*self._active(community_id, pairing_id)))
        if found is None:
            return None
        side = "mentor_answer" if member_id == found["mentor_id"] else "mentee_answer"
        values: dict[str, object] = {
            side: CheckinAnswer(answer).value,
            "next_checkin_at": found["next_checkin_at"] or next_checkin_at,
        }
        if answer is CheckinAnswer.MET and found["met_at"] is None:
            values["met_at"] = now
        row = await first(self._db, update(mp).where(
            *self._active(community_id, pairing_id)
        ).values(values).returning(*mp.c))
        return None if row is None else pairing_from_row(row)

    async def rate(self, community_id: int, pairing_id: int, rating: int) -> int | None:
        """Store the mentee's rating; returns the previous one."""
        found = await self.get(community_id, pairing_id)
        if found is None:
            raise LookupError(f"there is no pairing {pairing_id}")
        await changed(self._db, update(mp).where(
            mp.c.community_id == community_id, mp.c.id == pairing_id
        ).values(rating=rating))
        return found.rating

    async def end(self, community_id: int, pairing_id: int, reason: str, now: datetime) -> bool:
        """End an active pairing; False if it was not active."""
        ending = update(mp).where(*self._active(community_id, pairing_id)).values(
            status=PairingStatus.ENDED.value, ended_at=now, end_reason=reason,
            next_checkin_at=None,
        )
        return await changed(self._db, ending) == 1

    async def due_checkins(self, now: datetime, limit: int) -> list[Pairing]:
        """Active pairings whose check-in is due, in every community."""
        query = (
            select(mp)
            .where(mp.c.status == _ACTIVE, mp.c.next_checkin_at <= now)
            .order_by(mp.c.next_checkin_at, mp.c.id)
            .limit(limit)
        )
        return [pairing_from_row(row) for row in await all_rows(self._db, query)]
