"""The SQL mentor directory over the mentor index (``storage.matching.index``).

``candidates`` is answered from the community's snapshot (``storage.matching.snapshot``): the
bound of every mentor teaching a credited skill is computed column-wise and only the best
``limit`` become candidates; their names come from one query. ``available``, ``mentor`` and
``coverage`` read the index tables directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Integer, and_, bindparam, func, or_, select

from bot.matching.domain import MentorCandidate
from bot.matching.facts import MentorFacts
from bot.matching.ports import CandidateQuery, Coverage, GoalQuery, RankedCandidate
from storage.matching.index import MentorIndex
from storage.matching.rows import all_rows, first
from storage.matching.snapshot import SNAPSHOTS
from storage.repositories import SqlContext
from storage.tables import members
from storage.tables_matching import matching_mentor_skills as ms
from storage.tables_matching import matching_mentors as mm
from storage.types import UTCDateTime

_COMMUNITY: BindParameter[int] = bindparam("community", type_=Integer())
_NOW = bindparam("now", type_=UTCDateTime())
_CAPACITY = func.coalesce(mm.c.capacity, bindparam("default_capacity"))
_NOT_PAUSED = or_(mm.c.paused.is_(False), and_(mm.c.paused_until.is_not(None),
                                               mm.c.paused_until <= _NOW))
_HAS_ROOM = and_(_CAPACITY > 0, mm.c.active_count < _CAPACITY)
_NAMES = "matching_member_names"  # Session.info key: names read in this transaction
_NAMES_OF = select(members.c.id, members.c.display_name).where(
    members.c.community_id == _COMMUNITY, members.c.id.in_(bindparam("ids", expanding=True))
)


def _facts(row: Any, skills: dict[str, float | None], default_capacity: int) -> MentorFacts:
    return MentorFacts(
        skills=skills,
        timezone=row["timezone"],
        fallback_years=row["fallback_years"],
        capacity=default_capacity if row["capacity"] is None else row["capacity"],
        active_count=row["active_count"],
        rating_sum=row["rating_sum"],
        rating_count=row["rating_count"],
    )


class SqlMentorDirectory:
    """Mentors whose profile offers mentoring, from the mentor index."""

    def __init__(self, db: SqlContext, index: MentorIndex) -> None:
        self._db = db
        self._index = index

    async def candidates(self, community_id: int, query: CandidateQuery) -> list[RankedCandidate]:
        """Available mentors with a skill of this stage, by bound then member id."""
        await self._index.ensure_fresh(community_id)
        snapshot = await SNAPSHOTS.get(self._db, community_id)
        found = snapshot.candidates(query)
        if not found:
            return []
        names = await self._names(community_id, [r.candidate.member_id for r in found])
        return [
            RankedCandidate(
                MentorCandidate(r.candidate.member_id, r.candidate.facts,
                                names.get(r.candidate.member_id, "")),
                r.bound,
            )
            for r in found
        ]

    async def _names(self, community_id: int, ids: list[int]) -> dict[int, str]:
        """Display names, each read once per transaction (a ranking asks again per stage)."""
        known: dict[tuple[int, int], str] = self._db.session.info.setdefault(_NAMES, {})
        missing = [i for i in ids if (community_id, i) not in known]
        if missing:
            values = {"community": community_id, "ids": missing}
            for member_id, name in await self._db.session.execute(_NAMES_OF, values):
                known[(community_id, member_id)] = name
        return {i: known[(community_id, i)] for i in ids if (community_id, i) in known}

    async def available(
        self, community_id: int, *, now: datetime, default_capacity: int
    ) -> list[MentorCandidate]:
        """Every available mentor, by member id, with every skill they teach."""
        await self._index.ensure_fresh(community_id, deciding=True)
        query = (
            select(mm, members.c.display_name)
            .join(members, and_(members.c.community_id == mm.c.community_id,
                                members.c.id == mm.c.member_id))
            .where(mm.c.community_id == _COMMUNITY, mm.c.offering.is_(True), _NOT_PAUSED,
                   _HAS_ROOM)
            .order_by(mm.c.member_id)
        )
        params = {"community": community_id, "now": now, "default_capacity": default_capacity}
        rows = (await self._db.session.execute(query, params)).mappings().all()
        skills = await self._skills(community_id, None)
        return [
            MentorCandidate(
                row["member_id"], _facts(row, skills[row["member_id"]], default_capacity),
                row["display_name"],
            )
            for row in rows
        ]

    async def mentor(
        self, community_id: int, member_id: int, *, default_capacity: int
    ) -> MentorCandidate | None:
        """The member's mentor facts if their profile offers mentoring."""
        await self._index.ensure_fresh(community_id, deciding=True)
        row = await first(self._db, select(mm, members.c.display_name).join(members, and_(
            members.c.community_id == mm.c.community_id, members.c.id == mm.c.member_id
        )).where(
            mm.c.community_id == community_id, mm.c.member_id == member_id,
            mm.c.offering.is_(True),
        ))
        if row is None:
            return None
        skills = await self._skills(community_id, [member_id])
        return MentorCandidate(
            member_id, _facts(row, skills[member_id], default_capacity), row["display_name"]
        )

    async def coverage(
        self, community_id: int, goal: GoalQuery, *, now: datetime, default_capacity: int
    ) -> list[Coverage]:
        """Offering mentors teaching a credited skill, with why each is unavailable."""
        await self._index.ensure_fresh(community_id)
        teaching = (
            select(ms.c.member_id)
            .where(ms.c.community_id == community_id, ms.c.skill_id.in_(sorted(goal.weights)))
            .distinct()
            .subquery()
        )
        query = (
            select(mm.c.member_id, _NOT_PAUSED.label("free"), _HAS_ROOM.label("room"))
            .join(teaching, and_(mm.c.community_id == _COMMUNITY,
                                 mm.c.member_id == teaching.c.member_id))
            .where(mm.c.offering.is_(True))
            .order_by(mm.c.member_id)
        )
        params = {"community": community_id, "now": now, "default_capacity": default_capacity}
        return [
            Coverage(row["member_id"], paused=not row["free"], full=not row["room"])
            for row in (await self._db.session.execute(query, params)).mappings().all()
        ]

    async def _skills(
        self, community_id: int, member_ids: Sequence[int] | None
    ) -> defaultdict[int, dict[str, float | None]]:
        found: defaultdict[int, dict[str, float | None]] = defaultdict(dict)
        query = select(ms.c.member_id, ms.c.skill_id, ms.c.years).where(
            ms.c.community_id == community_id
        )
        if member_ids is not None:
            query = query.where(ms.c.member_id.in_(member_ids))
        for row in await all_rows(self._db, query.order_by(ms.c.member_id, ms.c.skill_id)):
            found[row["member_id"]][row["skill_id"]] = row["years"]
        return found
