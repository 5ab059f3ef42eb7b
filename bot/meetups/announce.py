"""The meetup's card in its channel: posted when confirmed, updated as answers come in."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import datetime

from bot.domain.community import Community
from bot.meetups.domain import Meetup, RsvpCounts
from bot.meetups.ports import MessageEditor
from bot.meetups.views import announcement
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.services import Services

log = logging.getLogger(__name__)


async def publish(svc: Services, community: Community, meetup_id: int) -> bool:
    """Post or refresh the card of a meetup with its current answers; False if that failed.

    With a messenger that can edit (``MessageEditor``) the posted card is edited in place;
    otherwise an updated card is posted and becomes the one to edit next time. The refresh
    runs in ``svc.cards`` (one pass at a time per card) and never raises for its failures.
    """
    return await svc.cards.refresh((community.id, meetup_id),
                                   lambda: _publish(svc, community, meetup_id))


async def _publish(svc: Services, community: Community, meetup_id: int) -> bool:
    now = svc.clock.now()
    async with svc.uow(read_only=True) as uow:
        meetup = await uow.meetups.events.get(community.id, meetup_id)
        if meetup is None:
            return False
        counts = (await uow.meetups.rsvps.counts(community.id, [meetup.id])).get(meetup.id)
    reply = announcement(meetup, counts or RsvpCounts(), now)
    channel = meetup.channel or svc.meetups.policy(community.external_id).channel
    recipient = Recipient(community.platform, community.external_id, channel=channel)
    messenger = svc.messenger
    if meetup.announcement_id and isinstance(messenger, MessageEditor):
        edited = await messenger.edit(recipient, meetup.announcement_id, reply)
        if edited.status is SendStatus.SENT:
            return True
        log.warning("could not edit the card of meetup %s: %s", meetup.id, edited.reason)
    result = await messenger.send(Outgoing(recipient, reply, _card_key(meetup, reply.text, now)))
    if result.status is not SendStatus.SENT:
        log.warning("could not post the card of meetup %s in #%s: %s",
                    meetup.id, channel, result.reason)
        return False
    if result.platform_message_id and result.platform_message_id != meetup.announcement_id:
        await _remember(svc, meetup, result.platform_message_id)
    return True


async def _remember(svc: Services, meetup: Meetup, message_id: str) -> None:
    async with svc.uow() as uow:
        current = await uow.meetups.events.get(meetup.community_id, meetup.id, for_update=True)
        if current is None:
            return
        await uow.meetups.events.save(replace(current, announcement_id=message_id))
        await uow.commit()


def _card_key(meetup: Meetup, text: str, now: datetime) -> str:
    """A fresh idempotency key per card version (25 characters)."""
    digest = hashlib.blake2b(f"{meetup.id}|{meetup.revision}|{text}|{now}".encode(),
                             digest_size=11).hexdigest()
    return "mc-" + digest

