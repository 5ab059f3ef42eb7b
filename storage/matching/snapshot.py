"""A per-process, column-wise copy of a community's mentor skill rows, for ``/match``.

Ranking reads every skill row of the credited skills: for a popular skill in a community of
100,000 members that is ten thousand rows, which SQLite aggregates in tens of milliseconds but
numpy in well under one. So the SQL directory answers ``candidates`` from this copy. The
database stays the source of truth: every change of the skill rows bumps the community's
``matching_index_state.version`` in the same transaction, each query reads the version first
and reloads the copy when it moved, and a copy loaded by a transaction that changed the rows
itself is used but never kept.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
import numpy.typing as npt
from sqlalchemy import select

from bot.matching.domain import MentorCandidate
from bot.matching.facts import MentorFacts
from bot.matching.ports import CandidateQuery, RankedCandidate
from bot.matching.scoring import (
    FIT_POINTS,
    OVERLAP_POINTS,
    RATING_POINTS,
    RATING_SHRINK,
    SPARE_POINTS,
    tenths,
)
from storage.matching.index import DIRTY, index_version
from storage.repositories import SqlContext
from storage.tables_matching import matching_mentor_skills as ms

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_COLUMNS = (
    ms.c.member_id, ms.c.skill_id, ms.c.years, ms.c.depth_part, ms.c.timezone,
    ms.c.fallback_years, ms.c.capacity, ms.c.active_count, ms.c.rating_sum, ms.c.rating_count,
    ms.c.paused, ms.c.paused_until,
)


def _float(value: float | None) -> float:
    return math.nan if value is None else float(value)


class Snapshot:
    """The skill rows of one community at one index version, as arrays."""

    def __init__(self, version: int, rows: Sequence[Any]) -> None:
        self.version = version
        self.skill_ids = sorted({row[1] for row in rows})
        code = {skill: i for i, skill in enumerate(self.skill_ids)}
        self.code = code
        member = np.array([row[0] for row in rows], dtype=np.int64)
        self.row_skill = np.array([code[row[1]] for row in rows], dtype=np.int64)
        self.row_years = np.array([_float(row[2]) for row in rows])
        self.row_depth = np.array([float(row[3]) for row in rows])
        self.members, self.starts = np.unique(member, return_index=True)
        self.ends = np.append(self.starts[1:], len(rows)).astype(np.int64)
        first = [rows[i] for i in self.starts.tolist()]
        self.zones = sorted({row[4] for row in first if row[4] is not None})
        zone_code = {zone: i for i, zone in enumerate(self.zones)}
        self.zone = np.array([zone_code.get(row[4], -1) for row in first], dtype=np.int64)
        self.zone_names = [row[4] for row in first]
        self.fallback = np.array([_float(row[5]) for row in first])
        self.capacity = np.array([_float(row[6]) for row in first])
        self.active = np.array([row[7] for row in first], dtype=np.float64)
        self.rating_sum = np.array([row[8] for row in first], dtype=np.float64)
        self.rating_count = np.array([row[9] for row in first], dtype=np.float64)
        self.paused = np.array([bool(row[10]) for row in first], dtype=bool)
        self.paused_until = np.array(
            [math.nan if row[11] is None else row[11].timestamp() for row in first]
        )

    def candidates(self, query: CandidateQuery) -> list[RankedCandidate]:
        """What ``MentorDirectory.candidates`` returns, computed on the arrays."""
        if self.members.size == 0 or not query.goals or query.limit <= 0:
            return []
        stage = np.zeros(len(self.skill_ids), dtype=bool)
        credited = np.zeros(len(self.skill_ids), dtype=bool)
        cover = np.zeros(self.members.size)
        by_goal = []
        for goal in query.goals:
            weights = np.zeros(len(self.skill_ids))
            for skill, weight in goal.weights.items():
                found = self.code.get(skill)
                if found is not None:
                    weights[found] = tenths(weight)
                    credited[found] = True
                    stage[found] |= weight >= query.min_weight
            by_goal.append(weights)
        in_stage = stage[self.row_skill]
        if not in_stage.any():
            return []
        for weights in by_goal:
            cover += np.maximum.reduceat(np.where(in_stage, weights[self.row_skill], 0.0),
                                         self.starts)
        depth = np.maximum.reduceat(np.where(in_stage, self.row_depth, -np.inf), self.starts)
        capacity = np.where(np.isnan(self.capacity), float(query.default_capacity),
                            self.capacity)
        now = query.now.timestamp()
        with np.errstate(invalid="ignore"):
            free = ~self.paused | (self.paused_until <= now)
        available = (capacity > 0) & (self.active < capacity) & free
        chosen = np.flatnonzero(
            (cover > 0) & available & ~np.isin(self.members, np.array(list(query.exclude),
                                                                      dtype=np.int64))
        )
        if chosen.size == 0:
            return []
        # zone code -1 (no zone) picks the last entry
        parts = np.array([query.zone_part(zone) for zone in self.zones] + [query.no_zone_part])
        spare = (capacity[chosen] - self.active[chosen]) / capacity[chosen]
        rating = (self.rating_sum[chosen] - 3 * self.rating_count[chosen]) / (
            2 * (self.rating_count[chosen] + RATING_SHRINK)
        )
        bound = (
            FIT_POINTS * cover[chosen] / (10 * len(query.goals)) + depth[chosen]
            + OVERLAP_POINTS * parts[self.zone[chosen]] + SPARE_POINTS * spare
            + RATING_POINTS * rating
        )
        order = np.lexsort((self.members[chosen], -bound))[:query.limit]
        return [self._ranked(int(chosen[k]), float(bound[k]), credited, query.default_capacity)
                for k in order.tolist()]

    def _ranked(self, i: int, bound: float, credited: npt.NDArray[np.bool_],
                default_capacity: int) -> RankedCandidate:
        rows = range(int(self.starts[i]), int(self.ends[i]))
        skills = {
            self.skill_ids[self.row_skill[r]]: (
                None if math.isnan(self.row_years[r]) else float(self.row_years[r])
            )
            for r in rows if credited[self.row_skill[r]]
        }
        capacity = self.capacity[i]
        facts = MentorFacts(
            skills=skills,
            timezone=self.zone_names[i],
            fallback_years=None if math.isnan(self.fallback[i]) else float(self.fallback[i]),
            capacity=default_capacity if math.isnan(capacity) else int(capacity),
            active_count=int(self.active[i]),
            rating_sum=int(self.rating_sum[i]),
            rating_count=int(self.rating_count[i]),
        )
        return RankedCandidate(MentorCandidate(int(self.members[i]), facts), bound)


class SnapshotCache:
    """Snapshots per engine and community, checked against the index version on every use."""

    def __init__(self) -> None:
        self._kept: WeakKeyDictionary[object, dict[int, Snapshot]] = WeakKeyDictionary()

    async def get(self, db: SqlContext, community_id: int) -> Snapshot:
        """The community's snapshot at the version this transaction sees."""
        version = await index_version(db, community_id)
        bind = db.session.bind
        engine: object = getattr(bind, "sync_engine", bind)
        kept = self._kept.setdefault(engine, {}) if engine is not None else {}
        changed_here = community_id in db.session.info.get(DIRTY, ())
        found = kept.get(community_id)
        if found is not None and found.version == version and not changed_here:
            return found
        rows = (await db.session.execute(
            select(*_COLUMNS).where(ms.c.community_id == community_id)
            .order_by(ms.c.member_id, ms.c.skill_id)
        )).all()
        snapshot = Snapshot(version, rows)
        if not changed_here:
            kept[community_id] = snapshot
        return snapshot


SNAPSHOTS = SnapshotCache()

