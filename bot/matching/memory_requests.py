"""In-memory requests and pairings (part of ``bot.matching.memory``)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.matching.domain import (
    CheckinAnswer,
    MatchRequest,
    Pairing,
    PairingStatus,
    RequestStatus,
)

if TYPE_CHECKING:
    from bot.matching.memory import MatchingTables, MemoryHost


class InMemoryRequests:
    """Requests of the in-memory store."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def add(self, request: MatchRequest) -> MatchRequest:
        """``RequestRepository.add``."""
        state = await self._host.write()
        for member in (request.mentee_id, request.mentor_id):
            found = state.members.get(member)
            if found is None or found.community_id != request.community_id:
                raise LookupError(f"there is no member {member} in {request.community_id}")
        if request.mentee_id == request.mentor_id:
            raise ValueError("a member cannot ask themself")
        stored = replace(request, id=state.matching.next_id("requests"))
        state.matching.requests[stored.id] = stored
        return stored

    async def get(self, community_id: int, request_id: int) -> MatchRequest | None:
        """``RequestRepository.get``."""
        found = self._host.read().matching.requests.get(request_id)
        return found if found is not None and found.community_id == community_id else None

    async def for_mentee(
        self, community_id: int, mentee_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """``RequestRepository.for_mentee``."""
        return self._select(community_id, statuses, lambda r: r.mentee_id == mentee_id)

    async def for_mentor(
        self, community_id: int, mentor_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """``RequestRepository.for_mentor``."""
        return self._select(community_id, statuses, lambda r: r.mentor_id == mentor_id)

    async def for_community(
        self, community_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """``RequestRepository.for_community``."""
        return self._select(community_id, statuses, lambda r: True)

    def _select(
        self,
        community_id: int,
        statuses: Collection[RequestStatus],
        test: Callable[[MatchRequest], bool],
    ) -> list[MatchRequest]:
        return sorted(
            (r for r in self._host.read().matching.requests.values()
             if r.community_id == community_id and test(r)
             and (not statuses or r.status in statuses)),
            key=lambda r: r.id,
        )

    async def close(
        self, community_id: int, request_id: int, status: RequestStatus, now: datetime
    ) -> bool:
        """``RequestRepository.close``."""
        found = await self.get(community_id, request_id)
        if found is None or found.status is not RequestStatus.OPEN:
            return False
        tables = (await self._host.write()).matching
        current = tables.requests[request_id]
        if current.status is not RequestStatus.OPEN:
            return False
        tables.requests[request_id] = replace(current, status=status, decided_at=now)
        return True

    async def due_expired(self, now: datetime, limit: int) -> list[MatchRequest]:
        """``RequestRepository.due_expired``."""
        due = [r for r in self._host.read().matching.requests.values()
               if r.status is RequestStatus.OPEN and r.expires_at <= now]
        return sorted(due, key=lambda r: (r.expires_at, r.id))[:limit]


class InMemoryPairings:
    """Pairings of the in-memory store."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def add(self, pairing: Pairing) -> Pairing:
        """``PairingRepository.add``."""
        state = await self._host.write()
        for p in state.matching.pairings.values():
            if (p.community_id, p.mentor_id, p.mentee_id, p.status) == (
                pairing.community_id, pairing.mentor_id, pairing.mentee_id, PairingStatus.ACTIVE
            ):
                raise ValueError("these two already have an active pairing")
        stored = replace(pairing, id=state.matching.next_id("pairings"))
        state.matching.pairings[stored.id] = stored
        return stored

    async def get(self, community_id: int, pairing_id: int) -> Pairing | None:
        """``PairingRepository.get``."""
        found = self._host.read().matching.pairings.get(pairing_id)
        return found if found is not None and found.community_id == community_id else None

    async def for_member(self, community_id: int, member_id: int) -> list[Pairing]:
        """``PairingRepository.for_member``."""
        return sorted(
            (p for p in self._host.read().matching.pairings.values()
             if p.community_id == community_id and member_id in (p.mentor_id, p.mentee_id)),
            key=lambda p: p.id,
        )

    async def for_community(self, community_id: int) -> list[Pairing]:
        """``PairingRepository.for_community``."""
        return sorted(
            (p for p in self._host.read().matching.pairings.values()
             if p.community_id == community_id),
            key=lambda p: p.id,
        )

    async def _update(self, community_id: int, pairing_id: int) -> (
        tuple[MatchingTables, Pairing] | None
    ):
        found = await self.get(community_id, pairing_id)
        if found is None or found.status is not PairingStatus.ACTIVE:
            return None
        tables = (await self._host.write()).matching
        return tables, tables.pairings[pairing_id]

    async def claim_checkin(
        self, community_id: int, pairing_id: int, due: datetime, now: datetime
    ) -> bool:
        """``PairingRepository.claim_checkin``."""
        got = await self._update(community_id, pairing_id)
        if got is None or got[1].next_checkin_at != due:
            return False
        tables, pairing = got
        tables.pairings[pairing_id] = replace(
            pairing, next_checkin_at=None, checkin_round=pairing.checkin_round + 1,
            mentor_answer=None, mentee_answer=None,
        )
        return True

    async def answer(
        self, community_id: int, pairing_id: int, member_id: int, answer: CheckinAnswer,
        now: datetime, next_checkin_at: datetime | None,
    ) -> Pairing | None:
        """``PairingRepository.answer``."""
        got = await self._update(community_id, pairing_id)
        if got is None:
            return None
        tables, pairing = got
        changed = replace(
            pairing,
            met_at=pairing.met_at or (now if answer is CheckinAnswer.MET else None),
            next_checkin_at=pairing.next_checkin_at or next_checkin_at,
        )
        if member_id == pairing.mentor_id:
            changed = replace(changed, mentor_answer=answer)
        else:
            changed = replace(changed, mentee_answer=answer)
        tables.pairings[pairing_id] = changed
        return changed

    async def rate(self, community_id: int, pairing_id: int, rating: int) -> int | None:
        """``PairingRepository.rate``."""
        found = await self.get(community_id, pairing_id)
        if found is None:
            raise LookupError(f"there is no pairing {pairing_id}")
        tables = (await self._host.write()).matching
        tables.pairings[pairing_id] = replace(found, rating=rating)
        return found.rating

    async def end(self, community_id: int, pairing_id: int, reason: str, now: datetime) -> bool:
        """``PairingRepository.end``."""
        got = await self._update(community_id, pairing_id)
        if got is None:
            return False
        tables, pairing = got
        tables.pairings[pairing_id] = replace(
            pairing, status=PairingStatus.ENDED, ended_at=now, end_reason=reason,
            next_checkin_at=None,
        )
        return True

    async def due_checkins(self, now: datetime, limit: int) -> list[Pairing]:
        """``PairingRepository.due_checkins``."""
        due = [p for p in self._host.read().matching.pairings.values()
               if p.status is PairingStatus.ACTIVE and p.next_checkin_at is not None
               and p.next_checkin_at <= now]
        return sorted(due, key=lambda p: (p.next_checkin_at or now, p.id))[:limit]
