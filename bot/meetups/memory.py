"""In-memory meetups, RSVPs and deliveries for ``bot.memory``'s unit of work (same semantics as
the SQL repositories, checked by the same contract tests)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from bot.domain.community import Community, Member, Platform
from bot.domain.profile import Profile
from bot.export_records import ExportSections
from bot.meetups.domain import Contact, Meetup, MeetupStatus, Rsvp, RsvpCounts, RsvpStatus
from bot.meetups.export import export_meetups
from bot.meetups.ports import MeetupRepository, RsvpRepository
from bot.meetups.rules import storable_meetup, storable_rsvp
from bot.reminders.domain import PlannedDelivery
from bot.reminders.memory import DeliveryState, InMemoryDeliveryRepository
from bot.reminders.ports import DeliveryRepository


@dataclass(slots=True)
class MeetupState:
    """Meetups, RSVPs and deliveries in one consistent version of the store."""

    meetups: dict[int, Meetup] = field(default_factory=dict)
    rsvps: dict[tuple[int, int], Rsvp] = field(default_factory=dict)  # (meetup, member)
    deliveries: DeliveryState = field(default_factory=DeliveryState)
    last_meetup_id: int = 0

    def copy(self) -> MeetupState:
        """A snapshot (values are frozen dataclasses)."""
        return MeetupState(
            dict(self.meetups), dict(self.rsvps), self.deliveries.copy(), self.last_meetup_id
        )

    def forget_member(self, community_id: int, member_id: int) -> None:
        """Erase a member's RSVPs and deliveries; meetups they organized lose their organizer."""
        for key, rsvp in list(self.rsvps.items()):
            if rsvp.community_id == community_id and rsvp.member_id == member_id:
                del self.rsvps[key]
        self.deliveries.drop(
            lambda d: not (d.community_id == community_id and d.member_id == member_id)
        )
        for meetup in list(self.meetups.values()):
            if meetup.community_id == community_id and meetup.organizer_id == member_id:
                self.meetups[meetup.id] = replace(meetup, organizer_id=None)


class CoreState(Protocol):
    """The parts of ``bot.memory``'s state this module reads."""

    communities: dict[int, Community]
    community_ids: dict[tuple[Platform, str], int]
    members: dict[int, Member]
    profiles: dict[tuple[int, int], Profile]
    meetups: MeetupState


class MemoryHost(Protocol):
    """What the repositories need from the in-memory unit of work."""

    def read(self) -> CoreState:
        """The state this unit sees."""
        ...

    async def write(self) -> CoreState:
        """The private copy to change (takes the store's write lock)."""
        ...

    def now(self) -> datetime:
        """The clock's time in UTC."""
        ...


class InMemoryMeetupStorage:
    """``uow.meetups`` of the in-memory unit of work."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host
        self.events: MeetupRepository = InMemoryMeetupRepository(host)
        self.rsvps: RsvpRepository = InMemoryRsvpRepository(host)
        self.deliveries: DeliveryRepository = InMemoryDeliveryRepository(self)

    def deliveries_read(self) -> DeliveryState:
        """The deliveries this unit sees."""
        return self._host.read().meetups.deliveries

    async def deliveries_write(self) -> DeliveryState:
        """The deliveries to change."""
        return (await self._host.write()).meetups.deliveries

    def exists(self, planned: PlannedDelivery) -> bool:
        """Whether the delivery's meetup (and member, if any) belong to its community."""
        state = self._host.read()
        meetup = state.meetups.meetups.get(planned.meetup_id)
        if meetup is None or meetup.community_id != planned.community_id:
            return False
        return planned.member_id is None or _member(state, planned.community_id,
                                                    planned.member_id) is not None

    def now(self) -> datetime:
        """The clock's time."""
        return self._host.now()

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Meetups, RSVPs and deliveries of the community (for ``mentormeet export``)."""
        return await export_meetups(self.events, self.rsvps, self.deliveries, community_id)


class InMemoryMeetupRepository:
    """Meetups, scoped by community."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def add(self, meetup: Meetup) -> Meetup:
        """Store a new meetup and give it an id."""
        checked = storable_meetup(meetup)
        state = await self._host.write()
        if checked.community_id not in state.communities:
            raise LookupError(f"there is no community {checked.community_id}")
        if checked.organizer_id is not None and _member(
            state, checked.community_id, checked.organizer_id
        ) is None:
            raise LookupError(f"there is no member {checked.organizer_id} in that community")
        state.meetups.last_meetup_id += 1
        stored = replace(checked, id=state.meetups.last_meetup_id)
        state.meetups.meetups[stored.id] = stored
        return stored

    async def get(
        self, community_id: int, meetup_id: int, *, for_update: bool = False
    ) -> Meetup | None:
        """The meetup of that community, or None; ``for_update`` takes the write lock."""
        state = await self._host.write() if for_update else self._host.read()
        found = state.meetups.meetups.get(meetup_id)
        return found if found is not None and found.community_id == community_id else None

    async def save(self, meetup: Meetup) -> None:
        """Replace a stored meetup."""
        checked = storable_meetup(meetup)
        state = await self._host.write()
        old = state.meetups.meetups.get(checked.id)
        if old is None or old.community_id != checked.community_id:
            raise LookupError(
                f"there is no meetup {checked.id} in community {checked.community_id}"
            )
        state.meetups.meetups[checked.id] = replace(checked, created_at=old.created_at)

    async def delete(self, community_id: int, meetup_id: int) -> bool:
        """Delete a meetup with its RSVPs and deliveries."""
        if await self.get(community_id, meetup_id) is None:
            return False
        state = await self._host.write()
        del state.meetups.meetups[meetup_id]
        for key in [k for k in state.meetups.rsvps if k[0] == meetup_id]:
            del state.meetups.rsvps[key]
        state.meetups.deliveries.drop(lambda d: d.meetup_id != meetup_id)
        return True

    async def find(
        self, community_id: int, statuses: Collection[MeetupStatus]
    ) -> list[Meetup]:
        """The community's meetups in those statuses, by start time then id."""
        found = [
            m for m in self._host.read().meetups.meetups.values()
            if m.community_id == community_id and m.status in statuses
        ]
        return sorted(found, key=lambda m: (m.starts_at, m.id))

    async def community_ids(self, status: MeetupStatus) -> list[int]:
        """Communities having a meetup in ``status``."""
        meetups = self._host.read().meetups.meetups.values()
        return sorted({m.community_id for m in meetups if m.status is status})


class InMemoryRsvpRepository:
    """RSVPs, scoped by community."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def get(self, community_id: int, meetup_id: int, member_id: int) -> Rsvp | None:
        """One member's answer, or None."""
        found = self._host.read().meetups.rsvps.get((meetup_id, member_id))
        return found if found is not None and found.community_id == community_id else None

    async def put(self, rsvp: Rsvp) -> None:
        """Insert or replace a member's answer."""
        checked = storable_rsvp(rsvp)
        state = await self._host.write()
        meetup = state.meetups.meetups.get(checked.meetup_id)
        if meetup is None or meetup.community_id != checked.community_id:
            raise LookupError(f"there is no meetup {checked.meetup_id} in that community")
        if _member(state, checked.community_id, checked.member_id) is None:
            raise LookupError(f"there is no member {checked.member_id} in that community")
        state.meetups.rsvps[(checked.meetup_id, checked.member_id)] = checked

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Rsvp]:
        """All answers for a meetup, by response time then member id."""
        found = [
            r for (m, _), r in self._host.read().meetups.rsvps.items()
            if m == meetup_id and r.community_id == community_id
        ]
        return sorted(found, key=lambda r: (r.responded_at, r.member_id))

    async def counts(
        self, community_id: int, meetup_ids: Collection[int]
    ) -> dict[int, RsvpCounts]:
        """Answer counts per meetup."""
        tally: dict[int, dict[RsvpStatus, int]] = {}
        wanted = set(meetup_ids)
        for (meetup_id, _), rsvp in self._host.read().meetups.rsvps.items():
            if meetup_id in wanted and rsvp.community_id == community_id:
                per = tally.setdefault(meetup_id, {})
                per[rsvp.status] = per.get(rsvp.status, 0) + 1
        return {meetup_id: _counts(per) for meetup_id, per in tally.items()}

    async def contacts(
        self, community_id: int, member_ids: Collection[int]
    ) -> dict[int, Contact]:
        """Platform id, display name and timezone of members that still exist."""
        state = self._host.read()
        found: dict[int, Contact] = {}
        for member_id in set(member_ids):
            member = _member(state, community_id, member_id)
            if member is None:
                continue
            profile = state.profiles.get((community_id, member_id))
            zone = profile.timezone if profile is not None else None
            found[member_id] = Contact(member_id, member.external_id, member.display_name, zone)
        return found


def _counts(per: dict[RsvpStatus, int]) -> RsvpCounts:
    return RsvpCounts(
        going=per.get(RsvpStatus.GOING, 0),
        waitlisted=per.get(RsvpStatus.WAITLISTED, 0),
        maybe=per.get(RsvpStatus.MAYBE, 0),
        no=per.get(RsvpStatus.NO, 0),
    )


def _member(state: CoreState, community_id: int, member_id: int) -> Member | None:
    member = state.members.get(member_id)
    return member if member is not None and member.community_id == community_id else None
