"""A per-process, column-wise copy of a community's mentor skill rows, for ``/match``.

Ranking reads every skill row of the credited skills: for a popular skill in a community of
100,000 members that is ten thousand rows, which SQLite aggregates in tens of milliseconds but
numpy in well under one. So the SQL directory answers ``candidates`` from this copy. The
database stays the source of truth: every change of the skill rows bumps the community's
``matching_index_state.version`` in the same transaction, each query reads the version first
and reloads the copy when it moved, and a copy loaded by a transaction that changed the rows
itself is used but never kept. A kept copy that is behind is patched with the rows of the
mentors changed since (``matching_mentors.index_version``), so one accept does not cost a
reload of ten thousand rows.
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
from storage.matching.index import CHANGES, DIRTY, changed_since, index_state
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


def _arrays(
    rows: Sequence[Any], skill_ids: list[str], zones: list[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Row and per-member arrays of ``_COLUMNS`` rows sorted by member; ``skill_ids`` and
    ``zones`` are extended with codes for skills and zones they do not have yet."""
    code = {skill: i for i, skill in enumerate(skill_ids)}
    for row in rows:
        if row[1] not in code:
            code[row[1]] = len(skill_ids)
            skill_ids.append(row[1])
    zone_code = {zone: i for i, zone in enumerate(zones)}
    member = np.array([row[0] for row in rows], dtype=np.int64)
    firsts = [rows[i] for i in np.unique(member, return_index=True)[1].tolist()]
    for row in firsts:
        if row[4] is not None and row[4] not in zone_code:
            zone_code[row[4]] = len(zones)
            zones.append(row[4])
    return {
        "member": member,
        "skill": np.array([code[row[1]] for row in rows], dtype=np.int64),
        "years": np.array([_float(row[2]) for row in rows], dtype=np.float64),
        "depth": np.array([float(row[3]) for row in rows], dtype=np.float64),
    }, {
        "member": np.array([row[0] for row in firsts], dtype=np.int64),
        "zone": np.array([zone_code.get(row[4], -1) for row in firsts], dtype=np.int64),
        "fallback": np.array([_float(row[5]) for row in firsts], dtype=np.float64),
        "capacity": np.array([_float(row[6]) for row in firsts], dtype=np.float64),
        "active": np.array([row[7] for row in firsts], dtype=np.float64),
        "rating_sum": np.array([row[8] for row in firsts], dtype=np.float64),
        "rating_count": np.array([row[9] for row in firsts], dtype=np.float64),
        "paused": np.array([bool(row[10]) for row in firsts], dtype=bool),
        "paused_until": np.array(
            [math.nan if row[11] is None else row[11].timestamp() for row in firsts],
            dtype=np.float64,
        ),
    }


class Snapshot:
    """The skill rows of one community at one index version, as arrays sorted by member."""

    def __init__(self, version: int, skill_ids: list[str], zones: list[str],
                 rows: dict[str, Any], people: dict[str, Any]) -> None:
        self.version = version
        self.skill_ids = skill_ids
        self.code = {skill: i for i, skill in enumerate(skill_ids)}
        self.zones = zones
        order = np.argsort(rows["member"], kind="stable")
        self.row_member: Ints = rows["member"][order]
        self.row_skill: Ints = rows["skill"][order]
        self.row_years: Floats = rows["years"][order]
        self.row_depth: Floats = rows["depth"][order]
        by_member = np.argsort(people["member"], kind="stable")
        self.members: Ints = people["member"][by_member]
        self.starts = np.searchsorted(self.row_member, self.members, side="left")
        self.ends = np.searchsorted(self.row_member, self.members, side="right")
        self.zone: Ints = people["zone"][by_member]
        self.fallback: Floats = people["fallback"][by_member]
        self.capacity: Floats = people["capacity"][by_member]
        self.active: Floats = people["active"][by_member]
        self.rating_sum: Floats = people["rating_sum"][by_member]
        self.rating_count: Floats = people["rating_count"][by_member]
        self.paused: npt.NDArray[np.bool_] = people["paused"][by_member]
        self.paused_until: Floats = people["paused_until"][by_member]

    @classmethod
    def load(cls, version: int, rows: Sequence[Any],
             skill_ids: list[str] | None = None, zones: list[str] | None = None) -> Snapshot:
        """A snapshot of these rows (``_COLUMNS``); new skills and zones extend the lists."""
        skill_ids = list(skill_ids or [])
        zones = list(zones or [])
        return cls(version, skill_ids, zones, *_arrays(rows, skill_ids, zones))

    def patched(self, version: int, changed: Sequence[int], rows: Sequence[Any]) -> Snapshot:
        """This snapshot with the changed members' rows replaced by ``rows`` (their rows now)."""
        gone = np.array(sorted(set(changed)), dtype=np.int64)
        keep_rows = ~np.isin(self.row_member, gone)
        keep_people = ~np.isin(self.members, gone)
        skill_ids, zones = list(self.skill_ids), list(self.zones)
        new_rows, new_people = _arrays(rows, skill_ids, zones)
        old_rows = {"member": self.row_member, "skill": self.row_skill,
                    "years": self.row_years, "depth": self.row_depth}
        old_people = {"member": self.members, "zone": self.zone, "fallback": self.fallback,
                      "capacity": self.capacity, "active": self.active,
                      "rating_sum": self.rating_sum, "rating_count": self.rating_count,
                      "paused": self.paused, "paused_until": self.paused_until}
        merged_rows = {k: np.concatenate([v[keep_rows], new_rows[k]]) for k, v in old_rows.items()}
        merged_people = {
            k: np.concatenate([v[keep_people], new_people[k]]) for k, v in old_people.items()
        }
        return Snapshot(version, skill_ids, zones, merged_rows, merged_people)

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
            timezone=self.zones[self.zone[i]] if self.zone[i] >= 0 else None,
            fallback_years=None if math.isnan(self.fallback[i]) else float(self.fallback[i]),
            capacity=default_capacity if math.isnan(capacity) else int(capacity),
            active_count=int(self.active[i]),
            rating_sum=int(self.rating_sum[i]),
            rating_count=int(self.rating_count[i]),
        )
        return RankedCandidate(MentorCandidate(int(self.members[i]), facts), bound)


_TRANSACTION = "matching_snapshots"  # Session.info key: snapshots read in this transaction


class SnapshotCache:
    """Snapshots per engine and community, checked against the index version on every use."""

    def __init__(self) -> None:
        self._kept: WeakKeyDictionary[object, dict[int, Snapshot]] = WeakKeyDictionary()

    async def get(self, db: SqlContext, community_id: int) -> Snapshot:
        """The community's snapshot at the version this transaction sees.

        A kept snapshot at an older version is patched with the rows of the mentors changed
        since (usually a handful); a deleted mentor row forces a full reload.
        """
        # Within one transaction a snapshot stays valid until this transaction changes the
        # index (every change counts in CHANGES); a ranking reads one consistent view.
        changes = db.session.info.get(CHANGES, 0)
        in_this_transaction: dict[int, tuple[int, Snapshot]] = db.session.info.setdefault(
            _TRANSACTION, {}
        )
        memo = in_this_transaction.get(community_id)
        if memo is not None and memo[0] == changes:
            return memo[1]
        version, reset = await index_state(db, community_id)
        snapshot = await self._load(db, community_id, version, reset)
        in_this_transaction[community_id] = (changes, snapshot)
        return snapshot

    async def _load(self, db: SqlContext, community_id: int, version: int, reset: int) -> (
        Snapshot
    ):
        bind = db.session.bind
        engine: object = getattr(bind, "sync_engine", bind)
        kept = self._kept.setdefault(engine, {}) if engine is not None else {}
        changed_here = community_id in db.session.info.get(DIRTY, ())
        found = kept.get(community_id)
        if found is not None and found.version == version and not changed_here:
            return found
        if found is not None and reset <= found.version < version:
            changed = await changed_since(db, community_id, found.version)
            rows = await _rows(db, community_id, changed)
            snapshot = found.patched(version, changed, rows)
        else:
            snapshot = Snapshot.load(version, await _rows(db, community_id, None))
        if not changed_here:
            kept[community_id] = snapshot
        return snapshot


async def _rows(db: SqlContext, community_id: int, member_ids: Sequence[int] | None) -> (
    Sequence[Any]
):
    query = select(*_COLUMNS).where(ms.c.community_id == community_id)
    if member_ids is not None:
        if not member_ids:
            return []
        query = query.where(ms.c.member_id.in_(sorted(member_ids)))
    return (await db.session.execute(query.order_by(ms.c.member_id, ms.c.skill_id))).all()


SNAPSHOTS = SnapshotCache()

