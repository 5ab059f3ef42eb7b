"""Requests and cohort rounds in SQL; closing a request is a conditional UPDATE."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, insert, select, update

from bot.matching.domain import MatchRequest, RequestStatus, RoundRecord
from storage.matching.rows import all_rows, changed, first, request_from_row, request_values
from storage.repositories import SqlContext
from storage.tables import members
from storage.tables_matching import matching_requests as mr
from storage.tables_matching import matching_rounds


class SqlRequestRepository:
    """Mentee requests to mentors."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def add(self, request: MatchRequest) -> MatchRequest:
        """Store a new request and return it with its id."""
        if request.mentee_id == request.mentor_id:
            raise ValueError("a member cannot ask themself")
        for member_id in (request.mentee_id, request.mentor_id):
            found = await first(self._db, select(members.c.id).where(
                members.c.community_id == request.community_id, members.c.id == member_id
            ))
            if found is None:
                raise LookupError(f"there is no member {member_id} in {request.community_id}")
        row = await first(
            self._db, insert(mr).values(request_values(request)).returning(*mr.c)
        )
        assert row is not None
        return request_from_row(row)

    async def get(self, community_id: int, request_id: int) -> MatchRequest | None:
        """The request or None."""
        row = await first(self._db, select(mr).where(
            mr.c.community_id == community_id, mr.c.id == request_id
        ))
        return None if row is None else request_from_row(row)

    async def _select(
        self, community_id: int, who: ColumnElement[bool], statuses: Collection[RequestStatus]
    ) -> list[MatchRequest]:
        query = select(mr).where(mr.c.community_id == community_id, who).order_by(mr.c.id)
        if statuses:
            query = query.where(mr.c.status.in_([RequestStatus(s).value for s in statuses]))
        return [request_from_row(row) for row in await all_rows(self._db, query)]

    async def for_mentee(
        self, community_id: int, mentee_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """The mentee's requests, oldest first."""
        return await self._select(community_id, mr.c.mentee_id == mentee_id, statuses)

    async def for_mentor(
        self, community_id: int, mentor_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """Requests to the mentor, oldest first."""
        return await self._select(community_id, mr.c.mentor_id == mentor_id, statuses)

    async def for_community(
        self, community_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """The community's requests, oldest first."""
        return await self._select(community_id, mr.c.community_id == community_id, statuses)

    async def close(
        self, community_id: int, request_id: int, status: RequestStatus, now: datetime
    ) -> bool:
        """Move an open request to ``status``; False if it was no longer open."""
        closing = update(mr).where(
            mr.c.community_id == community_id, mr.c.id == request_id,
            mr.c.status == RequestStatus.OPEN.value,
        ).values(status=RequestStatus(status).value, decided_at=now)
        return await changed(self._db, closing) == 1

    async def due_expired(self, now: datetime, limit: int) -> list[MatchRequest]:
        """Open requests past their expiry, in every community, oldest first."""
        query = (
            select(mr)
            .where(mr.c.status == RequestStatus.OPEN.value, mr.c.expires_at <= now)
            .order_by(mr.c.expires_at, mr.c.id)
            .limit(limit)
        )
        return [request_from_row(row) for row in await all_rows(self._db, query)]


class SqlRoundRepository:
    """Cohort rounds."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def add(self, record: RoundRecord) -> RoundRecord:
        """Store a round and return it with its id."""
        row = await first(self._db, insert(matching_rounds).values(
            community_id=record.community_id, started_by=record.started_by,
            created_at=record.created_at, matched=record.matched,
            unmatched=record.unmatched, total_score=record.total_score,
        ).returning(matching_rounds.c.id))
        assert row is not None
        return RoundRecord(
            row["id"], record.community_id, record.started_by, record.created_at,
            record.matched, record.unmatched, record.total_score,
        )
