"""Query helpers and conversions between matching rows and domain objects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.engine import RowMapping

from bot.matching.domain import (
    CheckinAnswer,
    MatchRequest,
    MentorState,
    Pairing,
    PairingStatus,
    RequestStatus,
)
from storage.repositories import SqlContext


async def first(db: SqlContext, statement: Executable) -> RowMapping | None:
    """The first row of a statement, or None."""
    return (await db.session.execute(statement)).mappings().first()


async def all_rows(db: SqlContext, statement: Executable) -> Sequence[RowMapping]:
    """Every row of a statement."""
    return (await db.session.execute(statement)).mappings().all()


async def changed(db: SqlContext, statement: Executable) -> int:
    """How many rows an UPDATE or DELETE touched."""
    result: Any = await db.session.execute(statement)
    return int(result.rowcount)


def mentor_state(row: RowMapping) -> MentorState:
    """A MentorState from a ``matching_mentors`` row."""
    return MentorState(
        community_id=row["community_id"],
        member_id=row["member_id"],
        topics=tuple(row["topics"]),
        paused=bool(row["paused"]),
        paused_until=row["paused_until"],
        ignored_streak=row["ignored_streak"],
        active_count=row["active_count"],
        rating_sum=row["rating_sum"],
        rating_count=row["rating_count"],
    )


def request_from_row(row: RowMapping) -> MatchRequest:
    """A MatchRequest from a ``matching_requests`` row."""
    return MatchRequest(
        id=row["id"],
        community_id=row["community_id"],
        mentee_id=row["mentee_id"],
        mentor_id=row["mentor_id"],
        status=RequestStatus(row["status"]),
        score=row["score"],
        reasons=tuple(row["reasons"]),
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        topic=row["topic"],
        round_id=row["round_id"],
        decided_at=row["decided_at"],
    )


def request_values(request: MatchRequest) -> dict[str, Any]:
    """The ``matching_requests`` columns of a new request (the id is left to the database)."""
    return {
        "community_id": request.community_id,
        "mentee_id": request.mentee_id,
        "mentor_id": request.mentor_id,
        "status": RequestStatus(request.status).value,
        "topic": request.topic,
        "score": float(request.score),
        "reasons": list(request.reasons),
        "round_id": request.round_id,
        "created_at": request.created_at,
        "expires_at": request.expires_at,
        "decided_at": request.decided_at,
    }


def _answer(value: str | None) -> CheckinAnswer | None:
    return None if value is None else CheckinAnswer(value)


def pairing_from_row(row: RowMapping) -> Pairing:
    """A Pairing from a ``matching_pairings`` row."""
    return Pairing(
        id=row["id"],
        community_id=row["community_id"],
        mentor_id=row["mentor_id"],
        mentee_id=row["mentee_id"],
        status=PairingStatus(row["status"]),
        started_at=row["started_at"],
        request_id=row["request_id"],
        next_checkin_at=row["next_checkin_at"],
        checkin_round=row["checkin_round"],
        mentor_answer=_answer(row["mentor_answer"]),
        mentee_answer=_answer(row["mentee_answer"]),
        met_at=row["met_at"],
        rating=row["rating"],
        ended_at=row["ended_at"],
        end_reason=row["end_reason"],
    )


def pairing_values(pairing: Pairing) -> dict[str, Any]:
    """The ``matching_pairings`` columns of a new pairing (the id is left to the database)."""
    return {
        "community_id": pairing.community_id,
        "mentor_id": pairing.mentor_id,
        "mentee_id": pairing.mentee_id,
        "request_id": pairing.request_id,
        "status": PairingStatus(pairing.status).value,
        "started_at": pairing.started_at,
        "next_checkin_at": pairing.next_checkin_at,
        "checkin_round": pairing.checkin_round,
        "mentor_answer": None if pairing.mentor_answer is None else pairing.mentor_answer.value,
        "mentee_answer": None if pairing.mentee_answer is None else pairing.mentee_answer.value,
        "met_at": pairing.met_at,
        "rating": pairing.rating,
        "ended_at": pairing.ended_at,
        "end_reason": pairing.end_reason,
    }
