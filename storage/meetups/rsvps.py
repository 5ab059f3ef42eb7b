"""SQL RSVPs and the member contacts reminders need; every query is scoped by community."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, func, select

from bot.meetups.domain import Contact, Rsvp, RsvpCounts, RsvpStatus
from bot.meetups.rules import storable_rsvp
from storage.meetups.mapping import rsvp_from_row
from storage.meetups.statements import answer_counts, answers_to, meetup_exists
from storage.prepared import member_exists, replace_row
from storage.repositories import SqlContext
from storage.tables import members, profiles
from storage.tables_meetups import rsvps


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
        meetup = {"cid": checked.community_id, "meetup": checked.meetup_id}
        if (await session.execute(meetup_exists(), meetup)).first() is None:
            raise LookupError(f"there is no meetup {checked.meetup_id} in that community")
        member = {"cid": checked.community_id, "mid": checked.member_id}
        if (await session.execute(member_exists(), member)).first() is None:
            raise LookupError(f"there is no member {checked.member_id} in that community")
        values = {
            "meetup_id": checked.meetup_id,
            "attendee_id": checked.member_id,
            "community_id": checked.community_id,
            "status": RsvpStatus(checked.status).value,
            "responded_at": checked.responded_at,
        }
        replace = replace_row(self._db.dialect_insert, rsvps, ("meetup_id", "attendee_id"),
                              ("status", "responded_at"))
        await session.execute(replace, values)

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Rsvp]:
        """All answers for a meetup, by response time then member id."""
        values = {"cid": community_id, "meetup": meetup_id}
        found = await self._db.session.execute(answers_to(), values)
        return [rsvp_from_row(r) for r in found.mappings()]

    async def counts(
        self, community_id: int, meetup_ids: Collection[int]
    ) -> dict[int, RsvpCounts]:
        """Answer counts per meetup (meetups without answers are left out)."""
        if not meetup_ids:
            return {}
        values = {"cid": community_id, "ids": list(meetup_ids)}
        tally: dict[int, dict[str, int]] = {}
        for meetup_id, status, count in await self._db.session.execute(answer_counts(), values):
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
