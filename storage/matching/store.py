"""``uow.matching`` of the SQL unit of work, and the erasure of a member's matching rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, case, func, select, update
from sqlalchemy.engine import RowMapping

from bot.export_records import ExportSections
from bot.matching.codec import reply_from_json
from bot.matching.domain import Notice, NoticeKind, PairingStatus, RoundRecord
from bot.matching.export import StoredNotice, export_matching
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
from storage.matching.rows import all_rows, changed, mentor_state
from storage.matching.seekers import SqlSeekerRepository
from storage.repositories import SqlContext
from storage.tables import members
from storage.tables_matching import (
    matching_mentors,
    matching_notices,
    matching_pairings,
    matching_rounds,
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

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Everything matching stores about the community (see bot/matching/export.py).

        The mentor skill index is a copy of the mentors' profile skills (exported with the
        profiles), so it is not repeated here.
        """
        def scoped(table: Table) -> Select[Any]:
            return select(table).where(table.c.community_id == community_id)

        mentors = await all_rows(self._db, scoped(matching_mentors))
        notices = await all_rows(self._db, scoped(matching_notices))
        rounds = await all_rows(self._db, scoped(matching_rounds))
        return await export_matching(
            community_id,
            mentors=[mentor_state(row) for row in mentors],
            requests=self.requests, pairings=self.pairings, seekers=self.seekers,
            notices=[_stored_notice(row) for row in notices],
            rounds=[RoundRecord(
                row["id"], row["community_id"], row["started_by"], row["created_at"],
                row["matched"], row["unmatched"], row["total_score"],
            ) for row in rounds],
        )


def _stored_notice(row: RowMapping) -> StoredNotice:
    notice = Notice(
        id=row["id"], community_id=row["community_id"], recipient_id=row["recipient_id"],
        reply=reply_from_json(row["payload"]), kind=NoticeKind(row["kind"]),
        created_at=row["created_at"], ref_id=row["ref_id"], about_id=row["about_id"],
        attempts=row["attempts"],
    )
    return StoredNotice(notice, row["status"], row["available_at"], row["failure"])


async def release_deleted_member(db: SqlContext, community_id: int, member_id: int) -> None:
    """Before a member's rows are erased: free the mentor slots they held as an active mentee
    and tell mentor snapshots to reload (their mentor row, if any, is about to go)."""
    mp = matching_pairings
    held = select(mp.c.mentor_id, func.count().label("slots")).where(
        mp.c.community_id == community_id, mp.c.mentee_id == member_id,
        mp.c.status == PairingStatus.ACTIVE.value,
    ).group_by(mp.c.mentor_id)
    freed = []
    for row in await all_rows(db, held):
        freed.append(row["mentor_id"])
        mm = matching_mentors
        await changed(db, update(mm).where(
            mm.c.community_id == community_id, mm.c.member_id == row["mentor_id"]
        ).values(active_count=case(
            (mm.c.active_count > row["slots"], mm.c.active_count - row["slots"]), else_=0
        )))
        await copy_state_to_skills(db, community_id, row["mentor_id"])
    await bump_version(db, community_id, freed, reset=True)
