"""Writes the reminder and notice messages for claimed deliveries (the dispatcher's Composer).

Messages are written at send time from the meetup's current state and each member's current
timezone, so a reminder sent late says how long is really left.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.domain.community import Community
from bot.meetups.config import MeetupConfig
from bot.meetups.domain import Contact, Meetup, MeetupStatus, RsvpCounts
from bot.meetups.notices import notice_reply
from bot.meetups.planning import fallback_plan
from bot.meetups.service import zone_or_utc
from bot.meetups.views import counts_text, reminder_text, rsvp_buttons, safe
from bot.outbox import Outgoing, Recipient
from bot.ports import UnitOfWork, UnitOfWorkFactory
from bot.reminders.domain import Delivery, DeliveryKind, PlannedDelivery
from bot.replies import Button, Reply, Visibility


class MeetupComposer:
    """Reminder and notice messages for deliveries of any community."""

    def __init__(self, uow: UnitOfWorkFactory, config: MeetupConfig, clock: Clock) -> None:
        self._uow = uow
        self._config = config
        self._clock = clock
        self._communities: dict[int, Community] = {}
        self._channels: dict[int, str] = {}

    async def compose(self, deliveries: Sequence[Delivery]) -> Mapping[int, Outgoing | str]:
        """A message per delivery, or why it can no longer be sent."""
        now = self._clock.now()
        by_community: defaultdict[int, list[Delivery]] = defaultdict(list)
        for delivery in deliveries:
            by_community[delivery.community_id].append(delivery)
        messages: dict[int, Outgoing | str] = {}
        async with self._uow() as uow:
            for community_id, items in by_community.items():
                messages.update(await self._compose_community(uow, community_id, items, now))
        return messages

    async def fallback(self, delivery: Delivery, now: datetime) -> PlannedDelivery | None:
        """A channel post mentioning the member whose DM failed for good, if allowed."""
        community = self._communities.get(delivery.community_id)
        if community is None:
            return None
        policy = self._config.policy(community.external_id)
        channel = self._channels.get(delivery.meetup_id, policy.channel)
        return fallback_plan(delivery, policy, channel, now)

    async def _compose_community(
        self, uow: UnitOfWork, community_id: int, items: list[Delivery], now: datetime
    ) -> dict[int, Outgoing | str]:
        community = self._communities.get(community_id) or await uow.communities.get(community_id)
        if community is None:
            return {d.id: "the community no longer exists" for d in items}
        self._communities[community_id] = community
        policy = self._config.policy(community.external_id)
        meetups: dict[int, Meetup] = {}
        for meetup_id in sorted({d.meetup_id for d in items}):
            found = await uow.meetups.events.get(community_id, meetup_id)
            if found is not None:
                meetups[meetup_id] = found
                self._channels[meetup_id] = found.channel or policy.channel
        members = {d.member_id for d in items if d.member_id is not None}
        contacts = await uow.meetups.rsvps.contacts(community_id, members) if members else {}
        posts = {d.meetup_id for d in items if d.channel is not None}
        counts = await uow.meetups.rsvps.counts(community_id, posts) if posts else {}
        return {
            d.id: self._message(d, community, meetups.get(d.meetup_id), contacts,
                                counts.get(d.meetup_id, RsvpCounts()), now)
            for d in items
        }

    def _message(
        self,
        delivery: Delivery,
        community: Community,
        meetup: Meetup | None,
        contacts: Mapping[int, Contact],
        counts: RsvpCounts,
        now: datetime,
    ) -> Outgoing | str:
        if meetup is None:
            return "the meetup was deleted"
        if delivery.kind is DeliveryKind.REMINDER:
            if meetup.status is not MeetupStatus.SCHEDULED:
                return f"the meetup is {meetup.status.value}"
            start = delivery.occurrence_start
            if not meetup.occurrences(start, start + timedelta(microseconds=1)):
                return "that session no longer takes place at that time"
        contact = contacts.get(delivery.member_id) if delivery.member_id is not None else None
        if delivery.member_id is not None and contact is None:
            return "the member is no longer in the community"
        if delivery.channel is None:
            assert contact is not None
            recipient = Recipient(community.platform, community.external_id,
                                  member_external_id=contact.external_id,
                                  display_name=contact.display_name)
            reply = self._direct(delivery, meetup, zone_or_utc(contact.timezone), now)
        else:
            recipient = Recipient(community.platform, community.external_id,
                                  channel=delivery.channel)
            reply = self._post(delivery, meetup, contact, counts, now)
        return Outgoing(recipient, reply, delivery.idempotency_key)

    @staticmethod
    def _direct(delivery: Delivery, meetup: Meetup, zone: str, now: datetime) -> Reply:
        if delivery.kind is DeliveryKind.NOTICE:
            return notice_reply(meetup, delivery.payload, zone)
        return Reply(
            text=reminder_text(meetup, delivery.occurrence_start, zone, now),
            buttons=(Button("Details", f"/meetup info {meetup.id}"),
                     Button("Can't go", f"/rsvp {meetup.id} no")),
        )

    @staticmethod
    def _post(delivery: Delivery, meetup: Meetup, contact: Contact | None, counts: RsvpCounts,
              now: datetime) -> Reply:
        if contact is not None:  # a mention: the member's DM failed for good
            inner = MeetupComposer._direct(delivery, meetup, meetup.zone, now)
            text = (f"@{safe(contact.display_name, 80)} (I couldn't send you a direct message) "
                    f"{inner.text}")
            return Reply(text=text, visibility=Visibility.PUBLIC,
                         mentions=(contact.external_id,))
        text = (f"{reminder_text(meetup, delivery.occurrence_start, meetup.zone, now)} · "
                f"{counts_text(meetup, counts)}")
        return Reply(text=text, buttons=rsvp_buttons(meetup.id), visibility=Visibility.PUBLIC)
