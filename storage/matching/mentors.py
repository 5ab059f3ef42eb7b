"""Mentor state in SQL; the active-mentee counter is only changed by conditional UPDATEs."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select, update

from bot.matching.domain import MentorState
from storage.matching.index import MentorIndex, copy_state_to_skills, new_mentor_row
from storage.matching.rows import changed, first, mentor_state
from storage.repositories import SqlContext
from storage.tables_matching import matching_mentors as mm

_SETTINGS = ("topics", "paused", "paused_until", "ignored_streak")


class SqlMentorRepository:
    """Per-mentor state: topics, pause, ignored requests, active mentee count and ratings."""

    def __init__(self, db: SqlContext, index: MentorIndex) -> None:
        self._db = db
        self._index = index

    def _key(self, community_id: int, member_id: int) -> tuple[ColumnElement[bool], ...]:
        return mm.c.community_id == community_id, mm.c.member_id == member_id

    async def get(self, community_id: int, member_id: int) -> MentorState | None:
        """The mentor's state, or None if they never had any."""
        row = await first(self._db, select(mm).where(*self._key(community_id, member_id)))
        return None if row is None else mentor_state(row)

    async def _ensure_row(self, community_id: int, member_id: int) -> None:
        insert = self._db.upsert(mm).values(new_mentor_row(community_id, member_id))
        await self._db.session.execute(
            insert.on_conflict_do_nothing(index_elements=["community_id", "member_id"])
        )

    async def save_settings(self, state: MentorState) -> None:
        """Insert or update topics, pause and the ignored streak, then re-index the mentor."""
        values = {
            "topics": list(dict.fromkeys(state.topics)),
            "paused": state.paused,
            "paused_until": state.paused_until,
            "ignored_streak": state.ignored_streak,
        }
        row = new_mentor_row(state.community_id, state.member_id) | values
        upsert = self._db.upsert(mm).values(row)
        await self._db.session.execute(upsert.on_conflict_do_update(
            index_elements=["community_id", "member_id"],
            set_={name: upsert.excluded[name] for name in _SETTINGS},
        ))
        await self._index.reindex(state.community_id, [state.member_id])

    async def take_slot(self, community_id: int, member_id: int, capacity: int) -> bool:
        """One more active mentee if fewer than ``capacity``, decided by the database.

        On PostgreSQL a concurrent UPDATE of the same row waits for the first to commit and then
        re-checks ``active_count < capacity`` against the committed value, so two accepts can
        never both take the last slot; SQLite transactions run one writer at a time.
        """
        await self._ensure_row(community_id, member_id)
        taken = update(mm).where(
            *self._key(community_id, member_id), mm.c.active_count < capacity
        ).values(active_count=mm.c.active_count + 1)
        if await changed(self._db, taken) != 1:
            return False
        await copy_state_to_skills(self._db, community_id, member_id)
        return True

    async def release_slot(self, community_id: int, member_id: int) -> None:
        """Count one active mentee less (never below 0)."""
        await changed(self._db, update(mm).where(
            *self._key(community_id, member_id), mm.c.active_count > 0
        ).values(active_count=mm.c.active_count - 1))
        await copy_state_to_skills(self._db, community_id, member_id)

    async def add_rating(
        self, community_id: int, member_id: int, rating_delta: int, count_delta: int
    ) -> None:
        """Adjust the sum and count of the mentor's ratings."""
        await self._ensure_row(community_id, member_id)
        await changed(self._db, update(mm).where(*self._key(community_id, member_id)).values(
            rating_sum=mm.c.rating_sum + rating_delta,
            rating_count=mm.c.rating_count + count_delta,
        ))
        await copy_state_to_skills(self._db, community_id, member_id)
