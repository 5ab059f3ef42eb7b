"""Delivering queued matching notices through the Messenger, with retries and give-up rules."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.matching.domain import Notice, NoticeKind
from bot.matching.flows import close_undeliverable
from bot.matching.notify import Notifier
from bot.matching.ranking import Matchmaker
from bot.outbox import Outgoing, Recipient, SendResult, SendStatus
from bot.services import Services

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # a claimed notice is someone else's to send until then
MAX_ATTEMPTS = 6
_BATCH = 100
_MAX_BATCHES = 20


def retry_delay(attempts: int) -> timedelta:
    """Back off 30 s, 1 min, 2 min, 4 min … after each transient failure."""
    return timedelta(seconds=30 * 2 ** max(attempts - 1, 0))


@dataclass(frozen=True, slots=True)
class _Outcome:
    notice: Notice
    result: SendResult


async def deliver(svc: Services, ids: Sequence[int] | None = None) -> int:
    """Send these queued notices (or every one that is due); returns how many were sent.

    Never raises for delivery problems: a transient failure is retried later, a permanent one
    (or too many attempts) gives up, and a request that cannot reach its mentor is closed so the
    mentee hears about it. Follow-up notices that this creates are delivered too.
    """
    sent = 0
    batches: list[Sequence[int] | None] = [ids]
    for _ in range(_MAX_BATCHES):
        if not batches:
            break
        batch = batches.pop(0)
        if batch is not None and not batch:
            continue
        outcomes = await _send(svc, batch)
        sent += sum(o.result.status is SendStatus.SENT for o in outcomes)
        follow_up = await _record(svc, outcomes)
        if follow_up:
            batches.append(follow_up)
        if batch is None and len(outcomes) == _BATCH:
            batches.append(None)  # more may be due
    return sent


async def _send(svc: Services, ids: Sequence[int] | None) -> list[_Outcome]:
    now = svc.clock.now()
    recipients: dict[int, Recipient | None] = {}
    async with svc.uow() as uow:
        notices = await uow.matching.notices.claim(ids, now, now + LEASE, _BATCH)
        for notice in notices:
            community = await uow.communities.get(notice.community_id)
            member = await uow.members.get(notice.community_id, notice.recipient_id)
            recipients[notice.id] = None if community is None or member is None else Recipient(
                community.platform, community.external_id,
                member_external_id=member.external_id, display_name=member.display_name,
            )
        await uow.commit()
    outcomes = []
    for notice in notices:
        recipient = recipients[notice.id]
        if recipient is None:
            result = SendResult(SendStatus.PERMANENT, reason="the member is gone")
        else:
            try:
                result = await svc.messenger.send(
                    Outgoing(recipient, notice.reply, notice.idempotency_key)
                )
            except Exception as exc:  # a messenger must not raise, but one bad send stops nothing
                log.exception("sending matching notice %s failed", notice.id)
                result = SendResult(SendStatus.TRANSIENT, reason=f"{type(exc).__name__}: {exc}")
        outcomes.append(_Outcome(notice, result))
    return outcomes


async def _record(svc: Services, outcomes: Sequence[_Outcome]) -> list[int]:
    """Store what happened; returns notices created because a request could not be delivered."""
    if not outcomes:
        return []
    now = svc.clock.now()
    maker = Matchmaker(svc.taxonomy, svc.matching, now)
    async with svc.uow() as uow:
        notifier = Notifier(uow, now)
        for outcome in outcomes:
            notice, result = outcome.notice, outcome.result
            repo = uow.matching.notices
            if result.status is SendStatus.SENT:
                await repo.sent(notice.id, now)
                continue
            give_up = (
                result.status is SendStatus.PERMANENT or notice.attempts >= MAX_ATTEMPTS
            )
            if not give_up:
                await repo.retry(notice.id, result.reason, now + retry_delay(notice.attempts))
                continue
            log.warning("giving up on matching notice %s: %s", notice.id, result.reason)
            await repo.failed(notice.id, result.reason, now)
            if notice.kind is NoticeKind.REQUEST and notice.ref_id is not None:
                await close_undeliverable(uow, maker, notifier, notice.community_id,
                                          notice.ref_id)
        await uow.commit()
    return notifier.ids
