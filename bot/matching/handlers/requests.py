"""Use cases: ask a mentor, the mentor's accept / decline, and the mentee's cancel."""

from __future__ import annotations

from bot.matching.commands import AnswerRequest, CancelRequest, RequestMentor
from bot.matching.domain import (
    MatchRequest,
    NoticeKind,
    Pairing,
    PairingStatus,
    RequestStatus,
)
from bot.matching.flows import expire_request, mentee_of, name, offer_next, reset_ignored
from bot.matching.handlers.common import TopicError, maker_of, resolve_topics, settle
from bot.matching.notify import Notifier
from bot.matching.ranking import Matchmaker, excluded_mentors
from bot.matching.reasons import explain
from bot.matching.views import (
    answer_buttons,
    person_card,
    reasons_text,
    span,
    when,
)
from bot.ports import UnitOfWork
from bot.replies import Button, ButtonStyle, Card, Field, Reply, error
from bot.services import Services, existing_member, member_of

_GONE = "I can't find that request. /match status shows yours."
_STATUS_WORDS = {
    RequestStatus.ACCEPTED: "was already accepted",
    RequestStatus.DECLINED: "was already declined",
    RequestStatus.EXPIRED: "expired without an answer",
    RequestStatus.CANCELLED: "was withdrawn",
    RequestStatus.UNDELIVERABLE: "could not be delivered",
}


async def request_mentor(cmd: RequestMentor, svc: Services) -> Reply:
    """Ask a mentor: they get a direct message with my card and Accept / Decline buttons."""
    maker = maker_of(svc)
    topic = None
    if cmd.topic:
        try:
            topic = resolve_topics(svc.taxonomy, [cmd.topic])[0]
        except TopicError as exc:
            return error(str(exc))
    async with svc.uow() as uow:
        community, mentee = await member_of(uow, cmd.actor)
        cid = community.id
        await uow.matching.lock_member(cid, mentee.id)
        mentor = await uow.members.get(cid, cmd.mentor_id)
        if mentor is None:
            return error("I can't find that mentor here. /match suggests mentors who fit you.")
        who = await name(uow, cid, mentor.id)
        if mentor.id == mentee.id:
            return error("You can't be your own mentor — though I admire the confidence.")
        open_requests = await uow.matching.requests.for_mentee(
            cid, mentee.id, (RequestStatus.OPEN,)
        )
        if len(open_requests) >= svc.matching.open_requests_per_mentee:
            waiting = open_requests[0]
            other = await name(uow, cid, waiting.mentor_id)
            return error(
                f"You already asked {other} (request #{waiting.id}); wait for their answer "
                f"(by {when(waiting.expires_at)}) or withdraw it with /match cancel {waiting.id}."
            )
        if mentor.id in await excluded_mentors(uow.matching, cid, mentee.id):
            return error(
                f"I won't ask {who} for you: you've worked together before, they already "
                "answered you, or your request to them is still open. /match suggests others."
            )
        candidate = await uow.matching.directory.mentor(
            cid, mentor.id, default_capacity=svc.matching.default_capacity
        )
        state = await uow.matching.mentors.get(cid, mentor.id)
        if candidate is None:
            return error(f"{who} isn't offering mentoring right now. /match suggests others.")
        if state is not None and state.is_paused(maker.now):
            return error(f"{who} is taking a break from mentoring. /match suggests others.")
        if candidate.facts.spare <= 0:
            return error(f"{who} has no free mentee slot right now. /match suggests others.")
        _, facts = await mentee_of(uow, cid, mentee.id, topic)
        if not facts.goals:
            return error("Tell me what you'd like to learn first: /profile edit learn Rust.")
        pair = maker.scorer().score(facts, candidate.facts)
        if pair is None:
            return error(
                f"{who} doesn't mentor on anything you're learning. /match suggests mentors "
                "who fit you."
            )
        request = await uow.matching.requests.add(MatchRequest(
            id=0, community_id=cid, mentee_id=mentee.id, mentor_id=mentor.id,
            status=RequestStatus.OPEN, score=pair.score,
            reasons=explain(svc.taxonomy, pair, facts, candidate.facts, to_mentee=False),
            created_at=maker.now, expires_at=maker.now + svc.matching.request_expiry,
            topic=topic,
        ))
        await uow.matching.seekers.seek(cid, mentee.id, topic, maker.now)
        notifier = Notifier(uow, maker.now)
        await notifier.tell(
            cid, mentor.id, await request_message(uow, maker, request),
            kind=NoticeKind.REQUEST, ref_id=request.id, about_id=mentee.id,
        )
        await uow.commit()
    await settle(svc, notifier, (request.expires_at,))
    return Reply(
        text=(
            f"I've asked {who} (request #{request.id}). They have "
            f"{span(svc.matching.request_expiry)} to answer, and I'll tell you either way."
        ),
        buttons=(Button("Withdraw", f"/match cancel {request.id}"),),
    )


async def request_message(uow: UnitOfWork, maker: Matchmaker, request: MatchRequest) -> Reply:
    """The mentor's direct message: who asks, why they were suggested, Accept / Decline."""
    cid = request.community_id
    mentee = await name(uow, cid, request.mentee_id)
    mentor_profile = await uow.profiles.get(cid, request.mentor_id)
    zone = mentor_profile.timezone if mentor_profile is not None else None
    about = f" about {maker.name(request.topic)}" if request.topic else ""
    mentee_profile = await uow.profiles.get(cid, request.mentee_id)
    return Reply(
        text=(
            f"{mentee} would like you as their mentor{about}. Please answer by "
            f"{when(request.expires_at, zone)}; after that I'll tell them you're busy."
        ),
        cards=(
            person_card(f"{mentee} (request #{request.id})", mentee_profile),
            Card("Why I suggested you", description=reasons_text(request.reasons),
                 footer=f"score {request.score:.0f}"),
        ),
        buttons=answer_buttons(request.id),
    )


async def answer_request(cmd: AnswerRequest, svc: Services) -> Reply:
    """The mentor accepts (pairing, introductions, a check-in) or declines (next match)."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        request = (
            await uow.matching.requests.get(community.id, cmd.request_id) if member else None
        )
        if member is None or request is None or request.mentor_id != member.id:
            return error(_GONE)
        notifier = Notifier(uow, maker.now)
        mentee = await name(uow, community.id, request.mentee_id)
        if request.status is not RequestStatus.OPEN:
            return error(f"The request from {mentee} {_STATUS_WORDS[request.status]}.")
        if request.expires_at <= maker.now:
            await expire_request(uow, maker, notifier, request)
            await uow.commit()
            await settle(svc, notifier)
            return error(f"Sorry, the request from {mentee} had expired; I've let them know.")
        if not cmd.accept:
            reply = await _decline(uow, maker, notifier, request, mentee)
        else:
            accepted = await _accept(uow, svc, maker, notifier, request, mentee)
            if isinstance(accepted, str):
                return error(accepted)  # rolls back: the request stays open
            reply = accepted
        await uow.commit()
    await settle(svc, notifier, (maker.now + svc.matching.checkin_after,))
    return reply


async def _decline(
    uow: UnitOfWork, maker: Matchmaker, notifier: Notifier, request: MatchRequest, mentee: str
) -> Reply:
    cid = request.community_id
    if not await uow.matching.requests.close(cid, request.id, RequestStatus.DECLINED, maker.now):
        return error(f"The request from {mentee} was answered a moment ago.")
    await reset_ignored(uow, cid, request.mentor_id)
    mentor = await name(uow, cid, request.mentor_id)
    await offer_next(uow, maker, notifier, request, (
        f"{mentor} can't take on a mentee right now — no hard feelings, it's about their "
        "time. Here are other mentors you could ask:"
    ))
    return Reply(text=f"Declined. Thanks for answering quickly — I've let {mentee} know kindly.")


async def _accept(
    uow: UnitOfWork, svc: Services, maker: Matchmaker, notifier: Notifier,
    request: MatchRequest, mentee: str,
) -> Reply | str:
    cid = request.community_id
    candidate = await uow.matching.directory.mentor(
        cid, request.mentor_id, default_capacity=svc.matching.default_capacity
    )
    capacity = candidate.facts.capacity if candidate else svc.matching.default_capacity
    if not await uow.matching.requests.close(cid, request.id, RequestStatus.ACCEPTED, maker.now):
        return f"The request from {mentee} was answered a moment ago."
    if not await uow.matching.mentors.take_slot(cid, request.mentor_id, capacity):
        return (
            f"You have no free mentee slot ({capacity} of {capacity} taken), so I kept "
            f"{mentee}'s request open. Raise your capacity (/mentor on {capacity + 1}) and "
            f"accept again, or decline with /match decline {request.id}."
        )
    next_checkin = maker.now + svc.matching.checkin_after
    pairing = await uow.matching.pairings.add(Pairing(
        id=0, community_id=cid, mentor_id=request.mentor_id, mentee_id=request.mentee_id,
        status=PairingStatus.ACTIVE, started_at=maker.now, request_id=request.id,
        next_checkin_at=next_checkin,
    ))
    await reset_ignored(uow, cid, request.mentor_id)
    await uow.matching.seekers.stop(cid, request.mentee_id)
    mentor = await name(uow, cid, request.mentor_id)
    for other in await uow.matching.requests.for_mentee(
        cid, request.mentee_id, (RequestStatus.OPEN,)
    ):
        if await uow.matching.requests.close(cid, other.id, RequestStatus.CANCELLED, maker.now):
            await notifier.tell(cid, other.mentor_id, Reply(
                text=f"{mentee} found a mentor, so their request #{other.id} to you is "
                "withdrawn. Thanks!"
            ), about_id=request.mentee_id)
    mentor_profile = await uow.profiles.get(cid, request.mentor_id)
    mentee_profile = await uow.profiles.get(cid, request.mentee_id)
    checkin = f"I'll check in with you both in {span(svc.matching.checkin_after)}."
    await notifier.tell(cid, request.mentee_id, Reply(
        text=(
            f"Good news: {mentor} accepted — meet your mentor! Say hello and find a first time "
            f"to talk. {checkin}"
        ),
        cards=(person_card(f"Your mentor {mentor}", mentor_profile,
                           (Field("Mentorship", f"#{pairing.id}"),)),),
    ), about_id=request.mentor_id)
    await notifier.tell(cid, request.mentor_id, Reply(
        text=f"Meet your mentee {mentee}! They're expecting to hear from you. {checkin}",
        cards=(person_card(f"Your mentee {mentee}", mentee_profile,
                           (Field("Mentorship", f"#{pairing.id}"),)),),
        buttons=(Button("End mentorship", f"/match end {pairing.id}", ButtonStyle.DANGER),),
    ), about_id=request.mentee_id)
    return Reply(text=f"You're now mentoring {mentee} 🎉 I've introduced you both by DM.")


async def cancel_request(cmd: CancelRequest, svc: Services) -> Reply:
    """The mentee withdraws an open request; the mentor is told."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        request = (
            await uow.matching.requests.get(community.id, cmd.request_id) if member else None
        )
        if member is None or request is None or request.mentee_id != member.id:
            return error(_GONE)
        mentor = await name(uow, community.id, request.mentor_id)
        if not await uow.matching.requests.close(
            community.id, request.id, RequestStatus.CANCELLED, maker.now
        ):
            status = _STATUS_WORDS.get(request.status, "is closed")
            return error(f"Your request to {mentor} {status}, so there is nothing to withdraw.")
        notifier = Notifier(uow, maker.now)
        mentee = await name(uow, community.id, member.id)
        await notifier.tell(community.id, request.mentor_id, Reply(
            text=f"{mentee} withdrew their mentoring request #{request.id}. No action needed."
        ), about_id=member.id)
        await uow.commit()
    await settle(svc, notifier)
    return Reply(text=f"Withdrawn: your request to {mentor}. /match suggests others.")
