"""SQL implementations of the repository ports; every query is scoped by community."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Executable, Table, delete, func, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.community import Community, Member, Platform
from bot.domain.profile import Profile
from bot.export_records import ExportSections, member_record, profile_record
from bot.storage_rules import external_id_of, storable_profile, storable_text
from storage.community_cache import CommunityCache
from storage.mapping import (
    community_from_row,
    member_from_row,
    profile_from_rows,
    profile_values,
    removal_values,
    skill_values,
)
from storage.member_erasure import erase_member_rows
from storage.prepared import (
    UpsertInsert,
    delete_of_member,
    insert_rows,
    key_parameters,
    member_exists,
    replace_row,
    row_by_key,
    rows_of_community,
    rows_of_member,
)
from storage.tables import (
    communities,
    members,
    profile_skill_removals,
    profile_skills,
    profiles,
)


class SqlContext(Protocol):
    """What the repositories need from their unit of work."""

    @property
    def session(self) -> AsyncSession:
        """The unit of work's session."""
        ...

    @property
    def dialect_insert(self) -> Callable[[Table], UpsertInsert]:
        """The dialect's INSERT constructor (a stable module function, usable as a cache key)."""
        ...

    def upsert(self, table: Table) -> UpsertInsert:
        """An INSERT that supports ON CONFLICT for the engine's dialect."""
        ...

    def now(self) -> datetime:
        """The current time, aware UTC."""
        ...


class SqlCommunityRepository:
    """Communities by platform and external id."""

    def __init__(
        self, db: SqlContext, cache: CommunityCache | None = None,
        seen: Callable[[Community], None] | None = None,
    ) -> None:
        self._db = db
        self._cache = cache
        self._seen = seen

    async def get_or_create(self, platform: Platform, external_id: str, name: str) -> Community:
        """Return the community, creating it on first sight (a changed name is refreshed)."""
        key = {
            "platform": Platform(platform).value,
            "external_id": external_id_of(external_id, "community external id"),
        }
        refresh = {"name": storable_text(name, "community name")}
        if self._cache is not None:
            cached = self._cache.get(platform, key["external_id"], refresh["name"])
            if cached is not None:
                return cached
        community = community_from_row(
            await _get_or_create(self._db, communities, key, refresh)
        )
        if self._seen is not None:
            self._seen(community)
        return community

    async def get(self, community_id: int) -> Community | None:
        """Return the community or None."""
        row = await _first(self._db, select(communities).where(communities.c.id == community_id))
        return None if row is None else community_from_row(row)

    async def find(self, platform: Platform, external_id: str) -> Community | None:
        """Return the community with that platform id, or None."""
        query = select(communities).where(
            communities.c.platform == Platform(platform).value,
            communities.c.external_id == external_id,
        )
        row = await _first(self._db, query)
        return None if row is None else community_from_row(row)


class SqlMemberRepository:
    """Members, always scoped to one community."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def get_or_create(self, community_id: int, external_id: str, display_name: str) -> Member:
        """Return the member, creating it on first sight (display name is refreshed)."""
        key = {
            "community_id": community_id,
            "external_id": external_id_of(external_id, "member external id"),
        }
        refresh = {"display_name": storable_text(display_name, "display name")}

        async def community_must_exist() -> None:
            query = select(communities.c.id).where(communities.c.id == community_id)
            if await _first(self._db, query) is None:
                raise LookupError(f"there is no community {community_id}")

        row = await _get_or_create(self._db, members, key, refresh, community_must_exist)
        return member_from_row(row)

    async def get(self, community_id: int, member_id: int) -> Member | None:
        """Return the member of that community or None."""
        row = await _first(self._db, select(members).where(*_member(community_id, member_id)))
        return None if row is None else member_from_row(row)

    async def find(self, community_id: int, external_id: str) -> Member | None:
        """Return the member with that platform id in that community, or None."""
        query = select(members).where(
            members.c.community_id == community_id, members.c.external_id == external_id
        )
        row = await _first(self._db, query)
        return None if row is None else member_from_row(row)

    async def delete(self, community_id: int, member_id: int) -> bool:
        """Delete the member and every row about them in that community (see
        ``storage.member_erasure``), first freeing the mentor slots they held as a mentee."""
        from storage.matching import release_deleted_member  # it imports this module

        await release_deleted_member(self._db, community_id, member_id)
        await erase_member_rows(self._db.session, community_id, member_id)
        gone = delete(members).where(*_member(community_id, member_id)).returning(members.c.id)
        return await _first(self._db, gone) is not None

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Every member of the community, by id."""
        query = select(members).where(members.c.community_id == community_id).order_by(members.c.id)
        rows = await _all(self._db, query)
        return {"members": [member_record(member_from_row(row)) for row in rows]}


class SqlProfileRepository:
    """Skill profiles, one per member; skill claims and removals are rows of their own."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def get(self, community_id: int, member_id: int) -> Profile | None:
        """Return the member's profile or None."""
        found = await self._load(community_id, member_id)
        return found[0] if found else None

    async def timezone_of(self, community_id: int, member_id: int) -> str | None:
        """The profile's zone name (explicit edit, else parsed), from one narrow query."""
        query = select(
            func.coalesce(func.nullif(profiles.c.edit_timezone, ""), profiles.c.timezone)
        ).where(
            profiles.c.community_id == community_id, profiles.c.member_id == member_id
        )
        zone: str | None = (await self._db.session.execute(query)).scalar()
        return zone

    async def save(self, profile: Profile) -> None:
        """Insert or replace the profile and replace its skill rows, in this unit of work."""
        checked = storable_profile(profile)
        cid, mid = checked.community_id, checked.member_id
        session, member = self._db.session, {"cid": cid, "mid": mid}
        if (await session.execute(member_exists(), member)).first() is None:
            raise LookupError(f"there is no member {mid} in community {cid}")
        values = profile_values(checked)
        key = ("community_id", "member_id")
        replace = replace_row(self._db.dialect_insert, profiles, key, tuple(values))
        await session.execute(replace, values)
        for table, rows in (
            (profile_skills, skill_values(checked)),
            (profile_skill_removals, removal_values(checked)),
        ):
            await session.execute(delete_of_member(table), member)
            if rows:
                await session.execute(insert_rows(table), rows)

    async def list_for_community(self, community_id: int) -> list[Profile]:
        """All profiles of a community, ordered by member id."""
        return await self._load(community_id)

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Every profile of the community with its skills, by member id."""
        profiles = await self._load(community_id)
        return {"profiles": [profile_record(profile) for profile in profiles]}

    async def _load(self, community_id: int, member_id: int | None = None) -> list[Profile]:
        """The community's profiles (or just one member's), with their skills and removals."""

        chosen = rows_of_community if member_id is None else rows_of_member
        values = {"cid": community_id, "mid": member_id}

        async def rows_of(table: Table) -> Sequence[RowMapping]:
            return (await self._db.session.execute(chosen(table), values)).mappings().all()

        rows = await rows_of(profiles)
        if not rows:
            return []
        skills: defaultdict[int, list[RowMapping]] = defaultdict(list)
        for skill in await rows_of(profile_skills):
            skills[skill["member_id"]].append(skill)
        removed: defaultdict[int, list[str]] = defaultdict(list)
        for removal in await rows_of(profile_skill_removals):
            removed[removal["member_id"]].append(removal["skill_id"])
        return [
            profile_from_rows(row, skills[row["member_id"]], removed[row["member_id"]])
            for row in rows
        ]


def _member(community_id: int, member_id: int) -> tuple[ColumnElement[bool], ...]:
    return members.c.community_id == community_id, members.c.id == member_id


async def _first(db: SqlContext, statement: Executable) -> RowMapping | None:
    return (await db.session.execute(statement)).mappings().first()


async def _all(db: SqlContext, statement: Executable) -> Sequence[RowMapping]:
    return (await db.session.execute(statement)).mappings().all()


async def _get_or_create(
    db: SqlContext,
    table: Table,
    key: Mapping[str, Any],
    refresh: Mapping[str, Any],
    before_insert: Callable[[], Awaitable[None]] | None = None,
) -> RowMapping:
    """The row with natural ``key``, inserted if missing; ``refresh`` columns kept up to date.

    Race-safe: a concurrent unit of work inserting the same key makes our INSERT do nothing
    (PostgreSQL waits for it to commit), and the row is then read back. Reads come first, so the
    common case (row exists, nothing changed) writes nothing and takes no row lock.
    """
    by_key = row_by_key(table, tuple(key))
    parameters = key_parameters(dict(key))
    row = (await db.session.execute(by_key, parameters)).mappings().first()
    if row is None:
        if before_insert is not None:
            await before_insert()
        created = (
            db.upsert(table)
            .values({**key, **refresh, "created_at": db.now()})
            .on_conflict_do_nothing(index_elements=list(key))
            .returning(*table.c)
        )
        row = await _first(db, created)
        if row is None:
            row = (await db.session.execute(by_key, parameters)).mappings().first()
        if row is None:
            raise RuntimeError(f"{table.name} {dict(key)} was deleted while being created")
    stale = {name: value for name, value in refresh.items() if row[name] != value}
    if stale:
        refreshed = update(table).where(table.c.id == row["id"]).values(stale).returning(*table.c)
        row = await _first(db, refreshed)
        if row is None:
            raise RuntimeError(f"{table.name} {dict(key)} was deleted while being refreshed")
    return row
