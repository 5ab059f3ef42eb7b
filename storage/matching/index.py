"""The mentor index: ``matching_mentors``' profile snapshot and ``matching_mentor_skills``.

Profiles are written by other use cases (``/intro``, ``/profile edit``), so the index catches up
by itself before it is read: profiles whose ``updated_at`` differs from the stamp the index took
(``profile_updated_at``) are re-read. Only profiles saved since ``rescan_from`` (when a recent
sync started, minus a margin for transactions that read the clock long before they committed)
are compared, a range of ``ix_matching_profiles_updated``; a community's first sync compares all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import and_, delete, func, literal, or_, select, update
from sqlalchemy.engine import RowMapping

from bot.domain.profile import Profile
from bot.matching.facts import fallback_years, teachable_skills
from bot.matching.scoring import depth_ceiling
from storage.mapping import profile_from_rows
from storage.matching.rows import all_rows
from storage.prepared import replace_row
from storage.repositories import SqlContext
from storage.tables import profile_skill_removals, profile_skills, profiles
from storage.tables_matching import (
    matching_index_state,
    matching_mentor_skills,
    matching_mentors,
)
from storage.types import UTCDateTime

# Profiles saved by a transaction that started this long before another's commit are still seen.
SYNC_MARGIN = timedelta(minutes=10)
# The stored sync time moves on at most this often, so most reads write nothing (an older time
# only makes the next comparison window a little wider).
ADVANCE_EVERY = timedelta(minutes=1)
_CHUNK = 500
_EPOCH = literal(datetime(1970, 1, 1, tzinfo=UTC), UTCDateTime())
# engine -> community -> when this process last moved the community's rescan point
_ADVANCED: WeakKeyDictionary[object, dict[int, datetime]] = WeakKeyDictionary()
# PostgreSQL advisory lock space (with the community id) held by the transaction syncing the index
PG_SYNC_LOCK = 0x6D6D6978

_SNAPSHOT = ("offering", "capacity", "timezone", "fallback_years", "profile_updated_at")
# mentor columns copied onto each of their skill rows (see storage.tables_matching)
_COPIED_SNAPSHOT = ("timezone", "fallback_years", "capacity")
_COPIED_STATE = ("active_count", "rating_sum", "rating_count", "paused", "paused_until")


def new_mentor_row(community_id: int, member_id: int) -> dict[str, Any]:
    """A ``matching_mentors`` row for a member matching knows nothing about yet."""
    return {
        "community_id": community_id, "member_id": member_id, "offering": False,
        "capacity": None, "timezone": None, "fallback_years": None, "profile_updated_at": None,
        "topics": [], "paused": False, "paused_until": None, "ignored_streak": 0,
        "active_count": 0, "rating_sum": 0, "rating_count": 0, "index_version": 0,
    }


class MentorIndex:
    """Brings the index up to date with profiles, at most once per unit of work and community."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db
        self._fresh: set[int] = set()
        self._skipped: set[int] = set()

    async def ensure_fresh(self, community_id: int, *, deciding: bool = False) -> None:
        """Sync the community's index unless this unit of work already did.

        On PostgreSQL the sync lock is held to the end of the syncing transaction, which may be
        a whole /match round. A ranking (``deciding=False``) then reads the last committed index
        rather than queue behind it; a decision (a request to one mentor, a round's input)
        waits for the lock and syncs, so it never acts on a profile change it cannot see.
        """
        if community_id in self._fresh or (not deciding and community_id in self._skipped):
            return
        if await self._may_sync(community_id, wait=deciding):
            await self.sync(community_id)
            self._fresh.add(community_id)
        else:
            self._skipped.add(community_id)

    async def _may_sync(self, community_id: int, *, wait: bool) -> bool:
        session = self._db.session
        if session.bind is None or session.bind.dialect.name != "postgresql":
            return True  # SQLite runs one unit of work at a time
        if wait:
            await session.execute(select(func.pg_advisory_xact_lock(PG_SYNC_LOCK, community_id)))
            return True
        claimed = await session.execute(
            select(func.pg_try_advisory_xact_lock(PG_SYNC_LOCK, community_id))
        )
        return bool(claimed.scalar())

    async def sync(self, community_id: int, *, full: bool = False) -> list[int]:
        """Re-read every profile whose index entry is stale; returns their member ids."""
        p, m, state = profiles, matching_mentors, matching_index_state
        started = self._db.now()
        offer = func.coalesce(p.c.edit_mentoring_offer, p.c.mentoring_offer)
        query = (
            select(p.c.member_id)
            .select_from(p.outerjoin(m, and_(
                m.c.community_id == p.c.community_id, m.c.member_id == p.c.member_id
            )))
            .where(p.c.community_id == community_id)
            .where(or_(offer.is_(True), m.c.member_id.is_not(None)))
            .where(or_(
                m.c.member_id.is_(None), m.c.profile_updated_at.is_(None),
                m.c.profile_updated_at != p.c.updated_at,
            ))
        )
        if not full:
            rescan_from = (
                select(state.c.rescan_from).where(state.c.community_id == community_id)
                .scalar_subquery()
            )
            # COALESCE (not "IS NULL OR"): keeps the range usable on the index
            query = query.where(p.c.updated_at >= func.coalesce(rescan_from, _EPOCH))
        stale = [row["member_id"] for row in await all_rows(self._db, query)]
        if stale:
            await self.reindex(community_id, stale)
        await self._advance(community_id, started)
        return stale

    async def reindex(self, community_id: int, member_ids: Iterable[int]) -> None:
        """Rewrite the snapshot and skill rows of these members from their profiles."""
        ids = sorted(set(member_ids))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            loaded = await load_profiles(self._db, community_id, chunk)
            states = await self._states(community_id, chunk)
            rows, skills = [], []
            for member_id in chunk:
                profile = loaded.get(member_id)
                row = _snapshot(community_id, member_id, profile)
                rows.append(row)
                if profile is not None and profile.mentoring_offer is True:
                    state = states.get(member_id, row)
                    copied = {name: row[name] for name in _COPIED_SNAPSHOT} | {
                        name: state[name] for name in _COPIED_STATE
                    }
                    teach = teachable_skills(profile, state["topics"])
                    skills += [
                        {"community_id": community_id, "skill_id": skill,
                         "member_id": member_id, "years": years,
                         "depth_part": depth_ceiling(years, row["fallback_years"])} | copied
                        for skill, years in teach.items()
                    ]
            replace = replace_row(self._db.dialect_insert, matching_mentors,
                                  ("community_id", "member_id"), tuple(_SNAPSHOT))
            await self._db.session.execute(replace, rows)
            await self._db.session.execute(
                delete(matching_mentor_skills).where(
                    matching_mentor_skills.c.community_id == community_id,
                    matching_mentor_skills.c.member_id.in_(chunk),
                )
            )
            if skills:
                await self._db.session.execute(
                    self._db.upsert(matching_mentor_skills).on_conflict_do_nothing(), skills
                )
        if ids:
            await bump_version(self._db, community_id, ids)

    async def _states(self, community_id: int, member_ids: Sequence[int]) -> dict[int, Any]:
        columns = [matching_mentors.c[name] for name in ("member_id", "topics", *_COPIED_STATE)]
        query = select(*columns).where(
            matching_mentors.c.community_id == community_id,
            matching_mentors.c.member_id.in_(member_ids),
        )
        return {row["member_id"]: row for row in await all_rows(self._db, query)}

    async def _advance(self, community_id: int, started: datetime) -> None:
        """Record that profiles saved before ``started`` minus the margin are indexed.

        Done at most once a minute per community and process, so most reads write nothing;
        skipping it only widens the next comparison window.
        """
        engine = self._db.session.bind
        done = _ADVANCED.setdefault(engine, {}) if engine is not None else {}
        previous = done.get(community_id)
        if previous is not None and timedelta(0) <= started - previous < ADVANCE_EVERY:
            return
        rescan_from = started - SYNC_MARGIN
        upsert = self._db.upsert(matching_index_state).values(
            community_id=community_id, rescan_from=rescan_from, version=0, reset_version=0
        )
        await self._db.session.execute(upsert.on_conflict_do_update(
            index_elements=["community_id"], set_={"rescan_from": rescan_from}
        ))
        done[community_id] = started


def _snapshot(community_id: int, member_id: int, profile: Profile | None) -> dict[str, Any]:
    row = new_mentor_row(community_id, member_id)
    if profile is not None:
        row.update(
            offering=profile.mentoring_offer is True,
            capacity=profile.mentor_capacity,
            timezone=profile.timezone,
            fallback_years=fallback_years(profile),
            profile_updated_at=profile.updated_at,
        )
    return row


async def load_profiles(
    db: SqlContext, community_id: int, member_ids: Sequence[int]
) -> dict[int, Profile]:
    """The profiles of these members (missing ones are left out)."""
    def scoped(table: Any) -> list[Any]:
        return [table.c.community_id == community_id, table.c.member_id.in_(member_ids)]

    found = await all_rows(db, select(profiles).where(*scoped(profiles)))
    skills: defaultdict[int, list[RowMapping]] = defaultdict(list)
    for row in await all_rows(db, select(profile_skills).where(*scoped(profile_skills))):
        skills[row["member_id"]].append(row)
    removed: defaultdict[int, list[str]] = defaultdict(list)
    for row in await all_rows(
        db, select(profile_skill_removals).where(*scoped(profile_skill_removals))
    ):
        removed[row["member_id"]].append(row["skill_id"])
    return {
        row["member_id"]: profile_from_rows(row, skills[row["member_id"]],
                                            removed[row["member_id"]])
        for row in found
    }


async def copy_state_to_skills(db: SqlContext, community_id: int, member_id: int) -> None:
    """Rewrite the mentor's copied state (counters, pause) on their skill rows from the mentor
    row; the profile-derived copies change only through ``reindex``."""
    mm, ms = matching_mentors, matching_mentor_skills

    def source(name: str) -> Any:
        return select(mm.c[name]).where(
            mm.c.community_id == community_id, mm.c.member_id == member_id
        ).scalar_subquery()

    await db.session.execute(
        update(ms)
        .where(ms.c.community_id == community_id, ms.c.member_id == member_id)
        .values({name: source(name) for name in _COPIED_STATE})
    )
    await bump_version(db, community_id, [member_id])


DIRTY = "matching_index_changed"  # Session.info key: communities this transaction changed
CHANGES = "matching_index_changes"  # Session.info key: index changes made in this transaction


async def bump_version(
    db: SqlContext, community_id: int, member_ids: Sequence[int] = (), *, reset: bool = False
) -> int:
    """Count a change of the community's mentor skill rows (in this transaction): the changed
    mentors are stamped with the new version, or ``reset`` says a snapshot must reload."""
    state = matching_index_state
    changes: dict[str, Any] = {"version": state.c.version + 1}
    if reset:
        changes["reset_version"] = state.c.version + 1
    upsert = db.upsert(state).values(
        community_id=community_id, rescan_from=None, version=1, reset_version=1 if reset else 0
    )
    row = (await db.session.execute(
        upsert.on_conflict_do_update(index_elements=["community_id"], set_=changes)
        .returning(state.c.version)
    )).first()
    version = int(row[0]) if row is not None else 0
    if member_ids:
        await db.session.execute(
            update(matching_mentors)
            .where(matching_mentors.c.community_id == community_id,
                   matching_mentors.c.member_id.in_(sorted(set(member_ids))))
            .values(index_version=version)
        )
    db.session.info.setdefault(DIRTY, set()).add(community_id)
    db.session.info[CHANGES] = db.session.info.get(CHANGES, 0) + 1
    return version


async def index_state(db: SqlContext, community_id: int) -> tuple[int, int]:
    """The community's (index version, reset version); (0, 0) before any change."""
    state = matching_index_state
    row = (await db.session.execute(
        select(state.c.version, state.c.reset_version).where(state.c.community_id == community_id)
    )).first()
    return (0, 0) if row is None else (int(row[0]), int(row[1]))


async def changed_since(db: SqlContext, community_id: int, version: int) -> list[int]:
    """Mentors whose skill rows changed after ``version``."""
    mm = matching_mentors
    rows = (await db.session.execute(
        select(mm.c.member_id).where(mm.c.community_id == community_id,
                                     mm.c.index_version > version)
    )).all()
    return [int(row[0]) for row in rows]
