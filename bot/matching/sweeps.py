"""Background work of matching: expired requests, due check-ins, wishes and the outbox.

The database says what is due; the timer (and ``Services.matching_alarm``) only decides when
to look. Every step claims its rows with a conditional update, so two bot processes never act
twice on the same request or check-in.
"""

from __future__ import annotations

import logging

from bot.matching.delivery import deliver
from bot.matching.domain import Pairing
from bot.matching.flows import expire_request, name
from bot.matching.notify import Notifier
from bot.matching.ranking import Matchmaker
from bot.matching.views import checkin_buttons, span
from bot.matching.wishes import grant_wishes
from bot.ports import UnitOfWork
from bot.replies import Reply
from bot.runtime import BackgroundRunner, PeriodicTask
from bot.services import Services

log = logging.getLogger(__name__)

DUE_TASK = "matching-due"
WISHES_TASK = "matching-wishes"
_BATCH = 50
_MAX_BATCHES = 20


def matching_tasks(svc: Services) -> list[PeriodicTask]:
    """The periodic sweeps of matching (the alarm wakes ``DUE_TASK`` at exact times too)."""
    interval = svc.matching.sweep_interval.total_seconds()

    async def due() -> None:
        await run_due(svc)

    async def wishes() -> None:
        await run_wishes(svc)

    return [PeriodicTask(DUE_TASK, interval, due), PeriodicTask(WISHES_TASK, interval, wishes)]


async def run_due(svc: Services) -> None:
    """Expire unanswered requests, start due check-ins, retry unsent messages."""
    await expire_due(svc)
    await start_checkins(svc)
    await deliver(svc, None)


async def expire_due(svc: Services) -> int:
    """Close every request past its expiry; returns how many."""
    closed = 0
    for _ in range(_MAX_BATCHES):
        maker = Matchmaker(svc.taxonomy, svc.matching, svc.clock.now())
        async with svc.uow() as uow:
            due = await uow.matching.requests.due_expired(maker.now, _BATCH)
        for request in due:
            async with svc.uow() as uow:
                notifier = Notifier(uow, maker.now)
                if await expire_request(uow, maker, notifier, request):
                    closed += 1
                await uow.commit()
            await deliver(svc, notifier.ids)
        if len(due) < _BATCH:
            break
    return closed


async def start_checkins(svc: Services) -> int:
    """Send "Did you meet?" to both sides of every pairing whose check-in is due."""
    started = 0
    for _ in range(_MAX_BATCHES):
        now = svc.clock.now()
        async with svc.uow() as uow:
            due = await uow.matching.pairings.due_checkins(now, _BATCH)
        for pairing in due:
            due_at = pairing.next_checkin_at
            async with svc.uow() as uow:
                notifier = Notifier(uow, now)
                claimed = due_at is not None and await uow.matching.pairings.claim_checkin(
                    pairing.community_id, pairing.id, due_at, now
                )
                if claimed:
                    await _ask(uow, notifier, pairing, svc)
                    started += 1
                await uow.commit()
            await deliver(svc, notifier.ids)
        if len(due) < _BATCH:
            break
    return started


async def _ask(uow: UnitOfWork, notifier: Notifier, pairing: Pairing, svc: Services) -> None:
    cid = pairing.community_id
    since = span(svc.clock.now() - pairing.started_at)
    for member_id in (pairing.mentee_id, pairing.mentor_id):
        partner = await name(uow, cid, pairing.partner_of(member_id))
        await notifier.tell(cid, member_id, Reply(
            text=f"Checking in: did you and {partner} meet? It's been {since} since I "
            "introduced you.",
            buttons=checkin_buttons(pairing.id),
        ), about_id=pairing.partner_of(member_id))


async def run_wishes(svc: Services) -> int:
    """Tell mentees waiting on a "tell me when" that a mentor who fits is available."""
    told = 0
    async with svc.uow() as uow:
        communities = sorted({w.community_id for w in await uow.matching.seekers.wishes()})
    for community_id in communities:
        maker = Matchmaker(svc.taxonomy, svc.matching, svc.clock.now())
        async with svc.uow() as uow:
            notifier = Notifier(uow, maker.now)
            told += await grant_wishes(uow, maker, notifier, community_id)
            await uow.commit()
        await deliver(svc, notifier.ids)
    return told


def attach_matching_alarm(svc: Services, runner: BackgroundRunner) -> None:
    """Let handlers wake the due-work sweep at a request's expiry or a check-in's time."""
    svc.matching_alarm.attach(lambda at: runner.wake(DUE_TASK, at))
