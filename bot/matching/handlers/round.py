"""Use case: ``/match round`` — an organizer matches every waiting mentee at once."""

from __future__ import annotations

from collections import Counter

from bot.matching.cohort import CohortMentee, CohortMentor, plan_round
from bot.matching.commands import RunRound
from bot.matching.domain import MatchRequest, NoticeKind, RequestStatus, RoundRecord
from bot.matching.flows import mentee_of, name
from bot.matching.handlers.common import maker_of, settle
from bot.matching.handlers.requests import request_message
from bot.matching.notify import Notifier
from bot.matching.views import span
from bot.ports import UnitOfWork
from bot.replies import Button, Reply, Visibility, error
from bot.services import Services, member_of

_SUMMARY_LINES = 25
_BANNED_BY_REQUEST = (RequestStatus.OPEN, RequestStatus.DECLINED, RequestStatus.EXPIRED,
                      RequestStatus.UNDELIVERABLE)


async def _banned(uow: UnitOfWork, community_id: int) -> set[tuple[str, str]]:
    """(mentee, mentor) pairs a round must not make: earlier pairings either way round, and
    mentors who declined, ignored or are being asked by that mentee."""
    banned: set[tuple[str, str]] = set()
    for pairing in await uow.matching.pairings.for_community(community_id):
        banned.add((str(pairing.mentee_id), str(pairing.mentor_id)))
        banned.add((str(pairing.mentor_id), str(pairing.mentee_id)))
    for request in await uow.matching.requests.for_community(community_id, _BANNED_BY_REQUEST):
        banned.add((str(request.mentee_id), str(request.mentor_id)))
    return banned


async def run_round(cmd: RunRound, svc: Services) -> Reply:
    """Optimal matching of all waiting mentees; requests go out and a summary is posted."""
    if not cmd.actor.is_organizer:
        return error(
            "Only organizers can run a matching round. Ask one to run /match round — or find "
            "a mentor yourself with /match."
        )
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, organizer = await member_of(uow, cmd.actor)
        cid = community.id
        open_requests = await uow.matching.requests.for_community(cid, (RequestStatus.OPEN,))
        asking = {r.mentee_id for r in open_requests}
        asked = Counter(r.mentor_id for r in open_requests)
        seekers = [s for s in await uow.matching.seekers.seekers(cid) if s.member_id not in asking]
        if not seekers:
            return Reply(text="Nobody is waiting for a mentor right now (members join the queue "
                         "with /match), so there was nothing to match.")
        mentees, topics = [], {}
        for seeker in seekers:
            _, facts = await mentee_of(uow, cid, seeker.member_id, seeker.topic)
            mentees.append(CohortMentee(str(seeker.member_id), facts))
            topics[str(seeker.member_id)] = seeker.topic
        available = await uow.matching.directory.available(
            cid, now=maker.now, default_capacity=svc.matching.default_capacity
        )
        mentors = [
            CohortMentor(str(m.member_id), m.facts, m.facts.spare - asked[m.member_id])
            for m in available
        ]
        banned = await _banned(uow, cid) | {(m.key, m.key) for m in mentees}
        plan = plan_round(maker.scorer(), mentees, mentors, banned)
        record = await uow.matching.rounds.add(RoundRecord(
            0, cid, organizer.id, maker.now, len(plan.pairs), len(plan.unmatched),
            plan.total_score,
        ))
        notifier = Notifier(uow, maker.now)
        expires = maker.now + svc.matching.request_expiry
        for pair in plan.pairs:
            mentee_id, mentor_id = int(pair.mentee), int(pair.mentor)
            request = await uow.matching.requests.add(MatchRequest(
                id=0, community_id=cid, mentee_id=mentee_id, mentor_id=mentor_id,
                status=RequestStatus.OPEN, score=pair.score, reasons=pair.reasons,
                created_at=maker.now, expires_at=expires, topic=topics[pair.mentee],
                round_id=record.id,
            ))
            await notifier.tell(cid, mentor_id, await request_message(uow, maker, request),
                                kind=NoticeKind.REQUEST, ref_id=request.id, about_id=mentee_id)
            mentor = await name(uow, cid, mentor_id)
            await notifier.tell(cid, mentee_id, Reply(
                text=f"In this matching round you were matched with {mentor} (score "
                f"{pair.score:.0f}). I've asked them; they have "
                f"{span(svc.matching.request_expiry)} to answer.",
                buttons=(Button("Withdraw", f"/match cancel {request.id}"),),
            ), about_id=mentor_id)
        lines = []
        for miss in plan.unmatched:
            mentee_id = int(miss.mentee)
            await notifier.tell(cid, mentee_id, Reply(
                text=f"This matching round I couldn't find you a mentor: {miss.reason}. You "
                "stay in the queue for the next round; /match shows who fits now."
            ))
            lines.append(f"• {await name(uow, cid, mentee_id)} — {miss.reason}")
        await uow.commit()
    await settle(svc, notifier, (expires,))
    summary = [
        f"Matching round #{record.id}: {len(plan.pairs)} of {len(mentees)} waiting mentees "
        f"matched (total score {plan.total_score:.0f}); their mentors have been asked."
    ]
    if lines:
        summary.append("Not matched this time:")
        summary += lines[:_SUMMARY_LINES]
        if len(lines) > _SUMMARY_LINES:
            summary.append(f"… and {len(lines) - _SUMMARY_LINES} more.")
    return Reply(text="\n".join(summary), visibility=Visibility.PUBLIC)
