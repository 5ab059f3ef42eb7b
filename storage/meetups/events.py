"""SQL meetups with their skipped and moved sessions; every query is scoped by community."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import RowMapping

from bot.meetups.domain import Meetup, MeetupStatus
from bot.meetups.rules import storable_meetup
from storage.meetups.mapping import exception_values, meetup_from_rows, meetup_values
from storage.meetups.statements import exceptions_of, meetup_by_id
from storage.repositories import SqlContext
from storage.tables import communities, members
from storage.tables_meetups import deliveries, meetup_exceptions, meetups, rsvps


class SqlMeetupRepository:
    """Meetups in SQL."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def add(self, meetup: Meetup) -> Meetup:
        """Store a new meetup; returns it with its id."""
        checked = storable_meetup(meetup)
        await self._require_owner_rows(checked)
        values = meetup_values(checked)
        result = await self._db.session.execute(
            insert(meetups).values(values).returning(meetups.c.id)
        )
        stored = Meetup(**{**_fields(checked), "id": result.scalar_one()})
        await self._write_exceptions(stored)
        return stored

    async def get(
        self, community_id: int, meetup_id: int, *, for_update: bool = False
    ) -> Meetup | None:
        """The meetup of that community, or None; ``for_update`` row-locks it (PostgreSQL)."""
        values = {"cid": community_id, "meetup": meetup_id}
        row = (await self._db.session.execute(meetup_by_id(for_update), values)).mappings().first()
        if row is None:
            return None
        return (await self._with_exceptions([row]))[0]

    async def save(self, meetup: Meetup) -> None:
        """Replace a stored meetup's fields, skips and moves."""
        checked = storable_meetup(meetup)
        values = meetup_values(checked)
        del values["created_at"]
        result = await self._db.session.execute(
            update(meetups)
            .where(meetups.c.community_id == checked.community_id, meetups.c.id == checked.id)
            .values(values)
            .returning(meetups.c.id)
        )
        if result.first() is None:
            raise LookupError(
                f"there is no meetup {checked.id} in community {checked.community_id}"
            )
        await self._db.session.execute(
            delete(meetup_exceptions).where(meetup_exceptions.c.meetup_id == checked.id)
        )
        await self._write_exceptions(checked)

    async def delete(self, community_id: int, meetup_id: int) -> bool:
        """Delete a meetup with its sessions, RSVPs and deliveries."""
        scoped = (community_id, meetup_id)
        for table in (deliveries, rsvps, meetup_exceptions):
            await self._db.session.execute(
                delete(table).where(table.c.community_id == scoped[0],
                                    table.c.meetup_id == scoped[1])
            )
        gone = await self._db.session.execute(
            delete(meetups).where(meetups.c.community_id == community_id, meetups.c.id == meetup_id)
            .returning(meetups.c.id)
        )
        return gone.first() is not None

    async def find(
        self, community_id: int, statuses: Collection[MeetupStatus]
    ) -> list[Meetup]:
        """The community's meetups in those statuses, by start time then id."""
        query = (
            select(meetups)
            .where(meetups.c.community_id == community_id,
                   meetups.c.status.in_([MeetupStatus(s).value for s in statuses]))
            .order_by(meetups.c.starts_at, meetups.c.id)
        )
        rows = (await self._db.session.execute(query)).mappings().all()
        return await self._with_exceptions(rows)

    async def community_ids(self, status: MeetupStatus) -> list[int]:
        """Communities having a meetup in ``status``."""
        query = (
            select(meetups.c.community_id).distinct()
            .where(meetups.c.status == MeetupStatus(status).value)
            .order_by(meetups.c.community_id)
        )
        return list((await self._db.session.execute(query)).scalars().all())

    async def _with_exceptions(self, rows: Sequence[RowMapping]) -> list[Meetup]:
        if not rows:
            return []
        values = {"cid": rows[0]["community_id"], "ids": [r["id"] for r in rows]}
        by_meetup: defaultdict[int, list[RowMapping]] = defaultdict(list)
        for exception in (await self._db.session.execute(exceptions_of(), values)).mappings():
            by_meetup[exception["meetup_id"]].append(exception)
        return [meetup_from_rows(row, by_meetup[row["id"]]) for row in rows]

    async def _write_exceptions(self, meetup: Meetup) -> None:
        rows = exception_values(meetup)
        if rows:
            await self._db.session.execute(insert(meetup_exceptions), rows)

    async def _require_owner_rows(self, meetup: Meetup) -> None:
        found = await self._db.session.execute(
            select(communities.c.id).where(communities.c.id == meetup.community_id)
        )
        if found.first() is None:
            raise LookupError(f"there is no community {meetup.community_id}")
        if meetup.organizer_id is None:
            return
        found = await self._db.session.execute(
            select(members.c.id).where(members.c.community_id == meetup.community_id,
                                       members.c.id == meetup.organizer_id)
        )
        if found.first() is None:
            raise LookupError(f"there is no member {meetup.organizer_id} in that community")


def _fields(meetup: Meetup) -> dict[str, object]:
    return {name: getattr(meetup, name) for name in Meetup.__dataclass_fields__}
