"""Seekers and their "tell me when" wishes in SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache

from sqlalchemy import Executable, Table, delete, select

from bot.matching.domain import Seeker, Wish
from storage.matching.rows import all_rows, changed
from storage.prepared import UpsertInsert
from storage.repositories import SqlContext
from storage.tables_matching import matching_seekers as seekers
from storage.tables_matching import matching_wishes as wishes


@cache
def _seek(make: Callable[[Table], UpsertInsert]) -> Executable:
    insert = make(seekers)
    return insert.on_conflict_do_update(
        index_elements=["community_id", "member_id"],
        set_={"topic": insert.excluded.topic},
        where=seekers.c.topic.is_distinct_from(insert.excluded.topic),
    )


class SqlSeekerRepository:
    """Mentees looking for a mentor, and their wishes per skill."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def seek(self, community_id: int, member_id: int, topic: str | None, now: datetime) -> (
        None
    ):
        """Record that the member is looking (keeps the first ``since``; a repeat with the same
        topic changes nothing, so it writes nothing)."""
        values = {"community_id": community_id, "member_id": member_id, "topic": topic,
                  "since": now}
        await self._db.session.execute(_seek(self._db.dialect_insert), values)

    async def stop(self, community_id: int, member_id: int) -> bool:
        """The member is no longer looking; their wishes go too."""
        await self.drop_wishes(community_id, member_id)
        return await changed(self._db, delete(seekers).where(
            seekers.c.community_id == community_id, seekers.c.member_id == member_id
        )) > 0

    async def seekers(self, community_id: int) -> list[Seeker]:
        """Everyone looking, by member id."""
        query = select(seekers).where(seekers.c.community_id == community_id).order_by(
            seekers.c.member_id
        )
        return [
            Seeker(row["community_id"], row["member_id"], row["since"], row["topic"])
            for row in await all_rows(self._db, query)
        ]

    async def wish(self, community_id: int, member_id: int, skill_id: str, now: datetime) -> None:
        """Remember to tell the member when a mentor for ``skill_id`` is available."""
        insert = self._db.upsert(wishes).values(
            community_id=community_id, member_id=member_id, skill_id=skill_id, created_at=now
        )
        await self._db.session.execute(insert.on_conflict_do_nothing())

    async def wishes(self, community_id: int | None = None) -> list[Wish]:
        """Open wishes of one community (or all), by community, member and skill."""
        query = select(wishes).order_by(wishes.c.community_id, wishes.c.member_id,
                                        wishes.c.skill_id)
        if community_id is not None:
            query = query.where(wishes.c.community_id == community_id)
        return [
            Wish(row["community_id"], row["member_id"], row["skill_id"], row["created_at"])
            for row in await all_rows(self._db, query)
        ]

    async def drop_wishes(self, community_id: int, member_id: int) -> None:
        """Forget the member's wishes."""
        await changed(self._db, delete(wishes).where(
            wishes.c.community_id == community_id, wishes.c.member_id == member_id
        ))
