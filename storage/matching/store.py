"""``uow.matching`` of the SQL unit of work, and the erasure of a member's matching rows."""

from __future__ import annotations

from sqlalchemy import and_, case, delete, func, or_, select, update

from bot.matching.domain import PairingStatus
from bot.matching.ports import (
    MentorDirectory,
    MentorRepository,
    NoticeRepository,
    PairingRepository,
    RequestRepository,
    RoundRepository,
    SeekerRepository,
)
from storage.matching.directory import SqlMentorDirectory
from storage.matching.index import MentorIndex, bump_version, copy_state_to_skills
from storage.matching.mentors import SqlMentorRepository
from storage.matching.notices import SqlNoticeRepository
from storage.matching.pairings import SqlPairingRepository
from storage.matching.requests import SqlRequestRepository, SqlRoundRepository
from storage.matching.rows import all_rows, changed
from storage.matching.seekers import SqlSeekerRepository
from storage.repositories import SqlContext
from storage.tables import members
from storage.tables_matching import (
    matching_mentor_skills,
    matching_mentors,
    matching_notices,
    matching_pairings,
    matching_requests,
    matching_rounds,
    matching_seekers,
    matching_wishes,
)


class SqlMatchingStore:
    """Every matching repository over one unit of work's session."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db
        self.index = MentorIndex(db)
        self.directory: MentorDirectory = SqlMentorDirectory(db, self.index)
        self.mentors: MentorRepository = SqlMentorRepository(db, self.index)
        self.requests: RequestRepository = SqlRequestRepository(db)
        self.pairings: PairingRepository = SqlPairingRepository(db)
        self.seekers: SeekerRepository = SqlSeekerRepository(db)
        self.notices: NoticeRepository = SqlNoticeRepository(db)
        self.rounds: RoundRepository = SqlRoundRepository(db)

    async def lock_member(self, community_id: int, member_id: int) -> None:
        """Lock the member's row until commit (FOR UPDATE; SQLite's BEGIN IMMEDIATE already
        serialises writers, and SQLAlchemy leaves the clause out there)."""
        await self._db.session.execute(
            select(members.c.id)
            .where(members.c.community_id == community_id, members.c.id == member_id)
            .with_for_update()
        )


async def forget_matching_member(db: SqlContext, community_id: int, member_id: int) -> None:
    """Delete every matching row about the member (the foreign keys would cascade too, but
    erasure must not depend on that) and free the slots they held as someone's mentee."""
    mp = matching_pairings
    held = select(mp.c.mentor_id, func.count().label("slots")).where(
        mp.c.community_id == community_id, mp.c.mentee_id == member_id,
        mp.c.status == PairingStatus.ACTIVE.value,
    ).group_by(mp.c.mentor_id)
    for row in await all_rows(db, held):
        mm = matching_mentors
        await changed(db, update(mm).where(
            mm.c.community_id == community_id, mm.c.member_id == row["mentor_id"]
        ).values(active_count=case(
            (mm.c.active_count > row["slots"], mm.c.active_count - row["slots"]), else_=0
        )))
        await copy_state_to_skills(db, community_id, row["mentor_id"])
    scoped = matching_notices.c.community_id == community_id
    await changed(db, delete(matching_notices).where(scoped, or_(
        matching_notices.c.recipient_id == member_id, matching_notices.c.about_id == member_id
    )))
    for table, columns in (
        (matching_requests, ("mentee_id", "mentor_id")),
        (matching_pairings, ("mentee_id", "mentor_id")),
        (matching_wishes, ("member_id",)),
        (matching_seekers, ("member_id",)),
        (matching_mentor_skills, ("member_id",)),
        (matching_mentors, ("member_id",)),
    ):
        await changed(db, delete(table).where(and_(
            table.c.community_id == community_id,
            or_(*(table.c[column] == member_id for column in columns)),
        )))
    await bump_version(db, community_id)
    await changed(db, update(matching_rounds).where(
        matching_rounds.c.community_id == community_id, matching_rounds.c.started_by == member_id
    ).values(started_by=None))
