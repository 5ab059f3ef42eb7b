"""Use cases: answering "Did you meet?" (or ending a mentorship) and rating the mentor."""

from __future__ import annotations

from bot.matching.commands import AnswerCheckin, RateMentor
from bot.matching.domain import CheckinAnswer, Pairing, PairingStatus
from bot.matching.flows import name
from bot.matching.handlers.common import maker_of, settle
from bot.matching.notify import Notifier
from bot.matching.views import rating_buttons, span
from bot.replies import Button, ButtonStyle, Reply, error
from bot.services import Services, existing_member

_GONE = "I can't find that mentorship. /match status shows yours."


async def answer_checkin(cmd: AnswerCheckin, svc: Services) -> Reply:
    """Record a check-in answer; "not working" ends the mentorship and frees the slot."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        pairing = (
            await uow.matching.pairings.get(community.id, cmd.pairing_id) if member else None
        )
        if member is None or pairing is None or pairing.role_of(member.id) is None:
            return error(_GONE)
        if pairing.status is not PairingStatus.ACTIVE:
            return Reply(text="That mentorship has already ended — thanks for checking in.")
        cid = community.id
        partner_id = pairing.partner_of(member.id)
        partner = await name(uow, cid, partner_id)
        me = await name(uow, cid, member.id)
        notifier = Notifier(uow, maker.now)
        wake = []
        if cmd.answer is CheckinAnswer.NOT_WORKING:
            if not await uow.matching.pairings.end(cid, pairing.id, "not_working", maker.now):
                return Reply(text="That mentorship has already ended.")
            await uow.matching.mentors.release_slot(cid, pairing.mentor_id)
            await notifier.tell(cid, partner_id, _ended_for_partner(pairing, partner_id, me),
                                about_id=member.id)
            reply = _ended_for_actor(pairing, member.id, partner)
        else:
            again = None
            if cmd.answer in {CheckinAnswer.SCHEDULED, CheckinAnswer.NOT_YET}:
                again = maker.now + svc.matching.checkin_after
                wake.append(again)
            await uow.matching.pairings.answer(
                cid, pairing.id, member.id, cmd.answer, maker.now, again
            )
            reply = _thanks(pairing, member.id, cmd.answer, partner, svc)
        await uow.commit()
    await settle(svc, notifier, wake)
    return reply


def _thanks(
    pairing: Pairing, member_id: int, answer: CheckinAnswer, partner: str, svc: Services
) -> Reply:
    if answer is CheckinAnswer.MET:
        if member_id == pairing.mentee_id:
            return Reply(
                text=f"Great that you met {partner}! How helpful was it? (1 = not at all, "
                "5 = very) Your rating stays private and gently guides future matches.",
                buttons=rating_buttons(pairing.id),
            )
        return Reply(text=f"Great that you met {partner} — thank you for mentoring!")
    later = span(svc.matching.checkin_after)
    if answer is CheckinAnswer.SCHEDULED:
        return Reply(text=f"Nice, enjoy the conversation! I'll check in again in {later}.")
    return Reply(
        text=f"No problem — finding time is hard. Maybe send {partner} a couple of times that "
        f"suit you? I'll check in again in {later}.",
        buttons=(Button("It's not working", f"/match end {pairing.id}", ButtonStyle.DANGER),),
    )


def _ended_for_actor(pairing: Pairing, member_id: int, partner: str) -> Reply:
    if member_id == pairing.mentee_id:
        return Reply(
            text=f"Okay, I've closed your mentorship with {partner} and let them know politely. "
            "Not every match works — want to find another mentor?",
            buttons=(Button("Find a mentor", "/match", ButtonStyle.PRIMARY),),
        )
    return Reply(text=f"Okay, I've closed your mentorship with {partner} and let them know "
                 "politely. Your mentee slot is free again.")


def _ended_for_partner(pairing: Pairing, partner_id: int, actor: str) -> Reply:
    text = (
        f"{actor} felt your mentorship wasn't working out and has closed it. That happens — "
        "thank you for giving it a go."
    )
    if partner_id == pairing.mentee_id:
        return Reply(text=text + " Want to find another mentor?",
                     buttons=(Button("Find a mentor", "/match", ButtonStyle.PRIMARY),))
    return Reply(text=text + " Your mentee slot is free again.")


async def rate_mentor(cmd: RateMentor, svc: Services) -> Reply:
    """The mentee's 1–5 rating after meeting; a new rating replaces the old one."""
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        pairing = (
            await uow.matching.pairings.get(community.id, cmd.pairing_id) if member else None
        )
        if member is None or pairing is None or pairing.role_of(member.id) is None:
            return error(_GONE)
        if pairing.mentee_id != member.id:
            return error("Only the mentee rates a mentorship.")
        if pairing.met_at is None:
            return error(
                "Rate your mentor once you've met: answer the check-in with "
                f"/match checkin {pairing.id} met."
            )
        previous = await uow.matching.pairings.rate(community.id, pairing.id, cmd.rating)
        await uow.matching.mentors.add_rating(
            community.id, pairing.mentor_id, cmd.rating - (previous or 0),
            0 if previous is not None else 1,
        )
        await uow.commit()
    return Reply(text=f"Thanks! You rated it {cmd.rating}/5 — it helps me suggest better matches.")
