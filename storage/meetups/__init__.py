"""SQL repositories of the meetups feature: meetups, RSVPs and reminder deliveries."""

from __future__ import annotations

from bot.export_records import ExportSections
from bot.meetups.export import export_meetups
from bot.meetups.ports import MeetupRepository, RsvpRepository
from bot.reminders.ports import DeliveryRepository
from storage.meetups.deliveries import SqlDeliveryRepository
from storage.meetups.events import SqlMeetupRepository
from storage.meetups.rsvps import SqlRsvpRepository
from storage.repositories import SqlContext

__all__ = ["SqlDeliveryRepository", "SqlMeetupRepository", "SqlMeetupStorage", "SqlRsvpRepository"]


class SqlMeetupStorage:
    """``uow.meetups`` of the SQL unit of work."""

    def __init__(self, db: SqlContext) -> None:
        self.events: MeetupRepository = SqlMeetupRepository(db)
        self.rsvps: RsvpRepository = SqlRsvpRepository(db)
        self.deliveries: DeliveryRepository = SqlDeliveryRepository(db)

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Meetups, RSVPs and deliveries of the community (for ``mentormeet export``)."""
        return await export_meetups(self.events, self.rsvps, self.deliveries, community_id)
