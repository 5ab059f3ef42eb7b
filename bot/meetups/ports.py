"""Storage ports of the meetups feature, and the optional message-editing capability."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol, runtime_checkable

from bot.export_records import ExportSections
from bot.meetups.domain import Contact, Meetup, MeetupStatus, Rsvp, RsvpCounts
from bot.outbox import Recipient, SendResult
from bot.reminders.ports import DeliveryRepository
from bot.replies import Reply


class MeetupRepository(Protocol):
    """Meetups (and their skipped or moved sessions), scoped by community."""

    async def add(self, meetup: Meetup) -> Meetup:
        """Store a new meetup; returns it with its id."""
        ...

    async def get(
        self, community_id: int, meetup_id: int, *, for_update: bool = False
    ) -> Meetup | None:
        """The meetup of that community, or None; ``for_update`` locks it for this unit."""
        ...

    async def save(self, meetup: Meetup) -> None:
        """Replace a stored meetup's fields, skips and moves."""
        ...

    async def delete(self, community_id: int, meetup_id: int) -> bool:
        """Delete a meetup with its RSVPs and deliveries; False if there was none."""
        ...

    async def find(
        self, community_id: int, statuses: Collection[MeetupStatus]
    ) -> list[Meetup]:
        """The community's meetups in those statuses, by start time then id."""
        ...

    async def community_ids(self, status: MeetupStatus) -> list[int]:
        """Communities having a meetup in ``status`` (for the housekeeping sweep)."""
        ...


class RsvpRepository(Protocol):
    """RSVPs, and the member details reminders need, scoped by community."""

    async def get(self, community_id: int, meetup_id: int, member_id: int) -> Rsvp | None:
        """One member's answer, or None."""
        ...

    async def put(self, rsvp: Rsvp) -> None:
        """Insert or replace a member's answer (meetup and member must exist)."""
        ...

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Rsvp]:
        """All answers for a meetup, by response time then member id."""
        ...

    async def counts(
        self, community_id: int, meetup_ids: Collection[int]
    ) -> dict[int, RsvpCounts]:
        """Answer counts per meetup (meetups without answers are left out)."""
        ...

    async def contacts(
        self, community_id: int, member_ids: Collection[int]
    ) -> dict[int, Contact]:
        """Platform id, display name and timezone of members that still exist."""
        ...


class MeetupStorage(Protocol):
    """The meetups feature's repositories inside one unit of work."""

    events: MeetupRepository
    rsvps: RsvpRepository
    deliveries: DeliveryRepository

    async def export_for_community(self, community_id: int) -> ExportSections:
        """``meetups``, ``rsvps`` and ``deliveries`` of the community (see bot/export.py)."""
        ...


@runtime_checkable
class MessageEditor(Protocol):
    """Optional messenger capability: edit a message posted earlier (e.g. a card's counts)."""

    async def edit(
        self, recipient: Recipient, platform_message_id: str, reply: Reply
    ) -> SendResult:
        """Replace the message's content; never raises for delivery problems."""
        ...

