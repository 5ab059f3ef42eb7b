"""SQL RSVPs and the member contacts reminders need; every query is scoped by community."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, func, select

from bot.meetups.domain import Contact, Rsvp, RsvpCounts, RsvpStatus
from bot.meetups.rules import storable_rsvp
from storage.meetups.mapping import rsvp_from_row
from storage.repositories import SqlContext
from storage.tables import members, profiles
from storage.tables_meetups import meetups, rsvps


class SqlRsvpRepository:
    """RSVPs in SQL."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def get(self, community_id: int, meetup_id: int, member_id: int) -> Rsvp | None:
        """One member's answer, or None."""
        query = select(rsvps).where(
            rsvps.c.community_id == community_id,
            rsvps.c.meetup_id == meetup_id,
            rsvps.c.attendee_id == member_id,
        )
        row = (await self._db.session.execute(query)).mappings().first()
        return None if row is None else rsvp_from_row(row)

    async def put(self, rsvp: Rsvp) -> None:
        """Insert or replace a member's answer (meetup and member must exist)."""
        checked = storable_rsvp(rsvp)
        session = self._db.session
        meetup = await session.execute(
            select(meetups.c.id).where(meetups.c.community_id == checked.community_id,
                                       meetups.c.id == checked.meetup_id)
        )
        if meetup.first() is None:
            raise LookupError(f"there is no meetup {checked.meetup_id} in that community")
        member = await session.execute(
            select(members.c.id).where(members.c.community_id == checked.community_id,
                                       members.c.id == checked.member_id)
        )
        if member.first() is None:
            raise LookupError(f"there is no member {checked.member_id} in that community")
        values = {
            "meetup_id": checked.meetup_id,
            "attendee_id": checked.member_id,
            "community_id": checked.community_id,
            "status": RsvpStatus(checked.status).value,
            "responded_at": checked.responded_at,
        }
        upsert = self._db.upsert(rsvps).values(values)
        await session.execute(
            upsert.on_conflict_do_update(
                index_elements=["meetup_id", "attendee_id"],
                set_={"status": upsert.excluded.status,
                      "responded_at": upsert.excluded.responded_at},
            )
        )

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Rsvp]:
        """All answers for a meetup, by response time then member id."""
        query = (
            select(rsvps)
            .where(rsvps.c.community_id == community_id, rsvps.c.meetup_id == meetup_id)
            .order_by(rsvps.c.responded_at, rsvps.c.attendee_id)
        )
        return [rsvp_from_row(r) for r in (await self._db.session.execute(query)).mappings()]

    async def counts(
        self, community_id: int, meetup_ids: Collection[int]
    ) -> dict[int, RsvpCounts]:
        """Answer counts per meetup (meetups without answers are left out)."""
        if not meetup_ids:
            return {}
        query = (
            select(rsvps.c.meetup_id, rsvps.c.status, func.count())
            .where(rsvps.c.community_id == community_id, rsvps.c.meetup_id.in_(list(meetup_ids)))
            .group_by(rsvps.c.meetup_id, rsvps.c.status)
        )
        tally: dict[int, dict[str, int]] = {}
        for meetup_id, status, count in await self._db.session.execute(query):
            tally.setdefault(meetup_id, {})[status] = count
        return {
            meetup_id: RsvpCounts(
                going=per.get("going", 0), waitlisted=per.get("waitlisted", 0),
                maybe=per.get("maybe", 0), no=per.get("no", 0),
            )
            for meetup_id, per in tally.items()
        }

    async def contacts(
        self, community_id: int, member_ids: Collection[int]
    ) -> dict[int, Contact]:
        """Platform id, display name and timezone (explicit edit, else parsed) of members."""
        wanted = sorted(set(member_ids))
        found: dict[int, Contact] = {}
        for start in range(0, len(wanted), 1000):
            chunk = wanted[start:start + 1000]
            query = (
                select(
                    members.c.id, members.c.external_id, members.c.display_name,
                    func.coalesce(profiles.c.edit_timezone, profiles.c.timezone),
                )
                .select_from(
                    members.outerjoin(
                        profiles,
                        and_(profiles.c.community_id == members.c.community_id,
                             profiles.c.member_id == members.c.id),
                    )
                )
                .where(members.c.community_id == community_id, members.c.id.in_(chunk))
            )
            for member_id, external_id, name, zone in await self._db.session.execute(query):
                found[member_id] = Contact(member_id, external_id, name, zone)
        return found
